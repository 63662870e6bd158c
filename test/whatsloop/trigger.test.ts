import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { formEncode } from '../fakes/whatsloop';
import type { NodeUnderTest } from '../harness/engine';
import { providerPerFile } from '../harness/provider';
import { TriggerHarness } from '../harness/trigger';
import { startPlatform } from './setup';

const FIXTURES = path.join(__dirname, 'fixtures');
const jsonFiles = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as IDataObject;

const env = providerPerFile(startPlatform);
afterEach(async () => await TriggerHarness.closeAll());

const ALL_EVENTS = ['message', 'ownMessage', 'status', 'contact', 'session', 'other'];
function trigger(target: NodeUnderTest, parameters: INodeParameters = {}) {
	return new TriggerHarness(target, { events: ALL_EVENTS, options: {}, ...parameters });
}

const CHAT = '966500000001@c.us';
const incoming = { event: 'message', chatId: CHAT, from: '966500000001', to: null, fromMe: false, status: null, media: null, selectedId: null, selectedTitle: null, senderName: 'Abdullah' };

/** Each fixture and the normalised items it must become (every key of the package's shape, plus the reply selection). */
const EXPECTED: Record<string, Array<Record<string, unknown>>> = {
	'engine-new-chat-text': [{ ...incoming, messageId: '3EB0A1B2C3D4E5F6A7B8', type: 'text', text: 'السلام عليكم، متى يصل الطلب؟', timestamp: 1718712000000 }],
	'engine-new-chat-image': [
		{
			...incoming,
			messageId: '3EB0B2C3D4E5F6A7B8C9',
			type: 'image',
			text: 'صورة الفاتورة',
			media: { url: 'https://media.example-wloop-host.net/messages/412345/3EB0B2C3D4E5F6A7B8C9.jpeg', mimeType: 'image/jpeg', caption: 'صورة الفاتورة', fileName: '3EB0B2C3D4E5F6A7B8C9.jpeg' },
			timestamp: 1718712060000,
		},
	],
	'engine-new-chat-location': [{ ...incoming, messageId: '3EB0C3D4E5F6A7B8C9D0', type: 'location', text: 'King Fahd Rd, Riyadh', timestamp: 1718712120000 }],
	// The engine sends quick-reply ids prefixed with "id" (button "1" → "id1"): the trigger reports the id you sent.
	'engine-new-chat-buttons-response': [{ ...incoming, messageId: '3EB0D4E5F6A7B8C9D0E1', type: 'buttonReply', text: 'تأكيد', selectedId: '1', selectedTitle: 'تأكيد', timestamp: 1718712180000 }],
	'engine-new-chat-template-button-reply': [
		{ ...incoming, messageId: '3EB0E5F6A7B8C9D0E1F2', type: 'buttonReply', text: 'اعتذار', selectedId: 'decline-7781', selectedTitle: 'اعتذار', timestamp: 1718712240000 },
	],
	'gen3-message-received': [{ ...incoming, messageId: '3EB0A9B8C7D6E5F4A3B2', type: 'text', text: 'مرحبا، أريد الاستفسار عن العرض', timestamp: null, senderName: null }],
	'inferred-v1-new-ack': [
		{ event: 'status', messageId: '3EB0FFEEDDCCBBAA9988', chatId: CHAT, from: null, to: '966500000001', fromMe: true, type: 'delivered', status: 'delivered', text: null, media: null, timestamp: 1718712010000, selectedId: null },
	],
	'legacy-chatapi-ack': ['delivered', 'read'].map((status) => ({
		event: 'status',
		messageId: 'true_966500000001@c.us_3EB0B1C2D3E4F5A6B7C8',
		chatId: CHAT,
		to: '966500000001',
		fromMe: true,
		type: status,
		status,
		timestamp: null,
	})),
	'legacy-chatapi-messages': [
		{ ...incoming, messageId: 'false_966500000001@c.us_3EB0A1B2C3D4E5F6A7B8', from: '966500000001', type: 'text', text: 'مرحبا', timestamp: 1650000000000 },
	],
	'official-engine-connection-status': [{ event: 'session', type: 'connectionStatus', status: 'removed', messageId: null, chatId: null, from: null, fromMe: null, text: null, timestamp: null }],
	'official-engine-message-new': [{ ...incoming, messageId: '3EB0C1D2E3F4A5B6C7D8', type: 'buttonReply', text: 'نعم', selectedId: '2', selectedTitle: 'نعم', timestamp: 1665000000000, senderName: null }],
};

const KEYS = ['chatId', 'event', 'from', 'fromMe', 'media', 'messageId', 'provider', 'raw', 'selectedId', 'selectedTitle', 'senderName', 'status', 'text', 'timestamp', 'to', 'type'];

