import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RegistrationRecord } from '../../shared/trigger/registration';
import {
	clearRegistration,
	configHash,
	displayUrl,
	loadRegistration,
	sameUrl,
	saveRegistration,
} from '../../shared/trigger/registration';
import { generateSecret, withSecret } from '../../shared/trigger/secret';
import { maytapiRequest, setAckDelivery } from '../transport';

export type RegistrationScope = 'phone' | 'product' | 'manual';

/** Events that Maytapi only delivers when acks are on. */
const ACK_EVENTS = ['status', 'poll', 'reaction'];

interface Settings {
	scope: RegistrationScope;
	phoneId: string;
	needsAcks: boolean;
	onConflict: 'replace' | 'fail';
}

async function readSettings(ctx: IHookFunctions): Promise<Settings> {
	const scope = ctx.getNodeParameter('registration') as RegistrationScope;
	const events = ctx.getNodeParameter('events', []) as string[];
	let phoneId = '';
	if (scope === 'phone') {
		phoneId = String(ctx.getNodeParameter('phoneId', '', { extractValue: true }) ?? '').trim();
		if (!phoneId) phoneId = String((await ctx.getCredentials('maytapiApi')).phoneId ?? '').trim();
		if (!/^\d+$/.test(phoneId)) {
			throw new NodeOperationError(ctx.getNode(), 'Choose the phone whose events this trigger receives', {
				description: 'Set "Phone", or a Default Phone ID in the Maytapi credential.',
			});
		}
	}
	return {
		scope,
		phoneId,
		needsAcks: events.some((e) => ACK_EVENTS.includes(e)),
		onConflict: ctx.getNodeParameter('ifWebhookExists', 'replace') as 'replace' | 'fail',
	};
}

/** Where a registration lives, and how to read and write it there. */
function target(ctx: IHookFunctions, settings: Settings) {
	if (settings.scope === 'phone') {
		const path = `/${settings.phoneId}/config`;
		return {
			label: `phone ${settings.phoneId}`,
			async read(): Promise<IDataObject> {
				const response = await maytapiRequest.call(ctx, 'GET', path, { repeatable: true });
				const status = (response.status ?? {}) as IDataObject;
				// The nested `{webhook:{webhook:url}}` shape of the spec's schema is read too.
				const webhook = typeof status.webhook === 'object' && status.webhook ? (status.webhook as IDataObject).webhook : status.webhook;
				return { webhook: (webhook as string) ?? '', ack_delivery: status.ack_delivery === true };
			},
			async write(webhook: string, ackDelivery: boolean) {
				await maytapiRequest.call(ctx, 'POST', path, { body: { webhook, ack_delivery: ackDelivery }, repeatable: true });
			},
		};
	}
	return {
		label: 'the whole product',
		async read(): Promise<IDataObject> {
			const product = await maytapiRequest.call(ctx, 'GET', '/product', { repeatable: true });
			return { webhook: (product.webhook as string) ?? '', ack_delivery: product.ack_delivery === true || product.ack_delivery === 1 };
		},
		async write(webhook: string, ackDelivery: boolean, previousAck: boolean) {
			await maytapiRequest.call(ctx, 'POST', '/setWebhook', { body: { webhook }, repeatable: true });
			if (ackDelivery !== previousAck) await setAckDelivery.call(ctx, ackDelivery);
		},
	};
}

function settingsHash(settings: Settings, url: string): string {
	return configHash({ scope: settings.scope, phoneId: settings.phoneId, needsAcks: settings.needsAcks, url });
}

export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const settings = await readSettings(this);
	if (settings.scope === 'manual') return true;
	const record = loadRegistration(this);
	const url = this.getNodeWebhookUrl('default') as string;
	if (!record || record.configHash !== settingsHash(settings, url)) return false;
	const current = await target(this, settings).read();
	return sameUrl(current.webhook, record.url) && (!settings.needsAcks || current.ack_delivery === true);
}

export async function create(this: IHookFunctions): Promise<boolean> {
	const settings = await readSettings(this);
	if (settings.scope === 'manual') return true;
	const baseUrl = this.getNodeWebhookUrl('default') as string;
	const previousRecord = loadRegistration(this);
	const where = target(this, settings);
	const current = await where.read();
	// Our own earlier registration is not "someone else's webhook": keep what it replaced.
	const isOurs = previousRecord && sameUrl(current.webhook, previousRecord.url);
	const secret = previousRecord?.secret ?? generateSecret();
	const url = withSecret(baseUrl, secret);
	const replaced: IDataObject | null = isOurs ? previousRecord.replaced : { webhook: current.webhook, ack_delivery: current.ack_delivery };
	if (!isOurs && current.webhook && settings.onConflict === 'fail') {
		throw new NodeOperationError(this.getNode(), `Maytapi already sends the events of ${where.label} to ${displayUrl(current.webhook)}`, {
			description:
				'Activation stopped so that webhook is not replaced. To use this trigger anyway, set "If a Webhook Is Already Set" to "Replace and Restore on Deactivation".',
		});
	}
	const previousAck = current.ack_delivery === true;
	const record: RegistrationRecord = {
		url,
		baseUrl,
		configHash: settingsHash(settings, baseUrl),
		target: { scope: settings.scope, phoneId: settings.phoneId },
		replaced,
		secret,
		registeredAt: Date.now(),
	};
	// Saved before anything changes at Maytapi: if a step below fails half-way (webhook set, ack
	// preference refused), n8n calls `remove` at once and this record lets it restore the previous URL.
	saveRegistration(this, record);
	await where.write(url, settings.needsAcks || previousAck, previousAck);
	return true;
}

export async function remove(this: IHookFunctions): Promise<boolean> {
	const record = loadRegistration(this);
	if (!record) return true;
	const scope = record.target.scope as RegistrationScope;
	if (scope !== 'manual') {
		const settings: Settings = { scope, phoneId: String(record.target.phoneId ?? ''), needsAcks: false, onConflict: 'replace' };
		const where = target(this, settings);
		const current = await where.read();
		// Only undo what is still ours: if someone has since set another URL, leave it alone.
		if (sameUrl(current.webhook, record.url)) {
			const previous = record.replaced ?? { webhook: '', ack_delivery: false };
			await where.write(String(previous.webhook ?? ''), previous.ack_delivery === true, current.ack_delivery === true);
		}
	}
	clearRegistration(this);
	return true;
}

