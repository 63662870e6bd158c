import { sleep } from 'n8n-workflow';

import { RETRY_POLICY, rateLimitWaitMs } from './request';

/** A leaky bucket: `burst` requests at once (default `perMinute`), then `perMinute / 60` per second. */
export interface RateLimit {
	perMinute: number;
	burst?: number;
}

/**
 * One gate per provider credential (or per credential and phone) in this process, shared by every
 * item and every execution that uses it, so a campaign slows down as a whole instead of each item
 * hitting the provider's limit on its own.
 */
export interface RateGate {
	/**
	 * Waits until a request may start under `limit` and any pause the provider asked for; resolves
	 * at once when neither applies. Rejects when `signal` aborts.
	 */
	acquire(limit: RateLimit | undefined, signal?: AbortSignal): Promise<void>;
	/**
	 * Feeds an answer back: `X-RateLimit-Remaining` / `X-RateLimit-Reset` slow the gate down before
	 * the provider's bucket is empty; a 429 pauses the whole gate for `Retry-After`.
	 */
	observe(status: number, headers: Record<string, string>): void;
}

/** Time source of every gate; replaceable so tests can run the gate on a virtual clock. */
export interface RateGateClock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

const realClock: RateGateClock = { now: () => Date.now(), sleep: async (ms) => await sleep(ms) };
let clock: RateGateClock = realClock;

/**
 * The gates' time source, for other pacing that must run on the same clock (the Sending options'
 * delay between messages): `sleep` rejects when `signal` aborts.
 */
export const gateTime = {
	now: (): number => clock.now(),
	sleep: async (ms: number, signal?: AbortSignal): Promise<void> => await sleepOrAbort(ms, signal),
};

/** Tests only: run all gates on another clock (undefined restores the real one) and forget every gate. */
export function setRateGateClock(next: RateGateClock | undefined): void {
	clock = next ?? realClock;
	gates.clear();
}

/** How a 429 without Retry-After / X-RateLimit-Reset pauses the gate. */
const DEFAULT_429_PAUSE_MS = 1000;
/** Below this share of the provider's limit (or this many requests), the gate starts spacing calls. */
const LOW_REMAINING_SHARE = 0.2;
const LOW_REMAINING_MIN = 2;

class LeakyBucketGate implements RateGate {
	private tokens = 0;
	/** Until the provider has told us otherwise (429, remaining count), a new bucket starts full. */
	private full = true;
	private refilledAt = clock.now();
	private capacity = 0;
	private perMs = 0;
	/** No request starts before this time (a 429's Retry-After, or spacing from low remaining). */
	private notBefore = 0;
	lastUsed = clock.now();

	async acquire(limit: RateLimit | undefined, signal?: AbortSignal): Promise<void> {
		for (;;) {
			if (signal?.aborted) throw abortError(signal);
			const wait = this.reserve(limit, clock.now());
			if (wait <= 0) return;
			await sleepOrAbort(wait, signal);
		}
	}

	/** Takes a slot now (returns 0) or says how long to wait; synchronous, so concurrent callers can't share a slot. */
	private reserve(limit: RateLimit | undefined, now: number): number {
		this.lastUsed = now;
		if (this.notBefore > now) return this.notBefore - now;
		if (!limit || !(limit.perMinute > 0)) return 0;
		const capacity = Math.max(1, limit.burst ?? limit.perMinute);
		const perMs = limit.perMinute / 60_000;
		if (capacity !== this.capacity || perMs !== this.perMs) {
			// First use: a full bucket. A changed limit (the plan changed, or two nodes with different
			// ceilings share the credential) keeps what is left, or alternating limits would refill it.
			const firstUse = this.capacity === 0;
			this.refill(now);
			this.capacity = capacity;
			this.perMs = perMs;
			this.tokens = firstUse && this.full ? capacity : Math.min(this.tokens, capacity);
		}
		this.refill(now);
		if (this.tokens >= 1) {
			this.tokens -= 1;
			return 0;
		}
		return Math.ceil((1 - this.tokens) / this.perMs);
	}

	/** Leaks the bucket up to `now` (never backwards: a 429 pause sets the refill start in the future). */
	private refill(now: number): void {
		if (now <= this.refilledAt) return;
		if (this.capacity > 0) this.tokens = Math.min(this.capacity, this.tokens + (now - this.refilledAt) * this.perMs);
		this.refilledAt = now;
	}

