export interface Page<T> {
	items: T[];
	/** True when the provider says there is a further page. */
	hasMore: boolean;
}

export interface PaginateOptions<T = unknown> {
	returnAll: boolean;
	limit: number;
	firstPage?: number;
	/** Hard stop against a provider that never says "last page". */
	maxPages?: number;
	/**
	 * Stop early once a page satisfies this (called with that page's items), e.g. a lookup that has
	 * found what it pages for: the items read so far are returned and no further page is fetched.
	 */
	until?: (pageItems: T[]) => boolean;
}

/** "Return All / Limit" over page-numbered lists: fetches only as many pages as needed. */
export async function collectPages<T>(
	fetchPage: (page: number) => Promise<Page<T>>,
	{ returnAll, limit, firstPage = 1, maxPages = 1000, until }: PaginateOptions<T>,
): Promise<T[]> {
	const out: T[] = [];
	for (let page = firstPage, fetched = 0; fetched < maxPages; page++, fetched++) {
		const { items, hasMore } = await fetchPage(page);
		out.push(...items);
		if (!returnAll && out.length >= limit) return out.slice(0, limit);
		if (!hasMore || items.length === 0 || until?.(items)) break;
	}
	return returnAll ? out : out.slice(0, limit);
}

/** Standard Return All / Limit parameters for a list operation. */
export function returnAllOrLimit(what: string) {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean' as const,
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number' as const,
			typeOptions: { minValue: 1 },
			default: 50,
			description: `Max number of ${what} to return`,
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}
