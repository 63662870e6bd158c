import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { collectPages, returnAllOrLimit } from '../../../shared/paginate';
import { phoneLocator, phoneRequest } from '../common';

export const getManyGroups: OperationDefinition = {
	resource: 'group',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many groups',
	description: 'List the groups this phone is in',
	properties: [
		phoneLocator,
		...returnAllOrLimit('groups'),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Include Participants',
					name: 'full',
					type: 'boolean',
					default: false,
					description: 'Whether to load participants of older groups too (at most 100 groups per page then)',
				},
				{
					displayName: 'Include Invite Links',
					name: 'invite',
					type: 'boolean',
					default: false,
					description: 'Whether to add invite links (at most 50 groups per page then)',
				},
			],
		},
	],
	async execute(this: IExecuteFunctions, i: number) {
		const options = this.getNodeParameter('options', i, {}) as { full?: boolean; invite?: boolean };
		const qs: IDataObject = { sort: true };
		if (options.full) qs.full = true;
		if (options.invite) qs.invite = true;
		return await collectPages<IDataObject>(
			async (page) => {
				const response = await phoneRequest.call(this, i, 'GET', '/getGroups', { qs: { ...qs, page }, repeatable: true });
				const items = (response.data ?? []) as IDataObject[];
				// `count` is this page's size, not the total. Without a total, a full page may have a next one.
				const limit = Number(response.limit) || items.length;
				const total = Number(response.total);
				return { items, hasMore: response.total !== undefined && Number.isFinite(total) ? total > page * limit : items.length >= limit };
			},
			{
				returnAll: this.getNodeParameter('returnAll', i) as boolean,
				limit: this.getNodeParameter('limit', i, 50) as number,
			},
		);
	},
};
