import type { INodeParameters } from 'n8n-workflow';

import { readBinary, runNode } from '../harness/engine';
import { providerPerFile } from '../harness/provider';
import { startMaytapi } from './setup';

const env = providerPerFile(startMaytapi);

const phone = { __rl: true, mode: 'id', value: '1001' };
const group = { __rl: true, mode: 'id', value: '120363027326493365@g.us' };

interface WireCase {
	name: string;
	parameters: INodeParameters;
	/** Every request, in order: method, path below /api/<product>, body, query. */
	requests: Array<{ method: string; path: string; body?: unknown; query?: Record<string, string> }>;
	/** Puts the fake in the state the case needs (after the per-test reset). */
	arrange?: () => void;
	/** A check on the output items: every case has one, so a node that returns nothing fails. */
	output: (items: Array<Record<string, unknown>>) => void;
}

const G = '120363027326493365@g.us';

/** A phone operation without input: one GET on the phone, and the output it must give. */
const phoneGet = (operation: string, path: string, output: WireCase['output'], arrange?: () => void): WireCase => ({
	name: `phone.${operation}`,
	parameters: { resource: 'phone', operation, phoneId: phone },
	arrange,
	requests: [{ method: 'GET', path: `/1001${path}` }],
	output,
});

const cases: WireCase[] = [
	{
		name: 'contact.checkNumbers',
		parameters: { resource: 'contact', operation: 'checkNumbers', phoneId: phone, numbers: '+90 530 123 4567\n905301234560' },
		requests: [{ method: 'POST', path: '/1001/checkPhones', body: { numbers: ['905301234567', '905301234560'] } }],
		output: (items) => expect(items.map((i) => [i.number, i.onWhatsApp])).toEqual([['905301234567', true], ['905301234560', false]]),
	},
	{
		name: 'contact.getMany (limit)',
		parameters: { resource: 'contact', operation: 'getMany', phoneId: phone, returnAll: false, limit: 1 },
		requests: [{ method: 'GET', path: '/1001/contacts' }],
		output: (items) => expect(items).toHaveLength(1),
	},
	{
		name: 'contact.get',
		parameters: { resource: 'contact', operation: 'get', phoneId: phone, conversationId: '905551112233' },
		requests: [{ method: 'GET', path: '/1001/contact/905551112233%40c.us' }],
		output: (items) => expect(items[0]).toMatchObject({ id: '905551112233@c.us', name: 'Ayse Demir' }),
	},
	{
		name: 'group.create',
		parameters: { resource: 'group', operation: 'create', phoneId: phone, name: 'Launch', numbers: '905301234567, 905301234568' },
		requests: [{ method: 'POST', path: '/1001/createGroup', body: { name: 'Launch', numbers: ['905301234567', '905301234568'] } }],
		output: (items) => expect(items[0]).toMatchObject({ name: 'Launch', id: expect.stringMatching(/@g\.us$/) }),
	},
	{
		name: 'group.getMany (return all, with options)',
		parameters: { resource: 'group', operation: 'getMany', phoneId: phone, returnAll: true, options: { full: true, invite: true } },
		requests: [{ method: 'GET', path: '/1001/getGroups', query: { sort: 'true', full: 'true', invite: 'true', page: '1' } }],
		output: (items) => expect(items).toHaveLength(3),
	},
	{
		name: 'group.get',
		parameters: { resource: 'group', operation: 'get', phoneId: phone, groupId: group, invite: true },
		requests: [{ method: 'GET', path: '/1001/getGroups/120363027326493365%40g.us', query: { invite: 'true' } }],
		output: (items) => expect(items[0]).toMatchObject({ id: '120363027326493365@g.us', name: 'Sales Team' }),
	},
	{
		name: 'group.addParticipants (one call per number)',
		parameters: { resource: 'group', operation: 'addParticipants', phoneId: phone, groupId: group, numbers: '905309990001, 905309990002' },
		requests: [
			{ method: 'POST', path: '/1001/group/add', body: { conversation_id: '120363027326493365@g.us', number: '905309990001@c.us' } },
			{ method: 'POST', path: '/1001/group/add', body: { conversation_id: '120363027326493365@g.us', number: '905309990002@c.us' } },
		],
		output: (items) => expect(items.map((i) => i.participant)).toEqual(['905309990001@c.us', '905309990002@c.us']),
	},
	{
		name: 'group.removeParticipants',
		parameters: { resource: 'group', operation: 'removeParticipants', phoneId: phone, groupId: group, numbers: '905551112244' },
		requests: [{ method: 'POST', path: '/1001/group/remove', body: { conversation_id: '120363027326493365@g.us', number: '905551112244@c.us' } }],
		output: (items) => expect(items).toEqual([{ groupId: '120363027326493365@g.us', participant: '905551112244@c.us', success: true }]),
	},
	{
		name: 'group.promoteParticipants',
		parameters: { resource: 'group', operation: 'promoteParticipants', phoneId: phone, groupId: group, numbers: '905551112233@c.us' },
		requests: [{ method: 'POST', path: '/1001/group/promote', body: { conversation_id: '120363027326493365@g.us', number: '905551112233@c.us' } }],
		output: (items) => expect(items).toEqual([{ groupId: G, participant: '905551112233@c.us', success: true }]),
	},
	{
		name: 'group.demoteParticipants',
		parameters: { resource: 'group', operation: 'demoteParticipants', phoneId: phone, groupId: { __rl: true, mode: 'id', value: '905301234567-1574073754@g.us' }, numbers: '905551112233' },
		requests: [{ method: 'POST', path: '/1001/group/demote', body: { conversation_id: '905301234567-1574073754@g.us', number: '905551112233@c.us' } }],
		output: (items) => expect(items).toEqual([{ groupId: '905301234567-1574073754@g.us', participant: '905551112233@c.us', success: true }]),
	},
	{
		name: 'group.updateSettings',
		parameters: { resource: 'group', operation: 'updateSettings', phoneId: phone, groupId: group, settings: { send: 'admins', disappear: true } },
		requests: [{ method: 'POST', path: '/1001/group/config', body: { conversation_id: '120363027326493365@g.us', config: { send: 'admins', disappear: true } } }],
		// The group's whole configuration after the change, as Maytapi answers it.
		output: (items) => expect(items).toEqual([{ groupId: G, edit: expect.any(String), send: 'admins', disappear: true }]),
	},
	{
		name: 'group.setPicture',
		parameters: { resource: 'group', operation: 'setPicture', phoneId: phone, groupId: group, imageUrl: 'https://example.com/p.png' },
		requests: [{ method: 'POST', path: '/1001/setProfileImage', body: { conversation_id: '120363027326493365@g.us', image: 'https://example.com/p.png' } }],
		output: (items) => expect(items).toEqual([{ groupId: G, success: true }]),
	},
	{
		name: 'group.leave',
		parameters: { resource: 'group', operation: 'leave', phoneId: phone, groupId: group },
		requests: [{ method: 'POST', path: '/1001/leaveGroup', body: { id: '120363027326493365@g.us' } }],
		output: (items) => expect(items).toEqual([{ groupId: G, success: true }]),
	},
	{
		name: 'phone.getMany',
		parameters: { resource: 'phone', operation: 'getMany' },
		requests: [{ method: 'GET', path: '/listPhones' }],
		output: (items) => expect(items.map((i) => i.id)).toEqual(['1001', '1002']),
	},
	phoneGet('getStatus', '/status', (items) => expect(items[0]).toMatchObject({ success: true, status: expect.objectContaining({ loggedIn: true }) })),
	phoneGet('logout', '/logout', (items) => expect(items).toEqual([{ success: true }])),
	phoneGet('redeploy', '/redeploy', (items) => expect(items).toEqual([{ success: true, message: 'Phone 1001 is restarted.' }])),
	phoneGet('factoryReset', '/factoryreset', (items) => expect(items).toEqual([{ success: true }])),
	phoneGet('getQueue', '/queue', (items) => expect(items).toEqual([{ success: true, stats: { sending: 3 } }]), () => {
		env.fake.queue['1001'] = 3;
	}),
	phoneGet('purgeQueue', '/purgeQueue', (items) => expect(items).toEqual([{ success: true }])),
	phoneGet('getCatalog', '/catalog', (items) => expect(items[0]).toMatchObject({ success: true, data: expect.any(Array) })),
	phoneGet('getConfig', '/config', (items) => expect(items).toEqual([{ webhook: '', ack_delivery: false }])),
	{
		name: 'phone.setConfig',
		parameters: { resource: 'phone', operation: 'setConfig', phoneId: phone, webhook: 'https://example.com/hook', ackDelivery: true },
		requests: [{ method: 'POST', path: '/1001/config', body: { webhook: 'https://example.com/hook', ack_delivery: true } }],
		output: (items) => expect(items[0]).toEqual({ webhook: 'https://example.com/hook', ack_delivery: true }),
	},
	{
		name: 'phone.setProfilePicture',
		parameters: { resource: 'phone', operation: 'setProfilePicture', phoneId: phone, imageUrl: 'https://example.com/me.png' },
		requests: [{ method: 'POST', path: '/1001/setProfileImage', body: { conversation_id: '', image: 'https://example.com/me.png' } }],
		output: (items) => expect(items).toEqual([{ success: true }]),
	},
	{
		name: 'account.getProduct',
		parameters: { resource: 'account', operation: 'getProduct' },
		requests: [{ method: 'GET', path: '/product' }],
		output: (items) => expect(items[0]).toMatchObject({ pid: 'a1b2c3d4-0000-4000-8000-000000000001', phone_limit: 2 }),
	},
	{
		name: 'account.setWebhook',
		parameters: { resource: 'account', operation: 'setWebhook', webhook: 'https://example.com/all' },
		requests: [{ method: 'POST', path: '/setWebhook', body: { webhook: 'https://example.com/all' } }],
		output: (items) => expect(items[0]).toMatchObject({ webhook: 'https://example.com/all' }),
	},
	{
		name: 'account.setAckPreference',
		parameters: { resource: 'account', operation: 'setAckPreference', ackDelivery: true },
		requests: [{ method: 'POST', path: '/setAckPreference', body: { ack_delivery: true } }],
		output: (items) => expect(items[0]).toMatchObject({ ack_delivery: true }),
	},
	{
		name: 'account.getLogs',
		parameters: { resource: 'account', operation: 'getLogs', returnAll: true },
		arrange: () => {
			env.fake.deliveryLog.push({ id: 1, type: 'incoming', data: { body: { type: 'message' }, webhook: 'https://example.com/hook', response: { statusCode: 200 } } });
			env.fake.deliveryLog.push({ id: 2, type: 'error', data: { body: { type: 'ack' }, webhook: 'https://example.com/hook', response: { statusCode: 0 } } });
		},
		requests: [{ method: 'GET', path: '/logs' }],
		// Newest first, as Maytapi lists them.
		output: (items) => expect(items.map((i) => [i.id, i.type])).toEqual([[2, 'error'], [1, 'incoming']]),
	},
	{
		name: 'account.getQueues',
		parameters: { resource: 'account', operation: 'getQueues' },
		requests: [{ method: 'GET', path: '/queues' }],
		output: (items) => expect(items.map((i) => i.id)).toEqual(['1001', '1002']),
	},
];

