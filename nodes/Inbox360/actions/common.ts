import { randomBytes } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { BinaryInput, BinaryLimits } from '../../shared/binary';
import { readBinaryProperty } from '../../shared/binary';
import { asNodeError } from '../../shared/errors';
import { returnAllOrLimit } from '../../shared/paginate';
import type { SendingProfile } from '../../shared/sending';
import type { InputValidator } from '../../shared/validate';
import { validator } from '../../shared/validate';
import type { EndpointName } from '../transport';
import { inboxFullRequest, inboxList, inboxRequest } from '../transport';

export { validator };

/**
 * Campaign pacing of sends and chat writes. The inbox documents no rate limit (429s are still
 * honoured); at most one message per chat is in flight, so a customer gets them in order.
 */
export const inbox360Sending: SendingProfile = {
	defaults: { concurrency: 5, maxPerMinute: 0, delay: 0, jitter: 0 },
	chatParameters: ['chat'],
};

/**
 * A chat is the customer's `wa_id`: digits with country code, or (newer inboxes) a business-scoped
 * user id such as `US.13491208655302741918`. Phone formatting is removed; anything else is opaque.
 */
export function waId(check: InputValidator, value: unknown, field: string): string {
	const raw = check.required(value, field).trim();
	if (/^[+\d\s\-().]+$/.test(raw)) return check.phone(raw, field);
	if (raw.length > 100 || /\s/.test(raw)) check.fail(`"${field}" is not a WhatsApp ID (wa_id): "${raw}"`, 'Use the customer’s number with country code, e.g. 48123123123.');
	return raw;
}

/** The chat an operation acts on: a searchable list of the inbox's chats, or a wa_id. */
export const chatLocator: INodeProperties = {
	displayName: 'Chat',
	name: 'chat',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The customer’s chat: their WhatsApp ID (wa_id), i.e. the number with country code.',
	modes: [
		{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchChats', searchable: true } },
		{ displayName: 'By WhatsApp ID', name: 'id', type: 'string', placeholder: '48123123123' },
	],
};

export function chatOf(ctx: IExecuteFunctions, i: number, field = 'Chat'): string {
	return waId(validator(ctx, i), ctx.getNodeParameter('chat', i, '', { extractValue: true }), field);
}

const locator = (displayName: string, name: string, method: string, placeholder: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description,
	modes: [
		{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: method, searchable: true } },
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder, validation: [{ type: 'regex', properties: { regex: '^\\d+$', errorMessage: 'An ID is a number' } }] },
	],
});

export const userLocator = (name = 'user', displayName = 'User') => locator(displayName, name, 'searchUsers', '12', 'An inbox user (agent, admin or app user)');
export const groupLocator = (name = 'group', displayName = 'Group') => locator(displayName, name, 'searchGroups', '23', 'A group of inbox users');

/** The inbox's object ids (users, groups, tags, taggings, saved responses) are integers. */
export function numericId(check: InputValidator, value: unknown, field: string): number {
	const text = check.required(value, field).trim();
	if (!/^\d+$/.test(text)) check.fail(`"${field}" must be a numeric ID, got "${text}"`);
	return Number(text);
}

/** A numeric id from a locator; undefined when empty and optional. */
export function idOf(ctx: IExecuteFunctions, i: number, name: string, field: string, required = true): number | undefined {
	const value = String(ctx.getNodeParameter(name, i, '', { extractValue: true }) ?? '').trim();
	if (!value && !required) return undefined;
	return numericId(validator(ctx, i), value, field);
}

/** A time filter as the API wants it: POSIX seconds, from a date, an ISO string or seconds/ms. */
export function posixSeconds(check: InputValidator, value: unknown, field: string): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const n = typeof value === 'number' ? value : Number(value);
	if (Number.isFinite(n)) return n > 1e11 ? Math.floor(n / 1000) : Math.floor(n);
	const parsed = Date.parse(String(value));
	if (Number.isNaN(parsed)) check.fail(`"${field}" is not a date or time: "${String(value)}"`);
	return Math.floor(parsed / 1000);
}

/** Return All / Limit, as every list operation here has it. */
export const listFields = (what: string) => returnAllOrLimit(what);

export async function listOperation(ctx: IExecuteFunctions, i: number, endpoint: EndpointName, qs: IDataObject = {}, params?: Record<string, string>) {
	const returnAll = ctx.getNodeParameter('returnAll', i, false) as boolean;
	const limit = returnAll ? undefined : (ctx.getNodeParameter('limit', i, 50) as number);
	const clean = Object.fromEntries(Object.entries(qs).filter(([, v]) => v !== undefined && v !== '' && v !== null));
	return await inboxList.call(ctx, endpoint, { qs: clean, params, returnAll, limit, itemIndex: i });
}

/** WhatsApp's limits per media type (the inbox documents none of its own; 413 above them). */
export const MEDIA_LIMITS: Record<string, number> = {
	image: 5 * 1024 * 1024,
	video: 16 * 1024 * 1024,
	audio: 16 * 1024 * 1024,
	voice: 16 * 1024 * 1024,
	document: 100 * 1024 * 1024,
	sticker: 500 * 1024,
};

