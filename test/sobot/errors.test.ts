import { SobotApi } from '../../credentials/SobotApi.credentials';
import { RETRY_POLICY } from '../../nodes/shared/request';
import { testCredential } from '../harness/credential-test';
import { runNode } from '../harness/engine';
import { providerPerFile, recordWaits } from '../harness/provider';
import { API_KEY, API_SECRET, startSobot, wire } from './setup';

const env = providerPerFile(startSobot);
const waits = recordWaits();

const sendText = (extra: Record<string, unknown> = {}) => ({
	parameters: { resource: 'message', operation: 'sendText', customerNumber: '919960123456', text: 'Hello', ...extra },
});
const SEND = ['POST', '/message/'];
const sends = () => wire(env.fake.requests).map((w) => w.slice(0, 2));

describe('Sobot’s errors become NodeApiError with Sobot’s own message', () => {
	test('HTTP 400 with the documented error body', async () => {
		env.fake.failNext({ status: 400, body: { message: 'Invalid mobile number', code: 400 } });
		const result = await runNode(env.action, sendText());
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('Sobot: Invalid mobile number');
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.description).toMatch(/Response: \{"message":"Invalid mobile number","code":400\}/);
	});

	test('HTTP 200 whose body says code 400 is a failure, reported as 400', async () => {
		env.fake.failNext({ status: 200, body: { message: 'Invalid customer_number', code: 400 } });
		const result = await runNode(env.action, sendText());
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('Sobot: Invalid customer_number');
		expect(result.error?.httpCode).toBe('400');
		expect(result.items).toHaveLength(0);
	});

	test('HTTP 201 with an error code and no message still fails', async () => {
		env.fake.failNext({ status: 201, body: { code: 500 } });
		const result = await runNode(env.action, sendText());
		expect(result.error?.message).toBe('Sobot: the request failed with code 500');
		expect(result.error?.httpCode).toBe('500');
	});

	test('HTTP 200 with code 401 in the body points to the credential', async () => {
		env.fake.failNext({ status: 200, body: { message: 'Invalid API keys', code: 401 } });
		const result = await runNode(env.action, sendText());
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.description).toMatch(/credential/i);
	});

	test('wrong keys: 401, a hint to the credential, and no key or secret anywhere in the error', async () => {
		const result = await runNode({ ...env.action, credentials: { ...env.credentials, apiKey: 'wrong-key-123', apiSecret: 'wrong-secret-456' } }, sendText());
		expect(result.error?.message).toBe('Sobot: Invalid API credentials');
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.description).toMatch(/credential/i);
		const serialised = JSON.stringify(result.error) + String(result.error?.description) + String(result.error?.stack);
		expect(serialised).not.toContain('wrong-key-123');
		expect(serialised).not.toContain('wrong-secret-456');
	});

	test('secrets echoed back by Sobot are redacted', async () => {
		env.fake.failNext({ status: 400, body: { message: `Key ${API_KEY} with secret ${API_SECRET} is disabled`, code: 400 } });
		const result = await runNode(env.action, sendText());
		expect(result.error?.message).toBe('Sobot: Key *** with secret *** is disabled');
		expect(JSON.stringify(result.error) + String(result.error?.description)).not.toMatch(new RegExp(`${API_KEY}|${API_SECRET}`));
	});

	test('a fake in "HTTP 200 for errors" mode: the duplicate customer is still recognised for upsert', async () => {
		const lenient = await startSobot({ errorHttpStatus: 200 });
		try {
			const params = { resource: 'customer', operation: 'add', mobile: '919960100003', name: 'Aditya Sharma' };
			const failed = await runNode(lenient.action, { parameters: params });
			expect(failed.error?.message).toBe('Sobot: Customer already exists');
			expect(failed.error?.httpCode).toBe('400');
			lenient.fake.clearRequests();
			const upserted = await runNode(lenient.action, { parameters: { ...params, ifExists: 'update' } });
			expect(upserted.error).toBeUndefined();
			expect(wire(lenient.fake.requests).map((w) => w.slice(0, 2))).toEqual([
				['POST', '/api/customer'],
				['PUT', '/api/customer/919960100003'],
			]);
			expect(upserted.items[0].json).toMatchObject({ action: 'updated' });
		} finally {
			await lenient.fake.stop();
		}
	});

	test('an unreachable Sobot names the base URL and the network error', async () => {
		const result = await runNode({ ...env.action, credentials: { ...env.credentials, baseUrl: 'http://127.0.0.1:9' } }, sendText());
		expect(result.error?.message).toBe('Sobot: could not connect');
		expect(result.error?.description).toMatch(/base URL/);
		expect(result.error?.description).toMatch(/ECONNREFUSED/);
		expect(waits).toEqual(RETRY_POLICY.backoffMs.slice(0, RETRY_POLICY.maxAttempts - 1));
	});
});

