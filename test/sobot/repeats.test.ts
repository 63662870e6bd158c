import { loadOptions, runNode } from '../harness/engine';
import type { RepeatCase } from '../harness/provider';
import { describeRepeats, providerPerFile, recordWaits } from '../harness/provider';
import { startSobot } from './setup';

const env = providerPerFile(() => startSobot());
const waits = recordWaits();

const send = (parameters: RepeatCase['parameters']): RepeatCase => ({
	parameters: { customerNumber: '919960123456', customerName: 'John Doe', ...parameters },
	at: { method: 'POST', path: '/message/' },
	repeatable: false,
});
const variables = (value: Record<string, string>) => ({ mappingMode: 'defineBelow', value, matchingColumns: [], schema: [] });

/** Every Sobot operation, what a dropped connection after its request hits, and whether it may be repeated. */
const cases: Record<string, RepeatCase> = {
	'message.sendText': send({ text: 'Hi' }),
	'message.sendImage': send({ url: 'https://example.com/a.png' }),
	'message.sendVideo': send({ url: 'https://example.com/a.mp4' }),
	'message.sendDocument': send({ url: 'https://example.com/a.pdf' }),
	'message.sendSticker': send({ url: 'https://example.com/a.webp' }),
	'message.sendLocation': send({ latitude: 13.89, longitude: 78.27 }),
	'message.sendButtons': send({ text: 'Yes?', buttons: { button: [{ title: 'Yes' }] } }),
	'message.sendList': send({ text: 'Pick', buttonText: 'Menu', rows: { row: [{ section: 'One', id: 'r1', title: 'First', description: '' }] } }),
	'message.sendProduct': send({ text: 'Hello', productRetailerId: 'sbt_in_4_1' }),
	'message.sendProductList': send({ text: 'Hello', header: 'Menu', products: { product: [{ section: 'Cakes', id: 'sbt_in_4_1' }] } }),
	// Reads the approved templates first (repeatable), then sends: the reset hits the send.
	'message.sendTemplate': send({ template: 'hello_world|en', variables: variables({}) }),

	'customer.add': { parameters: { mobile: '919561234567', name: 'Jane' }, at: { method: 'POST', path: '/api/customer' }, repeatable: false },
	'customer.update': { parameters: { mobile: '919960100001', name: 'Jane' }, at: { method: 'PUT', path: '/api/customer/919960100001' }, repeatable: true },
	'customer.getMany': { parameters: { returnAll: false, limit: 5 }, at: { method: 'GET', path: '/api/customer', page: '1' }, repeatable: true },

	'template.create': {
		parameters: { templateName: 'new_one', category: 'UTILITY', language: 'en_US', body: 'Hello there' },
		at: { method: 'POST', path: '/api/template/' },
		repeatable: false,
	},
	'template.getMany': { parameters: { status: 'all', returnAll: true }, at: { method: 'GET', path: '/api/template/', page: '1' }, repeatable: true },
};

describe('a connection reset after Sobot got the request: repeated only when declared repeatable', () => {
	describeRepeats(env, cases, waits, 'Sobot');
});

test('the upsert’s update (PUT) is repeatable, its add (POST) is not', async () => {
	env.fake.failNext({ disconnect: true, match: { method: 'PUT', path: '/api/customer/919960100001' } });
	const result = await runNode(env.action, {
		parameters: { resource: 'customer', operation: 'add', mobile: '919960100001', name: 'Jane', ifExists: 'update' },
	});
	expect(result.error).toBeUndefined();
	expect(env.fake.requests.map((r) => r.method)).toEqual(['POST', 'PUT', 'PUT']);
});

test('the approved-templates dropdown is a read: retried after a reset', async () => {
	env.fake.failNext({ disconnect: true, match: { method: 'GET', path: '/api/template/' } });
	const options = await loadOptions(env.action, 'loadOptions', 'getApprovedTemplates', { resource: 'message', operation: 'sendTemplate' });
	expect(options).not.toHaveLength(0);
	expect(env.fake.requests.filter((r) => r.path === '/api/template/').map((r) => r.query.page)).toEqual(['1', '1']);
	expect(waits).toEqual([500]);
});
