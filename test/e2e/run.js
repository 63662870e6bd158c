'use strict';
// End-to-end test against a real n8n 2.41.1 (`npm run test:e2e`; needs Node 24, which node24.js provides).
//
// Builds and packs this package, installs the tarball the way users install community nodes
// (`npm i --prefix <user folder>/.n8n/nodes --omit=peer <tgz>`), and checks with the real n8n CLI and
// server that the nodes load, that the examples in examples/ run against the provider simulator, and
// that each trigger registers, receives a delivery and restores the provider's webhook on deactivation.
//
// Prints `ok - …` / `not ok - …` per check and ends with `N passed, M failed`; exits non-zero on any
// failure. Set E2E_KEEP=1 to keep the temporary folder (n8n logs, user folder) for debugging.

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const n8n = require('../../scripts/n8n');
const { checkTriggerReliability } = require('./trigger-reliability');

const root = path.resolve(__dirname, '..', '..');
const PACKAGE = 'n8n-nodes-whatsapp-providers';

// Providers under test: the dist files that must exist for the provider to be tested (a provider whose
// nodes are not built yet is skipped) and the node types `n8n export:nodes` must list.
const PROVIDERS = [
	{ provider: 'maytapi', files: ['nodes/Maytapi/Maytapi.node.js', 'nodes/Maytapi/MaytapiTrigger.node.js'], types: ['maytapi', 'maytapiTool', 'maytapiTrigger'] },
	{ provider: 'sobot', files: ['nodes/Sobot/Sobot.node.js', 'nodes/Sobot/SobotTrigger.node.js'], types: ['sobot', 'sobotTool', 'sobotTrigger'] },
	// One platform, two brands (one fake): each brand is checked with its own credential, send and trigger.
	{ provider: 'whatsloop', files: ['nodes/WhatsLoop/WhatsLoop.node.js', 'nodes/WhatsLoop/WhatsLoopTrigger.node.js'], types: ['whatsLoop', 'whatsLoopTool', 'whatsLoopTrigger'] },
	{ provider: 'letsbot', files: ['nodes/LetsBot/LetsBot.node.js', 'nodes/LetsBot/LetsBotTrigger.node.js'], types: ['letsBot', 'letsBotTool', 'letsBotTrigger'] },
	{ provider: 'inbox360', files: ['nodes/Inbox360/Inbox360.node.js', 'nodes/Inbox360/Inbox360Trigger.node.js'], types: ['inbox360', 'inbox360Tool', 'inbox360Trigger'] },
];

const OWNER = { email: 'e2e@example.com', password: 'E2e-Password-1', firstName: 'E2E', lastName: 'Test' };
const TOTAL_TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS || 30 * 60_000);
// A webhook "set before" the trigger registered: deactivation must put it back.
const PREVIOUS_WEBHOOK = 'http://127.0.0.1:9/previous-webhook';

// ---------------------------------------------------------------------------------------------------
// Reporting

let passed = 0;
let failed = 0;

class Abort extends Error {}

function indent(text) {
	return String(text)
		.trimEnd()
		.split('\n')
		.map((l) => `#   ${l}`)
		.join('\n');
}

