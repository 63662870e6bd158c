import type { ResourceDefinition } from '../../../shared/execute';
import { withSending } from '../../../shared/sending';
import { maytapiSending } from '../common';
import { getLogs, getProduct, getQueues, setAckPreference, setWebhook } from './account.operations';

export const account: ResourceDefinition = {
	name: 'Account',
	value: 'account',
	description: 'Product-wide settings and logs',
	operations: [getProduct, ...withSending(maytapiSending, setWebhook, setAckPreference), getLogs, getQueues],
};
