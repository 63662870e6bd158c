import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import type { DeliveryMapper } from '../../shared/trigger/delivery';
import type { NormalisedEvent } from '../../shared/trigger/events';
import { deliveryId, makeEvent, MalformedDelivery } from '../../shared/trigger/events';

const PROVIDER = 'inbox360';

/**
 * The inbox's own name for what a delivery carried (its body key), kept on every item as
 * `inboxEvent`; the trigger's event selection reads it.
 */
export type InboxEvent =
	| 'incoming_messages'
	| 'outgoing_messages'
	| 'assigned_messages'
	| 'statuses'
	| 'chat_assignment'
	| 'chat_tagging'
	| 'message_tagging'
	| 'chat_resolved'
	| 'other';

const loose = z.object({}).passthrough();
const timestamp = z.union([z.string().max(20), z.number(), z.null()]).optional();
/** A WABA message (On-Prem or Cloud API), as in `messages[]` or a Message's `waba_payload`. */
const wabaMessage = z.object({ id: deliveryId, type: z.string().max(64).optional(), from: deliveryId.optional(), to: deliveryId.optional(), timestamp }).passthrough();
const wabaStatus = z.object({ id: deliveryId, status: z.string().min(1).max(64), recipient_id: deliveryId.optional(), timestamp }).passthrough();
/** An inbox Message (incoming/outgoing/assigned_messages, tagged_messages[].message). */
const inboxMessage = z.object({ id: deliveryId.optional(), waba_payload: wabaMessage, customer_wa_id: deliveryId.optional(), from_us: z.boolean().optional() }).passthrough();
const group = z.object({ id: deliveryId, name: z.string().max(1000).optional() }).passthrough();
const user = z.object({ id: deliveryId, username: z.string().max(1000).optional() }).passthrough();
const tag = z.object({ id: deliveryId, name: z.string().max(1000) }).passthrough();
const chatAssignment = z
	.object({
		wa_id: deliveryId,
		timestamp,
		assigned_to_user_set: user.nullish(),
		assigned_to_user_was_cleared: z.boolean().optional(),
		assigned_group_set: group.nullish(),
		assigned_group_was_cleared: z.boolean().optional(),
		done_by: user.nullish(),
	})
	.passthrough();
const action = z.enum(['added', 'removed']);
const chatTagging = z.object({ chat: deliveryId, tag, action, timestamp, done_by: user.nullish() }).passthrough();
const messageTagging = z.object({ message: deliveryId, tag, action, timestamp, wa_id: deliveryId.optional(), done_by: user.nullish() }).passthrough();
const newTag = z.object({ id: deliveryId, name: z.string().max(1000) }).passthrough();
const change = z
	.object({
		field: z.string().max(100),
		value: z.object({ contacts: z.array(loose).optional(), messages: z.array(wabaMessage).optional(), statuses: z.array(wabaStatus).optional(), metadata: loose.optional() }).passthrough(),
	})
	.passthrough();

/** The keys a delivery may carry at its top level; several may come in one POST (reference §5.3). */
const payload = z
	.object({
		contacts: z.array(loose).optional(),
		messages: z.array(wabaMessage).optional(),
		statuses: z.array(wabaStatus).optional(),
		errors: z.array(loose).optional(),
		incoming_messages: z.array(inboxMessage).optional(),
		outgoing_messages: z.array(inboxMessage).optional(),
		assigned_messages: z.array(inboxMessage).optional(),
		chat_assignment: chatAssignment.optional(),
		chat_tagging: chatTagging.optional(),
		message_tagging: messageTagging.optional(),
		tagged_messages: z.array(z.object({ message: inboxMessage, new_tag: newTag }).passthrough()).optional(),
		tagged_chats: z.array(z.object({ chat: z.object({ wa_id: deliveryId.optional(), contact: z.object({ wa_id: deliveryId }).passthrough().optional() }).passthrough(), new_tag: newTag }).passthrough()).optional(),
		chat_resolved: z.object({ wa_id: deliveryId, resolved: z.boolean() }).passthrough().optional(),
		user_availability: loose.optional(),
		object: z.string().max(100).optional(),
		entry: z.array(z.object({ changes: z.array(change) }).passthrough()).optional(),
	})
	.passthrough();

