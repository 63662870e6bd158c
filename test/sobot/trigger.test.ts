import fs from 'node:fs';
import path from 'node:path';

import type { INodeParameters } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { TriggerHarness } from '../harness/trigger';
import { providerPerFile } from '../harness/provider';
import { startSobot } from './setup';

const FIXTURES = path.join(__dirname, 'fixtures');
const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8'));
const jsonFiles = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

let trigger: TriggerHarness | undefined;

const env = providerPerFile(startSobot);
afterEach(async () => {
	await TriggerHarness.closeAll();
	trigger = undefined;
});

function sobotTrigger(parameters: INodeParameters = {}) {
	trigger = new TriggerHarness(env.trigger, { events: ['message', 'status', 'other'], options: {}, ...parameters });
	return trigger;
}

const KEYS = ['chatId', 'event', 'from', 'fromMe', 'media', 'messageId', 'provider', 'raw', 'status', 'text', 'timestamp', 'to', 'type'];
const CUSTOMER = '919960123456';
const BUSINESS = '918788123456';
const STATUS_ID = 'wamid.HBgMOTE5NTYxODc4MDgwFQIAERgSRTUzMjRGMDc2OTIzNjBDRkZGAA==';
const S3 = 'https://sobot-assets.s3.ap-south-1.amazonaws.com/1042/918788123456';
const inbound = { event: 'message', chatId: CUSTOMER, from: CUSTOMER, to: BUSINESS, fromMe: false, status: null };
const status = (name: string, timestamp: number) => ({
	event: 'status',
	type: name,
	status: name,
	messageId: STATUS_ID,
	chatId: null,
	from: null,
	to: null,
	fromMe: true,
	text: null,
	media: null,
	timestamp,
});

/** Each shared fixture and the normalised item it must become. */
const expectations: Record<string, Record<string, unknown>> = {
	'incoming-text': {
		...inbound,
		type: 'text',
		messageId: 'wamid.HBgMOTE5OTYwMTIzNDU2FQIAEhggNEIxNkNCRDQzQzUzMDBBQzNFQjQ5RTY3MjFFQkUzRUEA',
		text: 'Hi, is my order shipped?',
		media: null,
		timestamp: 1692945450000,
	},
	'incoming-image': { ...inbound, type: 'image', text: null, media: { url: `${S3}/images/259395830348745`, mimeType: 'image/jpeg', caption: null, fileName: null }, timestamp: 1693910575000 },
	// The documented video delivery carries its media under `image`.
	'incoming-video': { ...inbound, type: 'video', media: { url: `${S3}/videos/859104772230164`, mimeType: 'video/mp4', caption: null, fileName: null }, timestamp: 1693910690000 },
	'incoming-video-video-key': { ...inbound, type: 'video', media: { url: `${S3}/videos/859104772230164`, mimeType: 'video/mp4', caption: null, fileName: null } },
	'incoming-document': { ...inbound, type: 'document', media: { url: `${S3}/documents/1293847561029384`, mimeType: 'application/pdf', caption: null, fileName: 'invoice_1042.pdf' } },
	'incoming-audio': { ...inbound, type: 'audio', text: null, media: { url: `${S3}/audios/774401928374615`, mimeType: 'audio/ogg; codecs=opus', caption: null, fileName: null } },
	'incoming-location': { ...inbound, type: 'location', text: '18.5204,73.8567', media: null, timestamp: 1693911200000 },
	'incoming-interactive-button-reply': { ...inbound, type: 'interactive', text: 'two', media: null },
	'incoming-interactive-list-reply': { ...inbound, type: 'interactive', text: 'First title', media: null },
	'incoming-template-button-reply': { ...inbound, type: 'button', text: 'Yes', media: null },
	'status-sent': status('sent', 1692947519000),
	'status-delivered': status('delivered', 1692947521000),
	'status-read': status('read', 1692947580000),
	'status-failed': status('failed', 1692947520000),
};

