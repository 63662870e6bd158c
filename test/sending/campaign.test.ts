import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { RecordedRequest } from '../fakes/http-fake';
import { providerPerFile } from '../harness/provider';
import { startSobot } from '../sobot/setup';
import { maxInFlightPerChat, runCampaign, startCampaign, VirtualClock } from './harness';

/** Campaign sends through the shared core, driven through n8n's engine against the Sobot fake. */
const env = providerPerFile(startSobot);

const number = (n: number) => `9199601${String(n).padStart(5, '0')}`;
const recipients = (count: number, chatOf: (n: number) => number = (n) => n): INodeExecutionData[] =>
	Array.from({ length: count }, (_, n) => ({ json: { phone: number(chatOf(n)), name: `N${n}`, n } }));

const sendText = (sending: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation: 'sendText',
	customerNumber: '={{ $json.phone }}',
	customerName: '={{ $json.name }}',
	text: '=Hi {{ $json.name }} #{{ $json.n }}',
	sending,
});

/** The item number a request carried (its text ends in `#n`). */
const itemOf = (request: RecordedRequest) => Number(/#(\d+)$/.exec(String(request.body?.message))?.[1]);
const sentCountByItem = () => {
	const counts = new Map<number, number>();
	for (const sent of env.fake.state().sent as Array<{ body: { message: string } }>) {
		const n = Number(/#(\d+)$/.exec(sent.body.message)?.[1]);
		counts.set(n, (counts.get(n) ?? 0) + 1);
	}
	return counts;
};

afterEach(() => env.fake.setLatency(0));

describe('order and pairing', () => {
	test('several in flight, answers out of order: outputs stay in input order, each paired to its item', async () => {
		// Earlier items answer later, so completion order is the reverse of input order.
		env.fake.setLatency((req) => 5 + (20 - (itemOf({ body: req.body } as RecordedRequest) % 20)) * 3);
		const items = recipients(20);
		const result = await runCampaign(env.action, sendText({ concurrency: 5 }), items);
		expect(result.error).toBeUndefined();
		expect(env.fake.maxInFlight).toBeGreaterThan(1);
		expect(env.fake.maxInFlight).toBeLessThanOrEqual(5);
		const [ok] = result.outputs;
		expect(ok.map((item) => [item.json.to, item.pairedItem])).toEqual(items.map((item, i) => [item.json.phone, { item: i }]));
		// Nothing lost, nothing twice.
		expect([...sentCountByItem().entries()].sort((a, b) => a[0] - b[0])).toEqual(items.map((_, i) => [i, 1]));
	});

	test('concurrency 1 is one request at a time, as before', async () => {
		env.fake.setLatency(5);
		const result = await runCampaign(env.action, sendText({ concurrency: 1 }), recipients(6));
		expect(result.error).toBeUndefined();
		expect(env.fake.maxInFlight).toBe(1);
		expect(env.fake.requests.map(itemOf)).toEqual([0, 1, 2, 3, 4, 5]);
	});
});

describe('per-chat serialisation', () => {
	test('two messages to one chat are never in flight at once, and reach it in input order', async () => {
		env.fake.setLatency(15);
		// Chats: A A B A C B A D — with 5 in flight, A's messages must still go one by one.
		const chats = [1, 1, 2, 1, 3, 2, 1, 4];
		const result = await runCampaign(env.action, sendText({ concurrency: 5 }), recipients(chats.length, (n) => chats[n]));
		expect(result.error).toBeUndefined();
		const chatOfRequest = (index: number) => String(env.fake.requests[index].body?.customer_number);
		expect(maxInFlightPerChat(env.fake.timeline, chatOfRequest)).toBe(1);
		// Other chats did run alongside.
		expect(env.fake.maxInFlight).toBeGreaterThan(1);
		const arrivalsTo = (chat: number) => env.fake.requests.filter((r) => r.body?.customer_number === number(chat)).map(itemOf);
		expect(arrivalsTo(1)).toEqual([0, 1, 3, 6]);
		expect(arrivalsTo(2)).toEqual([2, 5]);
		expect(result.outputs[0].map((item) => item.pairedItem)).toEqual(chats.map((_, i) => ({ item: i })));
	});

	test('+91 99601-00001 and 919960100001 are one chat', async () => {
		env.fake.setLatency(10);
		const items = [{ json: { phone: '+91 99601-00001', name: 'a', n: 0 } }, { json: { phone: '919960100001', name: 'b', n: 1 } }];
		const result = await runCampaign(env.action, sendText({ concurrency: 5 }), items);
		expect(result.error).toBeUndefined();
		expect(env.fake.maxInFlight).toBe(1);
	});
});

describe('failures: nothing lost, nothing twice', () => {
	test('Continue On Fail: failed items become error items in place; every other item is sent exactly once', async () => {
		env.fake.setLatency(5);
		const items = recipients(12);
		items[3].json.phone = 'not a number';
		items[8].json.phone = '12';
		const result = await runCampaign(env.action, sendText({ concurrency: 4 }), items, { onError: 'continueRegularOutput' });
		expect(result.error).toBeUndefined();
		const [out] = result.outputs;
		expect(out.map((item) => item.pairedItem)).toEqual(items.map((_, i) => ({ item: i })));
		expect(out[3].json.error).toMatch(/Customer Number.*\[item 3\]/);
		expect(out[8].json.error).toMatch(/\[item 8\]/);
		expect(out.filter((item) => item.json.error)).toHaveLength(2);
		const counts = sentCountByItem();
		expect([...counts.keys()].sort((a, b) => a - b)).toEqual([0, 1, 2, 4, 5, 6, 7, 9, 10, 11]);
		expect([...counts.values()].every((count) => count === 1)).toBe(true);
	});

	test('error output: failed items leave on output 2 with their input fields, the rest on output 1', async () => {
		env.fake.failNext({ status: 400, body: { message: 'Customer is blocked', code: 400 }, match: { path: '/message/' } });
		const items = recipients(5);
		const result = await runCampaign(env.action, sendText({ concurrency: 1 }), items, { onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		const [ok, failed] = result.outputs;
		expect(ok.map((item) => item.pairedItem)).toEqual([1, 2, 3, 4].map((item) => ({ item })));
		expect(failed).toHaveLength(1);
		// The input's own fields come along, so a retry branch can send exactly this item again.
		expect(failed[0].json).toMatchObject({ phone: number(0), name: 'N0', n: 0, error: 'Sobot: Customer is blocked' });
		expect(failed[0].json.details).toMatchObject({ httpCode: '400' });
		expect(failed[0].pairedItem).toEqual({ item: 0 });
	});

	test('without Continue On Fail the run stops at the failing item: nothing after the ones in flight starts', async () => {
		env.fake.setLatency(5);
		const items = recipients(20);
		items[4].json.phone = 'oops';
		const result = await runCampaign(env.action, sendText({ concurrency: 3 }), items);
		expect(result.error?.message).toMatch(/\[item 4\]/);
		// Items already in flight when item 4 failed may finish; none from further on was started.
		const started = env.fake.requests.map(itemOf);
		// Items 0–3 started before item 4 did, so they were all sent (in flight items finish).
		expect(started).toEqual(expect.arrayContaining([0, 1, 2, 3]));
		expect(Math.max(...started)).toBeLessThan(4 + 3);
		expect(new Set(started).size).toBe(started.length);
	});
});

describe('cancellation', () => {
	test('stopping the execution mid-campaign sends nothing more', async () => {
		env.fake.setLatency((_req, index) => {
			if (index === 2) campaign.cancel();
			return 20;
		});
		// With Continue On Fail the aborted request becomes an error item: the run itself must stop.
		const campaign = startCampaign(env.action, sendText({ concurrency: 1 }), recipients(10), { onError: 'continueRegularOutput' });
		await campaign.nodeDone;
		const run = await campaign.finished;
		expect(run.status).toBe('canceled');
		expect(env.fake.requests.map(itemOf)).toEqual([0, 1, 2]);
	});

	test('stopping it while the campaign waits between messages ends the wait, and nothing more is sent', async () => {
		env.fake.setLatency(() => {
			// Stop once the first message is out and the run is pausing before the next one.
			setImmediate(() => campaign.cancel());
			return 0;
		});
		const campaign = startCampaign(env.action, sendText({ concurrency: 1, delay: 600 }), recipients(3), { onError: 'continueRegularOutput' });
		await campaign.nodeDone;
		expect((await campaign.finished).status).toBe('canceled');
		expect(env.fake.requests.map(itemOf)).toEqual([0]);
	});
});

describe('one gate per credential, shared by items and executions', () => {
	let clock: VirtualClock;
	beforeEach(() => {
		clock = new VirtualClock().install();
	});
	afterEach(() => clock.uninstall());

	test('two executions with a ceiling of 60 a minute share it: six sends take five seconds, not two', async () => {
		const t0 = clock.now();
		const [a, b] = await Promise.all([
			runCampaign(env.action, sendText({ concurrency: 3, maxPerMinute: 60 }), recipients(3)),
			runCampaign(env.action, sendText({ concurrency: 3, maxPerMinute: 60 }), recipients(3, (n) => n + 10)),
		]);
		expect(a.error).toBeUndefined();
		expect(b.error).toBeUndefined();
		expect(env.fake.requests).toHaveLength(6);
		// One send a second on one gate; two separate gates would have finished after two seconds.
		expect(clock.now() - t0).toBeGreaterThanOrEqual(5000);
	});

	test('a 429 pauses every item of the campaign for Retry-After, then each is sent once', async () => {
		const sentAt: number[] = [];
		let refusedAt = 0;
		env.fake.setLatency((_req, index) => {
			sentAt[index] = clock.now();
			if (index === 0) refusedAt = clock.now();
			// The refused request answers at once; the others are slow, so later items start after the 429.
			return index === 0 ? 0 : 100;
		});
		env.fake.failNext({ status: 429, headers: { 'Retry-After': '3' }, body: { message: 'Too Many Requests', code: 429 } });
		const items = recipients(8);
		const result = await runCampaign(env.action, sendText({ concurrency: 3 }), items);
		expect(result.error).toBeUndefined();
		// Requests 1 and 2 were already in flight; every request started later waited for the pause.
		for (const at of sentAt.slice(3)) expect(at).toBeGreaterThanOrEqual(refusedAt + 3000);
		expect([...sentCountByItem().values()]).toEqual(Array(8).fill(1));
		expect(result.outputs[0].map((item) => item.pairedItem)).toEqual(items.map((_, i) => ({ item: i })));
	});

	test('writes that are safe to repeat (a PUT of a customer) are paced by the Sending options too', async () => {
		const t0 = clock.now();
		const items = [1, 2, 3].map((n) => ({ json: { mobile: number(n) } }));
		const result = await runCampaign(
			env.action,
			{ resource: 'customer', operation: 'update', mobile: '={{ $json.mobile }}', name: 'Campaign', sending: { concurrency: 3, maxPerMinute: 60 } },
			items,
		);
		expect(result.error).toBeUndefined();
		expect(env.fake.requests.map((r) => r.method)).toEqual(['PUT', 'PUT', 'PUT']);
		// A ceiling of one a second: the third update waits two seconds.
		expect(clock.now() - t0).toBeGreaterThanOrEqual(2000);
	});

	test('the delay between messages spaces one run’s sends, with jitter on top, even with several in flight', async () => {
		const t0 = clock.now();
		const result = await runCampaign(env.action, sendText({ concurrency: 4, delay: 2, jitter: 1 }), recipients(4));
		expect(result.error).toBeUndefined();
		expect(env.fake.requests).toHaveLength(4);
		// Three pauses of 2 to 3 seconds each.
		expect(clock.now() - t0).toBeGreaterThanOrEqual(6000);
		expect(clock.now() - t0).toBeLessThanOrEqual(9000);
	});
});

describe('progress in n8n’s log', () => {
	test('a long campaign reports every 30 seconds and at the end', async () => {
		const clock = new VirtualClock().install();
		const info = jest.spyOn(Container.get(Logger), 'info').mockImplementation(() => undefined);
		try {
			// 40 s between messages: item 2 settles more than 30 s after the start.
			const result = await runCampaign(env.action, sendText({ concurrency: 1, delay: 40 }), recipients(3));
			expect(result.error).toBeUndefined();
			const lines = info.mock.calls.map(([message]) => message).filter((message) => message.startsWith('Send: '));
			expect(lines).toEqual(['Send: 2 of 3 items done', 'Send: all 3 items done']);
		} finally {
			info.mockRestore();
			clock.uninstall();
		}
	});
});

describe('the Sending options', () => {
	test('are read once and checked before anything is sent', async () => {
		const result = await runCampaign(env.action, sendText({ concurrency: 0 }), recipients(2));
		expect(result.error?.message).toBe('Sending → "Concurrency" must be a whole number from 1 to 50, got "0"');
		expect(env.fake.requests).toHaveLength(0);
	});
});
