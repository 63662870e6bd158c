import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { collectPages } from '../shared/paginate';
import type { ProviderContext, ProviderSpec } from '../shared/provider';
import { apiRequest } from '../shared/request';

export const DEFAULT_BASE_URL = 'https://api.sobot.in';

/** Sobot's fixed page size for customer and template lists. */
export const PAGE_SIZE = 20;

/** A body `code` of 300 or more means failure, whatever the HTTP status was. */
function bodyCode(body: unknown): number | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const code = Number((body as IDataObject).code);
	return Number.isFinite(code) && code >= 300 ? code : undefined;
}

/**
 * Sobot's API: one host, paths copied exactly (their trailing slashes differ), JSON envelopes
 * `{message, code, data?}` where `code` inside the body is the real status; the docs never say
 * which HTTP status comes with an error, so a 2xx with `code` ≥ 300 is a failure too.
 */
export const sobotProvider: ProviderSpec = {
	name: 'Sobot',
	credentialType: 'sobotApi',
	// The credential's test request builds the same URL with an n8n expression: keep the two in step.
	baseUrl: (credentials) => (String(credentials.baseUrl || '').trim() || DEFAULT_BASE_URL).replace(/\/+$/, ''),
	secretFields: ['apiKey', 'apiSecret'],
	failureOf(body) {
		const code = bodyCode(body);
		if (code === undefined) return undefined;
		const message = (body as IDataObject).message;
		return typeof message === 'string' && message ? message : `the request failed with code ${code}`;
	},
	bodyStatus: bodyCode,
	messageOf(body) {
		if (!body || typeof body !== 'object') return undefined;
		const message = (body as IDataObject).message;
		return typeof message === 'string' && message ? message : undefined;
	},
};

export interface SobotCall {
	body?: IDataObject;
	qs?: IDataObject;
	/** Safe to repeat after an ambiguous failure (see ApiRequest.repeatable): every call says so. */
	repeatable: boolean;
	itemIndex?: number;
}

/** The only door to Sobot's HTTP API. `path` exactly as documented, e.g. `/message/`. */
export async function sobotRequest(
	this: ProviderContext,
	method: IHttpRequestMethods,
	path: string,
	call: SobotCall,
): Promise<IDataObject> {
	const response = await apiRequest.call(this, sobotProvider, { method, path, ...call });
	return (response.body ?? {}) as IDataObject;
}

/**
 * Pages of a Sobot list (`?page=N`, 20 per page). The page number is sent explicitly rather than
 * following `next`, whose links the docs show with `http://` on an https-only host.
 */
export async function sobotList(
	this: ProviderContext,
	path: string,
	options: { qs?: IDataObject; returnAll: boolean; limit?: number; itemIndex?: number },
): Promise<IDataObject[]> {
	return await collectPages<IDataObject>(
		async (page) => {
			const body = await sobotRequest.call(this, 'GET', path, { qs: { ...(options.qs ?? {}), page }, repeatable: true, itemIndex: options.itemIndex });
			const items = Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
			const count = Number(body.count);
			// `next` decides; the count is the fallback when a page lacks it.
			const hasMore = body.next !== undefined ? !!body.next : Number.isFinite(count) && count > page * PAGE_SIZE;
			return { items, hasMore };
		},
		{ returnAll: options.returnAll, limit: options.limit ?? PAGE_SIZE },
	);
}
