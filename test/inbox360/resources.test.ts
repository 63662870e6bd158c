import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { Inbox360 } from '../../nodes/Inbox360/Inbox360.node';

import { DEFAULTS } from '../fakes/inbox360';
import { readBinary, runNode } from '../harness/engine';
import { expectRejectedBeforeSending, operationsOf, providerPerFile } from '../harness/provider';
import { ADD_CHAT_TAG, ADD_MESSAGE_TAG, byName, chat, fileItem, id, list, PNG, startInbox360, wire } from './setup';

const env = providerPerFile(startInbox360);


const MEDIA_ID = '3f4a6a4c-0c36-4d6b-9f55-2f1f0c7f2a10';

interface CallSetup {
	/** Runs first (their requests are not part of the wire asserted): taggings to get or remove. */
	before?: INodeParameters[];
	items?: INodeExecutionData[];
	/** The one multipart part a file upload must carry: its Content-Disposition head and the file's bytes. */
	multipart?: { head: string; bytes: Buffer };
}

/** Operation → the exact requests it makes against a fresh inbox (message sends: messages.test.ts). */
const calls: Array<[string, INodeParameters, unknown[], CallSetup?]> = [
	['chat get many with filters', { resource: 'chat', operation: 'getMany', returnAll: false, limit: 2, filters: { search: 'konrad', assignedToMe: true, unread: true, tagId: '5', assignedGroup: id('23') } }, [['GET', '/chats/?search=konrad&assigned_to_me=true&assigned_group=23&chat_tag_id=5&unread=true&limit=2&offset=0', undefined]]],
	['chat get', { resource: 'chat', operation: 'get', chat: chat('48123123123') }, [['GET', '/chats/48123123123/', undefined]]],
	['chat resolve', { resource: 'chat', operation: 'resolve', chat: chat('48123123123') }, [['PATCH', '/chats/48123123123/resolve', { resolved: true }]]],
	['chat reopen', { resource: 'chat', operation: 'reopen', chat: list('48123123123') }, [['PATCH', '/chats/48123123123/resolve', { resolved: false }]]],
	['assignment get', { resource: 'assignment', operation: 'get', chat: chat('48123123123') }, [['GET', '/chat_assignment/48123123123/', undefined]]],
	['assign user and group', { resource: 'assignment', operation: 'assign', chat: chat('48123123123'), user: id('12'), group: list('23') }, [['PATCH', '/chat_assignment/48123123123/', { assigned_to_user: 12, assigned_group: 23 }]]],
	['assign group only', { resource: 'assignment', operation: 'assign', chat: chat('48123123123'), group: id('23') }, [['PATCH', '/chat_assignment/48123123123/', { assigned_group: 23 }]]],
	['unassign user', { resource: 'assignment', operation: 'unassign', chat: chat('48123123123'), clear: 'user' }, [['PATCH', '/chat_assignment/48123123123/', { assigned_to_user: null }]]],
	['unassign both', { resource: 'assignment', operation: 'unassign', chat: chat('48123123123'), clear: 'both' }, [['PATCH', '/chat_assignment/48123123123/', { assigned_to_user: null, assigned_group: null }]]],
	['assignment events', { resource: 'assignment', operation: 'getEvents', returnAll: true, filters: { waId: '48123123123', sinceTime: '2021-02-15T14:00:00Z', beforeTime: 1613400000 } }, [['GET', '/chat_assignment_events/?wa_id=48123123123&since_time=1613397600&before_time=1613400000&limit=100&offset=0', undefined]]],
	['tags', { resource: 'tag', operation: 'getMany', returnAll: true }, [['GET', '/tags/?limit=100&offset=0', undefined]]],
	['tag create', { resource: 'tag', operation: 'create', name: 'Refund', color: '#00ff00' }, [['POST', '/tags/', { name: 'Refund', web_inbox_color: '#00ff00' }]]],
	['tag a chat (tag by id, with extra)', { resource: 'chatTagging', operation: 'add', chat: chat('48123123123'), tag: id('5'), options: { extra: '{"source":"n8n"}' } }, [['POST', '/chat_tagging/', { tag: 5, chat: '48123123123', extra: { source: 'n8n' } }]]],
	['tag a chat by name', { resource: 'chatTagging', operation: 'add', chat: chat('48123123123'), tag: byName('agent NEEDED') }, [['GET', '/tags/?limit=100&offset=0', undefined], ['POST', '/chat_tagging/', { tag: 5, chat: '48123123123' }]]],
	['tag a chat by a new name, created', { resource: 'chatTagging', operation: 'add', chat: chat('48123123123'), tag: byName('Lead'), options: { createMissing: true } }, [['GET', '/tags/?limit=100&offset=0', undefined], ['POST', '/tags/', { name: 'Lead' }], ['POST', '/chat_tagging/', { tag: 100, chat: '48123123123' }]]],
	['chat tagging events', { resource: 'chatTagging', operation: 'getEvents', returnAll: false, limit: 5, filters: { waId: '48123123123' } }, [['GET', '/chat_tagging_events/?wa_id=48123123123&limit=5&offset=0', undefined]]],
	['tag a message', { resource: 'messageTagging', operation: 'add', messageId: 'ABGGSFEBeRJ_AhD8o8zP9ulNeUPgdKvfzvgh', tag: list('5') }, [['POST', '/message_tagging/', { tag: 5, message: 'ABGGSFEBeRJ_AhD8o8zP9ulNeUPgdKvfzvgh' }]]],
	['message tagging events', { resource: 'messageTagging', operation: 'getEvents', returnAll: true, filters: { messageId: 'ABGG1' } }, [['GET', '/message_tagging_events/?message_id=ABGG1&limit=100&offset=0', undefined]]],
	['messages search', { resource: 'message', operation: 'getMany', returnAll: false, limit: 10, filters: { waId: '+48 123 123 123', search: 'hello', fromUs: 'false', markAsReceived: true } }, [['GET', '/messages/?wa_id=48123123123&search=hello&from_us=false&mark_as_received=1&limit=10&offset=0', undefined]]],
	['mark as received', { resource: 'message', operation: 'markAsReceived', chat: chat('48123123123'), timestamp: 1612544982 }, [['POST', '/mark_as_received/', { customer_wa_id: '48123123123', timestamp: 1612544982 }]]],
	['persons', { resource: 'person', operation: 'getMany', returnAll: true, search: 'ewa' }, [['GET', '/persons/?search=ewa&limit=100&offset=0', undefined]]],
	['person', { resource: 'person', operation: 'get', chat: chat('48500600700') }, [['GET', '/persons/48500600700/', undefined]]],
	['contact get', { resource: 'contact', operation: 'get', chat: chat('48123123123') }, [['GET', '/contacts/48123123123/', undefined]]],
	['verify numbers', { resource: 'contact', operation: 'verify', numbers: '+48 123 123 123\n+1 631 555 1001', wait: true, forceCheck: false }, [['POST', '/contacts/verify/', { contacts: ['+48 123 123 123', '+1 631 555 1001'], blocking: 'wait', force_check: false }]]],
	['users', { resource: 'user', operation: 'getMany', returnAll: true }, [['GET', '/users/?limit=100&offset=0', undefined]]],
	['current user', { resource: 'user', operation: 'getCurrent' }, [['GET', '/users/current/', undefined]]],
	['user', { resource: 'user', operation: 'get', user: id('12') }, [['GET', '/users/12/', undefined]]],
	['create app user', { resource: 'user', operation: 'create', username: 'crmbot', role: 'app', additionalFields: { firstName: 'CRM', email: 'crm@example.com' } }, [['POST', '/users/', { username: 'crmbot', profile: { role: 'app' }, first_name: 'CRM', email: 'crm@example.com' }]]],
	['update user', { resource: 'user', operation: 'update', user: id('12'), updateFields: { lastName: 'Support' } }, [['PATCH', '/users/12/', { last_name: 'Support' }]]],
	['user away', { resource: 'user', operation: 'setAvailability', user: list('12'), available: false }, [['PATCH', '/users/12/availability', { is_available: false }]]],
	['change my password', { resource: 'user', operation: 'changeMyPassword', currentPassword: DEFAULTS.password, newPassword: 'n3w-Bot-passw0rd' }, [['PUT', '/users/password/change/', { current_password: DEFAULTS.password, new_password: 'n3w-Bot-passw0rd' }]]],
	['set a user’s password', { resource: 'user', operation: 'setPassword', user: list('12'), password: 'Agent-pass-2026' }, [['PUT', '/users/12/password/change/', { password: 'Agent-pass-2026' }]]],
	['groups', { resource: 'group', operation: 'getMany', returnAll: true }, [['GET', '/groups/?limit=100&offset=0', undefined]]],
	['template refresh', { resource: 'template', operation: 'refresh' }, [['POST', '/templates/refresh/issue/', undefined]]],
	['saved responses', { resource: 'savedResponse', operation: 'getMany', returnAll: true }, [['GET', '/saved_responses/?limit=100&offset=0', undefined]]],
	['saved response create', { resource: 'savedResponse', operation: 'create', text: 'On our way' }, [['POST', '/saved_responses/', { text: 'On our way' }]]],
	['saved response delete', { resource: 'savedResponse', operation: 'delete', id: '1' }, [['DELETE', '/saved_responses/1/', undefined]]],
	['templates approved', { resource: 'template', operation: 'getMany', returnAll: true, status: 'approved' }, [['GET', '/templates/?limit=100&offset=0', undefined]]],
	['template delete', { resource: 'template', operation: 'delete', name: 'promo_old' }, [['DELETE', '/templates/promo_old/', undefined]]],
	['business profile', { resource: 'businessProfile', operation: 'get' }, [['GET', '/settings/business/profile/', undefined]]],
	['business profile update', { resource: 'businessProfile', operation: 'update', updateFields: { description: 'We sell things', websites: 'https://a.example.com, https://b.example.com' } }, [['PATCH', '/settings/business/profile/', { description: 'We sell things', websites: ['https://a.example.com', 'https://b.example.com'] }]]],
	['about', { resource: 'businessProfile', operation: 'getAbout' }, [['GET', '/settings/profile/about/', undefined]]],
	['about set', { resource: 'businessProfile', operation: 'setAbout', text: 'Open 24/7' }, [['PATCH', '/settings/profile/about/', { text: 'Open 24/7' }]]],
	['photo delete', { resource: 'businessProfile', operation: 'deletePhoto' }, [['DELETE', '/settings/profile/photo/', undefined]]],
	['whatsapp numbers', { resource: 'businessProfile', operation: 'getWhatsAppNumbers' }, [['GET', '/whatsapp_accounts/?this_instance=true', undefined]]],
	['profile refresh', { resource: 'businessProfile', operation: 'refresh' }, [['POST', '/settings/refresh/issue/', undefined]]],
	['photo get', { resource: 'businessProfile', operation: 'getPhoto', binaryPropertyName: 'photo' }, [['GET', '/settings/profile/photo/', undefined]]],
	[
		'photo set',
		{ resource: 'businessProfile', operation: 'setPhoto', binaryPropertyName: 'data' },
		[['POST', '/settings/profile/photo/', undefined]],
		{ items: fileItem(PNG, 'image/png', 'logo.png'), multipart: { head: 'Content-Disposition: form-data; name="file_encoded"; filename="logo.png"\r\nContent-Type: image/png\r\n\r\n', bytes: PNG } },
	],
	['media download', { resource: 'media', operation: 'download', media: MEDIA_ID, binaryPropertyName: 'file' }, [['GET', `/media/${MEDIA_ID}/`, undefined]]],
	[
		'media upload',
		{ resource: 'media', operation: 'upload', binaryPropertyName: 'data' },
		[['POST', '/media/', undefined]],
		{ items: fileItem(Buffer.from('%PDF-1.4 hello'), 'application/pdf', 'a.pdf'), multipart: { head: 'Content-Disposition: form-data; name="file_encoded"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n', bytes: Buffer.from('%PDF-1.4 hello') } },
	],
	['chat tagging get', { resource: 'chatTagging', operation: 'get', taggingId: '100' }, [['GET', '/chat_tagging/100/', undefined]], { before: [ADD_CHAT_TAG] }],
	['chat tagging remove', { ...ADD_CHAT_TAG, operation: 'remove' }, [['GET', '/chats/48123123123/', undefined], ['DELETE', '/chat_tagging/100/', undefined]], { before: [ADD_CHAT_TAG] }],
	['message tagging get', { resource: 'messageTagging', operation: 'get', taggingId: '100' }, [['GET', '/message_tagging/100/', undefined]], { before: [ADD_MESSAGE_TAG] }],
	['message tagging remove', { resource: 'messageTagging', operation: 'remove', taggingId: '100' }, [['DELETE', '/message_tagging/100/', undefined]], { before: [ADD_MESSAGE_TAG] }],
	['template create', { resource: 'template', operation: 'create', name: 'order', category: 'UTILITY', language: 'en', componentsMode: 'fields', headerType: 'none', bodyText: 'Hi' }, [['POST', '/templates/', { name: 'order', category: 'UTILITY', language: 'en', components: [{ type: 'BODY', text: 'Hi' }] }]]],
	['contact search (two cursor pages)', { resource: 'contact', operation: 'search', returnAll: true, search: 'o' }, [
		['GET', '/contacts/?search=o&limit=100&offset=0', undefined],
		// The server's `next` link, followed as given.
		['GET', '/contacts/?search=o&limit=100&offset=0&pages=Mg', undefined],
	]],
];

