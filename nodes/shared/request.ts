import type {
	IAdditionalCredentialOptions,
	IDataObject,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { providerError } from './errors';
import { htmlText, looksLikeHtml } from './html';
import type { ProviderContext, ProviderSpec } from './provider';
import { rateGateFor } from './rateGate';
import { paceSend } from './sending';

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path appended to the credential's base URL, exactly as the provider documents it. */
	path?: string;
	/** Absolute URL (e.g. a pagination `next` link); must stay on the credential's origin. */
	url?: string;
	body?: IDataObject | IDataObject[];
	qs?: IDataObject;
	headers?: IDataObject;
	/**
	 * True only when doing the call twice has the same effect as doing it once: plain reads, and
	 * writes the API itself defines as idempotent (PUT of a whole setting, DELETE). Only such calls
	 * are retried after an ambiguous failure (502/504, a dropped connection), where the provider may
	 * already have acted. Every call, repeatable or not, is retried when the provider certainly did
	 * not act (429, 503, connection refused). A DELETE repeated so that answers 404 was done by an earlier
	 * attempt: it succeeds as an empty answer.
	 */
	repeatable?: boolean;
	/**
	 * True when this call re-issues one the provider refused without acting on it (another method or
	 * path form after a 404/405 or a redirect, the same call after a new login), so it already passed the
	 * campaign's Sending pacing: the Sending delay and Max Messages Per Minute are not applied again, and
	 * one write counts once. The credential's own rate limit still applies (the provider sees each call).
	 */
	alreadyPaced?: boolean;
	/** Return the body as a Buffer (images, files) instead of parsed JSON. */
	binary?: boolean;
	itemIndex?: number;
	/**
	 * Passed to n8n's `httpRequestWithAuthentication` as is, e.g. the credential data to use for this
	 * call (a provider that must make n8n fetch a new session token clears the stored one here).
	 */
	credentialOptions?: IAdditionalCredentialOptions;
}

export interface ApiResponse<T = unknown> {
	status: number;
	headers: Record<string, string>;
	body: T;
}

/** Bounds of the retry policy; fixed so that behaviour is predictable for workflow authors. */
export const RETRY_POLICY = {
	maxAttempts: 4,
	/** A 429 asking for a longer wait than this fails instead of blocking the workflow. */
	maxWaitMs: 60_000,
	backoffMs: [500, 1500, 4000],
};

/**
 * How the retry policy waits between attempts: n8n's `sleep`. Tests swap it (setRetryWait) to
 * record the waits instead of spending them on the wall clock.
 */
const realWait = async (ms: number) => await sleep(ms);
let retryWait: (ms: number) => Promise<void> = realWait;

/** Tests only: wait with `wait` instead of n8n's `sleep` (undefined restores it). */
export function setRetryWait(wait: ((ms: number) => Promise<void>) | undefined): void {
	retryWait = wait ?? realWait;
}

/** Transport errors where the request never reached the provider: always safe to retry. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function lowerCaseHeaders(headers: unknown): Record<string, string> {
	const out: Record<string, string> = {};
	if (headers && typeof headers === 'object') {
		for (const [k, v] of Object.entries(headers as Record<string, unknown>)) {
			out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
		}
	}
	return out;
}

/**
 * How long a 429 asks us to wait, from `Retry-After` (seconds or HTTP date) or
 * `X-RateLimit-Reset` (epoch seconds, or seconds from now when small). Undefined when unsaid.
 */
export function rateLimitWaitMs(headers: Record<string, string>, now = Date.now()): number | undefined {
	const retryAfter = headers['retry-after'];
	if (retryAfter !== undefined && retryAfter !== '') {
		const seconds = Number(retryAfter);
		if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
		const date = Date.parse(retryAfter);
		if (!Number.isNaN(date)) return Math.max(0, date - now);
	}
	const reset = Number(headers['x-ratelimit-reset'] ?? headers['ratelimit-reset']);
	if (Number.isFinite(reset) && reset > 0) {
		// Values this large are epoch timestamps (seconds, or milliseconds); smaller ones are a delay.
		if (reset > 1e12) return Math.max(0, reset - now);
		if (reset > 1e9) return Math.max(0, reset * 1000 - now);
		return reset * 1000;
	}
	return undefined;
}

