import type { INodeParameters } from 'n8n-workflow';

import { Inbox360 } from '../../nodes/Inbox360/Inbox360.node';

import { readBinary, runNode } from '../harness/engine';
import { expectRejectedBeforeSending, operationsOf, providerPerFile } from '../harness/provider';
import { chat, startInbox360, TOKEN, wire } from './setup';

const env = providerPerFile(startInbox360);

const to = chat('+48 123-123-123');

/** Every send: the node's parameters and the exact body POST /api/v1/messages/ must receive. */
const sends: Array<[string, INodeParameters, Record<string, unknown>]> = [
	['text', { operation: 'sendText', chat: to, text: 'Hello *there*' }, { wa_id: '48123123123', type: 'text', text: { body: 'Hello *there*' } }],
	[
		'text with preview URL, as a reply',
		{ operation: 'sendText', chat: to, text: 'See https://n8n.io', options: { previewUrl: true, replyTo: 'ABGGSFEBeRJ_AhD8o8zP9ulNeUPgdKvfzvgh' } },
		{ wa_id: '48123123123', type: 'text', text: { body: 'See https://n8n.io' }, preview_url: true, context: { message_id: 'ABGGSFEBeRJ_AhD8o8zP9ulNeUPgdKvfzvgh' } },
	],
	[
		'image from a URL with caption',
		{ operation: 'sendImage', chat: to, source: 'url', mediaUrl: 'https://example.com/a.jpg', options: { caption: 'Look' } },
		{ wa_id: '48123123123', type: 'image', image: { link: 'https://example.com/a.jpg', caption: 'Look' } },
	],
	['video', { operation: 'sendVideo', chat: to, source: 'url', mediaUrl: 'https://example.com/v.mp4' }, { wa_id: '48123123123', type: 'video', video: { link: 'https://example.com/v.mp4' } }],
	['audio', { operation: 'sendAudio', chat: to, source: 'url', mediaUrl: 'https://example.com/a.mp3' }, { wa_id: '48123123123', type: 'audio', audio: { link: 'https://example.com/a.mp3' } }],
	['voice', { operation: 'sendVoice', chat: to, source: 'url', mediaUrl: 'https://example.com/v.ogg' }, { wa_id: '48123123123', type: 'voice', voice: { link: 'https://example.com/v.ogg' } }],
	[
		'document with file name',
		{ operation: 'sendDocument', chat: to, source: 'url', mediaUrl: 'https://example.com/i.pdf', options: { fileName: 'invoice.pdf', caption: 'Invoice' } },
		{ wa_id: '48123123123', type: 'document', document: { link: 'https://example.com/i.pdf', caption: 'Invoice', filename: 'invoice.pdf' } },
	],
	['sticker by WhatsApp media id', { operation: 'sendSticker', chat: to, source: 'id', mediaId: '1234567890' }, { wa_id: '48123123123', type: 'sticker', sticker: { id: '1234567890' } }],
	[
		'location',
		{ operation: 'sendLocation', chat: to, latitude: 52.2297, longitude: 21.0122, options: { name: 'Office', address: 'Warsaw' } },
		{ wa_id: '48123123123', type: 'location', location: { latitude: 52.2297, longitude: 21.0122, name: 'Office', address: 'Warsaw' } },
	],
	[
		'contact card',
		{ operation: 'sendContacts', chat: to, contacts: { contact: [{ name: 'Ewa Nowak', phones: '+48 500 600 700', emails: 'ewa@example.com', company: 'Acme' }] } },
		{
			wa_id: '48123123123',
			type: 'contacts',
			contacts: [{ name: { formatted_name: 'Ewa Nowak', first_name: 'Ewa' }, phones: [{ phone: '+48 500 600 700', type: 'CELL' }], emails: [{ email: 'ewa@example.com', type: 'WORK' }], org: { company: 'Acme' } }],
		},
	],
	[
		'reply buttons',
		{ operation: 'sendButtons', chat: to, bodyText: 'Happy?', buttons: { button: [{ title: 'Yes', id: 'y' }, { title: 'No' }] }, options: { headerText: 'Survey', footerText: 'Acme' } },
		{
			wa_id: '48123123123',
			type: 'interactive',
			interactive: {
				type: 'button',
				body: { text: 'Happy?' },
				header: { type: 'text', text: 'Survey' },
				footer: { text: 'Acme' },
				action: { buttons: [{ type: 'reply', reply: { id: 'y', title: 'Yes' } }, { type: 'reply', reply: { id: 'button_2', title: 'No' } }] },
			},
		},
	],
	[
		'list in sections',
		{ operation: 'sendList', chat: to, bodyText: 'Pick a slot', buttonText: 'Slots', rows: { row: [{ section: 'Mon', title: '9:00' }, { section: 'Tue', title: '10:00', description: 'Late', id: 't10' }] } },
		{
			wa_id: '48123123123',
			type: 'interactive',
			interactive: {
				type: 'list',
				body: { text: 'Pick a slot' },
				action: { button: 'Slots', sections: [{ title: 'Mon', rows: [{ id: 'row_1', title: '9:00' }] }, { title: 'Tue', rows: [{ id: 't10', title: '10:00', description: 'Late' }] }] },
			},
		},
	],
];

