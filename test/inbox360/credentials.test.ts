import { Inbox360Api } from '../../credentials/Inbox360Api.credentials';
import { DEFAULTS } from '../fakes/inbox360';
import { inbox360Provider } from '../../nodes/Inbox360/transport';
import { credentialTestUrl, testCredential } from '../harness/credential-test';
import { runNode } from '../harness/engine';
import { providerPerFile } from '../harness/provider';
import { chat, startInbox360, TOKEN, wire } from './setup';

const env = providerPerFile(startInbox360);

const sendText = { resource: 'message', operation: 'sendText', chat: chat('48123123123'), text: 'Hi' };

describe('Username & Password: the token comes from n8n’s credential pre-authentication', () => {
	test('first call logs in and stores the token; later runs reuse it', async () => {
		const user = env.withCredentials({ authentication: 'usernamePassword', username: DEFAULTS.username, password: DEFAULTS.password });
		const first = await runNode(user.action, { parameters: sendText });
		expect(first.error).toBeUndefined();
		expect(wire(env.fake.requests)).toEqual([
			['POST', '/auth/token/', { username: DEFAULTS.username, password: DEFAULTS.password }],
			['POST', '/messages/', { wa_id: '48123123123', type: 'text', text: { body: 'Hi' } }],
		]);
		expect(env.fake.requests[1].headers.authorization).toBe(`Token ${TOKEN}`);
		// Stored with the credential, as n8n stores it in its database.
		expect(user.credentials.sessionToken).toBe(TOKEN);

		env.fake.clearRequests();
		await runNode(user.action, { parameters: sendText });
		expect(wire(env.fake.requests).map((w) => w[1])).toEqual(['/messages/']);
	});

	test('a 403 "Invalid token" fetches a new token and repeats the call once', async () => {
		const user = env.withCredentials({ authentication: 'usernamePassword', username: DEFAULTS.username, password: DEFAULTS.password, sessionToken: 'stale0000000000000000000000000000000000' });
		const result = await runNode(user.action, { parameters: sendText });
		expect(result.error).toBeUndefined();
		expect(env.fake.requests.map((r) => [r.method, r.path.replace('/api/v1', ''), r.headers.authorization])).toEqual([
			['POST', '/messages/', 'Token stale0000000000000000000000000000000000'],
			['POST', '/auth/token/', undefined],
			['POST', '/messages/', `Token ${TOKEN}`],
		]);
		expect(user.credentials.sessionToken).toBe(TOKEN);
		expect(env.fake.state().sent).toHaveLength(1);
	});

	test('a token revoked at the inbox is replaced by the next login', async () => {
		const user = env.withCredentials({ authentication: 'usernamePassword', username: DEFAULTS.username, password: DEFAULTS.password });
		await runNode(user.action, { parameters: sendText });
		await fetch(`${env.origin}/__fake/rotate-token`, { method: 'POST' });
		env.fake.clearRequests();
		const result = await runNode(user.action, { parameters: sendText });
		expect(result.error).toBeUndefined();
		expect(wire(env.fake.requests).map((w) => w[1])).toEqual(['/messages/', '/auth/token/', '/messages/']);
		expect(user.credentials.sessionToken).toBe(env.fake.token);
		expect(user.credentials.sessionToken).not.toBe(TOKEN);
	});

	test('wrong password: the inbox’s reason, no send', async () => {
		const user = env.withCredentials({ authentication: 'usernamePassword', username: DEFAULTS.username, password: 'wrong' });
		const result = await runNode(user.action, { parameters: sendText });
		expect(result.error?.message).toMatch(/Unable to log in with provided credentials/);
		expect(result.error?.message).not.toContain('wrong');
		expect(wire(env.fake.requests).map((w) => w[1])).toEqual(['/auth/token/']);
	});

	test('with Token authentication a 403 is reported, not retried', async () => {
		const other = env.withCredentials({ authentication: 'token', token: 'bad0000000000000000000000000000000000000' });
		const result = await runNode(other.action, { parameters: sendText });
		expect(result.error?.message).toBe('360dialog Inbox: Invalid token.');
		expect(result.error?.httpCode).toBe('403');
		expect(result.error?.message).not.toContain('bad000');
		expect(env.fake.requests).toHaveLength(1);
	});
});

test('legacy D360-Api-Key is sent as its own header, without Authorization', async () => {
	const legacy = env.withCredentials({ authentication: 'd360ApiKey', d360ApiKey: DEFAULTS.d360ApiKey });
	const result = await runNode(legacy.action, { parameters: sendText });
	expect(result.error).toBeUndefined();
	expect(env.fake.requests[0].headers['d360-api-key']).toBe(DEFAULTS.d360ApiKey);
	expect(env.fake.requests[0].headers.authorization).toBeUndefined();
});

