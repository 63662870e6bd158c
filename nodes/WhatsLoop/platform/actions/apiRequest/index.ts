import type { ResourceDefinition } from '../../../../shared/execute';
import { withSending } from '../../../../shared/sending';
import { platformSending } from '../common';
import { apiRequest } from './request.operation';

export const custom: ResourceDefinition = {
	name: 'API Request',
	value: 'apiRequest',
	description: 'Call any route of the API with this credential',
	operations: withSending(platformSending, apiRequest),
};
