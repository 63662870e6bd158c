import type { IExecuteFunctions, INodeProperties, NodeHint } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { gateTime, rateGateFor } from './rateGate';

/**
 * Campaign sending: the "Sending" options of send and write operations, the ordered runner that
 * sends items with bounded concurrency (never two at once to the same chat), and the pacing that
 * every send of such a run passes through before it reaches the provider.
 */

/** A provider's defaults for the Sending options, taken from its reference. */
export interface SendingDefaults {
	/** Requests in flight at once (1 = one after another). */
	concurrency: number;
	/** Ceiling on sends per minute for the credential (or its phone, see `phoneOf`); 0 = none. */
	maxPerMinute: number;
	/** Seconds between the starts of two sends of one run. */
	delay: number;
	/** Up to this many seconds added at random to each delay, so sends don't look machine-made. */
	jitter: number;
}

export interface SendingProfile {
	defaults: SendingDefaults;
	/**
	 * Parameters that name the chat an operation writes to; the first non-empty one is the item's
	 * chat. Two items to one chat are never in flight at once, so the recipient gets them in order.
	 */
	chatParameters: string[];
	/**
	 * For providers that limit per phone: the phone a request goes through (e.g. read from its
	 * path). The send ceiling is then one gate per credential and phone.
	 */
	phoneOf?(request: { path?: string }): string | undefined;
}

export type SendingSettings = SendingDefaults;

/** The most requests one node may have in flight; more only multiplies open sockets. */
const MAX_CONCURRENCY = 50;
/** How often a running campaign reports its progress in n8n's log. */
export const PROGRESS_INTERVAL_MS = 30_000;

const RETRY_ADVICE =
	'For campaigns, set Settings → On Error → "Continue (using error output)" instead of Retry On Fail: failed items leave on the error output with their input, so only those are retried. Retry On Fail and re-running a failed execution send every item again.';

/** The "Sending" collection of a send or write operation, with the provider's defaults. */
export function sendingProperty(profile: SendingProfile): INodeProperties {
	const { concurrency, maxPerMinute, delay, jitter } = profile.defaults;
	return {
		displayName: 'Sending',
		name: 'sending',
		type: 'collection',
		placeholder: 'Add Sending Option',
		default: {},
		hint: RETRY_ADVICE,
		description: 'How fast the items of this node run are sent; read once per run',
		options: [
			{
				displayName: 'Concurrency',
				name: 'concurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY, numberPrecision: 0 },
				default: concurrency,
				description:
					'How many requests may be in flight at once. Output order is kept, and two messages to the same chat are never sent at the same time.',
			},
			{
				displayName: 'Delay Between Messages (Seconds)',
				name: 'delay',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: delay,
				description: 'Pause between the starts of two sends of this run',
			},
			{
				displayName: 'Jitter (Seconds)',
				name: 'jitter',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: jitter,
				description: 'Up to this many seconds added at random to each pause, so that sending does not look machine-made',
			},
			{
				displayName: 'Max Messages Per Minute',
				name: 'maxPerMinute',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 0 },
				default: maxPerMinute,
				description: profile.phoneOf
					? 'Ceiling per phone, shared by every node and execution using this credential in this n8n process. 0 means no ceiling.'
					: 'Ceiling for this credential, shared by every node and execution using it in this n8n process. 0 means no ceiling.',
			},
		],
	};
}

/**
 * Marks operations as sends or writes: they get the Sending options and run as a campaign, e.g.
 * `operations: [...withSending(acmeSending, sendText, sendMedia), getMany]`.
 */
export function withSending<T extends { properties: INodeProperties[]; sending?: SendingProfile }>(
	profile: SendingProfile,
	...operations: T[]
): T[] {
	return operations.map((operation) => ({ ...operation, sending: profile }));
}

/**
 * The node hint shown before a run with several items reaches a send operation: campaigns should
 * use the error output rather than Retry On Fail.
 */
export function sendingHints(
	resources: Array<{ operations: Array<{ resource: string; operation: string; sending?: SendingProfile }> }>,
): NodeHint[] {
	const sends = resources.flatMap((r) => r.operations.filter((o) => o.sending).map((o) => `${o.resource}:${o.operation}`));
	return [
		{
			message: RETRY_ADVICE,
			type: 'info',
			location: 'outputPane',
			whenToDisplay: 'beforeExecution',
			displayCondition: `={{ ${JSON.stringify(sends)}.includes($parameter["resource"] + ":" + $parameter["operation"]) && $input.all().length > 1 }}`,
		},
	];
}

