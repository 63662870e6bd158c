import type { IDataObject } from 'n8n-workflow';

import { resources } from '../../nodes/WhatsLoop/platform/node';
import { readBinary, runNode } from '../harness/engine';
import { providerPerFile } from '../harness/provider';
import { CHAT, GROUP, OPERATIONS, parameters } from './operations';
import { LB_TOKEN, startPlatform, WL_TOKEN } from './setup';

const env = providerPerFile(startPlatform);

describe('every operation sends the documented request (WhatsLoop credential)', () => {
	test('the table covers every operation of the node', () => {
		const covered = new Set(OPERATIONS.map(([name]) => name.split(' ')[0]));
		const all = resources.flatMap((r) => r.operations.map((o) => `${r.value}.${o.operation}`));
		expect(all.filter((o) => !covered.has(o))).toEqual([]);
	});

	test.each(OPERATIONS)('%s', async (name, params, wire) => {
		const result = await runNode(env.whatsLoop, { parameters: parameters(name, params) });
		expect(result.error).toBeUndefined();
		expect(env.fake.requests).toHaveLength(1);
		const [request] = env.fake.requests;
		expect(request.method).toBe(wire.method);
		expect(request.path).toBe(env.path(wire.route));
		expect(request.headers.authorization).toBe(`Bearer ${WL_TOKEN}`);
		expect(request.headers.accept).toBe('application/json');
		if (wire.body) {
			expect(request.headers['content-type']).toMatch(/^application\/json/);
			expect(request.body).toEqual(wire.body);
		}
		if (wire.query) expect(request.query).toEqual(wire.query);
		if (wire.method === 'GET') expect(request.rawBody).toBe('');
		expect(result.items.length).toBeGreaterThan(0);
	});
});

describe('the Lets bot node reaches its own base URL (a tenant path) with its own credential, same routes', () => {
	test.each(OPERATIONS)('%s', async (name, params, wire) => {
		const result = await runNode(env.letsBot, { parameters: parameters(name, params) });
		expect(result.error).toBeUndefined();
		const [request] = env.fake.requests;
		expect(`${request.method} ${request.path}`).toBe(`${wire.method} ${env.letsBotPath(wire.route)}`);
		expect(request.headers.authorization).toBe(`Bearer ${LB_TOKEN}`);
		if (wire.body) expect(request.body).toEqual(wire.body);
	});
});

describe('recipients: person JIDs become digits, group JIDs pass untouched', () => {
	test.each([
		['message.sendText', 'to', 'message/send', 'phone'],
		['instance.setPresence', 'mixed', 'instance/set/presence', 'mixed'],
	])('%s (%s)', async (name, field, route, key) => {
		const [, params] = OPERATIONS.find(([n]) => n === name)!;
		for (const [given, sent] of [
			[`${CHAT}@s.whatsapp.net`, CHAT],
			[`${CHAT}@c.us`, CHAT],
			[GROUP, GROUP],
		]) {
			env.fake.clearRequests();
			const result = await runNode(env.whatsLoop, { parameters: parameters(name, { ...params, [field]: given }) });
			expect(result.error).toBeUndefined();
			expect(env.fake.requests[0].path).toBe(env.path(route));
			expect(env.fake.requests[0].body[key]).toBe(sent);
		}
	});
});