describe('credential test: GET /api/v1/users/current/', () => {
	test('passes with a good token (a trailing /api/v1/ in the URL is tolerated)', async () => {
		const result = await testCredential(new Inbox360Api(), { baseUrl: `${env.origin}/api/v1/`, authentication: 'token', token: TOKEN });
		expect(result.status).toBe('OK');
		expect(wire(env.fake.requests)).toEqual([['GET', '/users/current/', undefined]]);
		expect(env.fake.requests[0].headers.authorization).toBe(`Token ${TOKEN}`);
	});

	test('fails on the 403 of a bad token', async () => {
		const result = await testCredential(new Inbox360Api(), { baseUrl: env.origin, authentication: 'token', token: 'nope' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/403/);
	});
});

test.each(['https://acme.inbox.getchat.360dialog.io', ' https://acme.inbox.getchat.360dialog.io/ ', 'https://acme.inbox.getchat.360dialog.io/api/v1', 'https://acme.inbox.getchat.360dialog.io/api/v1//'])(
	'the credential test and the node build the same URL from Inbox URL %j',
	(baseUrl) => {
		const credentials = { baseUrl, authentication: 'token', token: 't' };
		expect(credentialTestUrl(new Inbox360Api(), credentials)).toBe(`${inbox360Provider.baseUrl(credentials)}/users/current/`);
		expect(inbox360Provider.baseUrl(credentials)).toBe('https://acme.inbox.getchat.360dialog.io/api/v1');
	},
);

describe('Username & Password: what does not fetch a new token', () => {
	const login = { authentication: 'usernamePassword', username: DEFAULTS.username, password: DEFAULTS.password };

	test('a 403 that is not "Invalid token" (not allowed to write to this chat) is reported, no login, no repeat', async () => {
		const user = env.withCredentials({ ...login, sessionToken: TOKEN });
		env.fake.failNext({ status: 403, body: { detail: 'You do not have permission to perform this action.' }, match: { method: 'POST', path: '/api/v1/messages/' } });
		const result = await runNode(user.action, { parameters: sendText });
		expect(result.error?.message).toBe('360dialog Inbox: You do not have permission to perform this action.');
		expect(wire(env.fake.requests).map((w) => w.slice(0, 2))).toEqual([['POST', '/messages/']]);
		expect(user.credentials.sessionToken).toBe(TOKEN);
	});

	test('a new token that is refused too: one login, the call repeated once, then the error', async () => {
		const user = env.withCredentials({ ...login, sessionToken: TOKEN });
		env.fake.failNext({ status: 403, body: { detail: 'Invalid token.' }, match: { method: 'POST', path: '/api/v1/messages/' }, times: 2 });
		const result = await runNode(user.action, { parameters: sendText });
		expect(result.error?.message).toBe('360dialog Inbox: Invalid token.');
		expect(wire(env.fake.requests).map((w) => w.slice(0, 2))).toEqual([['POST', '/messages/'], ['POST', '/auth/token/'], ['POST', '/messages/']]);
		expect(env.fake.state().sent).toEqual([]);
	});

	test('a stale token and a password changed since: the inbox’s login refusal, without the password', async () => {
		const user = env.withCredentials({ ...login, password: 'changed-elsewhere', sessionToken: 'stale0000000000000000000000000000000000' });
		const result = await runNode(user.action, { parameters: sendText });
		expect(result.error?.message).toBe('360dialog Inbox login failed: Unable to log in with provided credentials. (HTTP 400)');
		expect(`${result.error?.message} ${result.error?.description}`).not.toContain('changed-elsewhere');
		expect(wire(env.fake.requests).map((w) => w.slice(0, 2))).toEqual([['POST', '/messages/'], ['POST', '/auth/token/']]);
	});

	test('a stale token on an inferred endpoint: the fallback still happens, and the new token is fetched once', async () => {
		const user = env.withCredentials({ ...login, sessionToken: 'stale0000000000000000000000000000000000' });
		env.fake.failNext({ status: 405, body: { detail: 'Method "PUT" not allowed.' }, match: { method: 'PUT', path: '/api/v1/users/12/password/change/' } });
		const result = await runNode(user.action, { parameters: { resource: 'user', operation: 'setPassword', user: { __rl: true, mode: 'id', value: '12' }, password: 'Agent-pass-2026' } });
		expect(result.error).toBeUndefined();
		expect(env.fake.requests.map((r) => [r.method, r.path.replace('/api/v1', ''), r.headers.authorization])).toEqual([
			['PUT', '/users/12/password/change/', 'Token stale0000000000000000000000000000000000'],
			['PATCH', '/users/12/password/change/', 'Token stale0000000000000000000000000000000000'],
			['POST', '/auth/token/', undefined],
			['PATCH', '/users/12/password/change/', `Token ${TOKEN}`],
		]);
		expect(env.fake.state().passwordsSet).toEqual([12]);
	});
});
