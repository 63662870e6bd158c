import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { buttonTitles, customerNameField, customerNumberField, sendMessage, validator } from '../common';
import { bodyField, footerField, headerField, interactiveBody } from './interactive';

export const sendButtons: OperationDefinition = {
	resource: 'message',
	operation: 'sendButtons',
	name: 'Send Reply Buttons',
	action: 'Send a message with reply buttons',
	description: 'Send a message with up to three quick-reply buttons; the reply arrives as an interactive message',
	properties: [
		customerNumberField,
		customerNameField,
		bodyField,
		{
			displayName: 'Buttons',
			name: 'buttons',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, maxValue: 3 },
			placeholder: 'Add Button',
			default: {},
			required: true,
			description:
				'1 to 3 different titles of at most 20 characters (emoji allowed, no formatting). Sobot sets no button IDs: the reply carries the title.',
			options: [{ displayName: 'Button', name: 'button', values: [{ displayName: 'Title', name: 'title', type: 'string', default: '' }] }],
		},
		headerField,
		footerField,
	],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const body = interactiveBody(this, check, i);
		const entries = ((this.getNodeParameter('buttons', i, {}) as IDataObject).button ?? []) as Array<{ title?: string }>;
		const buttons = buttonTitles(check, entries.map((b) => b.title ?? ''), 'Buttons');
		return await sendMessage.call(this, i, { type: 'quick_reply', ...body, buttons });
	},
};