describe('every non-message operation sends the documented request', () => {
	test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
		c.arrange?.();
		const result = await runNode(env.action, { parameters: c.parameters });
		expect(result.error).toBeUndefined();
		expect(
			env.fake.requests.map((r) => ({
				method: r.method,
				path: r.path.replace(env.api, ''),
				...(r.body ? { body: r.body } : {}),
				...(Object.keys(r.query).length ? { query: r.query } : {}),
			})),
		).toEqual(c.requests);
		for (const request of env.fake.requests) expect(request.headers['x-maytapi-key']).toBe('test-token');
		for (const item of result.items) expect(item.pairedItem).toEqual({ item: 0 });
		c.output(result.items.map((i) => i.json));
	});
});

describe('binary outputs', () => {
	test.each([
		['getQrCode', '/1001/qrCode', 'qr-code-1001.png'],
		['getScreenshot', '/1001/screen', 'screenshot-1001.png'],
	])('phone.%s returns the image as binary data', async (operation, path, fileName) => {
		const result = await runNode(env.action, { parameters: { resource: 'phone', operation, phoneId: phone, binaryPropertyName: 'image' } });
		expect(result.error).toBeUndefined();
		expect(env.fake.requests.map((r) => [r.method, r.path.replace(env.api, '')])).toEqual([['GET', path]]);
		const binary = result.items[0].binary!.image;
		expect(binary).toMatchObject({ mimeType: 'image/png', fileName });
		expect((await readBinary(binary)).subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
		expect(result.items[0].json).toMatchObject({ phoneId: '1001', mimeType: 'image/png' });
	});

	test('a JSON error from an image endpoint is a provider error, not a broken image', async () => {
		env.fake.failNext({ status: 200, body: { success: false, message: 'Phone is not on the QR screen' }, match: { path: `${env.api}/1001/qrCode` } });
		const result = await runNode(env.action, { parameters: { resource: 'phone', operation: 'getQrCode', phoneId: phone, binaryPropertyName: 'data' } });
		expect(result.error?.message).toBe('Maytapi: Phone is not on the QR screen');
	});
});

describe('pagination', () => {
	test('group.getMany with Return All follows pages until the total is reached', async () => {
		const small = await startMaytapiWithGroupLimit(2);
		try {
			const result = await runNode(small.action, { parameters: { resource: 'group', operation: 'getMany', phoneId: phone, returnAll: true } });
			expect(result.error).toBeUndefined();
			expect(small.fake.requests.map((r) => r.query.page)).toEqual(['1', '2']);
			expect(result.items).toHaveLength(3);
		} finally {
			await small.fake.stop();
		}
	});

	test('group.getMany with a limit stops as soon as it has enough', async () => {
		const small = await startMaytapiWithGroupLimit(2);
		try {
			const result = await runNode(small.action, { parameters: { resource: 'group', operation: 'getMany', phoneId: phone, returnAll: false, limit: 2 } });
			expect(small.fake.requests.map((r) => r.query.page)).toEqual(['1']);
			expect(result.items).toHaveLength(2);
		} finally {
			await small.fake.stop();
		}
	});
});

async function startMaytapiWithGroupLimit(groupPageLimit: number) {
	const { MaytapiFake } = await import('../fakes/maytapi');
	const base = await startMaytapi();
	await base.fake.stop();
	const fake = new MaytapiFake({ groupPageLimit });
	const origin = await fake.start();
	return { fake, action: { ...base.action, credentials: { ...base.credentials, baseUrl: `${origin}/api` } } };
}

test('phone.add sends the optional number normalised', async () => {
	const { MaytapiFake } = await import('../fakes/maytapi');
	const fake = new MaytapiFake({ phoneLimit: 3 });
	const origin = await fake.start();
	try {
		const result = await runNode({ ...env.action, credentials: { ...env.credentials, baseUrl: `${origin}/api` } }, {
			parameters: { resource: 'phone', operation: 'add', number: '+90 530 123 4570' },
		});
		expect(result.error).toBeUndefined();
		expect(fake.requests.map((r) => [r.method, r.path.replace(env.api, ''), r.body])).toEqual([['POST', '/addPhone', { number: '905301234570' }]]);
		expect(result.items[0].json).toMatchObject({ id: expect.any(String), number: '905301234570' });
	} finally {
		await fake.stop();
	}
});

describe('older Maytapi deployments', () => {
	test('logout falls back to POST when GET is not allowed', async () => {
		const path = `${env.api}/1001/logout`;
		env.fake.failNext({ status: 405, body: { success: false, message: 'Method not allowed' }, match: { method: 'GET', path } });
		env.fake.failNext({ status: 200, body: { success: true }, match: { method: 'POST', path } });
		const result = await runNode(env.action, { parameters: { resource: 'phone', operation: 'logout', phoneId: phone } });
		expect(result.error).toBeUndefined();
		expect(env.fake.requests.map((r) => [r.method, r.path])).toEqual([['GET', path], ['POST', path]]);
	});

	test('a 404 on a phone that is not there is not retried as POST for other operations', async () => {
		const result = await runNode(env.action, { parameters: { resource: 'phone', operation: 'getQueue', phoneId: { __rl: true, mode: 'id', value: '999' } } });
		expect(result.error?.httpCode).toBe('404');
		expect(env.fake.requests.map((r) => r.method)).toEqual(['GET']);
	});

	test('ack preference retries with the legacy "preference" key when the spec key did not take', async () => {
		const path = `${env.api}/setAckPreference`;
		env.fake.failNext({ status: 200, body: { pid: 'x', webhook: '', ack_delivery: false, phone_limit: 2 }, match: { method: 'POST', path } });
		const result = await runNode(env.action, { parameters: { resource: 'account', operation: 'setAckPreference', ackDelivery: true } });
		expect(result.error).toBeUndefined();
		expect(env.fake.requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['POST', path, { ack_delivery: true }],
			['POST', path, { preference: true }],
		]);
		expect(result.items[0].json).toMatchObject({ ack_delivery: true });
	});
});