const KNOWN = Object.keys(payload.shape);

/** A body the schema let through (unknown keys kept); the mapper reads it by the keys above. */
export type InboxDelivery = IDataObject;

/**
 * Both body layouts (reference §5.2, §6.3): On-Prem top-level WABA fields with the inbox's extension
 * keys, or the Cloud API `entry[].changes[].value` envelope; also the WebSocket frame form
 * `{type, waba_payload}`, whose payload is the same body. A body with none of the keys is not a delivery.
 */
const layouts = z
	.union([z.object({ type: z.enum(['waba_webhook', 'getchat_webhook']), waba_payload: payload }).passthrough(), payload])
	.refine((body) => {
		const inner = 'waba_payload' in body && body.waba_payload && typeof body.waba_payload === 'object' ? (body.waba_payload as IDataObject) : (body as IDataObject);
		return KNOWN.some((key) => inner[key] !== undefined && key !== 'object');
	}, 'none of the inbox’s delivery keys (messages, statuses, incoming_messages, chat_assignment, chat_tagging, entry, …)');

/** The schema, typed as what the mapper reads: a plain object (its full inferred type is too long to emit). */
export const inboxDeliverySchema = layouts as unknown as z.ZodType<InboxDelivery>;


const str = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : String(v));
const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as IDataObject) : {});

const MEDIA_TYPES = new Set(['image', 'video', 'audio', 'voice', 'document', 'sticker']);

/** The words of a message, whatever its type (replies to buttons and lists included). */
export function textOf(message: IDataObject): string | undefined {
	const type = String(message.type ?? '');
	const part = obj(message[type]);
	switch (type) {
		case 'text':
			return str(part.body);
		case 'interactive': {
			const reply = obj(part.button_reply ?? part.list_reply);
			return str(reply.title) ?? str(obj(part.body).text);
		}
		case 'button':
			return str(part.text) ?? str(part.payload);
		case 'location':
			return part.latitude !== undefined && part.longitude !== undefined ? `${String(part.latitude)},${String(part.longitude)}` : undefined;
		case 'reaction':
			return str(part.emoji);
		case 'contacts':
			return Array.isArray(message.contacts) ? (message.contacts as IDataObject[]).map((c) => str(obj(c.name).formatted_name)).filter(Boolean).join(', ') || undefined : undefined;
		default:
			return MEDIA_TYPES.has(type) ? str(part.caption) : undefined;
	}
}

function messageEvent(message: IDataObject, raw: IDataObject, inboxEvent: InboxEvent, business?: string): NormalisedEvent {
	const type = str(message.type);
	const fromMe = inboxEvent === 'outgoing_messages' || raw.from_us === true || (message.to !== undefined && message.from === undefined);
	const customer = str(raw.customer_wa_id) ?? str(fromMe ? message.to : message.from);
	const media = type && MEDIA_TYPES.has(type) ? obj(message[type]) : undefined;
	return {
		...makeEvent(PROVIDER, {
			event: 'message',
			type,
			messageId: str(message.id) ?? str(raw.id),
			chatId: customer,
			from: fromMe ? business : customer,
			to: fromMe ? customer : business,
			fromMe,
			text: textOf(message),
			media: media ? { url: str(media.link) ?? str(media.url), mimeType: str(media.mime_type), caption: str(media.caption), fileName: str(media.filename) } : null,
			timestamp: message.timestamp,
			raw,
		}),
		inboxEvent,
	};
}

function statusEvent(status: IDataObject, business?: string): NormalisedEvent {
	const recipient = str(status.recipient_id);
	return {
		...makeEvent(PROVIDER, {
			event: 'status',
			type: str(status.status),
			status: str(status.status),
			messageId: str(status.id),
			chatId: recipient,
			from: business,
			to: recipient,
			fromMe: true,
			text: Array.isArray(status.errors) && status.errors.length ? str(obj(status.errors[0]).title) ?? str(obj(status.errors[0]).message) : undefined,
			timestamp: status.timestamp,
			raw: status,
		}),
		inboxEvent: 'statuses',
	};
}

