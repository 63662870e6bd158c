import { MaytapiApi } from '../../credentials/MaytapiApi.credentials';
import { SobotApi } from '../../credentials/SobotApi.credentials';
import { HttpFake } from '../fakes/http-fake';
import { testCredential } from '../harness/credential-test';
import { runNode } from '../harness/engine';
import { providerPerFile } from '../harness/provider';
import { startMaytapi } from '../maytapi/setup';
import { startSobot } from '../sobot/setup';

/** A second host (it records every request it gets): it must never see one, let alone a credential. */
const elsewhere = new HttpFake({ name: 'elsewhere' });
let elsewhereOrigin = '';
beforeAll(async () => {
	elsewhereOrigin = await elsewhere.start();
});
afterAll(async () => elsewhere.stop());
beforeEach(() => elsewhere.reset());

const hostOf = (origin: string) => new URL(origin).host;

describe('Maytapi: credentials never follow a redirect', () => {
	const env = providerPerFile(startMaytapi);

	test.each([
		['a read (GET)', { resource: 'phone', operation: 'getStatus' }, 302],
		['a send (POST)', { resource: 'message', operation: 'sendText', to: '905301234567', text: 'Hi' }, 307],
		['a binary download', { resource: 'phone', operation: 'getQrCode', binaryPropertyName: 'data' }, 301],
	])('%s answered with a redirect fails naming the target host, which sees nothing', async (_name, parameters, status) => {
		env.fake.failNext({ status, headers: { Location: `${elsewhereOrigin}/api/steal?x=1` }, body: '' });
		const result = await runNode(env.action, { parameters });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe(`Maytapi: the API answered with a redirect to ${hostOf(elsewhereOrigin)}, which is not followed`);
		expect(result.error?.httpCode).toBe(String(status));
		expect(result.error?.description).toMatch(/Base URL/);
		expect(env.fake.requests).toHaveLength(1);
		expect(elsewhere.requests).toHaveLength(0);
	});

	test('a relative redirect is not followed either (same host, but still a different request)', async () => {
		env.fake.failNext({ status: 308, headers: { Location: '/somewhere/else' }, body: '' });
		const result = await runNode(env.action, { parameters: { resource: 'phone', operation: 'getStatus' } });
		expect(result.error?.message).toBe(`Maytapi: the API answered with a redirect to ${hostOf(env.origin)}, which is not followed`);
		expect(env.fake.requests).toHaveLength(1);
	});

	test('the credential test does not follow a redirect either', async () => {
		env.fake.failNext({ status: 302, headers: { Location: `${elsewhereOrigin}/api/product` }, body: '' });
		const result = await testCredential(new MaytapiApi(), env.credentials);
		expect(result.status).toBe('Error');
		expect(env.fake.requests).toHaveLength(1);
		expect(elsewhere.requests).toHaveLength(0);
	});
});

describe('Sobot: the x-api-key / x-api-secret headers stay with Sobot', () => {
	const env = providerPerFile(() => startSobot());

	test('a redirect on the customer list is reported and not followed', async () => {
		env.fake.failNext({ status: 302, headers: { Location: `${elsewhereOrigin}/api/customer?page=1` }, body: '' });
		const result = await runNode(env.action, { parameters: { resource: 'customer', operation: 'getMany', returnAll: false, limit: 1 } });
		expect(result.error?.message).toBe(`Sobot: the API answered with a redirect to ${hostOf(elsewhereOrigin)}, which is not followed`);
		expect(env.fake.requests).toHaveLength(1);
		expect(elsewhere.requests).toHaveLength(0);
	});

	test('the credential test does not follow a redirect either', async () => {
		env.fake.failNext({ status: 301, headers: { Location: `${elsewhereOrigin}/api/customer?page=1` }, body: '' });
		const result = await testCredential(new SobotApi(), env.credentials);
		expect(result.status).toBe('Error');
		expect(env.fake.requests).toHaveLength(1);
		expect(elsewhere.requests).toHaveLength(0);
	});
});