test('every Sobot fixture has an expectation (test/shared/fixture-sync checks the copies against shared/)', () => {
	const local = jsonFiles(FIXTURES);
	expect(local).toEqual(Object.keys(expectations).map((name) => `${name}.json`).sort());
});

describe('each fixture becomes one normalised item', () => {
	test.each(Object.entries(expectations))('%s', async (name, expected) => {
		const body = fixture(name);
		const delivery = await sobotTrigger().deliver(body);
		expect(delivery.status).toBe(200);
		expect(delivery.body).toEqual({ ok: true, received: 1, accepted: 1, duplicates: 0 });
		expect(delivery.items).toHaveLength(1);
		const [item] = delivery.items;
		// Same keys for every provider and event: absent facts are null, never missing.
		expect(Object.keys(item).sort()).toEqual(KEYS);
		expect(item).toMatchObject({ provider: 'sobot', ...expected });
		// raw is Sobot's own object, untouched: the change for messages, the whole body for statuses.
		expect(item.raw).toEqual(Array.isArray(body) ? body[0] : body);
	});
});

describe('deliveries that start no execution', () => {
	test.each([
		['a non-JSON body', 'hello'],
		['an empty object', {}],
		['an empty array', []],
		['a number', 42],
		['a change without value', [{ field: 'messages' }]],
		['a change without field', [{ value: { messages: [] } }]],
		['a message without id', [{ field: 'messages', value: { messages: [{ from: CUSTOMER, type: 'text', text: { body: 'x' } }] } }]],
		['messages that are not a list', [{ field: 'messages', value: { messages: { id: 'x' } } }]],
		['a status without status', { id: STATUS_ID, timestamp: '1692947519' }],
		['a status without id', { status: 'read', timestamp: '1692947519' }],
		['a text whose body is an object', [{ field: 'messages', value: { messages: [{ id: 'w1', from: CUSTOMER, type: 'text', text: { body: { x: 1 } } }] } }]],
		['a message whose id is a number list', [{ field: 'messages', value: { messages: [{ id: [1], from: CUSTOMER, type: 'text' }] } }]],
		['a message without its sender', [{ field: 'messages', value: { messages: [{ id: 'w2', type: 'text', text: { body: 'x' } }] } }]],
		['an image whose media is a string', [{ field: 'messages', value: { messages: [{ id: 'w3', from: CUSTOMER, type: 'image', image: 'https://x' }] } }]],
		['a location whose latitude is an object', [{ field: 'messages', value: { messages: [{ id: 'w4', from: CUSTOMER, type: 'location', location: { latitude: {}, longitude: 1 } }] } }]],
		['messages that are nulls', [{ field: 'messages', value: { messages: [null] } }]],
		['a Meta status without id', [{ field: 'messages', value: { statuses: [{ status: 'read' }] } }]],
		['a status whose timestamp is an object', { id: STATUS_ID, status: 'read', timestamp: { s: 1 } }],
		['an id longer than 256 characters', { id: 'w'.repeat(257), status: 'read' }],
		['a list of nulls', [null, null]],
		['prototype keys', JSON.parse('{"__proto__": {"id": "x", "status": "read"}}')],
	])('%s gets a 400 with a reason', async (_name, body) => {
		const delivery = await sobotTrigger().deliver(body);
		expect(delivery.status).toBe(400);
		expect(delivery.body).toMatchObject({ ok: false, error: expect.stringMatching(/^Not a (usable )?Sobot delivery: /) });
		expect(delivery.items).toHaveLength(0);
		expect(delivery.response.workflowData).toBeUndefined();
	});

	test('unselected events are acknowledged with 200 but start nothing', async () => {
		const delivery = await sobotTrigger({ events: ['message'] }).deliver(fixture('status-read'));
		expect(delivery.status).toBe(200);
		expect(delivery.body).toEqual({ ok: true, received: 1, accepted: 0, duplicates: 0 });
		expect(delivery.response.workflowData).toBeUndefined();
	});

	test('the message-type filter', async () => {
		const t = sobotTrigger({ events: ['message'], messageTypes: ['image', 'video'] });
		expect((await t.deliver(fixture('incoming-text'))).items).toHaveLength(0);
		expect((await t.deliver(fixture('incoming-image'))).items).toHaveLength(1);
		expect((await t.deliver(fixture('incoming-video'))).items).toHaveLength(1);
	});

	test('the status filter', async () => {
		const t = sobotTrigger({ events: ['status'], statuses: ['read', 'failed'] });
		expect((await t.deliver(fixture('status-sent'))).items).toHaveLength(0);
		expect((await t.deliver(fixture('status-delivered'))).items).toHaveLength(0);
		expect((await t.deliver(fixture('status-read'))).items.map((i) => i.status)).toEqual(['read']);
		expect((await t.deliver(fixture('status-failed'))).items.map((i) => i.status)).toEqual(['failed']);
	});

	test('by default only incoming messages start the workflow', async () => {
		trigger = new TriggerHarness(env.trigger, {});
		expect((await trigger.deliver(fixture('status-delivered'))).items).toHaveLength(0);
		expect((await trigger.deliver(fixture('incoming-text'))).items).toHaveLength(1);
	});
});

