import type { ResourceDefinition } from '../../../shared/execute';
import { getLogs, getProduct, getQueues, setAckPreference, setWebhook } from './account.operations';

export const account: ResourceDefinition = {
	name: 'Account',
	value: 'account',
	description: 'Product-wide settings and logs',
	operations: [getProduct, setWebhook, setAckPreference, getLogs, getQueues],
};