/** One check: prints `ok - name` or `not ok - name` (+ details). A failure aborts the current group. */
async function check(name, fn) {
	const started = Date.now();
	try {
		const value = await fn();
		passed++;
		console.log(`ok - ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
		return value;
	} catch (error) {
		failed++;
		console.log(`not ok - ${name}`);
		console.log(indent(error instanceof Error ? (error.stack ?? error.message) : error));
		throw new Abort(name);
	}
}

function skip(name, reason) {
	console.log(`skip - ${name}: ${reason}`);
}

/** Runs a group of dependent checks; an Abort from one of them ends the group only. */
async function group(fn) {
	try {
		await fn();
		return true;
	} catch (error) {
		if (error instanceof Abort) return false;
		failed++;
		console.log('not ok - unexpected error');
		console.log(indent(error.stack ?? error));
		return false;
	}
}

function assert(condition, message) {
	if (!condition) throw new Error(message);
}

const show = (v) => JSON.stringify(v);

// ---------------------------------------------------------------------------------------------------
// Process helpers

const started = [];

/** Runs a command to completion with captured output, bounded by a timeout. */
function run(cmd, args, { cwd = root, env, timeoutMs = 10 * 60_000 } = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
		started.push(child);
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (out += d));
		const timer = setTimeout(() => {
			killTree(child);
			reject(new Error(`${cmd} ${args.join(' ')} timed out after ${timeoutMs} ms\n${out.slice(-4000)}`));
		}, timeoutMs);
		child.on('error', (e) => {
			clearTimeout(timer);
			reject(e);
		});
		child.on('close', (code) => {
			clearTimeout(timer);
			if (code === 0) resolve(out);
			else reject(new Error(`${cmd} ${args.join(' ')} exited ${code}\n${out.slice(-4000)}`));
		});
	});
}

function killTree(child) {
	if (child.exitCode !== null || child.signalCode !== null) return;
	try {
		process.kill(-child.pid, 'SIGKILL');
	} catch {
		/* gone */
	}
}

// ---------------------------------------------------------------------------------------------------
// Fake helpers (over the fakes' /__fake control endpoints)

async function fakeGet(fake, p) {
	const res = await n8n.httpJson('GET', `${fake.origin}${p}`);
	assert(res.status === 200, `GET ${p} on the ${fake.name} fake → ${res.status}`);
	return res.json;
}

const fakeRequests = async (fake) => (await fakeGet(fake, '/__fake/requests')).requests;
const fakeState = (fake) => fakeGet(fake, '/__fake/state');

async function fakeDeliver(fake, body) {
	const res = await n8n.httpJson('POST', `${fake.origin}/__fake/deliver`, { body, timeoutMs: 60_000 });
	assert(res.status === 200, `POST /__fake/deliver on the ${fake.name} fake → ${res.status} ${res.text}`);
	return res.json; // { status, body } of n8n's answer
}

// ---------------------------------------------------------------------------------------------------
// Workflow helpers

function loadExample(name) {
	const file = path.join(root, 'examples', name);
	return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
}

function triggerNode(workflow, type) {
	return workflow.nodes.find((node) => node.type === `${PACKAGE}.${type}`);
}

/** Waits for a finished execution of `workflowId` and returns it with its data. */
async function successfulExecution(api, workflowId, { after = 0, timeoutMs = 30_000 } = {}) {
	const summary = await n8n.waitFor(
		`an execution of ${workflowId}`,
		async () => {
			const list = await api.listExecutions({ workflowId });
			return list.find((e) => Number(e.id) > after && e.status !== 'running' && e.status !== 'new');
		},
		{ timeoutMs, intervalMs: 300 },
	);
	const full = await api.getExecution(summary.id, true);
	assert(
		summary.status === 'success',
		`execution ${summary.id} of ${workflowId} ended with status ${summary.status}: ${show(full?.data?.resultData?.error ?? null)}`,
	);
	return full;
}

function executionOutput(execution, nodeName) {
	return n8n.nodeOutput(execution?.data?.resultData?.runData, nodeName);
}

/**
 * The imported simulator credential of `credentialType` through n8n's own tester
 * (`POST /rest/credentials/test`): OK as imported, Error with `wrong` merged into its data, and Error
 * when the fake answers the test's request with a redirect to another fake, which must see nothing
 * (the key or token stays with the provider in n8n's tester, not only in jest's). Then `confirm()`,
 * if given, checks what the fake saw.
 */
async function checkCredentialTest(ctx, provider, credentialType, wrong, confirm) {
	await check(`${provider}: the credential test passes in n8n, fails with a wrong ${Object.keys(wrong).join(', ')}, and follows no redirect`, async () => {
		const stored = ctx.credentials.find((c) => c.type === credentialType);
		assert(stored, `no ${credentialType} credential was imported`);
		const fakes = Object.values(ctx.sim).filter((f) => typeof f?.origin === 'string');
		const fake = fakes.find((f) => stored.data.baseUrl.startsWith(f.origin));
		const elsewhere = fakes.find((f) => f !== fake);
		assert(fake && elsewhere, `no simulator fake serves ${stored.data.baseUrl}`);
		const session = await n8n.login(ctx.server.url, OWNER);
		const test = (data) => session.request('POST', '/rest/credentials/test', { credentials: { id: stored.id, name: stored.name, type: credentialType, data } });

		const ok = await test(stored.data);
		assert(ok?.status === 'OK', `expected OK, got ${show(ok)}`);
		const probe = fake.requests.at(-1);
		const bad = await test({ ...stored.data, ...wrong });
		assert(bad?.status === 'Error', `expected Error, got ${show(bad)}`);

		const [ours, theirs] = [fake.requests.length, elsewhere.requests.length];
		fake.failNext({ status: 302, headers: { Location: `${elsewhere.origin}${probe.path}` }, body: '', match: { method: probe.method, path: probe.path } });
		const redirected = await test(stored.data);
		assert(fake.requests.slice(ours).some((r) => r.path === probe.path), `the test did not reach ${probe.method} ${probe.path} on the ${fake.name} fake`);
		assert(redirected?.status === 'Error', `expected Error for a redirect, got ${show(redirected)}`);
		const followed = elsewhere.requests.slice(theirs).filter((r) => r.path === probe.path);
		assert(followed.length === 0, `the redirect was followed to the ${elsewhere.name} fake: ${show(followed)}`);
		await confirm?.();
	});
}

// ---------------------------------------------------------------------------------------------------
// Provider scenarios

const scenarios = {
	maytapi: {
		credentialType: 'maytapiApi',
		sendExample: 'maytapi-send-text.json',
		triggerExample: 'maytapi-trigger-echo.json',

		async checkSend(ctx, workflow, res) {
			const { maytapi } = ctx.sim;
			const node = workflow.nodes.find((n) => n.type === `${PACKAGE}.maytapi`);
			const out = n8n.nodeOutput(res.runData, node.name);
			assert(out.length === 1, `"${node.name}" returned ${out.length} items: ${show(out)}`);
			assert(out[0].msgId && out[0].chatId, `"${node.name}" output lacks msgId/chatId: ${show(out[0])}`);
			const p = node.parameters;
			const wantPath = `/api/${maytapi.productId}/${p.phoneId.value}/sendMessage`;
			const sends = (await fakeRequests(maytapi)).filter((r) => r.method === 'POST' && r.path === wantPath);
			assert(sends.length === 1, `expected one POST ${wantPath}, the fake saw ${sends.length}`);
			const [req] = sends;
			assert(req.headers['x-maytapi-key'] === maytapi.token, 'x-maytapi-key header missing or wrong');
			const b = req.body ?? {};
			assert(
				b.to_number === p.to && b.type === 'text' && b.message === p.text,
				`unexpected sendMessage body ${show(b)}`,
			);
		},

		/** Deliveries go to the URL the trigger registered on its phone (it carries the secret). */
		async deliveryUrl(ctx, workflow) {
			const { maytapi } = ctx.sim;
			const trigger = triggerNode(workflow, 'maytapiTrigger');
			const phoneId = trigger.parameters.phoneId.value;
			const prodUrl = `${ctx.server.url}/webhook/${trigger.webhookId}/webhook`;
			return await n8n.waitFor(
				`the registration of ${prodUrl} on phone ${phoneId}`,
				async () => {
					const registered = (await fakeState(maytapi)).phoneConfig[phoneId]?.webhook;
					return typeof registered === 'string' && registered.startsWith(prodUrl) ? registered : undefined;
				},
				{ timeoutMs: 30_000 },
			);
		},

		async beforeStart(ctx) {
			// A webhook somebody else set before: the trigger must replace it and put it back on deactivation.
			const { maytapi } = ctx.sim;
			const res = await n8n.httpJson('POST', `${maytapi.baseUrl}/${maytapi.productId}/1001/config`, {
				body: { webhook: PREVIOUS_WEBHOOK, ack_delivery: false },
				headers: { 'x-maytapi-key': maytapi.token },
			});
			assert(res.status === 200 && res.json?.success !== false, `could not preset the phone webhook: ${res.text}`);
			await n8n.httpJson('DELETE', `${maytapi.origin}/__fake/requests`);
		},

		async checkTrigger(ctx, workflow) {
			const { maytapi } = ctx.sim;
			const trigger = triggerNode(workflow, 'maytapiTrigger');
			const phoneId = trigger.parameters.phoneId.value;
			const configPath = `/api/${maytapi.productId}/${phoneId}/config`;
			const prodUrl = `${ctx.server.url}/webhook/${trigger.webhookId}/webhook`;
			const reply = workflow.nodes.find((n) => n.name !== trigger.name && n.type === `${PACKAGE}.maytapi`);

			await checkCredentialTest(ctx, 'maytapi', 'maytapiApi', { apiToken: 'wrong-token' });

			const registered = await check(`maytapi: activation registers ${prodUrl}?secret=… on phone ${phoneId}`, async () => {
				const req = await n8n.waitFor(
					`POST ${configPath}`,
					async () =>
						(await fakeRequests(maytapi)).find(
							(r) => r.method === 'POST' && r.path === configPath && String(r.body?.webhook ?? '').startsWith(prodUrl),
						),
					{ timeoutMs: 30_000 },
				);
				const url = new URL(req.body.webhook);
				assert(url.searchParams.get('secret'), `registered URL has no secret: ${req.body.webhook}`);
				const state = await fakeState(maytapi);
				assert(state.phoneConfig[phoneId].webhook === req.body.webhook, `phone config is ${show(state.phoneConfig[phoneId])}`);
				return req.body.webhook;
			});

			await check('maytapi: a delivery without the secret is refused with 4xx', async () => {
				const res = await n8n.httpJson('POST', prodUrl, { body: ctx.maytapiPayload('no secret') });
				assert(res.status >= 400 && res.status < 500, `answered ${res.status} ${res.text}`);
			});

			const text = `Hello from the e2e test ${Date.now()}`;
			const before = Math.max(0, ...(await ctx.api.listExecutions({ workflowId: workflow.id })).map((e) => Number(e.id)));
			await check('maytapi: the fake delivers an incoming message and n8n answers 200 with the delivery summary', async () => {
				const answer = await fakeDeliver(maytapi, { body: ctx.maytapiPayload(text) });
				assert(answer.status === 200, `n8n answered ${answer.status} ${show(answer.body)}`);
				assert(answer.body?.ok === true && answer.body?.accepted === 1, `n8n answered ${show(answer.body)}`);
			});

			await check('maytapi: the trigger execution succeeds with the normalised message', async () => {
				const execution = await successfulExecution(ctx.api, workflow.id, { after: before });
				const items = executionOutput(execution, trigger.name);
				assert(items.length === 1, `trigger emitted ${items.length} items: ${show(items)}`);
				const [item] = items;
				assert(
					String(item.provider).toLowerCase() === 'maytapi' && item.event === 'message' && item.text === text,
					`unexpected trigger item ${show({ ...item, raw: undefined })}`,
				);
				if (reply) {
					const sent = executionOutput(execution, reply.name);
					assert(sent.length === 1 && sent[0].msgId, `"${reply.name}" output: ${show(sent)}`);
				}
			});

			if (reply) {
				await check('maytapi: the workflow replied through the fake', async () => {
					const wantPath = `/api/${maytapi.productId}/${reply.parameters.phoneId.value}/sendMessage`;
					const sends = (await fakeRequests(maytapi)).filter(
						(r) => r.method === 'POST' && r.path === wantPath && r.body?.message === `Echo: ${text}`,
					);
					assert(sends.length === 1, `expected one POST ${wantPath} with "Echo: ${text}", saw ${sends.length}`);
					const b = sends[0].body ?? {};
					assert(b.message === `Echo: ${text}` && String(b.to_number).startsWith('905551112233'), `reply body ${show(b)}`);
				});
			}

			await check('maytapi: deactivation (public API) restores the previous webhook', async () => {
				await ctx.api.deactivate(workflow.id);
				await n8n.waitFor(
					'the previous webhook to be restored',
					async () => (await fakeState(maytapi)).phoneConfig[phoneId].webhook === PREVIOUS_WEBHOOK,
					{ timeoutMs: 30_000 },
				);
			});

			await check('maytapi: the production webhook is gone after deactivation', async () => {
				await n8n.waitFor(
					'404 from the production URL',
					async () => (await n8n.httpJson('POST', registered, { body: ctx.maytapiPayload('late') })).status === 404,
					{ timeoutMs: 15_000, intervalMs: 500 },
				);
			});
		},
	},

	sobot: {
		credentialType: 'sobotApi',
		sendExample: 'sobot-send-text.json',
		triggerExample: 'sobot-trigger-echo.json',

		async checkSend(ctx, workflow, res) {
			const { sobot } = ctx.sim;
			const node = workflow.nodes.find((n) => n.type === `${PACKAGE}.sobot`);
			const out = n8n.nodeOutput(res.runData, node.name);
			assert(out.length >= 1, `"${node.name}" returned no items`);
			const sends = (await fakeRequests(sobot)).filter((r) => r.method === 'POST' && r.path === '/message/');
			assert(sends.length === 1, `expected one POST /message/, the fake saw ${sends.length}`);
			assert(
				sends[0].headers['x-api-key'] === sobot.apiKey && sends[0].headers['x-api-secret'] === sobot.apiSecret,
				'x-api-key / x-api-secret headers missing or wrong',
			);
			const state = await fakeState(sobot);
			assert(state.sent.length === 1, `the fake accepted ${state.sent.length} messages`);
			const p = node.parameters;
			const b = sends[0].body ?? {};
			assert(
				b.customer_number === p.customerNumber && JSON.stringify(b).includes(p.text),
				`unexpected /message/ body ${show(b)}`,
			);
		},

		/** Without an example, the trigger is tested in a minimal workflow: Sobot Trigger → No Operation. */
		defaultTriggerWorkflow() {
			return {
				id: 'e2eSobotTrigger',
				name: 'e2e Sobot trigger',
				active: false,
				settings: { executionOrder: 'v1' },
				nodes: [
					{
						id: '0c1d2e3f-0000-4000-8000-00000000e201',
						name: 'Sobot Trigger',
						type: `${PACKAGE}.sobotTrigger`,
						typeVersion: 1,
						position: [0, 0],
						webhookId: '0c1d2e3f-0000-4000-8000-00000000e2ff',
						parameters: {},
						credentials: { sobotApi: { id: 'sobotSimulator01', name: 'Sobot (simulator)' } },
					},
					{ id: '0c1d2e3f-0000-4000-8000-00000000e202', name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
				],
				connections: { 'Sobot Trigger': { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
			};
		},

		async checkTrigger(ctx, workflow) {
			const { sobot } = ctx.sim;
			const trigger = triggerNode(workflow, 'sobotTrigger');
			const hook = (ctx.nodeTypes.get(`${PACKAGE}.sobotTrigger`)?.webhooks ?? [])[0] ?? { path: 'webhook' };
			const prodUrl = `${ctx.server.url}/webhook/${trigger.webhookId}/${hook.path}`;
			await checkCredentialTest(ctx, 'sobot', 'sobotApi', { apiSecret: 'wrong-secret' });
			const text = `Hi from the e2e test ${Date.now()}`;
			const before = Math.max(0, ...(await ctx.api.listExecutions({ workflowId: workflow.id })).map((e) => Number(e.id)));
			await check(`sobot: a delivery to ${prodUrl} is answered with 2xx and the delivery summary`, async () => {
				const answer = await fakeDeliver(sobot, { body: ctx.sobotPayload(text), url: prodUrl });
				assert(answer.status >= 200 && answer.status < 300, `n8n answered ${answer.status} ${show(answer.body)}`);
				assert(answer.body?.ok === true && answer.body?.accepted === 1, `n8n answered ${show(answer.body)}`);
			});
			await check('sobot: the trigger execution succeeds with the normalised message', async () => {
				const execution = await successfulExecution(ctx.api, workflow.id, { after: before });
				const items = executionOutput(execution, trigger.name);
				assert(items.length === 1, `trigger emitted ${items.length} items: ${show(items)}`);
				const [item] = items;
				assert(
					String(item.provider).toLowerCase() === 'sobot' && item.event === 'message' && item.text === text,
					`unexpected trigger item ${show({ ...item, raw: undefined })}`,
				);
			});
			const reply = workflow.nodes.find((n) => n.name !== trigger.name && n.type === `${PACKAGE}.sobot`);
			if (reply) {
				await check('sobot: the workflow replied through the fake', async () => {
					const sends = (await fakeRequests(sobot)).filter(
						(r) => r.method === 'POST' && r.path === '/message/' && JSON.stringify(r.body ?? {}).includes(`Echo: ${text}`),
					);
					assert(sends.length === 1, `expected one POST /message/ with "Echo: ${text}", saw ${sends.length}`);
					assert(sends[0].body.customer_number === '919960123456', `reply body ${show(sends[0].body)}`);
				});
			}
			await check('sobot: deactivation (public API) removes the production webhook', async () => {
				await ctx.api.deactivate(workflow.id);
				await n8n.waitFor(
					'404 from the production URL',
					async () => (await n8n.httpJson('POST', prodUrl, { body: ctx.sobotPayload('late') })).status === 404,
					{ timeoutMs: 15_000, intervalMs: 500 },
				);
			});
		},
	},
	inbox360: {
		credentialType: 'inbox360Api',
		sendExample: 'inbox360-send-text.json',
		triggerExample: 'inbox360-support-handoff.json',

		async checkSend(ctx, workflow, res) {
			const { inbox360 } = ctx.sim;
			const node = workflow.nodes.find((n) => n.type === `${PACKAGE}.inbox360`);
			const out = n8n.nodeOutput(res.runData, node.name);
			assert(out.length === 1 && out[0].messageId && out[0].queued === true, `"${node.name}" output: ${show(out)}`);
			const sends = (await fakeRequests(inbox360)).filter((r) => r.method === 'POST' && r.path === '/api/v1/messages/');
			assert(sends.length === 1, `expected one POST /api/v1/messages/, the fake saw ${sends.length}`);
			assert(sends[0].headers.authorization === `Token ${inbox360.token}`, 'Authorization: Token header missing or wrong');
			const b = sends[0].body ?? {};
			const p = node.parameters;
			assert(b.wa_id === p.chat.value && b.type === 'text' && b.text?.body === p.text, `unexpected /messages/ body ${show(b)}`);
		},

		/** An incoming text as the inbox posts it (raw WABA `messages` next to `incoming_messages`). */
		deliveryBody(ctx, text) {
			const id = `ABGGE2E${Date.now()}${Math.floor(Math.random() * 1e6)}`;
			const message = { from: '48123123123', id, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: text } };
			return {
				contacts: [{ profile: { name: 'Konrad Tester' }, wa_id: '48123123123' }],
				messages: [message],
				incoming_messages: [{ id, waba_payload: message, customer_wa_id: '48123123123', from_us: false, received: false, tags: [] }],
			};
		},

		/** Deliveries go to the URL the trigger registered as the API user's webhook (it carries the secret). */
		async deliveryUrl(ctx, workflow) {
			const trigger = triggerNode(workflow, 'inbox360Trigger');
			const prodUrl = `${ctx.server.url}/webhook/${trigger.webhookId}/webhook`;
			return await n8n.waitFor(
				`the registration of ${prodUrl}`,
				async () => (await fakeState(ctx.sim.inbox360)).webhooks.map((w) => w.url).find((u) => String(u).startsWith(prodUrl)),
				{ timeoutMs: 30_000 },
			);
		},

		async beforeStart(ctx) {
			// The API user already has a webhook: the trigger must replace it and put it back on deactivation.
			const { inbox360 } = ctx.sim;
			const res = await n8n.httpJson('POST', `${inbox360.origin}/api/v1/webhooks/waba/`, {
				body: { url: PREVIOUS_WEBHOOK, on_incoming_message: true },
				headers: { authorization: `Token ${inbox360.token}` },
			});
			assert(res.status === 201, `could not preset the user's webhook: ${res.status} ${res.text}`);
			await n8n.httpJson('DELETE', `${inbox360.origin}/__fake/requests`);
		},

		/**
		 * The WABA webhook writes the inbox received, oldest first, each { method, path, url } (queue e2e,
		 * checks 1 and 6). PATCH is left out: this inbox refuses it (405) and the trigger then PUTs.
		 */
		async registrations(ctx) {
			const writes = (await fakeRequests(ctx.sim.inbox360)).filter((r) => ['POST', 'PUT', 'DELETE'].includes(r.method) && /\/webhooks\/waba\/(\d+\/)?$/.test(r.path));
			return writes.map((r) => ({ method: r.method, path: r.path, url: r.body?.url }));
		},

		/** The API user's webhooks at the inbox now (one at most), each { url, on_incoming_message }. */
		async webhooks(ctx) {
			const { inbox360 } = ctx.sim;
			const hooks = (await fakeState(inbox360)).webhooks.filter((w) => w.user.id === inbox360.apiUser.id);
			return hooks.map((w) => ({ url: w.url, on_incoming_message: w.on_incoming_message }));
		},

		async checkTrigger(ctx, workflow) {
			const { inbox360 } = ctx.sim;
			const trigger = triggerNode(workflow, 'inbox360Trigger');
			const prodUrl = `${ctx.server.url}/webhook/${trigger.webhookId}/webhook`;
			const credential = (data) => ({ id: 'inbox360Simulator', name: '360dialog Inbox (simulator)', type: 'inbox360Api', data: { baseUrl: inbox360.baseUrl, ...data } });

			await checkCredentialTest(ctx, 'inbox360', 'inbox360Api', { token: 'wrong' });
			await check('inbox360: the Username & Password credential logs in first, and its test passes in n8n', async () => {
				const session = await n8n.login(ctx.server.url, OWNER);
				const login = await session.request('POST', '/rest/credentials/test', {
					credentials: credential({ authentication: 'usernamePassword', username: inbox360.username, password: inbox360.password, sessionToken: '' }),
				});
				assert(login?.status === 'OK', `username/password: ${show(login)}`);
			});

			const registered = await check(`inbox360: activation replaced the API user's webhook with ${prodUrl}?secret=…`, async () => {
				const url = await scenarios.inbox360.deliveryUrl(ctx, workflow);
				assert(new URL(url).searchParams.get('secret'), `registered URL has no secret: ${url}`);
				const hooks = (await fakeState(inbox360)).webhooks;
				assert(hooks.length === 1, `the user has ${hooks.length} webhooks: ${show(hooks)}`);
				return url;
			});

			await check('inbox360: a delivery without the secret is refused with 4xx', async () => {
				const res = await n8n.httpJson('POST', prodUrl, { body: scenarios.inbox360.deliveryBody(ctx, 'no secret') });
				assert(res.status >= 400 && res.status < 500, `answered ${res.status} ${res.text}`);
			});

			const text = `Hello from the e2e test ${Date.now()}`;
			let before = Math.max(0, ...(await ctx.api.listExecutions({ workflowId: workflow.id })).map((e) => Number(e.id)));
			await check('inbox360: the fake delivers an incoming message and n8n answers 200 with the delivery summary', async () => {
				const answer = await fakeDeliver(inbox360, { body: scenarios.inbox360.deliveryBody(ctx, text) });
				assert(answer.status === 200 && answer.body?.ok === true && answer.body?.accepted === 1, `n8n answered ${answer.status} ${show(answer.body)}`);
			});
			await check('inbox360: the execution succeeds and the bot answered through the fake', async () => {
				const execution = await successfulExecution(ctx.api, workflow.id, { after: before });
				const [item] = executionOutput(execution, trigger.name);
				assert(item?.provider === 'inbox360' && item.event === 'message' && item.text === text, `unexpected trigger item ${show({ ...item, raw: undefined })}`);
				const sends = (await fakeRequests(inbox360)).filter((r) => r.method === 'POST' && r.path === '/api/v1/messages/' && String(r.body?.text?.body).includes(text));
				assert(sends.length === 1 && sends[0].body.wa_id === '48123123123', `bot answers: ${show(sends.map((s) => s.body))}`);
			});

			before = Math.max(0, ...(await ctx.api.listExecutions({ workflowId: workflow.id })).map((e) => Number(e.id)));
			await check('inbox360: a chat tagged "Agent needed" is assigned to the Agents group and gets a note', async () => {
				const tagging = {
					chat_tagging: { timestamp: Math.floor(Date.now() / 1000), action: 'added', tag: { id: 5, name: 'Agent needed', web_inbox_color: '#f44336' }, chat: '48123123123', extra: null, done_by: null },
				};
				// Only what this delivery causes: the fuzz sample before may have tagged (and so assigned) too.
				await n8n.httpJson('DELETE', `${inbox360.origin}/__fake/requests`);
				const answer = await fakeDeliver(inbox360, { body: tagging });
				assert(answer.status === 200 && answer.body?.accepted === 1, `n8n answered ${answer.status} ${show(answer.body)}`);
				await successfulExecution(ctx.api, workflow.id, { after: before });
				const requests = await fakeRequests(inbox360);
				const assign = requests.filter((r) => r.method === 'PATCH' && r.path === '/api/v1/chat_assignment/48123123123/');
				assert(assign.length === 1 && assign[0].body?.assigned_group === 23, `assignment requests: ${show(assign.map((r) => r.body))}`);
				const notes = requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/messages/' && /agent/i.test(String(r.body?.text?.body)) && !String(r.body?.text?.body).includes('e2e'));
				assert(notes.length === 1, `notes: ${show(notes.map((r) => r.body))}`);
			});

			await check('inbox360: deactivation (public API) restores the previous webhook', async () => {
				await ctx.api.deactivate(workflow.id);
				await n8n.waitFor('the previous webhook to be restored', async () => {
					const hooks = (await fakeState(inbox360)).webhooks;
					return hooks.length === 1 && hooks[0].url === PREVIOUS_WEBHOOK;
				}, { timeoutMs: 30_000 });
			});

			await check('inbox360: the production webhook is gone after deactivation', async () => {
				await n8n.waitFor(
					'404 from the production URL',
					async () => (await n8n.httpJson('POST', registered, { body: scenarios.inbox360.deliveryBody(ctx, 'late') })).status === 404,
					{ timeoutMs: 15_000, intervalMs: 500 },
				);
			});
		},
	},
};
Object.assign(
	scenarios,
	require('./whatsloop').platformScenarios({ PACKAGE, check, assert, show, checkCredentialTest, fakeRequests, fakeState, fakeDeliver, triggerNode, successfulExecution, executionOutput }),
);

