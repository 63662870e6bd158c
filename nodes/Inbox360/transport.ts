import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { inboxOrigin, LOGIN_FAILED } from '../../credentials/Inbox360Api.credentials';
import { asNodeError } from '../shared/errors';
import { collectPages } from '../shared/paginate';
import type { ProviderContext, ProviderSpec } from '../shared/provider';
import type { ApiRequest, ApiResponse } from '../shared/request';
import { apiRequest, defaultMessageOf } from '../shared/request';

export const CREDENTIAL_TYPE = 'inbox360Api';

/**
 * Every endpoint of the inbox API the nodes use, relative to `{inbox}/api/v1/`, in one place.
 * `inferred` marks the paths and methods the reference could not confirm (§2, §6.1): for those a
 * 404/405 (or a redirect to the other slash form) is answered by trying the alternative method
 * (PUT ↔ PATCH) and the other trailing-slash form. A refused call did nothing, so re-issuing it
 * can't duplicate anything.
 */
export const ENDPOINTS = {
	token: { method: 'POST', path: 'auth/token/' },
	chats: { method: 'GET', path: 'chats/' },
	chat: { method: 'GET', path: 'chats/{waId}/' },
	// Newer inboxes (S3): no trailing slash in the web app; the slashed form is the fallback.
	chatResolve: { method: 'PATCH', path: 'chats/{waId}/resolve', inferred: true },
	assignment: { method: 'GET', path: 'chat_assignment/{waId}/' },
	assignmentUpdate: { method: 'PATCH', path: 'chat_assignment/{waId}/' },
	assignmentEvents: { method: 'GET', path: 'chat_assignment_events/' },
	messages: { method: 'GET', path: 'messages/' },
	send: { method: 'POST', path: 'messages/' },
	markAsReceived: { method: 'POST', path: 'mark_as_received/' },
	mediaUpload: { method: 'POST', path: 'media/' },
	media: { method: 'GET', path: 'media/{id}/' },
	persons: { method: 'GET', path: 'persons/' },
	person: { method: 'GET', path: 'persons/{waId}/' },
	contacts: { method: 'GET', path: 'contacts/' },
	contact: { method: 'GET', path: 'contacts/{waId}/', inferred: true },
	contactsVerify: { method: 'POST', path: 'contacts/verify/' },
	tags: { method: 'GET', path: 'tags/' },
	tagCreate: { method: 'POST', path: 'tags/', inferred: true },
	messageTaggingCreate: { method: 'POST', path: 'message_tagging/', inferred: true },
	messageTagging: { method: 'GET', path: 'message_tagging/{id}/', inferred: true },
	messageTaggingDelete: { method: 'DELETE', path: 'message_tagging/{id}/', inferred: true },
	messageTaggingEvents: { method: 'GET', path: 'message_tagging_events/', inferred: true },
	chatTaggingCreate: { method: 'POST', path: 'chat_tagging/' },
	chatTagging: { method: 'GET', path: 'chat_tagging/{id}/', inferred: true },
	chatTaggingDelete: { method: 'DELETE', path: 'chat_tagging/{id}/' },
	chatTaggingEvents: { method: 'GET', path: 'chat_tagging_events/' },
	savedResponses: { method: 'GET', path: 'saved_responses/' },
	savedResponseCreate: { method: 'POST', path: 'saved_responses/' },
	savedResponseDelete: { method: 'DELETE', path: 'saved_responses/{id}/' },
	templates: { method: 'GET', path: 'templates/' },
	templateCreate: { method: 'POST', path: 'templates/', inferred: true },
	templateDelete: { method: 'DELETE', path: 'templates/{name}/', inferred: true },
	templatesRefresh: { method: 'POST', path: 'templates/refresh/issue/' },
	users: { method: 'GET', path: 'users/' },
	userCreate: { method: 'POST', path: 'users/', inferred: true },
	currentUser: { method: 'GET', path: 'users/current/' },
	user: { method: 'GET', path: 'users/{id}/', inferred: true },
	userUpdate: { method: 'PATCH', path: 'users/{id}/', inferred: true },
	userAvailability: { method: 'PATCH', path: 'users/{id}/availability', inferred: true },
	passwordChange: { method: 'PUT', path: 'users/password/change/' },
	// Path quoted in S1's prose; the method is inferred from the own-password change (§2 W42).
	userPasswordSet: { method: 'PUT', path: 'users/{id}/password/change/', inferred: true },
	groups: { method: 'GET', path: 'groups/' },
	businessProfile: { method: 'GET', path: 'settings/business/profile/' },
	businessProfileUpdate: { method: 'PATCH', path: 'settings/business/profile/' },
	settingsRefresh: { method: 'POST', path: 'settings/refresh/issue/' },
	whatsappAccounts: { method: 'GET', path: 'whatsapp_accounts/' },
	about: { method: 'GET', path: 'settings/profile/about/' },
	aboutUpdate: { method: 'PATCH', path: 'settings/profile/about/' },
	photo: { method: 'GET', path: 'settings/profile/photo/' },
	photoUpload: { method: 'POST', path: 'settings/profile/photo/' },
	photoDelete: { method: 'DELETE', path: 'settings/profile/photo/' },
	webhooks: { method: 'GET', path: 'webhooks/waba/' },
	webhookCreate: { method: 'POST', path: 'webhooks/waba/' },
	webhookUpdate: { method: 'PATCH', path: 'webhooks/waba/{id}/', inferred: true },
	webhookDelete: { method: 'DELETE', path: 'webhooks/waba/{id}/', inferred: true },
} as const satisfies Record<string, { method: IHttpRequestMethods; path: string; inferred?: boolean }>;

