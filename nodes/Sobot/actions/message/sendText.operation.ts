import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { customerNameField, customerNumberField, LIMITS, sendMessage, validator } from '../common';

export const sendText: OperationDefinition = {
	resource: 'message',
	operation: 'sendText',
	name: 'Send Text',
	action: 'Send a text message',
	description: 'Send a text message inside the 24-hour customer service window; links get a preview',
	properties: [
		customerNumberField,
		customerNameField,
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			required: true,
			description:
				'At most 4096 characters. WhatsApp formatting works: *bold*, _italic_, ~strike~. Sobot shows a preview of http(s) links by default.',
		},
	],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const text = check.required(this.getNodeParameter('text', i), 'Text');
		check.maxLength(text, LIMITS.text, 'Text');
		return await sendMessage.call(this, i, { type: 'text', message: text });
	},
};