test('the table covers every operation of the node but the message sends (messages.test.ts covers those)', () => {
	const covered = new Set(calls.map(([, p]) => `${p.resource}.${p.operation}`));
	expect(operationsOf(new Inbox360()).filter((o) => !o.startsWith('message.send') && !covered.has(o))).toEqual([]);
});

test.each(calls)('%s', async (_name, parameters, expected, setup = {}) => {
	for (const before of setup.before ?? []) expect((await runNode(env.action, { parameters: before })).error).toBeUndefined();
	env.fake.clearRequests();
	const result = await runNode(env.action, { parameters, items: setup.items });
	expect(result.error).toBeUndefined();
	expect(wire(env.fake.requests)).toEqual(expected);
	if (setup.multipart) {
		const [request] = env.fake.requests;
		const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(String(request.headers['content-type']))?.[1];
		expect(boundary).toBeDefined();
		const { head, bytes } = setup.multipart;
		// The fake keeps the body as UTF-8 text; the same decoding of the expected bytes compares them.
		expect(request.rawBody).toBe(`--${boundary}\r\n${head}${bytes.toString('utf8')}\r\n--${boundary}--\r\n`);
	}
});

describe('outputs', () => {
	test('Return All follows limit/offset pages; Limit stops early', async () => {
		const all = await runNode(env.action, { parameters: { resource: 'chat', operation: 'getMany', returnAll: true } });
		expect(all.items.map((i) => i.json.wa_id)).toEqual(['48123123123', '48500600700', '48999000111']);
		env.fake.clearRequests();
		const two = await runNode(env.action, { parameters: { resource: 'chat', operation: 'getMany', returnAll: false, limit: 2 } });
		expect(two.items).toHaveLength(2);
		expect(env.fake.requests).toHaveLength(1);
	});

	test('contact search follows the providers’ opaque `next` cursors', async () => {
		const result = await runNode(env.action, { parameters: { resource: 'contact', operation: 'search', returnAll: true, search: '' } });
		expect(result.items.map((i) => i.json.name)).toEqual(['Konrad Tester', 'Ewa Nowak', 'Piotr Kowalski']);
		expect(env.fake.requests.map((r) => r.query.pages ?? null)).toEqual([null, expect.any(String)]);
	});

	test('verify numbers: one item per number with onWhatsApp', async () => {
		const result = await runNode(env.action, { parameters: { resource: 'contact', operation: 'verify', numbers: '+48 123 123 123, 1 631 555 1001', wait: false, forceCheck: true } });
		expect(result.items.map((i) => [i.json.input, i.json.onWhatsApp])).toEqual([['+48 123 123 123', true], ['1 631 555 1001', false]]);
	});

	test('templates filtered by status', async () => {
		const result = await runNode(env.action, { parameters: { resource: 'template', operation: 'getMany', returnAll: true, status: 'rejected' } });
		expect(result.items.map((i) => i.json.name)).toEqual(['promo_old']);
	});

	test('remove a chat tag: the tagging is found on the chat and deleted', async () => {
		await runNode(env.action, { parameters: { resource: 'chatTagging', operation: 'add', chat: chat('48123123123'), tag: id('6') } });
		env.fake.clearRequests();
		const result = await runNode(env.action, { parameters: { resource: 'chatTagging', operation: 'remove', chat: chat('48123123123'), tag: id('6') } });
		expect(result.items[0].json).toEqual({ removed: true, waId: '48123123123', tagId: 6, taggingId: 100 });
		expect(wire(env.fake.requests)).toEqual([['GET', '/chats/48123123123/', undefined], ['DELETE', '/chat_tagging/100/', undefined]]);
	});

	test('profile photo: out as binary, in from binary (multipart)', async () => {
		const got = await runNode(env.action, { parameters: { resource: 'businessProfile', operation: 'getPhoto', binaryPropertyName: 'photo' } });
		expect(got.error).toBeUndefined();
		expect(got.items[0].binary?.photo.mimeType).toBe('image/png');
		const bytes = await readBinary(got.items[0].binary!.photo);
		env.fake.clearRequests();
		const set = await runNode(env.action, {
			parameters: { resource: 'businessProfile', operation: 'setPhoto', binaryPropertyName: 'data' },
			items: [{ json: {}, binary: { data: { data: bytes.toString('base64'), mimeType: 'image/png', fileName: 'logo.png' } } }],
		});
		expect(set.error).toBeUndefined();
		expect(env.fake.requests[0].path).toBe('/api/v1/settings/profile/photo/');
		expect(env.fake.requests[0].headers['content-type']).toMatch(/^multipart\/form-data/);
		expect(env.fake.state().photo).toBe(bytes.length);
	});

	test('get a chat tagging and a message tagging by the taggingId tagging returned', async () => {
		const chatTag = await runNode(env.action, { parameters: { resource: 'chatTagging', operation: 'add', chat: chat('48123123123'), tag: id('6') } });
		const messageTag = await runNode(env.action, { parameters: { resource: 'messageTagging', operation: 'add', messageId: 'ABGGSFEBeRJ_AhD8o8zP9ulNeUPgdKvfzvgh', tag: id('5'), options: { extra: '{"by":"bot"}' } } });
		env.fake.clearRequests();
		const gotChat = await runNode(env.action, { parameters: { resource: 'chatTagging', operation: 'get', taggingId: String(chatTag.items[0].json.taggingId) } });
		const gotMessage = await runNode(env.action, { parameters: { resource: 'messageTagging', operation: 'get', taggingId: String(messageTag.items[0].json.taggingId) } });
		expect(wire(env.fake.requests)).toEqual([['GET', '/chat_tagging/100/', undefined], ['GET', '/message_tagging/101/', undefined]]);
		expect(gotChat.items[0].json).toEqual({ id: 100, tag: 6, chat: '48123123123', extra: null, taggingId: 100 });
		expect(gotMessage.items[0].json).toEqual({ id: 101, tag: 5, message: 'ABGGSFEBeRJ_AhD8o8zP9ulNeUPgdKvfzvgh', extra: { by: 'bot' }, taggingId: 101 });
	});

	test('WhatsApp numbers: one item per number of this inbox', async () => {
		const result = await runNode(env.action, { parameters: { resource: 'businessProfile', operation: 'getWhatsAppNumbers' } });
		expect(result.items.map((i) => i.json)).toEqual([{ phone_number: '4930609859535', this_instance: true }]);
	});

	test('about text is read from either answer shape', async () => {
		const result = await runNode(env.action, { parameters: { resource: 'businessProfile', operation: 'getAbout' } });
		expect(result.items[0].json.text).toBe('Open 9–17');
	});
});