describe('sends: exact wire request, Token auth, message id out', () => {
	test('the table (and the template test below) covers every send operation of the node', () => {
		const covered = new Set([...sends.map(([, p]) => `message.${p.operation}`), 'message.sendTemplate']);
		expect(operationsOf(new Inbox360()).filter((o) => o.startsWith('message.send') && !covered.has(o))).toEqual([]);
	});

	test.each(sends)('%s', async (_name, parameters, body) => {
		const result = await runNode(env.action, { parameters: { resource: 'message', ...parameters } });
		expect(result.error).toBeUndefined();
		expect(wire(env.fake.requests)).toEqual([['POST', '/messages/', body]]);
		const request = env.fake.requests[0];
		expect(request.headers.authorization).toBe(`Token ${TOKEN}`);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		// 202: queued; the id is the one a later status event carries.
		expect(result.items[0].json).toMatchObject({ messageId: expect.stringMatching(/^gBGG/), queued: true, waId: '48123123123' });
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});
});

describe('media from an n8n binary property is uploaded first', () => {
	test('POST /media/ (multipart file_encoded), then the send links the upload', async () => {
		const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
		const result = await runNode(env.action, {
			parameters: { resource: 'message', operation: 'sendImage', chat: to, source: 'binary', binaryPropertyName: 'data' },
			items: [{ json: {}, binary: { data: { data: png.toString('base64'), mimeType: 'image/png', fileName: 'p.png' } } }],
		});
		expect(result.error).toBeUndefined();
		const [upload, send] = env.fake.requests;
		expect(upload.method).toBe('POST');
		expect(upload.path).toBe('/api/v1/media/');
		expect(upload.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(upload.rawBody).toContain('Content-Disposition: form-data; name="file_encoded"; filename="p.png"');
		const id = env.fake.state().media.find((m: string) => m !== '3f4a6a4c-0c36-4d6b-9f55-2f1f0c7f2a10');
		expect(send.body).toEqual({ wa_id: '48123123123', type: 'image', image: { link: `${env.origin}/api/v1/media/${id}/`, mime_type: 'image/png' } });
	});

	test('a file over WhatsApp’s limit is refused before any request', async () => {
		const big = Buffer.alloc(500 * 1024 + 1, 1);
		const result = await runNode(env.action, {
			parameters: { resource: 'message', operation: 'sendSticker', chat: to, source: 'binary', binaryPropertyName: 'data' },
			items: [{ json: {}, binary: { data: { data: big.toString('base64'), mimeType: 'image/webp', fileName: 's.webp' } } }],
		});
		expect(result.error?.message).toMatch(/"Input Binary Field" is 500 KB .*at most 500 KB \[item 0\]/);
		expect(env.fake.requests).toHaveLength(0);
	});

	test('an uploaded media id (UUID) is sent as its inbox link', async () => {
		await runNode(env.action, { parameters: { resource: 'message', operation: 'sendDocument', chat: to, source: 'id', mediaId: '3f4a6a4c-0c36-4d6b-9f55-2f1f0c7f2a10' } });
		expect(env.fake.requests[0].body.document).toEqual({ link: `${env.origin}/api/v1/media/3f4a6a4c-0c36-4d6b-9f55-2f1f0c7f2a10/` });
	});

	test('the inbox’s 413 on the upload is the error, and nothing is sent', async () => {
		env.fake.failNext({ status: 413, body: { detail: 'The media file is too big to upload!' }, match: { method: 'POST', path: '/api/v1/media/' } });
		const result = await runNode(env.action, {
			parameters: { resource: 'message', operation: 'sendImage', chat: to, source: 'binary', binaryPropertyName: 'data' },
			items: [{ json: {}, binary: { data: { data: Buffer.alloc(10, 1).toString('base64'), mimeType: 'image/png', fileName: 'a.png' } } }],
		});
		expect(result.error?.message).toBe('360dialog Inbox: The media file is too big to upload!');
		expect(result.error?.httpCode).toBe('413');
		expect(env.fake.requests.map((r) => r.path)).toEqual(['/api/v1/media/']);
	});
});

describe('templates: variables become fields', () => {
	test('send fills header, body and URL button from the mapper, with namespace and language from the inbox', async () => {
		const result = await runNode(env.action, {
			parameters: {
				resource: 'message',
				operation: 'sendTemplate',
				chat: chat('48999000111'),
				template: 'order_update|en',
				variables: { mappingMode: 'defineBelow', value: { header_1: 'A-17', body_1: 'Ewa', body_2: 'A-17', body_3: 'Monday', button_0_url: 'A-17' } },
			},
		});
		expect(result.error).toBeUndefined();
		expect(wire(env.fake.requests)).toEqual([
			['GET', '/templates/?limit=100&offset=0', undefined],
			[
				'POST',
				'/messages/',
				{
					wa_id: '48999000111',
					type: 'template',
					template: {
						namespace: 'c8ae5f90_307a_ca4c_b8f6_d1e2a2573574',
						name: 'order_update',
						language: { policy: 'deterministic', code: 'en' },
						components: [
							{ type: 'header', parameters: [{ type: 'text', text: 'A-17' }] },
							{ type: 'body', parameters: [{ type: 'text', text: 'Ewa' }, { type: 'text', text: 'A-17' }, { type: 'text', text: 'Monday' }] },
							{ type: 'button', sub_type: 'url', index: 0, parameters: [{ type: 'text', text: 'A-17' }] },
						],
					},
				},
			],
		]);
	});

	test('the templates are read once per run, however many items', async () => {
		const result = await runNode(env.action, {
			parameters: {
				resource: 'message',
				operation: 'sendTemplate',
				chat: chat('={{ $json.chat }}'),
				template: 'order_update|en',
				variables: { mappingMode: 'defineBelow', value: { header_1: 'A-17', body_1: '={{ $json.name }}', body_2: 'A-17', body_3: 'Monday', button_0_url: 'A-17' } },
			},
			items: [{ json: { chat: '48999000111', name: 'Ewa' } }, { json: { chat: '48999000112', name: 'Jan' } }, { json: { chat: '48999000113', name: 'Ola' } }],
		});
		expect(result.error).toBeUndefined();
		expect(wire(env.fake.requests).map(([method, path]) => `${method} ${path}`)).toEqual(['GET /templates/?limit=100&offset=0', 'POST /messages/', 'POST /messages/', 'POST /messages/']);
	});

	test('a missing variable is named before sending', async () => {
		const result = await runNode(env.action, {
			parameters: { resource: 'message', operation: 'sendTemplate', chat: to, template: 'order_update', variables: { mappingMode: 'defineBelow', value: { header_1: 'A', body_1: 'E', body_2: 'A' } } },
		});
		expect(result.error?.message).toMatch(/Body \{\{3\}\} is empty/);
		expect(env.fake.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
	});

	test('a template that is not approved is refused', async () => {
		const result = await runNode(env.action, { parameters: { resource: 'message', operation: 'sendTemplate', chat: to, template: 'promo_old|en', variables: { mappingMode: 'defineBelow', value: {} } } });
		expect(result.error?.message).toMatch(/no approved template named "promo_old"/);
	});
});

describe('errors of a send', () => {
	test('453: the customer-service window is closed, a template is needed', async () => {
		const result = await runNode(env.action, { parameters: { resource: 'message', operation: 'sendText', chat: chat('48999000111'), text: 'Hi' } });
		expect(result.error?.message).toBe('360dialog Inbox: the 24-hour customer-service window of chat 48999000111 is closed, so only a template can be sent');
		expect(result.error?.httpCode).toBe('453');
		expect(env.fake.requests).toHaveLength(1);
	});

	test('a DRF field error is shown with its field', async () => {
		env.fake.failNext({ status: 400, body: { wa_id: ['Ensure this field has no more than 100 characters.'] } });
		const result = await runNode(env.action, { parameters: { resource: 'message', operation: 'sendText', chat: to, text: 'Hi' } });
		expect(result.error?.message).toBe('360dialog Inbox: wa_id: Ensure this field has no more than 100 characters.');
	});

	test('a send is not repeated after an ambiguous 502', async () => {
		env.fake.failNext({ status: 502, body: { detail: 'Bad gateway' } });
		const result = await runNode(env.action, { parameters: { resource: 'message', operation: 'sendText', chat: to, text: 'Hi' } });
		expect(result.error?.httpCode).toBe('502');
		expect(env.fake.requests).toHaveLength(1);
	});
});

describe('bad input is rejected before any request', () => {
	test.each<[string, INodeParameters, RegExp]>([
		['empty text', { operation: 'sendText', chat: to, text: '  ' }, /"Text" is required \[item 0\]/],
		['not a wa_id', { operation: 'sendText', chat: chat('call me'), text: 'x' }, /"To" is not a WhatsApp ID/],
		['bad phone', { operation: 'sendText', chat: chat('+48 12'), text: 'x' }, /"To" is not a valid phone number/],
		['private media URL', { operation: 'sendImage', chat: to, source: 'url', mediaUrl: 'http://127.0.0.1/x.jpg' }, /must be a public URL/],
		['latitude out of range', { operation: 'sendLocation', chat: to, latitude: 91, longitude: 0 }, /"Latitude" must be between -90 and 90/],
		['four buttons', { operation: 'sendButtons', chat: to, bodyText: 'x', buttons: { button: [{ title: 'a' }, { title: 'b' }, { title: 'c' }, { title: 'd' }] } }, /"Buttons" needs 1 to 3 entries/],
		['same button twice', { operation: 'sendButtons', chat: to, bodyText: 'x', buttons: { button: [{ title: 'a' }, { title: 'a' }] } }, /must all be different/],
		['list row title too long', { operation: 'sendList', chat: to, bodyText: 'x', buttonText: 'b', rows: { row: [{ title: 'x'.repeat(25) }] } }, /"Row 1 Title" is too long/],
		['caption too long', { operation: 'sendImage', chat: to, source: 'url', mediaUrl: 'https://example.com/a.jpg', options: { caption: 'x'.repeat(1025) } }, /"Caption" is too long/],
		['bad email on a card', { operation: 'sendContacts', chat: to, contacts: { contact: [{ name: 'A', emails: 'nope' }] } }, /invalid address/],
	])('%s', async (_name, parameters, expected) => {
		await expectRejectedBeforeSending(env, { resource: 'message', ...parameters }, expected);
	});
});

describe('media download', () => {
	test('by id and by inbox link, into a binary field', async () => {
		const byId = await runNode(env.action, { parameters: { resource: 'media', operation: 'download', media: '3f4a6a4c-0c36-4d6b-9f55-2f1f0c7f2a10', binaryPropertyName: 'file' } });
		expect(byId.error).toBeUndefined();
		expect(byId.items[0].binary?.file.mimeType).toBe('image/png');
		expect((await readBinary(byId.items[0].binary!.file)).subarray(0, 4).toString('hex')).toBe('89504e47');
		const byLink = await runNode(env.action, { parameters: { resource: 'media', operation: 'download', media: `${env.origin}/api/v1/media/3f4a6a4c-0c36-4d6b-9f55-2f1f0c7f2a10/`, binaryPropertyName: 'data' } });
		expect(byLink.error?.message).toBeUndefined();
		expect(byLink.items[0].binary?.data.fileName).toBe('3f4a6a4c-0c36-4d6b-9f55-2f1f0c7f2a10');
		expect(wire(env.fake.requests).map((w) => w[1])).toEqual(['/media/3f4a6a4c-0c36-4d6b-9f55-2f1f0c7f2a10/', '/media/3f4a6a4c-0c36-4d6b-9f55-2f1f0c7f2a10/']);
		expect(env.fake.requests.every((r) => r.headers.authorization === `Token ${TOKEN}`)).toBe(true);
	});

	test('a link on another host is not fetched with the credential', async () => {
		await expectRejectedBeforeSending(env, { resource: 'media', operation: 'download', media: 'https://evil.example.com/api/v1/media/x/', binaryPropertyName: 'data' }, /not on the credential’s inbox/);
	});

	test('upload: binary in, id and link out', async () => {
		const result = await runNode(env.action, {
			parameters: { resource: 'media', operation: 'upload', binaryPropertyName: 'data' },
			items: [{ json: {}, binary: { data: { data: Buffer.from('%PDF-1.4 hello').toString('base64'), mimeType: 'application/pdf', fileName: 'a.pdf' } } }],
		});
		expect(result.items[0].json).toMatchObject({ id: expect.any(String), link: expect.stringContaining('/api/v1/media/'), mimeType: 'application/pdf', size: 14 });
	});
});
