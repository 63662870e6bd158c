import fs from 'node:fs';
import path from 'node:path';

import type { INodeParameters } from 'n8n-workflow';

import { readBinary } from '../harness/engine';
import { TriggerHarness } from '../harness/trigger';
import { providerPerFile } from '../harness/provider';
import { startMaytapi } from './setup';

const FIXTURES = path.join(__dirname, 'fixtures');
const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8'));
const FIXTURE_PRODUCT = '5f0c3e1a-7b2d-4c9e-9a41-3d6e8b2f1c07';
const ALL_EVENTS = ['message', 'ownMessage', 'status', 'poll', 'reaction', 'session', 'groupNotification', 'error', 'assignment', 'other'];

let trigger: TriggerHarness;

const env = providerPerFile(() => startMaytapi({ productId: FIXTURE_PRODUCT, phoneId: '12345' }), { resetEachTest: false });
afterEach(async () => TriggerHarness.closeAll());

/** A trigger that takes URL deliveries without registering (manual mode), for the given events. */
function manualTrigger(extra: INodeParameters = {}) {
	trigger = new TriggerHarness(env.trigger, { registration: 'manual', events: ALL_EVENTS, options: {}, ...extra });
	return trigger;
}

const NULLS = { messageId: null, chatId: null, from: null, to: null, fromMe: null, type: null, text: null, media: null, status: null, timestamp: null };

/** Each shared fixture and the normalised item(s) it must become. */
const expectations: Record<string, Array<Record<string, unknown>>> = {
	'incoming-text': [{ event: 'message', type: 'text', messageId: 'false_905551112233@c.us_3EB0C1A2B3C4D5E6F7A8', chatId: '905551112233@c.us', from: '905551112233', to: '905320000001', fromMe: false, text: 'Hello, is my order #10482 shipped yet?', media: null, status: null, timestamp: 1718712000000 }],
	'incoming-text-group-mention': [{ event: 'message', type: 'text', chatId: '120363041234567890@g.us', from: '905551112233', text: '@905320000001 can you share the delivery schedule?' }],
	'incoming-text-reply-quoted': [{ event: 'message', type: 'text', text: 'Yes, please send it to the new address.' }],
	'incoming-image': [{ event: 'message', type: 'image', text: 'Damaged box on arrival', media: { url: 'https://cdn.maytapi.com/flow/Vb3kQ9xZr2T1mN8pL4sW6a.jpeg', mimeType: 'image/jpeg', caption: 'Damaged box on arrival', fileName: 'false_905551112233@c.us_3EB0D4E5F6A7B8C9D0E1.jpeg' } }],
	'incoming-document': [{ event: 'message', type: 'document', media: { url: 'https://cdn.maytapi.com/flow/Qp7Lm2Nx9Rt4Vw1Ys6Zb3c.pdf', mimeType: 'application/pdf', caption: null, fileName: 'invoice-10482.pdf' } }],
	'incoming-video': [{ event: 'message', type: 'video', media: expect.objectContaining({ mimeType: 'video/mp4', caption: 'Unboxing' }) }],
	'incoming-ptt-voice-note': [{ event: 'message', type: 'ptt', media: expect.objectContaining({ mimeType: 'audio/ogg; codecs=opus' }) }],
	'incoming-audio-file': [{ event: 'message', type: 'audio', media: expect.objectContaining({ mimeType: 'audio/mpeg' }) }],
	'incoming-sticker': [{ event: 'message', type: 'sticker', media: expect.objectContaining({ mimeType: 'image/webp' }) }],
	'incoming-location': [{ event: 'message', type: 'location', text: '41.0082376,28.9783589', media: null }],
	'incoming-vcard': [{ event: 'message', type: 'vcard', text: 'Mehmet Yilmaz' }],
	'incoming-multi-vcard': [{ event: 'message', type: 'multi_vcard', text: 'Mehmet Yilmaz, Zeynep Kaya' }],
	'incoming-info-group-add': [{ event: 'other', type: 'group/add', chatId: '120363041234567890@g.us', text: '905557776655' }],
	'incoming-from-me-echo': [{ event: 'message', type: 'text', fromMe: true, from: '905320000001', to: '905551112233' }],
	'ack-batch': [
		{ event: 'status', status: 'sent', type: 'delivered', messageId: 'a3ff8460-c710-11ee-a8e7-5fbaaf152c1d', chatId: '905551112233@c.us', timestamp: 1718712005000 },
		{ event: 'status', status: 'delivered', type: 'reached', messageId: 'a3ff8460-c710-11ee-a8e7-5fbaaf152c1d' },
		{ event: 'status', status: 'read', type: 'seen', messageId: 'b7c21e90-c710-11ee-a8e7-5fbaaf152c1d', chatId: '120363041234567890@g.us' },
	],
	'ack-played-deleted': [
		{ event: 'status', status: 'played', messageId: 'c91d3f20-c711-11ee-a8e7-5fbaaf152c1d' },
		{ event: 'status', status: 'deleted', messageId: 'd02e4a30-c711-11ee-a8e7-5fbaaf152c1d' },
	],
	'ack-legacy-array': [
		{ event: 'status', status: 'sent', messageId: '3EB065B353B9493D00C9', timestamp: null },
		{ event: 'status', status: 'delivered', messageId: '3EB065B353B9493D00C9' },
		{ event: 'status', status: 'read', messageId: '3EB065B353B9493D00C9' },
	],
	'ack-poll-vote': [{ event: 'poll', type: 'poll', messageId: 'e13f5b40-c712-11ee-a8e7-5fbaaf152c1d', text: 'Which delivery slot works for you?', raw: expect.objectContaining({ options: [{ name: 'Morning', votes: 2 }, { name: 'Afternoon', votes: 1 }] }) }],
	'ack-reaction': [{ event: 'reaction', type: 'reaction', messageId: 'a3ff8460-c710-11ee-a8e7-5fbaaf152c1d', from: '905551112233', text: '👍', fromMe: false }],
	'status-active': [{ ...NULLS, event: 'session', type: 'status', status: 'active' }],
	'status-qr-code': [{ event: 'session', status: 'qr-code' }],
	'status-phone-error': [{ event: 'session', status: 'phone-error' }],
	'error-send-failed': [{ event: 'error', status: 'failed', messageId: 'f24a6c50-c712-11ee-a8e7-5fbaaf152c1d', to: '905550000000', text: 'Number is not registered on WhatsApp' }],
	'live-event-taken-by-agent': [{ event: 'assignment', type: 'taken_by_agent', chatId: '905551112233@c.us' }],
};

