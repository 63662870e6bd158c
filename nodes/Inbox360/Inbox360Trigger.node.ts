import type {
	IDataObject,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { DeliverySettings } from '../shared/trigger/delivery';
import { DELIVERY_WEBHOOK, handleDelivery } from '../shared/trigger/delivery';
import type { NormalisedEvent } from '../shared/trigger/events';
import { MAX_MEDIA_SIZE_OPTION, mediaLimitsOf } from '../shared/trigger/media';
import { deliverySecrets } from '../shared/trigger/registration';
import { downloadInboxMedia } from './webhook/media';
import type { InboxDelivery } from './webhook/events';
import { inboxDeliveries } from './webhook/events';
import { checkExists, create, remove } from './webhook/registration';

/** The trigger's event options, by the `inboxEvent` each item carries. */
const SELECTION: Record<string, string> = {
	incoming_messages: 'message',
	outgoing_messages: 'ownMessage',
	assigned_messages: 'assignedMessage',
	statuses: 'status',
	chat_assignment: 'assignment',
	chat_tagging: 'tagging',
	message_tagging: 'tagging',
	chat_resolved: 'resolved',
	other: 'other',
};

export function selected(event: NormalisedEvent, events: string[], filters: { tags: string[]; assignedUser: string }): boolean {
	if (!events.includes(SELECTION[String(event.inboxEvent)] ?? 'other')) return false;
	if (event.event === 'tagging' && filters.tags.length) {
		return filters.tags.includes(String((event.tag as IDataObject | null)?.name ?? '').toLowerCase());
	}
	if (event.event === 'assignment' && filters.assignedUser) {
		return String((event.assignedUser as IDataObject | null)?.id ?? '') === filters.assignedUser;
	}
	return true;
}

export class Inbox360Trigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: '360dialog Inbox Trigger',
		name: 'inbox360Trigger',
		icon: { light: 'file:inbox360.svg', dark: 'file:inbox360.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow on 360dialog Inbox events: messages, statuses, chat assignment and tagging',
		defaults: { name: '360dialog Inbox Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'inbox360Api', required: true }],
		webhooks: [DELIVERY_WEBHOOK],
		properties: [
			{
				displayName: 'Register Webhook',
				name: 'registration',
				type: 'options',
				options: [
					{ name: 'Automatically (Recommended)', value: 'auto', description: 'Sets the API user’s webhook on activation and undoes it on deactivation' },
					{ name: 'Nothing (Set the URL Yourself)', value: 'manual', description: 'Paste the Production URL into the inbox’s admin panel yourself' },
				],
				default: 'auto',
			},
			{
				displayName:
					'The inbox allows ONE webhook per user: this trigger takes the credential’s user’s webhook. Use a separate app user for each workflow (Hub admin panel, group "App integration"). Outgoing and assigned messages are only sent if those boxes are ticked for the user in the admin panel.',
				name: 'oneWebhookNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { registration: ['auto'] } },
			},
			{
				displayName: 'If a Webhook Is Already Set',
				name: 'ifWebhookExists',
				type: 'options',
				options: [
					{ name: 'Replace and Restore on Deactivation', value: 'replace', description: 'The previous URL is stored and put back when the workflow is deactivated' },
					{ name: 'Fail Activation', value: 'fail', description: 'Leave the existing webhook alone and report it' },
				],
				default: 'replace',
				displayOptions: { show: { registration: ['auto'] } },
			},
			{
				displayName:
					'Copy the Production URL above into the inbox (admin panel → WABA webhooks of the API user). If you set a Secret below, append ?secret=&lt;your secret&gt; to the URL.',
				name: 'manualNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { registration: ['manual'] } },
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: [
					{ name: 'Chat Assignment Changes', value: 'assignment', description: 'A chat was assigned to, or taken from, a user or group' },
					{ name: 'Chat Resolved', value: 'resolved', description: 'A chat was resolved or reopened (newer inboxes)' },
					{ name: 'Incoming Messages', value: 'message', description: 'Messages customers send' },
					{ name: 'Message Statuses', value: 'status', description: 'Sent, delivered, read and failed updates of sent messages' },
					{ name: 'New Messages in My Assigned Chats', value: 'assignedMessage', description: 'Messages in chats assigned to the API user (e.g. a bot the Rule Engine hands chats to)' },
					{ name: 'Other Events', value: 'other', description: 'User availability, errors and deliveries of kinds this node does not know yet' },
					{ name: 'Outgoing Messages (Sent From the Inbox)', value: 'ownMessage', description: 'Messages inbox users or API users sent' },
					{ name: 'Tagging', value: 'tagging', description: 'Chat and message tags added or removed (including the deprecated tagged_chats / tagged_messages forms)' },
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
						description:
							'Whether to download the media of incoming messages into the binary field "data". The inbox’s media links need the credential, so only links on the credential’s own inbox are fetched.',
					},
					MAX_MEDIA_SIZE_OPTION,
					{
						displayName: 'Only Assigned User ID',
						name: 'assignedUser',
						type: 'string',
						default: '',
						placeholder: '12',
						description: 'For assignment events: only when the chat is assigned to this user',
					},
					{
						displayName: 'Only Tag Names',
						name: 'tagNames',
						type: 'string',
						default: '',
						placeholder: 'Agent needed, VIP',
						description: 'For tagging events: only these tags (comma-separated, not case-sensitive)',
					},
					{
						displayName: 'Secret',
						name: 'secret',
						type: 'string',
						typeOptions: { password: true },
						default: '',
						description: 'Only for a URL you set yourself: deliveries must carry ?secret=&lt;this value&gt;. A registered webhook gets a random secret automatically.',
					},
				],
			},
		],
	};

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
		const auto = this.getNodeParameter('registration', 'auto') === 'auto';
		const filters = {
			tags: String(options.tagNames ?? '').split(',').map((t) => t.trim().toLowerCase()).filter(Boolean),
			assignedUser: String(options.assignedUser ?? '').trim(),
		};
		const settings: DeliverySettings<InboxDelivery> = {
			...deliverySecrets(this, auto, options.secret),
			accept: (event) => selected(event, events, filters),
		};
		const response = await handleDelivery.call(this, inboxDeliveries, settings);
		if (!options.downloadMedia || !response.workflowData) return response;
		// Inbox media links need the credential: fetched through the node's transport, own origin only.
		const items = response.workflowData[0] as INodeExecutionData[];
		return { ...response, workflowData: [await downloadInboxMedia(this, items, mediaLimitsOf(options).maxBytes)] };
	}
}
