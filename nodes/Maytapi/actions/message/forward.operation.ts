import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { messageIdField, phoneLocator, readSendOptions, sendMessage, sendOptions, toField, validator } from '../common';

export const forward: OperationDefinition = {
	resource: 'message',
	operation: 'forward',
	name: 'Forward',
	action: 'Forward a message',
	description: 'Forward an earlier message to a person or group',
	properties: [
		phoneLocator,
		toField,
		messageIdField('Message ID', 'The message to forward: an incoming message ID (false_…) or the msgId of a sent one'),
		{
			displayName: 'Keep Caption',
			name: 'keepCaption',
			type: 'boolean',
			default: true,
			description: 'Whether to keep the caption of forwarded media',
		},
		sendOptions([], false),
	],
	async execute(this: IExecuteFunctions, i: number) {
		const messageId = validator(this, i).required(this.getNodeParameter('messageId', i), 'Message ID').trim();
		const keepCaption = this.getNodeParameter('keepCaption', i, true) as boolean;
		return await sendMessage.call(
			this,
			i,
			{ type: 'forward', message: messageId, forward_caption: keepCaption },
			readSendOptions(this, i),
		);
	},
};
