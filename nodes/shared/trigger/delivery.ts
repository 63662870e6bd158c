import type {
	IDataObject,
	INodeExecutionData,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import type { z } from 'zod';

import { RecentKeys } from './dedupe';
import type { NormalisedEvent } from './events';
import { MalformedDelivery, unusableReason } from './events';
import type { MediaLimits } from './media';
import { downloadAllMedia } from './media';
import { SECRET_PARAM, secretsMatch } from './secret';

/**
 * A provider trigger's whole `webhook()`: a provider supplies a `DeliveryMapper` (schema + mapping to
 * normalised events, in its webhook/events.ts) and per-call `DeliverySettings`, and calls
 *
 *   return await handleDelivery.call(this, myDeliveries, settings);
 *
 * with `webhooks: [DELIVERY_WEBHOOK]` in the node description. What it guarantees, for every provider:
 * - wrong/missing secret → 401; a trigger that should have a registration but has none → 401;
 * - a body that is not a delivery (schema fails, too deep/large, a mapper throws, an event lacks its
 *   ids) → 400; a delivery for another account → 422; none of these starts an execution;
 * - redeliveries (same key, see dedupe.ts) are answered 200 and dropped;
 * - the answer is sent by the node itself (`noWebhookResponse`), which is what makes n8n save the
 *   dedupe memory in the static data before the execution starts (see dedupe.ts).
 */
export const DELIVERY_WEBHOOK: IWebhookDescription = {
	name: 'default',
	httpMethod: 'POST',
	responseMode: 'onReceived',
	responseData: '',
	path: 'webhook',
};

/** Deeper bodies are refused before any schema or key code walks them (no recursion errors). */
export const MAX_BODY_DEPTH = 32;
/** More values (objects, arrays, scalars) than this in one body is refused. */
export const MAX_BODY_VALUES = 20_000;
/** Longest string anywhere in a body (WhatsApp's own limits are far lower). */
export const MAX_STRING_LENGTH = 100_000;

/** How one provider's webhook deliveries are recognised and mapped. */
export interface DeliveryMapper<P> {
	provider: string;
	/** Tolerant schema (unknown fields pass) covering every field `toEvents` reads: a body that fails it is malformed. */
	schema: z.ZodType<P>;
	/** May throw: a throw (MalformedDelivery or any other error) makes the body malformed (400). */
	toEvents(payload: P): NormalisedEvent[];
	/** Overrides the default redelivery key for events without a stable id + status. */
	redeliveryKey?(event: NormalisedEvent): string | undefined;
}

export interface DeliverySettings<P> {
	/** Secrets that are accepted in the `secret` query parameter; empty means none is required. */
	secrets: string[];
	/**
	 * Set when this trigger must have a secret (it registers its own webhook) but none is stored, e.g.
	 * registration failed or static data was lost: every delivery is refused (401) with this reason.
	 */
	missingRegistration?: string;
	/** A reason when a well-formed delivery is not for this trigger (another account, …). */
	foreignReason?(payload: P): string | undefined;
	/** Which events become workflow items (event selection, phone filter, …). */
	accept(event: NormalisedEvent, payload: P): boolean;
	/** When set, each event's media is downloaded into the item's binary `data`, from allowed hosts only. */
	downloadMediaFrom?: (host: string) => boolean;
	/** Overrides of the Download Media limits (size cap, parallel downloads, time budget). */
	mediaLimits?: Partial<MediaLimits>;
}

/** The key a redelivery of the same event would have; undefined when the event has no stable id. */
export function redeliveryKey(event: NormalisedEvent): string | undefined {
	if (!event.messageId) return undefined;
	return [event.event, event.messageId, event.status ?? '', event.type ?? ''].join('|');
}

/** Answers the delivery itself (the node, not n8n, sends the HTTP answer) and starts nothing. */
export function reply(ctx: IWebhookFunctions, status: number, body: IDataObject): IWebhookResponseData {
	const res = ctx.getResponseObject();
	res.status(status).json(body);
	return { noWebhookResponse: true };
}

function summarise(error: z.ZodError): string {
	return error.issues
		.slice(0, 3)
		.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`)
		.join('; ');
}

/**
 * Why a parsed JSON body is too deep or too large to look at, or undefined. Iterative, so a body
 * nested 100,000 levels deep costs a loop, not the stack.
 */
export function oversizeReason(body: unknown): { status: number; reason: string } | undefined {
	const stack: Array<[unknown, number]> = [[body, 0]];
	let values = 0;
	while (stack.length) {
		const [value, depth] = stack.pop()!;
		if (++values > MAX_BODY_VALUES) return { status: 413, reason: `more than ${MAX_BODY_VALUES} values` };
		if (typeof value === 'string' && value.length > MAX_STRING_LENGTH) {
			return { status: 413, reason: `a text longer than ${MAX_STRING_LENGTH} characters` };
		}
		if (value === null || typeof value !== 'object') continue;
		if (depth >= MAX_BODY_DEPTH) return { status: 400, reason: `nested deeper than ${MAX_BODY_DEPTH} levels` };
		const children = Array.isArray(value) ? value : Object.values(value as object);
		for (const child of children) stack.push([child, depth + 1]);
	}
	return undefined;
}

/** Which trigger node in which workflow: the scope of its redelivery memory in this process. */
function dedupeScope(ctx: IWebhookFunctions): string {
	const node = ctx.getNode();
	return `${ctx.getWorkflow().id ?? ''}|${node.id || node.name}|${ctx.getMode()}`;
}

/** Maps a parsed delivery to events; a mapper that throws or an unusable event makes it malformed. */
function mapDelivery<P>(mapper: DeliveryMapper<P>, payload: P): { events: NormalisedEvent[] } | { error: string } {
	let events: NormalisedEvent[];
	try {
		events = mapper.toEvents(payload);
	} catch (error) {
		const detail = error instanceof MalformedDelivery ? error.message : 'its fields have unexpected types';
		return { error: `Not a ${mapper.provider} delivery: ${detail}` };
	}
	for (const event of events) {
		const reason = unusableReason(event);
		if (reason) return { error: `Not a usable ${mapper.provider} delivery: ${reason}` };
	}
	return { events };
}

/**
 * The whole of a trigger's `webhook()`: checks the shared secret, rejects malformed or foreign
 * bodies with a 4xx and no execution, maps the delivery to normalised events, drops redeliveries and
 * unselected events, answers, and starts one execution with one item per remaining event.
 */
export async function handleDelivery<P>(
	this: IWebhookFunctions,
	mapper: DeliveryMapper<P>,
	settings: DeliverySettings<P>,
): Promise<IWebhookResponseData> {
	if (settings.missingRegistration) return reply(this, 401, { ok: false, error: settings.missingRegistration });
	if (settings.secrets.length) {
		const received = (this.getQueryData() as IDataObject)[SECRET_PARAM];
		if (!settings.secrets.some((s) => secretsMatch(s, received))) {
			return reply(this, 401, { ok: false, error: `Missing or wrong "${SECRET_PARAM}" in the webhook URL` });
		}
	}

	const body = this.getBodyData() as unknown;
	const oversize = oversizeReason(body);
	if (oversize) return reply(this, oversize.status, { ok: false, error: `Not a ${mapper.provider} delivery: ${oversize.reason}` });
	const parsed = mapper.schema.safeParse(body);
	if (!parsed.success) {
		return reply(this, 400, { ok: false, error: `Not a ${mapper.provider} delivery: ${summarise(parsed.error)}` });
	}
	const foreign = settings.foreignReason?.(parsed.data);
	if (foreign) return reply(this, 422, { ok: false, error: foreign });

	const mapped = mapDelivery(mapper, parsed.data);
	if ('error' in mapped) return reply(this, 400, { ok: false, error: mapped.error });
	const { events } = mapped;

	// Check and record synchronously (no await in between), so concurrent redeliveries can't both pass.
	const recent = new RecentKeys(this.getWorkflowStaticData('node'), dedupeScope(this));
	let duplicates = 0;
	const accepted = events.filter((event) => {
		if (!settings.accept(event, parsed.data)) return false;
		const key = mapper.redeliveryKey ? mapper.redeliveryKey(event) : redeliveryKey(event);
		if (key && recent.seen(key)) {
			duplicates++;
			return false;
		}
		return true;
	});
	recent.persist();

	const summary = { ok: true, received: events.length, accepted: accepted.length, duplicates };
	// Answered here, before any download and before n8n starts the execution: the provider gets its
	// answer at once, and n8n saves the static data written above (see dedupe.ts).
	reply(this, 200, summary);
	if (!accepted.length) return { noWebhookResponse: true };
	const items: INodeExecutionData[] = settings.downloadMediaFrom
		? await downloadAllMedia(this, accepted, settings.downloadMediaFrom, settings.mediaLimits)
		: accepted.map((json) => ({ json }));
	return { noWebhookResponse: true, workflowData: [items] };
}
