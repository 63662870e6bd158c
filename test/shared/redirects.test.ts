import { Inbox360Api } from '../../credentials/Inbox360Api.credentials';
import { LetsBotApi } from '../../credentials/LetsBotApi.credentials';
import { MaytapiApi } from '../../credentials/MaytapiApi.credentials';
import { SobotApi } from '../../credentials/SobotApi.credentials';
import { WhatsLoopApi } from '../../credentials/WhatsLoopApi.credentials';
import { HttpFake } from '../fakes/http-fake';
import { DEFAULTS } from '../fakes/inbox360';
import { testCredential } from '../harness/credential-test';
import { runNode } from '../harness/engine';
import { providerPerFile } from '../harness/provider';
import { startInbox360 } from '../inbox360/setup';
import { startMaytapi } from '../maytapi/setup';
import { startSobot } from '../sobot/setup';
import { startPlatform } from '../whatsloop/setup';

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

describe('360dialog Inbox: the token, key and password stay with the inbox', () => {
	const env = providerPerFile(startInbox360);

	test('a redirect on an API call is reported and not followed', async () => {
		env.fake.failNext({ status: 302, headers: { Location: `${elsewhereOrigin}/api/v1/users/current/` }, body: '' });
		const result = await runNode(env.action, { parameters: { resource: 'user', operation: 'getCurrent' } });
		expect(result.error?.message).toBe(`360dialog Inbox: the API answered with a redirect to ${hostOf(elsewhereOrigin)}, which is not followed`);
		expect(env.fake.requests).toHaveLength(1);
		expect(elsewhere.requests).toHaveLength(0);
	});

	test('the credential test does not follow a redirect either', async () => {
		env.fake.failNext({ status: 302, headers: { Location: `${elsewhereOrigin}/api/v1/users/current/` }, body: '' });
		const result = await testCredential(new Inbox360Api(), env.credentials);
		expect(result.status).toBe('Error');
		expect(env.fake.requests).toHaveLength(1);
		expect(elsewhere.requests).toHaveLength(0);
	});

	test('the Username & Password login does not follow a redirect (a 307 would resend the password): an error naming the target', async () => {
		// Every login is redirected (n8n's request layer tries the pre-authentication again after a failure).
		env.fake.failNext({ status: 307, headers: { Location: `${elsewhereOrigin}/api/v1/auth/token/` }, body: '', times: Infinity, match: { path: '/api/v1/auth/token/' } });
		const user = env.withCredentials({ authentication: 'usernamePassword', username: DEFAULTS.username, password: DEFAULTS.password });
		const result = await runNode(user.action, { parameters: { resource: 'message', operation: 'sendText', chat: { __rl: true, mode: 'id', value: '48123123123' }, text: 'Hi' } });
		expect(result.error?.message).toBe(`360dialog Inbox login failed: the inbox answered with a redirect to ${hostOf(elsewhereOrigin)}, which is not followed (HTTP 307)`);
		expect(`${result.error?.message} ${result.error?.description}`).not.toContain(DEFAULTS.password);
		expect(env.fake.requests.length).toBeGreaterThan(0);
		expect(env.fake.requests.map((r) => `${r.method} ${r.path}`).filter((r) => r !== 'POST /api/v1/auth/token/')).toEqual([]);
		expect(elsewhere.requests).toHaveLength(0);
	});
});

describe('WhatsLoop / Lets bot: the bearer token stays with the platform', () => {
	const env = providerPerFile(() => startPlatform());

	test.each([
		['WhatsLoop', () => env.whatsLoop],
		['Lets bot', () => env.letsBot],
	])('%s: a redirect on an API call is reported and not followed', async (brand, node) => {
		env.fake.failNext({ status: 301, headers: { Location: `${elsewhereOrigin}/api/v1/instance/status` }, body: '' });
		const result = await runNode(node(), { parameters: { resource: 'instance', operation: 'getStatus' } });
		expect(result.error?.message).toBe(`${brand}: the API answered with a redirect to ${hostOf(elsewhereOrigin)}, which is not followed`);
		expect(env.fake.requests).toHaveLength(1);
		expect(elsewhere.requests).toHaveLength(0);
	});

	test.each([
		['WhatsLoop', () => [new WhatsLoopApi(), env.whatsLoop.credentials] as const],
		['Lets bot', () => [new LetsBotApi(), env.letsBot.credentials] as const],
	])('%s: the credential test does not follow a redirect either', async (_brand, typeAndCredentials) => {
		const [type, credentials] = typeAndCredentials();
		env.fake.failNext({ status: 302, headers: { Location: `${elsewhereOrigin}/api/v1/message/fetch?limit=1` }, body: '' });
		const result = await testCredential(type, credentials);
		expect(result.status).toBe('Error');
		expect(env.fake.requests).toHaveLength(1);
		expect(elsewhere.requests).toHaveLength(0);
	});
});
