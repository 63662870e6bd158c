// @ts-check
'use strict';
/**
 * The trigger fuzz corpus, shared by `npm test` (test/fuzz/triggers.test.ts, every body through the
 * harness) and `npm run test:e2e` (a sample posted to the real n8n). Seeded: the same seed gives the
 * same bodies. Each body is JSON text (so prototype keys and very deep nesting survive as written)
 * with a `kind`:
 *
 * - `fixture`: a provider fixture as is — a real delivery, must be answered 2xx;
 * - `garbage`: certainly not a delivery of any provider (scalars, arrays of nulls, objects without
 *   any delivery field, prototype keys, nesting deeper than any delivery, oversized strings) — 4xx;
 * - `mutant`: a fixture with fields removed, nulled, retyped, duplicated, lengthened or nested — may
 *   still be a delivery; whatever the answer, it must be 2xx or 4xx and only usable items come out.
 */
const fs = require('node:fs');
const path = require('node:path');

const fc = require('fast-check');

/** The seed `npm test` and the e2e use unless FUZZ_SEED is set (printed on failure by fast-check). */
const DEFAULT_SEED = 20260601;

/** Keys no provider's delivery schema can do without: garbage objects never contain them. */
const DELIVERY_KEYS = new Set(['type', 'id', 'status', 'field', 'value', 'msgId', 'message', 'messages', 'data']);

/** Longer than any trigger accepts (MAX_STRING_LENGTH in nodes/shared/trigger/delivery.ts is 100,000). */
const OVERSIZED = 100_001;
/** Deeper than any trigger accepts (MAX_BODY_DEPTH is 32). */
const TOO_DEEP = 33;

/**
 * @param {string} dir
 * @returns {{ name: string, body: unknown }[]}
 */
function loadFixtures(dir) {
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => ({ name: f.replace(/\.json$/, ''), body: JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) }));
}

/** Fixtures are JSON: a JSON round trip is a deep copy. @template T @param {T} value @returns {T} */
const clone = (value) => JSON.parse(JSON.stringify(value));

/** @param {number} depth @param {string} inner */
const nestedText = (depth, inner) => `${'{"a":['.repeat(depth)}${inner}${']}'.repeat(depth)}`;

/**
 * Every path to a value inside `value` (arrays and objects), root excluded.
 * @param {unknown} value
 * @returns {(string|number)[][]}
 */
function paths(value) {
	/** @type {(string|number)[][]} */
	const out = [];
	/** @type {[unknown, (string|number)[]][]} */
	const stack = [[value, []]];
	while (stack.length) {
		const [v, p] = /** @type {[unknown, (string|number)[]]} */ (stack.pop());
		if (p.length) out.push(p);
		if (Array.isArray(v)) v.forEach((child, i) => stack.push([child, [...p, i]]));
		else if (v && typeof v === 'object') for (const [k, child] of Object.entries(v)) stack.push([child, [...p, k]]);
	}
	return out;
}

/**
 * @param {any} root
 * @param {(string|number)[]} p
 * @returns {{ parent: any, key: string|number }}
 */
function locate(root, p) {
	let parent = root;
	for (const key of p.slice(0, -1)) parent = parent[key];
	return { parent, key: /** @type {string|number} */ (p[p.length - 1]) };
}

/** Placeholders replaced in the JSON text (prototype keys and deep values can't be built as objects). */
const PROTO_KEY = '__FUZZ_PROTO_KEY__';
const CONSTRUCTOR_KEY = '__FUZZ_CONSTRUCTOR_KEY__';
const DEEP_VALUE = '__FUZZ_DEEP_VALUE__';

/** @param {unknown} value @param {number} [depth] */
function toText(value, depth = 0) {
	return JSON.stringify(value)
		.replaceAll(`"${PROTO_KEY}"`, '"__proto__"')
		.replaceAll(`"${CONSTRUCTOR_KEY}"`, '"constructor"')
		.replaceAll(`"${DEEP_VALUE}"`, nestedText(depth, '{"type":"message"}'));
}

const scalar = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string({ maxLength: 40 }), fc.boolean(), fc.constant(null));
const json = fc.jsonValue({ maxDepth: 3 });
const safeKey = fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !DELIVERY_KEYS.has(k) && k !== '__proto__');

