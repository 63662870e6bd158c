import type { ResourceDefinition } from '../../../shared/execute';
import { addCustomer } from './add.operation';
import { getManyCustomers } from './getMany.operation';
import { updateCustomer } from './update.operation';

export const customer: ResourceDefinition = {
	name: 'Customer',
	value: 'customer',
	description: 'Add, update (upsert) and list customers',
	operations: [addCustomer, updateCustomer, getManyCustomers],
};
