import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition, ResourceDefinition } from '../../../shared/execute';
import { withSending } from '../../../shared/sending';
import { inboxRequest } from '../../transport';
import { chatLocator, chatOf, eventFilters, eventQuery, groupLocator, idOf, listFields, listOperation, userLocator, inbox360Sending, validator } from '../common';

const get: OperationDefinition = {
	resource: 'assignment',
	operation: 'get',
	name: 'Get',
	action: 'Get who a chat is assigned to',
	description: 'Get the user and group a chat is assigned to (IDs; null when unassigned)',
	properties: [chatLocator],
	async execute(this: IExecuteFunctions, i: number) {
		return await inboxRequest.call(this, 'assignment', { params: { waId: chatOf(this, i) }, repeatable: true, itemIndex: i });
	},
};

const assign: OperationDefinition = {
	resource: 'assignment',
	operation: 'assign',
	name: 'Assign',
	action: 'Assign a chat to a user or group',
	description: 'Assign a chat to a user and/or a group; what you leave empty is not changed',
	properties: [
		chatLocator,
		userLocator(),
		groupLocator(),
		{
			displayName: 'Only admins may take a chat from another user, and a bot may usually write only to chats assigned to it. The inbox answers 403 otherwise.',
			name: 'assignNotice',
			type: 'notice',
			default: '',
		},
	],
	async execute(this: IExecuteFunctions, i: number) {
		const chat = chatOf(this, i);
		const body: IDataObject = {};
		const user = idOf(this, i, 'user', 'User', false);
		const group = idOf(this, i, 'group', 'Group', false);
		if (user !== undefined) body.assigned_to_user = user;
		if (group !== undefined) body.assigned_group = group;
		if (!Object.keys(body).length) validator(this, i).fail('Choose a "User", a "Group" or both to assign the chat to');
		// PATCH of the fields given: the same assignment twice is the same state.
		return await inboxRequest.call(this, 'assignmentUpdate', { params: { waId: chat }, body, repeatable: true, itemIndex: i });
	},
};

const unassign: OperationDefinition = {
	resource: 'assignment',
	operation: 'unassign',
	name: 'Unassign',
	action: 'Unassign a chat',
	description: 'Clear the assigned user, the assigned group or both',
	properties: [
		chatLocator,
		{
			displayName: 'Clear',
			name: 'clear',
			type: 'options',
			options: [
				{ name: 'User and Group', value: 'both' },
				{ name: 'User Only', value: 'user' },
				{ name: 'Group Only', value: 'group' },
			],
			default: 'both',
		},
	],
	async execute(this: IExecuteFunctions, i: number) {
		const clear = this.getNodeParameter('clear', i) as string;
		const body: IDataObject = {};
		if (clear !== 'group') body.assigned_to_user = null;
		if (clear !== 'user') body.assigned_group = null;
		return await inboxRequest.call(this, 'assignmentUpdate', { params: { waId: chatOf(this, i) }, body, repeatable: true, itemIndex: i });
	},
};

const events: OperationDefinition = {
	resource: 'assignment',
	operation: 'getEvents',
	name: 'Get Events',
	action: 'Get assignment history',
	description: 'List assignment changes (who assigned which user or group, and when)',
	properties: [...listFields('events'), eventFilters()],
	async execute(this: IExecuteFunctions, i: number) {
		return await listOperation(this, i, 'assignmentEvents', eventQuery(this, i));
	},
};

export const assignment: ResourceDefinition = {
	name: 'Assignment',
	value: 'assignment',
	description: 'Assign chats to users and groups',
	operations: [get, ...withSending(inbox360Sending, assign, unassign), events],
};
