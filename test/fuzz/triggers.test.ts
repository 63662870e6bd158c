import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import { MAX_STORED_KEY_CHARS } from '../../nodes/shared/trigger/dedupe';
import { MAX_ID_LENGTH, unusableReason } from '../../nodes/shared/trigger/events';
import type { NormalisedEvent } from '../../nodes/shared/trigger/events';
import { TriggerHarness } from '../harness/trigger';
import type { FuzzBody } from './corpus';
import { fuzzBodyArbitrary, fuzzSeed } from './corpus';
import { FUZZ_TRIGGERS } from './triggers';

/**
 * Property-based fuzzing of every trigger's real webhook path (HTTP → n8n-core WebhookContext →
 * webhook()): seeded and reproducible (FUZZ_SEED=<n> to try another seed; fast-check prints the seed
 * and the shrunk body of a failure). For each body: no exception escapes (the harness would answer
 * 500), the answer is 2xx or 4xx, garbage is 4xx, fixtures are 2xx, and only usable items come out.
 */
const RUNS = Number(process.env.FUZZ_RUNS) || 2000;
const KEYS = ['provider', 'event', 'messageId', 'chatId', 'from', 'to', 'fromMe', 'type', 'text', 'media', 'status', 'timestamp', 'raw'].sort();

function problemWithItem(item: IDataObject, provider: string, extraKeys: string[] = []): string | undefined {
	if (JSON.stringify(Object.keys(item).filter((k) => k !== 'mediaError').sort()) !== JSON.stringify([...KEYS, ...extraKeys].sort())) return `keys ${Object.keys(item).join(',')}`;
	if (item.provider !== provider) return `provider ${String(item.provider)}`;
	for (const key of ['messageId', 'chatId', 'from', 'to', 'type', 'text', 'status']) {
		const value = item[key];
		if (value !== null && typeof value !== 'string') return `${key} is ${typeof value}`;
	}
	for (const key of ['messageId', 'chatId', 'from', 'to']) {
		if (typeof item[key] === 'string' && (item[key] as string).length > MAX_ID_LENGTH) return `${key} is too long`;
	}
	if (item.timestamp !== null && !Number.isFinite(item.timestamp)) return `timestamp ${String(item.timestamp)}`;
	if (item.fromMe !== null && typeof item.fromMe !== 'boolean') return 'fromMe is not a boolean';
	return unusableReason(item as NormalisedEvent);
}

describe.each(FUZZ_TRIGGERS.map((t) => [t.name, t] as const))('%s trigger under %#-th fuzz', (name, entry) => {
	let stop: () => Promise<void>;
	let harness: TriggerHarness;

	beforeAll(async () => {
		const started = await entry.start();
		stop = started.stop;
		harness = new TriggerHarness(started.trigger, entry.params);
	});
	afterAll(async () => {
		await harness.close();
		await stop();
	});

	test(`${RUNS} generated bodies: 2xx only for deliveries, 4xx otherwise, never an exception`, async () => {
		const seen = { fixture: 0, garbage: 0, mutant: 0, accepted: 0 };
		await fc.assert(
			fc.asyncProperty(fuzzBodyArbitrary(entry.fixturesDir), async (body: FuzzBody) => {
				seen[body.kind]++;
				const delivery = await harness.deliver(body.text);
				const context = `${body.kind} (${body.op}) → ${delivery.status} ${JSON.stringify(delivery.body).slice(0, 300)}`;
				const is2xx = delivery.status >= 200 && delivery.status < 300;
				const is4xx = delivery.status >= 400 && delivery.status < 500;
				if (!is2xx && !is4xx) throw new Error(`answered neither 2xx nor 4xx: ${context}`);
				if (body.kind === 'garbage' && !is4xx) throw new Error(`garbage was not refused: ${context}`);
				if (body.kind === 'fixture' && !is2xx) throw new Error(`a real delivery was refused: ${context}`);
				if (is4xx && (delivery.items.length || delivery.response.workflowData)) throw new Error(`a refused body started an execution: ${context}`);
				if (is2xx) {
					const summary = delivery.body as { ok?: boolean; accepted?: number };
					if (summary.ok !== true || summary.accepted !== delivery.items.length) throw new Error(`summary does not match the items: ${context}`);
					seen.accepted += delivery.items.length;
					for (const item of delivery.items) {
						const problem = problemWithItem(item, name, entry.extraKeys);
						if (problem) throw new Error(`unusable item (${problem}): ${context}`);
					}
				}
			}),
			{ seed: fuzzSeed(), numRuns: RUNS, endOnFailure: true },
		);
		// The corpus really exercised every kind, and some bodies really were deliveries.
		expect(seen.garbage).toBeGreaterThan(RUNS / 4);
		expect(seen.mutant).toBeGreaterThan(RUNS / 4);
		expect(seen.fixture).toBeGreaterThan(0);
		expect(seen.accepted).toBeGreaterThan(0);
		// Whatever arrived, the static data stays small: the dedupe ring plus a little.
		expect(harness.storedBytes).toBeLessThan(MAX_STORED_KEY_CHARS + 1024);
	});
});
