import type { INodeParameters } from 'n8n-workflow';

import { setRateGateClock } from '../../nodes/shared/rateGate';
import { setRetryWait } from '../../nodes/shared/request';
import type { NodeUnderTest } from './engine';
import { runNode } from './engine';

/** A started fake provider and what a test needs to talk to it. */
export interface FakeProviderEnv {
	fake: { stop(): Promise<void>; reset(): void };
}

/**
 * One fake provider per test file: started before the first test, stopped after the last, and (by
 * default) reset to its seed state before each test. Returns the environment, filled in once started.
 */
export function providerPerFile<E extends FakeProviderEnv>(start: () => Promise<E>, options: { resetEachTest?: boolean } = {}): E {
	const env = {} as E;
	beforeAll(async () => {
		Object.assign(env, await start());
	});
	afterAll(async () => env.fake.stop());
	if (options.resetEachTest !== false) beforeEach(() => env.fake.reset());
	return env;
}

/**
 * Bad input must fail the node with a NodeOperationError whose message matches, before anything
 * reaches the provider.
 */
export async function expectRejectedBeforeSending(
	env: { action: NodeUnderTest; fake: { requests: unknown[] } },
	parameters: INodeParameters,
	expected: RegExp,
): Promise<void> {
	const result = await runNode(env.action, { parameters });
	expect(result.error?.message).toMatch(expected);
	expect(result.error?.name).toBe('NodeOperationError');
	expect(env.fake.requests).toHaveLength(0);
}

/**
 * For this test file, every wait of the request layer (retry backoff, Retry-After, rate-limit
 * pauses) is recorded instead of spent: time moves on a virtual clock that starts at the real time
 * and jumps by each wait. Tests then assert the exact waits without sleeping through them.
 * Returns the waits (ms) of the current test, in order.
 */
export function recordWaits(): number[] {
	const waits: number[] = [];
	let skipped = 0;
	const sleep = async (ms: number) => {
		waits.push(ms);
		skipped += Math.max(0, ms);
	};
	beforeEach(() => {
		waits.length = 0;
		skipped = 0;
		setRetryWait(sleep);
		setRateGateClock({ now: () => Date.now() + skipped, sleep });
	});
	afterAll(() => {
		setRetryWait(undefined);
		setRateGateClock(undefined);
	});
	return waits;
}
