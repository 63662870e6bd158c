import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition, ResourceDefinition } from '../../../shared/execute';
import { withSending } from '../../../shared/sending';
import { inboxRequest } from '../../transport';
import { chatLocator, chatOf, eventFilters, eventQuery, listFields, listOperation, inbox360Sending, numericId, validator } from '../common';
import { createMissingOption, resolveTag, tagLocator } from '../tag/resolve';

const extraField = {
	displayName: 'Extra (JSON)',
	name: 'extra',
	type: 'json' as const,
	default: '',
	description: 'Optional free-form data stored with the tagging, e.g. for a bot or a Rule Engine',
};

export function extraOf(ctx: IExecuteFunctions, i: number, options: IDataObject): IDataObject {
	if (options.extra === undefined || options.extra === '') return {};
	const extra = validator(ctx, i).json<unknown>(options.extra, 'Extra (JSON)');
	return extra === undefined ? {} : { extra: extra as IDataObject };
}

/** A tagging's own ID (not the tag's): what tagging returned as `taggingId`. */
export const taggingIdField = { displayName: 'Tagging ID', name: 'taggingId', type: 'string' as const, default: '', required: true, placeholder: '101' };

export function taggingIdOf(ctx: IExecuteFunctions, i: number): number {
	return numericId(validator(ctx, i), ctx.getNodeParameter('taggingId', i), 'Tagging ID');
}

/** Get one tagging by its ID; chat and message taggings are read alike (§3 W22, W26). */
export function getTagging(kind: 'chatTagging' | 'messageTagging', description: string): OperationDefinition {
	return {
		resource: kind,
		operation: 'get',
		name: 'Get',
		action: kind === 'chatTagging' ? 'Get a chat tagging' : 'Get a message tagging',
		description,
		properties: [taggingIdField],
		async execute(this: IExecuteFunctions, i: number) {
			const tagging = await inboxRequest.call(this, kind, { params: { id: taggingIdOf(this, i) }, repeatable: true, itemIndex: i });
			return { ...tagging, taggingId: tagging.id };
		},
	};
}

export const taggingOptions = { displayName: 'Options', name: 'options', type: 'collection' as const, placeholder: 'Add Option', default: {}, options: [createMissingOption, extraField] };

const add: OperationDefinition = {
	resource: 'chatTagging',
	operation: 'add',
	name: 'Tag a Chat',
	action: 'Tag a chat',
	description: 'Add a tag to a chat (a Rule Engine may assign it in response)',
	properties: [chatLocator, tagLocator, taggingOptions],
	async execute(this: IExecuteFunctions, i: number) {
		const chat = chatOf(this, i);
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const extra = extraOf(this, i, options);
		const tag = await resolveTag(this, i, options.createMissing === true);
		// Creates a tagging (a second one is refused as a duplicate): not repeatable.
		const tagging = await inboxRequest.call(this, 'chatTaggingCreate', { body: { tag: tag.id, chat, ...extra }, itemIndex: i });
		return { ...tagging, taggingId: tagging.id, tagName: tag.name, tagCreated: tag.created };
	},
};

const remove: OperationDefinition = {
	resource: 'chatTagging',
	operation: 'remove',
	name: 'Remove a Chat Tag',
	action: 'Remove a tag from a chat',
	description: 'Remove a tag from a chat (the node finds the tagging on the chat)',
	properties: [chatLocator, tagLocator],
	async execute(this: IExecuteFunctions, i: number) {
		const chat = chatOf(this, i);
		const tag = await resolveTag(this, i);
		const current = await inboxRequest.call(this, 'chat', { params: { waId: chat }, repeatable: true, itemIndex: i });
		const tagging = ((current.tags ?? []) as IDataObject[]).find((t) => Number(t.id) === tag.id);
		if (!tagging?.tagging_id) return { removed: false, waId: chat, tagId: tag.id, reason: 'The chat does not have this tag' };
		// DELETE of one tagging: doing it twice leaves the same state.
		await inboxRequest.call(this, 'chatTaggingDelete', { params: { id: String(tagging.tagging_id) }, repeatable: true, itemIndex: i });
		return { removed: true, waId: chat, tagId: tag.id, taggingId: tagging.tagging_id };
	},
};

const events: OperationDefinition = {
	resource: 'chatTagging',
	operation: 'getEvents',
	name: 'Get Events',
	action: 'Get chat tagging history',
	description: 'List chat tags added and removed (action, tag, chat, who)',
	properties: [...listFields('events'), eventFilters()],
	async execute(this: IExecuteFunctions, i: number) {
		return await listOperation(this, i, 'chatTaggingEvents', eventQuery(this, i));
	},
};

export const chatTagging: ResourceDefinition = {
	name: 'Chat Tagging',
	value: 'chatTagging',
	description: 'Tag chats and read the tagging history',
	operations: [...withSending(inbox360Sending, add, remove), getTagging('chatTagging', 'Get one chat tagging (tag, chat, extra) by its ID: the taggingId Tag a Chat returned'), events],
};
