import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { mimeFromUrl } from '../../../shared/binary';
import type { DeliveryMapper } from '../../../shared/trigger/delivery';
import { redeliveryKey } from '../../../shared/trigger/delivery';
import type { EventKind, NormalisedEvent } from '../../../shared/trigger/events';
import { deliveryId, makeEvent, MalformedDelivery } from '../../../shared/trigger/events';
import type { Brand } from '../brands';

/**
 * The platform's webhooks are undocumented beyond their names (New Chats / New Contact / New Ack,
 * reference §6); every shape the reference lists is accepted (§6.3):
 * A. engine conversation upsert `{conversation: {chat_id, lastTime, lastMessage}, sessionId}`;
 * B. the newer event envelope `{event|type: "message.received", data: {id, from, chat_id, text, from_me}}`;
 * C. internal-engine events `{event: "message-new", messages}`, `{event: "connectionStatus", type}`;
 * D. legacy `{messages: [...]}` and `{ack: [...]}`; E. the inferred ack `{ack: {id, remoteJid, status}}`.
 * Each as JSON, or form-encoded with bracket keys (n8n hands those over flat: `conversation[chat_id]`),
 * where every scalar is a string: booleans and numbers are coerced where they are read.
 */

/** Longest bracket path expanded from a form body. */
const MAX_FORM_DEPTH = 12;
const UNSAFE_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

/** `{'a[b][0]': 'x'}` → `{a: {b: ['x']}}`; plain keys and JSON bodies pass unchanged. */
export function expandBracketKeys(body: unknown): unknown {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
	const flat = body as Record<string, unknown>;
	if (!Object.keys(flat).some((key) => key.includes('['))) return body;
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(flat)) {
		const path = key.replace(/\]/g, '').split('[');
		if (path.length > MAX_FORM_DEPTH || path.some((part) => UNSAFE_KEYS.has(part))) throw new MalformedDelivery(`form key "${key.slice(0, 80)}" is not usable`);
		let node: Record<string, unknown> = out;
		path.forEach((part, n) => {
			if (n === path.length - 1) {
				node[part] = value;
				return;
			}
			const next = node[part];
			if (next !== undefined && (next === null || typeof next !== 'object')) throw new MalformedDelivery(`form key "${key.slice(0, 80)}" clashes with another`);
			node = (next as Record<string, unknown>) ?? (node[part] = /^\d+$/.test(path[n + 1]) ? [] : {});
		});
	}
	return out;
}

/** `true`, `"true"`, `1`, `"1"` → true; `false`, `"false"`, `0`, `"0"` → false; anything else null. */
export function bool(value: unknown): boolean | null {
	if (value === true || value === 'true' || value === 1 || value === '1') return true;
	if (value === false || value === 'false' || value === 0 || value === '0') return false;
	return null;
}

function num(value: unknown): number | null {
	const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN;
	return Number.isFinite(n) ? n : null;
}

const text = z.union([z.string(), z.number(), z.boolean(), z.null()]).optional();
const flag = z.union([z.boolean(), z.string(), z.number()]).optional();
const obj = z.object({}).passthrough();

/** An engine message object (§6.3 table): the fields read are typed, others pass. */
const engineMessage = obj.extend({
	id: deliveryId,
	body: text,
	caption: text,
	fileName: text,
	messageType: text,
	type: text,
	fromMe: flag,
	author: text,
	chatName: text,
	chatId: text,
	remoteJid: text,
	pushName: text,
	senderName: text,
	time: text,
	status: text,
	metadata: z.union([obj, z.array(z.unknown()), z.string()]).optional(),
});
const ackItem = obj.extend({ id: deliveryId, status: z.union([z.string(), z.number()]), chatId: text, remoteJid: text, fromMe: flag, time: text });

const shapeNames = 'conversation.lastMessage, event (+ data or messages), messages or ack';