export type EndpointName = keyof typeof ENDPOINTS;

/** DRF error bodies: `{detail}`, `{non_field_errors: [..]}`, `{reason}` or `{field: ["msg", ..]}`. */
const drfMessage = (body: unknown) => defaultMessageOf(body, { fieldErrors: true });

/** The inbox API: DRF on each inbox's own host; errors are non-2xx with DRF bodies. */
export const inbox360Provider: ProviderSpec = {
	name: '360dialog Inbox',
	credentialType: CREDENTIAL_TYPE,
	baseUrl: (credentials) => `${inboxOrigin(credentials)}/api/v1`,
	secretFields: ['token', 'password', 'sessionToken', 'd360ApiKey'],
	failureOf: () => undefined,
	messageOf: drfMessage,
};

/**
 * One call of an endpoint: the shared request's fields (`repeatable` only for reads and idempotent
 * writes, `url` for an absolute link on the inbox's origin such as a page's `next` or a media link),
 * plus the values of the path's `{name}` segments (URL-encoded here).
 */
export type InboxCall = Omit<ApiRequest, 'method' | 'path' | 'credentialOptions' | 'alreadyPaced'> & { params?: Record<string, string | number> };

function fillPath(ctx: ProviderContext, path: string, params: Record<string, string | number> = {}): string {
	return path.replace(/\{(\w+)\}/g, (_, name: string) => {
		if (params[name] === undefined || params[name] === '') throw new NodeOperationError(ctx.getNode(), `Missing path parameter ${name}`);
		return encodeURIComponent(String(params[name]));
	});
}

/** The requests to try for an inferred endpoint, in order: as written, other method, other slash form. */
export function fallbackVariants(method: IHttpRequestMethods, path: string): Array<[IHttpRequestMethods, string]> {
	const other = method === 'PUT' ? 'PATCH' : method === 'PATCH' ? 'PUT' : undefined;
	const toggled = path.endsWith('/') ? path.replace(/\/+$/, '') : `${path}/`;
	const variants: Array<[IHttpRequestMethods, string]> = [[method, path]];
	if (other) variants.push([other, path]);
	variants.push([method, toggled]);
	if (other) variants.push([other, toggled]);
	return variants;
}

const httpCodeOf = (error: unknown) => (error instanceof NodeApiError ? Number(error.httpCode) : undefined);

/** DRF's answer to a stale token is 403 `{"detail": "Invalid token."}` (not the 401 n8n refreshes on). */
function isInvalidToken(error: unknown): boolean {
	return httpCodeOf(error) === 403 && /invalid token/i.test((error as Error).message);
}

/**
 * One call; with Username & Password, a 403 "Invalid token" makes n8n fetch a new token through the
 * credential's preAuthentication (the stored one is handed over empty, which is what triggers it and
 * stores the new one) and the call is made once more. The first call was refused, so this is safe,
 * and it is not paced again. `alreadyPaced`: another form of a call the inbox refused.
 */
async function callOnce(this: ProviderContext, method: IHttpRequestMethods, path: string, call: InboxCall, alreadyPaced = false): Promise<ApiResponse> {
	const { body, qs, headers, repeatable, binary, itemIndex, url } = call;
	const request: ApiRequest = { body, qs, headers, repeatable, binary, itemIndex, alreadyPaced, method, ...(url ? { url } : { path: `/${path}` }) };
	try {
		return await apiRequest.call(this, inbox360Provider, request);
	} catch (error) {
		rethrowLoginFailure(this, error, call.itemIndex);
		if (!isInvalidToken(error)) throw asNodeError(this.getNode(), error, call.itemIndex);
		const credentials = await this.getCredentials(CREDENTIAL_TYPE);
		if (credentials.authentication !== 'usernamePassword') throw asNodeError(this.getNode(), error, call.itemIndex);
		const stored = this.getNode().credentials?.[CREDENTIAL_TYPE];
		const retry = apiRequest.call(this, inbox360Provider, {
			...request,
			alreadyPaced: true,
			credentialOptions: {
				credentialsDecrypted: {
					id: stored?.id ?? '',
					name: stored?.name ?? '',
					type: CREDENTIAL_TYPE,
					data: { ...credentials, sessionToken: '' },
				},
			},
		});
		try {
			return await retry;
		} catch (retryError) {
			rethrowLoginFailure(this, retryError, call.itemIndex);
			throw asNodeError(this.getNode(), retryError, call.itemIndex);
		}
	}
}