test('every Maytapi fixture has an expectation (test/shared/fixture-sync checks the copies against shared/)', () => {
	const local = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort();
	expect(local.map((f) => f.replace(/\.json$/, '')).sort()).toEqual(Object.keys(expectations).sort());
});

describe('each fixture becomes normalised items', () => {
	test.each(Object.entries(expectations))('%s', async (name, expected) => {
		const body = fixture(name);
		const delivery = await manualTrigger().deliver(body);
		expect(delivery.status).toBe(200);
		expect(delivery.body).toEqual({ ok: true, received: expected.length, accepted: expected.length, duplicates: 0 });
		expect(delivery.items).toHaveLength(expected.length);
		delivery.items.forEach((item, i) => {
			// Same keys for every provider and event: absent facts are null, never missing.
			expect(Object.keys(item).sort()).toEqual(['chatId', 'event', 'from', 'fromMe', 'media', 'messageId', 'provider', 'raw', 'status', 'text', 'timestamp', 'to', 'type']);
			expect(item).toMatchObject({ provider: 'maytapi', ...expected[i] });
		});
		// raw is the provider's own object, untouched.
		if (!Array.isArray(body) && body.type !== 'ack') expect(delivery.items[0].raw).toEqual(body);
	});
});

describe('deliveries that start no execution', () => {
	test.each([
		['a non-JSON body', 'hello'],
		['an empty object', {}],
		['a message without its message object', { type: 'message', product_id: FIXTURE_PRODUCT }],
		['an ack without data', { type: 'ack', product_id: FIXTURE_PRODUCT }],
		['an empty array', []],
		['a number', 42],
	])('%s gets a 400 with a reason', async (_name, body) => {
		const delivery = await manualTrigger().deliver(body);
		expect(delivery.status).toBe(400);
		expect(delivery.body).toMatchObject({ ok: false, error: expect.stringMatching(/^Not a Maytapi delivery: /) });
		expect(delivery.items).toHaveLength(0);
	});

	test('a delivery for another Maytapi product gets a 422', async () => {
		const delivery = await manualTrigger().deliver({ ...fixture('incoming-text'), product_id: 'someone-else', productId: 'someone-else' });
		expect(delivery.status).toBe(422);
		expect(delivery.body).toEqual({ ok: false, error: `This delivery is for Maytapi product someone-else, not ${FIXTURE_PRODUCT}` });
		expect(delivery.items).toHaveLength(0);
	});

	test('unselected events are acknowledged with 200 but start nothing', async () => {
		const delivery = await manualTrigger({ events: ['message'] }).deliver(fixture('ack-batch'));
		expect(delivery.status).toBe(200);
		expect(delivery.body).toEqual({ ok: true, received: 3, accepted: 0, duplicates: 0 });
		expect(delivery.items).toHaveLength(0);
		expect(delivery.response.workflowData).toBeUndefined();
	});

	test('own messages are separate from incoming ones', async () => {
		const incomingOnly = manualTrigger({ events: ['message'] });
		expect((await incomingOnly.deliver(fixture('incoming-from-me-echo'))).items).toHaveLength(0);
		expect((await incomingOnly.deliver(fixture('incoming-text'))).items).toHaveLength(1);
	});

	test('the phone filter drops other phones’ events', async () => {
		const t = manualTrigger({ options: { phoneIds: '999' } });
		expect((await t.deliver(fixture('incoming-text'))).items).toHaveLength(0);
		const t2 = manualTrigger({ options: { phoneIds: '999, 12345' } });
		expect((await t2.deliver(fixture('incoming-text'))).items).toHaveLength(1);
	});
});