test('every platform fixture has an expectation (test/shared/fixture-sync checks the copies against shared/)', () => {
	const local = jsonFiles(FIXTURES);
	expect(local.map((f) => f.replace(/\.json$/, '')).sort()).toEqual(Object.keys(EXPECTED).sort());
});

describe.each([
	['WhatsLoop', 'whatsloop', () => env.whatsLoopTrigger],
	['Lets bot', 'letsbot', () => env.letsBotTrigger],
])('%s trigger: every fixture', (_brand, provider, target) => {
	test.each(Object.keys(EXPECTED))('%s as JSON', async (name) => {
		const delivery = await trigger(target()).deliver(fixture(name));
		expect(delivery.status).toBe(200);
		expect(delivery.items).toHaveLength(EXPECTED[name].length);
		delivery.items.forEach((item, n) => {
			expect(Object.keys(item).sort()).toEqual(KEYS);
			expect(item).toMatchObject({ ...EXPECTED[name][n], provider });
			expect(item.raw).toEqual(fixture(name));
		});
	});

	test.each(Object.keys(EXPECTED))('%s form-encoded with bracket keys (every value a string)', async (name) => {
		const delivery = await trigger(target()).deliver(formEncode(fixture(name)), { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
		expect(delivery.status).toBe(200);
		expect(delivery.items).toHaveLength(EXPECTED[name].length);
		delivery.items.forEach((item, n) => expect(item).toMatchObject({ ...EXPECTED[name][n], provider }));
	});
});

describe('secret and signature', () => {
	test('with a Secret, a delivery without ?secret= gets 401 and starts nothing', async () => {
		const t = trigger(env.whatsLoopTrigger, { options: { secret: 's3cret-value' } });
		const refused = await t.deliver(fixture('engine-new-chat-text'));
		expect(refused.status).toBe(401);
		expect(refused.items).toEqual([]);
		expect((await t.deliver(fixture('engine-new-chat-text'), { query: { secret: 'wrong' } })).status).toBe(401);
		const accepted = await t.deliver(fixture('engine-new-chat-text'), { query: { secret: 's3cret-value' } });
		expect(accepted.status).toBe(200);
		expect(accepted.items).toHaveLength(1);
	});

	const KEY = 'hmac-signing-key';
	const sign = (raw: string) => createHmac('sha256', KEY).update(raw).digest('hex');

	test('HMAC-SHA256 of the raw body, lowercase hex, with or without "sha256="', async () => {
		const body = JSON.stringify(fixture('gen3-message-received'));
		const plain = await trigger(env.letsBotTrigger, { options: { signatureSecret: KEY } }).deliver(body, { headers: { 'x-webhook-signature': sign(body) } });
		expect(plain.status).toBe(200);
		expect(plain.items).toHaveLength(1);
		const prefixed = await trigger(env.letsBotTrigger, { options: { signatureSecret: KEY } }).deliver(body, { headers: { 'x-webhook-signature': `sha256=${sign(body)}` } });
		expect(prefixed.items).toHaveLength(1);
	});

	test('the signature covers the raw bytes: a form body is signed as sent', async () => {
		const raw = formEncode(fixture('engine-new-chat-text'));
		const delivery = await trigger(env.whatsLoopTrigger, { options: { signatureSecret: KEY, signatureHeader: 'X-Signature' } }).deliver(raw, {
			headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-signature': sign(raw) },
		});
		expect(delivery.status).toBe(200);
		expect(delivery.items).toHaveLength(1);
	});

	test.each([
		['missing', {}],
		['wrong', { 'x-webhook-signature': 'a'.repeat(64) }],
		['not hex', { 'x-webhook-signature': 'not-a-signature' }],
		['of another body', { 'x-webhook-signature': sign('{}') }],
	])('a %s signature gets 401 and starts nothing', async (_name, headers) => {
		const delivery = await trigger(env.whatsLoopTrigger, { options: { signatureSecret: KEY } }).deliver(fixture('engine-new-chat-text'), { headers });
		expect(delivery.status).toBe(401);
		expect(delivery.body).toMatchObject({ ok: false, error: expect.stringMatching(/x-webhook-signature/) });
		expect(delivery.items).toEqual([]);
	});
});

describe('malformed deliveries get a 4xx and start nothing', () => {
	test.each([
		['an array', [1, 2]],
		['a text', 'hello'],
		['an empty object', {}],
		['an unknown object', { foo: 'bar' }],
		['a conversation without a message id', { conversation: { chat_id: CHAT, lastMessage: { body: 'x' } } }],
		['a message whose id is an object', { messages: [{ id: { nested: true }, body: 'x' }] }],
		['an ack without a status', { ack: [{ id: 'x' }] }],
		['a message without sender or chat', { event: 'message.received', data: { id: 'abc', text: 'x' } }],
	])('%s', async (_name, body) => {
		const delivery = await trigger(env.whatsLoopTrigger).deliver(body);
		expect(delivery.status).toBeGreaterThanOrEqual(400);
		expect(delivery.status).toBeLessThan(500);
		expect(delivery.items).toEqual([]);
	});

	test('a form body whose keys clash or point at prototypes', async () => {
		for (const raw of ['a=1&a[b]=2', '__proto__[x]=1', 'conversation[constructor][prototype]=1']) {
			const delivery = await trigger(env.whatsLoopTrigger).deliver(raw, { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
			expect(delivery.status).toBe(400);
			expect(delivery.items).toEqual([]);
		}
	});
});

describe('events, redeliveries and brands', () => {
	test('a redelivery of the same message is answered 200 and dropped', async () => {
		const t = trigger(env.whatsLoopTrigger);
		expect((await t.deliver(fixture('engine-new-chat-text'))).items).toHaveLength(1);
		const again = await t.deliver(fixture('engine-new-chat-text'));
		expect(again.status).toBe(200);
		expect(again.body).toMatchObject({ ok: true, duplicates: 1 });
		expect(again.items).toEqual([]);
	});

	test('Events choose what starts the workflow: own messages are apart from incoming ones', async () => {
		const own = fixture('engine-new-chat-text');
		const message = (own.conversation as IDataObject).lastMessage as IDataObject;
		Object.assign(message, { id: '3EB0OWN0000000000001', fromMe: 'true', author: 'Me' });
		const onlyIncoming = await trigger(env.whatsLoopTrigger, { events: ['message'] }).deliver(own);
		expect(onlyIncoming.status).toBe(200);
		expect(onlyIncoming.items).toEqual([]);
		const onlyOwn = await trigger(env.whatsLoopTrigger, { events: ['ownMessage'] }).deliver(own);
		expect(onlyOwn.items).toEqual([expect.objectContaining({ event: 'message', fromMe: true, from: null, to: '966500000001' })]);
		const statuses = await trigger(env.whatsLoopTrigger, { events: ['status'] }).deliver(fixture('legacy-chatapi-ack'));
		expect(statuses.items.map((i) => i.status)).toEqual(['delivered', 'read']);
		const noSession = await trigger(env.whatsLoopTrigger, { events: ['message', 'status'] }).deliver(fixture('official-engine-connection-status'));
		expect(noSession.items).toEqual([]);
	});

	test('a new contact is its own event; the same contact posted again is dropped', async () => {
		const t = trigger(env.letsBotTrigger, { events: ['contact'] });
		const body = { event: 'new-contact', data: { chatName: '966500000002', pushName: 'Sara' } };
		const first = await t.deliver(body);
		expect(first.items).toEqual([expect.objectContaining({ provider: 'letsbot', event: 'contact', chatId: '966500000002@c.us', from: '966500000002', text: 'Sara', senderName: 'Sara' })]);
		expect((await t.deliver(body)).items).toEqual([]);
	});

	test.each(['session.status', 'instance.status', 'connection.update'])('a "%s" delivery is a session event, not a message status', async (name) => {
		const delivery = await trigger(env.whatsLoopTrigger, { events: ['session'] }).deliver({ event: name, data: { status: 'disconnected' } });
		expect(delivery.items).toEqual([expect.objectContaining({ event: 'session', type: name, status: 'disconnected' })]);
	});

	test('unknown event names are "other" deliveries, kept with their raw body', async () => {
		const delivery = await trigger(env.whatsLoopTrigger, { events: ['other'] }).deliver({ event: 'chat.archived', data: { chat_id: CHAT } });
		expect(delivery.items).toEqual([expect.objectContaining({ event: 'other', type: 'chat.archived', raw: { event: 'chat.archived', data: { chat_id: CHAT } } })]);
	});
});

describe('the triggers describe their manual setup', () => {
	test.each([
		['whatsLoopTrigger', () => env.whatsLoopTrigger, /WhatsLoop dashboard/],
		['letsBotTrigger', () => env.letsBotTrigger, /Lets bot dashboard/],
	])('%s', (name, target, dashboard) => {
		const { description } = target().node;
		expect(description.name).toBe(name);
		expect(description.credentials).toBeUndefined();
		const notice = description.properties.find((p) => p.type === 'notice')!;
		expect(notice.displayName).toMatch(dashboard);
		expect(notice.displayName).toMatch(/\?secret=/);
		expect(target().node.webhookMethods).toBeUndefined();
	});
});
