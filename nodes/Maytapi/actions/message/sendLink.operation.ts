import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { phoneLocator, readSendOptions, sendMessage, sendOptions, toField, validator } from '../common';

export const sendLink: OperationDefinition = {
	resource: 'message',
	operation: 'sendLink',
	name: 'Send Link',
	action: 'Send a link with preview',
	description: 'Send a URL that WhatsApp shows with a preview card',
	properties: [
		phoneLocator,
		toField,
		{ displayName: 'URL', name: 'url', type: 'string', default: '', required: true, placeholder: 'https://n8n.io' },
		sendOptions([{ displayName: 'Text', name: 'text', type: 'string', default: '', description: 'Text sent with the link' }]),
	],
	async execute(this: IExecuteFunctions, i: number) {
		const url = validator(this, i).url(this.getNodeParameter('url', i), 'URL');
		const options = readSendOptions(this, i);
		const body: IDataObject = { type: 'link', message: url };
		if (options.text) body.text = options.text;
		return await sendMessage.call(this, i, body, options);
	},
};
