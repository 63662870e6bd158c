import { createHash } from 'crypto';
import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

/**
 * Registration state for triggers that register their own webhook (see Maytapi/webhook/registration.ts
 * for a full provider): `loadRegistration` / `saveRegistration` / `clearRegistration` keep one record per
 * slot ('test' for the editor's "Listen for event", 'production' for the published workflow) in the
 * node's static data. The slot comes from the hook's mode, never from the URL's text.
 *
 * To be atomic, a provider's `create` saves the record (with what it replaces) BEFORE it changes
 * anything at the provider: if a later step fails, n8n calls `delete` right away with that record, and
 * `delete` can put the previous webhook back. In `webhook()`, `deliverySecrets(this, …)` gives the secrets
 * deliveries must carry, and refuses everything (fail closed) while a self-registering trigger has none.
 */

/**
 * What a trigger registered with a provider, kept in the workflow's static data so that
 * `checkExists` can compare, and `delete` can remove exactly this and restore what it replaced.
 */
export interface RegistrationRecord extends IDataObject {
	/** The URL given to the provider (with our secret, when there is one). */
	url: string;
	/** n8n's webhook URL for this slot, without the secret (how `delete` finds its record). */
	baseUrl?: string;
	/** Hash of the settings the registration was made with; a change means re-register. */
	configHash: string;
	/** Provider-specific: where the webhook was set (e.g. `{scope:'phone', phoneId:'12'}`). */
	target: IDataObject;
	/** Provider-specific: what was configured there before, to restore on deactivation. */
	replaced: IDataObject | null;
	secret: string | null;
	registeredAt: number;
}

/** Stable JSON (sorted keys) so that equal settings always hash the same. */
export function stableStringify(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.keys(value as object)
			.sort()
			.map((k) => `${JSON.stringify(k)}:${stableStringify((value as IDataObject)[k])}`);
		return `{${entries.join(',')}}`;
	}
	return JSON.stringify(value ?? null);
}

export function configHash(settings: unknown): string {
	return createHash('sha256').update(stableStringify(settings)).digest('hex').slice(0, 16);
}

export type RegistrationSlot = 'test' | 'production';

/**
 * Test ("Listen for event") and production URLs are registered independently. n8n calls the test
 * hooks in mode 'manual'; it removes both kinds in mode 'internal', so removal picks the record that
 * was registered for this hook's own webhook URL.
 */
function slot(ctx: IHookFunctions): RegistrationSlot {
	const mode = ctx.getMode();
	if (mode === 'manual') return 'test';
	if (mode === 'internal') {
		const test = store(ctx).test as RegistrationRecord | undefined;
		// Records made before `baseUrl` existed: their URL without the secret.
		if (test && sameUrl(test.baseUrl ?? displayUrl(test.url), ctx.getNodeWebhookUrl('default'))) return 'test';
	}
	return 'production';
}

/** The slot a delivery belongs to: test deliveries run in mode 'manual'. */
export function deliverySlot(ctx: IWebhookFunctions): RegistrationSlot {
	return ctx.getMode() === 'manual' ? 'test' : 'production';
}

/** The secret deliveries to this webhook must carry, or undefined when no registration is stored. */
export function registeredSecret(ctx: IWebhookFunctions): string | undefined {
	const records = (ctx.getWorkflowStaticData('node').registrations ?? {}) as Record<string, RegistrationRecord | undefined>;
	const secret = records[deliverySlot(ctx)]?.secret;
	return typeof secret === 'string' && secret ? secret : undefined;
}

/**
 * The secrets a delivery may carry, for `DeliverySettings`: the one this trigger registered (when it
 * registers itself) and the user's own Secret option. A self-registering trigger with no stored
 * registration (failed or lost) gets `missingRegistration`, so it refuses everything instead of
 * accepting unsigned calls.
 */
export function deliverySecrets(
	ctx: IWebhookFunctions,
	registersItself: boolean,
	userSecret: unknown,
): { secrets: string[]; missingRegistration?: string } {
	const registered = registersItself ? registeredSecret(ctx) : undefined;
	const secrets = registered ? [registered] : [];
	if (userSecret) secrets.push(String(userSecret));
	if (!registersItself || registered) return { secrets };
	return { secrets, missingRegistration: 'This trigger has no registered webhook; deactivate and activate the workflow again' };
}

/** A webhook URL fit for an error message: no query string (it may hold someone's secret). */
export function displayUrl(url: unknown): string {
	const text = String(url ?? '');
	try {
		const u = new URL(text);
		return `${u.origin}${u.pathname}`;
	} catch {
		return text.replace(/[?#].*$/, '');
	}
}

function store(ctx: IHookFunctions): IDataObject {
	const data = ctx.getWorkflowStaticData('node');
	data.registrations ??= {};
	return data.registrations as IDataObject;
}

export function loadRegistration(ctx: IHookFunctions): RegistrationRecord | undefined {
	return store(ctx)[slot(ctx)] as RegistrationRecord | undefined;
}

export function saveRegistration(ctx: IHookFunctions, record: RegistrationRecord): void {
	store(ctx)[slot(ctx)] = record;
}

export function clearRegistration(ctx: IHookFunctions): void {
	delete store(ctx)[slot(ctx)];
}

/** Compares webhook URLs the way providers echo them back (trailing slash, case of host). */
export function sameUrl(a: unknown, b: unknown): boolean {
	if (typeof a !== 'string' || typeof b !== 'string' || !a || !b) return false;
	try {
		const ua = new URL(a);
		const ub = new URL(b);
		return (
			ua.origin === ub.origin &&
			ua.pathname.replace(/\/+$/, '') === ub.pathname.replace(/\/+$/, '') &&
			ua.search === ub.search
		);
	} catch {
		return a === b;
	}
}
