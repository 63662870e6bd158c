import fs from 'node:fs';
import path from 'node:path';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { INBOX_ITEM_KEYS } from '../../nodes/Inbox360/webhook/events';
import { readBinary } from '../harness/engine';
import { providerPerFile } from '../harness/provider';
import { TriggerHarness } from '../harness/trigger';
import { startInbox360 } from './setup';

const env = providerPerFile(startInbox360);
afterEach(async () => TriggerHarness.closeAll());

const FIXTURES = path.join(__dirname, 'fixtures');
const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as IDataObject;
const NORMALISED_KEYS = ['provider', 'event', 'messageId', 'chatId', 'from', 'to', 'fromMe', 'type', 'text', 'media', 'status', 'timestamp', 'raw'];
const ALL_EVENTS = ['message', 'ownMessage', 'assignedMessage', 'status', 'assignment', 'tagging', 'resolved', 'other'];

/** An activated trigger and the secret it registered. */
async function activated(extra: INodeParameters = {}) {
	const trigger = new TriggerHarness(env.trigger, { registration: 'auto', ifWebhookExists: 'replace', events: ALL_EVENTS, options: {}, ...extra });
	await trigger.activate();
	const secret = new URL(env.fake.state().webhooks[0].url as string).searchParams.get('secret')!;
	const deliver = (body: unknown) => trigger.deliver(body, { query: { secret } });
	return { trigger, secret, deliver };
}

/** What each shared fixture must become: the items' key fields, in order. */
const expected: Record<string, IDataObject[]> = {
	'incoming-text': [{ event: 'message', inboxEvent: 'incoming_messages', type: 'text', messageId: 'ABGGSFEBeRJ_AhD8o8zP9ulNeUPgdKvfzvgh', chatId: '48123123123', from: '48123123123', fromMe: false, text: 'Hello, where is my order #1042?', timestamp: 1612544982000 }],
	'incoming-image': [{ event: 'message', type: 'image', text: 'Damaged package', media: { url: 'https://acme.inbox.getchat.360dialog.io/api/v1/media/3b2c7a10-5f5e-4a8e-9d8a-2f1f6c1d0a11/', mimeType: 'image/jpeg', caption: 'Damaged package', fileName: null } }],
	'incoming-document': [{ event: 'message', type: 'document' }],
	'incoming-location': [{ event: 'message', type: 'location', text: expect.stringMatching(/^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/) }],
	'incoming-interactive-list-reply': [{ event: 'message', type: 'interactive', text: expect.any(String) }],
	'incoming-template-button-reply': [{ event: 'message', type: 'button', text: expect.any(String) }],
	'status-sent': [{ event: 'status', inboxEvent: 'statuses', status: 'sent', fromMe: true, chatId: '48123123123' }],
	'status-delivered': [{ event: 'status', status: 'delivered' }],
	'status-read': [{ event: 'status', status: 'read' }],
	'status-failed': [{ event: 'status', status: 'failed', messageId: 'gBGGSFEBeRJ_AglpKKJ1s123123', text: expect.any(String) }],
	'outgoing-messages': [
		{ event: 'message', inboxEvent: 'outgoing_messages', fromMe: true, chatId: '48123123123', to: '48123123123', messageId: 'gBGGSFEBeRJ_AglpKKJ1s123123' },
		{ event: 'message', inboxEvent: 'outgoing_messages', fromMe: true, messageId: 'gBGGSFEBeRJ_AgnJK-don123124' },
	],
	'assigned-messages': [{ event: 'message', inboxEvent: 'assigned_messages', fromMe: false, chatId: '48123123123', text: 'Hello, where is my order #1042?' }],
	'chat-assignment-user-set': [
		{ event: 'assignment', type: 'chat_assignment', chatId: '48123123123', assignedUser: { id: 12, username: 'anna', name: 'Anna Agent' }, assignedGroup: null, doneBy: { id: 1, username: 'konrad', name: expect.any(String) }, tag: null, action: null, timestamp: 1613398500000 },
	],
	'chat-assignment-group-set': [{ event: 'assignment', assignedUser: null, assignedGroup: { id: 23, name: 'Agents' }, doneBy: null, userCleared: false, groupCleared: false }],
	'chat-assignment-cleared': [{ event: 'assignment', assignedUser: null, assignedGroup: null, userCleared: true, groupCleared: true, doneBy: { id: 12, username: 'anna', name: 'Anna Agent' }, text: 'Assignment cleared' }],
	'chat-tagging-added': [{ event: 'tagging', type: 'chat_tagging', chatId: '48123123123', tag: { id: 5, name: 'Agent needed' }, action: 'added', doneBy: { id: 42, username: 'spambot', name: 'Spam Bot' }, text: 'Agent needed', assignedUser: null }],
	'chat-tagging-removed': [{ event: 'tagging', type: 'chat_tagging', action: 'removed', tag: { id: 5, name: 'Agent needed' } }],
	'message-tagging-added': [{ event: 'tagging', type: 'message_tagging', messageId: 'ABGGSFEBeRJ_AhD8o8zP9ulNeUPgdKvfzvgh', action: 'added', tag: { id: 5, name: 'Agent needed' } }],
	'message-tagging-removed': [{ event: 'tagging', type: 'message_tagging', action: 'removed' }],
	'tagged-messages-deprecated': [{ event: 'tagging', type: 'message_tagging', action: 'added', messageId: 'gBGGSFEBeRJ_AglpKKJ1s123123', chatId: '48123123123', tag: { id: 5, name: 'Agent needed' }, doneBy: null }],
	'tagged-chats-deprecated': [{ event: 'tagging', type: 'chat_tagging', action: 'added', chatId: '48123123123', tag: { id: 5, name: 'Agent needed' } }],
	'chat-resolved': [{ event: 'other', inboxEvent: 'chat_resolved', type: 'chat_resolved', chatId: '48123123123' }],
	'cloudapi-incoming-text': [{ event: 'message', type: 'text', text: 'Hello again', from: '48123123123', to: '4930609859535', messageId: 'wamid.HBgLNDgxMjMxMjMxMjMVAgASGBQzQTdDQ0Q0RjVGMjZBQ0VBNjIwMgA=', timestamp: 1767225600000 }],
	'cloudapi-status-read': [{ event: 'status', status: 'read', messageId: 'wamid.HBgLNDgxMjMxMjMxMjMVAgARGBI5QUJDMTIzNDU2Nzg5MEFCQwA=', from: '4930609859535' }],
	'rule-engine-request-incoming': [{ event: 'message', inboxEvent: 'incoming_messages', messageId: 'd9d2244d-3f31-4229-a7e0-ec38ebcc60bd' }],
	'rule-engine-request-tagged-messages': [{ event: 'tagging', type: 'message_tagging', action: 'added' }],
	'websocket-waba-webhook': [{ event: 'message', inboxEvent: 'incoming_messages' }],
	'websocket-getchat-webhook-chat-assignment': [{ event: 'assignment', chatId: '48123123123', assignedUser: expect.objectContaining({ id: 12 }) }],
};