function transportErrorCode(error: unknown): string | undefined {
	// httpRequestWithAuthentication wraps transport errors in NodeApiError; the code sits on the cause.
	let current = error as { code?: unknown; cause?: unknown; context?: { code?: unknown } } | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		if (typeof current.code === 'string' && /^E[A-Z]+$/.test(current.code)) return current.code;
		if (typeof current.context?.code === 'string') return current.context.code;
		current = current.cause as typeof current;
	}
	return undefined;
}

function joinUrl(base: string, path: string): string {
	return `${base.replace(/\/+$/, '')}${path.startsWith('/') ? '' : '/'}${path}`;
}

/**
 * The only code in the package that calls `httpRequestWithAuthentication`: builds the request from
 * the credential's base URL, maps failures (including 2xx bodies that say failure) to NodeApiError
 * with the provider's message and no secrets, and applies the retry policy.
 */
export async function apiRequest<T = unknown>(
	this: ProviderContext,
	spec: ProviderSpec,
	request: ApiRequest,
): Promise<ApiResponse<T>> {
	const credentials = await this.getCredentials(spec.credentialType);
	const secrets = spec.secretFields.map((f) => String(credentials[f] ?? '')).filter(Boolean);
	const base = spec.baseUrl(credentials);
	const node = this.getNode();
	const fail = (status: number | undefined, body: unknown, providerMessage?: string, detail?: string) =>
		providerError({ node, provider: spec.name, status, body, providerMessage, detail, secrets, itemIndex: request.itemIndex });

	let url: string;
	if (request.url) {
		if (new URL(request.url).origin !== new URL(base).origin) {
			throw fail(undefined, undefined, `refusing to send the credential to another host (${new URL(request.url).origin})`);
		}
		url = request.url;
	} else {
		url = joinUrl(base, request.path ?? '');
	}

	const options: IHttpRequestOptions = {
		method: request.method,
		url,
		qs: request.qs,
		headers: { accept: request.binary ? '*/*' : 'application/json', ...(request.headers ?? {}) },
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// A redirect would carry the credential's headers to wherever it points: JSON APIs need none.
		disableFollowRedirect: true,
		json: !request.binary,
		...(request.binary ? { encoding: 'arraybuffer' as const } : {}),
		...(request.body !== undefined ? { body: request.body } : {}),
	};

	// One gate per credential: pacing (the spec's rate limit), rate-limit headers and 429 pauses are shared
	// by every item and execution using it.
	const gateKey = `${spec.credentialType}:${node.credentials?.[spec.credentialType]?.id ?? base}`;
	const gate = rateGateFor(gateKey);
	const rateLimit = spec.rateLimit?.(credentials);
	const cancelSignal = 'getExecutionCancelSignal' in this ? this.getExecutionCancelSignal() : undefined;

	// Set once an attempt failed in a way where the provider may have acted (a dropped connection, 502/504).
	let mayHaveActed = false;
	for (let attempt = 1; ; attempt++) {
		const lastAttempt = attempt >= RETRY_POLICY.maxAttempts;
		const backoff = RETRY_POLICY.backoffMs[Math.min(attempt - 1, RETRY_POLICY.backoffMs.length - 1)];
		// A campaign's sends also wait for its Sending delay and ceiling (sending.ts); reads pass through.
		await paceSend(this, request, gateKey, attempt, cancelSignal);
		await gate.acquire(rateLimit, cancelSignal);
		let response: IN8nHttpFullResponse;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				spec.credentialType,
				options,
				request.credentialOptions,
			)) as IN8nHttpFullResponse;
		} catch (error) {
			const code = transportErrorCode(error);
			const neverSent = code !== undefined && NEVER_SENT.has(code);
			// Only a transport failure (it has a code) is ambiguous; anything else, e.g. a credential's
			// refused login, fails the same way again, so it is never repeated.
			if (!lastAttempt && (neverSent || (request.repeatable === true && code !== undefined))) {
				if (!neverSent) mayHaveActed = true;
				await retryWait(backoff);
				continue;
			}
			// The code goes to the description: n8n replaces messages that contain one.
			const why = neverSent
				? 'could not connect'
				: 'the connection broke before an answer came; the request may have been accepted, so it was not repeated to avoid a duplicate';
			throw fail(undefined, undefined, why, `Network error: ${code ?? (error as Error).message}`);
		}

		const status = response.statusCode;
		const headers = lowerCaseHeaders(response.headers);
		gate.observe(status, headers);
		const body = request.binary ? Buffer.from(response.body as ArrayBuffer) : response.body;

		if (status >= 200 && status < 300) {
			// A file endpoint may still answer with a JSON error body (e.g. "not on the QR screen").
			const json = request.binary ? (/json/i.test(headers['content-type'] ?? '') ? tryParseJson(body as Buffer) : undefined) : body;
			const failure = json === undefined ? undefined : spec.failureOf(json);
			if (failure !== undefined) throw fail(spec.bodyStatus?.(json) ?? status, json, failure);
			return { status, headers, body: body as T };
		}

		if (status >= 300 && status < 400) {
			throw fail(status, undefined, `the API answered with a redirect to ${redirectTarget(headers.location, url)}, which is not followed`, REDIRECT_DETAIL);
		}

		const errorBody = request.binary ? tryParseJson(body as Buffer) : body;
		if (!lastAttempt && (status === 429 || status === 503)) {
			// The provider refused the call outright, so repeating it cannot duplicate anything.
			const wait = rateLimitWaitMs(headers) ?? backoff;
			if (wait <= RETRY_POLICY.maxWaitMs) {
				// A 429 has paused the whole gate (Retry-After, or its default); the next acquire waits for it.
				if (status === 503) await retryWait(wait);
				continue;
			}
		}
		if (!lastAttempt && (status === 502 || status === 504) && request.repeatable === true) {
			mayHaveActed = true;
			await retryWait(backoff);
			continue;
		}
		if (status === 404 && mayHaveActed && request.method === 'DELETE') {
			// An earlier attempt may have deleted it: gone, as asked. Answered as an empty success (204),
			// so a caller's own 404 handling (e.g. trying another path form) does not start either.
			return { status: 204, headers, body: (request.binary ? Buffer.alloc(0) : '') as T };
		}
		throw fail(status, errorBody, spec.messageOf?.(errorBody) ?? defaultMessageOf(errorBody));
	}
}

