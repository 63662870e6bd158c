import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { phoneLocator, readSendOptions, sendMessage, sendOptions, toField, validator } from '../common';

export const sendSticker: OperationDefinition = {
	resource: 'message',
	operation: 'sendSticker',
	name: 'Send Sticker',
	action: 'Send a sticker',
	description: 'Send a .webp image as a sticker',
	properties: [
		phoneLocator,
		toField,
		{
			displayName: 'Sticker URL',
			name: 'url',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://example.com/sticker.webp',
			description: 'Public link to a .webp image',
		},
		sendOptions(
			[
				{ displayName: 'Width', name: 'width', type: 'number', default: 512 },
				{ displayName: 'Height', name: 'height', type: 'number', default: 512 },
			],
			false,
		),
	],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const url = check.publicUrl(this.getNodeParameter('url', i), 'Sticker URL', 'Maytapi');
		if (!/\.webp($|\?)/i.test(new URL(url).pathname + new URL(url).search)) {
			check.fail('"Sticker URL" must point to a .webp image');
		}
		const options = readSendOptions(this, i);
		const body: IDataObject = { type: 'sticker', message: url };
		if (options.width || options.height) {
			body.options = { width: check.number(options.width ?? 512, 'Width', { min: 1, max: 4096 }), height: check.number(options.height ?? 512, 'Height', { min: 1, max: 4096 }) };
		}
		return await sendMessage.call(this, i, body, options);
	},
};
