import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { MaytapiApi } from '../../credentials/MaytapiApi.credentials';
import { Maytapi } from '../../nodes/Maytapi/Maytapi.node';
import { MaytapiFake } from '../fakes/maytapi';
import type { NodeUnderTest } from '../harness/engine';
import { providerPerFile } from '../harness/provider';
import { PRODUCT_ID, TOKEN } from '../maytapi/setup';
import { maxInFlightPerChat, runCampaign, VirtualClock } from './harness';

/** Maytapi paces per phone: one gate per credential and phone, with the reference's ≈1 msg/s default. */
const env = providerPerFile(async () => {
	const active = { status: 'active' as const, type: 'whatsapp', multi_device: true, data: {} };
	const fake = new MaytapiFake({
		productId: PRODUCT_ID,
		token: TOKEN,
		phones: [
			{ id: 1001, number: '905301234567', name: 'Sales', ...active },
			{ id: 1002, number: '905301234568', name: 'Support', ...active },
		],
	});
	const origin = await fake.start();
	const credentials = { productId: PRODUCT_ID, apiToken: TOKEN, phoneId: '1001', baseUrl: `${origin}/api` };
	const action: NodeUnderTest = { node: new Maytapi(), credentialType: new MaytapiApi(), credentials };
	return { fake, action };
});

const recipients = (count: number, from = 0): INodeExecutionData[] =>
	Array.from({ length: count }, (_, n) => ({ json: { to: `9053012${String(from + n).padStart(5, '0')}` } }));
const sendText = (phone: string, sending: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation: 'sendText',
	phoneId: { __rl: true, mode: 'id', value: phone },
	to: '={{ $json.to }}',
	text: 'Hello',
	sending,
});

let clock: VirtualClock;
beforeEach(() => {
	clock = new VirtualClock().install();
});
afterEach(() => clock.uninstall());

const ceilingOnly = { delay: 0, jitter: 0, maxPerMinute: 60, concurrency: 3 };

test('two phones of one credential are paced separately: three sends each take two seconds, not five', async () => {
	const t0 = clock.now();
	const [a, b] = await Promise.all([
		runCampaign(env.action, sendText('1001', ceilingOnly), recipients(3)),
		runCampaign(env.action, sendText('1002', ceilingOnly), recipients(3, 10)),
	]);
	expect(a.error).toBeUndefined();
	expect(b.error).toBeUndefined();
	expect(env.fake.state().sent).toHaveLength(6);
	expect(clock.now() - t0).toBeGreaterThanOrEqual(2000);
	expect(clock.now() - t0).toBeLessThan(5000);
});

test('two runs on one phone share its gate: six sends take five seconds', async () => {
	const t0 = clock.now();
	await Promise.all([
		runCampaign(env.action, sendText('1001', ceilingOnly), recipients(3)),
		runCampaign(env.action, sendText('1001', ceilingOnly), recipients(3, 10)),
	]);
	expect(env.fake.state().sent).toHaveLength(6);
	expect(clock.now() - t0).toBeGreaterThanOrEqual(5000);
});

test('by default a campaign goes out one by one, a second or more apart with jitter (the reference’s advice)', async () => {
	const t0 = clock.now();
	const result = await runCampaign(env.action, sendText('1001'), recipients(4));
	expect(result.error).toBeUndefined();
	expect(env.fake.maxInFlight).toBe(1);
	// Three pauses of 1 to 1.5 seconds.
	expect(clock.now() - t0).toBeGreaterThanOrEqual(3000);
	expect(clock.now() - t0).toBeLessThanOrEqual(4500);
});

test('group writes to one group go one at a time (the group is their chat); other groups run alongside', async () => {
	env.fake.setLatency(40);
	try {
		const groups = ['120363027326493365@g.us', '120363027326493365@g.us', '120363041234567890@g.us'];
		const items = groups.map((group, n) => ({ json: { group, number: `90530999${String(n).padStart(4, '0')}` } }));
		const result = await runCampaign(
			env.action,
			{
				resource: 'group',
				operation: 'addParticipants',
				phoneId: { __rl: true, mode: 'id', value: '1001' },
				groupId: { __rl: true, mode: 'id', value: '={{ $json.group }}' },
				numbers: '={{ $json.number }}',
				sending: { concurrency: 3, delay: 0, jitter: 0, maxPerMinute: 0 },
			},
			items,
		);
		expect(result.error).toBeUndefined();
		const groupOf = (index: number) => String(env.fake.requests[index].body?.conversation_id);
		expect(maxInFlightPerChat(env.fake.timeline, groupOf)).toBe(1);
		expect(env.fake.maxInFlight).toBe(2);
		expect(result.outputs[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	} finally {
		env.fake.setLatency(0);
	}
});
