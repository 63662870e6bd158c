'use strict';
// Redis and PostgreSQL for n8n's queue mode (`npm run test:e2e:queue`), from the machine's Debian packages.
//
// Each server is started on 127.0.0.1 on a free port with a throw-away data folder, in its own process
// group, and `stop()` ends exactly that group and removes the folder. Nothing here touches a server
// the machine already runs. Facts this file relies on (Debian 12):
// - `apt-get install redis-server postgresql` does not start the services in a container whose
//   /usr/sbin/policy-rc.d exits 101; when it does start them (systemd), they stay on their default ports and
//   are left alone: these servers use free ports of their own.
// - PostgreSQL refuses to run as root: as root, initdb and postgres run as the `postgres` user the
//   package creates, with the data folder owned by it.

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const { freePorts, isListening } = require('./n8n');

function log(...args) {
	console.error('[services]', ...args);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function which(cmd) {
	const res = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
	return res.status === 0 ? res.stdout.trim() : null;
}

/** The bin folder of the newest installed PostgreSQL (Debian keeps them in /usr/lib/postgresql/<v>/bin). */
function postgresBinDir() {
	const base = '/usr/lib/postgresql';
	const versions = fs.existsSync(base)
		? fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', 'postgres'))).sort((a, b) => Number(b) - Number(a))
		: [];
	if (versions.length) return path.join(base, versions[0], 'bin');
	const postgres = which('postgres');
	return postgres ? path.dirname(fs.realpathSync(postgres)) : null;
}

function runOrThrow(cmd, args, opts = {}) {
	const res = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
	if (res.error) throw res.error;
	if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${res.status ?? res.signal}\n${(res.stdout ?? '') + (res.stderr ?? '')}`.trim());
	return res.stdout;
}

/**
 * Installs redis-server and postgresql from the Debian packages when they are missing (`apt-get update`
 * first). Returns what was installed; throws with a clear message when that is needed but impossible.
 */
function ensureInstalled() {
	const missing = [];
	if (!which('redis-server')) missing.push('redis-server');
	if (!postgresBinDir()) missing.push('postgresql');
	if (!missing.length) return [];
	if (process.getuid?.() !== 0) {
		throw new Error(`${missing.join(' and ')} missing; install them (sudo apt-get install -y ${missing.join(' ')}) or run as root`);
	}
	if (!which('apt-get')) throw new Error(`${missing.join(' and ')} missing and there is no apt-get on this machine`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	log(`apt-get install ${missing.join(' ')} ...`);
	runOrThrow('apt-get', ['update', '-q'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
	runOrThrow('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { env, stdio: ['ignore', 'ignore', 'pipe'] });
	if (!which('redis-server') || !postgresBinDir()) throw new Error(`apt-get install ${missing.join(' ')} finished but a server is still missing`);
	return missing;
}

/** Sends one inline Redis command and resolves its first reply line (e.g. `+PONG`). */
function redisCommand(port, command) {
	return new Promise((resolve, reject) => {
		const sock = net.connect(port, '127.0.0.1');
		let data = '';
		sock.setTimeout(2000, () => sock.destroy(new Error('redis: no answer')));
		sock.once('connect', () => sock.write(`${command}\r\n`));
		sock.on('data', (d) => {
			data += d;
			if (data.includes('\r\n')) {
				sock.destroy();
				resolve(data.split('\r\n')[0]);
			}
		});
		sock.once('error', reject);
	});
}

async function waitUntil(what, fn, timeoutMs, child) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${what}: the process exited (${child.exitCode ?? child.signalCode})`);
		try {
			if (await fn()) return;
		} catch {
			/* not up yet */
		}
		if (Date.now() > deadline) throw new Error(`${what} not ready within ${timeoutMs} ms`);
		await sleep(200);
	}
}

/**
 * A started server: its own process group, output in `<dir>/server.log`. `stop()` sends `signal` to the
 * group, SIGKILLs it after 15 s, and removes the data folder.
 */
function spawnServer(name, cmd, args, { dir, signal, uid, gid }) {
	const logFile = path.join(dir, 'server.log');
	const out = fs.openSync(logFile, 'a');
	const child = spawn(cmd, args, { cwd: dir, detached: true, stdio: ['ignore', out, out], uid, gid });
	fs.closeSync(out);
	const exited = new Promise((resolve) => child.once('exit', resolve));
	let stopped = false;
	const killGroup = (sig) => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		try {
			process.kill(-child.pid, sig);
		} catch {
			/* gone */
		}
	};
	const readLog = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '');
	const server = {
		name,
		child,
		dir,
		readLog,
		killSync: () => killGroup('SIGKILL'),
		async stop() {
			if (stopped) return;
			stopped = true;
			killGroup(signal);
			const done = await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]);
			if (!done) {
				killGroup('SIGKILL');
				await Promise.race([exited, sleep(5_000)]);
			}
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
	return server;
}

