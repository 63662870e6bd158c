import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { phoneLocator, phoneRequest, validator } from '../common';

export const getConfig: OperationDefinition = {
	resource: 'phone',
	operation: 'getConfig',
	name: 'Get Config',
	action: 'Get the webhook settings of a phone',
	description: 'The phone’s own webhook URL and ack setting (empty means the product’s are used)',
	properties: [phoneLocator],
	async execute(this: IExecuteFunctions, i: number) {
		const response = await phoneRequest.call(this, i, 'GET', '/config', { repeatable: true });
		return { ...((response.status as IDataObject) ?? {}) };
	},
};

export const setConfig: OperationDefinition = {
	resource: 'phone',
	operation: 'setConfig',
	name: 'Set Config',
	action: 'Set the webhook settings of a phone',
	description: 'Give this phone its own webhook URL and ack setting, overriding the product’s',
	properties: [
		phoneLocator,
		{
			displayName: 'Webhook URL',
			name: 'webhook',
			type: 'string',
			default: '',
			description: 'Where this phone’s events are sent. Empty means: use the product webhook.',
		},
		{
			displayName: 'Send Acks',
			name: 'ackDelivery',
			type: 'boolean',
			default: true,
			description: 'Whether delivery/read receipts (acks) are sent to the webhook',
		},
	],
	async execute(this: IExecuteFunctions, i: number) {
		const webhookParam = String(this.getNodeParameter('webhook', i, '')).trim();
		const webhook = webhookParam ? validator(this, i).url(webhookParam, 'Webhook URL') : '';
		const body = { webhook, ack_delivery: this.getNodeParameter('ackDelivery', i) as boolean };
		// Replaces the phone's whole setting: repeating it changes nothing.
		const response = await phoneRequest.call(this, i, 'POST', '/config', { body, repeatable: true });
		return { ...((response.status as IDataObject) ?? body) };
	},
};
