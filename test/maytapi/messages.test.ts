import type { INodeParameters } from 'n8n-workflow';

import type { RecordedRequest } from '../fakes/http-fake';
import { runNode } from '../harness/engine';
import { providerPerFile } from '../harness/provider';
import { startMaytapi } from './setup';

const env = providerPerFile(startMaytapi);

const phone = (value: string) => ({ __rl: true, mode: 'id', value });

/** Every sendMessage variant: the node's parameters and the exact body Maytapi must receive. */
const sends: Array<[string, INodeParameters, Record<string, unknown>]> = [
	['text', { operation: 'sendText', to: '+90 530-123 4567', text: 'Hello *there*' }, { to_number: '905301234567', type: 'text', message: 'Hello *there*' }],
	[
		'text with reply, mentions and skip filter',
		{ operation: 'sendText', to: '120363027326493365@g.us', text: 'Hi @905301234568', options: { mentions: '905301234568, +90 530 123 4569', replyTo: 'false_905551112233@c.us_3EB0', skipFilter: true } },
		{ to_number: '120363027326493365@g.us', type: 'text', message: 'Hi @905301234568 @905301234569', reply_to: 'false_905551112233@c.us_3EB0', skip_filter: true },
	],
	[
		'media from URL with caption and file name',
		{ operation: 'sendMedia', to: '905301234567', source: 'url', mediaUrl: 'https://example.com/a.pdf', options: { caption: 'Invoice', fileName: 'invoice.pdf' } },
		{ to_number: '905301234567', type: 'media', message: 'https://example.com/a.pdf', text: 'Invoice', filename: 'invoice.pdf' },
	],
	[
		'media from a base64 data URI',
		{ operation: 'sendMedia', to: '905301234567', source: 'base64', base64: 'data:image/png;base64,iVBORw0KGgo=' },
		{ to_number: '905301234567', type: 'media', message: 'data:image/png;base64,iVBORw0KGgo=' },
	],
	[
		'media from raw base64 with a MIME type',
		{ operation: 'sendMedia', to: '905301234567', source: 'base64', base64: 'iVBORw0KGgo=', options: { mimeType: 'image/png' } },
		{ to_number: '905301234567', type: 'media', message: 'data:image/png;base64,iVBORw0KGgo=' },
	],
	['link', { operation: 'sendLink', to: '905301234567', url: 'https://n8n.io', options: { text: 'Look' } }, { to_number: '905301234567', type: 'link', message: 'https://n8n.io', text: 'Look' }],
	[
		'location',
		{ operation: 'sendLocation', to: '905301234567', latitude: 41.0082376, longitude: 28.9783589, label: 'Sultanahmet' },
		{ to_number: '905301234567', type: 'location', latitude: 41.0082376, longitude: 28.9783589, text: 'Sultanahmet' },
	],
	['contact', { operation: 'sendContact', to: '905301234567', contact: '+90 530 123 4568' }, { to_number: '905301234567', type: 'contact', message: '905301234568@c.us' }],
	[
		'vCard from fields',
		{ operation: 'sendVcard', to: '905301234567', vcardMode: 'fields', displayName: 'Jane; Doe', phones: '905301234568', email: 'jane@example.com', organization: 'ACME' },
		{
			to_number: '905301234567',
			type: 'vcard',
			message: {
				displayName: 'Jane; Doe',
				vcard: 'BEGIN:VCARD\nVERSION:3.0\nFN:Jane\\; Doe\nORG:ACME\nTEL;type=CELL;waid=905301234568:+905301234568\nEMAIL:jane@example.com\nEND:VCARD',
			},
		},
	],
	[
		'vCard from text',
		{ operation: 'sendVcard', to: '905301234567', vcardMode: 'raw', displayName: 'Jane', vcard: 'BEGIN:VCARD\nVERSION:3.0\nFN:Jane\nEND:VCARD' },
		{ to_number: '905301234567', type: 'vcard', message: { displayName: 'Jane', vcard: 'BEGIN:VCARD\nVERSION:3.0\nFN:Jane\nEND:VCARD' } },
	],
	[
		'poll',
		{ operation: 'sendPoll', to: '905301234567', question: 'Slot?', answers: { answer: [{ text: 'Morning' }, { text: 'Evening' }] }, onlyOne: true },
		{ to_number: '905301234567', type: 'poll', message: 'Slot?', options: ['Morning', 'Evening'], only_one: true },
	],
	[
		'sticker',
		{ operation: 'sendSticker', to: '905301234567', url: 'https://example.com/s.webp', options: { width: 256, height: 256 } },
		{ to_number: '905301234567', type: 'sticker', message: 'https://example.com/s.webp', options: { width: 256, height: 256 } },
	],
	[
		'buttons (beta)',
		{ operation: 'sendButtons', to: '905301234567', text: 'Pick', buttons: { button: [{ id: 'y', text: 'Yes' }, { id: '', text: 'No' }] }, options: { title: 'T', footer: 'F' } },
		{ to_number: '905301234567', type: 'buttons', message: 'Pick', buttons: [{ id: 'y', text: 'Yes' }, { id: 'button_2', text: 'No' }], title: 'T', footer: 'F' },
	],
	['product (beta)', { operation: 'sendProduct', to: '905301234567', productId: '5829304817234561' }, { to_number: '905301234567', type: 'product', productId: '5829304817234561' }],
	[
		'forward',
		{ operation: 'forward', to: '905301234567', messageId: 'false_905551112233@c.us_3EB0', keepCaption: false },
		{ to_number: '905301234567', type: 'forward', message: 'false_905551112233@c.us_3EB0', forward_caption: false },
	],
	['react', { operation: 'react', to: '905301234567', messageId: 'abc-123', emoji: '👍' }, { to_number: '905301234567', type: 'reaction', message: '👍', reply_to: 'abc-123' }],
	['edit', { operation: 'edit', to: '905301234567', messageId: 'abc-123', text: 'Fixed' }, { to_number: '905301234567', type: 'edit', message: 'Fixed', reply_to: 'abc-123' }],
	['delete', { operation: 'delete', to: '905301234567', messageId: 'abc-123' }, { to_number: '905301234567', type: 'delete', message: 'abc-123' }],
];

