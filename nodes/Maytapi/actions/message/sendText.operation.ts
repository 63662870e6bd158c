import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { phoneLocator, readSendOptions, sendMessage, sendOptions, toField, validator } from '../common';

export const sendText: OperationDefinition = {
	resource: 'message',
	operation: 'sendText',
	name: 'Send Text',
	action: 'Send a text message',
	description: 'Send a text message to a person or group, optionally quoting a message and mentioning people',
	properties: [
		phoneLocator,
		toField,
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			required: true,
			description: 'WhatsApp formatting works: *bold*, _italic_, ~strike~. Write @905301234567 to mention someone in a group.',
		},
		sendOptions([
			{
				displayName: 'Mention Numbers',
				name: 'mentions',
				type: 'string',
				default: '',
				placeholder: '905301234567, 905301234568',
				description:
					'Numbers to mention in a group message. Maytapi derives mentions from @number tokens in the text, so each number missing from the text is appended as @number.',
			},
		]),
	],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		let text = check.required(this.getNodeParameter('text', i), 'Text');
		const options = readSendOptions(this, i);
		if (options.mentions) {
			for (const number of check.phones(options.mentions, 'Mention Numbers')) {
				// "@90530" is not a mention of 905301234567: the token must end where the number does.
				if (!new RegExp(`@${number}(?!\\d)`).test(text)) text += ` @${number}`;
			}
		}
		return await sendMessage.call(this, i, { type: 'text', message: text }, options);
	},
};