/** `multipart/form-data` with one file part, built by hand (the package has no runtime dependencies). */
export function multipartFile(field: string, file: BinaryInput): { body: Buffer; contentType: string } {
	const boundary = `----n8nInbox360${randomBytes(12).toString('hex')}`;
	const name = (file.fileName ?? 'file').replace(/["\r\n]/g, '_');
	const head = Buffer.from(
		`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: ${file.mimeType}\r\n\r\n`,
		'utf8',
	);
	return { body: Buffer.concat([head, file.buffer, Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Sends a file as the multipart `file_encoded` field (media upload, profile photo). */
export async function uploadFile(ctx: IExecuteFunctions, i: number, endpoint: 'mediaUpload' | 'photoUpload', file: BinaryInput): Promise<IDataObject> {
	const { body, contentType } = multipartFile('file_encoded', file);
	return (await inboxRequest.call(ctx, endpoint, {
		// A Buffer body goes out as is; the helper's JSON handling only touches objects.
		body: body as unknown as IDataObject,
		headers: { 'content-type': contentType },
		itemIndex: i,
	})) as IDataObject;
}

/** An n8n binary property of the item, checked against a size limit before anything is sent. */
export async function readFile(ctx: IExecuteFunctions, check: InputValidator, property: string, limits: BinaryLimits): Promise<BinaryInput> {
	return await readBinaryProperty(ctx, check, property, 'Input Binary Field', limits);
}

/** The WhatsApp message id of a send's answer: `id` (202 queued), else the WABA reply's `messages[0].id`. */
export function sentMessageId(body: IDataObject): string | null {
	const fromMessages = (messages: unknown) => (Array.isArray(messages) && messages[0] ? String((messages[0] as IDataObject).id ?? '') || null : null);
	if (typeof body?.id === 'string' && body.id) return body.id;
	return fromMessages((body?.waba_response as IDataObject | undefined)?.messages) ?? fromMessages(body?.messages);
}

/**
 * POST /messages/ with `{wa_id, type, <type>: payload}`. A 453 means the 24-hour customer-service
 * window is closed: only a template may be sent, which the error says.
 */
export async function sendMessage(
	this: IExecuteFunctions,
	i: number,
	to: string,
	type: string,
	payload: unknown,
	extra: IDataObject = {},
): Promise<IDataObject> {
	const body: IDataObject = { wa_id: to, type, [type]: payload as IDataObject, ...extra };
	try {
		// A send is not repeatable: after an ambiguous failure it may have gone out.
		const response = await inboxFullRequest.call(this, 'send', { body, itemIndex: i });
		const answer = (response.body ?? {}) as IDataObject;
		return { messageId: sentMessageId(answer), waId: to, type, queued: response.status === 202, response: answer };
	} catch (error) {
		if (error instanceof NodeApiError && error.httpCode === '453') {
			throw new NodeApiError(this.getNode(), { message: error.message, httpCode: '453' }, {
				message: `360dialog Inbox: the 24-hour customer-service window of chat ${to} is closed, so only a template can be sent`,
				description: 'Use Message → Send Template. The window opens again when the customer writes.',
				httpCode: '453',
				itemIndex: i,
			});
		}
		throw asNodeError(this.getNode(), error, i);
	}
}

/** The "Reply To Message ID" option every send has: quotes an earlier message (`context`). */
export const replyToOption: INodeProperties = {
	displayName: 'Reply To Message ID',
	name: 'replyTo',
	type: 'string',
	default: '',
	description: 'Quote this message: the WhatsApp message ID (ABGG…, gBGG… or wamid.…) of an earlier message in the chat',
};

export function sendOptions(extra: INodeProperties[] = []): INodeProperties {
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [...extra, replyToOption] };
}

export function contextOf(options: IDataObject): IDataObject {
	const replyTo = String(options.replyTo ?? '').trim();
	return replyTo ? { context: { message_id: replyTo } } : {};
}

/** The "To" field of every send: the chat, with its dropdown. */
export const toLocator: INodeProperties = { ...chatLocator, displayName: 'To', description: 'The customer’s chat (wa_id): the number with country code, or pick a chat' };

export function recipientOf(ctx: IExecuteFunctions, i: number): string {
	return chatOf(ctx, i, 'To');
}

/** The chat / time filters every "events" list has (assignment, chat tagging, message tagging). */
export function eventFilters(extra: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Before', name: 'beforeTime', type: 'dateTime', default: '', description: 'Only events strictly older than this time' },
			{ displayName: 'Chat (WhatsApp ID)', name: 'waId', type: 'string', default: '', placeholder: '48123123123' },
			{ displayName: 'Since', name: 'sinceTime', type: 'dateTime', default: '', description: 'Only events at or after this time' },
			...extra,
		],
	};
}

export function eventQuery(ctx: IExecuteFunctions, i: number): IDataObject {
	const check = validator(ctx, i);
	const f = ctx.getNodeParameter('filters', i, {}) as IDataObject;
	return {
		wa_id: f.waId ? waId(check, f.waId, 'Chat (WhatsApp ID)') : undefined,
		message_id: f.messageId,
		since_time: posixSeconds(check, f.sinceTime, 'Since'),
		before_time: posixSeconds(check, f.beforeTime, 'Before'),
	};
}

