import type { INodeProperties, INodeType } from 'n8n-workflow';

import { Inbox360 } from '../../nodes/Inbox360/Inbox360.node';
import { LetsBot } from '../../nodes/LetsBot/LetsBot.node';
import { Maytapi } from '../../nodes/Maytapi/Maytapi.node';
import { chatKey, PROGRESS_INTERVAL_MS, ProgressLog } from '../../nodes/shared/sending';
import { Sobot } from '../../nodes/Sobot/Sobot.node';
import { WhatsLoop } from '../../nodes/WhatsLoop/WhatsLoop.node';

/** `resource.operation` of every operation showing the Sending collection, as n8n's UI reads it. */
function operationsWithSending(node: INodeType): string[] {
	return node.description.properties
		.filter((p) => p.name === 'sending')
		.flatMap((p) => (p.displayOptions?.show?.operation ?? []).map((op) => `${p.displayOptions?.show?.resource?.[0]}.${String(op)}`))
		.sort();
}

/** `resource.operation` of every operation of a node, from its Operation selectors. */
function allOperations(node: INodeType): string[] {
	return node.description.properties
		.filter((p) => p.name === 'operation')
		.flatMap((p) => (p.options as Array<{ value: string }>).map((o) => `${p.displayOptions?.show?.resource?.[0]}.${o.value}`));
}

/**
 * The operations that only read: every other operation sends or writes and must have the Sending
 * options (a new write gets them unless it is named here as a read).
 */
const READS: Record<string, string[]> = {
	Maytapi: [
		...['checkNumbers', 'get', 'getMany'].map((o) => `contact.${o}`),
		...['getMany', 'get'].map((o) => `group.${o}`),
		...['getMany', 'getStatus', 'getQrCode', 'getScreenshot', 'getQueue', 'getConfig', 'getCatalog'].map((o) => `phone.${o}`),
		...['getProduct', 'getLogs', 'getQueues'].map((o) => `account.${o}`),
	],
	Sobot: ['template.getMany', 'customer.getMany'],
	Inbox360: [
		'message.getMany',
		'media.download',
		'chat.getMany',
		'chat.get',
		...['get', 'getEvents'].flatMap((o) => [`assignment.${o}`, `chatTagging.${o}`, `messageTagging.${o}`]),
		'tag.getMany',
		'person.getMany',
		'person.get',
		...['search', 'get', 'verify'].map((o) => `contact.${o}`),
		'template.getMany',
		...['getMany', 'getCurrent', 'get'].map((o) => `user.${o}`),
		'group.getMany',
		'savedResponse.getMany',
		...['get', 'getAbout', 'getPhoto', 'getWhatsAppNumbers'].map((o) => `businessProfile.${o}`),
	],
	WhatsLoop: [
		...['get', 'getRecent'].map((o) => `message.${o}`),
		...['getMany', 'getConversation', 'getContacts'].map((o) => `chat.${o}`),
		...['getMany', 'getMetadata', 'getMessages', 'getInviteCode', 'getInviteInfo', 'getPicture'].map((o) => `group.${o}`),
		...['checkNumber', 'getBusinessProfile', 'getProfilePicture'].map((o) => `user.${o}`),
		...['getStatus', 'getQrCode', 'getSessionStatus', 'findSession'].map((o) => `instance.${o}`),
		...['getMany', 'get', 'getOrder'].map((o) => `product.${o}`),
	],
};
READS.LetsBot = READS.WhatsLoop;

describe('the Sending collection is on every send and write, and on nothing else', () => {
	test.each([
		['Maytapi', new Maytapi()],
		['Sobot', new Sobot()],
		['Inbox360', new Inbox360()],
		['WhatsLoop', new WhatsLoop()],
		['LetsBot', new LetsBot()],
	] as Array<[string, INodeType]>)('%s: every operation but its reads', (name, node) => {
		const sending = new Set(operationsWithSending(node));
		expect(allOperations(node).filter((o) => !sending.has(o)).sort()).toEqual([...READS[name]].sort());
	});

	test('Maytapi: every message operation, the group writes and the phone and account writes', () => {
		expect(operationsWithSending(new Maytapi())).toEqual(
			[
				...['sendText', 'sendMedia', 'sendLink', 'sendLocation', 'sendContact', 'sendVcard', 'sendPoll', 'sendSticker', 'sendButtons', 'sendProduct', 'forward', 'react', 'edit', 'delete'].map((o) => `message.${o}`),
				...['create', 'addParticipants', 'removeParticipants', 'promoteParticipants', 'demoteParticipants', 'updateSettings', 'setPicture', 'leave'].map((o) => `group.${o}`),
				...['add', 'logout', 'redeploy', 'factoryReset', 'purgeQueue', 'setConfig', 'setProfilePicture'].map((o) => `phone.${o}`),
				...['setWebhook', 'setAckPreference'].map((o) => `account.${o}`),
			].sort(),
		);
	});

	test('Sobot: every message, the customer upserts and template creation', () => {
		const ops = operationsWithSending(new Sobot());
		expect(ops.filter((o) => o.startsWith('customer.'))).toEqual(['customer.add', 'customer.update']);
		expect(ops.filter((o) => !o.startsWith('message.') && !o.startsWith('customer.'))).toEqual(['template.create']);
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
		// As the README's table says: 360dialog Inbox like Sobot; WhatsLoop / Lets bot one by one, paced by the plan.
		expect(defaults(new Inbox360())).toEqual({ concurrency: 5, maxPerMinute: 0, delay: 0, jitter: 0 });
		expect(defaults(new WhatsLoop())).toEqual({ concurrency: 1, maxPerMinute: 0, delay: 0, jitter: 0 });
		expect(defaults(new LetsBot())).toEqual({ concurrency: 1, maxPerMinute: 0, delay: 0, jitter: 0 });
		for (const node of [new Maytapi(), new Sobot(), new Inbox360(), new WhatsLoop(), new LetsBot()]) {
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
