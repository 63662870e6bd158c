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

beforeAll(() => setRateGateClock(scaled));
afterAll(() => setRateGateClock(undefined));

const CAMPAIGN = 300;
const recipients = Array.from({ length: CAMPAIGN }, (_, n) => ({ json: { phone: `9665${String(10000000 + n)}`, name: `Customer ${n}` } }));

/**
 * The same campaign under each of the gate's two brakes alone: the credential's plan (the platform
 * sends no rate-limit headers), and the platform's X-RateLimit-Remaining / -Reset (a plan far above
 * the real one). Either one keeps it clear of 429s.
 */
describe.each([
	['the Basic plan (no rate-limit headers from the platform)', { plan: 'basic', rateHeaders: false }],
	['the rate-limit headers (the credential claims a far larger plan)', { plan: 'custom', requestsPerMinute: 100_000, rateHeaders: true }],
])('paced by %s', (_name, options) => {
	const env = providerPerFile(() => startPlatform({ ...options, capacity: 60, leakPerSecond: 1, clock: scaled }));

	test(`a campaign of ${CAMPAIGN} button messages against a 60-per-minute bucket: 0 errors, 0 duplicates, (almost) no 429s`, async () => {
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
});
