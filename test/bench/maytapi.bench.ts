import fs from 'node:fs';
import path from 'node:path';

import { maytapiDeliveries } from '../../nodes/Maytapi/webhook/events';
import { RecentKeys } from '../../nodes/shared/trigger/dedupe';
import { runNode } from '../harness/engine';
import { TriggerHarness } from '../harness/trigger';
import { startMaytapi } from '../maytapi/setup';

const results: Array<[string, number, string]> = [];

function report(name: string, count: number, ms: number, unit: string) {
	results.push([name, Math.round((count / ms) * 1000), `${unit}/s (${count} in ${ms.toFixed(0)} ms)`]);
}

async function measure(name: string, count: number, unit: string, fn: () => Promise<unknown> | unknown) {
	const started = performance.now();
	await fn();
	report(name, count, performance.now() - started, unit);
}

afterAll(() => {
	const width = Math.max(...results.map((r) => r[0].length));
	// The benchmark's output is its report.
	console.log(['', 'Benchmark (2-core machine, loopback fakes)', ...results.map(([n, v, d]) => `${n.padEnd(width)}  ${String(v).padStart(8)} ${d}`)].join('\n'));
});

test('action node: items sent through n8n-core over HTTP', async () => {
	const env = await startMaytapi();
	try {
		const items = Array.from({ length: 300 }, (_, n) => ({ json: { to: `9053012${String(n).padStart(5, '0')}`, text: `Hi ${n}` } }));
		await runNode(env.action, { parameters: { resource: 'message', operation: 'sendText', to: '905301234567', text: 'warm-up' } });
		let failures = 0;
		await measure('sendText, 300 items in one execution', items.length, 'items', async () => {
			// Raw throughput: without Maytapi's default per-phone pacing (≈1 message a second).
			const sending = { delay: 0, jitter: 0, maxPerMinute: 0 };
			const r = await runNode(env.action, { parameters: { resource: 'message', operation: 'sendText', to: '={{ $json.to }}', text: '={{ $json.text }}', sending }, items });
			failures = r.error ? 1 : 0;
		});
		expect(failures).toBe(0);
	} finally {
		await env.fake.stop();
	}
});

test('trigger: deliveries over HTTP into webhook()', async () => {
	const env = await startMaytapi({ productId: '5f0c3e1a-7b2d-4c9e-9a41-3d6e8b2f1c07' });
	const trigger = new TriggerHarness(env.trigger, { registration: 'manual', events: ['message', 'status'], options: {} });
	try {
		const text = JSON.parse(fs.readFileSync(path.join(__dirname, '../maytapi/fixtures/incoming-text.json'), 'utf8'));
		const count = 500;
		await measure('webhook deliveries (distinct messages)', count, 'deliveries', async () => {
			for (let n = 0; n < count; n++) await trigger.deliver({ ...text, message: { ...text.message, id: `bench-${n}` } });
		});
	} finally {
		await trigger.close();
		await env.fake.stop();
	}
});

test('trigger core: mapping and dedupe without I/O', async () => {
	const batch = JSON.parse(fs.readFileSync(path.join(__dirname, '../maytapi/fixtures/ack-batch.json'), 'utf8'));
	const count = 20000;
	let events = 0;
	await measure('ack batch → normalised events (3 per batch)', count * 3, 'events', () => {
		for (let n = 0; n < count; n++) events += maytapiDeliveries.toEvents(maytapiDeliveries.schema.parse(batch)).length;
	});
	expect(events).toBe(count * 3);
	const keys = new RecentKeys({});
	await measure('dedupe look-ups at full capacity', 200000, 'keys', () => {
		for (let n = 0; n < 200000; n++) keys.seen(`message|m-${n % 1500}`);
	});
});
