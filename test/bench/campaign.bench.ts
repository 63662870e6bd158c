import os from 'node:os';

import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { setRateGateClock } from '../../nodes/shared/rateGate';
import { runNode } from '../harness/engine';
import { startSobot } from '../sobot/setup';

/**
 * Campaign sending, measured: a send operation through n8n-core's engine against the Sobot fake on
 * loopback. Reports times and ratios and asserts only what must always hold: nothing lost, nothing
 * sent twice, output order intact.
 */

const LATENCY_MS = 100;
const LATENCY_MESSAGES = 300;
const BUCKET = { burst: 20, perSecond: 10 };
const RATE_MESSAGES = 200;

type Env = Awaited<ReturnType<typeof startSobot>>;
let env: Env;
beforeAll(async () => {
	env = await startSobot();
});
afterAll(async () => {
	await env.fake.stop();
	console.log(report());
});

const number = (n: number) => `9199602${String(n).padStart(5, '0')}`;
const recipients = (count: number): INodeExecutionData[] => Array.from({ length: count }, (_, n) => ({ json: { phone: number(n), n } }));
const sendText = (sending: INodeParameters): INodeParameters => ({
	resource: 'message',
	operation: 'sendText',
	customerNumber: '={{ $json.phone }}',
	customerName: 'Campaign',
	text: '=Offer #{{ $json.n }}',
	sending,
});

interface Measured {
	ms: number;
	requests: number;
	rateLimited: number;
}

/**
 * One campaign from fresh state (fake and gates), with the three invariants checked: every item
 * sent once (the fake counts every recipient and message id), none twice, outputs in input order.
 */
async function campaign(count: number, sending: INodeParameters): Promise<Measured> {
	env.fake.reset();
	setRateGateClock(undefined);
	const items = recipients(count);
	const started = performance.now();
	const result = await runNode(env.action, { parameters: sendText(sending), items });
	const ms = performance.now() - started;
	expect(result.error).toBeUndefined();
	const sent = env.fake.state().sent as Array<{ id: string; body: { customer_number: string } }>;
	const perRecipient = new Map<string, number>();
	for (const message of sent) perRecipient.set(message.body.customer_number, (perRecipient.get(message.body.customer_number) ?? 0) + 1);
	invariants.lost += items.filter((item) => !perRecipient.has(String(item.json.phone))).length;
	invariants.duplicated += [...perRecipient.values()].filter((times) => times > 1).length + (sent.length - new Set(sent.map((m) => m.id)).size);
	if (result.items.length !== count || result.items.some((out, i) => out.json.to !== items[i].json.phone || (out.pairedItem as { item: number }).item !== i)) {
		invariants.orderBroken += 1;
	}
	expect(invariants).toEqual({ lost: 0, duplicated: 0, orderBroken: 0 });
	return { ms, requests: env.fake.requests.length, rateLimited: env.fake.rateLimited };
}

const invariants = { lost: 0, duplicated: 0, orderBroken: 0 };
const latencyRows: Array<{ concurrency: number; ms: number }> = [];
const rateRows: Array<{ mode: string; m: Measured }> = [];
let runs = 0;

test(`latency-bound: ${LATENCY_MESSAGES} messages, each answered after ${LATENCY_MS} ms`, async () => {
	env.fake.setRateLimit(null).setLatency(LATENCY_MS);
	for (const concurrency of [1, 5, 10, 20]) {
		const m = await campaign(LATENCY_MESSAGES, { concurrency });
		latencyRows.push({ concurrency, ms: m.ms });
		runs++;
	}
});

test(`rate-bound: ${RATE_MESSAGES} messages against a leaky bucket (burst ${BUCKET.burst}, ${BUCKET.perSecond}/s)`, async () => {
	env.fake.setLatency(20).setRateLimit(BUCKET);
	const modes: Array<[string, INodeParameters]> = [
		['Sending options: concurrency 5, max 600/min (the bucket’s rate)', { concurrency: 5, maxPerMinute: BUCKET.perSecond * 60 }],
		['Headers only: concurrency 5, no ceiling (as across queue-mode workers)', { concurrency: 5, maxPerMinute: 0 }],
		['One by one: concurrency 1, no ceiling (as before; the gate still reads headers and 429s)', { concurrency: 1, maxPerMinute: 0 }],
	];
	for (const [mode, sending] of modes) {
		rateRows.push({ mode, m: await campaign(RATE_MESSAGES, sending) });
		runs++;
	}
	env.fake.setRateLimit(null).setLatency(0);
});

function report(): string {
	const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
	const base = latencyRows.find((r) => r.concurrency === 1)?.ms;
	const idealMs = (Math.max(0, RATE_MESSAGES - BUCKET.burst) / BUCKET.perSecond) * 1000;
	const cpu = os.cpus()[0]?.model?.trim() ?? 'unknown CPU';
	return [
		'',
		`Campaign benchmark — ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()}; loopback fakes through n8n-core`,
		'',
		`1. Latency-bound: ${LATENCY_MESSAGES} messages, every send answered after ${LATENCY_MS} ms, no limit`,
		'',
		'| Concurrency | Time | Messages/s | × concurrency 1 |',
		'| ---: | ---: | ---: | ---: |',
		...latencyRows.map(
			(r) => `| ${r.concurrency} | ${seconds(r.ms)} | ${((LATENCY_MESSAGES / r.ms) * 1000).toFixed(1)} | ${base ? (base / r.ms).toFixed(1) : '–'}× |`,
		),
		'',
		`2. Rate-bound: ${RATE_MESSAGES} messages, leaky bucket of ${BUCKET.burst} leaking ${BUCKET.perSecond}/s (429 + Retry-After + X-RateLimit-*), 20 ms per answer; ideal ${seconds(idealMs)}`,
		'',
		'| Mode | Time | Ideal ÷ time | 429s | 429s / requests |',
		'| --- | ---: | ---: | ---: | ---: |',
		...rateRows.map(
			({ mode, m }) =>
				`| ${mode} | ${seconds(m.ms)} | ${(idealMs / m.ms).toFixed(2)} | ${m.rateLimited} | ${((m.rateLimited / m.requests) * 100).toFixed(1)} % |`,
		),
		'',
		`3. Invariants over all ${runs} runs (asserted): lost ${invariants.lost}, duplicated ${invariants.duplicated}, order ${invariants.orderBroken === 0 ? 'intact' : `broken in ${invariants.orderBroken} runs`}`,
		'',
	].join('\n');
}
