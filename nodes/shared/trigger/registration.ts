import { createHash } from 'crypto';
import type { IDataObject, IHookFunctions } from 'n8n-workflow';

/**
 * What a trigger registered with a provider, kept in the workflow's static data so that
 * `checkExists` can compare, and `delete` can remove exactly this and restore what it replaced.
 */
export interface RegistrationRecord extends IDataObject {
	/** The URL given to the provider (with our secret, when there is one). */
	url: string;
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

/** Test ("Listen for event") and production URLs are registered independently. */
function slot(ctx: IHookFunctions): string {
	const url = ctx.getNodeWebhookUrl('default') ?? '';
	return url.includes('/webhook-test/') ? 'test' : 'production';
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
