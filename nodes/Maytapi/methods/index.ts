import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { maytapiRequest } from '../transport';

function matches(filter: string | undefined, ...values: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return values.some((v) => String(v ?? '').toLowerCase().includes(needle));
}

/** The phone chosen on the node (or the credential's default), for dropdowns that depend on it. */
async function currentPhoneId(ctx: ILoadOptionsFunctions): Promise<string> {
	const chosen = ctx.getCurrentNodeParameter('phoneId', { extractValue: true }) as string | undefined;
	if (chosen) return String(chosen);
	const credentials = await ctx.getCredentials('maytapiApi');
	return String(credentials.phoneId ?? '');
}

export const listSearch = {
	async searchPhones(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const phones = (await maytapiRequest.call(this, 'GET', '/listPhones', { repeatable: true })) as unknown as IDataObject[];
		return {
			results: (Array.isArray(phones) ? phones : [])
				.filter((p) => matches(filter, p.id, p.number, p.name))
				.map((p) => ({
					name: `${p.number || 'no number yet'}${p.name ? ` (${p.name})` : ''} — ${p.status ?? 'unknown'}, ID ${p.id}`,
					value: String(p.id),
				})),
		};
	},

	async searchGroups(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const phoneId = await currentPhoneId(this);
		if (!phoneId) return { results: [] };
		const response = await maytapiRequest.call(this, 'GET', `/${phoneId}/getGroups`, { repeatable: true });
		return {
			results: ((response.data ?? []) as IDataObject[])
				.filter((g) => matches(filter, g.name, g.id))
				.map((g) => ({ name: String(g.name || g.id), value: String(g.id) })),
		};
	},
};

export const loadOptions = {
	async getCatalogProducts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const phoneId = await currentPhoneId(this);
		if (!phoneId) return [];
		const response = await maytapiRequest.call(this, 'GET', `/${phoneId}/catalog`, { repeatable: true });
		return ((response.data ?? []) as IDataObject[]).map((p) => ({
			name: `${p.title ?? p.productId}${p.price ? ` — ${p.price} ${p.currency ?? ''}`.trimEnd() : ''}`,
			value: String(p.productId ?? p.id),
			description: (p.description as string) ?? undefined,
		}));
	},
};
