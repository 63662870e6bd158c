import { RETRY_POLICY } from '../../nodes/shared/request';
import { runNode } from '../harness/engine';
import { providerPerFile, recordWaits } from '../harness/provider';
import { startMaytapi, TOKEN } from './setup';

const env = providerPerFile(startMaytapi);
const waits = recordWaits();

const sendText = (extra: Record<string, unknown> = {}) => ({
	parameters: { resource: 'message', operation: 'sendText', to: '905301234567', text: 'Hello', ...extra },
});
const sendPath = () => `${env.api}/1001/sendMessage`;

describe('provider errors become NodeApiError with the provider’s own message', () => {
	test('HTTP 200 with success:false', async () => {
		env.fake.failNext({ status: 200, body: { success: false, message: 'Phone is not active' } });
		const result = await runNode(env.action, sendText());
		expect(result.error?.message).toBe('Maytapi: Phone is not active');
		expect(result.error?.name).toBe('NodeApiError');
		expect(env.fake.requests).toHaveLength(1);
	});

	test('a missing required field is rejected before anything is sent', async () => {
		const result = await runNode(env.action, { parameters: { resource: 'message', operation: 'sendProduct', to: '905301234567', productId: ' ' } });
		// Caught by the node before sending: the product is required.
		expect(result.error?.message).toMatch(/"Product" is required \[item 0\]/);
		expect(env.fake.requests).toHaveLength(0);
	});

	test('401 says to check the credential and never shows the token', async () => {
		const result = await runNode({ ...env.action, credentials: { ...env.credentials, apiToken: 'wrong-token-123' } }, sendText());
		expect(result.error?.message).toBe('Maytapi: Invalid token');
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.description).toMatch(/credential/i);
		expect(JSON.stringify(result.error)).not.toContain('wrong-token-123');
	});

	test('a secret echoed back by the provider is redacted', async () => {
		env.fake.failNext({ status: 400, body: { success: false, message: `Bad key ${TOKEN}!` } });
		const result = await runNode(env.action, sendText());
		expect(result.error?.message).toBe('Maytapi: Bad key ***!');
		expect(JSON.stringify(result.error)).not.toContain(TOKEN);
	});

	test('404 for an unknown phone names the resource', async () => {
		const result = await runNode(env.action, sendText({ phoneId: { __rl: true, mode: 'id', value: '999' } }));
		expect(result.error?.message).toBe('Maytapi: Phone not found');
		expect(result.error?.httpCode).toBe('404');
	});

	test('500 on a send is not retried (it may have been queued) and reports the status', async () => {
		env.fake.failNext({ status: 500, body: { success: false, message: 'Internal error' } });
		const result = await runNode(env.action, sendText());
		expect(result.error?.message).toBe('Maytapi: Internal error');
		expect(result.error?.httpCode).toBe('500');
		expect(env.fake.requests).toHaveLength(1);
	});
});