/** The run's Sending options: the user's values over the provider's defaults, checked once (item 0). */
function readSending(ctx: IExecuteFunctions, profile: SendingProfile): SendingSettings {
	const set = ctx.getNodeParameter('sending', 0, {}) as Partial<Record<keyof SendingSettings, unknown>>;
	const settings = { ...profile.defaults };
	const labels: Record<keyof SendingSettings, string> = {
		concurrency: 'Concurrency',
		maxPerMinute: 'Max Messages Per Minute',
		delay: 'Delay Between Messages (Seconds)',
		jitter: 'Jitter (Seconds)',
	};
	for (const key of Object.keys(labels) as Array<keyof SendingSettings>) {
		const raw = set[key];
		if (raw === undefined || raw === null || raw === '') continue;
		const value = Number(raw);
		const whole = key === 'concurrency' || key === 'maxPerMinute';
		const min = key === 'concurrency' ? 1 : 0;
		const max = key === 'concurrency' ? MAX_CONCURRENCY : Infinity;
		if (!Number.isFinite(value) || value < min || value > max || (whole && !Number.isInteger(value))) {
			const range = max === Infinity ? `${whole ? 'a whole number' : 'a number'} of at least ${min}` : `a whole number from ${min} to ${max}`;
			throw new NodeOperationError(ctx.getNode(), `Sending → "${labels[key]}" must be ${range}, got "${String(raw)}"`, { itemIndex: 0 });
		}
		settings[key] = value;
	}
	return settings;
}

/** The chat key of a recipient: numbers and WhatsApp chat ids of the same person compare equal. */
export function chatKey(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const text = String(value).trim().toLowerCase();
	if (!text) return undefined;
	const person = /^([^@]+)@(c\.us|s\.whatsapp\.net)$/.exec(text);
	const bare = person ? person[1] : text;
	if (/^[+\d\s\-().]+$/.test(bare)) return bare.replace(/\D/g, '').replace(/^00/, '');
	return bare;
}

function chatOf(ctx: IExecuteFunctions, profile: SendingProfile, itemIndex: number): string | undefined {
	for (const name of profile.chatParameters) {
		try {
			const key = chatKey(ctx.getNodeParameter(name, itemIndex, '', { extractValue: true }));
			if (key) return key;
		} catch {
			// A bad expression fails the item itself, with its own error; it just has no chat key here.
		}
	}
	return undefined;
}

/** What a running campaign needs in the request helper, found by the node's execution context. */
interface CampaignRun {
	settings: SendingSettings;
	profile: SendingProfile;
	/** When the next send of this run may start (delay and jitter). */
	nextStartAt: number;
}

const runs = new WeakMap<object, CampaignRun>();

/**
 * Called by the request helper before each attempt of a call. Sends and writes of a campaign run
 * (every call but a read: a repeatable GET) wait, before their first attempt, for the run's delay and
 * the Sending ceiling's gate, `${gateKey}:${phone}` for per-phone providers and `${gateKey}:sending`
 * otherwise. Writes that are safe to repeat (a PUT of a customer, a chat state) are paced like sends.
 * Reads (e.g. a send looking up its template), calls outside a campaign and calls marked
 * `alreadyPaced` (re-issued after a refusal) pass straight through.
 */
export async function paceSend(
	ctx: object,
	request: { method?: string; path?: string; repeatable?: boolean; alreadyPaced?: boolean },
	gateKey: string,
	attempt: number,
	signal?: AbortSignal,
): Promise<void> {
	const run = runs.get(ctx);
	const read = request.repeatable === true && /^(GET|HEAD)$/i.test(request.method ?? '');
	// Retries of a refused call wait for the provider's own pause (the gate); pacing counts messages,
	// so neither a retry nor a call re-issued after a refusal (`alreadyPaced`) counts again.
	if (!run || read || attempt !== 1 || request.alreadyPaced === true) return;
	const { settings, profile } = run;
	if (settings.delay > 0 || settings.jitter > 0) {
		const now = gateTime.now();
		const startAt = Math.max(now, run.nextStartAt);
		// Reserved synchronously, so concurrent sends of one run are spaced rather than released together.
		run.nextStartAt = startAt + (settings.delay + Math.random() * settings.jitter) * 1000;
		if (startAt > now) await gateTime.sleep(startAt - now, signal);
	}
	if (settings.maxPerMinute > 0) {
		const phone = profile.phoneOf?.(request);
		const gate = rateGateFor(phone ? `${gateKey}:${phone}` : `${gateKey}:sending`);
		// One second's worth at once at most: a ceiling paces, it does not allow a minute's burst.
		await gate.acquire({ perMinute: settings.maxPerMinute, burst: Math.max(1, Math.floor(settings.maxPerMinute / 60)) }, signal);
	}
}

