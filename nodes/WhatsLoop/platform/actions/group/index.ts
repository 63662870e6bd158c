import type { ResourceDefinition } from '../../../../shared/execute';
import { withSending } from '../../../../shared/sending';
import { platformSending } from '../common';
import {
	addParticipants,
	createGroup,
	demoteParticipants,
	getGroupMessages,
	getGroups,
	getInviteCode,
	getInviteInfo,
	getMetadata,
	getPicture,
	joinGroup,
	promoteParticipants,
	removeParticipants,
	renameGroup,
	revokeInviteCode,
	sendInviteLink,
	setDescription,
	setPicture,
	updateSettings,
} from './group.operations';

export const group: ResourceDefinition = {
	name: 'Group',
	value: 'group',
	description: 'Create and join groups, manage invites, participants, name, description, settings and picture',
	operations: [
		...withSending(platformSending, createGroup),
		getGroups,
		getMetadata,
		getGroupMessages,
		...withSending(platformSending, joinGroup),
		getInviteCode,
		...withSending(platformSending, revokeInviteCode, sendInviteLink),
		getInviteInfo,
		...withSending(platformSending, addParticipants, removeParticipants, promoteParticipants, demoteParticipants, renameGroup, setDescription, updateSettings),
		getPicture,
		...withSending(platformSending, setPicture),
	],
};
