import type { IDataObject, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { DeliverySettings } from '../../shared/trigger/delivery';
import { DELIVERY_WEBHOOK, handleDelivery, reply } from '../../shared/trigger/delivery';
import { MAX_MEDIA_SIZE_OPTION, mediaHostAllowList, mediaLimitsOf } from '../../shared/trigger/media';
import { deliverySecrets } from '../../shared/trigger/registration';
import type { Brand } from './brands';
import { brandIcon } from './node';
import type { PlatformDelivery } from './webhook/events';
import { eventChoice, platformDeliveries } from './webhook/events';
import { DEFAULT_SIGNATURE_HEADER, signatureMatches } from './webhook/signature';

/** Where the platform serves the files of incoming messages: its own hosts (both brands). */
export const PLATFORM_MEDIA_HOSTS = [/(^|\.)go-wloop\.net$/, /(^|\.)wloop\.net$/, /(^|\.)whatsloop\.net$/, /(^|\.)letsbot\.net$/];

/**
 * The platform's trigger under one brand's name and icon. No API sets the webhook (reference §6.2):
 * the user pastes the URL into the brand's dashboard. A brand's trigger file is one line.
 */
export function platformTrigger(brand: Brand) {
	const deliveries = platformDeliveries(brand);
	return class implements INodeType {
		description: INodeTypeDescription = {
			displayName: `${brand.name} Trigger`,
			name: `${brand.nodeName}Trigger`,
			icon: brandIcon(brand),
			group: ['trigger'],
			version: 1,
			subtitle: '={{$parameter["events"].join(", ")}}',
			description: `Starts the workflow on ${brand.name} WhatsApp events: incoming and own messages, statuses, new contacts and session changes`,
			defaults: { name: `${brand.name} Trigger` },
			inputs: [],
			outputs: [NodeConnectionTypes.Main],
			webhooks: [DELIVERY_WEBHOOK],
			properties: [
				{
					displayName: `${brand.name} has no API to set webhooks, so set it by hand: copy the Production URL above (Webhook URLs) and paste it as the webhook in ${brand.dashboard}, then activate this workflow. Set a Secret below (recommended) and paste the URL with ?secret=&lt;your secret&gt; appended.`,
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
						{ name: 'Incoming Messages', value: 'message', description: 'Messages people send to your number, button and list replies included' },
						{ name: 'New Contacts', value: 'contact', description: 'A number that writes to you for the first time' },
						{ name: 'Other Deliveries', value: 'other', description: 'Well-formed deliveries of a kind this node does not know yet' },
						{ name: 'Own Messages', value: 'ownMessage', description: 'Messages sent from your number (phone, web or API)' },
						{ name: 'Session Status', value: 'session', description: 'Connection changes of the WhatsApp session' },
						{ name: 'Statuses', value: 'status', description: 'Sent, delivered, read and deleted updates of messages you sent' },
					],
					default: ['message'],
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
							description: `Whether to download the files of incoming messages (from ${brand.name}’s own hosts only) into the binary field "data"`,
						},
						MAX_MEDIA_SIZE_OPTION,
						{
							displayName: 'Secret',
							name: 'secret',
							type: 'string',
							typeOptions: { password: true },
							default: '',
							description: 'With a secret, only deliveries to the URL carrying ?secret=&lt;this value&gt; are accepted; others get HTTP 401. Recommended: anyone who knows the URL could post to it.',
						},
						{
							displayName: 'Signature Secret',
							name: 'signatureSecret',
							type: 'string',
							typeOptions: { password: true },
							default: '',
							description:
								'When the platform signs deliveries: the webhook secret it signs with. Each delivery must then carry the hex HMAC-SHA256 of its raw body in the signature header (optionally prefixed sha256=); others get HTTP 401.',
						},
						{
							displayName: 'Signature Header',
							name: 'signatureHeader',
							type: 'string',
							default: DEFAULT_SIGNATURE_HEADER,
							description: 'The header that carries the signature (used with Signature Secret)',
						},
					],
				},
			],
		};

		async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
			const events = this.getNodeParameter('events', []) as string[];
			const options = this.getNodeParameter('options', {}) as IDataObject;
			if (options.signatureSecret) {
				const header = String(options.signatureHeader || DEFAULT_SIGNATURE_HEADER).toLowerCase();
				const rawBody = (this.getRequestObject() as unknown as { rawBody?: Buffer }).rawBody;
				const received = (this.getHeaderData() as IDataObject)[header];
				if (!rawBody || !signatureMatches(rawBody, String(options.signatureSecret), received)) {
					return reply(this, 401, { ok: false, error: `Missing or wrong signature in the "${header}" header` });
				}
			}
			const settings: DeliverySettings<PlatformDelivery> = {
				...deliverySecrets(this, false, options.secret),
				downloadMediaFrom: options.downloadMedia ? mediaHostAllowList(PLATFORM_MEDIA_HOSTS, undefined) : undefined,
				mediaLimits: mediaLimitsOf(options),
				accept: (event) => events.includes(eventChoice(event)),
			};
			return await handleDelivery.call(this, deliveries, settings);
		}
	};
}
