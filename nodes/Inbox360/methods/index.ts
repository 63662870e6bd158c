import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
	ResourceMapperFields,
} from 'n8n-workflow';

import { splitTemplateKey } from '../../shared/templates';
import { allTemplates, isApproved, languageOf, templateKey, variableFields } from '../templates';
import type { EndpointName } from '../transport';
import { inboxRequest, resultsOf } from '../transport';

const contains = (filter: string | undefined, ...values: unknown[]) =>
	!filter || values.some((v) => String(v ?? '').toLowerCase().includes(filter.toLowerCase()));

/** One page of a list for a dropdown, with the API's own search where it has one. */
async function page(ctx: ILoadOptionsFunctions, endpoint: EndpointName, qs: IDataObject = {}): Promise<IDataObject[]> {
	return resultsOf(await inboxRequest.call(ctx, endpoint, { qs: { limit: 100, ...qs }, repeatable: true }));
}

const userName = (u: IDataObject) => [u.first_name, u.last_name].filter(Boolean).join(' ') || String(u.username);

export const listSearch = {
	async searchChats(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const chats = await page(this, 'chats', filter ? { search: filter } : {});
		return {
			results: chats.map((c) => {
				const contact = (c.contact ?? {}) as IDataObject;
				const name = ((contact.waba_payload as IDataObject | undefined)?.profile as IDataObject | undefined)?.name;
				const id = String(c.wa_id ?? contact.wa_id);
				return { name: name ? `${String(name)} (${id})` : id, value: id };
			}),
		};
	},

	async searchUsers(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const users = await page(this, 'users');
		return {
			results: users
				.filter((u) => contains(filter, u.username, u.first_name, u.last_name, u.email))
				.map((u) => ({ name: `${userName(u)} (@${String(u.username)}, ${String((u.profile as IDataObject | undefined)?.role ?? 'user')})`, value: String(u.id) })),
		};
	},

	async searchGroups(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const groups = await page(this, 'groups');
		return { results: groups.filter((g) => contains(filter, g.name)).map((g) => ({ name: String(g.name), value: String(g.id) })) };
	},

	async searchTags(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const tags = await page(this, 'tags');
		return { results: tags.filter((t) => contains(filter, t.name)).map((t) => ({ name: String(t.name), value: String(t.id) })) };
	},
};

export const loadOptions = {
	async getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return (await page(this, 'tags')).map((t) => ({ name: String(t.name), value: String(t.id) }));
	},

	async getApprovedTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return (await allTemplates.call(this))
			.filter(isApproved)
			.map((t) => ({ name: `${String(t.name)} (${languageOf(t)})`, value: templateKey(t), description: String(t.category ?? '') }));
	},
};

export const resourceMapping = {
	async getTemplateVariables(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
		const key = String(this.getNodeParameter('template', '') ?? '');
		if (!key) return { fields: [] };
		const { name, language } = splitTemplateKey(key);
		const template = (await allTemplates.call(this)).find((t) => t.name === name && (!language || languageOf(t) === language));
		return { fields: template ? variableFields(template) : [] };
	},
};
