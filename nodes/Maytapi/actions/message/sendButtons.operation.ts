import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { phoneLocator, readSendOptions, sendMessage, sendOptions, toField, validator } from '../common';

export const sendButtons: OperationDefinition = {
	resource: 'message',
	operation: 'sendButtons',
	name: 'Send Buttons (Beta)',
	action: 'Send a message with buttons (beta)',
	description: 'Beta: WhatsApp no longer shows legacy buttons on many phones; prefer a poll',
	properties: [
		{
			displayName:
				'Beta: WhatsApp stopped rendering legacy buttons on many clients, so recipients may see only the text. A poll is the reliable alternative.',
			name: 'betaNotice',
			type: 'notice',
			default: '',
		},
		phoneLocator,
		toField,
		{ displayName: 'Text', name: 'text', type: 'string', typeOptions: { rows: 3 }, default: '', required: true },
		{
			displayName: 'Buttons',
			name: 'buttons',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Button',
			description: 'Up to 3 buttons',
			options: [
				{
					displayName: 'Button',
					name: 'button',
					values: [
						{ displayName: 'ID', name: 'id', type: 'string', default: '', description: 'Returned when the button is tapped' },
						{ displayName: 'Text', name: 'text', type: 'string', default: '' },
					],
				},
			],
		},
		sendOptions([
			{ displayName: 'Title', name: 'title', type: 'string', default: '' },
			{ displayName: 'Footer', name: 'footer', type: 'string', default: '' },
		]),
	],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const text = check.required(this.getNodeParameter('text', i), 'Text');
		const buttons = (this.getNodeParameter('buttons.button', i, []) as Array<{ id: string; text: string }>).map((b, n) => ({
			id: String(b.id || `button_${n + 1}`),
			text: check.required(b.text, `Buttons → Text (button ${n + 1})`),
		}));
		check.count(buttons, 'Buttons', { min: 1, max: 3 });
		const options = readSendOptions(this, i);
		const body: IDataObject = { type: 'buttons', message: text, buttons };
		if (options.title) body.title = options.title;
		if (options.footer) body.footer = options.footer;
		return await sendMessage.call(this, i, body, options);
	},
};