const REDIRECT_DETAIL =
	'API calls never follow redirects, so the credential was not sent there. Check the Base URL in the credential (e.g. http:// instead of https://, or an old host).';

/** The host a redirect points to (relative locations resolve against the request URL). */
function redirectTarget(location: string | undefined, requestUrl: string): string {
	if (!location) return 'an unnamed location';
	try {
		return new URL(location, requestUrl).host;
	} catch {
		return `"${location.slice(0, 100)}"`;
	}
}

function tryParseJson(buffer: Buffer): unknown {
	const text = buffer.toString('utf8');
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/**
 * The error text most APIs use: `message`, `error`, `error.message`, `detail`, `errors[0]`. With
 * `fieldErrors`, a body with none of these is read as Django REST framework field errors
 * (`{field: ["msg", ..]}`, `non_field_errors` unprefixed), e.g. "wa_id: This field is required.".
 * A text body is the message itself, at most 300 characters; an HTML page (a proxy's or the
 * platform's error page) is read as text first, preferring its title.
 */
export function defaultMessageOf(body: unknown, options: { fieldErrors?: boolean } = {}): string | undefined {
	if (typeof body === 'string') {
		const text = (looksLikeHtml(body) ? htmlText(body) : body).trim();
		return text ? text.slice(0, 300) : undefined;
	}
	if (!body || typeof body !== 'object') return undefined;
	const b = body as Record<string, unknown>;
	for (const key of ['message', 'error_description', 'detail', 'msg', 'reason']) {
		if (typeof b[key] === 'string' && b[key]) return b[key] as string;
	}
	if (typeof b.error === 'string') return b.error;
	if (b.error && typeof b.error === 'object') return defaultMessageOf(b.error, options);
	if (Array.isArray(b.errors) && b.errors.length) {
		const first = b.errors[0];
		return typeof first === 'string' ? first : defaultMessageOf(first, options);
	}
	return options.fieldErrors && !Array.isArray(body) ? fieldErrorsMessage(b) : undefined;
}

function fieldErrorsMessage(body: Record<string, unknown>): string | undefined {
	const parts = Object.entries(body)
		.filter(([, value]) => Array.isArray(value) || typeof value === 'string')
		.map(([key, value]) => {
			const text = (Array.isArray(value) ? value : [value]).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(' ');
			return key === 'non_field_errors' ? text : `${key}: ${text}`;
		});
	return parts.length ? parts.join('; ') : undefined;
}