/** Fixtures whose events carry neither an id nor a time. */
const UNTIMED = ['chat-resolved', 'tagged-chats-deprecated'];

test('the table covers every delivery fixture', () => {
	const files = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
	expect(Object.keys(expected).sort()).toEqual(files.sort());
});

test.each(Object.entries(expected))('%s', async (name, items) => {
	const { deliver } = await activated();
	const result = await deliver(fixture(name));
	expect(result.status).toBe(200);
	expect(result.items).toHaveLength(items.length);
	items.forEach((item, i) => expect(result.items[i]).toMatchObject({ provider: 'inbox360', ...item }));
	// Same keys on every item (null when they don't apply), the inbox's object untouched in raw.
	for (const item of result.items) {
		expect(Object.keys(item).sort()).toEqual([...NORMALISED_KEYS, ...INBOX_ITEM_KEYS].sort());
		expect(item.raw).toBeTruthy();
	}
	// A redelivery of the same body starts nothing (events without id or time can't be told apart: kept).
	const again = await deliver(fixture(name));
	expect(again.status).toBe(200);
	expect(again.items).toHaveLength(UNTIMED.includes(name) ? items.length : 0);
});

test('bodies that are not deliveries get a 4xx and start nothing', async () => {
	const { deliver } = await activated();
	const notDeliveries = path.join(FIXTURES, 'not-deliveries');
	for (const file of fs.readdirSync(notDeliveries)) {
		const result = await deliver(JSON.parse(fs.readFileSync(path.join(notDeliveries, file), 'utf8')));
		expect([file, result.status]).toEqual([file, 400]);
		expect(result.items).toHaveLength(0);
	}
	for (const body of [[], 'text', { messages: 'nope' }, { chat_tagging: { chat: '48123123123', action: 'renamed', tag: { id: 5, name: 'x' } } }, { statuses: [{ status: 'read' }] }, { entry: [{ changes: [{ field: 'messages', value: { messages: [{ id: 'x', from: { a: 1 } }] } }] }] }]) {
		const result = await deliver(body);
		expect(result.status).toBeGreaterThanOrEqual(400);
		expect(result.status).toBeLessThan(500);
		expect(result.items).toHaveLength(0);
	}
});

