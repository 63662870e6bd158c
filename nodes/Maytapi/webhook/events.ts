import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import type { DeliveryMapper } from '../../shared/trigger/delivery';
import type { NormalisedEvent } from '../../shared/trigger/events';
import { deliveryId, makeEvent, MAX_ID_LENGTH } from '../../shared/trigger/events';
import { configHash } from '../../shared/trigger/registration';

const PROVIDER = 'maytapi';

/** Where Maytapi serves the media of incoming messages (seen: cdn.maytapi.com, cdnydm.com). */
export const MAYTAPI_MEDIA_HOSTS = [/(^|\.)maytapi\.com$/, /(^|\.)cdnydm\.com$/];

/**
 * A Maytapi delivery: an object with a `type` discriminator (message, ack, status, error,
 * live_event), or the legacy bare array of acks. Unknown fields always pass; every field the mapping
 * below reads is typed here, so a body with a wrong type is refused (400) with the field's path.
 */
const name = z.string().max(MAX_ID_LENGTH);
const text = z.string().nullish();
const timestamp = z.union([z.number(), z.string().max(64)]).nullish();
const ackItem = z
	.object({
		msgId: deliveryId,
		ackType: name.nullish(),
		ackCode: z.union([z.number(), z.string().max(16)]).nullish(),
		chatId: name.nullish(),
		time: timestamp,
		options: z.array(z.object({}).passthrough()).nullish(),
		text,
		reaction: text,
		reactorId: name.nullish(),
	})
	.passthrough();
const messageDelivery = z
	.object({
		message: z
			.object({
				id: deliveryId.optional(),
				_serialized: deliveryId.optional(),
				type: name.optional(),
				subtype: name.nullish(),
				participant: name.nullish(),
				fromMe: z.boolean().nullish(),
				text,
				caption: text,
				payload: text,
				url: text,
				mime: text,
				filename: text,
				vcardList: z.array(z.object({ displayName: text }).passthrough()).nullish(),
			})
			.passthrough()
			.refine((m) => m.id !== undefined || m._serialized !== undefined, 'a message needs its "id"'),
		user: z.object({ id: name.nullish(), phone: deliveryId.nullish() }).passthrough().nullish(),
		conversation: name.nullish(),
		receiver: deliveryId.nullish(),
		timestamp,
	})
	.passthrough();
const DELIVERY_TYPES: Record<string, z.ZodTypeAny> = {
	message: messageDelivery,
	ack: z.object({ data: z.array(ackItem) }).passthrough(),
	status: z.object({ status: name }).passthrough(),
	error: z
		.object({
			id: deliveryId.nullish(),
			message: text,
			data: z.object({ id: deliveryId.nullish(), to_number: deliveryId.nullish(), message: text }).passthrough().nullish(),
		})
		.passthrough(),
	live_event: z.object({ conversation: name.nullish(), data: z.object({ event: name.nullish() }).passthrough().nullish() }).passthrough(),
};
const envelope = z
	.object({
		type: z.string().min(1).max(64),
		product_id: name.optional(),
		productId: name.optional(),
		pid: name.optional(),
		phone_id: deliveryId.optional(),
		phoneId: deliveryId.optional(),
	})
	.passthrough()
	.superRefine((body, ctx) => {
		const schema = Object.prototype.hasOwnProperty.call(DELIVERY_TYPES, body.type) ? DELIVERY_TYPES[body.type] : undefined;
		const result = schema?.safeParse(body);
		if (result && !result.success) {
			for (const issue of result.error.issues) ctx.addIssue({ code: z.ZodIssueCode.custom, path: issue.path, message: issue.message });
		}
	});

export const maytapiDeliverySchema = z.union([z.array(ackItem).min(1), envelope]);
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
