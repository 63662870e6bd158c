import type { INodeExecutionData, INodeParameters, INodeType } from 'n8n-workflow';

import { setRateGateClock } from '../../nodes/shared/rateGate';
import { RETRY_POLICY, setRetryWait } from '../../nodes/shared/request';
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
 * pauses) is recorded instead of spent: time stands still on a virtual clock (set to the real time
 * when each test starts) and jumps only by each wait. Tests then assert the exact waits without
 * sleeping through them. Returns the waits (ms) of the current test, in order.
 */
export function recordWaits(): number[] {
	const waits: number[] = [];
	let virtualNow = 0;
	const sleep = async (ms: number) => {
		waits.push(ms);
		virtualNow += Math.max(0, ms);
	};
	beforeEach(() => {
		waits.length = 0;
		virtualNow = Date.now();
		setRetryWait(sleep);
		setRateGateClock({ now: () => virtualNow, sleep });
	});
	afterAll(() => {
		setRetryWait(undefined);
		setRateGateClock(undefined);
	});
	return waits;
}

/** Every `resource.operation` an action node offers, read from its description as n8n's UI does. */
export function operationsOf(node: INodeType): string[] {
	return node.description.properties
		.filter((p) => p.name === 'operation')
		.flatMap((p) => (p.options as Array<{ value: string }>).map((o) => `${p.displayOptions?.show?.resource?.[0]}.${o.value}`))
		.sort();
}

export interface RepeatCase {
	parameters: INodeParameters;
	/** The request the connection reset hits (after the fake has read it); `page` tells pages apart. */
	at: { method: string; path: string; page?: string };
	/** Declared repeatable: retried after the reset. Otherwise sent once and reported. */
	repeatable: boolean;
	/** Input items (e.g. a binary file to upload); one empty item when unset. */
	items?: INodeExecutionData[];
	/** Runs first, without a reset (e.g. creates what the operation gets or removes). */
	before?: INodeParameters[];
}

/**
 * For each operation: the connection drops after the request reached the provider. A repeatable
 * one is sent again (once, after the first backoff) and succeeds; any other is sent exactly once
 * and fails saying it was not repeated. The table must name every operation of the node.
 */
export function describeRepeats(
	env: {
		action: NodeUnderTest;
		fake: { requests: Array<{ method: string; path: string; query: Record<string, string> }>; failNext(options: object): unknown };
	},
	cases: Record<string, RepeatCase>,
	waits: number[],
	provider: string,
): void {
	test('the table covers every operation of the node', () => {
		expect(Object.keys(cases).sort()).toEqual(operationsOf(env.action.node));
	});

	test.each(Object.entries(cases))('%s', async (name, c) => {
		const [resource, operation] = name.split('.');
		for (const parameters of c.before ?? []) expect((await runNode(env.action, { parameters })).error).toBeUndefined();
		const before = env.fake.requests.length;
		env.fake.failNext({ disconnect: true, match: { method: c.at.method, path: c.at.path } });
		const result = await runNode(env.action, { parameters: { resource, operation, ...c.parameters }, items: c.items });
		const requests = env.fake.requests.slice(before);
		const hits = requests.filter(
			(r) => r.method === c.at.method && r.path === c.at.path && (c.at.page === undefined || r.query.page === c.at.page),
		);
		if (c.repeatable) {
			expect(result.error).toBeUndefined();
			expect(hits).toHaveLength(2);
			expect(waits).toEqual([RETRY_POLICY.backoffMs[0]]);
		} else {
			expect(result.error?.name).toBe('NodeApiError');
			expect(result.error?.message).toBe(
				`${provider}: the connection broke before an answer came; the request may have been accepted, so it was not repeated to avoid a duplicate`,
			);
			expect(result.error?.description).toMatch(/ECONNRESET|socket hang up/);
			expect(hits).toHaveLength(1);
			expect(waits).toEqual([]);
		}
	});
}
