import fs from 'node:fs';
import path from 'node:path';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { DEDUPE_CAPACITY, KEY_HASH_CHARS, MAX_STORED_KEY_CHARS, RecentKeys } from '../../nodes/shared/trigger/dedupe';
import { TriggerHarness } from '../harness/trigger';
import { startMaytapi } from './setup';

/**
 * Redeliveries and registration as they behave in a real n8n 2.41 (the harness keeps static data the
 * way n8n does: see test/harness/trigger.ts), plus the registration's fail-closed and atomic rules.
 */
const PRODUCT = '5f0c3e1a-7b2d-4c9e-9a41-3d6e8b2f1c07';
const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', `${name}.json`), 'utf8'));
const phone = { __rl: true, mode: 'id', value: '1001' };
const params = (extra: INodeParameters = {}): INodeParameters => ({
	registration: 'phone',
	phoneId: phone,
	events: ['message', 'status'],
	ifWebhookExists: 'replace',
	options: {},
	...extra,
});

type Env = Awaited<ReturnType<typeof startMaytapi>>;
let env: Env;
let trigger: TriggerHarness;

beforeEach(async () => {
	env = await startMaytapi({ productId: PRODUCT, phoneId: '1001' });
});
afterEach(async () => {
	await TriggerHarness.closeAll();
	await env.fake.stop();
});

const registeredSecret = (where: 'phone' | 'product' = 'phone') => {
	const url = where === 'phone' ? env.fake.state().phoneConfig['1001'].webhook : env.fake.state().product.webhook;
	return new URL(url as string).searchParams.get('secret')!;
};
const message = (id: string) => {
	const body = fixture('incoming-text');
	return { ...body, phone_id: 1001, phoneId: 1001, message: { ...body.message, id } };
};

describe('redeliveries in a real n8n (static data already holding the registration)', () => {
	test('the same delivery posted three times starts one execution', async () => {
		trigger = new TriggerHarness(env.trigger, params());
		await trigger.activate();
		const secret = registeredSecret();
		const body = message('redelivered-1');
		const answers = [];
		for (let n = 0; n < 3; n++) answers.push(await trigger.deliver(body, { query: { secret } }));
		expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
		expect(answers.map((a) => a.items.length)).toEqual([1, 0, 0]);
		expect(answers.map((a) => (a.body as { duplicates: number }).duplicates)).toEqual([0, 1, 1]);
	});

	test('the memory is saved with the delivery that starts the execution, and survives a restart', async () => {
		trigger = new TriggerHarness(env.trigger, params());
		await trigger.activate();
		const secret = registeredSecret();
		expect((await trigger.deliver(message('before-restart'), { query: { secret } })).items).toHaveLength(1);
		expect(trigger.staticData.recentKeys).toMatch(new RegExp(`^[0-9a-f]{${KEY_HASH_CHARS}}$`));
		expect(trigger.staticData.registrations).toHaveProperty('production');
		trigger.restart(); // the process's memory is gone; only the database remains
		expect((await trigger.deliver(message('before-restart'), { query: { secret } })).items).toHaveLength(0);
		expect((await trigger.deliver(message('after-restart'), { query: { secret } })).items).toHaveLength(1);
	});

	test('two copies arriving at the same moment start one execution', async () => {
		trigger = new TriggerHarness(env.trigger, params());
		await trigger.activate();
		const secret = registeredSecret();
		// Both requests read the stored static data before either is saved: only this process's memory can tell.
		trigger.arriveTogether(2);
		const answers = await Promise.all([1, 2].map(() => trigger.deliver(message('simultaneous-1'), { query: { secret } })));
		expect(answers.map((a) => a.status)).toEqual([200, 200]);
		expect(answers.map((a) => (a.body as { accepted: number }).accepted).sort()).toEqual([0, 1]);
	});

	test('every key is kept, not only the first one saved', async () => {
		trigger = new TriggerHarness(env.trigger, params());
		await trigger.activate();
		const secret = registeredSecret();
		expect((await trigger.deliver(message('a-1'), { query: { secret } })).items).toHaveLength(1);
		expect((await trigger.deliver(message('b-1'), { query: { secret } })).items).toHaveLength(1);
		trigger.restart();
		expect((await trigger.deliver(message('a-1'), { query: { secret } })).items).toHaveLength(0);
		expect((await trigger.deliver(message('b-1'), { query: { secret } })).items).toHaveLength(0);
	});
});