describe('inferred endpoints fall back on 404/405 (one path map, one place)', () => {
	test('a 404 on the slashed form retries without the slash; a refused call did nothing', async () => {
		await runNode(env.action, { parameters: { resource: 'messageTagging', operation: 'add', messageId: 'ABGGSFEBeRJ_AhD8o8zP9ulNeUPgdKvfzvgh', tag: id('5') } });
		env.fake.clearRequests();
		env.fake.failNext({ status: 404, body: { detail: 'Not found.' }, match: { method: 'DELETE', path: '/api/v1/message_tagging/100/' } });
		const result = await runNode(env.action, { parameters: { resource: 'messageTagging', operation: 'remove', taggingId: '100' } });
		expect(result.error).toBeUndefined();
		expect(wire(env.fake.requests)).toEqual([['DELETE', '/message_tagging/100/', undefined], ['DELETE', '/message_tagging/100', undefined]]);
		expect(env.fake.state().messageTaggings).toEqual([]);
	});

	test('when every form is refused, the first answer is the error', async () => {
		env.fake.failNext({ status: 405, body: { detail: 'Method "POST" not allowed.' }, match: { method: 'POST', path: '/api/v1/tags/' } });
		const result = await runNode(env.action, { parameters: { resource: 'tag', operation: 'create', name: 'X' } });
		expect(result.error?.message).toBe('360dialog Inbox: Method "POST" not allowed.');
		expect(wire(env.fake.requests).map((w) => w.slice(0, 2))).toEqual([['POST', '/tags/'], ['POST', '/tags']]);
	});

	test('PATCH ↔ PUT and both slash forms, in that order; the first refusal is the error', async () => {
		env.fake.failNext({ status: 405, body: { detail: 'Method "PATCH" not allowed.' }, times: 4 });
		const result = await runNode(env.action, { parameters: { resource: 'user', operation: 'update', user: id('12'), updateFields: { lastName: 'Support' } } });
		expect(result.error?.message).toBe('360dialog Inbox: Method "PATCH" not allowed.');
		expect(wire(env.fake.requests)).toEqual([
			['PATCH', '/users/12/', { last_name: 'Support' }],
			['PUT', '/users/12/', { last_name: 'Support' }],
			['PATCH', '/users/12', { last_name: 'Support' }],
			['PUT', '/users/12', { last_name: 'Support' }],
		]);
	});

	test('a form the inbox redirects (Django’s APPEND_SLASH 301) was not acted on: the next form is tried, the real refusal reported', async () => {
		// The template does not exist: 404 on the slashed form; the unslashed one is only redirected back.
		const missing = await runNode(env.action, { parameters: { resource: 'template', operation: 'delete', name: 'no_such_template' } });
		expect(missing.error?.message).toBe('360dialog Inbox: Not found.');
		expect(missing.error?.httpCode).toBe('404');
		expect(wire(env.fake.requests).map((w) => w.slice(0, 2))).toEqual([['DELETE', '/templates/no_such_template/'], ['DELETE', '/templates/no_such_template']]);
		// An inbox whose resolve route has the slash redirects the unslashed form the node tries first.
		env.fake.clearRequests();
		env.fake.failNext({ status: 301, headers: { location: '/api/v1/chats/48123123123/resolve/' }, body: '', match: { method: 'PATCH', path: '/api/v1/chats/48123123123/resolve' } });
		const resolve = await runNode(env.action, { parameters: { resource: 'chat', operation: 'resolve', chat: chat('48123123123') } });
		expect(wire(env.fake.requests).map((w) => w.slice(0, 2))).toEqual([
			['PATCH', '/chats/48123123123/resolve'],
			['PUT', '/chats/48123123123/resolve'],
			['PATCH', '/chats/48123123123/resolve/'],
			['PUT', '/chats/48123123123/resolve/'],
		]);
		expect(resolve.error?.httpCode).toBe('405');
	});

	test('other refusals of an inferred endpoint (400, 403) are the answer: no other form is tried', async () => {
		const created = await runNode(env.action, { parameters: { resource: 'tag', operation: 'create', name: 'VIP' } });
		expect(created.error?.message).toBe('360dialog Inbox: name: tag with this name already exists.');
		env.fake.failNext({ status: 403, body: { detail: 'You do not have permission to perform this action.' }, match: { method: 'PATCH', path: '/api/v1/users/12/' } });
		const updated = await runNode(env.action, { parameters: { resource: 'user', operation: 'update', user: id('12'), updateFields: { lastName: 'Support' } } });
		expect(updated.error?.httpCode).toBe('403');
		expect(wire(env.fake.requests).map((w) => w.slice(0, 2))).toEqual([['POST', '/tags/'], ['PATCH', '/users/12/']]);
	});

	test('a confirmed endpoint never falls back', async () => {
		env.fake.failNext({ status: 404, body: { detail: 'Not found.' } });
		await runNode(env.action, { parameters: { resource: 'chat', operation: 'get', chat: chat('48123123123') } });
		expect(env.fake.requests).toHaveLength(1);
	});
});

