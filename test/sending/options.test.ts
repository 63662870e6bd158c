import type { INodeProperties, INodeType } from 'n8n-workflow';

import { Maytapi } from '../../nodes/Maytapi/Maytapi.node';
import { chatKey, PROGRESS_INTERVAL_MS, ProgressLog } from '../../nodes/shared/sending';
import { Sobot } from '../../nodes/Sobot/Sobot.node';

/** `resource.operation` of every operation showing the Sending collection, as n8n's UI reads it. */
function operationsWithSending(node: INodeType): string[] {
	return node.description.properties
		.filter((p) => p.name === 'sending')
		.flatMap((p) => (p.displayOptions?.show?.operation ?? []).map((op) => `${p.displayOptions?.show?.resource?.[0]}.${String(op)}`))
		.sort();
}

describe('the Sending collection is on every send and write, and on nothing else', () => {
	test('Maytapi: every message operation and the group writes', () => {
		expect(operationsWithSending(new Maytapi())).toEqual(
			[
				...['sendText', 'sendMedia', 'sendLink', 'sendLocation', 'sendContact', 'sendVcard', 'sendPoll', 'sendSticker', 'sendButtons', 'sendProduct', 'forward', 'react', 'edit', 'delete'].map((o) => `message.${o}`),
				...['create', 'addParticipants', 'removeParticipants', 'promoteParticipants', 'demoteParticipants', 'updateSettings', 'setPicture', 'leave'].map((o) => `group.${o}`),
			].sort(),
		);
	});

	test('Sobot: every message and the customer upserts', () => {
		const ops = operationsWithSending(new Sobot());
		expect(ops.filter((o) => o.startsWith('customer.'))).toEqual(['customer.add', 'customer.update']);
		expect(ops.filter((o) => !o.startsWith('message.') && !o.startsWith('customer.'))).toEqual([]);
		const messageOps = new Sobot().description.properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.[0] === 'message');
		expect(ops.filter((o) => o.startsWith('message.'))).toEqual((messageOps?.options as Array<{ value: string }>).map((o) => `message.${o.value}`).sort());
	});

	test('each provider shows its own defaults; the hint steers campaigns to the error output', () => {
		const defaults = (node: INodeType) => {
			const sending = node.description.properties.find((p) => p.name === 'sending') as INodeProperties;
			expect(sending.hint).toMatch(/Continue \(using error output\)/);
			return Object.fromEntries((sending.options as INodeProperties[]).map((o) => [o.name, o.default]));
		};
		expect(defaults(new Maytapi())).toEqual({ concurrency: 1, maxPerMinute: 60, delay: 1, jitter: 0.5 });
		expect(defaults(new Sobot())).toEqual({ concurrency: 5, maxPerMinute: 0, delay: 0, jitter: 0 });
		for (const node of [new Maytapi(), new Sobot()]) {
			expect(node.description.hints?.[0]).toMatchObject({ whenToDisplay: 'beforeExecution', message: expect.stringMatching(/instead of Retry On Fail/) });
			expect(node.description.hints?.[0].displayCondition).toContain('message:sendText');
		}
	});
});

describe('chat keys', () => {
	test.each([
		['+90 530 123-45-67', '905301234567'],
		['00905301234567', '905301234567'],
		['905301234567@c.us', '905301234567'],
		['905301234567@s.whatsapp.net', '905301234567'],
		['120363027326493365@g.us', '120363027326493365@g.us'],
		['', undefined],
		[undefined, undefined],
	])('%p → %p', (value, key) => {
		expect(chatKey(value)).toBe(key);
	});
});

describe('progress in n8n’s log', () => {
	test('a long run reports at most every interval and once at the end; a short run stays quiet', () => {
		let now = 0;
		const lines: string[] = [];
		const long = new ProgressLog((line) => lines.push(line), 5, () => now);
		long.settled(true);
		now += PROGRESS_INTERVAL_MS - 1;
		long.settled(true);
		now += 1;
		long.settled(false);
		long.settled(true);
		now += PROGRESS_INTERVAL_MS;
		long.settled(true);
		long.finished();
		expect(lines).toEqual(['3 of 5 items done (1 failed)', 'all 5 items done (1 failed)']);

		const quiet: string[] = [];
		const short = new ProgressLog((line) => quiet.push(line), 2, () => now);
		short.settled(true);
		short.settled(true);
		short.finished();
		expect(quiet).toEqual([]);
	});
});