	observe(status: number, headers: Record<string, string>): void {
		const now = clock.now();
		this.lastUsed = now;
		if (status === 429) {
			const wait = rateLimitWaitMs(headers, now) ?? DEFAULT_429_PAUSE_MS;
			// A longer wait than the retry policy allows fails the call instead (see request.ts): don't block others on it.
			if (wait > RETRY_POLICY.maxWaitMs) return;
			this.notBefore = Math.max(this.notBefore, now + wait);
			// The provider's bucket is full: one request when the pause ends, then the leak rate.
			this.full = false;
			this.tokens = 1;
			this.refilledAt = this.notBefore;
			return;
		}
		const remaining = Number(headers['x-ratelimit-remaining'] ?? headers['ratelimit-remaining']);
		if (headers['x-ratelimit-remaining'] === undefined && headers['ratelimit-remaining'] === undefined) return;
		if (!Number.isFinite(remaining) || remaining < 0) return;
		// The provider counts every client of this token; never believe we have more than it says.
		this.refill(now);
		if (this.full || this.tokens > remaining) {
			this.tokens = this.full ? Math.min(remaining, this.capacity || remaining) : remaining;
			this.full = false;
		}
		const limit = Number(headers['x-ratelimit-limit'] ?? headers['ratelimit-limit']);
		const low = Math.max(LOW_REMAINING_MIN, Number.isFinite(limit) && limit > 0 ? Math.ceil(limit * LOW_REMAINING_SHARE) : 0);
		if (remaining >= low) return;
		const resetWait = rateLimitWaitMs({ 'x-ratelimit-reset': headers['x-ratelimit-reset'] ?? headers['ratelimit-reset'] ?? '' }, now);
		if (resetWait === undefined) return;
		// Spread what is left over the time until the provider's bucket resets, instead of running into a 429.
		const spacing = Math.min(RETRY_POLICY.maxWaitMs, remaining === 0 ? resetWait : resetWait / (remaining + 1));
		this.notBefore = Math.max(this.notBefore, now + spacing);
	}

	idle(now: number): boolean {
		return this.notBefore <= now && now - this.lastUsed > IDLE_MS;
	}
}

/** Gates unused this long (and not paused) may be evicted. */
const IDLE_MS = 10 * 60_000;
/** Upper bound of gates kept in memory (one per credential, or credential and phone). */
export const MAX_GATES = 1000;

const gates = new Map<string, LeakyBucketGate>();

/**
 * The gate for `key` (e.g. `${spec.credentialType}:${credentialId}`, plus `:phone` for per-phone
 * limits). The map is bounded: idle gates are evicted first, then the least recently used.
 */
export function rateGateFor(key: string): RateGate {
	let gate = gates.get(key);
	if (gate) {
		// Re-insert so the Map's order stays least-recently-used first.
		gates.delete(key);
		gates.set(key, gate);
		return gate;
	}
	if (gates.size >= MAX_GATES) evict(clock.now());
	gate = new LeakyBucketGate();
	gates.set(key, gate);
	return gate;
}

function evict(now: number): void {
	for (const [key, gate] of gates) if (gate.idle(now)) gates.delete(key);
	while (gates.size >= MAX_GATES) {
		const oldest = gates.keys().next().value as string;
		gates.delete(oldest);
	}
}

/** Tests only: forget every gate (each test starts with full buckets, as a fresh process would). */
export function forgetRateGates(): void {
	gates.clear();
}

/** Tests only: how many gates are held. */
export function rateGateCount(): number {
	return gates.size;
}

function abortError(signal: AbortSignal): Error {
	const reason: unknown = signal.reason;
	return reason instanceof Error ? reason : new Error('The execution was cancelled while waiting for the rate limit');
}

async function sleepOrAbort(ms: number, signal?: AbortSignal): Promise<void> {
	if (!signal) return await clock.sleep(ms);
	let onAbort: (() => void) | undefined;
	const aborted = new Promise<never>((_, reject) => {
		onAbort = () => reject(abortError(signal));
		signal.addEventListener('abort', onAbort, { once: true });
	});
	try {
		await Promise.race([clock.sleep(ms), aborted]);
	} finally {
		if (onAbort) signal.removeEventListener('abort', onAbort);
	}
}
