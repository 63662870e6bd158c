import type { INodeParameters } from 'n8n-workflow';

import { TriggerHarness } from '../harness/trigger';
import { providerPerFile } from '../harness/provider';
import { startInbox360, TOKEN } from './setup';

const env = providerPerFile(startInbox360);
afterEach(async () => TriggerHarness.closeAll());

const params = (extra: INodeParameters = {}): INodeParameters => ({ registration: 'auto', ifWebhookExists: 'replace', events: ['message'], options: {}, ...extra });
const hooks = () => env.fake.state().webhooks as Array<{ id: number; url: string; on_incoming_message: boolean }>;
const wire = () => env.fake.requests.map((r) => [r.method, r.path.replace('/api/v1', ''), r.body ?? undefined]);

/** Someone else's webhook on the API user, set before the trigger is activated. */
async function presetWebhook(url: string) {
	const response = await fetch(`${env.origin}/api/v1/webhooks/waba/`, {
		method: 'POST',
		headers: { authorization: `Token ${TOKEN}`, 'content-type': 'application/json' },
		body: JSON.stringify({ url, on_incoming_message: false }),
	});
	expect(response.status).toBe(201);
	env.fake.clearRequests();
}

test('no webhook yet: activation creates ours with a secret; checkExists is one read; deactivation deletes it', async () => {
	const trigger = new TriggerHarness(env.trigger, params());
	expect(await trigger.checkExists()).toBe(false);
	expect(env.fake.requests).toHaveLength(0);
	await trigger.create();
	const [hook] = hooks();
	expect(hook.url).toMatch(new RegExp(`^${trigger.webhookUrl.replace(/[.?/]/g, '\\$&')}\\?secret=[\\w-]{32}$`));
	expect(wire()).toEqual([
		['GET', '/users/current/', undefined],
		['GET', '/webhooks/waba/', undefined],
		['POST', '/webhooks/waba/', { url: hook.url, on_incoming_message: true }],
	]);

	env.fake.clearRequests();
	expect(await trigger.checkExists()).toBe(true);
	expect(await trigger.checkExists()).toBe(true);
	expect(wire()).toEqual([
		['GET', '/webhooks/waba/', undefined],
		['GET', '/webhooks/waba/', undefined],
	]);

	env.fake.clearRequests();
	await trigger.delete();
	expect(hooks()).toEqual([]);
	expect(wire().slice(-1)).toEqual([['DELETE', `/webhooks/waba/${hook.id}/`, undefined]]);
	expect(trigger.staticData.registrations).toEqual({});
});

test('an existing webhook is replaced (PATCH refused with 405, PUT taken) and restored on deactivation', async () => {
	await presetWebhook('https://crm.example.com/inbox');
	const trigger = new TriggerHarness(env.trigger, params());
	await trigger.activate();
	const [hook] = hooks();
	expect(hook.url).toContain(trigger.webhookUrl);
	expect(hook.on_incoming_message).toBe(true);
	expect(wire().slice(-2)).toEqual([
		['PATCH', `/webhooks/waba/${hook.id}/`, { url: hook.url, on_incoming_message: true }],
		['PUT', `/webhooks/waba/${hook.id}/`, { url: hook.url, on_incoming_message: true }],
	]);
	const record = (trigger.staticData.registrations as Record<string, { replaced: unknown }>).production;
	expect(record.replaced).toEqual({ id: hook.id, url: 'https://crm.example.com/inbox', on_incoming_message: false });

	await trigger.delete();
	expect(hooks()).toEqual([expect.objectContaining({ id: hook.id, url: 'https://crm.example.com/inbox', on_incoming_message: false })]);
});

test('"Fail Activation" leaves an existing webhook alone and names it (without its query)', async () => {
	await presetWebhook('https://crm.example.com/inbox?auth=theirs');
	const trigger = new TriggerHarness(env.trigger, params({ ifWebhookExists: 'fail' }));
	expect(await trigger.checkExists()).toBe(false);
	await expect(trigger.create()).rejects.toThrow('This inbox user already has a webhook: https://crm.example.com/inbox');
	expect(hooks()[0].url).toBe('https://crm.example.com/inbox?auth=theirs');
});

