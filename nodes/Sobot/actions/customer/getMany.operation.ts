import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { returnAllOrLimit } from '../../../shared/paginate';
import { sobotList } from '../../transport';

export const getManyCustomers: OperationDefinition = {
	resource: 'customer',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many customers',
	description: 'List customers (ID, name and number; Sobot returns no email, labels or extra fields)',
	properties: [...returnAllOrLimit('customers')],
	async execute(this: IExecuteFunctions, i: number) {
		return await sobotList.call(this, '/api/customer', {
			returnAll: this.getNodeParameter('returnAll', i) as boolean,
			limit: this.getNodeParameter('limit', i, 50) as number,
			itemIndex: i,
		});
	},
};
