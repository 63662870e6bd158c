import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition, ResourceDefinition } from '../../../shared/execute';
import { withSending } from '../../../shared/sending';
import { inboxRequest } from '../../transport';
import { chatLocator, chatOf, groupLocator, idOf, inbox360Sending, listFields, listOperation } from '../common';

const getMany: OperationDefinition = {
	resource: 'chat',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many chats',
	description: 'List chats, most recent activity first, with unread counts, assignment and tags',
	properties: [
		...listFields('chats'),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{ displayName: 'Assigned to Me', name: 'assignedToMe', type: 'boolean', default: false, description: 'Whether to return only chats assigned to the API user' },
				{ ...groupLocator('assignedGroup', 'Assigned Group'), description: 'Only chats assigned to this group (the API user must be a member)' },
				{ displayName: 'Search', name: 'search', type: 'string', default: '', description: 'Text in the chat or the contact’s name' },
				{ displayName: 'Tag Name or ID', name: 'tagId', type: 'options', typeOptions: { loadOptionsMethod: 'getTags' }, default: '', description: 'Only chats with this tag. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.' },
				{ displayName: 'Unread Only', name: 'unread', type: 'boolean', default: false, description: 'Whether to return only chats with new messages' },
			],
		},
	],
	async execute(this: IExecuteFunctions, i: number) {
		const f = this.getNodeParameter('filters', i, {}) as IDataObject;
		return await listOperation(this, i, 'chats', {
			search: f.search,
			assigned_to_me: f.assignedToMe ? true : undefined,
			assigned_group: f.assignedGroup ? idOf(this, i, 'filters.assignedGroup', 'Assigned Group', false) : undefined,
			chat_tag_id: f.tagId || undefined,
			unread: f.unread ? true : undefined,
		});
	},
};

const get: OperationDefinition = {
	resource: 'chat',
	operation: 'get',
	name: 'Get',
	action: 'Get a chat',
	description: 'Get one chat: contact, unread count, assignment, tags and when the customer-service window closes',
	properties: [chatLocator],
	async execute(this: IExecuteFunctions, i: number) {
		return await inboxRequest.call(this, 'chat', { params: { waId: chatOf(this, i) }, repeatable: true, itemIndex: i });
	},
};

const resolution = (resolved: boolean): OperationDefinition => ({
	resource: 'chat',
	operation: resolved ? 'resolve' : 'reopen',
	name: resolved ? 'Resolve' : 'Reopen',
	action: resolved ? 'Resolve a chat' : 'Reopen a chat',
	description: resolved ? 'Mark a chat as resolved (newer inboxes)' : 'Mark a resolved chat as open again (newer inboxes)',
	properties: [chatLocator],
	async execute(this: IExecuteFunctions, i: number) {
		// Setting the flag to a value is idempotent.
		return await inboxRequest.call(this, 'chatResolve', { params: { waId: chatOf(this, i) }, body: { resolved }, repeatable: true, itemIndex: i });
	},
});

export const chat: ResourceDefinition = {
	name: 'Chat',
	value: 'chat',
	description: 'List, get, resolve and reopen chats',
	operations: [getMany, get, ...withSending(inbox360Sending, resolution(true), resolution(false))],
};
