/**
 * Values loaded at most once per node run, by key. n8n gives each run of a node its own context
 * object, so a campaign of a thousand items lists the templates or tags once, not a thousand times,
 * and items running at once share the one load in flight. A failed load is forgotten, so a later
 * item tries again.
 */
export class PerRun<T> {
	private readonly runs = new WeakMap<object, Map<string, Promise<T>>>();

	private of(ctx: object): Map<string, Promise<T>> {
		let loads = this.runs.get(ctx);
		if (!loads) this.runs.set(ctx, (loads = new Map()));
		return loads;
	}

	/** Whether this run has loaded, or is loading, `key`. */
	has(ctx: object, key = ''): boolean {
		return this.of(ctx).has(key);
	}

	async once(ctx: object, key: string, load: () => Promise<T>): Promise<T> {
		const loads = this.of(ctx);
		let pending = loads.get(key);
		if (!pending) {
			pending = load();
			loads.set(key, pending);
			pending.catch(() => loads.delete(key));
		}
		return await pending;
	}

	/** Loads `key` again on its next use (e.g. a list that this run has just changed). */
	forget(ctx: object, key = ''): void {
		this.of(ctx).delete(key);
	}
}
