import fs from 'node:fs';
import path from 'node:path';

import { TriggerHarness } from '../harness/trigger';
import { providerPerFile } from '../harness/provider';
import { startMaytapi } from './setup';

/** Bodies that are not usable deliveries: 4xx, never 5xx, and no execution (issue 6, point 5). */
const PRODUCT = '5f0c3e1a-7b2d-4c9e-9a41-3d6e8b2f1c07';
const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', `${name}.json`), 'utf8'));
const ALL_EVENTS = ['message', 'ownMessage', 'status', 'poll', 'reaction', 'session', 'groupNotification', 'error', 'assignment', 'other'];

const env = providerPerFile(() => startMaytapi({ productId: PRODUCT, phoneId: '12345' }), { resetEachTest: false });
afterEach(async () => TriggerHarness.closeAll());

const trigger = () => new TriggerHarness(env.trigger, { registration: 'manual', events: ALL_EVENTS, options: {} });
const text = fixture('incoming-text');
const withMessage = (message: Record<string, unknown>) => ({ ...text, message: { ...text.message, ...message } });

/** The JSON text of a body nested `depth` levels (built as text: JSON.stringify would recurse). */
const nested = (depth: number) => `${'{"type":"message","message":'.repeat(depth)}{}${'}'.repeat(depth)}`;

describe('malformed Maytapi bodies get a 4xx and start nothing', () => {
	test.each([
		['an ack whose data holds null', { type: 'ack', data: [null] }],
		['an ack whose data holds a string', { type: 'ack', data: ['x'] }],
		['an ack without msgId', { type: 'ack', data: [{ ackType: 'seen' }] }],
		['an ack with an object msgId', { type: 'ack', data: [{ msgId: { id: 1 }, ackType: 'seen' }] }],
		['a vcard message whose vcardList is {}', withMessage({ type: 'vcard', vcardList: {} })],
		['a vcard list of nulls', withMessage({ type: 'vcard', vcardList: [null, null] })],
		['a message without its id', { ...text, message: { type: 'text', text: 'hi' } }],
		['a message without sender or chat', { ...text, user: undefined, conversation: undefined }],
		['a message whose text is an object', withMessage({ text: { body: 'hi' } })],
		['a message whose id is an array', withMessage({ id: ['x'] })],
		['a message whose timestamp is an object', { ...text, timestamp: { seconds: 1 } }],
		['a message whose user is a string', { ...text, user: 'someone' }],
		['a legacy ack array of nulls', [null, null]],
		['a status delivery whose status is a number', { type: 'status', status: 5 }],
		['an error whose data is a list', { type: 'error', data: ['x'] }],
		['a type that is not text', { type: { name: 'message' } }],
		['prototype keys', JSON.parse('{"__proto__": {"type": "message"}, "constructor": {"prototype": {}}}')],
		['a body nested 50 levels deep', nested(50)],
		['a body nested 100,000 levels deep', nested(100_000)],
	])('%s', async (_name, body) => {
		const delivery = await trigger().deliver(body);
		expect(delivery.status).toBeGreaterThanOrEqual(400);
		expect(delivery.status).toBeLessThan(500);
		expect(delivery.body).toMatchObject({ ok: false, error: expect.stringMatching(/Maytapi delivery/) });
		expect(delivery.items).toHaveLength(0);
		expect(delivery.response.workflowData).toBeUndefined();
	});

	test('a huge text is refused with 413', async () => {
		const delivery = await trigger().deliver(withMessage({ text: 'x'.repeat(200_000) }));
		expect(delivery.status).toBe(413);
		expect(delivery.items).toHaveLength(0);
	});

	test('a well-formed body of a kind the trigger does not know still goes to "other"', async () => {
		const delivery = await trigger().deliver({ type: 'future_event', product_id: PRODUCT, data: { anything: [1, 2] } });
		expect(delivery.status).toBe(200);
		expect(delivery.items).toMatchObject([{ event: 'other', type: 'future_event' }]);
	});
});
