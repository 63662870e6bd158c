import type { INodeParameters } from 'n8n-workflow';

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
