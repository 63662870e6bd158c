import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { messageIdField, phoneLocator, sendMessage, toField, validator } from '../common';

export const deleteMessage: OperationDefinition = {
	resource: 'message',
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a sent message for everyone',
	description: 'Delete a message this phone sent, for everyone in the chat',
	properties: [phoneLocator, toField, messageIdField('Message ID', 'The msgId returned when the message was sent')],
	async execute(this: IExecuteFunctions, i: number) {
		const messageId = validator(this, i).required(this.getNodeParameter('messageId', i), 'Message ID').trim();
		return await sendMessage.call(this, i, { type: 'delete', message: messageId });
	},
};
