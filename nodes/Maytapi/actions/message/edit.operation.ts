import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { messageIdField, phoneLocator, sendMessage, toField, validator } from '../common';

export const edit: OperationDefinition = {
	resource: 'message',
	operation: 'edit',
	name: 'Edit',
	action: 'Edit a sent text message',
	description: 'Replace the text of a message this phone sent',
	properties: [
		phoneLocator,
		toField,
		messageIdField('Message ID', 'The msgId of the sent message to edit'),
		{ displayName: 'New Text', name: 'text', type: 'string', typeOptions: { rows: 4 }, default: '', required: true },
	],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const messageId = check.required(this.getNodeParameter('messageId', i), 'Message ID').trim();
		const text = check.required(this.getNodeParameter('text', i), 'New Text');
		return await sendMessage.call(this, i, { type: 'edit', message: text }, { replyTo: messageId });
	},
};
