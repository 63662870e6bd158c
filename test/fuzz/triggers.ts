import path from 'node:path';

import type { INodeParameters } from 'n8n-workflow';

import type { NodeUnderTest } from '../harness/engine';
import { startMaytapi } from '../maytapi/setup';
import { startSobot } from '../sobot/setup';
import { INBOX_ITEM_KEYS } from '../../nodes/Inbox360/webhook/events';
import { startInbox360 } from '../inbox360/setup';
import { PLATFORM_ITEM_KEYS } from '../../nodes/WhatsLoop/platform/webhook/events';
import { startPlatform } from '../whatsloop/setup';

/**
 * Every trigger the fuzz suite (triggers.test.ts) and the e2e's fuzz sample cover. A new provider adds
 * ONE entry here: its trigger, the folder of its webhook fixtures (real deliveries, one JSON body per
 * file), and parameters under which every fixture is a delivery the trigger takes (all events, no
 * registration, no secret).
 */
export interface FuzzTrigger {
	/** Lower-case provider name, as in the normalised items' `provider` and the e2e's PROVIDERS table. */
	name: string;
	fixturesDir: string;
	params: INodeParameters;
	/** Keys this provider's items carry besides the normalised ones (the same on every item). */
	extraKeys?: string[];
	/** Starts what the trigger needs (a fake provider for its credential) and returns the node under test. */
	start(): Promise<{ trigger: NodeUnderTest; stop(): Promise<void> }>;
}

const fixtures = (provider: string) => path.join(__dirname, '..', provider, 'fixtures');

export const FUZZ_TRIGGERS: FuzzTrigger[] = [
	{
		name: 'maytapi',
		fixturesDir: fixtures('maytapi'),
		params: {
			registration: 'manual',
			events: ['message', 'ownMessage', 'status', 'poll', 'reaction', 'session', 'groupNotification', 'error', 'assignment', 'other'],
			options: {},
		},
		async start() {
			// The fixtures' product: deliveries for another product would be 422.
			const env = await startMaytapi({ productId: '5f0c3e1a-7b2d-4c9e-9a41-3d6e8b2f1c07', phoneId: '12345' });
			return { trigger: env.trigger, stop: () => env.fake.stop() };
		},
	},
	{
		name: 'sobot',
		fixturesDir: fixtures('sobot'),
		params: { events: ['message', 'status', 'other'], options: {} },
		async start() {
			const env = await startSobot();
			return { trigger: env.trigger, stop: () => env.fake.stop() };
		},
	},
	{
		name: 'inbox360',
		fixturesDir: fixtures('inbox360'),
		params: { registration: 'manual', events: ['message', 'ownMessage', 'assignedMessage', 'status', 'assignment', 'tagging', 'resolved', 'other'], options: {} },
		extraKeys: INBOX_ITEM_KEYS,
		async start() {
			const env = await startInbox360();
			return { trigger: env.trigger, stop: () => env.fake.stop() };
		},
	},
	...(['whatsloop', 'letsbot'] as const).map(
		(name): FuzzTrigger => ({
			name,
			fixturesDir: fixtures('whatsloop'),
			params: { events: ['message', 'ownMessage', 'status', 'contact', 'session', 'other'], options: {} },
			extraKeys: PLATFORM_ITEM_KEYS,
			async start() {
				const env = await startPlatform();
				return { trigger: name === 'whatsloop' ? env.whatsLoopTrigger : env.letsBotTrigger, stop: () => env.fake.stop() };
			},
		}),
	),
];
