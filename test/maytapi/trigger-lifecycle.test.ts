import type { INodeParameters } from 'n8n-workflow';

import { TriggerHarness } from '../harness/trigger';
import { startMaytapi } from './setup';

type Env = Awaited<ReturnType<typeof startMaytapi>>;
let env: Env;
let trigger: TriggerHarness;

const phone = { __rl: true, mode: 'id', value: '1001' };
const params = (extra: INodeParameters = {}): INodeParameters => ({ registration: 'phone', phoneId: phone, events: ['message'], ifWebhookExists: 'replace', ...extra });

beforeAll(async () => {
	env = await startMaytapi();
});
afterAll(async () => env.fake.stop());
beforeEach(async () => {
	await env.fake.stop();
	env = await startMaytapi(); // fresh provider state for each lifecycle
});
afterEach(async () => TriggerHarness.closeAll());

/** What the provider holds for phone 1001 / the product right now. */
const phoneConfig = () => env.fake.state().phoneConfig['1001'];
const product = () => env.fake.state().product;
const wire = () => env.fake.requests.map((r) => [r.method, r.path.replace(env.api, ''), r.body ?? undefined]);

describe('per-phone registration (the default)', () => {
	test('activation registers the production URL with a secret on the phone’s config; deactivation restores it', async () => {
		trigger = new TriggerHarness(env.trigger, params());
		expect(await trigger.checkExists()).toBe(false);
		await trigger.create();
		const registered = phoneConfig().webhook as string;
		expect(registered).toMatch(new RegExp(`^${trigger.webhookUrl.replace(/[.?/]/g, '\\$&')}\\?secret=[\\w-]{32}$`));
		expect(phoneConfig().ack_delivery).toBe(false);
		expect(wire()).toEqual([
			['GET', '/1001/config', undefined],
			['POST', '/1001/config', { webhook: registered, ack_delivery: false }],
		]);
		// Nothing product-wide was touched.
		expect(product().webhook).toBe('');

		env.fake.clearRequests();
		expect(await trigger.checkExists()).toBe(true);
		expect(wire()).toEqual([['GET', '/1001/config', undefined]]);

		env.fake.clearRequests();
		await trigger.delete();
		expect(phoneConfig()).toEqual({ webhook: '', ack_delivery: false });
		expect(wire()).toEqual([
			['GET', '/1001/config', undefined],
			['POST', '/1001/config', { webhook: '', ack_delivery: false }],
		]);
		expect(trigger.staticData.registrations).toEqual({});
	});

	test('status events turn ack delivery on for the registration', async () => {
		trigger = new TriggerHarness(env.trigger, params({ events: ['message', 'status'] }));
		await trigger.activate();
		expect(phoneConfig().ack_delivery).toBe(true);
	});

	test('someone else’s webhook is replaced, remembered and restored on deactivation', async () => {
		await fetch(`${env.credentials.baseUrl}/${env.credentials.productId}/1001/config`, {
			method: 'POST',
			headers: { 'x-maytapi-key': 'test-token', 'content-type': 'application/json' },
			body: JSON.stringify({ webhook: 'https://crm.example.com/maytapi', ack_delivery: true }),
		});
		trigger = new TriggerHarness(env.trigger, params());
		await trigger.activate();
		expect(phoneConfig().webhook).toContain(trigger.webhookUrl);
		// Acks stay on: the other integration had them on, and they are restored with it anyway.
		expect(phoneConfig().ack_delivery).toBe(true);
		const record = (trigger.staticData.registrations as Record<string, { replaced: unknown }>).production;
		expect(record.replaced).toEqual({ webhook: 'https://crm.example.com/maytapi', ack_delivery: true });

		await trigger.delete();
		expect(phoneConfig()).toEqual({ webhook: 'https://crm.example.com/maytapi', ack_delivery: true });
	});

	test('with "Fail Activation" an existing webhook is left alone and named in the error', async () => {
		await fetch(`${env.credentials.baseUrl}/${env.credentials.productId}/1001/config`, {
			method: 'POST',
			headers: { 'x-maytapi-key': 'test-token', 'content-type': 'application/json' },
			body: JSON.stringify({ webhook: 'https://crm.example.com/maytapi' }),
		});
		trigger = new TriggerHarness(env.trigger, params({ ifWebhookExists: 'fail' }));
		expect(await trigger.checkExists()).toBe(false);
		await expect(trigger.create()).rejects.toThrow('Maytapi already sends the events of phone 1001 to https://crm.example.com/maytapi');
		expect(phoneConfig().webhook).toBe('https://crm.example.com/maytapi');
	});

	test('deactivation leaves a webhook alone that someone set after activation', async () => {
		trigger = new TriggerHarness(env.trigger, params());
		await trigger.activate();
		await fetch(`${env.credentials.baseUrl}/${env.credentials.productId}/1001/config`, {
			method: 'POST',
			headers: { 'x-maytapi-key': 'test-token', 'content-type': 'application/json' },
			body: JSON.stringify({ webhook: 'https://newer.example.com/hook' }),
		});
		env.fake.clearRequests();
		await trigger.delete();
		expect(phoneConfig().webhook).toBe('https://newer.example.com/hook');
		expect(wire()).toEqual([['GET', '/1001/config', undefined]]);
	});

	test('changed settings re-register but keep what the first registration replaced', async () => {
		await fetch(`${env.credentials.baseUrl}/${env.credentials.productId}/1001/config`, {
			method: 'POST',
			headers: { 'x-maytapi-key': 'test-token', 'content-type': 'application/json' },
			body: JSON.stringify({ webhook: 'https://crm.example.com/maytapi', ack_delivery: false }),
		});
		trigger = new TriggerHarness(env.trigger, params());
		await trigger.activate();
		const firstUrl = phoneConfig().webhook;
		trigger.setParameters(params({ events: ['message', 'status'] }));
		expect(await trigger.checkExists()).toBe(false);
		await trigger.create();
		expect(phoneConfig()).toEqual({ webhook: firstUrl, ack_delivery: true });
		await trigger.delete();
		expect(phoneConfig()).toEqual({ webhook: 'https://crm.example.com/maytapi', ack_delivery: false });
	});

	test('a webhook changed behind its back makes checkExists false so n8n re-registers', async () => {
		trigger = new TriggerHarness(env.trigger, params());
		await trigger.activate();
		await fetch(`${env.credentials.baseUrl}/${env.credentials.productId}/1001/config`, {
			method: 'POST',
			headers: { 'x-maytapi-key': 'test-token', 'content-type': 'application/json' },
			body: JSON.stringify({ webhook: '' }),
		});
		expect(await trigger.checkExists()).toBe(false);
	});
});