/**
 * A failed username/password exchange surfaces from n8n's pre-authentication as a generic request
 * failure; say what it is instead (the inbox's reason, never the password).
 */
function rethrowLoginFailure(ctx: ProviderContext, error: unknown, itemIndex?: number): void {
	const said = new RegExp(`${LOGIN_FAILED}: [^\n]*`).exec(`${(error as Error)?.message ?? ''}\n${String((error as NodeApiError)?.description ?? '')}`);
	if (!said) return;
	throw new NodeApiError(ctx.getNode(), { message: said[0] }, {
		message: said[0],
		description: 'Check the username and password in the 360dialog Inbox credential (an API user; the Hub recommends a separate app user per integration).',
		itemIndex,
	});
}

/** The only door to the inbox API: one named endpoint, with the fallbacks of inferred ones. */
export async function inboxFullRequest(this: ProviderContext, endpoint: EndpointName, call: InboxCall = {}): Promise<ApiResponse> {
	const spec: { method: IHttpRequestMethods; path: string; inferred?: boolean } = ENDPOINTS[endpoint];
	if (call.url) return await callOnce.call(this, spec.method, '', call);
	const path = fillPath(this, spec.path, call.params);
	if (!spec.inferred) return await callOnce.call(this, spec.method, path, call);
	let firstError: unknown;
	let firstRedirect: unknown;
	for (const [index, [method, variant]] of fallbackVariants(spec.method, path).entries()) {
		try {
			// Only the first form is paced: a refused one did nothing, so the write counts once.
			return await callOnce.call(this, method, variant, call, index > 0);
		} catch (error) {
			const code = httpCodeOf(error) ?? 0;
			// Django redirects a path that only exists in the other slash form (APPEND_SLASH) before any
			// view runs: that form is the one to try, and the redirect is not the inbox's answer.
			if (code >= 300 && code < 400) {
				firstRedirect ??= error;
				continue;
			}
			if (code !== 404 && code !== 405) throw asNodeError(this.getNode(), error, call.itemIndex);
			firstError ??= error;
		}
	}
	throw asNodeError(this.getNode(), firstError ?? firstRedirect, call.itemIndex);
}

export async function inboxRequest(this: ProviderContext, endpoint: EndpointName, call: InboxCall = {}): Promise<IDataObject> {
	return (await inboxFullRequest.call(this, endpoint, call)).body as IDataObject;
}

/** The items of a list answer: DRF pages `{count, next, previous, results}`, or a bare array (§6.9). */
export function resultsOf(body: unknown): IDataObject[] {
	if (Array.isArray(body)) return body as IDataObject[];
	const results = (body as IDataObject | undefined)?.results;
	return Array.isArray(results) ? (results as IDataObject[]) : [];
}

const PAGE_SIZE = 100;

/**
 * Return All / Limit over a DRF list: limit + offset pages, following `next` when the server gives
 * one (the contact providers' opaque cursors only work that way). Reads only: always repeatable.
 */
export async function inboxList(
	this: ProviderContext,
	endpoint: EndpointName,
	options: { qs?: IDataObject; params?: Record<string, string>; returnAll: boolean; limit?: number; itemIndex?: number; maxPages?: number; until?: (page: IDataObject[]) => boolean },
): Promise<IDataObject[]> {
	const wanted = options.returnAll ? Infinity : (options.limit ?? 50);
	const pageSize = Math.min(PAGE_SIZE, Number.isFinite(wanted) ? wanted : PAGE_SIZE);
	let offset = 0;
	let next: string | undefined;
	return await collectPages<IDataObject>(
		async () => {
			const body = await inboxRequest.call(this, endpoint, {
				params: options.params,
				...(next ? { url: next } : { qs: { ...options.qs, limit: pageSize, offset } }),
				repeatable: true,
				itemIndex: options.itemIndex,
			});
			const items = resultsOf(body);
			offset += items.length;
			const nextLink = Array.isArray(body) ? null : (body as IDataObject).next;
			next = nextLink ? String(nextLink) : undefined;
			return { items, hasMore: Boolean(nextLink) };
		},
		{ returnAll: options.returnAll, limit: options.limit ?? 50, maxPages: options.maxPages, until: options.until },
	);
}