/** @param {{ name: string, body: unknown }[]} fixtures */
function garbage(fixtures) {
	const fixture = fc.constantFrom(...fixtures);
	return fc.oneof(
		scalar.map((v) => ({ text: JSON.stringify(v), op: 'scalar' })),
		fc.string({ maxLength: 60 }).map((v) => ({ text: v, op: 'not JSON' })),
		fc.array(scalar, { minLength: 1, maxLength: 20 }).map((v) => ({ text: JSON.stringify(v), op: 'array of scalars' })),
		fc.integer({ min: 1, max: 50 }).map((n) => ({ text: JSON.stringify(Array(n).fill(null)), op: 'array of nulls' })),
		fc.dictionary(safeKey, json, { maxKeys: 8 }).map((v) => ({ text: JSON.stringify(v), op: 'object without delivery fields' })),
		fc.array(fc.dictionary(safeKey, json, { maxKeys: 4 }), { minLength: 1, maxLength: 5 }).map((v) => ({ text: JSON.stringify(v), op: 'objects without delivery fields' })),
		json.map((v) => ({ text: `{"__proto__":${JSON.stringify(v)},"constructor":{"prototype":${JSON.stringify(v)}}}`, op: 'prototype keys only' })),
		fc.tuple(fc.integer({ min: TOO_DEEP, max: 3000 }), fc.boolean()).map(([depth, arrays]) => ({
			text: arrays ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : nestedText(depth, '{"type":"message"}'),
			op: `nested ${depth} deep`,
		})),
		fc.tuple(fixture, fc.integer({ min: TOO_DEEP, max: 2000 })).map(([f, depth]) => {
			const body = clone(f.body);
			const target = Array.isArray(body) ? body[0] : body;
			if (target && typeof target === 'object') /** @type {any} */ (target).__fuzz_deep = DEEP_VALUE;
			return { text: toText(body, depth), op: `${f.name} with a value nested ${depth} deep` };
		}),
		fc.tuple(fixture, fc.integer({ min: OVERSIZED, max: OVERSIZED + 1000 })).map(([f, length]) => {
			const body = clone(f.body);
			const target = Array.isArray(body) ? body[0] : body;
			if (target && typeof target === 'object') /** @type {any} */ (target).__fuzz_long = 'x'.repeat(length);
			return { text: JSON.stringify(body), op: `${f.name} with a ${length}-character string` };
		}),
	).map((b) => ({ ...b, kind: 'garbage' }));
}

/** One random change to a copy of a fixture. */
const MUTATIONS = ['remove', 'null', 'retype', 'duplicate', 'lengthen', 'nest', 'nulls', 'prototype'];

/** @param {{ name: string, body: unknown }[]} fixtures */
function mutants(fixtures) {
	const change = fc.record({
		op: fc.constantFrom(...MUTATIONS),
		at: fc.nat(),
		value: json,
		length: fc.integer({ min: 257, max: 20_000 }),
		depth: fc.integer({ min: 2, max: 20 }),
	});
	return fc.tuple(fc.constantFrom(...fixtures), fc.array(change, { minLength: 1, maxLength: 3 })).map(([f, changes]) => {
		const body = clone(f.body);
		let depth = 0;
		const applied = [];
		for (const c of changes) {
			const all = paths(body);
			if (!all.length) break;
			const p = all[c.at % all.length];
			const { parent, key } = locate(body, p);
			applied.push(`${c.op} ${p.join('.')}`);
			switch (c.op) {
				case 'remove':
					if (Array.isArray(parent)) parent.splice(Number(key), 1);
					else delete parent[key];
					break;
				case 'null':
					parent[key] = null;
					break;
				case 'retype':
					parent[key] = typeof parent[key] === typeof c.value ? [c.value] : c.value;
					break;
				case 'duplicate':
					if (Array.isArray(parent)) parent.splice(Number(key), 0, clone(parent[key]));
					else parent[`${key}`] = [parent[key], parent[key]];
					break;
				case 'lengthen':
					parent[key] = `${String(parent[key])}${'y'.repeat(c.length)}`;
					break;
				case 'nest':
					depth = c.depth;
					parent[key] = DEEP_VALUE;
					break;
				case 'nulls':
					parent[key] = [null, null, null];
					break;
				default:
					if (!Array.isArray(parent) && parent && typeof parent === 'object') {
						parent[PROTO_KEY] = { polluted: true };
						parent[CONSTRUCTOR_KEY] = { prototype: { polluted: true } };
					}
			}
		}
		return { kind: 'mutant', text: toText(body, depth), op: `${f.name}: ${applied.join(', ')}` };
	});
}

/**
 * The arbitrary of one fuzz body for a provider's fixtures: fixtures (10%), garbage (45%), mutants (45%).
 * @param {string} fixturesDir
 */
function fuzzBodyArbitrary(fixturesDir) {
	const fixtures = loadFixtures(fixturesDir);
	if (!fixtures.length) throw new Error(`no fixtures in ${fixturesDir}`);
	return fc
		.oneof(
			{ weight: 1, arbitrary: fc.constantFrom(...fixtures).map((f) => ({ kind: 'fixture', text: JSON.stringify(f.body), op: f.name })) },
			{ weight: 9, arbitrary: garbage(fixtures) },
			{ weight: 9, arbitrary: mutants(fixtures) },
		)
		.map((b) => ({
			...b,
			// How fast-check prints a counterexample: bodies can be 100 kB, the report stays readable.
			[fc.toStringMethod]: () => `${b.kind} "${b.op}" (${b.text.length} chars): ${b.text.slice(0, 300)}`,
		}));
}

/**
 * A fixed sample of the corpus (for the e2e).
 * @param {string} fixturesDir
 * @param {{ count: number, seed?: number }} options
 * @returns {{ kind: string, text: string, op: string }[]}
 */
function fuzzCorpus(fixturesDir, { count, seed = fuzzSeed() }) {
	return fc.sample(fuzzBodyArbitrary(fixturesDir), { seed, numRuns: count });
}

function fuzzSeed() {
	const fromEnv = Number(process.env.FUZZ_SEED);
	return Number.isInteger(fromEnv) ? fromEnv : DEFAULT_SEED;
}

module.exports = { fuzzBodyArbitrary, fuzzCorpus, fuzzSeed, loadFixtures, DEFAULT_SEED };