/** redis-server on 127.0.0.1:`port`, no persistence, data folder under `parentDir`. */
async function startRedis(port, parentDir = os.tmpdir()) {
	const bin = which('redis-server');
	if (!bin) throw new Error('redis-server is not installed');
	if (await isListening(port)) throw new Error(`port ${port} is already in use`);
	const dir = fs.mkdtempSync(path.join(parentDir, 'redis-'));
	const args = ['--port', String(port), '--bind', '127.0.0.1', '--protected-mode', 'yes', '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no'];
	const server = spawnServer('redis', bin, args, { dir, signal: 'SIGTERM' });
	try {
		await waitUntil('redis', async () => (await redisCommand(port, 'PING')) === '+PONG', 30_000, server.child);
	} catch (error) {
		await server.stop();
		throw new Error(`${error.message}\n${server.readLog().slice(-2000)}`);
	}
	return { ...server, host: '127.0.0.1', port };
}

/**
 * PostgreSQL on 127.0.0.1:`port` with a fresh cluster (user `user`, trust authentication on loopback
 * only, durability off: throw-away data) and an empty database `database`.
 */
async function startPostgres(port, { user = 'n8n', database = 'n8n', parentDir = os.tmpdir() } = {}) {
	const binDir = postgresBinDir();
	if (!binDir) throw new Error('PostgreSQL is not installed');
	if (await isListening(port)) throw new Error(`port ${port} is already in use`);
	const dir = fs.mkdtempSync(path.join(parentDir, 'postgres-'));
	const dataDir = path.join(dir, 'data');
	let ids = {};
	if (process.getuid?.() === 0) {
		// PostgreSQL refuses root: run it as the package's `postgres` user, owner of the folder.
		const uid = Number(runOrThrow('id', ['-u', 'postgres']).trim());
		const gid = Number(runOrThrow('id', ['-g', 'postgres']).trim());
		fs.chownSync(dir, uid, gid);
		fs.chmodSync(dir, 0o700);
		ids = { uid, gid };
	}
	const opts = { cwd: dir, ...ids };
	try {
		runOrThrow(path.join(binDir, 'initdb'), ['-D', dataDir, '-U', user, '--auth=trust', '-E', 'UTF8', '--no-sync', '--locale=C'], opts);
	} catch (error) {
		fs.rmSync(dir, { recursive: true, force: true });
		throw error;
	}
	const args = [
		'-D', dataDir, '-p', String(port), '-k', dir,
		'-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off',
		'-c', 'max_connections=100', '-c', 'logging_collector=off',
	];
	// SIGINT is PostgreSQL's "fast" shutdown: it does not wait for n8n's pooled connections to close.
	const server = spawnServer('postgres', path.join(binDir, 'postgres'), args, { dir, signal: 'SIGINT', ...ids });
	try {
		const isReady = path.join(binDir, 'pg_isready');
		await waitUntil('postgres', async () => spawnSync(isReady, ['-h', '127.0.0.1', '-p', String(port), '-U', user, '-d', 'postgres']).status === 0, 60_000, server.child);
		runOrThrow(path.join(binDir, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', user, database]);
	} catch (error) {
		await server.stop();
		throw new Error(`${error.message}\n${server.readLog().slice(-2000)}`);
	}
	return { ...server, host: '127.0.0.1', port, user, database };
}

/** Runs one SQL statement with psql against a server from startPostgres; resolves its unaligned output. */
function psql(pg, sql) {
	const bin = path.join(postgresBinDir(), 'psql');
	return runOrThrow(bin, ['-h', pg.host, '-p', String(pg.port), '-U', pg.user, '-d', pg.database, '-tAXq', '-v', 'ON_ERROR_STOP=1', '-c', sql]).trim();
}

module.exports = { ensureInstalled, startRedis, startPostgres, redisCommand, postgresBinDir, psql };

if (require.main === module) {
	// `node scripts/services.js` installs what is missing, starts both servers briefly and stops them.
	(async () => {
		console.log('installed:', ensureInstalled().join(', ') || 'nothing (both present)');
		const [redisPort, pgPort] = await freePorts(2);
		const redis = await startRedis(redisPort);
		const pg = await startPostgres(pgPort).catch(async (e) => {
			await redis.stop();
			throw e;
		});
		console.log(`redis on ${redis.port}, postgres on ${pg.port}: both up; stopping`);
		await Promise.all([redis.stop(), pg.stop()]);
	})().catch((error) => {
		console.error(error.stack ?? error);
		process.exit(1);
	});
}
