import type { IDataObject, IWebhookDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import type { z } from 'zod';

import { RecentKeys } from './dedupe';
import type { NormalisedEvent } from './events';
import { downloadMedia } from './media';
import { SECRET_PARAM, secretsMatch } from './secret';

/**
 * The webhook every provider trigger exposes. `responseData` is empty on purpose: n8n otherwise
 * answers a delivery that starts an execution with its default, the literal text "firstEntryJson";
 * empty makes it answer with the summary `handleDelivery` returns.
 */
export const DELIVERY_WEBHOOK: IWebhookDescription = {
	name: 'default',
	httpMethod: 'POST',
	responseMode: 'onReceived',
	responseData: '',
	path: 'webhook',
};

/** How one provider's webhook deliveries are recognised and mapped. */
export interface DeliveryMapper<P> {
	provider: string;
	/** Tolerant schema (unknown fields pass): a body that fails it is malformed. */
	schema: z.ZodType<P>;
	toEvents(payload: P): NormalisedEvent[];
	/** Overrides the default redelivery key for events without a stable id + status. */
	redeliveryKey?(event: NormalisedEvent): string | undefined;
}

export interface DeliverySettings<P> {
	/** Secrets that are accepted in the `secret` query parameter; empty means none is required. */
	secrets: string[];
	/** A reason when a well-formed delivery is not for this trigger (another account, …). */
	foreignReason?(payload: P): string | undefined;
	/** Which events become workflow items (event selection, phone filter, …). */
	accept(event: NormalisedEvent, payload: P): boolean;
	/** When set, each event's media is downloaded into the item's binary `data`, from allowed hosts only. */
	downloadMediaFrom?: (host: string) => boolean;
}

/** The key a redelivery of the same event would have; undefined when the event has no stable id. */
export function redeliveryKey(event: NormalisedEvent): string | undefined {
	if (!event.messageId) return undefined;
	return [event.event, event.messageId, event.status ?? '', event.type ?? ''].join('|');
}

function reply(ctx: IWebhookFunctions, status: number, body: IDataObject): IWebhookResponseData {
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
 * The whole of a trigger's `webhook()`: checks the shared secret, rejects malformed or foreign
 * bodies with a 4xx and no execution, maps the delivery to normalised events, drops redeliveries and
 * unselected events, and starts one execution with one item per remaining event.
 */
export async function handleDelivery<P>(
	this: IWebhookFunctions,
	mapper: DeliveryMapper<P>,
	settings: DeliverySettings<P>,
): Promise<IWebhookResponseData> {
	if (settings.secrets.length) {
		const received = (this.getQueryData() as IDataObject)[SECRET_PARAM];
		if (!settings.secrets.some((s) => secretsMatch(s, received))) {
			return reply(this, 401, { ok: false, error: `Missing or wrong "${SECRET_PARAM}" in the webhook URL` });
		}
	}

	const body = this.getBodyData() as unknown;
	const parsed = mapper.schema.safeParse(body);
	if (!parsed.success) {
		return reply(this, 400, { ok: false, error: `Not a ${mapper.provider} delivery: ${summarise(parsed.error)}` });
	}
	const foreign = settings.foreignReason?.(parsed.data);
	if (foreign) return reply(this, 422, { ok: false, error: foreign });

	const events = mapper.toEvents(parsed.data);
	const recent = new RecentKeys(this.getWorkflowStaticData('node'));
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

	const summary = { ok: true, received: events.length, accepted: accepted.length, duplicates };
	if (!accepted.length) return { webhookResponse: summary };
	const allowHost = settings.downloadMediaFrom;
	const items = await Promise.all(
		accepted.map(async (json) => {
			const binary = allowHost && json.media ? await downloadMedia(this, json.media, allowHost) : undefined;
			return binary ? { json, binary: { data: binary } } : { json };
		}),
	);
	return { webhookResponse: summary, workflowData: [items] };
}
