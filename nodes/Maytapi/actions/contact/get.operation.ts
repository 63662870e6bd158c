import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { phoneLocator, phoneRequest, validator } from '../common';

export const getContact: OperationDefinition = {
	resource: 'contact',
	operation: 'get',
	name: 'Get',
	action: 'Get a contact or chat',
	description: 'Get the name and picture of one number or chat',
	properties: [
		phoneLocator,
		{
			displayName: 'Number or Chat ID',
			name: 'conversationId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '905301234567',
			description: 'Phone number with country code, or a chat ID (…@c.us / …@g.us)',
		},
	],
	async execute(this: IExecuteFunctions, i: number) {
		const id = validator(this, i).phone(this.getNodeParameter('conversationId', i), 'Number or Chat ID', { allowChatId: true });
		const chatId = id.includes('@') ? id : `${id}@c.us`;
		const response = await phoneRequest.call(this, i, 'GET', `/contact/${encodeURIComponent(chatId)}`, { repeatable: true });
		const data = response.data;
		const entries = (Array.isArray(data) ? data : data ? [data] : []) as IDataObject[];
		// The spec types `image` as `{url}` while accounts send a string: always output a string.
		return entries.map((c) => ({
			...c,
			image: c.image && typeof c.image === 'object' ? ((c.image as IDataObject).url ?? null) : (c.image ?? null),
		}));
	},
};
