import { setRateGateClock } from '../../nodes/shared/rateGate';
import { runNode } from '../harness/engine';
import { providerPerFile } from '../harness/provider';
import { startPlatform } from './setup';

/**
 * Time runs SCALE times faster for the platform's bucket and the node's rate gate alike, so a
 * campaign that takes minutes on the platform's documented Basic plan (60 at once, then 1 per
 * second) runs in a few seconds here. No assertion looks at the wall clock.
 */
const SCALE = 100;
const t0 = Date.now();
const scaled = {
	now: () => t0 + (Date.now() - t0) * SCALE,
	sleep: async (ms: number) => await new Promise<void>((resolve) => setTimeout(resolve, ms / SCALE)),
};

const env = providerPerFile(() => startPlatform({ plan: 'basic', capacity: 60, leakPerSecond: 1, clock: scaled }));
beforeAll(() => setRateGateClock(scaled));
afterAll(() => setRateGateClock(undefined));

const CAMPAIGN = 300;
const recipients = Array.from({ length: CAMPAIGN }, (_, n) => ({ json: { phone: `9665${String(10000000 + n)}`, name: `Customer ${n}` } }));

test(`a campaign of ${CAMPAIGN} button messages on the Basic plan: 0 errors, 0 duplicates, (almost) no 429s`, async () => {
	const result = await runNode(env.whatsLoop, {
		parameters: {
			resource: 'interactive',
			operation: 'sendButtons',
			to: '={{ $json.phone }}',
			header: 'none',
			text: '=Hello {{ $json.name }}, your order is ready. Deliver today?',
			buttons: { button: [{ id: 'deliver', title: 'Deliver today' }, { id: 'later', title: 'Later' }] },
		},
		items: recipients,
		continueOnFail: true,
	});
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(CAMPAIGN);
	expect(result.items.filter((i) => i.json.error)).toEqual([]);
	// Output order is input order, and every item has its own message id.
	expect(result.items.map((i) => i.json.chatId)).toEqual(recipients.map((r) => `${r.json.phone}@s.whatsapp.net`));
	expect(new Set(result.items.map((i) => i.json.messageId)).size).toBe(CAMPAIGN);

	const { sent, throttled } = env.fake.state();
	expect(sent).toHaveLength(CAMPAIGN);
	expect(new Set(sent.map((s: { body: { phone: string } }) => s.body.phone)).size).toBe(CAMPAIGN);
	expect(throttled).toBeLessThanOrEqual(2);
	// Every request the platform saw was accepted or refused (429); nothing was sent twice.
	expect(env.fake.requests).toHaveLength(CAMPAIGN + throttled);
});
