import type { IDataObject, IHookFunctions, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { DeliverySettings } from '../shared/trigger/delivery';
import { DELIVERY_WEBHOOK, handleDelivery } from '../shared/trigger/delivery';
import type { NormalisedEvent } from '../shared/trigger/events';
import { MAX_MEDIA_SIZE_OPTION, mediaHostAllowList, mediaLimitsOf } from '../shared/trigger/media';
import { deliverySecrets } from '../shared/trigger/registration';
import type { SobotDelivery } from './webhook/events';
import { SOBOT_MEDIA_HOSTS, sobotDeliveries } from './webhook/events';

/** Message types a filter can pick; other (future) types pass when the filter is empty. */
const MESSAGE_TYPES = [
	{ name: 'Audio / Voice Note', value: 'audio' },
	{ name: 'Contacts', value: 'contacts' },
	{ name: 'Document', value: 'document' },
	{ name: 'Image', value: 'image' },
	{ name: 'Interactive Reply (Button or List)', value: 'interactive' },
	{ name: 'Location', value: 'location' },
	{ name: 'Reaction', value: 'reaction' },
	{ name: 'Sticker', value: 'sticker' },
	{ name: 'Template Button Reply', value: 'button' },
	{ name: 'Text', value: 'text' },
	{ name: 'Video', value: 'video' },
];

const STATUSES = [
	{ name: 'Delivered', value: 'delivered' },
	{ name: 'Failed', value: 'failed' },
	{ name: 'Read', value: 'read' },
	{ name: 'Sent', value: 'sent' },
];

export function selected(event: NormalisedEvent, events: string[], messageTypes: string[], statuses: string[]): boolean {
	if (!events.includes(event.event)) return false;
	if (event.event === 'message' && messageTypes.length) return messageTypes.includes(event.type ?? '');
	if (event.event === 'status' && statuses.length) return statuses.includes(event.status ?? '');
	return true;
}

export class SobotTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sobot Trigger',
		name: 'sobotTrigger',
		icon: { light: 'file:sobot.svg', dark: 'file:sobot.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow on Sobot WhatsApp events: incoming messages and delivery statuses',
		defaults: { name: 'Sobot Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [DELIVERY_WEBHOOK],
		properties: [
			{
				displayName:
					'Sobot has no API to register webhooks, so set it by hand: copy the Production URL above (Webhook URLs) and paste it as the webhook in the Sobot web app (app.sobot.in → Settings → Developer tools, where the API keys are), then activate this workflow. With a Secret below, paste the URL with ?secret=&lt;your secret&gt; appended.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: [
					{ name: 'Incoming Messages', value: 'message', description: 'Messages customers send to your number' },
					{ name: 'Message Statuses', value: 'status', description: 'Sent, delivered, read and failed updates of messages you sent' },
					{ name: 'Other Deliveries', value: 'other', description: 'Well-formed deliveries of a kind this node does not know yet' },
				],
				default: ['message'],
			},
			{
				displayName: 'Message Types',
				name: 'messageTypes',
				type: 'multiOptions',
				options: MESSAGE_TYPES,
				default: [],
				description: 'Only start for these message types. Leave empty for all types.',
				displayOptions: { show: { events: ['message'] } },
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: STATUSES,
				default: [],
				description: 'Only start for these statuses. Leave empty for all, including statuses Sobot may add later.',
				displayOptions: { show: { events: ['status'] } },
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
							'Whether to download the media of incoming messages (from Sobot’s asset bucket) into the binary field "data"',
					},
					MAX_MEDIA_SIZE_OPTION,
					{
						displayName: 'Secret',
						name: 'secret',
						type: 'string',
						typeOptions: { password: true },
						default: '',
						description:
							'Sobot signs nothing, so anyone who knows the URL could post to it. With a secret, only deliveries to the URL carrying ?secret=&lt;this value&gt; are accepted; others get HTTP 401.',
					},
				],
			},
		],
	};

	// Sobot has no webhook registration API: the URL is pasted into Sobot by hand, so activation has
	// nothing to create at Sobot and deactivation nothing to remove (n8n drops its own route).
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const events = this.getNodeParameter('events', []) as string[];
		const messageTypes = this.getNodeParameter('messageTypes', []) as string[];
		const statuses = this.getNodeParameter('statuses', []) as string[];
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const settings: DeliverySettings<SobotDelivery> = {
			...deliverySecrets(this, false, options.secret),
			downloadMediaFrom: options.downloadMedia ? mediaHostAllowList(SOBOT_MEDIA_HOSTS, undefined) : undefined,
			mediaLimits: mediaLimitsOf(options),
			accept: (event) => selected(event, events, messageTypes, statuses),
		};
		return await handleDelivery.call(this, sobotDeliveries, settings);
	}
}
