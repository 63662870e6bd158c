import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { messageIdField, phoneLocator, sendMessage, toField, validator } from '../common';

export const react: OperationDefinition = {
	resource: 'message',
	operation: 'react',
	name: 'React',
	action: 'React to a message with an emoji',
	description: 'Add an emoji reaction to a message, or remove yours with an empty emoji',
	properties: [
		phoneLocator,
		toField,
		messageIdField('Message ID', 'The message to react to: an incoming message ID (false_…) or a sent msgId'),
		{
			displayName: 'Emoji',
			name: 'emoji',
			type: 'string',
			default: '',
			placeholder: '👍',
			description: 'One emoji. Leave empty to remove your reaction.',
		},
	],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const messageId = check.required(this.getNodeParameter('messageId', i), 'Message ID').trim();
		const emoji = String(this.getNodeParameter('emoji', i, '')).trim();
		if ([...emoji].length > 8) check.fail(`"Emoji" must be a single emoji, got "${emoji}"`);
		return await sendMessage.call(this, i, { type: 'reaction', message: emoji }, { replyTo: messageId });
	},
};
