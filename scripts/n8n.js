'use strict';
// Helpers to install and drive a real n8n 2.41.1, shared by `npm run dev` (scripts/dev.js) and
// `npm run test:e2e` (test/e2e/run.js). Node stdlib only; must run under Node 24 (every npm script goes
// through scripts/node24.js, so process.execPath is Node 24).
//
// n8n lives in the git-ignored .cache/n8n-host/ (installed from scripts/n8n-host/package.json + lock).
// Facts this file relies on (measured with n8n 2.41.1):
// - `npm ci` fails on the host lock (optional platform packages): use `npm install` with the lock.
// - `--ignore-scripts` is required (kafka's install script downloads from the internet and fails, and npm
//   then rolls the whole install back); sqlite3 is the only native module and is rebuilt afterwards.
// - `n8n execute` prints the run result through the logger: the JSON starts at the first line that is
//   exactly `{` and ends at the first later line that is exactly `}`.
// - Every n8n process running at the same time needs its own N8N_RUNNERS_BROKER_PORT.
// - SIGTERM does not call a trigger's delete(); deactivation through the public API does.

const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { URLSearchParams } = require('node:url');

const root = path.resolve(__dirname, '..');
const hostSrc = path.join(__dirname, 'n8n-host');
const hostDir = path.join(root, '.cache', 'n8n-host');
const markerFile = path.join(hostDir, '.installed');
const n8nBinLink = path.join(hostDir, 'node_modules', '.bin', 'n8n');

function log(...args) {
	console.error('[n8n]', ...args);
}

function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** An AbortSignal that fires after `ms` (AbortSignal.timeout without relying on that global). */
function timeoutSignal(ms) {
	const controller = new AbortController();
	setTimeout(() => controller.abort(new Error(`timed out after ${ms} ms`)), ms).unref();
	return controller.signal;
}

// ---------------------------------------------------------------------------------------------------
// Install

function hostHash() {
	const h = crypto.createHash('sha256');
	h.update(fs.readFileSync(path.join(hostSrc, 'package.json')));
	h.update(fs.readFileSync(path.join(hostSrc, 'package-lock.json')));
	return h.digest('hex');
}

