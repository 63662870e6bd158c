import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { asNodeError } from '../../../shared/errors';
import { PerRun } from '../../../shared/perRun';
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

const tagLists = new PerRun<IDataObject[]>();

/** Every tag of the inbox, read once per node run. */
async function allTags(ctx: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	return await tagLists.once(ctx, '', async () => await inboxList.call(ctx, 'tags', { returnAll: true, itemIndex: i }));
}

type ResolvedTag = { id: number; name: string | null; created: boolean };

const byName = (tags: IDataObject[], name: string) => tags.find((t) => String(t.name).toLowerCase() === name.toLowerCase());

/** Tags created in this node run, by lower-case name: items running at once create each only once. */
const creations = new PerRun<ResolvedTag>();

async function createTag(ctx: IExecuteFunctions, i: number, name: string): Promise<ResolvedTag> {
	try {
		// Creating twice would make a duplicate (or a 400): not repeatable.
		const created = await inboxRequest.call(ctx, 'tagCreate', { body: { name }, itemIndex: i });
		return { id: Number(created.id), name: String(created.name ?? name), created: true };
	} catch (error) {
		// A 400 is how the inbox refuses a name that exists: someone created it since the list was read.
		if (!(error instanceof NodeApiError) || error.httpCode !== '400') throw asNodeError(ctx.getNode(), error, i);
		tagLists.forget(ctx);
		const found = byName(await allTags(ctx, i), name);
		if (!found) throw asNodeError(ctx.getNode(), error, i);
		return { id: Number(found.id), name: String(found.name), created: false };
	}
}

/** The tag's id and name; a name is looked up (case-insensitive) and, when asked, created. */
export async function resolveTag(ctx: IExecuteFunctions, i: number, createMissing = false): Promise<ResolvedTag> {
	const check = validator(ctx, i);
	const locator = ctx.getNodeParameter('tag', i) as { mode?: string; value?: unknown };
	const value = check.required(locator?.value, 'Tag').trim();
	if (locator.mode !== 'name') {
		if (!/^\d+$/.test(value)) check.fail(`"Tag" must be a numeric tag ID, got "${value}"`, 'Choose "By Name" to give the tag’s name.');
		return { id: Number(value), name: null, created: false };
	}
	const found = byName(await allTags(ctx, i), value);
	if (found) return { id: Number(found.id), name: String(found.name), created: false };
	if (!createMissing) check.fail(`"Tag": the inbox has no tag named "${value}"`, 'Turn on "Create Tag If Missing", or create the tag with Tag → Create.');
	const key = value.toLowerCase();
	// Another item of this run created it, or is creating it: use that tag (not created for this item).
	const createdByOther = creations.has(ctx, key);
	const tag = await creations.once(ctx, key, async () => await createTag(ctx, i, value));
	return createdByOther ? { ...tag, created: false } : tag;
}