describe('redeliveries', () => {
	test('the same message delivered twice starts one execution', async () => {
		const t = manualTrigger();
		const first = await t.deliver(fixture('incoming-text'));
		const second = await t.deliver(fixture('incoming-text'));
		expect(first.items).toHaveLength(1);
		expect(second.status).toBe(200);
		expect(second.body).toEqual({ ok: true, received: 1, accepted: 0, duplicates: 1 });
		expect(second.items).toHaveLength(0);
	});

	test('a repeated ack is dropped, a new status for the same message is not', async () => {
		const t = manualTrigger();
		const batch = fixture('ack-batch');
		await t.deliver({ ...batch, data: [batch.data[0]] });
		const again = await t.deliver(batch);
		expect(again.items.map((i) => i.status)).toEqual(['delivered', 'read']);
		expect(again.body).toMatchObject({ duplicates: 1 });
	});

	test('a new poll tally for the same poll is not a redelivery', async () => {
		const t = manualTrigger();
		const vote = fixture('ack-poll-vote');
		await t.deliver(vote);
		const changed = structuredClone(vote);
		changed.data[0].options[1].votes = 2;
		expect((await t.deliver(changed)).items).toHaveLength(1);
		expect((await t.deliver(changed)).items).toHaveLength(0);
	});
	// Bounded memory (fixed-size hashes, capacity) and n8n's static-data rules: trigger-reliability.test.ts.
});

