import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { returnAllOrLimit } from '../../../shared/paginate';
import { maytapiRequest, setAckDelivery } from '../../transport';
import { validator } from '../common';

export const getProduct: OperationDefinition = {
	resource: 'account',
	operation: 'getProduct',
	name: 'Get Product',
	action: 'Get the product settings',
	description: 'Product ID, product-wide webhook URL, ack delivery setting and phone limit',
	properties: [],
	async execute(this: IExecuteFunctions, i: number) {
		return await maytapiRequest.call(this, 'GET', '/product', { repeatable: true, itemIndex: i });
	},
};

export const setWebhook: OperationDefinition = {
	resource: 'account',
	operation: 'setWebhook',
	name: 'Set Webhook',
	action: 'Set the product-wide webhook',
	description: 'Set the URL that receives events of every phone without its own webhook',
	properties: [
		{
			displayName:
				'This replaces the webhook of the whole product, which other integrations may rely on. To receive events in n8n, prefer the Maytapi Trigger node.',
			name: 'setWebhookNotice',
			type: 'notice',
			default: '',
		},
		{ displayName: 'Webhook URL', name: 'webhook', type: 'string', default: '', required: true, placeholder: 'https://example.com/maytapi' },
	],
	async execute(this: IExecuteFunctions, i: number) {
		const webhook = validator(this, i).url(this.getNodeParameter('webhook', i), 'Webhook URL');
		// Replaces the whole setting: doing it twice leaves the same webhook.
		return await maytapiRequest.call(this, 'POST', '/setWebhook', { body: { webhook }, repeatable: true, itemIndex: i });
	},
};

export const setAckPreference: OperationDefinition = {
	resource: 'account',
	operation: 'setAckPreference',
	name: 'Set Ack Preference',
	action: 'Turn delivery receipts on or off',
	description: 'Whether delivery and read receipts (acks) are sent to the webhook',
	properties: [
		{ displayName: 'Send Acks', name: 'ackDelivery', type: 'boolean', default: true, description: 'Whether acks are sent to the webhook' },
	],
	async execute(this: IExecuteFunctions, i: number) {
		return await setAckDelivery.call(this, this.getNodeParameter('ackDelivery', i) as boolean, i);
	},
};

export const getLogs: OperationDefinition = {
	resource: 'account',
	operation: 'getLogs',
	name: 'Get Logs',
	action: 'Get webhook delivery logs',
	description: 'Recent incoming, outgoing and error webhook deliveries, with your endpoint’s responses',
	properties: [...returnAllOrLimit('log entries')],
	async execute(this: IExecuteFunctions, i: number) {
		const response = await maytapiRequest.call(this, 'GET', '/logs', { repeatable: true, itemIndex: i });
		const list = (((response.data as IDataObject)?.list ?? []) as IDataObject[]).slice();
		return this.getNodeParameter('returnAll', i) ? list : list.slice(0, this.getNodeParameter('limit', i) as number);
	},
};

export const getQueues: OperationDefinition = {
	resource: 'account',
	operation: 'getQueues',
	name: 'Get Queues',
	action: 'Get the send queues of all phones',
	description: 'Every phone with its status and the number of messages waiting to be sent',
	properties: [],
	async execute(this: IExecuteFunctions, i: number) {
		const response = await maytapiRequest.call(this, 'GET', '/queues', { repeatable: true, itemIndex: i });
		return ((response.queues ?? []) as IDataObject[]).map((q) => ({ ...q, id: String(q.id) }));
	},
};
