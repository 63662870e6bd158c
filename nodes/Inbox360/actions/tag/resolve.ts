import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inboxList, inboxRequest } from '../../transport';
import { validator } from '../common';

/** A tag: from the list, by ID, or by name (resolved by the node, optionally created for CRM sync). */
export const tagLocator: INodeProperties = {
	displayName: 'Tag',
	name: 'tag',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	modes: [
		{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchTags', searchable: true } },
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: '5', validation: [{ type: 'regex', properties: { regex: '^\\d+$', errorMessage: 'A tag ID is a number' } }] },
		{ displayName: 'By Name', name: 'name', type: 'string', placeholder: 'Agent needed' },
	],
};

export const createMissingOption: INodeProperties = {
	displayName: 'Create Tag If Missing',
	name: 'createMissing',
	type: 'boolean',
	default: false,
	description: 'Whether to create the tag when no tag has this name (only for a tag given by name)',
};

const tagCache = new WeakMap<object, Promise<IDataObject[]>>();

/** Every tag of the inbox, read once per node run. */
async function allTags(ctx: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	let pending = tagCache.get(ctx);
	if (!pending) {
		pending = inboxList.call(ctx, 'tags', { returnAll: true, itemIndex: i });
		tagCache.set(ctx, pending);
		pending.catch(() => tagCache.delete(ctx));
	}
	return await pending;
}

/** The tag's id and name; a name is looked up (case-insensitive) and, when asked, created. */
export async function resolveTag(ctx: IExecuteFunctions, i: number, createMissing = false): Promise<{ id: number; name: string | null; created: boolean }> {
	const check = validator(ctx, i);
	const locator = ctx.getNodeParameter('tag', i) as { mode?: string; value?: unknown };
	const value = check.required(locator?.value, 'Tag').trim();
	if (locator.mode !== 'name') {
		if (!/^\d+$/.test(value)) check.fail(`"Tag" must be a numeric tag ID, got "${value}"`, 'Choose "By Name" to give the tag’s name.');
		return { id: Number(value), name: null, created: false };
	}
	const found = (await allTags(ctx, i)).find((t) => String(t.name).toLowerCase() === value.toLowerCase());
	if (found) return { id: Number(found.id), name: String(found.name), created: false };
	if (!createMissing) check.fail(`"Tag": the inbox has no tag named "${value}"`, 'Turn on "Create Tag If Missing", or create the tag with Tag → Create.');
	// Creating twice would make a duplicate (or a 400): not repeatable.
	const created = await inboxRequest.call(ctx, 'tagCreate', { body: { name: value }, itemIndex: i });
	tagCache.delete(ctx);
	return { id: Number(created.id), name: String(created.name ?? value), created: true };
}