describe('passwords', () => {
	const newPassword = 'n3w-Bot-passw0rd';

	test('after Change My Password the inbox logs in with the new password only; no password in the output', async () => {
		const result = await runNode(env.action, { parameters: { resource: 'user', operation: 'changeMyPassword', currentPassword: DEFAULTS.password, newPassword } });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([{ success: true }]);
		const oldLogin = env.withCredentials({ authentication: 'usernamePassword', username: DEFAULTS.username, password: DEFAULTS.password });
		expect((await runNode(oldLogin.action, { parameters: { resource: 'user', operation: 'getCurrent' } })).error?.message).toMatch(/Unable to log in/);
		const newLogin = env.withCredentials({ authentication: 'usernamePassword', username: DEFAULTS.username, password: newPassword });
		expect((await runNode(newLogin.action, { parameters: { resource: 'user', operation: 'getCurrent' } })).error).toBeUndefined();
	});

	test('the inbox’s refusal is the error, without the passwords even when the inbox quotes them', async () => {
		const wrong = await runNode(env.action, { parameters: { resource: 'user', operation: 'changeMyPassword', currentPassword: 'not-the-password', newPassword } });
		expect(wrong.error?.message).toBe('360dialog Inbox: current_password: Your old password was entered incorrectly. Please enter it again.');
		env.fake.failNext({ status: 400, body: { new_password: [`"${newPassword}" is too common (was "${DEFAULTS.password}").`] } });
		const quoted = await runNode(env.action, { parameters: { resource: 'user', operation: 'changeMyPassword', currentPassword: DEFAULTS.password, newPassword } });
		expect(quoted.error?.message).toBe('360dialog Inbox: new_password: "***" is too common (was "***").');
		expect(quoted.error?.httpCode).toBe('400');
		env.fake.failNext({ status: 400, body: { password: [`"Agent-pass-2026" is too similar to the username.`] } });
		const set = await runNode(env.action, { parameters: { resource: 'user', operation: 'setPassword', user: id('12'), password: 'Agent-pass-2026' } });
		for (const error of [wrong.error, quoted.error, set.error]) {
			const text = `${error?.message} ${error?.description}`;
			for (const secret of ['not-the-password', newPassword, DEFAULTS.password, 'Agent-pass-2026']) expect(text).not.toContain(secret);
		}
		expect(set.error?.message).toBe('360dialog Inbox: password: "***" is too similar to the username.');
		expect(set.error?.description).toContain('is too similar');
	});

	test('Set Password: a 405 to the inferred PUT is retried as PATCH', async () => {
		env.fake.failNext({ status: 405, body: { detail: 'Method "PUT" not allowed.' }, match: { method: 'PUT', path: '/api/v1/users/12/password/change/' } });
		const result = await runNode(env.action, { parameters: { resource: 'user', operation: 'setPassword', user: id('12'), password: 'Agent-pass-2026' } });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ success: true, userId: 12 });
		expect(wire(env.fake.requests)).toEqual([
			['PUT', '/users/12/password/change/', { password: 'Agent-pass-2026' }],
			['PATCH', '/users/12/password/change/', { password: 'Agent-pass-2026' }],
		]);
		expect(env.fake.state().passwordsSet).toEqual([12]);
	});
});