/** A user as items show it: id, username and name (the full inbox User is in `raw`). */
function person(value: unknown): IDataObject | null {
	const u = obj(value);
	if (u.id === undefined) return null;
	const name = [u.first_name, u.last_name].filter(Boolean).join(' ');
	return { id: u.id, username: u.username ?? null, name: name || null };
}

function tagOf(value: unknown): IDataObject {
	const t = obj(value);
	return { id: t.id, name: t.name };
}

/** Extra fields of tagging and assignment items; null where they don't apply (same keys on every item). */
const EXTRA_NULLS = { tag: null, action: null, assignedUser: null, assignedGroup: null, userCleared: null, groupCleared: null, doneBy: null };

/** The keys every inbox item has besides the normalised ones. */
export const INBOX_ITEM_KEYS = ['inboxEvent', ...Object.keys(EXTRA_NULLS)];

function taggingEvent(kind: 'chat_tagging' | 'message_tagging', fields: { chat?: unknown; message?: unknown; tag: unknown; action: string; doneBy?: unknown; timestamp?: string | number | null }, raw: IDataObject): NormalisedEvent {
	const tag = tagOf(fields.tag);
	return {
		...makeEvent(PROVIDER, {
			event: 'tagging',
			type: kind,
			messageId: str(fields.message),
			chatId: str(fields.chat),
			text: str(tag.name),
			timestamp: fields.timestamp,
			raw,
		}),
		inboxEvent: kind,
		tag,
		action: fields.action,
		doneBy: person(fields.doneBy),
	};
}