describe('retries never duplicate a send', () => {
	test('429 waits Retry-After, then sends once', async () => {
		env.fake.failNext({ status: 429, headers: { 'Retry-After': '1' }, body: { message: 'Too many requests', code: 429 } });
		const result = await runNode(env.action, sendText());
		expect(result.error).toBeUndefined();
		expect(waits).toEqual([1000]);
		expect(sends()).toEqual([SEND, SEND]);
		expect(env.fake.state().sent).toHaveLength(1);
	});

	test('503 (refused) is retried; the message is sent once', async () => {
		env.fake.failNext({ status: 503, headers: { 'Retry-After': '0' }, body: { message: 'Maintenance', code: 503 } });
		const result = await runNode(env.action, sendText());
		expect(result.error).toBeUndefined();
		expect(waits).toEqual([0]);
		expect(env.fake.state().sent).toHaveLength(1);
	});

	test('500 on a send is not repeated: Sobot may have accepted it', async () => {
		env.fake.failNext({ status: 500, body: { message: 'Internal error', code: 500 } });
		const result = await runNode(env.action, sendText());
		expect(result.error?.message).toBe('Sobot: Internal error');
		expect(result.error?.httpCode).toBe('500');
		expect(sends()).toEqual([SEND]);
	});

	test('a 502 on a read is retried', async () => {
		env.fake.failNext({ status: 502, body: 'Bad gateway', match: { method: 'GET' } });
		const result = await runNode(env.action, { parameters: { resource: 'customer', operation: 'getMany', returnAll: false, limit: 1 } });
		expect(result.error).toBeUndefined();
		expect(wire(env.fake.requests)).toEqual([
			['GET', '/api/customer?page=1', undefined],
			['GET', '/api/customer?page=1', undefined],
		]);
		expect(result.items).toHaveLength(1);
		expect(waits).toEqual([RETRY_POLICY.backoffMs[0]]);
	});

	test('a persistent 429 gives up after the bounded number of attempts', async () => {
		env.fake.failNext({ status: 429, headers: { 'Retry-After': '0' }, body: { message: 'Busy', code: 429 }, times: Infinity });
		const result = await runNode(env.action, sendText());
		expect(result.error?.httpCode).toBe('429');
		expect(env.fake.requests).toHaveLength(RETRY_POLICY.maxAttempts);
		expect(env.fake.state().sent).toHaveLength(0);
	});
});

describe('Continue On Fail', () => {
	test('failing items become error items; the others are sent and stay paired', async () => {
		env.fake.failNext({ status: 400, body: { message: 'Invalid mobile number', code: 400 }, match: { method: 'POST', path: '/message/' } });
		const result = await runNode(env.action, {
			parameters: { resource: 'message', operation: 'sendText', customerNumber: '={{ $json.to }}', text: 'Hi' },
			items: [{ json: { to: '919960100001' } }, { json: { to: 'not a number' } }, { json: { to: '919960100003' } }],
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => [i.json.error ?? i.json.to, i.json.httpCode ?? null, i.pairedItem])).toEqual([
			['Sobot: Invalid mobile number', '400', { item: 0 }],
			['"Customer Number" is not a valid phone number: "not a number" [item 1]', null, { item: 1 }],
			['919960100003', null, { item: 2 }],
		]);
		expect(env.fake.state().sent.map((s) => s.body.customer_number)).toEqual(['919960100003']);
	});
});

describe('credential test', () => {
	test('valid keys pass with one page of customers', async () => {
		const result = await testCredential(new SobotApi(), env.credentials);
		expect(result.status).toBe('OK');
		expect(wire(env.fake.requests)).toEqual([['GET', '/api/customer?page=1', undefined]]);
		expect(env.fake.requests[0].headers['x-api-key']).toBe(API_KEY);
		expect(env.fake.requests[0].headers['x-api-secret']).toBe(API_SECRET);
	});

	test('a wrong secret fails', async () => {
		const result = await testCredential(new SobotApi(), { ...env.credentials, apiSecret: 'nope' });
		expect(result.status).toBe('Error');
	});

	test('code 401 inside an HTTP 200 fails with a clear message', async () => {
		env.fake.failNext({ status: 200, body: { message: 'Invalid API keys', code: 401 } });
		const result = await testCredential(new SobotApi(), env.credentials);
		expect(result).toMatchObject({ status: 'Error', message: 'Sobot did not accept this API key and secret' });
	});

	test('a base URL with a trailing slash works', async () => {
		const result = await testCredential(new SobotApi(), { ...env.credentials, baseUrl: `${env.origin}/` });
		expect(result.status).toBe('OK');
		expect(env.fake.requests[0].path).toBe('/api/customer');
	});

	test('secrets are password fields and sent only as headers', () => {
		const type = new SobotApi();
		for (const name of ['apiKey', 'apiSecret']) {
			expect(type.properties.find((p) => p.name === name)?.typeOptions?.password).toBe(true);
		}
		expect(type.properties.find((p) => p.name === 'baseUrl')?.default).toBe('https://api.sobot.in');
		expect(type.authenticate).toEqual({
			type: 'generic',
			properties: { headers: { 'x-api-key': '={{$credentials.apiKey}}', 'x-api-secret': '={{$credentials.apiSecret}}' } },
		});
	});
});