describe('retry safety', () => {
	test.each<[string, INodeParameters, string, string, boolean]>([
		['WhatsApp numbers (a read)', { resource: 'businessProfile', operation: 'getWhatsAppNumbers' }, 'GET', '/api/v1/whatsapp_accounts/', true],
		['profile refresh', { resource: 'businessProfile', operation: 'refresh' }, 'POST', '/api/v1/settings/refresh/issue/', false],
		['template refresh', { resource: 'template', operation: 'refresh' }, 'POST', '/api/v1/templates/refresh/issue/', false],
		['change my password', { resource: 'user', operation: 'changeMyPassword', currentPassword: DEFAULTS.password, newPassword: 'n3w-Bot-passw0rd' }, 'PUT', '/api/v1/users/password/change/', false],
		['set password', { resource: 'user', operation: 'setPassword', user: id('12'), password: 'Agent-pass-2026' }, 'PUT', '/api/v1/users/12/password/change/', false],
	])('a dropped connection: %s is repeated only when declared repeatable', async (_name, parameters, method, path, repeatable) => {
		env.fake.failNext({ disconnect: true, match: { method, path } });
		const result = await runNode(env.action, { parameters });
		expect(env.fake.requests.filter((r) => r.method === method && r.path === path)).toHaveLength(repeatable ? 2 : 1);
		if (repeatable) expect(result.error).toBeUndefined();
		else expect(result.error?.message).toMatch(/may have been accepted, so it was not repeated/);
	});

	test('getting a tagging is a read: repeated after a dropped connection', async () => {
		await runNode(env.action, { parameters: { resource: 'chatTagging', operation: 'add', chat: chat('48123123123'), tag: id('6') } });
		await runNode(env.action, { parameters: { resource: 'messageTagging', operation: 'add', messageId: 'ABGGSFEBeRJ_AhD8o8zP9ulNeUPgdKvfzvgh', tag: id('5') } });
		env.fake.clearRequests();
		env.fake.failNext({ disconnect: true, match: { method: 'GET', path: '/api/v1/chat_tagging/100/' } });
		env.fake.failNext({ disconnect: true, match: { method: 'GET', path: '/api/v1/message_tagging/101/' } });
		expect((await runNode(env.action, { parameters: { resource: 'chatTagging', operation: 'get', taggingId: '100' } })).error).toBeUndefined();
		expect((await runNode(env.action, { parameters: { resource: 'messageTagging', operation: 'get', taggingId: '101' } })).error).toBeUndefined();
		expect(wire(env.fake.requests).map((w) => w[1])).toEqual(['/chat_tagging/100/', '/chat_tagging/100/', '/message_tagging/101/', '/message_tagging/101/']);
	});


	test('reads are repeated after an ambiguous 502; a tagging (a create) is not', async () => {
		env.fake.failNext({ status: 502, body: { detail: 'Bad gateway' } });
		const read = await runNode(env.action, { parameters: { resource: 'chat', operation: 'get', chat: chat('48123123123') } });
		expect(read.error).toBeUndefined();
		expect(env.fake.requests).toHaveLength(2);
		env.fake.clearRequests();
		env.fake.failNext({ status: 502, body: { detail: 'Bad gateway' } });
		const write = await runNode(env.action, { parameters: { resource: 'chatTagging', operation: 'add', chat: chat('48123123123'), tag: id('5') } });
		expect(write.error?.httpCode).toBe('502');
		expect(env.fake.requests).toHaveLength(1);
	});
});