describe('secrets', () => {
	test('a registered trigger only accepts deliveries carrying its secret', async () => {
		const fresh = await startMaytapi({ productId: FIXTURE_PRODUCT, phoneId: '1001' });
		try {
			trigger = new TriggerHarness(fresh.trigger, { registration: 'phone', phoneId: { __rl: true, mode: 'id', value: '1001' }, events: ['message'], options: {} });
			await trigger.activate();
			const registered = new URL(fresh.fake.state().phoneConfig['1001'].webhook as string);
			const secret = registered.searchParams.get('secret')!;
			const body = { ...fixture('incoming-text'), phone_id: 1001, phoneId: 1001 };

			const missing = await trigger.deliver(body);
			expect(missing.status).toBe(401);
			expect(missing.body).toEqual({ ok: false, error: 'Missing or wrong "secret" in the webhook URL' });
			expect(missing.items).toHaveLength(0);

			expect((await trigger.deliver(body, { query: { secret: `${secret}x` } })).status).toBe(401);

			const good = await trigger.deliver(body, { query: { secret } });
			expect(good.status).toBe(200);
			expect(good.items).toHaveLength(1);
		} finally {
			await fresh.fake.stop();
		}
	});

	test('a per-phone registration ignores other phones’ events even without a filter', async () => {
		const fresh = await startMaytapi({ productId: FIXTURE_PRODUCT, phoneId: '1001' });
		try {
			trigger = new TriggerHarness(fresh.trigger, { registration: 'phone', phoneId: { __rl: true, mode: 'id', value: '1001' }, events: ['message'], options: {} });
			await trigger.activate();
			const secret = new URL(fresh.fake.state().phoneConfig['1001'].webhook as string).searchParams.get('secret')!;
			expect((await trigger.deliver(fixture('incoming-text'), { query: { secret } })).items).toHaveLength(0); // phone 12345
		} finally {
			await fresh.fake.stop();
		}
	});

	test('a manual URL can require a secret of the user’s choosing', async () => {
		const t = manualTrigger({ options: { secret: 's3cret-value' } });
		expect((await t.deliver(fixture('incoming-text'))).status).toBe(401);
		expect((await t.deliver(fixture('incoming-text'), { query: { secret: 's3cret-value' } })).items).toHaveLength(1);
	});
});

describe('Download Media', () => {
	const image = () => fixture('incoming-image');

	test('media from an allowed host becomes binary data; the item keeps its URL', async () => {
		const url = `${env.origin}/cdn/photo.jpeg`; // the credential's own host stands in for cdn.maytapi.com
		const body = { ...image(), message: { ...image().message, url } };
		const before = env.fake.requests.length;
		const delivery = await manualTrigger({ options: { downloadMedia: true } }).deliver(body);
		expect(delivery.status).toBe(200);
		const [item] = delivery.response.workflowData![0];
		expect(item.json.media).toMatchObject({ url, mimeType: 'image/jpeg' });
		expect(item.binary!.data).toMatchObject({ mimeType: 'image/png', fileName: 'false_905551112233@c.us_3EB0D4E5F6A7B8C9D0E1.jpeg' });
		expect((await readBinary(item.binary!.data)).subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
		// Media links are public: no token is sent with the download.
		const download = env.fake.requests.slice(before).find((r) => r.path === '/cdn/photo.jpeg')!;
		expect(download.headers['x-maytapi-key']).toBeUndefined();
	});

	test('a media URL on any other host is not fetched (a forged delivery cannot reach internal URLs)', async () => {
		const { MaytapiFake } = await import('../fakes/maytapi');
		const internal = new MaytapiFake(); // a live server on another host:port that must never be called
		const internalOrigin = await internal.start();
		try {
			const body = { ...image(), message: { ...image().message, id: 'ssrf-1', url: `${internalOrigin}/cdn/secret.jpeg` } };
			const delivery = await manualTrigger({ options: { downloadMedia: true } }).deliver(body);
			expect(delivery.status).toBe(200);
			expect(delivery.response.workflowData![0][0].binary).toBeUndefined();
			expect(internal.requests).toHaveLength(0);
		} finally {
			await internal.stop();
		}
	});

	test('a failed download keeps the item without binary data', async () => {
		env.fake.failNext({ status: 404, body: 'gone', match: { path: '/cdn/expired.jpeg' } });
		const body = { ...image(), message: { ...image().message, id: 'expired-1', url: `${env.origin}/cdn/expired.jpeg` } };
		const delivery = await manualTrigger({ options: { downloadMedia: true } }).deliver(body);
		expect(delivery.status).toBe(200);
		expect(delivery.items).toHaveLength(1);
		expect(delivery.response.workflowData![0][0].binary).toBeUndefined();
	});

	test('off by default', async () => {
		const body = { ...image(), message: { ...image().message, id: 'off-1', url: `${env.origin}/cdn/photo.jpeg` } };
		const delivery = await manualTrigger().deliver(body);
		expect(delivery.response.workflowData![0][0].binary).toBeUndefined();
	});
});
