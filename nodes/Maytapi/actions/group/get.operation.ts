import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { groupLocator, phoneLocator, phoneRequest } from '../common';
import { groupIdOf } from './participants.operations';

export const getGroup: OperationDefinition = {
	resource: 'group',
	operation: 'get',
	name: 'Get',
	action: 'Get a group',
	description: 'Get a group’s name, participants, admins, settings and (optionally) invite link',
	properties: [
		phoneLocator,
		groupLocator,
		{
			displayName: 'Include Invite Link',
			name: 'invite',
			type: 'boolean',
			default: false,
			description: 'Whether to include the group’s invite link (needs admin rights)',
		},
	],
	async execute(this: IExecuteFunctions, i: number) {
		const qs = this.getNodeParameter('invite', i, false) ? { invite: true } : undefined;
		const response = await phoneRequest.call(this, i, 'GET', `/getGroups/${encodeURIComponent(groupIdOf(this, i))}`, { qs, repeatable: true });
		return (response.data as IDataObject) ?? response;
	},
};