describe('Message → every sendMessage variant sends the documented request', () => {
	test.each(sends)('%s', async (_name, parameters, expectedBody) => {
		const result = await runNode(env.action, { parameters: { resource: 'message', phoneId: phone('1002'), ...parameters } });
		expect(result.error).toBeUndefined();
		expect(env.fake.requests).toHaveLength(1);
		const [request] = env.fake.requests as RecordedRequest[];
		expect(request.method).toBe('POST');
		expect(request.path).toBe(`${env.api}/1002/sendMessage`);
		expect(request.headers['x-maytapi-key']).toBe('test-token');
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.body).toEqual(expectedBody);
		// The send's output carries Maytapi's msgId: the join key of later ack events.
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ success: true, phoneId: '1002', msgId: expect.any(String), chatId: expect.any(String) });
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});
});

test('the phone defaults to the credential’s Default Phone ID', async () => {
	const result = await runNode(env.action, { parameters: { resource: 'message', operation: 'sendText', to: '905301234567', text: 'Hi' } });
	expect(result.error).toBeUndefined();
	expect(env.fake.requests[0].path).toBe(`${env.api}/1001/sendMessage`);
});

test('media from an n8n binary property is sent inline as a data URI with its file name', async () => {
	const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
	const result = await runNode(env.action, {
		parameters: { resource: 'message', operation: 'sendMedia', to: '905301234567', source: 'binary', binaryPropertyName: 'file', options: { caption: 'Look' } },
		items: [{ json: {}, binary: { file: { data: png.toString('base64'), mimeType: 'image/png', fileName: 'shot.png' } } }],
	});
	expect(result.error).toBeUndefined();
	expect(env.fake.requests[0].body).toEqual({
		to_number: '905301234567',
		type: 'media',
		message: `data:image/png;base64,${png.toString('base64')}`,
		text: 'Look',
		filename: 'shot.png',
	});
});

test('one request per input item, each output linked to its item', async () => {
	const result = await runNode(env.action, {
		parameters: { resource: 'message', operation: 'sendText', to: '={{ $json.to }}', text: '={{ "Hi " + $json.name }}' },
		items: [{ json: { to: '905301234567', name: 'Ada' } }, { json: { to: '905301234568', name: 'Bo' } }],
	});
	expect(result.error).toBeUndefined();
	expect(env.fake.requests.map((r) => r.body)).toEqual([
		{ to_number: '905301234567', type: 'text', message: 'Hi Ada' },
		{ to_number: '905301234568', type: 'text', message: 'Hi Bo' },
	]);
	expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
});

test('a mention counts as present only as the whole number: @905301234567 does not hold @9053012345', async () => {
	const result = await runNode(env.action, {
		parameters: {
			resource: 'message',
			operation: 'sendText',
			to: '120363027326493365@g.us',
			text: 'Hi @905301234567 and @905301234568.',
			options: { mentions: '9053012345, 905301234568' },
		},
	});
	expect(result.error).toBeUndefined();
	// 905301234568 is there (followed by a dot); 9053012345 is only the start of another number.
	expect(env.fake.requests[0].body.message).toBe('Hi @905301234567 and @905301234568. @9053012345');
});
