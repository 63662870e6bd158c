import type { ResourceDefinition } from '../../../shared/execute';
import { checkNumbers } from './checkNumbers.operation';
import { getContact } from './get.operation';
import { getManyContacts } from './getMany.operation';

export const contact: ResourceDefinition = {
	name: 'Contact',
	value: 'contact',
	description: 'Check numbers and read contacts',
	operations: [checkNumbers, getContact, getManyContacts],
};
