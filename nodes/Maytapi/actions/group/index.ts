import type { ResourceDefinition } from '../../../shared/execute';
import { withSending } from '../../../shared/sending';
import { maytapiSending } from '../common';
import { createGroup } from './create.operation';
import { getGroup } from './get.operation';
import { getManyGroups } from './getMany.operation';
import { leaveGroup } from './leave.operation';
import { addParticipants, demoteParticipants, promoteParticipants, removeParticipants } from './participants.operations';
import { setGroupPicture } from './setPicture.operation';
import { updateGroupSettings } from './updateSettings.operation';

export const group: ResourceDefinition = {
	name: 'Group',
	value: 'group',
	description: 'Create and manage WhatsApp groups',
	operations: [
		...withSending(maytapiSending, createGroup),
		getManyGroups,
		getGroup,
		...withSending(
			maytapiSending,
			addParticipants,
			removeParticipants,
			promoteParticipants,
			demoteParticipants,
			updateGroupSettings,
			setGroupPicture,
			leaveGroup,
		),
	],
};
