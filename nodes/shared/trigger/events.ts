import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

/**
 * The normalised trigger item, and `makeEvent` to build one. Provider mappers call `makeEvent` with
 * what they read; it throws `MalformedDelivery` (→ HTTP 400, no execution) when a value has the wrong
 * type (an object where text is read) or an id is longer than MAX_ID_LENGTH. Provider schemas should
 * use `deliveryId` for every id they read, so the schema already refuses such bodies with a clear path.
 */

/** Longest id (message, chat, phone) a delivery may carry; longer ones are malformed. */
export const MAX_ID_LENGTH = 256;

/** Schema for an id a mapper reads: a non-empty string (or number) of at most MAX_ID_LENGTH characters. */
export const deliveryId = z.union([z.string().min(1).max(MAX_ID_LENGTH), z.number().finite()]);

/** A body that looked like a delivery but can't be used (missing id, wrong type, …): answered 400. */
export class MalformedDelivery extends Error {}

/** Kinds of trigger output, the same words for every provider. */
export type EventKind =
	| 'message'
	| 'status'
	| 'reaction'
	| 'poll'
	| 'tagging'
	| 'assignment'
	| 'session'
	| 'contact'
	| 'error'
	| 'other';

export interface NormalisedMedia extends IDataObject {
	url: string | null;
	mimeType: string | null;
	caption: string | null;
	fileName: string | null;
}

/**
 * One trigger item, identical in shape across providers: keys that don't apply are null, never
 * missing, so a workflow built on one provider keeps working on another. `raw` is the provider's own
 * object, untouched.
 */
export interface NormalisedEvent extends IDataObject {
	provider: string;
	event: EventKind;
	messageId: string | null;
	chatId: string | null;
	from: string | null;
	to: string | null;
	fromMe: boolean | null;
	/** Message type (text, image, …), status name, or the provider's event name. */
	type: string | null;
	text: string | null;
	media: NormalisedMedia | null;
	/** For status events: sent, delivered, read, played, deleted, failed, … */
	status: string | null;
	/** Milliseconds since the epoch. */
	timestamp: number | null;
	raw: IDataObject;
}

type EventFields = Partial<Omit<NormalisedEvent, 'provider' | 'event' | 'raw' | 'timestamp' | 'media'>> & {
	event: EventKind;
	raw: unknown;
	timestamp?: unknown;
	media?: Partial<NormalisedMedia> | null;
};

function str(v: unknown, field: string): string | null {
	if (v === undefined || v === null || v === '') return null;
	if (typeof v === 'string') return v;
	if (typeof v === 'number' && Number.isFinite(v)) return String(v);
	throw new MalformedDelivery(`"${field}" must be text, got ${Array.isArray(v) ? 'an array' : typeof v}`);
}

function id(v: unknown, field: string): string | null {
	const value = str(v, field);
	if (value !== null && value.length > MAX_ID_LENGTH) throw new MalformedDelivery(`"${field}" is longer than ${MAX_ID_LENGTH} characters`);
	return value;
}

/**
 * Epoch milliseconds from what providers send: seconds, milliseconds (number or string) or ISO dates.
 */
export function toEpochMs(value: unknown): number | null {
	if (value === undefined || value === null || value === '') return null;
	const n = typeof value === 'number' ? value : Number(value);
	if (Number.isFinite(n)) return n < 1e11 ? Math.round(n * 1000) : Math.round(n);
	const parsed = Date.parse(String(value));
	return Number.isNaN(parsed) ? null : parsed;
}

export function makeEvent(provider: string, fields: EventFields): NormalisedEvent {
	const media = fields.media
		? {
				url: str(fields.media.url, 'media.url'),
				mimeType: str(fields.media.mimeType, 'media.mimeType'),
				caption: str(fields.media.caption, 'media.caption'),
				fileName: str(fields.media.fileName, 'media.fileName'),
			}
		: null;
	return {
		provider,
		event: fields.event,
		messageId: id(fields.messageId, 'messageId'),
		chatId: id(fields.chatId, 'chatId'),
		from: id(fields.from, 'from'),
		to: id(fields.to, 'to'),
		fromMe: typeof fields.fromMe === 'boolean' ? fields.fromMe : null,
		type: id(fields.type, 'type'),
		text: str(fields.text, 'text'),
		media,
		status: id(fields.status, 'status'),
		timestamp: toEpochMs(str(fields.timestamp, 'timestamp')),
		raw: (fields.raw ?? {}) as IDataObject,
	};
}

/**
 * Why an event can't be used, or undefined: a message needs its id and its sender or chat; a
 * status, reaction or poll needs the id of the message it refers to.
 */
export function unusableReason(event: NormalisedEvent): string | undefined {
	switch (event.event) {
		case 'message':
			if (!event.messageId) return 'a message without its id';
			if (!event.from && !event.chatId) return `message ${event.messageId} has no sender or chat`;
			return undefined;
		case 'status':
		case 'reaction':
		case 'poll':
			return event.messageId ? undefined : `a ${event.event} without the id of the message it refers to`;
		default:
			return undefined;
	}
}