describe('rate limits and retries', () => {
	test('429 waits Retry-After, then sends once', async () => {
		env.fake.failNext({ status: 429, headers: { 'Retry-After': '1' }, body: { success: false, message: 'Too many requests' } });
		const result = await runNode(env.action, sendText());
		expect(result.error).toBeUndefined();
		expect(waits).toEqual([1000]);
		// Two attempts reached the provider, and only the second was accepted: one message queued.
		expect(env.fake.requests.map((r) => r.path)).toEqual([sendPath(), sendPath()]);
		expect(env.fake.state().sent).toHaveLength(1);
		expect(result.items).toHaveLength(1);
	});

	test('429 honours X-RateLimit-Reset when there is no Retry-After', async () => {
		const reset = String(Math.ceil(Date.now() / 1000) + 1);
		env.fake.failNext({ status: 429, headers: { 'X-RateLimit-Reset': reset, 'X-RateLimit-Remaining': '0' }, body: { success: false, message: 'Slow down' } });
		const result = await runNode(env.action, sendText());
		expect(result.error).toBeUndefined();
		// The reset is 1–2 s ahead of the clock the test started on.
		expect(waits).toHaveLength(1);
		expect(waits[0]).toBeGreaterThanOrEqual(1000);
		expect(waits[0]).toBeLessThanOrEqual(2100);
		expect(env.fake.state().sent).toHaveLength(1);
	});

	test('a 429 that asks for longer than the cap fails clearly instead of blocking', async () => {
		env.fake.failNext({ status: 429, headers: { 'Retry-After': String(RETRY_POLICY.maxWaitMs / 1000 + 60) }, body: { success: false, message: 'Daily quota' } });
		const result = await runNode(env.action, sendText());
		expect(result.error?.message).toBe('Maytapi: Daily quota');
		expect(result.error?.httpCode).toBe('429');
		expect(env.fake.requests).toHaveLength(1);
		expect(waits).toEqual([]);
	});

	test('a persistent 429 gives up after the bounded number of attempts', async () => {
		env.fake.failNext({ status: 429, headers: { 'Retry-After': '0' }, body: { success: false, message: 'Busy' }, times: Infinity });
		const result = await runNode(env.action, sendText());
		expect(result.error?.httpCode).toBe('429');
		expect(env.fake.requests).toHaveLength(RETRY_POLICY.maxAttempts);
	});

	test('503 on a send is retried: the provider refused it', async () => {
		env.fake.failNext({ status: 503, headers: { 'Retry-After': '0' }, body: 'Service Unavailable' });
		const result = await runNode(env.action, sendText());
		expect(result.error).toBeUndefined();
		expect(waits).toEqual([0]);
		expect(env.fake.state().sent).toHaveLength(1);
	});

	test('502 is retried for a read but never for a send', async () => {
		env.fake.failNext({ status: 502, body: 'Bad Gateway', match: { path: `${env.api}/1001/status` } });
		const read = await runNode(env.action, { parameters: { resource: 'phone', operation: 'getStatus' } });
		expect(read.error).toBeUndefined();
		expect(env.fake.requests).toHaveLength(2);
		expect(waits).toEqual([RETRY_POLICY.backoffMs[0]]);

		env.fake.reset();
		env.fake.failNext({ status: 502, body: 'Bad Gateway' });
		const send = await runNode(env.action, sendText());
		expect(send.error?.httpCode).toBe('502');
		expect(env.fake.requests).toHaveLength(1);
	});

	test('a dropped connection after sending is not repeated: nothing is sent twice', async () => {
		env.fake.failNext({ disconnect: true });
		const result = await runNode(env.action, sendText());
		expect(result.error?.message).toMatch(/^Maytapi: the connection broke .* not repeated to avoid a duplicate$/);
		expect(result.error?.description).toMatch(/ECONNRESET|socket hang up/);
		expect(env.fake.requests).toHaveLength(1);
	});

	test('a dropped connection on a read is retried', async () => {
		env.fake.failNext({ disconnect: true });
		const result = await runNode(env.action, { parameters: { resource: 'phone', operation: 'getStatus' } });
		expect(result.error).toBeUndefined();
		expect(env.fake.requests).toHaveLength(2);
		expect(waits).toEqual([RETRY_POLICY.backoffMs[0]]);
	});

	test('connection refused is retried (never reached the provider), then reported', async () => {
		const result = await runNode({ ...env.action, credentials: { ...env.credentials, baseUrl: 'http://127.0.0.1:9/api' } }, sendText());
		expect(result.error?.message).toBe('Maytapi: could not connect');
		expect(result.error?.description).toMatch(/base URL/);
		expect(result.error?.description).toMatch(/ECONNREFUSED/);
		// Every attempt but the last waited its backoff.
		expect(waits).toEqual(RETRY_POLICY.backoffMs.slice(0, RETRY_POLICY.maxAttempts - 1));
	});
});

describe('Continue On Fail', () => {
	test('a failing item becomes an error item; the others still run and stay paired', async () => {
		const result = await runNode(env.action, {
			parameters: { resource: 'message', operation: 'sendText', to: '={{ $json.to }}', text: 'Hi' },
			items: [{ json: { to: '905301234567' } }, { json: { to: 'not a number' } }, { json: { to: '905301234568' } }],
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		expect(result.items[0].json).toMatchObject({ success: true });
		expect(result.items[1].json).toEqual({
			error: '"To" is not a valid phone number: "not a number" [item 1]',
			description: expect.stringContaining('country code'),
		});
		expect(result.items[2].json).toMatchObject({ success: true });
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(env.fake.requests).toHaveLength(2);
	});

	test('a provider error item carries the HTTP code', async () => {
		env.fake.failNext({ status: 200, body: { success: false, message: 'Phone is not active' } });
		const result = await runNode(env.action, { ...sendText(), continueOnFail: true });
		expect(result.items[0].json).toMatchObject({ error: 'Maytapi: Phone is not active', httpCode: '200' });
	});

	test('without it the execution stops at the failing item, naming it', async () => {
		const result = await runNode(env.action, {
			parameters: { resource: 'message', operation: 'sendText', to: '={{ $json.to }}', text: 'Hi' },
			items: [{ json: { to: '905301234567' } }, { json: { to: '12' } }],
		});
		expect(result.error?.message).toBe('"To" is not a valid phone number: "12" [item 1]');
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(env.fake.requests).toHaveLength(1);
	});
});