describe('outputs', () => {
	test('a send carries the message id, chat JID, a numeric timestamp and "queued" for PENDING', async () => {
		const result = await runNode(env.whatsLoop, { parameters: { resource: 'message', operation: 'sendText', to: CHAT, text: 'Hi' } });
		const [item] = result.items;
		expect(item.json).toMatchObject({ success: true, chatId: `${CHAT}@s.whatsapp.net`, status: 'PENDING', queued: true });
		expect(item.json.messageId).toMatch(/^3EB0[0-9A-F]{16}$/);
		expect(typeof item.json.timestamp).toBe('number');
		expect(item.json.timestamp).toBeGreaterThan(1.6e12);
		expect(env.fake.state().sent[0].id).toBe(item.json.messageId);
	});

	test('the engine’s queue answer (no status, "added to your queue") is queued too', async () => {
		env.fake.failNext({ status: 200, body: { success: true, message: 'The message has been added to your queue.', data: {} } });
		const result = await runNode(env.whatsLoop, { parameters: { resource: 'message', operation: 'sendText', to: CHAT, text: 'Hi' } });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ success: true, queued: true, status: null, messageId: null });
	});

	test('a list send answered SUCCESS is not queued', async () => {
		const [, params] = OPERATIONS.find(([name]) => name === 'interactive.sendList')!;
		const result = await runNode(env.whatsLoop, { parameters: parameters('interactive.sendList', params) });
		expect(result.items[0].json).toMatchObject({ status: 'SUCCESS', queued: false });
	});

	test('the QR code is an n8n binary image', async () => {
		const result = await runNode(env.whatsLoop, { parameters: { resource: 'instance', operation: 'getQrCode', binaryPropertyName: 'qr' } });
		const binary = result.items[0].binary!.qr;
		expect(binary.mimeType).toBe('image/png');
		expect(binary.fileName).toBe('qr-code.png');
		const bytes = await readBinary(binary);
		expect(bytes.subarray(1, 4).toString()).toBe('PNG');
		expect(result.items[0].json).not.toHaveProperty('qrcode');
	});

	test('a QR code answer that is not base64 (e.g. the raw QR text) fails clearly instead of writing a broken image', async () => {
		env.fake.failNext({ status: 200, body: { success: true, data: { qrcode: '2@Xy7,Ab9+/w==,QmFk' } }, match: { path: '/api/v1/qr' } });
		const result = await runNode(env.whatsLoop, { parameters: { resource: 'instance', operation: 'getQrCode', binaryPropertyName: 'qr' } });
		expect(result.error?.message).toMatch(/The platform answered with an image that is not base64 \[item 0\]/);
	});

	test('lists become one item per entry; Limit cuts them', async () => {
		const all = await runNode(env.whatsLoop, { parameters: { resource: 'chat', operation: 'getMany', returnAll: true } });
		expect(all.items).toHaveLength(3);
		const some = await runNode(env.whatsLoop, { parameters: { resource: 'chat', operation: 'getMany', returnAll: false, limit: 2 } });
		expect(some.items.map((i) => i.json.id)).toEqual([`${CHAT}@s.whatsapp.net`, GROUP]);
	});

	test('a conversation pages by cursor (last id + fromMe) until Return All has everything', async () => {
		const result = await runNode(env.whatsLoop, { parameters: { resource: 'chat', operation: 'getConversation', to: CHAT, returnAll: true } });
		expect(result.items).toHaveLength(120);
		expect(new Set(result.items.map((i) => (i.json.key as IDataObject).id)).size).toBe(120);
		const pages = env.fake.requests.map((r) => r.query);
		expect(pages).toHaveLength(3);
		expect(pages[0]).toEqual({ phone: CHAT, limit: '50' });
		expect(pages[1]).toEqual({ phone: CHAT, limit: '50', cursorId: '3EB0SEED000000000070', cursorFromMe: '0' });
		expect(pages[2]).toEqual({ phone: CHAT, limit: '50', cursorId: '3EB0SEED000000000020', cursorFromMe: '0' });
	});

	test('a conversation with a Limit asks only for what it needs', async () => {
		const result = await runNode(env.whatsLoop, { parameters: { resource: 'chat', operation: 'getConversation', to: CHAT, returnAll: false, limit: 70 } });
		expect(result.items).toHaveLength(70);
		expect(env.fake.requests.map((r) => r.query.limit)).toEqual(['50', '20']);
	});

	test('API Request with a form body sends bracket keys', async () => {
		const result = await runNode(env.whatsLoop, {
			parameters: { resource: 'apiRequest', operation: 'request', method: 'POST', path: 'button', contentType: 'form', body: JSON.stringify({ phone: CHAT, body: 'Pick', buttons: [{ id: '1', title: 'A' }] }) },
		});
		expect(result.error).toBeUndefined();
		const [request] = env.fake.requests;
		expect(request.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
		expect(new URLSearchParams(request.rawBody).get('buttons[0][title]')).toBe('A');
		expect(env.fake.state().sent[0].body).toEqual({ phone: CHAT, body: 'Pick', buttons: [{ id: '1', title: 'A' }] });
		expect(result.items[0].json).toMatchObject({ statusCode: 200, success: true });
	});

	test('interactive buttons can go form-encoded, as working WhatsLoop clients send them', async () => {
		const result = await runNode(env.whatsLoop, {
			parameters: { resource: 'interactive', operation: 'sendButtons', to: CHAT, header: 'none', text: 'Pick', buttons: { button: [{ id: 'a', title: 'A' }] }, options: { formBody: true } },
		});
		expect(result.error).toBeUndefined();
		expect(env.fake.requests[0].rawBody).toBe('phone=966500000001&body=Pick&buttons%5B0%5D%5Bid%5D=a&buttons%5B0%5D%5Btitle%5D=A&buttons%5B0%5D%5Btext%5D=A');
	});

	test('buttons sent as numbered text: a plain text every phone shows, with the choices in the output', async () => {
		const result = await runNode(env.whatsLoop, {
			parameters: {
				resource: 'interactive',
				operation: 'sendButtons',
				to: CHAT,
				header: 'none',
				title: 'Order 7781',
				text: 'Deliver today?',
				footer: 'Reply with a number',
				buttons: { button: [{ id: 'yes', title: 'Yes' }, { id: 'no', title: 'No' }] },
				options: { sendAs: 'numberedText' },
			},
		});
		expect(result.error).toBeUndefined();
		const [request] = env.fake.requests;
		expect(request.path).toBe(env.path('message/send'));
		expect(request.body).toEqual({ phone: CHAT, body: '*Order 7781*\nDeliver today?\n\n1. Yes\n2. No\n\n_Reply with a number_' });
		expect(result.items[0].json).toMatchObject({ sentAs: 'numberedText', choices: [{ number: 1, id: 'yes', title: 'Yes' }, { number: 2, id: 'no', title: 'No' }] });
	});

	test('Send Buttons leaves out a Title its header hides (saved before the header was chosen, or imported): as buttons and as numbered text', async () => {
		const parameters = {
			resource: 'interactive',
			operation: 'sendButtons',
			to: CHAT,
			header: 'image',
			headerUrl: 'https://cdn.example.com/a.jpg',
			title: 'Hidden title',
			text: 'Look',
			buttons: { button: [{ id: 'ok', title: 'OK' }] },
		};
		expect((await runNode(env.whatsLoop, { parameters })).error).toBeUndefined();
		expect(env.fake.requests[0].path).toBe(env.path('button/image'));
		expect(env.fake.requests[0].body).toEqual({ phone: CHAT, body: 'Look', caption: 'Look', image: 'https://cdn.example.com/a.jpg', buttons: [{ id: 'ok', title: 'OK', text: 'OK' }] });
		env.fake.clearRequests();
		expect((await runNode(env.whatsLoop, { parameters: { ...parameters, options: { sendAs: 'numberedText' } } })).error).toBeUndefined();
		expect(env.fake.requests[0].body).toEqual({ phone: CHAT, url: 'https://cdn.example.com/a.jpg', caption: 'Look\n\n1. OK' });
	});

	test('numbered text leaves out a document or location header, and the Send As hint says so where a header can be chosen', async () => {
		const sendAsHint = (operation: string) => {
			const op = resources.flatMap((r) => r.operations).find((o) => o.resource === 'interactive' && o.operation === operation);
			const options = op?.properties.find((p) => p.name === 'options')?.options as Array<{ name: string; hint?: string }>;
			return options.find((o) => o.name === 'sendAs')?.hint ?? '';
		};
		for (const operation of ['sendButtons', 'sendTemplateButtons']) {
			expect(sendAsHint(operation)).toMatch(/image or video header goes along/);
			expect(sendAsHint(operation)).toMatch(/document or location header is left out/);
		}
		expect(sendAsHint('sendList')).not.toMatch(/header/i);

		for (const header of [{ header: 'document', headerUrl: 'https://cdn.example.com/a.pdf' }, { header: 'location', latitude: 24.7, longitude: 46.6 }]) {
			env.fake.clearRequests();
			const result = await runNode(env.whatsLoop, {
				parameters: { resource: 'interactive', operation: 'sendButtons', to: CHAT, ...header, text: 'Here', buttons: { button: [{ id: 'ok', title: 'OK' }] }, options: { sendAs: 'numberedText' } },
			});
			expect(result.error).toBeUndefined();
			expect(env.fake.requests.map((r) => [r.path, r.body])).toEqual([[env.path('message/send'), { phone: CHAT, body: 'Here\n\n1. OK' }]]);
		}
	});

	test('a list as numbered text numbers every row across sections; an image header goes as the image’s caption', async () => {
		await runNode(env.whatsLoop, {
			parameters: {
				resource: 'interactive',
				operation: 'sendList',
				to: CHAT,
				text: 'Pick',
				buttonText: 'Menu',
				rows: { row: [{ section: 'A', id: 'a1', title: 'One', description: 'first' }, { section: 'B', id: 'b1', title: 'Two' }] },
				options: { sendAs: 'numberedText' },
			},
		});
		expect(env.fake.requests[0].body).toEqual({ phone: CHAT, body: 'Pick\n\n1. One — first\n2. Two' });
		env.fake.clearRequests();
		await runNode(env.whatsLoop, {
			parameters: {
				resource: 'interactive',
				operation: 'sendTemplateButtons',
				to: CHAT,
				header: 'image',
				headerUrl: 'https://cdn.example.com/a.jpg',
				text: 'Visit us',
				buttons: { button: [{ type: 'url', title: 'Map', value: 'https://maps.example.com/x' }] },
				options: { sendAs: 'numberedText' },
			},
		});
		expect(env.fake.requests[0].path).toBe(env.path('send/image'));
		expect(env.fake.requests[0].body).toEqual({ phone: CHAT, url: 'https://cdn.example.com/a.jpg', caption: 'Visit us\n\n1. Map — https://maps.example.com/x' });
	});
});
