import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RegistrationRecord } from '../../shared/trigger/registration';
import { clearRegistration, configHash, displayUrl, loadRegistration, sameUrl, saveRegistration } from '../../shared/trigger/registration';
import { generateSecret, withSecret } from '../../shared/trigger/secret';
import { inboxList, inboxRequest } from '../transport';

/**
 * The inbox keeps ONE WABA webhook per API user (reference W51–W56, §6.5): activation reads it
 * (`GET /webhooks/waba/`), then updates it or creates ours. Only `on_incoming_message` is a
 * confirmed flag, so no guessed flag names are sent.
 */
interface Webhook {
	id: string | number;
	url: string;
	on_incoming_message?: boolean;
}

const isAuto = (ctx: IHookFunctions) => ctx.getNodeParameter('registration', 'auto') === 'auto';

type ListedWebhook = Webhook & { user?: IDataObject };

/**
 * The webhook list up to the first page holding one that `wanted` matches, else every page: an
 * admin API user sees every user's webhook (W51), so its own may be on any page, but n8n runs
 * checkExists on every start of every main process, so the reading stops once it is found.
 */
async function findWebhook(ctx: IHookFunctions, wanted: (hook: ListedWebhook) => boolean): Promise<ListedWebhook | undefined> {
	const until = (page: IDataObject[]) => (page as unknown as ListedWebhook[]).some(wanted);
	const hooks = (await inboxList.call(ctx, 'webhooks', { returnAll: true, until })) as unknown as ListedWebhook[];
	return hooks.find(wanted);
}

/** The API user's webhook (the list holds only the caller's own, unless the user is an admin). */
async function currentWebhook(ctx: IHookFunctions): Promise<Webhook | undefined> {
	const me = await inboxRequest.call(ctx, 'currentUser', { repeatable: true });
	return await findWebhook(ctx, (h) => h.user === undefined || String(h.user?.id) === String(me.id));
}

async function writeUrl(ctx: IHookFunctions, id: string | number, url: string, onIncoming: boolean | undefined) {
	const body: IDataObject = { url };
	if (typeof onIncoming === 'boolean') body.on_incoming_message = onIncoming;
	// Setting the URL to a value is idempotent; the path map falls back PATCH → PUT (W54/W55 inferred).
	await inboxRequest.call(ctx, 'webhookUpdate', { params: { id: String(id) }, body, repeatable: true });
}

function hashOf(url: string): string {
	return configHash({ url, scheme: 1 });
}

export async function checkExists(this: IHookFunctions): Promise<boolean> {
	if (!isAuto(this)) return true;
	const record = loadRegistration(this);
	const baseUrl = this.getNodeWebhookUrl('default') as string;
	if (!record || record.configHash !== hashOf(baseUrl)) return false;
	// One read for a non-admin user (its list holds one webhook); an admin's list may span pages,
	// read only up to the one with the recorded id.
	const hook = await findWebhook(this, (h) => String(h.id) === String(record.target.webhookId));
	return !!hook && sameUrl(hook.url, record.url);
}

export async function create(this: IHookFunctions): Promise<boolean> {
	if (!isAuto(this)) return true;
	const baseUrl = this.getNodeWebhookUrl('default') as string;
	const previous = loadRegistration(this);
	const current = await currentWebhook(this);
	// Our own earlier registration is not "someone else's webhook": keep what it replaced.
	const isOurs = !!previous && !!current && sameUrl(current.url, previous.url);
	if (current && !isOurs && this.getNodeParameter('ifWebhookExists', 'replace') === 'fail') {
		throw new NodeOperationError(this.getNode(), `This inbox user already has a webhook: ${displayUrl(current.url)}`, {
			description:
				'The inbox allows one webhook per user, so activation stopped rather than replace it. Use a separate app user for this workflow, or set "If a Webhook Is Already Set" to "Replace and Restore on Deactivation".',
		});
	}
	const secret = previous?.secret ?? generateSecret();
	const url = withSecret(baseUrl, secret);
	const replaced: IDataObject | null = isOurs ? previous.replaced : current ? { id: current.id, url: current.url, on_incoming_message: current.on_incoming_message ?? null } : null;
	const record: RegistrationRecord = {
		url,
		baseUrl,
		configHash: hashOf(baseUrl),
		target: { webhookId: current?.id ?? null },
		replaced,
		secret,
		registeredAt: Date.now(),
	};
	// Saved before anything changes at the inbox: if a step fails, n8n calls `remove` with it at once.
	saveRegistration(this, record);
	if (current) {
		await writeUrl(this, current.id, url, true);
	} else {
		// Creating twice would be refused (one webhook per user): not repeatable.
		const created = await inboxRequest.call(this, 'webhookCreate', { body: { url, on_incoming_message: true } });
		record.target = { webhookId: (created.id as string | number | undefined) ?? null };
		saveRegistration(this, record);
	}
	return true;
}

export async function remove(this: IHookFunctions): Promise<boolean> {
	const record = loadRegistration(this);
	if (!record) return true;
	const current = await currentWebhook(this);
	// Only undo what is still ours: a webhook someone changed since is left alone.
	if (current && sameUrl(current.url, record.url)) {
		const previous = record.replaced;
		if (previous?.url) {
			await writeUrl(this, current.id, String(previous.url), typeof previous.on_incoming_message === 'boolean' ? previous.on_incoming_message : undefined);
		} else {
			await inboxRequest.call(this, 'webhookDelete', { params: { id: String(current.id) }, repeatable: true });
		}
	}
	clearRegistration(this);
	return true;
}
