import type { INodeParameters } from 'n8n-workflow';

import { DEFAULTS } from '../fakes/inbox360';
import { providerPerFile } from '../harness/provider';
import { id, startInbox360, wire } from '../inbox360/setup';
import { runCampaign, VirtualClock } from './harness';

/**
 * 360dialog Inbox's inferred endpoints try another method or slash form after a 404/405 or a
 * redirect. A refused form did nothing at the inbox, so only the write itself counts toward the
 * Sending ceiling and delay, however many forms it took.
 */
const env = providerPerFile(startInbox360);

let clock: VirtualClock;
beforeEach(() => {
	clock = new VirtualClock().install();
});
afterEach(() => clock.uninstall());

const items = [0, 1, 2].map((n) => ({ json: { n } }));
const setPassword = (sending: INodeParameters): INodeParameters => ({
	resource: 'user',
	operation: 'setPassword',
	user: id('12'),
	password: 'Agent-pass-2026',
	sending,
});

/** Every item's PUT is refused with 405, so each write is sent as PUT, then as PATCH. */
async function runRefusedFirstForm(sending: INodeParameters) {
	env.fake.failNext({ status: 405, body: { detail: 'Method "PUT" not allowed.' }, match: { method: 'PUT', path: '/api/v1/users/12/password/change/' }, times: 3 });
	const t0 = clock.now();
	const result = await runCampaign(env.action, setPassword(sending), items);
	expect(result.error).toBeUndefined();
	expect(result.outputs[0].map((item) => item.json)).toEqual(items.map(() => ({ success: true, userId: 12 })));
	expect(wire(env.fake.requests).map(([method]) => method).sort()).toEqual(['PATCH', 'PATCH', 'PATCH', 'PUT', 'PUT', 'PUT']);
	return clock.now() - t0;
}

test('a ceiling of 60 a minute: three writes, each refused once as PUT, take two seconds (three paced writes), not five (six)', async () => {
	const elapsed = await runRefusedFirstForm({ concurrency: 3, maxPerMinute: 60, delay: 0, jitter: 0 });
	expect(elapsed).toBeGreaterThanOrEqual(2000);
	expect(elapsed).toBeLessThan(3000);
});

test('a delay of 2 seconds: three writes, each refused once as PUT, take two pauses, not five', async () => {
	const elapsed = await runRefusedFirstForm({ concurrency: 3, maxPerMinute: 0, delay: 2, jitter: 0 });
	expect(elapsed).toBeGreaterThanOrEqual(4000);
	expect(elapsed).toBeLessThan(6000);
});

test('a write refused for a stale token is repeated after the new login without counting again', async () => {
	const user = env.withCredentials({ authentication: 'usernamePassword', username: DEFAULTS.username, password: DEFAULTS.password, sessionToken: 'stale0000000000000000000000000000000000' });
	const t0 = clock.now();
	const result = await runCampaign(user.action, setPassword({ concurrency: 1, maxPerMinute: 60, delay: 0, jitter: 0 }), items);
	expect(result.error).toBeUndefined();
	expect(wire(env.fake.requests).map(([method, path]) => `${method} ${path}`)).toEqual([
		'PUT /users/12/password/change/',
		'POST /auth/token/',
		...Array(3).fill('PUT /users/12/password/change/'),
	]);
	// Three writes a second apart; the refused one did not take a fourth second.
	expect(clock.now() - t0).toBeGreaterThanOrEqual(2000);
	expect(clock.now() - t0).toBeLessThan(3000);
});