const deliverySchema = z.preprocess(
	(body, ctx) => {
		try {
			return expandBracketKeys(body);
		} catch (error) {
			// A form body that can't be expanded is malformed (400), not a crash.
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: (error as Error).message });
			return z.NEVER;
		}
	},
	obj
		.extend({
			conversation: obj.extend({ chat_id: text, lastTime: text, lastMessage: engineMessage }).optional(),
			event: z.string().max(100).optional(),
			type: z.union([z.string().max(100), z.number()]).optional(),
			data: obj.optional(),
			messages: z.union([z.array(engineMessage), engineMessage]).optional(),
			ack: z.union([z.array(ackItem), ackItem]).optional(),
		})
		.refine((p) => p.conversation !== undefined || typeof p.event === 'string' || (p.type !== undefined && p.data !== undefined) || p.messages !== undefined || p.ack !== undefined, {
			message: `not a delivery of this platform (expected ${shapeNames})`,
		}),
);

export type PlatformDelivery = z.infer<typeof deliverySchema>;

/** Engine and legacy message types → the words the trigger reports (unknown types pass as they are). */
const MESSAGE_TYPES: Record<string, string> = {
	chat: 'text',
	text: 'text',
	conversation: 'text',
	extendedTextMessage: 'text',
	mentionMessage: 'text',
	linkWithPreview: 'text',
	disappearingMessage: 'text',
	locationMessage: 'location',
	location: 'location',
	contactMessage: 'contact',
	vcard: 'contact',
	reactionMessage: 'reaction',
	ptt: 'audio',
	buttons_response: 'buttonReply',
	template_buttons_response: 'buttonReply',
	list_response: 'listReply',
	poll_vote: 'pollVote',
	pollMessage: 'poll',
	groupInvitationMessage: 'groupInvite',
	catalogMessage: 'catalog',
};
const MEDIA = new Set(['image', 'video', 'gif', 'audio', 'document', 'sticker']);

/** Engine status codes (§6.3) and legacy words → the package's status names. */
const STATUS_CODES: Record<string, string> = { 1: 'pending', 2: 'sent', 3: 'delivered', 4: 'read', 5: 'played', 6: 'deleted' };
const STATUS_WORDS: Record<string, string> = { viewed: 'read', seen: 'read', server: 'sent' };

function statusName(value: unknown): string | null {
	if (value === undefined || value === null || value === '') return null;
	const word = String(value).trim().toLowerCase();
	return STATUS_CODES[word] ?? STATUS_WORDS[word] ?? word;
}

/** A person's chat as `<digits>@c.us` (from `@s.whatsapp.net`, `@c.us` or bare digits); groups and others untouched. */
export function chatJid(value: unknown): string | null {
	if (value === undefined || value === null || value === '') return null;
	const jid = String(value).trim();
	const person = /^(\d+)(?::\d+)?@(s\.whatsapp\.net|c\.us)$/.exec(jid);
	if (person) return `${person[1]}@c.us`;
	if (/^\d{5,20}$/.test(jid)) return `${jid}@c.us`;
	return jid;
}

/** The digits of a person's id; null for `Me` and for groups. */
function digits(value: unknown): string | null {
	if (value === undefined || value === null || value === '' || value === 'Me') return null;
	const match = /^(\d+)/.exec(String(value));
	return match && !String(value).endsWith('@g.us') ? match[1] : null;
}

function asObject(value: unknown): IDataObject {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
}

/**
 * Button and list replies carry the selected id and title. A quick-reply button's id comes back
 * with the engine's `id` prefix (button `yes` → `idyes`, §5.3): removed here, so the id is the one
 * you sent; template quick replies report their `extra_data` as is.
 */
function selection(type: string, metadata: IDataObject): { selectedId: string | null; selectedTitle: string | null } {
	const id = metadata.selectedButtonID ?? metadata.selectedRowId ?? metadata.selectedId;
	const title = metadata.selectedButtonText ?? metadata.selectedOptionText ?? metadata.selectedTitle;
	let selectedId = id === undefined || id === null || id === '' ? null : String(id);
	if (selectedId && type === 'buttons_response' && /^id./.test(selectedId)) selectedId = selectedId.slice(2);
	return { selectedId, selectedTitle: title === undefined || title === null || title === '' ? null : String(title) };
}

const NO_SELECTION = { selectedId: null, selectedTitle: null };

