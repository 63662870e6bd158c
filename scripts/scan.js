// n8n's community-package scan (@n8n/scan-community-package, the static gate n8n runs before it
// verifies a package), offline, on both of its legs:
//   1. the package as published: `npm pack`, unpacked, every .js/.ts/.json file in it (n8n's own
//      gate lints the tarball's .js and package.json; shipping no more than that keeps this leg true);
//   2. the sources: package.json and {nodes,credentials}/**/*.{js,ts,json}, as n8n lints the
//      provenance-attested checkout.
// Needs a fresh `npm run build`. Exits non-zero on any error. Run it with `npm run scan`.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

function run(command, args, cwd) {
	const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
	if (result.status !== 0) {
		throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
	}
	return result.stdout;
}

/** `npm pack` into a temporary folder, unpacked there; returns the package folder. */
function packAndUnpack(work) {
	const packed = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], root));
	const tarball = path.join(work, packed[0].filename);
	const unpacked = path.join(work, 'package');
	fs.mkdirSync(unpacked);
	run('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1'], work);
	return { unpacked, files: packed[0].files.map((f) => f.path) };
}

async function main() {
	const { analyzePackage, SOURCE_FILE_PATTERNS } = await import('@n8n/scan-community-package/scanner/scanner.mjs');
	if (!fs.existsSync(path.join(root, 'dist'))) throw new Error('dist/ is missing: run `npm run build` first');
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-scan-'));
	try {
		const { unpacked, files } = packAndUnpack(work);
		const legs = [
			{ name: `npm pack tarball (${files.length} files)`, result: await analyzePackage(unpacked) },
			{ name: `sources (${SOURCE_FILE_PATTERNS.join(' + ')})`, result: await analyzePackage(root, SOURCE_FILE_PATTERNS) },
		];
		let failed = false;
		for (const { name, result } of legs) {
			console.log(`${result.passed ? 'PASS' : 'FAIL'} ${name}${result.message ? `: ${result.message}` : ''}`);
			if (result.details) console.log(result.details);
			failed ||= !result.passed;
		}
		if (failed) process.exitCode = 1;
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