describe('group participants with Continue On Fail', () => {
	test('one item per participant: the failed one becomes an error item, the others keep their result', async () => {
		const result = await runNode(env.action, {
			parameters: { resource: 'group', operation: 'addParticipants', phoneId: phone, groupId: group, numbers: '905309990001, 905551112233, 905309990002' },
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([
			{ groupId: G, participant: '905309990001@c.us', success: true },
			{
				groupId: G,
				participant: '905551112233@c.us',
				error: 'Maytapi: 905551112233@c.us is already a participant',
				httpCode: '200',
				description: expect.stringContaining('Response:'),
			},
			{ groupId: G, participant: '905309990002@c.us', success: true },
		]);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
		expect(env.fake.state().groups.find((g) => g.id === G)?.participants).toEqual(expect.arrayContaining(['905309990001@c.us', '905309990002@c.us']));
	});

	test('without it the node stops at the failing participant, naming the item', async () => {
		const result = await runNode(env.action, {
			parameters: { resource: 'group', operation: 'addParticipants', phoneId: phone, groupId: group, numbers: '905551112233, 905309990002' },
		});
		expect(result.error?.message).toBe('Maytapi: 905551112233@c.us is already a participant');
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(env.fake.requests).toHaveLength(1);
	});
});

describe('operations say what they return', () => {
	test('provider JSON that happens to have a `json` object field is output whole', async () => {
		const body = { success: true, json: { note: 'a field named json' }, status: { loggedIn: true } };
		env.fake.failNext({ status: 200, body, match: { path: `${env.api}/1001/status` } });
		const result = await runNode(env.action, { parameters: { resource: 'phone', operation: 'getStatus', phoneId: phone } });
		expect(result.items.map((i) => i.json)).toEqual([body]);
	});
});

test('group.getMany with Return All follows full pages when Maytapi gives no total', async () => {
	const small = await startMaytapiWithGroupLimit(2);
	try {
		const path = `${env.api}/1001/getGroups`;
		// The first page as some accounts answer it: `count` is the page's size, and no `total`.
		small.fake.failNext({ status: 200, body: { success: true, count: 2, limit: 2, page: 1, data: small.fake.state().groups.slice(0, 2) }, match: { path } });
		const result = await runNode(small.action, { parameters: { resource: 'group', operation: 'getMany', phoneId: phone, returnAll: true } });
		expect(result.error).toBeUndefined();
		expect(small.fake.requests.map((r) => r.query.page)).toEqual(['1', '2']);
		expect(result.items).toHaveLength(3);
	} finally {
		await small.fake.stop();
	}
});
