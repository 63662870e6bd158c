import { RETRY_POLICY } from '../../nodes/shared/request';
import { MAX_GATES, rateGateCount, rateGateFor, setRateGateClock } from '../../nodes/shared/rateGate';

/**
 * A virtual clock: `sleep` parks the caller until `run()` moves time forward to its wake-up time.
 * Nothing here depends on wall-clock time.
 */
class VirtualClock {
	time = 1_700_000_000_000;
	private timers: Array<{ at: number; wake: () => void }> = [];
	readonly now = () => this.time;
	readonly sleep = async (ms: number) =>
		await new Promise<void>((wake) => {
			this.timers.push({ at: this.time + ms, wake });
		});
	/** Wakes sleepers in time order until none is left (or `until` is reached). */
	async run(until = Infinity): Promise<void> {
		await flush();
		for (;;) {
			this.timers.sort((a, b) => a.at - b.at);
			const next = this.timers[0];
			if (!next || next.at > until) break;
			this.timers.shift();
			this.time = Math.max(this.time, next.at);
			next.wake();
			await flush();
		}
		if (until !== Infinity) this.time = Math.max(this.time, until);
	}
	get sleeping(): number {
		return this.timers.length;
	}
}

async function flush(): Promise<void> {
	for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

let clock: VirtualClock;
let key = 0;
const freshGate = () => rateGateFor(`test:${++key}`);

beforeEach(() => {
	clock = new VirtualClock();
	setRateGateClock(clock);
});
afterAll(() => setRateGateClock(undefined));

/** Starts `count` acquires at once and records the virtual time each one was let through. */
async function startTimes(count: number, acquire: () => Promise<void>): Promise<number[]> {
	const t0 = clock.time;
	const times: number[] = [];
	const all = Array.from({ length: count }, async () => {
		await acquire();
		times.push(clock.time - t0);
	});
	await clock.run();
	await Promise.all(all);
	return times.sort((a, b) => a - b);
}

describe('pacing by the declared limit (leaky bucket)', () => {
	test('without a limit or a pause, acquire never waits', async () => {
		const gate = freshGate();
		expect(await startTimes(50, async () => await gate.acquire(undefined))).toEqual(Array(50).fill(0));
	});

	test('the burst goes at once, then perMinute/60 per second — also for concurrent callers', async () => {
		const gate = freshGate();
		const times = await startTimes(6, async () => await gate.acquire({ perMinute: 60, burst: 3 }));
		expect(times).toEqual([0, 0, 0, 1000, 2000, 3000]);
	});

	test('burst defaults to perMinute; 120/min leaks one every 500 ms', async () => {
		const gate = freshGate();
		const times = await startTimes(122, async () => await gate.acquire({ perMinute: 120 }));
		expect(times.slice(0, 120)).toEqual(Array(120).fill(0));
		expect(times.slice(120)).toEqual([500, 1000]);
	});

	test('no more than burst + perMinute requests start in any first minute', async () => {
		const gate = freshGate();
		const limit = { perMinute: 60, burst: 10 };
		const started: number[] = [];
		const all = Array.from({ length: 200 }, async () => {
			await gate.acquire(limit);
			started.push(clock.time);
		});
		const t0 = clock.time;
		await clock.run(t0 + 60_000);
		expect(started.filter((t) => t <= t0 + 60_000)).toHaveLength(10 + 60);
		await clock.run();
		await Promise.all(all);
		expect(started).toHaveLength(200);
	});

	test('the bucket refills while idle, up to the burst', async () => {
		const gate = freshGate();
		const limit = { perMinute: 60, burst: 2 };
		await startTimes(2, async () => await gate.acquire(limit));
		clock.time += 10_000;
		expect(await startTimes(3, async () => await gate.acquire(limit))).toEqual([0, 0, 1000]);
	});

	test('gates are per key', async () => {
		const limit = { perMinute: 60, burst: 1 };
		const a = rateGateFor('test:a-key');
		const b = rateGateFor('test:b-key');
		expect(rateGateFor('test:a-key')).toBe(a);
		expect(await startTimes(2, async () => await Promise.all([a.acquire(limit), b.acquire(limit)]).then(() => undefined))).toEqual([0, 1000]);
	});
});

describe('feedback from the provider', () => {
	test('a 429 pauses the whole gate for Retry-After, every caller included', async () => {
		const gate = freshGate();
		gate.observe(429, { 'retry-after': '5' });
		expect(await startTimes(3, async () => await gate.acquire(undefined))).toEqual([5000, 5000, 5000]);
	});

	test('a 429 without Retry-After uses X-RateLimit-Reset (epoch seconds)', async () => {
		const gate = freshGate();
		gate.observe(429, { 'x-ratelimit-reset': String(clock.time / 1000 + 3) });
		expect(await startTimes(1, async () => await gate.acquire(undefined))).toEqual([3000]);
	});

	test('a 429 empties the bucket, so pacing resumes at the leak rate after the pause', async () => {
		const gate = freshGate();
		const limit = { perMinute: 60, burst: 5 };
		gate.observe(429, { 'retry-after': '2' });
		expect(await startTimes(3, async () => await gate.acquire(limit))).toEqual([2000, 3000, 4000]);
	});

	test('a 429 asking for longer than the retry cap does not block the gate (that call fails instead)', async () => {
		const gate = freshGate();
		gate.observe(429, { 'retry-after': String(RETRY_POLICY.maxWaitMs / 1000 + 60) });
		expect(await startTimes(2, async () => await gate.acquire(undefined))).toEqual([0, 0]);
	});

	test('low X-RateLimit-Remaining spaces the next calls over the time to X-RateLimit-Reset', async () => {
		const gate = freshGate();
		gate.observe(200, { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '3', 'x-ratelimit-reset': String(clock.time / 1000 + 8) });
		expect(await startTimes(1, async () => await gate.acquire(undefined))).toEqual([2000]);
	});

	test('remaining 0 waits until the reset', async () => {
		const gate = freshGate();
		gate.observe(200, { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(clock.time / 1000 + 7) });
		expect(await startTimes(2, async () => await gate.acquire(undefined))).toEqual([7000, 7000]);
	});

	test('plenty remaining changes nothing', async () => {
		const gate = freshGate();
		gate.observe(200, { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '40', 'x-ratelimit-reset': String(clock.time / 1000 + 60) });
		gate.observe(200, {});
		gate.observe(500, { 'x-ratelimit-remaining': 'soon' });
		expect(await startTimes(3, async () => await gate.acquire(undefined))).toEqual([0, 0, 0]);
	});

	test('the provider’s remaining count lowers our own bucket (other clients share the token)', async () => {
		const gate = freshGate();
		const limit = { perMinute: 60, burst: 60 };
		await gate.acquire(limit);
		gate.observe(200, { 'x-ratelimit-remaining': '2' });
		expect(await startTimes(4, async () => await gate.acquire(limit))).toEqual([0, 0, 1000, 2000]);
	});
});

describe('cancellation and memory', () => {
	test('an abort while waiting rejects the acquire', async () => {
		const gate = freshGate();
		gate.observe(429, { 'retry-after': '30' });
		const controller = new AbortController();
		const waiting = gate.acquire(undefined, controller.signal);
		await flush();
		expect(clock.sleeping).toBe(1);
		controller.abort(new Error('cancelled by the user'));
		await expect(waiting).rejects.toThrow('cancelled by the user');
	});

	test('an already aborted signal rejects at once', async () => {
		const controller = new AbortController();
		controller.abort();
		await expect(freshGate().acquire(undefined, controller.signal)).rejects.toThrow();
	});

	test('the number of gates is bounded', () => {
		const created = Array.from({ length: MAX_GATES + 50 }, (_, i) => rateGateFor(`bounded:${i}`));
		expect(rateGateCount()).toBeLessThanOrEqual(MAX_GATES);
		// The most recent keys survive (the same gate comes back), the oldest were dropped (a new one).
		expect(rateGateFor(`bounded:${MAX_GATES + 49}`)).toBe(created[MAX_GATES + 49]);
		expect(rateGateFor('bounded:0')).not.toBe(created[0]);
	});

	test('idle gates are evicted before busy ones', async () => {
		const busy = rateGateFor('bounded:busy');
		busy.observe(429, { 'retry-after': '30' });
		for (let i = 0; i < MAX_GATES - 1; i++) rateGateFor(`bounded:idle:${i}`);
		clock.time += 11 * 60_000;
		busy.observe(429, { 'retry-after': '30' });
		rateGateFor('bounded:newcomer');
		expect(rateGateCount()).toBeLessThan(MAX_GATES);
		expect(rateGateFor('bounded:busy')).toBe(busy);
	});
});

test('two limits taking turns on one gate never refill it: the burst is spent once', async () => {
	const gate = freshGate();
	const small = { perMinute: 6, burst: 3 };
	const large = { perMinute: 6, burst: 4 };
	// Alternating limits, all at the same instant: 4 slots at most (the larger burst), not 3 + 4 + ….
	const times = await startTimes(8, async () => {
		await gate.acquire(small);
		await gate.acquire(large);
	});
	const atOnce = times.filter((t) => t === 0).length;
	expect(atOnce).toBeLessThanOrEqual(2);
});
