import type { IDataObject } from 'n8n-workflow';

/** Kinds of trigger output, the same words for every provider. */
export type EventKind =
	| 'message'
	| 'status'
	| 'reaction'
	| 'poll'
	| 'tagging'
	| 'assignment'
	| 'session'
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

const str = (v: unknown): string | null => (v === undefined || v === null || v === '' ? null : String(v));

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
				url: str(fields.media.url),
				mimeType: str(fields.media.mimeType),
				caption: str(fields.media.caption),
				fileName: str(fields.media.fileName),
			}
		: null;
	return {
		provider,
		event: fields.event,
		messageId: str(fields.messageId),
		chatId: str(fields.chatId),
		from: str(fields.from),
		to: str(fields.to),
		fromMe: typeof fields.fromMe === 'boolean' ? fields.fromMe : null,
		type: str(fields.type),
		text: str(fields.text),
		media,
		status: str(fields.status),
		timestamp: toEpochMs(fields.timestamp),
		raw: (fields.raw ?? {}) as IDataObject,
	};
}
