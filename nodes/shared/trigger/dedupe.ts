import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/**
 * Redelivery filter of every trigger. Providers do not call it: `handleDelivery` (delivery.ts) does,
 * with the key of each event (`DeliveryMapper.redeliveryKey`, or the default id + status).
 *
 * Where the memory lives, and why (measured in n8n 2.41.1, see README "Reliability"):
 * - In this process: a ring of the last DEDUPE_CAPACITY keys per trigger node. The check and the
 *   record are synchronous, so two identical deliveries arriving at once start one execution.
 * - In the node's static data (`recentKeys`): the same ring, so it survives restarts and is seen by
 *   other processes. n8n saves a `webhook()`'s static-data write only when the webhook answered the
 *   request itself (`noWebhookResponse`) — if it leaves the answer to n8n and starts an execution, n8n
 *   resets the changed-flag while starting it and the write is lost. `handleDelivery` answers itself.
 *
 * Bounded in bytes: each key is stored as a fixed-size hash (KEY_HASH_CHARS hex characters), the
 * stored ring is one string of at most DEDUPE_CAPACITY × KEY_HASH_CHARS characters, and at most
 * MAX_TRIGGERS_IN_MEMORY trigger nodes keep a ring in memory (least recently used forgotten first).
 */

/** How many recent delivery keys a trigger remembers; older ones are forgotten first. */
export const DEDUPE_CAPACITY = 1000;

/** Hex characters of the SHA-256 of a key that are kept (64 bits: collisions are negligible for 1,000). */
export const KEY_HASH_CHARS = 16;

/** Trigger nodes whose rings one process keeps in memory. */
export const MAX_TRIGGERS_IN_MEMORY = 100;

/** The most the stored `recentKeys` string can hold, in characters (= bytes, it is hex). */
export const MAX_STORED_KEY_CHARS = DEDUPE_CAPACITY * KEY_HASH_CHARS;

export function hashKey(key: string): string {
	return createHash('sha256').update(key).digest('hex').slice(0, KEY_HASH_CHARS);
}

/** Oldest-first list of hashes with O(1) membership; the oldest is dropped beyond `capacity`. */
class HashRing {
	private readonly order: string[] = [];

	private readonly members = new Set<string>();

	constructor(private readonly capacity: number) {}

	has(hash: string): boolean {
		return this.members.has(hash);
	}

	add(hash: string): void {
		if (this.members.has(hash)) return;
		this.order.push(hash);
		this.members.add(hash);
		while (this.order.length > this.capacity) this.members.delete(this.order.shift()!);
	}

	list(): string[] {
		return this.order;
	}
}

const inMemory = new Map<string, HashRing>();

/** Forgets every ring this process keeps (what a restart does; for tests). */
export function forgetRecentDeliveries(): void {
	inMemory.clear();
}

function parseStored(value: unknown, capacity: number): string[] {
	if (typeof value !== 'string') return []; // nothing yet, or an older format: start afresh
	const hashes: string[] = [];
	for (let i = 0; i + KEY_HASH_CHARS <= value.length; i += KEY_HASH_CHARS) hashes.push(value.slice(i, i + KEY_HASH_CHARS));
	return hashes.slice(-capacity);
}

/**
 * One delivery's view of a trigger's recent keys: this process's ring plus what the static data
 * holds (written by this or another process). `seen` checks and records; `persist` writes the merged
 * ring back into the static data when something new was recorded.
 */
export class RecentKeys {
	private readonly ring: HashRing;

	private readonly stored: string[];

	private readonly storedSet: Set<string>;

	private changed = false;

	/**
	 * @param data the trigger node's static data (`this.getWorkflowStaticData('node')`)
	 * @param scope which trigger node in which workflow (e.g. `${workflowId}|${nodeId}`); without one,
	 *   nothing is kept in this process's memory (static data only)
	 */
	constructor(
		private readonly data: IDataObject,
		scope?: string,
		private readonly capacity = DEDUPE_CAPACITY,
	) {
		this.stored = parseStored(data.recentKeys, capacity);
		this.storedSet = new Set(this.stored);
		if (scope === undefined) {
			this.ring = new HashRing(capacity);
			for (const hash of this.stored) this.ring.add(hash);
			return;
		}
		let ring = inMemory.get(scope);
		if (ring) {
			inMemory.delete(scope); // re-inserted below: most recently used last
		} else {
			ring = new HashRing(capacity);
			for (const hash of this.stored) ring.add(hash);
		}
		inMemory.set(scope, ring);
		while (inMemory.size > MAX_TRIGGERS_IN_MEMORY) inMemory.delete(inMemory.keys().next().value as string);
		this.ring = ring;
	}

	/** True when the key was seen before; otherwise remembers it and returns false. */
	seen(key: string): boolean {
		const hash = hashKey(key);
		if (this.ring.has(hash) || this.storedSet.has(hash)) return true;
		this.ring.add(hash);
		this.changed = true;
		return false;
	}

	/** Writes the ring into the static data if a key was recorded: stored keys of other processes first. */
	persist(): void {
		if (!this.changed) return;
		const mine = this.ring.list();
		const merged = [...this.stored.filter((h) => !this.ring.has(h)), ...mine].slice(-this.capacity);
		this.data.recentKeys = merged.join('');
		this.changed = false;
	}
}