describe('delivery shapes beyond the fixtures', () => {
	test('several changes and messages in one delivery: one item each', async () => {
		const text = fixture('incoming-text');
		const image = fixture('incoming-image');
		const second = structuredClone(text[0].value.messages[0]);
		second.id = 'wamid.second';
		second.text.body = 'Are you there?';
		text[0].value.messages.push(second);
		const delivery = await sobotTrigger().deliver([...text, ...image]);
		expect(delivery.body).toEqual({ ok: true, received: 3, accepted: 3, duplicates: 0 });
		expect(delivery.items.map((i) => [i.type, i.text])).toEqual([
			['text', 'Hi, is my order shipped?'],
			['text', 'Are you there?'],
			['image', null],
		]);
	});

	test('Meta-style statuses inside a change are status items with the recipient', async () => {
		const body = [{ field: 'messages', value: { messaging_product: 'whatsapp', statuses: [{ id: 'wamid.m1', status: 'delivered', timestamp: '1692947521', recipient_id: CUSTOMER }] } }];
		const delivery = await sobotTrigger().deliver(body);
		expect(delivery.items).toEqual([
			{ provider: 'sobot', event: 'status', type: 'delivered', status: 'delivered', messageId: 'wamid.m1', chatId: CUSTOMER, from: null, to: CUSTOMER, fromMe: true, text: null, media: null, timestamp: 1692947521000, raw: body[0] },
		]);
	});

	test('a change of another field is an "other" item, only when selected', async () => {
		const body = [{ field: 'account_update', value: { event: 'VERIFIED' } }];
		expect((await sobotTrigger({ events: ['message', 'status'] }).deliver(body)).items).toHaveLength(0);
		await trigger?.close();
		const delivery = await sobotTrigger({ events: ['other'] }).deliver(body);
		expect(delivery.items).toMatchObject([{ event: 'other', type: 'account_update', messageId: null, raw: body[0] }]);
	});

	test('a status Sobot may add later passes through', async () => {
		const delivery = await sobotTrigger({ events: ['status'] }).deliver({ id: 'wamid.x', status: 'deleted', timestamp: 1692947600 });
		expect(delivery.items).toMatchObject([{ event: 'status', status: 'deleted', timestamp: 1692947600000 }]);
	});
});