test('deactivation leaves alone a webhook someone changed since', async () => {
	const trigger = new TriggerHarness(env.trigger, params());
	await trigger.activate();
	const [hook] = hooks();
	await fetch(`${env.origin}/api/v1/webhooks/waba/${hook.id}/`, {
		method: 'PUT',
		headers: { authorization: `Token ${TOKEN}`, 'content-type': 'application/json' },
		body: JSON.stringify({ url: 'https://newer.example.com/hook' }),
	});
	await trigger.delete();
	expect(hooks()).toEqual([expect.objectContaining({ url: 'https://newer.example.com/hook' })]);
	expect(env.fake.requests.filter((r) => r.method === 'DELETE' || r.method === 'PUT')).toHaveLength(1); // only the one above
});

test('re-activation keeps the secret and what was first replaced', async () => {
	await presetWebhook('https://crm.example.com/inbox');
	const trigger = new TriggerHarness(env.trigger, params());
	await trigger.activate();
	const first = hooks()[0].url;
	await trigger.create(); // e.g. n8n re-registering after a restart
	expect(hooks()[0].url).toBe(first);
	await trigger.delete();
	expect(hooks()[0].url).toBe('https://crm.example.com/inbox');
});

test('a webhook someone removed makes checkExists false, and activation sets it again', async () => {
	const trigger = new TriggerHarness(env.trigger, params());
	await trigger.activate();
	await fetch(`${env.origin}/api/v1/webhooks/waba/${hooks()[0].id}/`, { method: 'DELETE', headers: { authorization: `Token ${TOKEN}` } });
	expect(await trigger.checkExists()).toBe(false);
	await trigger.create();
	expect(hooks()).toHaveLength(1);
});

test('manual registration touches nothing at the inbox', async () => {
	const trigger = new TriggerHarness(env.trigger, params({ registration: 'manual' }));
	await trigger.activate();
	await trigger.delete();
	expect(env.fake.requests).toHaveLength(0);
});

test('Username & Password credentials register too (token fetched first)', async () => {
	const user = env.withCredentials({ authentication: 'usernamePassword', username: 'n8n-bot', password: 'bot-password-1' });
	const trigger = new TriggerHarness(user.trigger, params());
	await trigger.activate();
	expect(hooks()).toHaveLength(1);
	expect(env.fake.requests[0].path).toBe('/api/v1/auth/token/');
});

test('an admin API user sees every user’s webhook: only its own is replaced or removed', async () => {
	const apiUser = env.fake.db.users.find((u: { id: number }) => u.id === 42);
	apiUser.profile.role = 'admin';
	const konrads = { id: 90, user: { id: 1, username: 'konrad', url: `${env.origin}/api/v1/users/1/` }, url: 'https://crm.example.com/konrad', on_incoming_message: true };
	env.fake.db.webhooks.push({ ...konrads });
	const trigger = new TriggerHarness(env.trigger, params());
	await trigger.activate();
	expect(hooks()).toEqual([konrads, expect.objectContaining({ user: expect.objectContaining({ id: 42 }), url: expect.stringContaining(trigger.webhookUrl) })]);
	expect(await trigger.checkExists()).toBe(true);
	await trigger.delete();
	expect(hooks()).toEqual([konrads]);
});

test('an activation the inbox refuses halfway: the clean-up n8n then runs leaves the existing webhook as it was', async () => {
	await presetWebhook('https://crm.example.com/inbox');
	env.fake.failNext({ status: 400, body: { url: ['Enter a valid URL.'] }, match: { method: 'PUT', path: /^\/api\/v1\/webhooks\/waba\/\d+\/$/ } });
	const trigger = new TriggerHarness(env.trigger, params());
	await expect(trigger.create()).rejects.toThrow('360dialog Inbox: url: Enter a valid URL.');
	env.fake.clearRequests();
	await trigger.delete(); // n8n removes what a failed activation may have set
	expect(hooks()).toEqual([expect.objectContaining({ url: 'https://crm.example.com/inbox', on_incoming_message: false })]);
	expect(wire().filter(([method]) => method !== 'GET')).toEqual([]);
	expect(trigger.staticData.registrations).toEqual({});
});