/** Reports a long run's progress in n8n's log: at most every PROGRESS_INTERVAL_MS, and at the end. */
export class ProgressLog {
	private lastAt: number;
	private done = 0;
	private failed = 0;
	private reported = false;

	constructor(
		private readonly log: (message: string) => void,
		private readonly total: number,
		private readonly now: () => number = gateTime.now,
	) {
		this.lastAt = now();
	}

	settled(ok: boolean): void {
		this.done++;
		if (!ok) this.failed++;
		const now = this.now();
		if (this.done < this.total && now - this.lastAt >= PROGRESS_INTERVAL_MS) {
			this.lastAt = now;
			this.reported = true;
			this.log(`${this.done} of ${this.total} items done${this.failed ? ` (${this.failed} failed)` : ''}`);
		}
	}

	/** Closes the report of a run long enough to have reported progress; short runs stay quiet. */
	finished(): void {
		if (!this.reported) return;
		this.log(`all ${this.total} items done${this.failed ? ` (${this.failed} failed)` : ''}`);
	}
}

export interface ItemOutcome<T> {
	value: T;
	/** False when the item ended as an error item (Continue On Fail). */
	ok: boolean;
}

/**
 * Runs `runItem` for every item and returns the outputs in input order. With a profile (a send or
 * write operation) items run as a campaign: up to `concurrency` at once, never two to the same chat,
 * paced in the request helper, with progress in n8n's log. Without one, one after another.
 * Stops starting items when the execution is cancelled or an item throws; items already in flight
 * finish first (they may already have been accepted), then the first failure is thrown.
 */
export async function runInOrder<T>(
	ctx: IExecuteFunctions,
	count: number,
	runItem: (itemIndex: number) => Promise<ItemOutcome<T>>,
	profile: SendingProfile | undefined,
): Promise<T[]> {
	const signal = ctx.getExecutionCancelSignal?.();
	const settings = profile ? readSending(ctx, profile) : undefined;
	const concurrency = settings?.concurrency ?? 1;
	const keys = profile ? Array.from({ length: count }, (_, i) => chatOf(ctx, profile, i)) : [];
	const node = ctx.getNode().name;
	const progress =
		profile && count > 1 ? new ProgressLog((message) => ctx.logger.info(`${node}: ${message}`), count) : undefined;
	if (profile && settings) runs.set(ctx, { settings, profile, nextStartAt: 0 });

	const results = new Array<T>(count);
	const started = new Uint8Array(count);
	const busyChats = new Set<string>();
	const inFlight = new Map<number, Promise<void>>();
	let firstWaiting = 0;
	let failure: { itemIndex: number; error: unknown } | undefined;

	const pick = (): number => {
		while (firstWaiting < count && started[firstWaiting]) firstWaiting++;
		for (let i = firstWaiting; i < count; i++) {
			// Skipping an item whose chat is busy also holds back every later item to that chat.
			if (!started[i] && !(keys[i] && busyChats.has(keys[i] as string))) return i;
		}
		return -1;
	};

	const start = (itemIndex: number) => {
		started[itemIndex] = 1;
		const key = keys[itemIndex];
		if (key) busyChats.add(key);
		const settle = async () => {
			try {
				const outcome = await runItem(itemIndex);
				results[itemIndex] = outcome.value;
				progress?.settled(outcome.ok);
			} catch (error) {
				if (!failure || itemIndex < failure.itemIndex) failure = { itemIndex, error };
			} finally {
				if (key) busyChats.delete(key);
				inFlight.delete(itemIndex);
			}
		};
		inFlight.set(itemIndex, settle());
	};

	try {
		for (;;) {
			while (!failure && !signal?.aborted && inFlight.size < concurrency) {
				const next = pick();
				if (next === -1) break;
				start(next);
			}
			if (inFlight.size === 0) break;
			await Promise.race(inFlight.values());
		}
	} finally {
		runs.delete(ctx);
	}
	if (failure) throw failure.error;
	const sent = started.reduce((sum, s) => sum + s, 0);
	if (sent < count) {
		throw new NodeOperationError(ctx.getNode(), `The execution was cancelled: ${sent} of ${count} items had been started, the rest were not sent`, {
			itemIndex: sent,
		});
	}
	progress?.finished();
	return results;
}
