import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { maytapiRequest } from '../../transport';

export const getManyPhones: OperationDefinition = {
	resource: 'phone',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many phones',
	description: 'List the phone instances of the product with their status',
	properties: [],
	async execute(this: IExecuteFunctions, i: number) {
		const phones = (await maytapiRequest.call(this, 'GET', '/listPhones', { repeatable: true, itemIndex: i })) as unknown as IDataObject[];
		return (Array.isArray(phones) ? phones : []).map((p) => ({ ...p, id: String(p.id) }));
	},
};
