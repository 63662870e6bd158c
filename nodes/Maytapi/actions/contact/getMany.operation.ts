import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { returnAllOrLimit } from '../../../shared/paginate';
import { phoneLocator, phoneRequest } from '../common';

export const getManyContacts: OperationDefinition = {
	resource: 'contact',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many contacts and chats',
	description: 'List the chats and contacts this phone knows',
	properties: [
		phoneLocator,
		...returnAllOrLimit('contacts'),
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: [
				{ name: 'All', value: '' },
				{ name: 'Broadcast', value: 'broadcast' },
				{ name: 'Chat', value: 'chat' },
				{ name: 'Group', value: 'group' },
			],
			default: '',
			description: 'Only return chats of this type',
		},
	],
	async execute(this: IExecuteFunctions, i: number) {
		const response = await phoneRequest.call(this, i, 'GET', '/contacts', { repeatable: true });
		const type = this.getNodeParameter('type', i, '') as string;
		let list = ((response.data ?? []) as IDataObject[]).filter((c) => !type || c.type === type);
		if (!this.getNodeParameter('returnAll', i)) list = list.slice(0, this.getNodeParameter('limit', i) as number);
		return list;
	},
};