// ---------------------------------------------------------------------------------------------------
// Main

async function main(ctx) {
	const tmp = ctx.tmp;
	const userFolder = path.join(tmp, 'user');
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });

	const ok = await group(async () => {
		await check('npm run build', () => run('npm', ['run', 'build'], { env: n8n.npmEnv() }));
		const tgz = await check('npm pack', async () => {
			const packDir = path.join(tmp, 'pack');
			fs.mkdirSync(packDir);
			const out = await run('npm', ['pack', '--json', '--pack-destination', packDir], { env: n8n.npmEnv() });
			const info = JSON.parse(out.slice(out.indexOf('[')));
			const file = path.join(packDir, info[0].filename);
			const listed = info[0].files.map((f) => f.path);
			const extra = listed.filter((f) => !f.startsWith('dist/') && !/^(package\.json|index\.js|README|LICEN[SC]E|CHANGELOG)/i.test(f));
			assert(!extra.length, `unexpected files in the tarball: ${extra.join(', ')}`);
			return file;
		});
		await check('install the tarball like a community node (npm i --prefix …/.n8n/nodes --omit=peer)', async () => {
			await run('npm', ['i', '--prefix', nodesDir, '--omit=peer', '--no-audit', '--no-fund', tgz], { env: n8n.npmEnv(), cwd: tmp });
			const installed = path.join(nodesDir, 'node_modules', PACKAGE);
			const pkg = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
			for (const f of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
				assert(fs.existsSync(path.join(installed, f)), `installed package lacks ${f}`);
			}
			assert(!fs.existsSync(path.join(nodesDir, 'node_modules', 'n8n-workflow')), 'peer dependency n8n-workflow was installed');
		});
		await check('n8n 2.41.1 is installed (.cache/n8n-host)', async () => {
			n8n.ensureN8n();
		});
	});
	if (!ok) return;

	const pkgJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
	const active = [];
	for (const p of PROVIDERS) {
		const missing = p.files.filter((f) => !fs.existsSync(path.join(root, 'dist', f)));
		if (missing.length) skip(p.provider, `not built yet (${missing.join(', ')} missing in dist/)`);
		else active.push(p);
	}
	for (const p of active) {
		for (const f of p.files) {
			if (!pkgJson.n8n.nodes.includes(`dist/${f}`)) console.log(`# note: dist/${f} is not listed in package.json "n8n".nodes`);
		}
	}

	const [port, cliBroker, serverBroker] = await n8n.freePorts(3);
	const cliEnv = n8n.n8nEnv({ userFolder, port, brokerPort: cliBroker });
	const serverEnv = n8n.n8nEnv({ userFolder, port, brokerPort: serverBroker });

	await group(async () => {
		const types = await check('n8n export:nodes runs', async () => {
			const nodes = await n8n.exportNodes(cliEnv);
			return new Map(nodes.map((d) => [d.name, d]));
		});
		ctx.nodeTypes = types;
		for (const p of active) {
			await check(`${p.provider}: n8n loaded ${p.types.map((t) => `${PACKAGE}.${t}`).join(', ')}`, async () => {
				const missing = p.types.filter((t) => !types.has(`${PACKAGE}.${t}`));
				const ours = [...types.keys()].filter((t) => t.startsWith(`${PACKAGE}.`));
				assert(!missing.length, `missing: ${missing.join(', ')}; loaded from the package: ${ours.join(', ') || 'nothing'}`);
			});
		}
	});
	if (!ctx.nodeTypes) return;
	const loaded = active.filter((p) => p.types.every((t) => ctx.nodeTypes.has(`${PACKAGE}.${t}`)));
	if (!loaded.length) return;

	await group(async () => {
		ctx.sim = await check('start the provider simulator on free ports', async () => {
			const { startSimulator } = require('../fakes/simulator.js');
			return await startSimulator({ maytapiPort: 0, sobotPort: 0, whatsloopPort: 0, inbox360Port: 0, log: process.env.FAKE_LOG === '1' });
		});
	});
	if (!ctx.sim) return;
	const { maytapi, sobot } = ctx.sim;
	ctx.maytapiPayload = (text) => ({
		product_id: maytapi.productId,
		phone_id: 1001,
		type: 'message',
		message: { type: 'text', text, id: `false_905551112233@c.us_3EB0E2E${Date.now()}${Math.floor(Math.random() * 1e6)}`, fromMe: false },
		user: { id: '905551112233@c.us', name: 'Ayse Demir', phone: '905551112233' },
		conversation: '905551112233@c.us',
		conversation_name: 'Ayse Demir',
		receiver: '905301234567',
		timestamp: Math.floor(Date.now() / 1000),
	});
	ctx.sobotPayload = (text) => [
		{
			value: {
				messaging_product: 'whatsapp',
				metadata: { display_phone_number: '918788123456' },
				contacts: [{ profile: { name: 'John Doe' }, wa_id: '919960123456' }],
				messages: [
					{
						from: '919960123456',
						id: `wamid.E2E${Date.now()}${Math.floor(Math.random() * 1e6)}`,
						timestamp: String(Math.floor(Date.now() / 1000)),
						type: 'text',
						text: { body: text },
					},
				],
			},
			field: 'messages',
		},
	];

	// Credentials from examples/simulator-credentials.json, pointed at the simulator's real ports.
	const baseUrls = { maytapiApi: maytapi.baseUrl, sobotApi: sobot.baseUrl, inbox360Api: ctx.sim.inbox360.baseUrl, whatsLoopApi: ctx.sim.whatsloop.baseUrl, letsBotApi: ctx.sim.whatsloop.baseUrl };
	const wanted = new Set(loaded.map((p) => scenarios[p.provider].credentialType));
	const credentials = JSON.parse(fs.readFileSync(path.join(root, 'examples', 'simulator-credentials.json'), 'utf8'))
		.filter((c) => wanted.has(c.type))
		.map((c) => ({ ...c, data: { ...c.data, baseUrl: baseUrls[c.type] ?? c.data.baseUrl } }));
	ctx.credentials = credentials;

	// Workflows: each provider's send example, and its trigger example (or a minimal trigger workflow).
	const sendFlows = [];
	const triggerFlows = [];
	for (const p of loaded) {
		const s = scenarios[p.provider];
		const send = loadExample(s.sendExample);
		if (send) sendFlows.push({ p, s, wf: send });
		else skip(`${p.provider}: send example`, `examples/${s.sendExample} does not exist yet`);
		const trig = loadExample(s.triggerExample) ?? s.defaultTriggerWorkflow?.() ?? null;
		if (trig) triggerFlows.push({ p, s, wf: trig });
		else skip(`${p.provider}: trigger`, `examples/${s.triggerExample} does not exist yet`);
	}

	// Any other example that starts with a Manual Trigger must execute against the simulator too.
	const named = new Set(PROVIDERS.flatMap((p) => [scenarios[p.provider].sendExample, scenarios[p.provider].triggerExample]));
	const loadedTypes = new Set(loaded.flatMap((p) => p.types.map((t) => `${PACKAGE}.${t}`)));
	const extraFlows = [];
	for (const file of fs.readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.json') && !named.has(f)).sort()) {
		const wf = loadExample(file);
		if (!wf || Array.isArray(wf) || !Array.isArray(wf.nodes)) continue;
		if (!wf.nodes.some((n) => n.type === 'n8n-nodes-base.manualTrigger')) continue;
		const missing = wf.nodes.filter((n) => n.type.startsWith(`${PACKAGE}.`) && !loadedTypes.has(n.type)).map((n) => n.type);
		if (missing.length) skip(`example ${file}`, `uses ${[...new Set(missing)].join(', ')}, not built yet`);
		else extraFlows.push({ file, wf });
	}

	const imported = await group(async () => {
		await check(`n8n import:credentials (${credentials.map((c) => c.name).join(', ')})`, () =>
			n8n.importCredentials(cliEnv, credentials),
		);
		const all = [...sendFlows, ...extraFlows, ...triggerFlows].map((f) => f.wf);
		if (all.length) {
			await check(`n8n import:workflow (${all.map((w) => w.id).join(', ')})`, () => n8n.importWorkflow(cliEnv, all));
		}
	});
	if (!imported) return;

	for (const { p, s, wf } of sendFlows) {
		await group(async () => {
			const res = await check(`${p.provider}: n8n execute --id=${wf.id} (examples/${s.sendExample}) succeeds`, async () => {
				const r = await n8n.executeWorkflow(cliEnv, wf.id, { timeoutMs: 120_000 });
				assert(r.ok, `exit ${r.code}, error ${show(r.error?.message ?? r.error)}\n${(r.stdout + r.stderr).slice(-3000)}`);
				return r;
			});
			await check(`${p.provider}: the fake recorded the expected send request`, () => s.checkSend(ctx, wf, res));
		});
	}

	for (const { file, wf } of extraFlows) {
		await group(() =>
			check(`example ${file}: n8n execute --id=${wf.id} succeeds`, async () => {
				const r = await n8n.executeWorkflow(cliEnv, wf.id, { timeoutMs: 120_000 });
				assert(r.ok, `exit ${r.code}, error ${show(r.error?.message ?? r.error)}\n${(r.stdout + r.stderr).slice(-3000)}`);
			}),
		);
	}

	if (!triggerFlows.length) return;
	await group(async () => {
		for (const { p, s, wf } of triggerFlows) {
			await check(`${p.provider}: n8n publish:workflow --id=${wf.id}`, () => n8n.publishWorkflow(cliEnv, wf.id));
			if (s.beforeStart) await check(`${p.provider}: preset a previous webhook in the fake`, () => s.beforeStart(ctx));
		}
		ctx.server = await check('n8n start (ready on /healthz/readiness)', () =>
			n8n.startServer(serverEnv, { logFile: path.join(tmp, 'n8n-server.log') }),
		);
		ctx.api = await check('owner account and public-API key without a UI', async () => {
			const { apiKey } = await n8n.ownerApiKey(ctx.server.url, OWNER, 'e2e');
			const api = n8n.publicApi(ctx.server.url, apiKey);
			for (const { wf } of triggerFlows) {
				const got = await api.getWorkflow(wf.id);
				assert(got.active === true, `workflow ${wf.id} is not active after publish + start`);
			}
			return api;
		});
	});
	if (!ctx.api) return;
	for (const { p, s, wf } of triggerFlows) {
		// Generic for every provider: redelivery dropped, fuzz sample answered 4xx without executions.
		await group(() => checkTriggerReliability({ ctx, p, s, workflow: wf, helpers: { check, assert, show, PACKAGE, root } }));
		await group(() => s.checkTrigger(ctx, wf));
	}
	await group(async () => {
		await check('n8n server log has no errors about the package', async () => {
			const lines = ctx.server.readLog().split('\n');
			const bad = lines.filter((l) => /error/i.test(l) && l.includes(PACKAGE));
			assert(!bad.length, bad.slice(0, 10).join('\n'));
		});
	});
}

