// @ts-check
'use strict';
/**
 * Regenerates the `.d.ts` files next to the fakes from their JSDoc, so TypeScript tests get typed
 * imports. Run after editing a fake:  node test/fakes/build-types.js   (`--check` only verifies.)
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const here = __dirname;
const root = path.resolve(here, '..', '..');
const sources = ['http-fake.js', 'maytapi.js', 'sobot.js', 'inbox360.js', 'whatsloop.js', 'simulator.js'];
/**
 * @param {string} name
 * @param {string} body
 */
const header = (name, body) =>
	`// Generated from the JSDoc of ./${name}.js by test/fakes/build-types.js; do not edit by hand.\n` +
	// JSDoc `any`/require() are fine in JS but trip the TS lint rules; skip the directive when unused.
	(/\bany\b|require\(/.test(body) ? '/* eslint-disable */\n' : '');

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-types-'));
try {
	// Emit to a temp dir: emitting next to the sources would collide with the existing .d.ts inputs.
	const tsc = spawnSync(
		process.execPath,
		[
			path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
			'--allowJs', '--checkJs', '--strict', '--declaration', '--emitDeclarationOnly',
			'--outDir', out, '--target', 'es2022', '--module', 'commonjs', '--moduleResolution', 'node',
			'--types', 'node', '--skipLibCheck',
			...sources.map((s) => path.join(here, s)),
		],
		{ stdio: 'inherit' },
	);
	if (tsc.status !== 0) process.exit(tsc.status ?? 1);
	let stale = false;
	for (const source of sources) {
		const name = path.basename(source, '.js');
		const body = fs.readFileSync(path.join(out, `${name}.d.ts`), 'utf8').replace(/^#!.*\n/, '');
		const generated = header(name, body) + body;
		const target = path.join(here, `${name}.d.ts`);
		const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
		if (current === generated) continue;
		stale = true;
		if (!process.argv.includes('--check')) fs.writeFileSync(target, generated);
		console.log(`${process.argv.includes('--check') ? 'stale' : 'wrote'} ${path.relative(root, target)}`);
	}
	if (stale && process.argv.includes('--check')) process.exit(1);
} finally {
	fs.rmSync(out, { recursive: true, force: true });
}
