import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import type { DeliveryMapper } from '../../shared/trigger/delivery';
import type { NormalisedEvent } from '../../shared/trigger/events';
import { makeEvent, MAX_ID_LENGTH } from '../../shared/trigger/events';

const PROVIDER = 'sobot';

/** Where Sobot serves the media of incoming messages: its public S3 asset bucket (reference §4.3). */
export const SOBOT_MEDIA_HOSTS = [/(^|\.)sobot\.in$/, /^sobot-assets\.s3([.-][a-z0-9-]+)?\.amazonaws\.com$/];

/**
 * Sobot posts two shapes (reference §4): inbound messages as a JSON array of Meta-like changes
 * `{value: {messaging_product, metadata, contacts, messages}, field}`, and statuses as a flat object
 * `{id, status, timestamp}`. Unknown fields always pass; every field the mapping below reads is typed
 * here, so a body with a wrong type is refused (400) with the field's path.
 */
const name = z.string().min(1).max(MAX_ID_LENGTH);
const text = z.string().nullish();
const timestamp = z.union([z.number(), z.string().max(64)]).nullish();
const mediaObject = z
	.object({ url: text, mime_type: text, caption: text, filename: text })
	.passthrough()
	.nullish();
const coordinate = z.union([z.number(), z.string().max(64)]).nullish();
const reply = z.object({ title: text }).passthrough().nullish();
const inboundMessage = z
	.object({
		id: name,
		from: name,
		type: z.string().min(1).max(64),
		timestamp,
		text: z.object({ body: text }).passthrough().nullish(),
		interactive: z.object({ button_reply: reply, list_reply: reply }).passthrough().nullish(),
		button: z.object({ text, payload: text }).passthrough().nullish(),
		location: z.object({ latitude: coordinate, longitude: coordinate }).passthrough().nullish(),
		reaction: z.object({ emoji: text }).passthrough().nullish(),
		image: mediaObject,
		video: mediaObject,
		audio: mediaObject,
		document: mediaObject,
		sticker: mediaObject,
		voice: mediaObject,
	})
	.passthrough();
const metaStatus = z.object({ id: name, status: name, recipient_id: name.nullish(), timestamp }).passthrough();
const change = z
	.object({
		field: z.string().max(64),
		value: z
			.object({
				metadata: z.object({ display_phone_number: z.union([name, z.number()]).nullish() }).passthrough().nullish(),
				contacts: z.array(z.object({}).passthrough()).nullish(),
				messages: z.array(inboundMessage).nullish(),
				// Not documented for Sobot, but its envelope copies Meta's, whose statuses live here.
				statuses: z.array(metaStatus).nullish(),
			})
			.passthrough(),
	})
	.passthrough();
const flatStatus = z.object({ id: name, status: name, recipient_id: name.nullish(), timestamp }).passthrough();

export const sobotDeliverySchema = z.union([z.array(change).min(1), flatStatus]);
export type SobotDelivery = z.infer<typeof sobotDeliverySchema>;

/** Types whose payload is a media object (`url`, `mime_type`, …) under the key named by the type. */
const MEDIA_TYPES = new Set(['image', 'video', 'audio', 'document', 'sticker', 'voice']);

/**
 * The media object of a message. The docs show an inbound video with its media under `image`
 * (§5 item 5), so that key is the fallback for every media type.
 */
function mediaOf(message: IDataObject): IDataObject | undefined {
	const own = message[String(message.type)];
	if (own && typeof own === 'object') return own as IDataObject;
	return message.image && typeof message.image === 'object' ? (message.image as IDataObject) : undefined;
}

/** The words a person sent, whatever the message type (reply buttons and list picks included). */
function textOf(message: IDataObject, media: IDataObject | undefined): string | null {
	const sub = (key: string) => (message[key] && typeof message[key] === 'object' ? (message[key] as IDataObject) : {});
	switch (message.type) {
		case 'text':
			return (sub('text').body as string) ?? null;
		case 'interactive': {
			const interactive = sub('interactive');
			const reply = (interactive.button_reply ?? interactive.list_reply ?? {}) as IDataObject;
			return (reply.title as string) ?? null;
		}
		case 'button':
			return (sub('button').text as string) ?? (sub('button').payload as string) ?? null;
		case 'location': {
			const { latitude, longitude } = sub('location');
			return latitude !== undefined && longitude !== undefined ? `${latitude},${longitude}` : null;
		}
		case 'reaction':
			return (sub('reaction').emoji as string) ?? null;
		default:
			return (media?.caption as string) ?? null;
	}
}

function messageEvent(item: IDataObject, value: IDataObject, message: IDataObject): NormalisedEvent {
	const type = String(message.type);
	const media = MEDIA_TYPES.has(type) ? mediaOf(message) : undefined;
	const business = ((value.metadata ?? {}) as IDataObject).display_phone_number as string | undefined;
	return makeEvent(PROVIDER, {
		event: 'message',
		type,
		messageId: message.id as string,
		// A Sobot conversation is the customer's number: reply to it with "Customer Number".
		chatId: message.from as string,
		from: message.from as string,
		to: business ?? null,
		fromMe: false,
		text: textOf(message, media),
		media: media
			? { url: media.url as string, mimeType: media.mime_type as string, caption: media.caption as string, fileName: media.filename as string }
			: null,
		timestamp: message.timestamp,
		raw: item,
	});
}

function statusEvent(status: IDataObject, raw: IDataObject): NormalisedEvent {
	const recipient = (status.recipient_id as string) ?? null;
	return makeEvent(PROVIDER, {
		event: 'status',
		type: String(status.status),
		status: String(status.status),
		messageId: status.id as string,
		chatId: recipient,
		to: recipient,
		fromMe: true,
		timestamp: status.timestamp,
		raw,
	});
}

function toEvents(payload: SobotDelivery): NormalisedEvent[] {
	if (!Array.isArray(payload)) return [statusEvent(payload as IDataObject, payload as IDataObject)];
	return (payload as IDataObject[]).flatMap((item) => {
		const value = item.value as IDataObject;
		const messages = (value.messages ?? []) as IDataObject[];
		const statuses = (value.statuses ?? []) as IDataObject[];
		if (item.field !== 'messages' || (!messages.length && !statuses.length)) {
			// A change this node does not know (another field, or no messages/statuses): pass it on as is.
			return item.field === 'messages' ? [] : [makeEvent(PROVIDER, { event: 'other', type: String(item.field), raw: item })];
		}
		return [...messages.map((m) => messageEvent(item, value, m)), ...statuses.map((s) => statusEvent(s, item))];
	});
}

export const sobotDeliveries: DeliveryMapper<SobotDelivery> = {
	provider: 'Sobot',
	schema: sobotDeliverySchema,
	// Redeliveries are recognised by the shared default: message id + status (reference §5 item 7).
	toEvents,
};
