import type { ResourceDefinition } from '../../../shared/execute';
import { withSending } from '../../../shared/sending';
import { sobotSending } from '../common';
import { addCustomer } from './add.operation';
import { getManyCustomers } from './getMany.operation';
import { updateCustomer } from './update.operation';

export const customer: ResourceDefinition = {
	name: 'Customer',
	value: 'customer',
	description: 'Add, update (upsert) and list customers',
	operations: [...withSending(sobotSending, addCustomer, updateCustomer), getManyCustomers],
};
