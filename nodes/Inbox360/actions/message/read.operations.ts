import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { chatLocator, chatOf, listFields, listOperation, posixSeconds, validator, waId } from '../common';
import { inboxRequest } from '../../transport';

export const getManyMessages: OperationDefinition = {
	resource: 'message',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get or search many messages',
	description: 'List or search messages, newest first, in one chat or across the chats you may read',
	properties: [
		...listFields('messages'),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{ displayName: 'Before', name: 'beforeTime', type: 'dateTime', default: '', description: 'Only messages strictly older than this time (page backwards without drift)' },
				{ displayName: 'Chat (WhatsApp ID)', name: 'waId', type: 'string', default: '', placeholder: '48123123123', description: 'Only this chat' },
				{ displayName: 'From Us', name: 'fromUs', type: 'options', options: [{ name: 'Any', value: '' }, { name: 'Only Sent by the Inbox', value: 'true' }, { name: 'Only From Customers', value: 'false' }], default: '' },
				{ displayName: 'Mark as Received', name: 'markAsReceived', type: 'boolean', default: false, description: 'Whether the returned messages count as received by the API user' },
				{ displayName: 'Search Text', name: 'search', type: 'string', default: '' },
				{ displayName: 'Since', name: 'sinceTime', type: 'dateTime', default: '', description: 'Only messages at or after this time (for polling; de-duplicate on the message ID)' },
			],
		},
	],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const f = this.getNodeParameter('filters', i, {}) as IDataObject;
		return await listOperation(this, i, 'messages', {
			wa_id: f.waId ? waId(check, f.waId, 'Chat (WhatsApp ID)') : undefined,
			search: f.search,
			before_time: posixSeconds(check, f.beforeTime, 'Before'),
			since_time: posixSeconds(check, f.sinceTime, 'Since'),
			from_us: f.fromUs,
			mark_as_received: f.markAsReceived ? 1 : undefined,
		});
	},
};

export const markAsReceived: OperationDefinition = {
	resource: 'message',
	operation: 'markAsReceived',
	name: 'Mark as Received',
	action: 'Mark a chat as received',
	description: 'Mark every message of a chat up to a time as received by the API user',
	properties: [
		chatLocator,
		{ displayName: 'Up To', name: 'timestamp', type: 'dateTime', default: '', description: 'Messages at or before this time count as received. Empty means now.' },
	],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const chat = chatOf(this, i);
		const timestamp = posixSeconds(check, this.getNodeParameter('timestamp', i, ''), 'Up To') ?? Math.floor(Date.now() / 1000);
		// Moving a watermark to the same place twice has the same effect: repeatable.
		await inboxRequest.call(this, 'markAsReceived', { body: { customer_wa_id: chat, timestamp }, repeatable: true, itemIndex: i });
		return { success: true, waId: chat, timestamp };
	},
};