/** Keys this platform's items carry besides the normalised ones (null when they don't apply). */
export const PLATFORM_ITEM_KEYS = ['selectedId', 'selectedTitle', 'senderName'];

/** One engine / legacy message object → a message event. */
function messageEvent(provider: string, message: IDataObject, context: { chatId?: unknown; time?: unknown; raw: IDataObject }): NormalisedEvent {
	const rawType = String(message.messageType ?? message.type ?? 'text');
	const type = MESSAGE_TYPES[rawType] ?? rawType;
	const fromMe = bool(message.fromMe) ?? false;
	const chatId = chatJid(message.remoteJid ?? context.chatId ?? message.chatId ?? message.chatName);
	const metadata = asObject(message.metadata);
	const body = message.body === undefined || message.body === null ? null : String(message.body);
	const caption = message.caption === undefined || message.caption === null || message.caption === '' ? null : String(message.caption);
	const isMedia = MEDIA.has(type);
	const picked = type === 'buttonReply' || type === 'listReply' ? selection(rawType, metadata) : NO_SELECTION;
	let textValue: string | null = body;
	if (isMedia) textValue = caption;
	else if (type === 'location' && !body && num(metadata.latitude) !== null) textValue = `${num(metadata.latitude)},${num(metadata.longitude)}`;
	else if (picked.selectedTitle) textValue = picked.selectedTitle;
	const event = makeEvent(provider, {
		event: 'message',
		type,
		messageId: message.id as string,
		chatId,
		from: fromMe ? null : (digits(message.author) ?? digits(chatId)),
		to: fromMe ? digits(chatId) : null,
		fromMe,
		text: textValue,
		media: isMedia && body ? { url: body, caption, fileName: (message.fileName as string) ?? null, mimeType: mimeFromUrl(body) ?? null } : null,
		timestamp: (message.time ?? context.time) as string | number | undefined,
		raw: context.raw,
	});
	return { ...event, ...picked, senderName: (message.pushName ?? message.senderName ?? null) as string | null };
}

/** An ack (legacy array item or the inferred single object) → a status event of a message you sent. */
function statusEvent(provider: string, ack: IDataObject, raw: IDataObject): NormalisedEvent {
	const status = statusName(ack.status);
	const chatId = chatJid(ack.remoteJid ?? ack.chatId);
	const event = makeEvent(provider, { event: 'status', type: status, status, messageId: ack.id as string, chatId, to: digits(chatId), fromMe: bool(ack.fromMe) ?? true, timestamp: ack.time as string | number | undefined, raw });
	return { ...event, ...NO_SELECTION, senderName: null };
}

/** The newer event names (§6.3 B, C) → the package's event kinds. */
function kindOf(name: string): EventKind {
	const n = name.toLowerCase();
	if (/contact/.test(n)) return 'contact';
	// Before statuses: `connectionStatus`, `session.status`, `instance.status` are the session's, not a message's.
	if (/connection|session|instance|qr|logout|disconnect|ready/.test(n)) return 'session';
	if (/ack|status\b|\.status|message\.(delivered|read|sent_status)/.test(n)) return 'status';
	if (/message/.test(n)) return 'message';
	return 'other';
}