async function cleanup(ctx) {
	if (ctx.server) await ctx.server.stop().catch(() => {});
	if (ctx.sim) await ctx.sim.stop().catch(() => {});
	for (const child of started) killTree(child);
	n8n.killAllSync();
	if (process.env.E2E_KEEP === '1') console.log(`# kept ${ctx.tmp}`);
	else fs.rmSync(ctx.tmp, { recursive: true, force: true });
}

/**
 * Runs an e2e script's `main(ctx)` to its end and exits: 0 when every check passed, else 1. The
 * watchdog (`timeoutMs`), SIGINT / SIGTERM and an unexpected error count as failures; the n8n logs'
 * last lines (`logTail`) are printed on any failure; `cleanup(ctx)` always runs (at most `cleanupMs`
 * when the run is cut short), and on exit whatever is still running is killed synchronously
 * (`killSync`, then every child started here and every n8n) and `ctx.tmp` is removed unless E2E_KEEP=1.
 */
function runScript({ title, ctx, main, cleanup, logTail, killSync = () => {}, timeoutMs, cleanupMs = 30_000 }) {
	const t0 = Date.now();
	let finishing = false;
	const finish = () => {
		console.log(`${passed} passed, ${failed} failed`);
		process.exit(failed ? 1 : 0);
	};
	async function shutdown(reason) {
		if (finishing) return;
		finishing = true;
		failed++;
		console.log(`not ok - ${reason}`);
		logTail(ctx);
		await Promise.race([cleanup(ctx), n8n.sleep(cleanupMs)]);
		finish();
	}

	const watchdog = setTimeout(() => shutdown(`the whole run exceeded ${Math.round(timeoutMs / 1000)} s (E2E_TIMEOUT_MS)`), timeoutMs);
	process.on('SIGINT', () => shutdown('interrupted (SIGINT)'));
	process.on('SIGTERM', () => shutdown('terminated (SIGTERM)'));
	process.on('exit', () => {
		// Last resort (an exception in cleanup): kill what is still running, synchronously.
		killSync(ctx);
		for (const child of started) killTree(child);
		n8n.killAllSync();
		if (process.env.E2E_KEEP !== '1') fs.rmSync(ctx.tmp, { recursive: true, force: true });
	});

	main(ctx)
		.catch((error) => {
			failed++;
			console.log('not ok - unexpected error');
			console.log(indent(error.stack ?? error));
		})
		.then(async () => {
			if (finishing) return;
			finishing = true;
			clearTimeout(watchdog);
			if (failed) logTail(ctx);
			await cleanup(ctx);
			console.log(`# ${title} took ${Math.round((Date.now() - t0) / 1000)} s`);
			finish();
		});
}

/** The last lines of each n8n process's log in `ctx` (`names`: the keys holding them). */
function printLogTails(ctx, names, lines) {
	for (const name of names) {
		if (!ctx[name]) continue;
		console.log(`# last lines of the n8n ${name} log:`);
		console.log(indent(ctx[name].readLog().split('\n').slice(-lines).join('\n')));
	}
}

// test/e2e/queue.js reuses the provider table, the scenarios and the helpers; required, this file runs nothing.
module.exports = {
	PROVIDERS, PACKAGE, OWNER, PREVIOUS_WEBHOOK, scenarios, started,
	check, group, skip, assert, show, indent, run, killTree, runScript, printLogTails,
	fakeRequests, fakeState, fakeDeliver, loadExample, triggerNode, successfulExecution, executionOutput,
};
if (require.main !== module) return;

runScript({
	title: 'e2e',
	ctx: { tmp: fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-')) },
	main,
	cleanup,
	logTail: (ctx) => printLogTails(ctx, ['server'], 40),
	timeoutMs: TOTAL_TIMEOUT_MS,
});
