import type { INodeParameters } from 'n8n-workflow';

import { MaytapiApi } from '../../credentials/MaytapiApi.credentials';
import { MAX_INLINE_MEDIA_BYTES } from '../../nodes/Maytapi/actions/message/sendMedia.operation';
import { testCredential } from '../harness/credential-test';
import { loadOptions, runNode } from '../harness/engine';
import { expectRejectedBeforeSending, providerPerFile } from '../harness/provider';
import { startMaytapi } from './setup';

const env = providerPerFile(startMaytapi);

const message = (parameters: INodeParameters): INodeParameters => ({ resource: 'message', to: '905301234567', ...parameters });

/** Bad input and the error that names the field: nothing may reach the provider. */
const rejected: Array<[string, INodeParameters, RegExp]> = [
	['letters as a phone number', message({ operation: 'sendText', to: 'call me', text: 'x' }), /^"To" is not a valid phone number: "call me" \[item 0\]$/],
	['a too short number', message({ operation: 'sendText', to: '+90 12', text: 'x' }), /"To" is not a valid phone number/],
	['a 16-digit number', message({ operation: 'sendText', to: '1234567890123456', text: 'x' }), /"To" is not a valid phone number/],
	['empty text', message({ operation: 'sendText', text: '  ' }), /^"Text" is required \[item 0\]$/],
	['a bad mention', message({ operation: 'sendText', text: 'x', options: { mentions: 'abc' } }), /"Mention Numbers" is not a valid phone number/],
	['a media URL that is no URL', message({ operation: 'sendMedia', source: 'url', mediaUrl: 'files/a.pdf' }), /^"Media URL" must be a full http\(s\) URL/],
	['an ftp media URL', message({ operation: 'sendMedia', source: 'url', mediaUrl: 'ftp://x/a.pdf' }), /"Media URL" must be a full http\(s\) URL/],
	['a media URL only this machine can reach', message({ operation: 'sendMedia', source: 'url', mediaUrl: 'http://localhost:8080/a.pdf' }), /^"Media URL" must be a public URL that Maytapi's servers can download, got "http:\/\/localhost:8080\/a.pdf" \[item 0\]$/],
	['a sticker on a private network', message({ operation: 'sendSticker', url: 'http://192.168.1.20/s.webp' }), /"Sticker URL" must be a public URL that Maytapi's servers can download/],
	['a group picture on loopback', { resource: 'group', operation: 'setPicture', groupId: { __rl: true, mode: 'id', value: '1@g.us' }, imageUrl: 'http://127.0.0.1/p.png' }, /"Image URL" must be a public URL/],
	['a profile picture on a private network', { resource: 'phone', operation: 'setProfilePicture', imageUrl: 'http://10.0.0.5/me.png' }, /"Image URL" must be a public URL/],
	['invalid base64', message({ operation: 'sendMedia', source: 'base64', base64: 'not base64!' }), /"Base64 Data" is not valid base64/],
	['raw base64 without a MIME type', message({ operation: 'sendMedia', source: 'base64', base64: 'iVBORw0KGgo=' }), /"MIME Type \(needed for raw base64\)" is required/],
	['a missing binary property', message({ operation: 'sendMedia', source: 'binary', binaryPropertyName: 'file' }), /"Input Binary Field": the input item has no binary property "file"/],
	['a latitude out of range', message({ operation: 'sendLocation', latitude: 91, longitude: 0 }), /"Latitude" must be between -90 and 90, got 91/],
	['a poll with one answer', message({ operation: 'sendPoll', question: 'Q', answers: { answer: [{ text: 'A' }] } }), /"Answers" needs 2 to 12 entries, got 1/],
	['a poll with duplicate answers', message({ operation: 'sendPoll', question: 'Q', answers: { answer: [{ text: 'A' }, { text: 'A' }] } }), /"Answers" must all be different/],
	['a sticker that is not webp', message({ operation: 'sendSticker', url: 'https://example.com/s.png' }), /"Sticker URL" must point to a \.webp image/],
	['four buttons', message({ operation: 'sendButtons', text: 'x', buttons: { button: [1, 2, 3, 4].map((n) => ({ id: `${n}`, text: `B${n}` })) } }), /"Buttons" needs 1 to 3 entries, got 4/],
	['a vCard without BEGIN/END', message({ operation: 'sendVcard', vcardMode: 'raw', displayName: 'J', vcard: 'FN:J' }), /"vCard" must start with BEGIN:VCARD/],
	['a long emoji text', message({ operation: 'react', messageId: 'm', emoji: 'thumbs up please' }), /"Emoji" must be a single emoji/],
	['a group id without @g.us', { resource: 'group', operation: 'leave', groupId: { __rl: true, mode: 'list', value: '12345' } }, /"Group" must be a group ID ending in @g.us/],
	['empty group settings', { resource: 'group', operation: 'updateSettings', groupId: { __rl: true, mode: 'id', value: '1@g.us' }, settings: {} }, /"Settings" is empty/],
	['a non-numeric phone id', message({ operation: 'sendText', text: 'x', phoneId: { __rl: true, mode: 'list', value: 'abc' } }), /"Phone" must be a numeric Maytapi phone ID, got "abc"/],
];

describe('bad input is rejected before any request, naming the field and item', () => {
	// Locator values given in "list" mode skip n8n's own regex check, like values from expressions do.
	test.each(rejected)('%s', async (_name, parameters, expected) => expectRejectedBeforeSending(env, parameters, expected));

	test('no phone on the node and none in the credential', async () => {
		const result = await runNode({ ...env.action, credentials: { ...env.credentials, phoneId: '' } }, { parameters: message({ operation: 'sendText', text: 'x' }) });
		expect(result.error?.message).toMatch(/"Phone" is empty and the credential has no Default Phone ID/);
		expect(env.fake.requests).toHaveLength(0);
	});

	test('a binary file larger than the inline limit', async () => {
		const big = Buffer.alloc(MAX_INLINE_MEDIA_BYTES + 1, 1);
		const result = await runNode(env.action, {
			parameters: message({ operation: 'sendMedia', source: 'binary', binaryPropertyName: 'data' }),
			items: [{ json: {}, binary: { data: { data: big.toString('base64'), mimeType: 'video/mp4', fileName: 'big.mp4' } } }],
		});
		expect(result.error?.message).toBe(`"Input Binary Field" is 16 MB (${MAX_INLINE_MEDIA_BYTES + 1} bytes), the provider accepts at most 16 MB [item 0]`);
		expect(env.fake.requests).toHaveLength(0);
	});
});

describe('dropdowns', () => {
	test('phones are searchable by number or name', async () => {
		const all = await loadOptions(env.action, 'listSearch', 'searchPhones', {});
		expect(all).toEqual({
			results: [
				{ name: '905301234567 (Sales) — active, ID 1001', value: '1001' },
				{ name: '905301234568 (Support) — qr-code, ID 1002', value: '1002' },
			],
		});
		const filtered = await loadOptions(env.action, 'listSearch', 'searchPhones', {}, 'support');
		expect((filtered as { results: unknown[] }).results).toEqual([{ name: '905301234568 (Support) — qr-code, ID 1002', value: '1002' }]);
		expect(env.fake.requests.every((r) => r.path === `${env.api}/listPhones` && r.headers['x-maytapi-key'] === 'test-token')).toBe(true);
	});

	test('groups are listed for the chosen phone', async () => {
		const result = (await loadOptions(env.action, 'listSearch', 'searchGroups', { phoneId: { __rl: true, mode: 'id', value: '1002' } }, 'sales')) as {
			results: Array<{ name: string; value: string }>;
		};
		expect(result.results).toEqual([{ name: 'Sales Team', value: '120363027326493365@g.us' }]);
		expect(env.fake.requests[0].path).toBe(`${env.api}/1002/getGroups`);
	});

	test('catalog products of the default phone', async () => {
		const options = (await loadOptions(env.action, 'loadOptions', 'getCatalogProducts', {})) as Array<{ value: string }>;
		expect(options.map((o) => o.value)).toEqual(['5829304817234561', '5829304817234562']);
		expect(env.fake.requests[0].path).toBe(`${env.api}/1001/catalog`);
	});
});

describe('credential test', () => {
	test('passes with a valid product ID and token, calling GET /product', async () => {
		const result = await testCredential(new MaytapiApi(), env.credentials);
		expect(result.status).toBe('OK');
		expect(env.fake.requests.map((r) => [r.method, r.path, r.headers['x-maytapi-key']])).toEqual([['GET', `${env.api}/product`, 'test-token']]);
	});

	test('fails with a wrong token', async () => {
		const result = await testCredential(new MaytapiApi(), { ...env.credentials, apiToken: 'nope' });
		expect(result.status).toBe('Error');
	});

	test('fails when Maytapi answers success:false with HTTP 200', async () => {
		env.fake.failNext({ status: 200, body: { success: false, message: 'Product expired' } });
		const result = await testCredential(new MaytapiApi(), env.credentials);
		expect(result).toMatchObject({ status: 'Error', message: 'Maytapi did not accept this product ID and token' });
	});

	test('tolerates a trailing slash in the base URL', async () => {
		const result = await testCredential(new MaytapiApi(), { ...env.credentials, baseUrl: `${env.credentials.baseUrl}/` });
		expect(result.status).toBe('OK');
		expect(env.fake.requests[0].path).toBe(`${env.api}/product`);
	});
});
