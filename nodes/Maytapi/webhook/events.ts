import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import type { DeliveryMapper } from '../../shared/trigger/delivery';
import type { NormalisedEvent } from '../../shared/trigger/events';
import { makeEvent } from '../../shared/trigger/events';
import { configHash } from '../../shared/trigger/registration';

const PROVIDER = 'maytapi';

/** Where Maytapi serves the media of incoming messages (seen: cdn.maytapi.com, cdnydm.com). */
export const MAYTAPI_MEDIA_HOSTS = [/(^|\.)maytapi\.com$/, /(^|\.)cdnydm\.com$/];

/**
 * A Maytapi delivery: an object with a `type` discriminator (message, ack, status, error,
 * live_event), or the legacy bare array of acks. Unknown fields always pass.
 */
const legacyAck = z.object({ msgId: z.string(), ackType: z.string().optional() }).passthrough();
const envelope = z
	.object({
		type: z.string(),
		product_id: z.string().optional(),
		productId: z.string().optional(),
		pid: z.string().optional(),
		phone_id: z.union([z.string(), z.number()]).optional(),
		phoneId: z.union([z.string(), z.number()]).optional(),
	})
	.passthrough()
	.superRefine((body, ctx) => {
		const b = body as IDataObject;
		const fail = (message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, message });
		if (b.type === 'message' && (!b.message || typeof b.message !== 'object')) fail('a message delivery needs a "message" object');
		if (b.type === 'ack' && !Array.isArray(b.data)) fail('an ack delivery needs a "data" array');
		if (b.type === 'status' && typeof b.status !== 'string') fail('a status delivery needs a "status" string');
	});

export const maytapiDeliverySchema = z.union([z.array(legacyAck).min(1), envelope]);
export type MaytapiDelivery = z.infer<typeof maytapiDeliverySchema>;

/** Maytapi's ack names are off by one from WhatsApp's: its "delivered" is WhatsApp's "sent". */
const ACK_STATUS: Record<string, string> = {
	'1': 'sent',
	'2': 'delivered',
	'3': 'read',
	'4': 'played',
	'5': 'deleted',
	delivered: 'sent',
	reached: 'delivered',
	seen: 'read',
	played: 'played',
	deleted: 'deleted',
};

const MEDIA_TYPES = new Set(['image', 'video', 'document', 'ptt', 'audio', 'sticker']);

export function productIdOf(payload: MaytapiDelivery): string | undefined {
	if (Array.isArray(payload)) return undefined;
	return payload.product_id ?? payload.productId ?? payload.pid;
}

export function phoneIdOf(payload: MaytapiDelivery): string | undefined {
	if (Array.isArray(payload)) return undefined;
	const id = payload.phone_id ?? payload.phoneId;
	return id === undefined ? undefined : String(id);
}

const digits = (chatId: unknown) => (typeof chatId === 'string' ? chatId.replace(/@.*$/, '') : undefined);

function messageEvents(body: IDataObject): NormalisedEvent[] {
	const message = body.message as IDataObject;
	const user = (body.user ?? {}) as IDataObject;
	const fromMe = message.fromMe === true;
	// Direct chats may come with an empty `conversation`: the sender's id is the chat then.
	const chatId = (body.conversation as string) || (user.id as string) || null;
	const type = String(message.type ?? 'unknown');
	const sender = (user.phone as string) || digits(user.id);
	const common = {
		raw: body,
		messageId: (message.id ?? message._serialized) as string,
		chatId,
		fromMe,
		timestamp: body.timestamp,
	};
	if (type === 'info') {
		// Group notifications (someone added, removed, promoted …) are not messages a person wrote.
		return [
			makeEvent(PROVIDER, { ...common, event: 'other', type: String(message.subtype ?? 'info'), from: sender, text: digits(message.participant) ?? null }),
		];
	}
	const media = MEDIA_TYPES.has(type)
		? { url: message.url as string, mimeType: message.mime as string, caption: message.caption as string, fileName: message.filename as string }
		: null;
	let text = (message.text ?? message.caption ?? null) as string | null;
	if (type === 'location') text = (message.payload as string) ?? null;
	if (type === 'vcard' || type === 'multi_vcard') {
		text = ((message.vcardList ?? []) as IDataObject[]).map((c) => c.displayName).join(', ') || null;
	}
	return [
		makeEvent(PROVIDER, {
			...common,
			event: 'message',
			type,
			from: fromMe ? (body.receiver as string) : sender,
			to: fromMe ? (digits(chatId) ?? null) : (body.receiver as string),
			text,
			media,
		}),
	];
}

function ackEvents(body: IDataObject, items: IDataObject[]): NormalisedEvent[] {
	return items.map((item) => {
		const common = { raw: item, messageId: item.msgId as string, chatId: item.chatId as string, fromMe: true, timestamp: item.time };
		if (Array.isArray(item.options)) {
			return makeEvent(PROVIDER, { ...common, event: 'poll', type: 'poll', text: item.text as string });
		}
		if (item.reaction !== undefined) {
			return makeEvent(PROVIDER, {
				...common,
				event: 'reaction',
				type: 'reaction',
				fromMe: false,
				from: digits(item.reactorId),
				text: item.reaction as string,
			});
		}
		const status = ACK_STATUS[String(item.ackCode ?? '')] ?? ACK_STATUS[String(item.ackType ?? '')] ?? String(item.ackType ?? 'unknown');
		return makeEvent(PROVIDER, { ...common, event: 'status', type: (item.ackType as string) ?? null, status, to: digits(item.chatId) });
	});
}

function toEvents(payload: MaytapiDelivery): NormalisedEvent[] {
	if (Array.isArray(payload)) return ackEvents({}, payload as IDataObject[]);
	const body = payload as IDataObject;
	switch (body.type) {
		case 'message':
			return messageEvents(body);
		case 'ack':
			return ackEvents(body, body.data as IDataObject[]);
		case 'status':
			return [makeEvent(PROVIDER, { event: 'session', type: 'status', status: body.status as string, raw: body })];
		case 'error': {
			const data = (body.data ?? {}) as IDataObject;
			return [
				makeEvent(PROVIDER, {
					event: 'error',
					type: 'error',
					status: 'failed',
					messageId: (data.id ?? body.id) as string,
					to: (data.to_number as string) ?? null,
					text: (data.message ?? body.message) as string,
					raw: body,
				}),
			];
		}
		case 'live_event': {
			const data = (body.data ?? {}) as IDataObject;
			return [makeEvent(PROVIDER, { event: 'assignment', type: data.event as string, chatId: body.conversation as string, raw: body })];
		}
		default:
			return [makeEvent(PROVIDER, { event: 'other', type: body.type as string, raw: body })];
	}
}

export const maytapiDeliveries: DeliveryMapper<MaytapiDelivery> = {
	provider: 'Maytapi',
	schema: maytapiDeliverySchema,
	toEvents,
	redeliveryKey(event) {
		// Poll tallies and reactions reuse the target's msgId: only an identical payload is a redelivery.
		if (event.event === 'poll' || event.event === 'reaction') return `${event.event}|${configHash(event.raw)}`;
		if (!event.messageId) return undefined;
		return [event.event, event.messageId, event.status ?? '', event.fromMe ? 'me' : ''].join('|');
	},
};