function runSync(cmd, args, opts) {
	const res = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
	if (res.error) throw res.error;
	if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${res.status ?? res.signal})`);
}

/** Environment for npm child processes: this Node (24) first on PATH, native builds against its headers. */
function npmEnv(extra = {}) {
	const env = { ...process.env, ...extra };
	const nodeDir = path.dirname(process.execPath);
	env.PATH = [nodeDir, env.PATH].join(path.delimiter);
	const nodeHome = path.resolve(nodeDir, '..');
	// Always this Node's headers: the machine's ~/.npmrc says nodedir=/usr (the system Node 20).
	if (fs.existsSync(path.join(nodeHome, 'include', 'node', 'node.h'))) env.npm_config_nodedir = nodeHome;
	return env;
}

function assertNode24() {
	const major = Number(process.versions.node.split('.')[0]);
	if (major < 24) {
		throw new Error(`n8n 2.x needs Node >= 24 (this is ${process.version}); run through scripts/node24.js`);
	}
}

/** True when .cache/n8n-host holds an install made from the current host lock. */
function isN8nInstalled() {
	return (
		fs.existsSync(markerFile) &&
		fs.readFileSync(markerFile, 'utf8').trim() === hostHash() &&
		fs.existsSync(n8nBinLink)
	);
}

/**
 * Installs n8n into the git-ignored .cache/n8n-host once per host-lock hash (about 2.5 minutes, 2.7 GB)
 * and returns the path of the `n8n` bin.
 */
function ensureN8n() {
	if (isN8nInstalled()) return n8nBinLink;
	assertNode24();
	const started = Date.now();
	log(`installing n8n into ${path.relative(root, hostDir)} (once; about 2.5 minutes and 2.7 GB) ...`);
	fs.mkdirSync(hostDir, { recursive: true });
	fs.rmSync(markerFile, { force: true });
	fs.copyFileSync(path.join(hostSrc, 'package.json'), path.join(hostDir, 'package.json'));
	fs.copyFileSync(path.join(hostSrc, 'package-lock.json'), path.join(hostDir, 'package-lock.json'));
	const env = npmEnv();
	const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];
	runSync('npm', ['install', '--ignore-scripts', ...quiet], { cwd: hostDir, env });
	runSync('npm', ['rebuild', 'sqlite3', '--loglevel=error'], { cwd: hostDir, env });
	if (!fs.existsSync(n8nBinLink)) throw new Error(`n8n install finished but ${n8nBinLink} is missing`);
	fs.writeFileSync(markerFile, hostHash() + '\n');
	log(`n8n installed in ${Math.round((Date.now() - started) / 1000)} s`);
	return n8nBinLink;
}

// ---------------------------------------------------------------------------------------------------
// Environment

/** A free TCP port on 127.0.0.1 (bind port 0, read it, close). */
function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

/** Several distinct free ports. */
async function freePorts(n) {
	const ports = new Set();
	while (ports.size < n) ports.add(await freePort());
	return [...ports];
}

/**
 * The encryption key of a user folder: the one n8n already saved in <folder>/.n8n/config, else a new
 * random one written there (n8n refuses to start when N8N_ENCRYPTION_KEY and that file disagree).
 */
function encryptionKeyFor(userFolder) {
	const n8nDir = path.join(userFolder, '.n8n');
	const configFile = path.join(n8nDir, 'config');
	if (fs.existsSync(configFile)) {
		const key = JSON.parse(fs.readFileSync(configFile, 'utf8')).encryptionKey;
		if (key) return key;
	}
	const key = crypto.randomBytes(24).toString('base64');
	fs.mkdirSync(n8nDir, { recursive: true });
	fs.writeFileSync(configFile, JSON.stringify({ encryptionKey: key }, null, '\t'), { mode: 0o600 });
	return key;
}

/**
 * The loopback-only environment for one n8n process. `port` is the HTTP port (also used for the
 * webhook URL unless `webhookUrl` is given); `brokerPort` is the task-runner broker port, which must be
 * unique among the n8n processes running at the same time.
 */
function n8nEnv({ userFolder, port = 5678, brokerPort, webhookUrl, logLevel = 'info', extra = {} }) {
	if (!userFolder) throw new Error('n8nEnv: userFolder is required');
	if (!brokerPort) throw new Error('n8nEnv: brokerPort is required');
	const env = { ...npmEnv() };
	const tmpDir = path.join(userFolder, '.tmp'); // n8n's own temp files stay inside the user folder
	fs.mkdirSync(tmpDir, { recursive: true });
	// Don't let the caller's own N8N_* settings leak into a test or dev instance.
	for (const k of Object.keys(env)) if (k.startsWith('N8N_') || k.startsWith('DB_')) delete env[k];
	Object.assign(env, {
		N8N_USER_FOLDER: userFolder,
		TMPDIR: tmpDir,
		DB_TYPE: 'sqlite',
		N8N_ENCRYPTION_KEY: encryptionKeyFor(userFolder),
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_WEBHOOK_URL: webhookUrl ?? `http://127.0.0.1:${port}/`,
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/`,
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_LOG_LEVEL: logLevel,
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		// The MCP registry module fetches https://api.n8n.io at start and logs a stack trace offline.
		N8N_DISABLED_MODULES: 'mcp-registry',
		...extra,
	});
	return env;
}

// ---------------------------------------------------------------------------------------------------
// CLI commands

function n8nCommand(args) {
	// Run the bin's JS with this very Node (24) rather than trusting `#!/usr/bin/env node` and PATH.
	return { cmd: process.execPath, args: [fs.realpathSync(n8nBinLink), ...args] };
}

/** Processes started here and still running; killed on exit as a last resort. */
const live = new Set();
let exitHookInstalled = false;
function track(child) {
	live.add(child);
	child.on('exit', () => live.delete(child));
	if (!exitHookInstalled) {
		exitHookInstalled = true;
		process.on('exit', killAllSync);
	}
}

function killGroup(child, signal) {
	if (child.exitCode !== null || child.signalCode !== null) return;
	try {
		process.kill(-child.pid, signal); // its own process group: n8n plus its task runner(s)
	} catch {
		try {
			child.kill(signal);
		} catch {
			/* already gone */
		}
	}
}

/** Kills every process this module started (synchronous; used from process.on('exit')). */
function killAllSync() {
	for (const child of live) killGroup(child, 'SIGKILL');
}

/**
 * Runs `n8n <args>` to completion. Resolves `{code, signal, stdout, stderr, ms}`; never rejects on a
 * non-zero exit (callers decide), but kills the process and rejects after `timeoutMs`.
 */
function runN8n(args, { env, timeoutMs = 120_000, cwd = root } = {}) {
	const { cmd, args: fullArgs } = n8nCommand(args);
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, fullArgs, { env, cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
		track(child);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		const timer = setTimeout(() => {
			killGroup(child, 'SIGKILL');
			reject(new Error(`n8n ${args.join(' ')} timed out after ${timeoutMs} ms\n${tail(stdout + stderr)}`));
		}, timeoutMs);
		child.on('error', (e) => {
			clearTimeout(timer);
			reject(e);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			// The task runner may outlive the CLI for a moment: make sure the group is gone.
			killGroup(child, 'SIGKILL');
			resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
		});
	});
}

