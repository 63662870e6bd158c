import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { LetsBotApi } from '../../credentials/LetsBotApi.credentials';
import { WhatsLoopApi } from '../../credentials/WhatsLoopApi.credentials';
import { LETS_BOT, WHATSLOOP } from '../../nodes/WhatsLoop/platform/brands';
import { planRateLimit, specOf } from '../../nodes/WhatsLoop/platform/transport';
import { credentialTestUrl, testCredential } from '../harness/credential-test';
import { runNode } from '../harness/engine';
import type { RepeatCase } from '../harness/provider';
import { describeRepeats, providerPerFile, recordWaits } from '../harness/provider';
import { CHAT, OPERATIONS } from './operations';
import { LB_TOKEN, startPlatform, WL_TOKEN } from './setup';

const env = providerPerFile(startPlatform);
const waits = recordWaits();

const sendText = { resource: 'message', operation: 'sendText', to: CHAT, text: 'Hi' };

describe('platform errors become NodeApiError with the platform’s own message', () => {
	test('422 {"Status":0,"Message":…}', async () => {
		const result = await runNode(env.whatsLoop, { parameters: { resource: 'apiRequest', operation: 'request', method: 'POST', path: 'message/send', body: '{"body":"x"}' } });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('WhatsLoop: Phone is Required');
		expect(result.error?.httpCode).toBe('422');
	});

	test('HTTP 200 with {"Status":0} and with {"success":false}', async () => {
		env.fake.failNext({ status: 200, body: { Status: 0, Message: 'Body is Required' } });
		const first = await runNode(env.whatsLoop, { parameters: sendText });
		expect(first.error?.message).toBe('WhatsLoop: Body is Required');
		const second = await runNode(env.whatsLoop, { parameters: { resource: 'group', operation: 'getMetadata', jid: '120363999999999999@g.us' } });
		expect(second.error?.message).toBe('WhatsLoop: Group Not Exist');
	});

	test('the Lets bot node names its own brand', async () => {
		env.fake.failNext({ status: 500, body: { success: false, message: 'Engine down', data: {} } });
		const result = await runNode(env.letsBot, { parameters: sendText });
		expect(result.error?.message).toBe('Lets bot: Engine down');
		expect(result.error?.httpCode).toBe('500');
		expect(env.fake.requests).toHaveLength(1);
	});

	test('a plain non-2xx answer (no envelope) also fails with its own text', async () => {
		env.fake.failNext({ status: 500, body: 'Server Error', contentType: 'text/html; charset=UTF-8' });
		const html = await runNode(env.whatsLoop, { parameters: sendText });
		expect(html.error?.name).toBe('NodeApiError');
		expect(html.error?.message).toBe('WhatsLoop: Server Error');
		expect(html.error?.httpCode).toBe('500');
		env.fake.failNext({ status: 403, body: { message: 'This action is unauthorized.' } });
		const forbidden = await runNode(env.letsBot, { parameters: sendText });
		expect(forbidden.error?.name).toBe('NodeApiError');
		expect(forbidden.error?.message).toBe('Lets bot: This action is unauthorized.');
		expect(forbidden.error?.httpCode).toBe('403');
		expect(env.fake.state().sent).toHaveLength(0);
	});

	test('401 names the credential problem and never shows the token', async () => {
		const result = await runNode({ ...env.whatsLoop, credentials: { ...env.whatsLoop.credentials, token: 'wrong-token-123456' } }, { parameters: sendText });
		expect(result.error?.message).toBe('WhatsLoop: Unauthenticated.');
		expect(result.error?.httpCode).toBe('401');
		expect(JSON.stringify(result.error)).not.toContain('wrong-token-123456');
	});

	test('a route missing on this host answers 404: the error names the route and suggests API Request', async () => {
		env.fake.unavailable.add('button/video');
		try {
			const result = await runNode(env.letsBot, {
				parameters: { resource: 'interactive', operation: 'sendButtons', to: CHAT, header: 'video', headerUrl: 'https://cdn.example.com/v.mp4', text: 'Watch', buttons: { button: [{ id: 'a', title: 'A' }] } },
			});
			expect(result.error?.message).toBe('Lets bot: Route not found: POST /tenants/acme/api/v1/button/video (POST /button/video)');
			expect(result.error?.httpCode).toBe('404');
			expect(result.error?.description).toMatch(/API Request operation/);
			expect(result.error?.description).toMatch(/unverified on WhatsLoop/);
		} finally {
			env.fake.unavailable.delete('button/video');
		}
	});

	test('status PENDING is a queued message, not a failure', async () => {
		const result = await runNode(env.whatsLoop, { parameters: sendText });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ queued: true, status: 'PENDING' });
	});

	test('Continue On Fail: the failing item becomes an error item, the others are sent', async () => {
		const items = [{ json: { to: CHAT } }, { json: { to: 'not-a-number' } }, { json: { to: '966500000002' } }];
		const result = await runNode(env.whatsLoop, { parameters: { ...sendText, to: '={{ $json.to }}' }, items, continueOnFail: true });
		expect(result.items.map((i) => Boolean(i.json.error))).toEqual([false, true, false]);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(String(result.items[1].json.error)).toMatch(/"To" is not a valid phone number.*\[item 1\]/);
		expect(env.fake.state().sent).toHaveLength(2);
	});
});