describe('bad input is rejected before any request', () => {
	test.each<[string, INodeParameters, RegExp]>([
		['assign without user or group', { resource: 'assignment', operation: 'assign', chat: chat('48123123123') }, /Choose a "User", a "Group" or both/],
		['assign to a non-numeric user', { resource: 'assignment', operation: 'assign', chat: chat('48123123123'), user: list('anna') }, /"User" must be a numeric ID/],
		['bad extra JSON', { resource: 'chatTagging', operation: 'add', chat: chat('48123123123'), tag: id('5'), options: { extra: '{nope' } }, /"Extra \(JSON\)" is not valid JSON/],
		['tag id not a number', { resource: 'chatTagging', operation: 'add', chat: chat('48123123123'), tag: list('VIP') }, /"Tag" must be a numeric tag ID/],
		['bad time filter', { resource: 'assignment', operation: 'getEvents', returnAll: true, filters: { sinceTime: 'yesterday-ish' } }, /"Since" is not a date or time/],
		['username with a dash', { resource: 'user', operation: 'create', username: 'crm-bot', role: 'app' }, /only letters and digits/],
		['template name with capitals', { resource: 'template', operation: 'create', name: 'Order', category: 'UTILITY', language: 'en', componentsMode: 'fields', headerType: 'none', bodyText: 'x' }, /lowercase letters, digits and underscores/],
		['template body examples missing', { resource: 'template', operation: 'create', name: 'order', category: 'UTILITY', language: 'en', componentsMode: 'fields', headerType: 'none', bodyText: 'Hi {{1}}, order {{2}}', bodyExamples: 'Ewa' }, /needs 2 comma-separated sample values/],
		['template variables with a gap', { resource: 'template', operation: 'create', name: 'order', category: 'UTILITY', language: 'en', componentsMode: 'fields', headerType: 'none', bodyText: 'Hi {{1}} {{3}}', bodyExamples: 'a, b' }, /without gaps/],
		['template bad language', { resource: 'template', operation: 'create', name: 'order', category: 'UTILITY', language: 'English', componentsMode: 'fields', headerType: 'none', bodyText: 'x' }, /not a WhatsApp language code/],
		['three URL buttons', { resource: 'template', operation: 'create', name: 'order', category: 'UTILITY', language: 'en', componentsMode: 'fields', headerType: 'none', bodyText: 'x', buttons: { button: [1, 2, 3].map((n) => ({ type: 'URL', text: `L${n}`, url: `https://e.com/${n}` })) } }, /at most two URL buttons/],
		['about too long', { resource: 'businessProfile', operation: 'setAbout', text: 'x'.repeat(140) }, /"Text" is too long/],
		['photo not an image', { resource: 'businessProfile', operation: 'setPhoto', binaryPropertyName: 'data' }, /no binary property "data"/],
		['nothing to update', { resource: 'businessProfile', operation: 'update', updateFields: {} }, /at least one field/],
		['tagging ID not a number (chat)', { resource: 'chatTagging', operation: 'get', taggingId: 'abc' }, /"Tagging ID" must be a numeric ID/],
		['tagging ID missing (message)', { resource: 'messageTagging', operation: 'get', taggingId: '={{ "" }}' }, /"Tagging ID" is required/],
		['current password missing', { resource: 'user', operation: 'changeMyPassword', currentPassword: '={{ "" }}', newPassword: 'n3w-Bot-passw0rd' }, /"Current Password" is required/],
		['new password missing', { resource: 'user', operation: 'changeMyPassword', currentPassword: DEFAULTS.password, newPassword: '  ' }, /"New Password" is required/],
		['new password unchanged', { resource: 'user', operation: 'changeMyPassword', currentPassword: DEFAULTS.password, newPassword: DEFAULTS.password }, /"New Password" is the same as "Current Password"/],
		['set password without a user', { resource: 'user', operation: 'setPassword', user: list('={{ "" }}'), password: 'Agent-pass-2026' }, /"User" is required/],
		['set password for a non-numeric user', { resource: 'user', operation: 'setPassword', user: list('anna'), password: 'Agent-pass-2026' }, /"User" must be a numeric ID/],
		['set password empty', { resource: 'user', operation: 'setPassword', user: id('12'), password: '={{ $json.missing }}' }, /"New Password" is required/],
		['three websites', { resource: 'businessProfile', operation: 'update', updateFields: { websites: 'https://a.com, https://b.com, https://c.com' } }, /"Websites" needs 0 to 2 entries/],
	])('%s', async (_name, parameters, expected) => {
		await expectRejectedBeforeSending(env, parameters, expected);
	});
});