describe('redeliveries', () => {
	test('the same message twice starts one execution', async () => {
		const t = sobotTrigger();
		expect((await t.deliver(fixture('incoming-text'))).items).toHaveLength(1);
		const again = await t.deliver(fixture('incoming-text'));
		expect(again.status).toBe(200);
		expect(again.body).toEqual({ ok: true, received: 1, accepted: 0, duplicates: 1 });
		expect(again.items).toHaveLength(0);
	});

	test('a repeated status is dropped; the next status of the same message is not', async () => {
		const t = sobotTrigger();
		expect((await t.deliver(fixture('status-sent'))).items).toHaveLength(1);
		expect((await t.deliver(fixture('status-sent'))).body).toMatchObject({ duplicates: 1, accepted: 0 });
		expect((await t.deliver(fixture('status-delivered'))).items).toHaveLength(1);
		expect((await t.deliver(fixture('status-read'))).items).toHaveLength(1);
	});

	test('redeliveries are dropped after the first saved delivery too (static data no longer empty), and after a restart', async () => {
		const t = sobotTrigger();
		const second = structuredClone(fixture('incoming-text'));
		second[0].value.messages[0].id = 'wamid.second-message';
		expect((await t.deliver(fixture('incoming-text'))).items).toHaveLength(1);
		expect((await t.deliver(second)).items).toHaveLength(1);
		expect((await t.deliver(second)).items).toHaveLength(0);
		t.restart();
		expect((await t.deliver(second)).items).toHaveLength(0);
		expect((await t.deliver(fixture('incoming-text'))).items).toHaveLength(0);
	});

	test('the documented video and its corrected form are the same message', async () => {
		const t = sobotTrigger();
		expect((await t.deliver(fixture('incoming-video'))).items).toHaveLength(1);
		expect((await t.deliver(fixture('incoming-video-video-key'))).body).toMatchObject({ duplicates: 1 });
	});
});

describe('shared secret', () => {
	test('with a secret, only deliveries carrying it are accepted', async () => {
		const t = sobotTrigger({ options: { secret: 's3cr3t-value' } });
		const missing = await t.deliver(fixture('incoming-text'));
		expect(missing.status).toBe(401);
		expect(missing.body).toEqual({ ok: false, error: 'Missing or wrong "secret" in the webhook URL' });
		expect(missing.items).toHaveLength(0);
		expect((await t.deliver(fixture('incoming-text'), { query: { secret: 'wrong' } })).status).toBe(401);
		const right = await t.deliver(fixture('incoming-text'), { query: { secret: 's3cr3t-value' } });
		expect(right.status).toBe(200);
		expect(right.items).toHaveLength(1);
	});

	test('without a secret, any well-formed delivery is accepted', async () => {
		expect((await sobotTrigger().deliver(fixture('incoming-text'), { query: { secret: 'anything' } })).items).toHaveLength(1);
	});
});

test('activation and deactivation register nothing at Sobot (there is no API for it)', async () => {
	const t = sobotTrigger();
	expect(await t.checkExists()).toBe(true);
	expect(await t.create()).toBe(true);
	expect(await t.delete()).toBe(true);
	expect(env.fake.requests).toHaveLength(0);
});

test('a status event joins the send that produced it through messageId', async () => {
	const sent = await runNode(env.action, { parameters: { resource: 'message', operation: 'sendText', customerNumber: CUSTOMER, text: 'Your order shipped' } });
	const messageId = sent.items[0].json.messageId as string;
	expect(messageId).toMatch(/^wamid\./);
	const { SobotFake } = await import('../fakes/sobot');
	const delivery = await sobotTrigger({ events: ['status'] }).deliver(SobotFake.statusPayload(messageId, 'delivered'));
	expect(delivery.items).toMatchObject([{ event: 'status', status: 'delivered', messageId }]);
});

describe('Download Media', () => {
	test('only Sobot’s own media hosts are fetched: a URL elsewhere is left alone', async () => {
		const { SobotFake } = await import('../fakes/sobot');
		const elsewhere = new SobotFake();
		const origin = await elsewhere.start();
		try {
			const body = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'incoming-image.json'), 'utf8'));
			body[0].value.messages[0].image.url = `${origin}/cdn/photo.jpg`;
			const delivery = await sobotTrigger({ options: { downloadMedia: true } }).deliver(body);
			expect(delivery.status).toBe(200);
			expect(delivery.items).toHaveLength(1);
			expect(delivery.response.workflowData![0][0].binary).toBeUndefined();
			expect(elsewhere.requests).toHaveLength(0);
		} finally {
			await elsewhere.stop();
		}
	});
});