describe('a connection reset after the platform got the request: repeated only when declared repeatable', () => {
	/** Plain reads and whole-value writes (set a name, a setting, a chat state) may be repeated; sends and other writes never. */
	const REPEATABLE = new Set([
		'message.get',
		'message.getRecent',
		'message.delete',
		'chat.getMany',
		'chat.getContacts',
		'chat.getConversation',
		'chat.showPresence',
		'chat.markRead',
		'chat.markUnread',
		'chat.archive',
		'chat.unarchive',
		'chat.pin',
		'chat.unpin',
		'chat.unmute',
		'group.getMany',
		'group.getMetadata',
		'group.getMessages',
		'group.join',
		'group.getInviteCode',
		'group.getInviteInfo',
		'group.rename',
		'group.setDescription',
		'group.updateSettings',
		'group.getPicture',
		'group.setPicture',
		'user.checkNumber',
		'user.getBusinessProfile',
		'user.getProfilePicture',
		'user.block',
		'user.unblock',
		'user.setName',
		'instance.getStatus',
		'instance.getQrCode',
		'instance.getSessionStatus',
		'instance.findSession',
		'instance.setSettings',
		'instance.setPresence',
		'instance.setAbout',
		'product.getMany',
		'product.get',
		'product.getOrder',
		'apiRequest.request',
	]);
	const cases: Record<string, RepeatCase> = {};
	for (const [name, params, wire] of OPERATIONS) {
		const key = name.split(' ')[0];
		if (cases[key]) continue;
		cases[key] = { parameters: params, at: { method: wire.method, path: `/api/v1/${wire.route}` }, repeatable: REPEATABLE.has(key) };
	}
	describeRepeats(
		{
			get action() {
				return env.whatsLoop;
			},
			get fake() {
				return env.fake;
			},
		},
		cases,
		waits,
		'WhatsLoop',
	);

	test('API Request: only GET is repeated', async () => {
		env.fake.failNext({ disconnect: true });
		const post = await runNode(env.whatsLoop, { parameters: { resource: 'apiRequest', operation: 'request', method: 'POST', path: 'message/send', body: `{"phone":"${CHAT}","body":"x"}` } });
		expect(post.error?.message).toMatch(/not repeated to avoid a duplicate/);
		expect(env.fake.requests).toHaveLength(1);
	});
});

