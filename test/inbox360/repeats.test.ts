import { DEFAULTS } from '../fakes/inbox360';
import { runNode } from '../harness/engine';
import type { RepeatCase } from '../harness/provider';
import { describeRepeats, providerPerFile, recordWaits } from '../harness/provider';
import { ADD_CHAT_TAG, ADD_MESSAGE_TAG, API, chat, fileItem, id, PNG, startInbox360 } from './setup';

const env = providerPerFile(startInbox360);
const waits = recordWaits();

const to = chat('48123123123');

const call = (method: string, path: string, repeatable: boolean, parameters: RepeatCase['parameters'], extra: Partial<RepeatCase> = {}): RepeatCase => ({
	parameters,
	at: { method, path: `${API}/${path}` },
	repeatable,
	...extra,
});
/** Every send is one POST /messages/: never repeated (it may have gone out). */
const send = (parameters: RepeatCase['parameters']) => call('POST', 'messages/', false, { chat: to, ...parameters });
const read = (path: string, parameters: RepeatCase['parameters'] = {}, extra: Partial<RepeatCase> = {}) => call('GET', path, true, parameters, extra);

/** Every 360dialog Inbox operation, what a dropped connection after its request hits, and whether it may be repeated. */
const cases: Record<string, RepeatCase> = {
	'message.sendText': send({ text: 'Hi' }),
	'message.sendImage': send({ source: 'url', mediaUrl: 'https://example.com/a.jpg' }),
	'message.sendVideo': send({ source: 'url', mediaUrl: 'https://example.com/v.mp4' }),
	'message.sendAudio': send({ source: 'url', mediaUrl: 'https://example.com/a.mp3' }),
	'message.sendVoice': send({ source: 'url', mediaUrl: 'https://example.com/v.ogg' }),
	'message.sendDocument': send({ source: 'url', mediaUrl: 'https://example.com/i.pdf' }),
	'message.sendSticker': send({ source: 'id', mediaId: '1234567890' }),
	'message.sendLocation': send({ latitude: 52.2297, longitude: 21.0122 }),
	'message.sendContacts': send({ contacts: { contact: [{ name: 'Ewa Nowak', phones: '+48 500 600 700' }] } }),
	'message.sendButtons': send({ bodyText: 'Happy?', buttons: { button: [{ title: 'Yes' }] } }),
	'message.sendList': send({ bodyText: 'Pick', buttonText: 'Slots', rows: { row: [{ title: '9:00' }] } }),
	// Reads the templates first (repeatable), then sends: the reset hits the send.
	'message.sendTemplate': send({ chat: chat('48999000111'), template: 'order_update|en', variables: { mappingMode: 'defineBelow', value: { header_1: 'A', body_1: 'B', body_2: 'C', body_3: 'D', button_0_url: 'E' } } }),
	'message.getMany': read('messages/', { returnAll: false, limit: 10 }),
	'message.markAsReceived': call('POST', 'mark_as_received/', true, { chat: to, timestamp: 1612544982 }),

	'chat.getMany': read('chats/', { returnAll: false, limit: 2 }),
	'chat.get': read('chats/48123123123/', { chat: to }),
	'chat.resolve': call('PATCH', 'chats/48123123123/resolve', true, { chat: to }),
	'chat.reopen': call('PATCH', 'chats/48123123123/resolve', true, { chat: to }),

	'assignment.get': read('chat_assignment/48123123123/', { chat: to }),
	'assignment.assign': call('PATCH', 'chat_assignment/48123123123/', true, { chat: to, user: id('12') }),
	'assignment.unassign': call('PATCH', 'chat_assignment/48123123123/', true, { chat: to, clear: 'user' }),
	'assignment.getEvents': read('chat_assignment_events/', { returnAll: true }),

	'tag.getMany': read('tags/', { returnAll: true }),
	'tag.create': call('POST', 'tags/', false, { name: 'Refund' }),
	'chatTagging.add': call('POST', 'chat_tagging/', false, ADD_CHAT_TAG),
	'chatTagging.get': read('chat_tagging/100/', { taggingId: '100' }, { before: [ADD_CHAT_TAG] }),
	'chatTagging.remove': call('DELETE', 'chat_tagging/100/', true, { chat: to, tag: id('6') }, { before: [ADD_CHAT_TAG] }),
	'chatTagging.getEvents': read('chat_tagging_events/', { returnAll: false, limit: 5 }),
	'messageTagging.add': call('POST', 'message_tagging/', false, ADD_MESSAGE_TAG),
	'messageTagging.get': read('message_tagging/100/', { taggingId: '100' }, { before: [ADD_MESSAGE_TAG] }),
	'messageTagging.remove': call('DELETE', 'message_tagging/100/', true, { taggingId: '100' }, { before: [ADD_MESSAGE_TAG] }),
	'messageTagging.getEvents': read('message_tagging_events/', { returnAll: true }),

	'person.getMany': read('persons/', { returnAll: true }),
	'person.get': read('persons/48500600700/', { chat: chat('48500600700') }),
	'contact.get': read('contacts/48123123123/', { chat: to }),
	// One page (the fake pages by two): the only request to the path is the one reset and its repeat.
	'contact.search': read('contacts/', { returnAll: false, limit: 1, search: 'o' }),
	// Checking numbers changes nothing: repeatable.
	'contact.verify': call('POST', 'contacts/verify/', true, { numbers: '+48 123 123 123', wait: true, forceCheck: false }),

	'user.getMany': read('users/', { returnAll: true }),
	'user.getCurrent': read('users/current/'),
	'user.get': read('users/12/', { user: id('12') }),
	'user.create': call('POST', 'users/', false, { username: 'crmbot', role: 'app' }),
	'user.update': call('PATCH', 'users/12/', true, { user: id('12'), updateFields: { lastName: 'Support' } }),
	'user.setAvailability': call('PATCH', 'users/12/availability', true, { user: id('12'), available: false }),
	'user.changeMyPassword': call('PUT', 'users/password/change/', false, { currentPassword: DEFAULTS.password, newPassword: 'n3w-Bot-passw0rd' }),
	'user.setPassword': call('PUT', 'users/12/password/change/', false, { user: id('12'), password: 'Agent-pass-2026' }),
	'group.getMany': read('groups/', { returnAll: true }),

	'savedResponse.getMany': read('saved_responses/', { returnAll: true }),
	'savedResponse.create': call('POST', 'saved_responses/', false, { text: 'On our way' }),
	'savedResponse.delete': call('DELETE', 'saved_responses/1/', true, { id: '1' }),

	'template.getMany': read('templates/', { returnAll: true, status: 'approved' }),
	'template.create': call('POST', 'templates/', false, { name: 'order', category: 'UTILITY', language: 'en', componentsMode: 'fields', headerType: 'none', bodyText: 'Hi' }),
	'template.delete': call('DELETE', 'templates/promo_old/', true, { name: 'promo_old' }),
	'template.refresh': call('POST', 'templates/refresh/issue/', false, {}),

	'businessProfile.get': read('settings/business/profile/'),
	'businessProfile.update': call('PATCH', 'settings/business/profile/', true, { updateFields: { description: 'We sell things' } }),
	'businessProfile.getAbout': read('settings/profile/about/'),
	'businessProfile.setAbout': call('PATCH', 'settings/profile/about/', true, { text: 'Open 24/7' }),
	'businessProfile.getPhoto': read('settings/profile/photo/', { binaryPropertyName: 'photo' }),
	// An upload: not declared repeatable.
	'businessProfile.setPhoto': call('POST', 'settings/profile/photo/', false, { binaryPropertyName: 'data' }, { items: fileItem(PNG, 'image/png', 'logo.png') }),
	'businessProfile.deletePhoto': call('DELETE', 'settings/profile/photo/', true, {}),
	'businessProfile.getWhatsAppNumbers': read('whatsapp_accounts/'),
	'businessProfile.refresh': call('POST', 'settings/refresh/issue/', false, {}),

	'media.upload': call('POST', 'media/', false, { binaryPropertyName: 'data' }, { items: fileItem(Buffer.from('%PDF-1.4 hello'), 'application/pdf', 'a.pdf') }),
	'media.download': read('media/3f4a6a4c-0c36-4d6b-9f55-2f1f0c7f2a10/', { media: '3f4a6a4c-0c36-4d6b-9f55-2f1f0c7f2a10', binaryPropertyName: 'file' }),
};

describe('a connection reset after the inbox got the request: repeated only when declared repeatable', () => {
	describeRepeats(env, cases, waits, '360dialog Inbox');
});

test('a refused login is no dropped connection: even a read is not repeated (one login attempt, no waits)', async () => {
	const user = env.withCredentials({ authentication: 'usernamePassword', username: DEFAULTS.username, password: 'wrong' });
	const result = await runNode(user.action, { parameters: { resource: 'user', operation: 'getCurrent' } });
	expect(result.error?.message).toMatch(/Unable to log in with provided credentials/);
	expect(env.fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${API}/auth/token/`]);
	expect(waits).toEqual([]);
});