describe('dedupe memory is bounded in bytes', () => {
	test('each key is stored as a fixed-size hash, however long the delivery’s id', async () => {
		trigger = new TriggerHarness(env.trigger, params({ registration: 'manual', events: ['message'] }));
		await trigger.deliver({ ...message('x'.repeat(256)), phone_id: undefined, phoneId: undefined });
		expect(String(trigger.staticData.recentKeys)).toHaveLength(KEY_HASH_CHARS);
	});

	test('ids longer than 256 characters are malformed (400)', async () => {
		trigger = new TriggerHarness(env.trigger, params({ registration: 'manual', events: ['message'] }));
		const answer = await trigger.deliver({ ...message('x'.repeat(257)), phone_id: undefined, phoneId: undefined });
		expect(answer.status).toBe(400);
		expect(answer.items).toHaveLength(0);
	});

	test('the stored ring never exceeds capacity × hash size, whatever is recorded', () => {
		const data: IDataObject = {};
		const keys = new RecentKeys(data, 'bounded-test');
		for (let n = 0; n < DEDUPE_CAPACITY * 3; n++) keys.seen(`message|${'long-id-'.repeat(30)}${n}`);
		keys.persist();
		expect(String(data.recentKeys)).toHaveLength(MAX_STORED_KEY_CHARS);
		expect(MAX_STORED_KEY_CHARS).toBeLessThanOrEqual(16_000);
		// The oldest keys were forgotten first, the newest remembered.
		const again = new RecentKeys(data);
		expect(again.seen(`message|${'long-id-'.repeat(30)}0`)).toBe(false);
		expect(again.seen(`message|${'long-id-'.repeat(30)}${DEDUPE_CAPACITY * 3 - 1}`)).toBe(true);
	});
});

describe('registration fails closed and is atomic', () => {
	test('a registering trigger without a stored registration refuses deliveries (401)', async () => {
		trigger = new TriggerHarness(env.trigger, params());
		const answer = await trigger.deliver(message('unregistered'));
		expect(answer.status).toBe(401);
		expect(answer.items).toHaveLength(0);
		expect((await trigger.deliver(message('unregistered'), { query: { secret: 'guess' } })).status).toBe(401);
	});

	test('a product-wide registration failing half-way is undone: the previous webhook is back', async () => {
		await fetch(`${env.origin}${env.api}/setWebhook`, {
			method: 'POST',
			headers: { 'x-maytapi-key': 'test-token', 'content-type': 'application/json' },
			body: JSON.stringify({ webhook: 'https://legacy.example.com/all' }),
		});
		env.fake.failNext({ status: 500, body: { success: false, message: 'ack preference unavailable' }, match: { path: `${env.api}/setAckPreference` }, times: Infinity });
		trigger = new TriggerHarness(env.trigger, params({ registration: 'product' }));
		await expect(trigger.activate()).rejects.toThrow();
		expect(env.fake.state().product.webhook).toBe('https://legacy.example.com/all');
		expect(trigger.staticData.registrations).toEqual({});
	});

	test('test and production registrations are told apart by the hook’s mode', async () => {
		trigger = new TriggerHarness(env.trigger, params());
		await trigger.activate({ test: true });
		const records = trigger.staticData.registrations as Record<string, { url: string; baseUrl: string }>;
		expect(Object.keys(records)).toEqual(['test']);
		expect(records.test.baseUrl).toContain('/webhook-test/');
		const testSecret = registeredSecret();
		// A production delivery has no production registration: refused even with the test secret.
		expect((await trigger.deliver(message('t-1'), { query: { secret: testSecret } })).status).toBe(401);
		expect((await trigger.deliver(message('t-1'), { query: { secret: testSecret }, test: true })).items).toHaveLength(1);
		await trigger.delete({ test: true });
		expect(trigger.staticData.registrations).toEqual({});
		expect(env.fake.state().phoneConfig['1001'].webhook).toBe('');
	});

	test('an error naming a foreign webhook drops its query string', async () => {
		await fetch(`${env.origin}${env.api}/1001/config`, {
			method: 'POST',
			headers: { 'x-maytapi-key': 'test-token', 'content-type': 'application/json' },
			body: JSON.stringify({ webhook: 'https://other.example.com/hook?token=s3cr3t-value', ack_delivery: false }),
		});
		trigger = new TriggerHarness(env.trigger, params({ ifWebhookExists: 'fail' }));
		const error = await trigger.activate().catch((e: Error) => e);
		expect(String((error as Error).message)).toContain('https://other.example.com/hook');
		expect(JSON.stringify(error)).not.toContain('s3cr3t-value');
		expect(String((error as Error).message)).not.toContain('s3cr3t-value');
	});
});
