import type { Arbitrary } from 'fast-check';

export interface FuzzBody {
	/** fixture: a real delivery (2xx); garbage: certainly not a delivery (4xx); mutant: either. */
	kind: 'fixture' | 'garbage' | 'mutant';
	/** The body as JSON text (or not JSON at all). */
	text: string;
	/** What was generated, for failure messages. */
	op: string;
}
export const DEFAULT_SEED: number;
export function fuzzSeed(): number;
export function fuzzBodyArbitrary(fixturesDir: string): Arbitrary<FuzzBody>;
export function fuzzCorpus(fixturesDir: string, options: { count: number; seed?: number }): FuzzBody[];
export function loadFixtures(dir: string): Array<{ name: string; body: unknown }>;
