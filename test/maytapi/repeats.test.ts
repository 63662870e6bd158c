import type { INodeListSearchResult } from 'n8n-workflow';

import { loadOptions } from '../harness/engine';
import type { RepeatCase } from '../harness/provider';
import { describeRepeats, providerPerFile, recordWaits } from '../harness/provider';
import { PRODUCT_ID, startMaytapi } from './setup';

const env = providerPerFile(startMaytapi);
const waits = recordWaits();

const API = `/api/${PRODUCT_ID}`;
const phone = { __rl: true, mode: 'id', value: '1001' };
const group = { __rl: true, mode: 'id', value: '120363027326493365@g.us' };
const to = '905301234567';

const send = (parameters: RepeatCase['parameters']): RepeatCase => ({
	parameters: { phoneId: phone, to, ...parameters },
	at: { method: 'POST', path: `${API}/1001/sendMessage` },
	repeatable: false,
});
const onPhone = (method: string, path: string, repeatable: boolean, parameters: RepeatCase['parameters'] = {}): RepeatCase => ({
	parameters: { phoneId: phone, ...parameters },
	at: { method, path: `${API}/1001${path}` },
	repeatable,
});
const onProduct = (method: string, path: string, repeatable: boolean, parameters: RepeatCase['parameters'] = {}): RepeatCase => ({
	parameters,
	at: { method, path: `${API}${path}` },
	repeatable,
});
const participants = (path: string) => onPhone('POST', path, false, { groupId: group, numbers: '905309990001' });

/** Every Maytapi operation, what a dropped connection after its request hits, and whether it may be repeated. */
const cases: Record<string, RepeatCase> = {
	'message.sendText': send({ text: 'Hi' }),
	'message.sendMedia': send({ source: 'url', mediaUrl: 'https://example.com/a.pdf' }),
	'message.sendLink': send({ url: 'https://n8n.io' }),
	'message.sendLocation': send({ latitude: 41, longitude: 29 }),
	'message.sendContact': send({ contact: '905301234568' }),
	'message.sendVcard': send({ vcardMode: 'fields', displayName: 'Jane', phones: '905301234568' }),
	'message.sendPoll': send({ question: 'Slot?', answers: { answer: [{ text: 'A' }, { text: 'B' }] } }),
	'message.sendSticker': send({ url: 'https://example.com/s.webp' }),
	'message.sendButtons': send({ text: 'Pick', buttons: { button: [{ id: 'y', text: 'Yes' }] } }),
	'message.sendProduct': send({ productId: '5829304817234561' }),
	'message.forward': send({ messageId: 'false_905551112233@c.us_3EB0' }),
	'message.react': send({ messageId: 'abc-123', emoji: '👍' }),
	'message.edit': send({ messageId: 'abc-123', text: 'Fixed' }),
	'message.delete': send({ messageId: 'abc-123' }),

	'contact.checkNumbers': onPhone('POST', '/checkPhones', true, { numbers: '905301234567' }),
	'contact.get': onPhone('GET', '/contact/905551112233%40c.us', true, { conversationId: '905551112233' }),
	'contact.getMany': onPhone('GET', '/contacts', true, { returnAll: true }),

	'group.create': onPhone('POST', '/createGroup', false, { name: 'Launch', numbers: '905301234567' }),
	'group.getMany': onPhone('GET', '/getGroups', true, { returnAll: true }),
	'group.get': onPhone('GET', '/getGroups/120363027326493365%40g.us', true, { groupId: group }),
	'group.addParticipants': participants('/group/add'),
	'group.removeParticipants': participants('/group/remove'),
	'group.promoteParticipants': participants('/group/promote'),
	'group.demoteParticipants': participants('/group/demote'),
	'group.updateSettings': onPhone('POST', '/group/config', false, { groupId: group, settings: { send: 'admins' } }),
	'group.setPicture': onPhone('POST', '/setProfileImage', false, { groupId: group, imageUrl: 'https://example.com/p.png' }),
	'group.leave': onPhone('POST', '/leaveGroup', false, { groupId: group }),

	'phone.getMany': onProduct('GET', '/listPhones', true),
	'phone.add': onProduct('POST', '/addPhone', false),
	'phone.getStatus': onPhone('GET', '/status', true),
	'phone.getQrCode': onPhone('GET', '/qrCode', true, { binaryPropertyName: 'data' }),
	'phone.getScreenshot': onPhone('GET', '/screen', true, { binaryPropertyName: 'data' }),
	'phone.logout': onPhone('GET', '/logout', false),
	'phone.redeploy': onPhone('GET', '/redeploy', false),
	'phone.factoryReset': onPhone('GET', '/factoryreset', false),
	'phone.getQueue': onPhone('GET', '/queue', true),
	'phone.purgeQueue': onPhone('GET', '/purgeQueue', false),
	'phone.getConfig': onPhone('GET', '/config', true),
	'phone.setConfig': onPhone('POST', '/config', true, { webhook: 'https://example.com/hook', ackDelivery: true }),
	'phone.getCatalog': onPhone('GET', '/catalog', true),
	'phone.setProfilePicture': onPhone('POST', '/setProfileImage', false, { imageUrl: 'https://example.com/me.png' }),

	'account.getProduct': onProduct('GET', '/product', true),
	'account.setWebhook': onProduct('POST', '/setWebhook', true, { webhook: 'https://example.com/all' }),
	'account.setAckPreference': onProduct('POST', '/setAckPreference', true, { ackDelivery: true }),
	'account.getLogs': onProduct('GET', '/logs', true, { returnAll: true }),
	'account.getQueues': onProduct('GET', '/queues', true),
};

describe('a connection reset after Maytapi got the request: repeated only when declared repeatable', () => {
	describeRepeats(env, cases, waits, 'Maytapi');
});

describe('dropdowns are reads: retried after a reset', () => {
	test.each([
		['searchPhones', `${API}/listPhones`],
		['searchGroups', `${API}/1001/getGroups`],
	])('%s', async (method, path) => {
		env.fake.failNext({ disconnect: true, match: { path } });
		const result = (await loadOptions(env.action, 'listSearch', method, { phoneId: phone })) as INodeListSearchResult;
		expect(result.results.length).toBeGreaterThan(0);
		expect(env.fake.requests.filter((r) => r.path === path)).toHaveLength(2);
		expect(waits).toEqual([500]);
	});

	test('getCatalogProducts', async () => {
		const path = `${API}/1001/catalog`;
		env.fake.failNext({ disconnect: true, match: { path } });
		const result = await loadOptions(env.action, 'loadOptions', 'getCatalogProducts', { phoneId: phone });
		expect(result).not.toHaveLength(0);
		expect(env.fake.requests.filter((r) => r.path === path)).toHaveLength(2);
	});
});
