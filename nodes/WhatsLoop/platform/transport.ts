import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestMethods } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ProviderContext, ProviderSpec } from '../../shared/provider';
import type { RateLimit } from '../../shared/rateGate';
import type { ApiResponse } from '../../shared/request';
import { apiRequest, defaultMessageOf } from '../../shared/request';
import type { Brand } from './brands';
import { BRANDS, brandOf } from './brands';

/** Requests a plan's bucket holds at once (reference §2.3); every plan then leaks 1 request per second. */
const PLAN_BURST: Record<string, number> = { basic: 60, flex: 120, extra: 180 };
const LEAK_PER_MINUTE = 60;

/**
 * How fast the credential may call the platform: the plan's burst, then the documented 1 request
 * per second; a Custom plan gives its own number per minute (and as burst).
 */
export function planRateLimit(credentials: ICredentialDataDecryptedObject): RateLimit | undefined {
	const plan = String(credentials.plan ?? 'basic');
	if (plan === 'custom') {
		const perMinute = Number(credentials.requestsPerMinute);
		return perMinute > 0 ? { perMinute, burst: perMinute } : undefined;
	}
	return { perMinute: LEAK_PER_MINUTE, burst: PLAN_BURST[plan] ?? PLAN_BURST.basic };
}

/**
 * The platform's failure shapes (reference §2.2): `{"Status":0,"Message":…}` (422, or 200) and
 * `{"success":false,"message":…}` (also with HTTP 200). `status: PENDING` in `data` is a queued
 * message, not a failure.
 */
function platformFailure(body: unknown): string | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const b = body as IDataObject;
	if (b.success === false || b.success === 'false') return platformMessage(b) ?? 'the request failed';
	if (b.Status === 0 || b.Status === '0') return platformMessage(b) ?? 'the request was not valid';
	return undefined;
}

function platformMessage(body: unknown): string | undefined {
	if (body && typeof body === 'object' && !Array.isArray(body)) {
		const b = body as IDataObject;
		if (typeof b.Message === 'string' && b.Message) return b.Message;
	}
	return defaultMessageOf(body);
}

function platformSpec(brand: Brand): ProviderSpec {
	return {
		name: brand.name,
		credentialType: brand.credentialType,
		baseUrl: (credentials) => (String(credentials.baseUrl || '').trim() || brand.defaultBaseUrl).replace(/\/+$/, ''),
		secretFields: ['token'],
		failureOf: platformFailure,
		messageOf: platformMessage,
		rateLimit: planRateLimit,
	};
}

const SPECS = new Map(BRANDS.map((brand) => [brand.key, platformSpec(brand)]));

/** The request spec of a brand (the credential test and the node must agree on its base URL). */
export const specOf = (brand: Brand): ProviderSpec => SPECS.get(brand.key) as ProviderSpec;

export interface PlatformCall {
	body?: IDataObject;
	qs?: IDataObject;
	/**
	 * Safe to repeat after an ambiguous failure (see ApiRequest.repeatable): plain reads and writes
	 * that set a whole value. Sends and other writes leave it unset. Declared next to each operation.
	 */
	repeatable?: boolean;
	/** Send the body form-encoded with bracket keys (`buttons[0][id]`) instead of JSON. */
	form?: boolean;
	binary?: boolean;
	itemIndex?: number;
}

/** `{a: [{b: 1}]}` → `{'a[0][b]': '1'}`: the bracket keys the platform's form clients send. */
function bracketKeys(value: unknown, prefix = '', out: IDataObject = {}): IDataObject {
	if (value && typeof value === 'object') {
		for (const [key, child] of Object.entries(value as IDataObject)) bracketKeys(child, prefix ? `${prefix}[${key}]` : key, out);
	} else if (value !== undefined && value !== null && prefix) {
		out[prefix] = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
	}
	return out;
}

/**
 * The only door to the platform's HTTP API. `path` is relative to the credential's base URL
 * (`…/api/v1`), exactly as the route map spells it. Answers are the platform's envelope.
 */
export async function platformRequest(
	this: ProviderContext,
	method: IHttpRequestMethods,
	path: string,
	call: PlatformCall = {},
): Promise<ApiResponse<IDataObject>> {
	const brand = brandOf(this.getNode());
	const spec = specOf(brand);
	const { form, body, ...rest } = call;
	try {
		return (await apiRequest.call(this, spec, {
			method,
			path,
			...rest,
			...(body !== undefined ? { body: form ? bracketKeys(body) : body } : {}),
			...(form ? { headers: { 'content-type': 'application/x-www-form-urlencoded' } } : {}),
		})) as ApiResponse<IDataObject>;
	} catch (error) {
		throw routeNotFound(error, brand, method, path);
	}
}

/**
 * Many routes are declared only by the Lets bot vendor client (reference §4b.12): a 404 from the
 * platform names the route and points to API Request, instead of a bare "not found".
 */
function routeNotFound(error: unknown, brand: Brand, method: string, path: string): unknown {
	if (!(error instanceof NodeApiError) || error.httpCode !== '404') return error;
	const route = `${method} /${path.replace(/^\/+/, '')}`;
	error.message = `${error.message} (${route})`;
	error.description = [
		`${brand.name} answered 404 for ${route}. Either the value you gave (message, group, product …) does not exist, or this route is not available on your ${brand.name} host: the route map comes from the Lets bot vendor client and is unverified on WhatsLoop.`,
		'If the platform offers the same function under another path, call it with the API Request operation (same credential, errors and rate limiting).',
		error.description ?? '',
	]
		.filter(Boolean)
		.join('\n');
	return error;
}