test('an admin inbox with more webhooks than one page: its own, on a later page, is found, replaced, checked and restored', async () => {
	const apiUser = env.fake.db.users.find((u: { id: number }) => u.id === 42);
	apiUser.profile.role = 'admin';
	await presetWebhook('https://crm.example.com/bots-own');
	const own = hooks()[0];
	// 150 other users' webhooks listed before the API user's own: the first page (limit 100) misses it.
	const others = Array.from({ length: 150 }, (_, i) => ({ id: 1000 + i, user: { id: 500 + i, username: `agent${i}`, url: `${env.origin}/api/v1/users/${500 + i}/` }, url: `https://crm.example.com/agent${i}`, on_incoming_message: true }));
	env.fake.db.webhooks.unshift(...others.map((h) => ({ ...h })));

	const trigger = new TriggerHarness(env.trigger, params());
	await trigger.activate();
	expect(hooks()).toHaveLength(151);
	expect(hooks()[150]).toEqual(expect.objectContaining({ id: own.id, url: expect.stringContaining(trigger.webhookUrl), on_incoming_message: true }));
	const listReads = env.fake.requests.filter((r) => r.method === 'GET' && r.path === '/api/v1/webhooks/waba/');
	expect(listReads.length).toBeGreaterThan(1);
	expect(env.fake.requests.filter((r) => r.method === 'POST')).toEqual([]);

	expect(await trigger.checkExists()).toBe(true);
	await trigger.delete();
	expect(hooks().slice(0, 150)).toEqual(others);
	expect(hooks()[150]).toEqual(expect.objectContaining({ id: own.id, url: 'https://crm.example.com/bots-own', on_incoming_message: false }));
});

test('an admin inbox with more webhooks than one page and none of its own: one is created and then found on the last page', async () => {
	const apiUser = env.fake.db.users.find((u: { id: number }) => u.id === 42);
	apiUser.profile.role = 'admin';
	const others = Array.from({ length: 120 }, (_, i) => ({ id: 1000 + i, user: { id: 500 + i, username: `agent${i}`, url: `${env.origin}/api/v1/users/${500 + i}/` }, url: `https://crm.example.com/agent${i}`, on_incoming_message: true }));
	env.fake.db.webhooks.push(...others.map((h) => ({ ...h })));
	const trigger = new TriggerHarness(env.trigger, params());
	await trigger.activate();
	expect(hooks()).toHaveLength(121);
	expect(await trigger.checkExists()).toBe(true);
	await trigger.delete();
	expect(hooks()).toEqual(others);
});

test('an admin inbox with 250 webhooks and its own on the first page: checkExists and deactivation read one page', async () => {
	const apiUser = env.fake.db.users.find((u: { id: number }) => u.id === 42);
	apiUser.profile.role = 'admin';
	const trigger = new TriggerHarness(env.trigger, params());
	await trigger.activate();
	const own = hooks()[0];
	// 249 other users' webhooks listed after the API user's own: three pages of 100 in all.
	const others = Array.from({ length: 249 }, (_, i) => ({ id: 1000 + i, user: { id: 500 + i, username: `agent${i}`, url: `${env.origin}/api/v1/users/${500 + i}/` }, url: `https://crm.example.com/agent${i}`, on_incoming_message: true }));
	env.fake.db.webhooks.push(...others.map((h) => ({ ...h })));
	expect(hooks()).toHaveLength(250);
	const listReads = () => env.fake.requests.filter((r) => r.method === 'GET' && r.path === '/api/v1/webhooks/waba/');

	env.fake.clearRequests();
	expect(await trigger.checkExists()).toBe(true);
	expect(listReads()).toHaveLength(1);

	env.fake.clearRequests();
	await trigger.delete();
	expect(listReads()).toHaveLength(1);
	expect(hooks()).toEqual(others);
	expect(hooks().some((h) => h.id === own.id)).toBe(false);
});