describe('product-wide registration', () => {
	test('replaces the product webhook, enables acks when needed, and restores both', async () => {
		await fetch(`${env.credentials.baseUrl}/${env.credentials.productId}/setWebhook`, {
			method: 'POST',
			headers: { 'x-maytapi-key': 'test-token', 'content-type': 'application/json' },
			body: JSON.stringify({ webhook: 'https://legacy.example.com/all' }),
		});
		env.fake.clearRequests();
		trigger = new TriggerHarness(env.trigger, params({ registration: 'product', events: ['message', 'status'] }));
		await trigger.activate();
		const url = product().webhook as string;
		expect(url).toContain(trigger.webhookUrl);
		expect(product().ack_delivery).toBe(true);
		expect(wire()).toEqual([
			['GET', '/product', undefined],
			['POST', '/setWebhook', { webhook: url }],
			['POST', '/setAckPreference', { ack_delivery: true }],
		]);
		// Phones keep their own (empty) configs.
		expect(phoneConfig().webhook).toBe('');

		env.fake.clearRequests();
		await trigger.delete();
		expect(product()).toMatchObject({ webhook: 'https://legacy.example.com/all', ack_delivery: false });
		expect(wire()).toEqual([
			['GET', '/product', undefined],
			['POST', '/setWebhook', { webhook: 'https://legacy.example.com/all' }],
			['POST', '/setAckPreference', { ack_delivery: false }],
		]);
	});
});

describe('manual registration', () => {
	test('talks to Maytapi not at all', async () => {
		trigger = new TriggerHarness(env.trigger, params({ registration: 'manual' }));
		expect(await trigger.checkExists()).toBe(true);
		await trigger.create();
		await trigger.delete();
		expect(env.fake.requests).toHaveLength(0);
	});
});