function envelopeEvents(provider: string, p: IDataObject): NormalisedEvent[] {
	const name = String(p.event ?? p.type);
	const kind = kindOf(name);
	const data = asObject(p.data);
	const inner = asObject(data.object ?? data.message);
	const key = asObject(data.key ?? inner.key);
	if (p.messages !== undefined) {
		const list = (Array.isArray(p.messages) ? p.messages : [p.messages]) as IDataObject[];
		return list.map((m) => messageEvent(provider, m, { raw: p }));
	}
	if (kind === 'message' && (data.id ?? inner.id ?? key.id) !== undefined) {
		const fromMe = bool(data.from_me ?? data.fromMe ?? key.fromMe) ?? /sent|outgoing/.test(name);
		const chatId = chatJid(data.chat_id ?? data.chatId ?? key.remoteJid ?? data.from);
		const message = asObject(inner.message ?? data.message);
		const textValue = data.text ?? data.body ?? message.conversation ?? asObject(message.extendedTextMessage).text ?? null;
		const event = makeEvent(provider, {
			event: 'message',
			type: String(data.type ?? data.messageType ?? 'text'),
			messageId: (data.id ?? inner.id ?? key.id) as string,
			chatId,
			from: fromMe ? null : (digits(data.from) ?? digits(chatId)),
			to: fromMe ? digits(data.to ?? chatId) : null,
			fromMe,
			text: textValue as string | null,
			timestamp: (data.timestamp ?? data.time) as string | number | undefined,
			raw: p,
		});
		return [{ ...event, ...NO_SELECTION, senderName: (data.pushName ?? data.sender_name ?? null) as string | null }];
	}
	if (kind === 'status' && (data.id ?? key.id) !== undefined) {
		return [statusEvent(provider, { ...data, id: data.id ?? key.id, remoteJid: data.chat_id ?? data.remoteJid ?? key.remoteJid }, p)];
	}
	if (kind === 'contact') {
		const contact = Object.keys(data).length ? data : asObject(p.contact);
		const chatId = chatJid(contact.chat_id ?? contact.chatId ?? contact.remoteJid ?? contact.phone ?? contact.chatName ?? contact.id);
		const event = makeEvent(provider, { event: 'contact', type: name, chatId, from: digits(chatId), text: (contact.pushName ?? contact.name ?? null) as string | null, raw: p });
		return [{ ...event, ...NO_SELECTION, senderName: (contact.pushName ?? contact.name ?? null) as string | null }];
	}
	// Connection / session changes name their state in `type` (or data.status); the rest passes as "other".
	const state = p.event !== undefined && typeof p.type === 'string' ? p.type : (data.status ?? data.state ?? null);
	const event = makeEvent(provider, { event: kind === 'message' || kind === 'status' ? 'other' : kind, type: name, status: state as string | null, raw: p });
	return [{ ...event, ...NO_SELECTION, senderName: null }];
}

function toEvents(provider: string, payload: PlatformDelivery): NormalisedEvent[] {
	const p = payload as IDataObject;
	const conversation = asObject(p.conversation);
	if (p.conversation !== undefined) {
		return [messageEvent(provider, asObject(conversation.lastMessage), { chatId: conversation.chat_id, time: conversation.lastTime, raw: p })];
	}
	if (typeof p.event === 'string' || (p.type !== undefined && p.data !== undefined)) return envelopeEvents(provider, p);
	const events: NormalisedEvent[] = [];
	if (p.messages !== undefined) {
		const list = (Array.isArray(p.messages) ? p.messages : [p.messages]) as IDataObject[];
		events.push(...list.map((m) => messageEvent(provider, m, { raw: p })));
	}
	if (p.ack !== undefined) {
		const list = (Array.isArray(p.ack) ? p.ack : [p.ack]) as IDataObject[];
		events.push(...list.map((a) => statusEvent(provider, a, p)));
	}
	return events;
}

/** The trigger's event choices and which items each selects. */
export const EVENT_CHOICES = ['message', 'ownMessage', 'status', 'contact', 'session', 'other'] as const;

export function eventChoice(event: NormalisedEvent): (typeof EVENT_CHOICES)[number] {
	if (event.event === 'message') return event.fromMe ? 'ownMessage' : 'message';
	if (event.event === 'status' || event.event === 'contact' || event.event === 'session') return event.event;
	return 'other';
}

/** One mapper per brand: the same shapes, each brand's name in errors and `provider`. */
export function platformDeliveries(brand: Brand): DeliveryMapper<PlatformDelivery> {
	return {
		provider: brand.name,
		schema: deliverySchema as z.ZodType<PlatformDelivery>,
		toEvents: (payload) => toEvents(brand.key, payload),
		// Message and ack ids as usual; a new contact, which has no id, by its body (§6.4).
		redeliveryKey: (event) =>
			redeliveryKey(event) ?? (event.event === 'contact' ? `contact|${createHash('sha256').update(JSON.stringify(event.raw)).digest('hex')}` : undefined),
	};
}