test('template create: every component from the fields, with Meta’s shapes', async () => {
	const result = await runNode(env.action, {
		parameters: {
			resource: 'template',
			operation: 'create',
			name: 'shipping_update',
			category: 'custom',
			customCategory: 'shipping_update',
			language: 'en_US',
			componentsMode: 'fields',
			headerType: 'text',
			headerText: 'Order {{1}}',
			headerExample: 'A-17',
			bodyText: 'Hi {{1}}, your order ships {{2}}.',
			bodyExamples: 'Ewa, Monday',
			footerText: 'Acme',
			buttons: {
				button: [
					{ type: 'QUICK_REPLY', text: 'Thanks' },
					{ type: 'URL', text: 'Track', url: 'https://shop.example.com/t/{{1}}', example: 'https://shop.example.com/t/A-17' },
					{ type: 'PHONE_NUMBER', text: 'Call us', phoneNumber: '+48 22 123 45 67' },
				],
			},
		},
	});
	expect(result.error).toBeUndefined();
	expect(wire(env.fake.requests)).toEqual([
		[
			'POST',
			'/templates/',
			{
				name: 'shipping_update',
				category: 'SHIPPING_UPDATE',
				language: 'en_US',
				components: [
					{ type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['A-17'] } },
					{ type: 'BODY', text: 'Hi {{1}}, your order ships {{2}}.', example: { body_text: [['Ewa', 'Monday']] } },
					{ type: 'FOOTER', text: 'Acme' },
					{
						type: 'BUTTONS',
						buttons: [
							{ type: 'QUICK_REPLY', text: 'Thanks' },
							{ type: 'URL', text: 'Track', url: 'https://shop.example.com/t/{{1}}', example: ['https://shop.example.com/t/A-17'] },
							{ type: 'PHONE_NUMBER', text: 'Call us', phone_number: '+48221234567' },
						],
					},
				],
			},
		],
	]);
	expect(result.items[0].json.status).toBe('pending');
});