function toEvents(body: InboxDelivery): NormalisedEvent[] {
	const root = ('waba_payload' in body && body.type ? body.waba_payload : body) as IDataObject;
	const events: NormalisedEvent[] = [];
	const seenMessages = new Set<string>();
	const pushMessage = (event: NormalisedEvent) => {
		// One POST may carry the same message twice (raw `messages` and `incoming_messages`): one item.
		const key = `${String(event.inboxEvent)}|${event.messageId}`;
		if (seenMessages.has(key)) return;
		seenMessages.add(key);
		events.push(event);
	};
	const arr = (key: string) => (Array.isArray(root[key]) ? (root[key] as IDataObject[]) : []);

	for (const m of arr('incoming_messages')) pushMessage(messageEvent(obj(m.waba_payload), m, 'incoming_messages'));
	for (const m of arr('messages')) pushMessage(messageEvent(m, m, 'incoming_messages'));
	for (const m of arr('outgoing_messages')) pushMessage(messageEvent(obj(m.waba_payload), m, 'outgoing_messages'));
	for (const m of arr('assigned_messages')) pushMessage(messageEvent(obj(m.waba_payload), m, 'assigned_messages'));
	for (const s of arr('statuses')) events.push(statusEvent(s));

	for (const entry of arr('entry')) {
		for (const c of (entry.changes ?? []) as IDataObject[]) {
			const value = obj(c.value);
			const business = str(obj(value.metadata).display_phone_number);
			if (c.field !== 'messages') {
				events.push({ ...makeEvent(PROVIDER, { event: 'other', type: str(c.field), raw: c }), inboxEvent: 'other' });
				continue;
			}
			for (const m of (value.messages ?? []) as IDataObject[]) pushMessage(messageEvent(m, m, 'incoming_messages', business));
			for (const s of (value.statuses ?? []) as IDataObject[]) events.push(statusEvent(s, business));
		}
	}

	if (root.chat_assignment) {
		const a = obj(root.chat_assignment);
		const user = person(a.assigned_to_user_set);
		const group = a.assigned_group_set ? { id: obj(a.assigned_group_set).id, name: obj(a.assigned_group_set).name ?? null } : null;
		const said = [user ? `user ${String(user.name ?? user.username ?? user.id)}` : '', group ? `group ${String(group.name ?? group.id)}` : ''].filter(Boolean);
		events.push({
			...makeEvent(PROVIDER, {
				event: 'assignment',
				type: 'chat_assignment',
				chatId: str(a.wa_id),
				text: said.length ? `Assigned to ${said.join(' and ')}` : 'Assignment cleared',
				timestamp: a.timestamp,
				raw: a,
			}),
			inboxEvent: 'chat_assignment',
			assignedUser: user,
			assignedGroup: group,
			userCleared: a.assigned_to_user_was_cleared === true,
			groupCleared: a.assigned_group_was_cleared === true,
			doneBy: person(a.done_by),
		});
	}
	if (root.chat_tagging) {
		const t = obj(root.chat_tagging);
		events.push(taggingEvent('chat_tagging', { chat: t.chat, tag: t.tag, action: String(t.action), doneBy: t.done_by, timestamp: t.timestamp as number }, t));
	}
	if (root.message_tagging) {
		const t = obj(root.message_tagging);
		events.push(taggingEvent('message_tagging', { chat: t.wa_id, message: t.message, tag: t.tag, action: String(t.action), doneBy: t.done_by, timestamp: t.timestamp as number }, t));
	}
	// Deprecated forms (older inboxes): mapped to the same shape, always "added".
	for (const t of arr('tagged_messages')) {
		const message = obj(t.message);
		const id = str(message.id) ?? str(obj(message.waba_payload).id);
		events.push(taggingEvent('message_tagging', { chat: message.customer_wa_id, message: id, tag: t.new_tag, action: 'added', timestamp: obj(message.waba_payload).timestamp as string }, t));
	}
	for (const t of arr('tagged_chats')) {
		const chat = obj(t.chat);
		events.push(taggingEvent('chat_tagging', { chat: chat.wa_id ?? obj(chat.contact).wa_id, tag: t.new_tag, action: 'added' }, t));
	}
	if (root.chat_resolved) {
		const r = obj(root.chat_resolved);
		events.push({ ...makeEvent(PROVIDER, { event: 'other', type: r.resolved ? 'chat_resolved' : 'chat_reopened', chatId: str(r.wa_id), raw: r }), inboxEvent: 'chat_resolved' });
	}
	if (root.user_availability) events.push({ ...makeEvent(PROVIDER, { event: 'other', type: 'user_availability', raw: root.user_availability }), inboxEvent: 'other' });
	for (const e of arr('errors')) events.push({ ...makeEvent(PROVIDER, { event: 'error', type: str(e.code) ?? 'error', text: str(e.title) ?? str(e.details), raw: e }), inboxEvent: 'other' });

	if (!events.length && !arr('contacts').length) throw new MalformedDelivery('it carries no message, status or inbox event');
	return events.map((event) => ({ ...EXTRA_NULLS, ...event }));
}

/**
 * Redeliveries: messages and statuses by id (+ status); inbox events, which have no id, by what they
 * say and when (reference §5.1: dedupe on `(event type, timestamp, id)`). Events without a time
 * (`chat_resolved`, the deprecated `tagged_chats`) are never dropped: the same words may be news.
 */
function redeliveryKey(event: NormalisedEvent): string | undefined {
	switch (event.inboxEvent) {
		case 'chat_assignment':
		case 'chat_tagging':
		case 'message_tagging': {
			if (event.timestamp === null) return undefined;
			const what = event.event === 'assignment' ? [obj(event.assignedUser).id, obj(event.assignedGroup).id, event.userCleared, event.groupCleared] : [obj(event.tag).id, event.action];
			return [event.inboxEvent, event.chatId, event.messageId, ...what, event.timestamp].join('|');
		}
		case 'chat_resolved':
		case 'other':
			return undefined;
		default:
			return event.messageId ? [event.event, event.messageId, event.status ?? '', event.type ?? ''].join('|') : undefined;
	}
}

export const inboxDeliveries: DeliveryMapper<InboxDelivery> = {
	provider: '360dialog Inbox',
	schema: inboxDeliverySchema,
	toEvents,
	redeliveryKey,
};
