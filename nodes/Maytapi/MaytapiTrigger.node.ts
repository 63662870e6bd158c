import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { DeliverySettings } from '../shared/trigger/delivery';
import { DELIVERY_WEBHOOK, handleDelivery } from '../shared/trigger/delivery';
import type { NormalisedEvent } from '../shared/trigger/events';
import { MAX_MEDIA_SIZE_OPTION, mediaHostAllowList, mediaLimitsOf } from '../shared/trigger/media';
import { deliverySecrets } from '../shared/trigger/registration';
import { phoneLocator } from './actions/common';
import { listSearch } from './methods';
import type { MaytapiDelivery } from './webhook/events';
import { MAYTAPI_MEDIA_HOSTS, maytapiDeliveries, phoneIdOf, productIdOf } from './webhook/events';
import { checkExists, create, remove } from './webhook/registration';

/** Which trigger option selects which normalised event. */
function selected(event: NormalisedEvent, events: string[]): boolean {
	switch (event.event) {
		case 'message':
			return events.includes(event.fromMe ? 'ownMessage' : 'message');
		case 'other':
			return events.includes(event.type?.startsWith('group/') ? 'groupNotification' : 'other');
		default:
			return events.includes(event.event);
	}
}

export class MaytapiTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Maytapi Trigger',
		name: 'maytapiTrigger',
		icon: { light: 'file:maytapi.svg', dark: 'file:maytapi.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow on Maytapi WhatsApp events: messages, delivery statuses, polls, reactions, session changes',
		defaults: { name: 'Maytapi Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'maytapiApi', required: true }],
		webhooks: [DELIVERY_WEBHOOK],
		properties: [
			{
				displayName: 'Register Webhook On',
				name: 'registration',
				type: 'options',
				options: [
					{
						name: 'One Phone (Recommended)',
						value: 'phone',
						description: 'Sets this phone’s own webhook; other phones and integrations keep theirs',
					},
					{
						name: 'Whole Product',
						value: 'product',
						description: 'Sets the product-wide webhook used by every phone without its own',
					},
					{
						name: 'Nothing (Set the URL Yourself)',
						value: 'manual',
						description: 'Registers nothing; paste the webhook URL into Maytapi yourself',
					},
				],
				default: 'phone',
			},
			{ ...phoneLocator, displayOptions: { show: { registration: ['phone'] } } },
			{
				displayName:
					'This replaces the product-wide webhook, which other integrations may use. The URL set before is remembered and restored when this workflow is deactivated.',
				name: 'productNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { registration: ['product'] } },
			},
			{
				displayName:
					'Copy the Production URL above into Maytapi (console, or Account → Set Webhook). If you set a Secret below, append ?secret=&lt;your secret&gt; to the URL.',
				name: 'manualNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { registration: ['manual'] } },
			},
			{
				displayName: 'If a Webhook Is Already Set',
				name: 'ifWebhookExists',
				type: 'options',
				options: [
					{
						name: 'Replace and Restore on Deactivation',
						value: 'replace',
						description: 'The previous URL is stored and put back when the workflow is deactivated',
					},
					{ name: 'Fail Activation', value: 'fail', description: 'Leave the existing webhook alone and report it' },
				],
				default: 'replace',
				displayOptions: { show: { registration: ['phone', 'product'] } },
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: [
					{ name: 'Delivery Statuses (Acks)', value: 'status', description: 'Sent, delivered, read, played and deleted receipts, one item per ack' },
					{ name: 'Errors', value: 'error', description: 'Messages Maytapi could not send' },
					{ name: 'Group Notifications', value: 'groupNotification', description: 'Someone joined, left, was added, removed, promoted or demoted' },
					{ name: 'Incoming Messages', value: 'message', description: 'Messages other people sent to this number' },
					{ name: 'LiveChat Assignments', value: 'assignment', description: 'A chat was taken, released or closed in Maytapi LiveChat' },
					{ name: 'Other Events', value: 'other', description: 'Deliveries of a type this node does not know yet' },
					{ name: 'Own Outgoing Messages', value: 'ownMessage', description: 'Messages sent from the phone itself (echoes)' },
					{ name: 'Poll Votes', value: 'poll', description: 'Updated vote counts of polls you sent' },
					{ name: 'Reactions', value: 'reaction', description: 'Emoji reactions to your messages' },
					{ name: 'Session Status', value: 'session', description: 'The phone became active, needs a QR scan, went idle or has an error' },
				],
				default: ['message'],
				description: 'Acks, poll votes and reactions need ack delivery, which the trigger turns on for the registered webhook',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Download Media',
						name: 'downloadMedia',
						type: 'boolean',
						default: false,
						description:
							'Whether to download the media of incoming messages into the binary field "data". Maytapi does not say how long its media links stay valid.',
					},
					MAX_MEDIA_SIZE_OPTION,
					{
						displayName: 'Only Phone IDs',
						name: 'phoneIds',
						type: 'string',
						default: '',
						placeholder: '12345, 12346',
						description: 'Ignore events of other phones (useful with a product-wide or manual webhook)',
					},
					{
						displayName: 'Secret',
						name: 'secret',
						type: 'string',
						typeOptions: { password: true },
						default: '',
						description:
							'Only for a URL you set yourself: deliveries must carry ?secret=&lt;this value&gt;. Registered webhooks get a random secret automatically.',
					},
				],
			},
		],
	};

	methods = { listSearch };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await create.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await remove.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const events = this.getNodeParameter('events', []) as string[];
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const phoneIds = String(options.phoneIds ?? '')
			.split(/[,\s]+/)
			.filter(Boolean);
		const registration = this.getNodeParameter('registration') as string;
		const credentials = await this.getCredentials('maytapiApi');
		// A registered phone webhook only receives that phone's events: filter by it as well.
		if (registration === 'phone' && !phoneIds.length) {
			const phone = String(this.getNodeParameter('phoneId', '', { extractValue: true }) || credentials.phoneId || '');
			if (phone) phoneIds.push(phone);
		}
		const productId = String(credentials.productId ?? '').trim();
		const settings: DeliverySettings<MaytapiDelivery> = {
			...deliverySecrets(this, registration !== 'manual', options.secret),
			mediaLimits: mediaLimitsOf(options),
			downloadMediaFrom: options.downloadMedia ? mediaHostAllowList(MAYTAPI_MEDIA_HOSTS, String(credentials.baseUrl ?? '')) : undefined,
			foreignReason(payload) {
				const pid = productIdOf(payload);
				return pid && productId && pid !== productId ? `This delivery is for Maytapi product ${pid}, not ${productId}` : undefined;
			},
			accept(event, payload) {
				const phone = phoneIdOf(payload);
				if (phoneIds.length && phone !== undefined && !phoneIds.includes(phone)) return false;
				return selected(event, events);
			},
		};
		return await handleDelivery.call(this, maytapiDeliveries, settings);
	}
}
