import type { IDataObject } from 'n8n-workflow';

/** How many recent delivery keys a trigger remembers; older ones are forgotten first. */
export const DEDUPE_CAPACITY = 1000;

/**
 * Remembers recently seen delivery keys (message id + status, …) in the trigger's static data, so a
 * provider's redelivery of the same event starts no second execution. Memory is bounded: a ring of
 * the last DEDUPE_CAPACITY keys plus an index for O(1) look-ups.
 */
export class RecentKeys {
	private readonly ring: string[];
	private readonly index: Record<string, number>;
	private next: number;

	constructor(
		private readonly data: IDataObject,
		private readonly capacity = DEDUPE_CAPACITY,
	) {
		const saved = (data.recentKeys ?? {}) as { ring?: string[]; next?: number };
		this.ring = Array.isArray(saved.ring) ? saved.ring : [];
		this.next = typeof saved.next === 'number' ? saved.next : 0;
		this.index = {};
		this.ring.forEach((key, i) => (this.index[key] = i));
	}

	/** True when the key was seen before; otherwise remembers it and returns false. */
	seen(key: string): boolean {
		if (Object.prototype.hasOwnProperty.call(this.index, key)) return true;
		const slot = this.next % this.capacity;
		const evicted = this.ring[slot];
		if (evicted !== undefined) delete this.index[evicted];
		this.ring[slot] = key;
		this.index[key] = slot;
		this.next = (slot + 1) % this.capacity;
		this.data.recentKeys = { ring: this.ring, next: this.next };
		return false;
	}
}