test('a wrong or missing secret is 401; without a registration everything is refused', async () => {
	const { trigger, secret } = await activated();
	expect((await trigger.deliver(fixture('incoming-text'))).status).toBe(401);
	expect((await trigger.deliver(fixture('incoming-text'), { query: { secret: `${secret}x` } })).status).toBe(401);
	const unregistered = new TriggerHarness(env.trigger, { registration: 'auto', events: ['message'], options: {} }, 'aaaaaaaa-0000-4000-8000-000000000001');
	expect((await unregistered.deliver(fixture('incoming-text'))).status).toBe(401);
});

test('one POST with several extension keys: one item per event; messages and incoming_messages are one message', async () => {
	const { deliver } = await activated();
	const body = { ...fixture('incoming-text'), ...fixture('chat-tagging-added'), ...fixture('chat-assignment-group-set'), ...fixture('status-read') };
	const result = await deliver(body);
	expect(result.items.map((i) => i.event)).toEqual(['message', 'status', 'assignment', 'tagging']);
});

test('events, tag and assigned-user filters', async () => {
	const { deliver } = await activated({ events: ['tagging', 'assignment'], options: { tagNames: 'vip, AGENT NEEDED', assignedUser: '12' } });
	expect((await deliver(fixture('incoming-text'))).items).toHaveLength(0);
	expect((await deliver(fixture('chat-tagging-added'))).items).toHaveLength(1);
	const other = fixture('chat-tagging-removed');
	((other.chat_tagging as IDataObject).tag as IDataObject).name = 'Spam';
	expect((await deliver(other)).items).toHaveLength(0);
	expect((await deliver(fixture('chat-assignment-user-set'))).items).toHaveLength(1);
	expect((await deliver(fixture('chat-assignment-group-set'))).items).toHaveLength(0);
});

test('own and assigned messages are separate choices', async () => {
	const { deliver } = await activated({ events: ['assignedMessage'] });
	expect((await deliver(fixture('outgoing-messages'))).items).toHaveLength(0);
	expect((await deliver(fixture('incoming-text'))).items).toHaveLength(0);
	expect((await deliver(fixture('assigned-messages'))).items).toHaveLength(1);
});

describe('Download Media', () => {
	test('fetches inbox media with the credential, from the credential’s own origin only', async () => {
		const { deliver } = await activated({ options: { downloadMedia: true } });
		const body = fixture('incoming-image');
		const link = `${env.origin}/api/v1/media/3f4a6a4c-0c36-4d6b-9f55-2f1f0c7f2a10/`;
		((body.messages as IDataObject[])[0].image as IDataObject).link = link;
		(((body.incoming_messages as IDataObject[])[0].waba_payload as IDataObject).image as IDataObject).link = link;
		env.fake.clearRequests();
		const result = await deliver(body);
		expect(result.items[0].media).toMatchObject({ url: link, downloadError: null });
		const binary = (result.response.workflowData![0][0].binary as IDataObject).data as never;
		expect((await readBinary(binary)).subarray(0, 4).toString('hex')).toBe('89504e47');
		expect(env.fake.requests.map((r) => [r.path, r.headers.authorization])).toEqual([[new URL(link).pathname, expect.stringMatching(/^Token /)]]);
	});

	test('a link on another host is not fetched (the item keeps the URL and the reason)', async () => {
		const { deliver } = await activated({ options: { downloadMedia: true } });
		env.fake.clearRequests();
		const result = await deliver(fixture('incoming-image'));
		expect(result.items[0].media).toMatchObject({ downloadError: 'acme.inbox.getchat.360dialog.io is not the credential’s inbox' });
		expect(env.fake.requests).toHaveLength(0);
	});
});
