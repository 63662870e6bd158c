import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { phoneLocator, readSendOptions, sendMessage, sendOptions, toField, validator } from '../common';

export const sendContact: OperationDefinition = {
	resource: 'message',
	operation: 'sendContact',
	name: 'Send Contact',
	action: 'Send a WhatsApp user as a contact',
	description: 'Share an existing WhatsApp user as a contact card',
	properties: [
		phoneLocator,
		toField,
		{
			displayName: 'Contact Number',
			name: 'contact',
			type: 'string',
			default: '',
			required: true,
			placeholder: '905301234568',
			description: 'The WhatsApp number to share (with country code)',
		},
		sendOptions(),
	],
	async execute(this: IExecuteFunctions, i: number) {
		const contact = validator(this, i).phone(this.getNodeParameter('contact', i), 'Contact Number', { allowChatId: true });
		const message = contact.includes('@') ? contact : `${contact}@c.us`;
		return await sendMessage.call(this, i, { type: 'contact', message }, readSendOptions(this, i));
	},
};
