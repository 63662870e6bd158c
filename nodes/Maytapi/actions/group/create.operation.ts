import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { numbersField, phoneLocator, phoneRequest, validator } from '../common';

export const createGroup: OperationDefinition = {
	resource: 'group',
	operation: 'create',
	name: 'Create',
	action: 'Create a group',
	description: 'Create a WhatsApp group with the given participants',
	properties: [
		phoneLocator,
		{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, description: 'Group title' },
		numbersField('Participants'),
	],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const name = check.maxLength(check.required(this.getNodeParameter('name', i), 'Name'), 100, 'Name') as string;
		const numbers = check.phones(this.getNodeParameter('numbers', i), 'Participants');
		const response = await phoneRequest.call(this, i, 'POST', '/createGroup', { body: { name, numbers }, repeatable: false });
		return (response.data as IDataObject) ?? response;
	},
};