describe('rate limits', () => {
	test('plans: the burst of the plan, then one request per second; Custom is its own number', () => {
		expect(planRateLimit({ plan: 'basic' })).toEqual({ perMinute: 60, burst: 60 });
		expect(planRateLimit({ plan: 'flex' })).toEqual({ perMinute: 60, burst: 120 });
		expect(planRateLimit({ plan: 'extra' })).toEqual({ perMinute: 60, burst: 180 });
		expect(planRateLimit({})).toEqual({ perMinute: 60, burst: 60 });
		expect(planRateLimit({ plan: 'custom', requestsPerMinute: 30 })).toEqual({ perMinute: 30, burst: 30 });
	});

	test('a 429 waits Retry-After, then the send goes once', async () => {
		env.fake.failNext({ status: 429, headers: { 'Retry-After': '3' }, body: { success: false, message: 'Too Many Attempts.' } });
		const result = await runNode(env.whatsLoop, { parameters: sendText });
		expect(result.error).toBeUndefined();
		expect(waits).toEqual([3000]);
		expect(env.fake.requests).toHaveLength(2);
		expect(env.fake.state().sent).toHaveLength(1);
	});

	test('a 429 pauses the whole node: the next items wait too, none hits the limit again', async () => {
		env.fake.failNext({ status: 429, headers: { 'Retry-After': '5' }, body: { success: false, message: 'Too Many Attempts.' } });
		const items = [0, 1, 2].map((n) => ({ json: { to: `96650000000${n}` } }));
		const result = await runNode(env.whatsLoop, { parameters: { ...sendText, to: '={{ $json.to }}' }, items });
		expect(result.error).toBeUndefined();
		expect(env.fake.requests.length).toBe(4);
		// One pause for the whole node; after it the gate resumes at the plan's pace (here ≈1 ms a request).
		expect(waits.filter((w) => w > 10)).toEqual([5000]);
		expect(env.fake.state().sent.map((s: { body: { phone: string } }) => s.body.phone)).toEqual(['966500000000', '966500000001', '966500000002']);
	});
});

describe('credential test (GET message/fetch?limit=1)', () => {
	test.each([
		['WhatsLoop', new WhatsLoopApi(), WL_TOKEN, () => env.api, '/api/v1/message/fetch'],
		['Lets bot (tenant base URL)', new LetsBotApi(), LB_TOKEN, () => `${env.letsBotApi}/`, '/tenants/acme/api/v1/message/fetch'],
	])('%s: passes with the right token, fails with a wrong one', async (_name, type, token, baseUrl, path) => {
		const ok = await testCredential(type, { token, baseUrl: baseUrl() });
		expect(ok.status).toBe('OK');
		expect(env.fake.requests[0]).toMatchObject({ method: 'GET', path, query: { limit: '1' } });
		expect(env.fake.requests[0].headers.authorization).toBe(`Bearer ${token}`);
		expect(env.fake.requests[0].headers.accept).toBe('application/json');
		const bad = await testCredential(type, { token: 'nope', baseUrl: baseUrl() });
		expect(bad.status).toBe('Error');
	});

	test('a 403 fails the test', async () => {
		env.fake.failNext({ status: 403, body: { message: 'This action is unauthorized.' } });
		expect((await testCredential(new WhatsLoopApi(), { token: WL_TOKEN, baseUrl: env.api })).status).toBe('Error');
	});

	test('an HTTP 200 body that says failure fails the test', async () => {
		env.fake.failNext({ status: 200, body: { success: false, message: 'Instance not connected' } });
		expect((await testCredential(new WhatsLoopApi(), { token: WL_TOKEN, baseUrl: env.api })).status).toBe('Error');
		env.fake.failNext({ status: 200, body: { Status: 0, Message: 'Token invalid' } });
		expect((await testCredential(new WhatsLoopApi(), { token: WL_TOKEN, baseUrl: env.api })).status).toBe('Error');
	});

	test.each([
		[WHATSLOOP, new WhatsLoopApi()],
		[LETS_BOT, new LetsBotApi()],
	])('$name: the test and the node build the same URL (blank = the brand default, trimmed)', (brand, type) => {
		for (const baseUrl of [undefined, '', '  ', 'https://t1.letsbot.net/api/v1/', '  http://127.0.0.1:5683/api/v1//  ']) {
			const credentials = { token: 't', ...(baseUrl === undefined ? {} : { baseUrl }) } as ICredentialDataDecryptedObject;
			expect(credentialTestUrl(type, credentials)).toBe(`${specOf(brand).baseUrl(credentials)}/message/fetch`);
		}
		expect(specOf(brand).baseUrl({})).toBe(brand.defaultBaseUrl);
	});
});