function tail(text, lines = 40) {
	return text.split('\n').slice(-lines).join('\n');
}

async function runN8nOk(args, opts) {
	const res = await runN8n(args, opts);
	if (res.code !== 0) {
		throw new Error(`n8n ${args.join(' ')} exited ${res.code ?? res.signal}\n${tail(res.stdout + res.stderr)}`);
	}
	return res;
}

function writeTempJson(prefix, data) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
	const file = path.join(dir, `${prefix}.json`);
	fs.writeFileSync(file, JSON.stringify(data, null, 2));
	return { file, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** `n8n import:credentials`: `credentials` is an array of `{id, name, type, data}` with plain `data`. */
async function importCredentials(env, credentials, opts = {}) {
	const tmp = writeTempJson('n8n-credentials', credentials);
	try {
		return await runN8nOk(['import:credentials', `--input=${tmp.file}`], { env, ...opts });
	} finally {
		tmp.cleanup();
	}
}

/** `n8n import:workflow`: one workflow object or an array (ids at most 21 characters). Imports inactive. */
async function importWorkflow(env, workflows, opts = {}) {
	const list = Array.isArray(workflows) ? workflows : [workflows];
	for (const wf of list) {
		if (!wf.id || wf.id.length > 21) throw new Error(`workflow "${wf.name}" needs an id of at most 21 characters`);
	}
	const tmp = writeTempJson('n8n-workflows', list);
	try {
		return await runN8nOk(['import:workflow', `--input=${tmp.file}`], { env, ...opts });
	} finally {
		tmp.cleanup();
	}
}

/** Extracts the run-result JSON printed by `n8n execute` (first line exactly `{` to the next exactly `}`). */
function parseExecuteOutput(stdout) {
	const lines = stdout.split(/\r?\n/);
	const start = lines.indexOf('{');
	if (start < 0) return null;
	const end = lines.indexOf('}', start);
	if (end < 0) return null;
	try {
		return JSON.parse(lines.slice(start, end + 1).join('\n'));
	} catch {
		return null;
	}
}

/**
 * `n8n execute --id=<id>` (the workflow needs a Manual Trigger). Resolves
 * `{ok, code, result, error, runData, stdout, stderr, ms}`; `runData` is result.data.resultData.runData.
 */
async function executeWorkflow(env, id, opts = {}) {
	const res = await runN8n(['execute', `--id=${id}`], { env, ...opts });
	const result = parseExecuteOutput(res.stdout);
	const resultData = result?.data?.resultData;
	return {
		ok: res.code === 0 && !!result && !resultData?.error,
		code: res.code,
		result,
		error: resultData?.error ?? null,
		runData: resultData?.runData ?? null,
		stdout: res.stdout,
		stderr: res.stderr,
		ms: res.ms,
	};
}

/** The output items (json only) of node `nodeName` in an execute result. */
function nodeOutput(runData, nodeName, { run = 0, output = 0 } = {}) {
	const items = runData?.[nodeName]?.[run]?.data?.main?.[output] ?? [];
	return items.map((i) => i.json);
}

/** `n8n publish:workflow --id=<id>`: marks the current version active; takes effect at the next start. */
function publishWorkflow(env, id, opts = {}) {
	return runN8nOk(['publish:workflow', `--id=${id}`], { env, ...opts });
}

/** `n8n export:nodes` → the array of node type descriptions n8n loaded (built-ins plus community). */
async function exportNodes(env, opts = {}) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-'));
	const file = path.join(dir, 'nodes.json');
	try {
		await runN8nOk(['export:nodes', `--output=${file}`], { env, timeoutMs: 180_000, ...opts });
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

// ---------------------------------------------------------------------------------------------------
// Server

/**
 * Starts `n8n start` (or `command`: `worker`, `webhook` in queue mode) and waits for
 * `/healthz/readiness` (a worker serves it on QUEUE_HEALTH_CHECK_PORT, with QUEUE_HEALTH_CHECK_ACTIVE=true).
 * Output goes to `logFile` (and to this process's stderr when `echo` is set). Returns
 * `{url, child, logFile, stop(), readLog()}`.
 */
async function startServer(env, { command = 'start', logFile, echo = false, readyTimeoutMs = 120_000 } = {}) {
	const port = Number(command === 'worker' ? (env.QUEUE_HEALTH_CHECK_PORT ?? env.N8N_PORT) : env.N8N_PORT);
	const url = `http://127.0.0.1:${port}`;
	if (await isListening(port)) throw new Error(`port ${port} is already in use; is another n8n running?`);
	const { cmd, args } = n8nCommand([command]);
	logFile = logFile ?? path.join(env.N8N_USER_FOLDER, 'n8n.log');
	fs.mkdirSync(path.dirname(logFile), { recursive: true });
	const out = fs.createWriteStream(logFile, { flags: 'a' });
	const child = spawn(cmd, args, { env, cwd: env.N8N_USER_FOLDER, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	track(child);
	for (const stream of [child.stdout, child.stderr]) {
		stream.on('data', (d) => {
			out.write(d);
			if (echo) process.stderr.write(d);
		});
	}
	let exited = null;
	const exitPromise = new Promise((resolve) => {
		child.on('exit', (code, signal) => {
			exited = { code, signal };
			resolve(exited);
		});
	});
	const readLog = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '');
	const server = {
		url,
		port,
		child,
		logFile,
		readLog,
		exited: () => exited,
		async stop(timeoutMs = 20_000) {
			if (!exited) {
				killGroup(child, 'SIGTERM');
				const done = await Promise.race([exitPromise, sleep(timeoutMs).then(() => null)]);
				if (!done) killGroup(child, 'SIGKILL');
				await Promise.race([exitPromise, sleep(5_000)]);
			}
			killGroup(child, 'SIGKILL'); // leftover task runner, if any
			await new Promise((resolve) => out.end(resolve));
		},
	};
	const deadline = Date.now() + readyTimeoutMs;
	for (;;) {
		if (exited) throw new Error(`n8n ${command} exited early (${exited.code ?? exited.signal})\n${tail(readLog())}`);
		try {
			const res = await fetch(`${url}/healthz/readiness`, { signal: timeoutSignal(2_000) });
			if (res.status === 200) break;
		} catch {
			/* not listening yet */
		}
		if (Date.now() > deadline) {
			await server.stop();
			throw new Error(`n8n did not become ready within ${readyTimeoutMs} ms\n${tail(readLog())}`);
		}
		await sleep(300);
	}
	return server;
}

function isListening(port) {
	return new Promise((resolve) => {
		const sock = net.connect(port, '127.0.0.1');
		sock.once('connect', () => {
			sock.destroy();
			resolve(true);
		});
		sock.once('error', () => resolve(false));
	});
}

// ---------------------------------------------------------------------------------------------------
// REST (session) and public API

async function httpJson(method, url, { body, headers = {}, timeoutMs = 15_000 } = {}) {
	const res = await fetch(url, {
		method,
		headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
		body: body !== undefined ? JSON.stringify(body) : undefined,
		signal: timeoutSignal(timeoutMs),
	});
	const text = await res.text();
	let json = null;
	try {
		json = text ? JSON.parse(text) : null;
	} catch {
		/* not JSON */
	}
	return { status: res.status, json, text, headers: res.headers };
}

/**
 * Creates the instance owner (`POST /rest/owner/setup`; the password needs 8+ characters, a digit and
 * an uppercase letter). Returns false when an owner already exists.
 */
async function setupOwner(baseUrl, { email, password, firstName = 'Dev', lastName = 'Owner' }) {
	const res = await httpJson('POST', `${baseUrl}/rest/owner/setup`, { body: { email, password, firstName, lastName } });
	if (res.status === 200) return true;
	if (res.status === 400 && /already setup/i.test(res.text)) return false;
	throw new Error(`POST /rest/owner/setup → ${res.status} ${res.text.slice(0, 300)}`);
}

/** Whether the instance owner has been set up (`GET /rest/settings`, no login needed). */
async function ownerExists(baseUrl) {
	const res = await httpJson('GET', `${baseUrl}/rest/settings`);
	if (res.status !== 200) throw new Error(`GET /rest/settings → ${res.status}`);
	return res.json?.data?.userManagement?.showSetupOnFirstLoad === false;
}

/**
 * Logs in (`POST /rest/login` with a `browser-id` header; the session cookie is bound to it) and returns
 * `{cookie, browserId, request(method, path, body)}` for further /rest calls.
 */
async function login(baseUrl, { email, password }) {
	const browserId = crypto.randomUUID();
	const res = await httpJson('POST', `${baseUrl}/rest/login`, {
		body: { emailOrLdapLoginId: email, password },
		headers: { 'browser-id': browserId },
	});
	if (res.status !== 200) throw new Error(`POST /rest/login → ${res.status} ${res.text.slice(0, 300)}`);
	const cookie = (res.headers.getSetCookie?.() ?? [])
		.map((c) => c.split(';')[0])
		.filter((c) => c.startsWith('n8n-auth='))
		.join('; ');
	if (!cookie) throw new Error('POST /rest/login returned no n8n-auth cookie');
	const request = async (method, p, body) => {
		const r = await httpJson(method, `${baseUrl}${p}`, { body, headers: { cookie, 'browser-id': browserId } });
		if (r.status >= 400) throw new Error(`${method} ${p} → ${r.status} ${r.text.slice(0, 300)}`);
		return r.json?.data ?? r.json;
	};
	return { cookie, browserId, request };
}

/**
 * Creates a public-API key for a logged-in session (`POST /rest/api-keys` with every scope the user's
 * role allows, from `GET /rest/api-keys/scopes`; no expiry) and returns the raw key.
 */
async function createApiKey(session, label = 'automation') {
	const scopes = await session.request('GET', '/rest/api-keys/scopes');
	const created = await session.request('POST', '/rest/api-keys', { label, scopes, expiresAt: null });
	if (!created?.rawApiKey) throw new Error('POST /rest/api-keys returned no rawApiKey');
	return created.rawApiKey;
}

/** Owner + login + API key in one go; tolerates an existing owner with the same password. */
async function ownerApiKey(baseUrl, account, label) {
	await setupOwner(baseUrl, account);
	const session = await login(baseUrl, account);
	return { session, apiKey: await createApiKey(session, label) };
}

/** A small client for the public API (`/api/v1`, header X-N8N-API-KEY). */
function publicApi(baseUrl, apiKey) {
	const call = async (method, p, body) => {
		const r = await httpJson(method, `${baseUrl}/api/v1${p}`, { body, headers: { 'X-N8N-API-KEY': apiKey } });
		if (r.status >= 400) throw new Error(`${method} /api/v1${p} → ${r.status} ${r.text.slice(0, 300)}`);
		return r.json;
	};
	return {
		call,
		getWorkflow: (id) => call('GET', `/workflows/${id}`),
		activate: (id) => call('POST', `/workflows/${id}/activate`),
		deactivate: (id) => call('POST', `/workflows/${id}/deactivate`),
		async listExecutions({ workflowId, status, includeData = false, limit = 100 } = {}) {
			const qs = new URLSearchParams({ limit: String(limit), includeData: String(includeData) });
			if (workflowId) qs.set('workflowId', workflowId);
			if (status) qs.set('status', status);
			return (await call('GET', `/executions?${qs}`)).data;
		},
		getExecution: (id, includeData = true) => call('GET', `/executions/${id}?includeData=${includeData}`),
	};
}

/**
 * Reads executions straight from the sqlite database (no API key needed). Uses node:sqlite (Node 24);
 * returns rows `{id, workflowId, status, finished, mode}` newest first.
 */
function listExecutionsDb(userFolder, workflowId) {
	const { DatabaseSync } = require('node:sqlite');
	const db = new DatabaseSync(path.join(userFolder, '.n8n', 'database.sqlite'), { readOnly: true });
	try {
		const sql =
			'SELECT id, workflowId, status, finished, mode FROM execution_entity' +
			(workflowId ? ' WHERE workflowId = ?' : '') +
			' ORDER BY id DESC';
		return workflowId ? db.prepare(sql).all(workflowId) : db.prepare(sql).all();
	} finally {
		db.close();
	}
}

/** Polls `fn` until it returns a truthy value; throws `what` after `timeoutMs`. */
async function waitFor(what, fn, { timeoutMs = 30_000, intervalMs = 200 } = {}) {
	const deadline = Date.now() + timeoutMs;
	let lastError;
	for (;;) {
		try {
			const v = await fn();
			if (v) return v;
		} catch (e) {
			lastError = e;
		}
		if (Date.now() > deadline) {
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${lastError.message}` : ''}`);
		}
		await sleep(intervalMs);
	}
}

module.exports = {
	root,
	hostDir,
	ensureN8n,
	isN8nInstalled,
	npmEnv,
	freePort,
	freePorts,
	encryptionKeyFor,
	n8nEnv,
	runN8n,
	runN8nOk,
	importCredentials,
	importWorkflow,
	executeWorkflow,
	parseExecuteOutput,
	nodeOutput,
	publishWorkflow,
	exportNodes,
	startServer,
	isListening,
	httpJson,
	setupOwner,
	ownerExists,
	login,
	createApiKey,
	ownerApiKey,
	publicApi,
	listExecutionsDb,
	waitFor,
	sleep,
	killAllSync,
};

if (require.main === module) {
	// `node scripts/node24.js node scripts/n8n.js` installs n8n (if needed) and prints the bin path.
	console.log(ensureN8n());
}
