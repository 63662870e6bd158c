'use strict';
// End-to-end test of the package in n8n's queue mode (`npm run test:e2e:queue`; Node 24 via node24.js).
//
// Starts Redis and PostgreSQL on loopback (installed from the Debian packages when missing, see
// scripts/services.js), installs the packed tarball into the user folder of each of three n8n 2.41.1
// processes — one main (`n8n start`), one worker (`n8n worker`), one webhook processor (`n8n webhook`),
// all with EXECUTIONS_MODE=queue, one N8N_ENCRYPTION_KEY and binary data mode `database` — and checks,
// for every provider of test/e2e/run.js's PROVIDERS table:
//   1. activation on the main registers exactly once; restarting the main neither registers again nor
//      changes the registered URL or secret;
//   2. deliveries to the webhook processor run on the worker and succeed; a redelivery through the same
//      or another process is dropped;
//   3. a wrong secret gets 401 from the webhook processor and starts nothing;
//   4. a campaign of 100 sends runs on the worker: 100 messages at the fake, no duplicate, in order;
//   5. a binary-producing operation (QR code) and Download Media work with the `database` binary mode;
//   6. deactivation on the main restores exactly what was registered;
//   7. a worker killed during a campaign: what the fake received and what n8n reports are printed, and
//      no message is sent twice after the worker restarts.
// A provider without a queue scenario below still gets the generic checks, so providers added to
// PROVIDERS are covered: its send example runs on the worker, a 100-send campaign is built from it, its
// trigger answers the webhook processor and leaves it on deactivation, a restart of the main makes no
// call to its fake, and with run.js's deliveryBody/deliveryUrl its deliveries get checks 2 and 3. With
// run.js's registrations/webhooks (the registration writes at its fake, the webhooks it holds) its trigger
// gets checks 1 and 6 exactly: one write of the webhook processor's URL with a secret, none and the same
// URL after the main restarted, and the webhooks set before back (none if none) after deactivation.
//
// Prints `ok - …` / `not ok - …` per check and `N passed, M failed`; exits non-zero on any failure; stops
// everything it started, also on failure or Ctrl+C. E2E_KEEP=1 keeps the temporary folder (logs).

const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const n8n = require('../../scripts/n8n');
const services = require('../../scripts/services');
const e2e = require('./run');

const { PROVIDERS, PACKAGE, OWNER, PREVIOUS_WEBHOOK, scenarios, check, group, skip, assert, show, indent, run, killTree } = e2e;
const { fakeRequests, fakeState, fakeDeliver, loadExample, triggerNode, successfulExecution, executionOutput } = e2e;

const root = path.resolve(__dirname, '..', '..');
const TOTAL_TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS || 20 * 60_000);
const CAMPAIGN_SIZE = 100;
const PREVIOUS_PRODUCT_WEBHOOK = 'http://127.0.0.1:9/previous-product-webhook';
/** How long to watch for a late, unwanted request (a second registration, a redelivered execution). */
const QUIET_MS = 3_000;

// ---------------------------------------------------------------------------------------------------
// Workflow building blocks

const uuid = () => crypto.randomUUID();
const clone = (value) => JSON.parse(JSON.stringify(value));

function webhookNode(name, webhookPath) {
	return {
		id: uuid(),
		name,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: uuid(),
		parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'onReceived', options: {} },
	};
}

function chain(id, name, nodes) {
	const connections = {};
	nodes.forEach((node, i) => {
		node.position = [i * 220, 0];
		if (i > 0) connections[nodes[i - 1].name] = { main: [[{ node: node.name, type: 'main', index: 0 }]] };
	});
	return { id, name, active: false, settings: { executionOrder: 'v1' }, nodes, connections };
}

/** Webhook → Split Out `body.recipients` → `sendNode`: one send per recipient, in order. */
function campaignWorkflow(id, webhookPath, sendNode) {
	const split = {
		id: uuid(),
		name: 'One Item per Recipient',
		type: 'n8n-nodes-base.splitOut',
		typeVersion: 1,
		parameters: { fieldToSplitOut: 'body.recipients', include: 'noOtherFields', options: {} },
	};
	return chain(id, `queue e2e: campaign ${id}`, [webhookNode('Campaign Webhook', webhookPath), split, { ...sendNode, id: uuid(), name: 'Send' }]);
}

/** A copy of an example's node of `type`, with parameters overridden. */
function nodeFrom(workflow, type, parameters) {
	const node = workflow?.nodes.find((n) => n.type === `${PACKAGE}.${type}`);
	assert(node, `no ${type} node in the example`);
	return { ...clone(node), parameters: { ...clone(node.parameters), ...parameters } };
}

/** A workflow's copy with a new id (so it never collides with run.js's imports) and its webhook ids renewed. */
function copyWorkflow(workflow, id) {
	const copy = clone(workflow);
	copy.id = id;
	copy.name = `queue e2e: ${workflow.name}`;
	copy.active = false;
	for (const node of copy.nodes) if (node.webhookId) node.webhookId = uuid();
	return copy;
}

const webhookUrlOf = (base, node) => `${base}/webhook/${node.webhookId}/webhook`;
const pad = (i) => String(i).padStart(3, '0');

// ---------------------------------------------------------------------------------------------------
// Provider scenarios in queue mode

const MAYTAPI_FROM = { id: '905551112233@c.us', name: 'Ayse Demir', phone: '905551112233' };

function maytapiMessage(ctx, { text, messageId, phoneId = 1001, media }) {
	const { maytapi } = ctx.sim;
	return {
		product_id: maytapi.productId,
		phone_id: phoneId,
		type: 'message',
		message: media
			? { type: 'image', url: media, mime: 'image/png', caption: text, filename: 'queue-photo.png', id: messageId, fromMe: false }
			: { type: 'text', text, id: messageId, fromMe: false },
		user: MAYTAPI_FROM,
		conversation: MAYTAPI_FROM.id,
		conversation_name: MAYTAPI_FROM.name,
		receiver: '905301234567',
		timestamp: Math.floor(Date.now() / 1000),
	};
}

function sobotMessage(text, messageId) {
	return [
		{
			value: {
				messaging_product: 'whatsapp',
				metadata: { display_phone_number: '918788123456' },
				contacts: [{ profile: { name: 'John Doe' }, wa_id: '919960123456' }],
				messages: [{ from: '919960123456', id: messageId, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: text } }],
			},
			field: 'messages',
		},
	];
}

const isRegistrationWrite = (r) => r.method === 'POST' && /\/(config|setWebhook)$/.test(r.path);

/**
 * Per provider: `workflows(ctx)` adds workflows to import and publish; `triggers` are checked by the
 * shared trigger checks (deliver, redeliver, wrong secret, deactivate); `campaign` sends; `extraChecks`.
 */
const queueScenarios = {
	maytapi: {
		workflows(ctx) {
			const echo = copyWorkflow(loadExample(scenarios.maytapi.triggerExample), 'qMaytapiEcho');
			// Product-wide trigger with Download Media → the worker sends the downloaded file back.
			const mediaTrigger = {
				...clone(triggerNode(echo, 'maytapiTrigger')),
				id: uuid(),
				name: 'Maytapi Trigger',
				webhookId: uuid(),
				parameters: { registration: 'product', events: ['message'], options: { downloadMedia: true } },
			};
			const sendBack = nodeFrom(echo, 'maytapi', {
				operation: 'sendMedia',
				to: '={{ $json.chatId }}',
				source: 'binary',
				binaryPropertyName: 'data',
				options: { caption: '=Back: {{ $json.text }}' },
			});
			delete sendBack.parameters.text;
			const media = chain('qMaytapiMedia', 'queue e2e: Maytapi download media', [mediaTrigger, { ...sendBack, id: uuid(), name: 'Send Back' }]);
			const send = loadExample(scenarios.maytapi.sendExample);
			// One after another (so the fake must see them in item order), 20 ms apart instead of Maytapi's ≈1 s.
			const sending = { concurrency: 1, delay: 0.02, jitter: 0, maxPerMinute: 0 };
			const campaignSend = nodeFrom(send, 'maytapi', { to: '={{ $json.to }}', text: '={{ $json.text }}', sending });
			const qr = chain('qMaytapiQr', 'queue e2e: Maytapi QR code', [
				webhookNode('QR Webhook', 'queue-maytapi-qr'),
				{ ...nodeFrom(send, 'maytapi', { resource: 'phone', operation: 'getQrCode', phoneId: { __rl: true, mode: 'id', value: '1002' }, binaryPropertyName: 'data' }), id: uuid(), name: 'QR Code' },
				{ ...sendBack, parameters: { ...sendBack.parameters, to: MAYTAPI_FROM.phone, options: { caption: 'qr' } }, id: uuid(), name: 'Send QR' },
			]);
			for (const node of qr.nodes) if (node.name === 'QR Code') delete node.parameters.text;
			ctx.maytapiWf = { echo, media, qr, campaign: campaignWorkflow('qMaytapiCampaign', 'queue-maytapi-campaign', campaignSend) };
			return Object.values(ctx.maytapiWf);
		},

		async beforeStart(ctx) {
			const { maytapi } = ctx.sim;
			const call = (p, body) =>
				n8n.httpJson('POST', `${maytapi.baseUrl}/${maytapi.productId}${p}`, { body, headers: { 'x-maytapi-key': maytapi.token } });
			const phone = await call('/1001/config', { webhook: PREVIOUS_WEBHOOK, ack_delivery: false });
			const product = await call('/setWebhook', { webhook: PREVIOUS_PRODUCT_WEBHOOK });
			assert(phone.status === 200 && product.status === 200, `could not preset webhooks: ${phone.text} ${product.text}`);
			await n8n.httpJson('DELETE', `${maytapi.origin}/__fake/requests`);
		},

		triggers(ctx) {
			const { maytapi } = ctx.sim;
			const { echo } = ctx.maytapiWf;
			return [
				{
					label: 'maytapi (phone webhook)',
					workflow: echo,
					node: triggerNode(echo, 'maytapiTrigger'),
					registers: true,
					registeredUrl: async () => (await fakeState(maytapi)).phoneConfig['1001'].webhook,
					payload: (text, messageId) => maytapiMessage(ctx, { text, messageId }),
					deliver: async (body) => fakeDeliver(maytapi, { body }),
					async replied(text) {
						const sends = (await fakeState(maytapi)).sent.filter((s) => s.body?.message === `Echo: ${text}`);
						return sends.length;
					},
					previous: async () => (await fakeState(maytapi)).phoneConfig['1001'].webhook === PREVIOUS_WEBHOOK,
				},
			];
		},

		async registrationChecks(ctx) {
			const { maytapi } = ctx.sim;
			const base = ctx.webhookBase;
			await check('maytapi: activation on the main registers once per target (phone 1001 and product), with a secret, at the webhook processor', async () => {
				const writes = await n8n.waitFor(
					'both registrations',
					async () => {
						const w = (await fakeRequests(maytapi)).filter(isRegistrationWrite);
						return w.some((r) => r.path.endsWith('/1001/config')) && w.some((r) => r.path.endsWith('/setWebhook')) ? w : null;
					},
					{ timeoutMs: 30_000 },
				);
				await n8n.sleep(QUIET_MS);
				const all = (await fakeRequests(maytapi)).filter(isRegistrationWrite);
				assert(all.length === 2, `expected 2 registration writes, saw ${all.length}: ${show(all.map((r) => [r.path, r.body]))}`);
				const state = await fakeState(maytapi);
				for (const url of [state.phoneConfig['1001'].webhook, state.product.webhook]) {
					assert(url.startsWith(`${base}/webhook/`), `registered ${url}, not the webhook processor's ${base}`);
					assert(new URL(url).searchParams.get('secret'), `registered URL has no secret: ${url}`);
				}
				ctx.maytapiRegistered = { phone: state.phoneConfig['1001'].webhook, product: state.product.webhook, writes: writes.length };
			});
		},

		async restartChecks(ctx) {
			const { maytapi } = ctx.sim;
			await check('maytapi: after the main restarted, no registration call and the same URLs and secrets', async () => {
				const writes = (await fakeRequests(maytapi)).filter(isRegistrationWrite);
				assert(writes.length === 2, `registration writes: ${writes.length} (2 before the restart): ${show(writes.slice(2).map((r) => [r.path, r.body]))}`);
				const state = await fakeState(maytapi);
				assert(state.phoneConfig['1001'].webhook === ctx.maytapiRegistered.phone, `phone webhook changed to ${state.phoneConfig['1001'].webhook}`);
				assert(state.product.webhook === ctx.maytapiRegistered.product, `product webhook changed to ${state.product.webhook}`);
			});
		},

		async deactivationChecks(ctx) {
			const { maytapi } = ctx.sim;
			await check('maytapi: deactivating on the main restores exactly the phone and product webhooks set before', async () => {
				await n8n.httpJson('DELETE', `${maytapi.origin}/__fake/requests`);
				await ctx.api.deactivate(ctx.maytapiWf.echo.id);
				await ctx.api.deactivate(ctx.maytapiWf.media.id);
				await n8n.waitFor(
					'both webhooks restored',
					async () => {
						const s = await fakeState(maytapi);
						return s.phoneConfig['1001'].webhook === PREVIOUS_WEBHOOK && s.product.webhook === PREVIOUS_PRODUCT_WEBHOOK;
					},
					{ timeoutMs: 30_000 },
				);
				await n8n.sleep(QUIET_MS);
				const writes = (await fakeRequests(maytapi)).filter(isRegistrationWrite);
				const targets = writes.map((r) => r.path.replace(`/api/${maytapi.productId}`, '')).sort();
				assert(show(targets) === show(['/1001/config', '/setWebhook']), `writes on deactivation: ${show(writes.map((r) => [r.path, r.body]))}`);
				const state = await fakeState(maytapi);
				const others = Object.entries(state.phoneConfig).filter(([id, c]) => id !== '1001' && c.webhook);
				assert(!others.length, `other phones got a webhook: ${show(others)}`);
			});
			await check('maytapi: the webhook processor answers 404 for the deactivated URLs', async () => {
				for (const url of [ctx.maytapiRegistered.phone, ctx.maytapiRegistered.product]) {
					await n8n.waitFor(`404 from ${url}`, async () => (await n8n.httpJson('POST', url, { body: {} })).status === 404, { timeoutMs: 15_000, intervalMs: 500 });
				}
			});
		},

		campaign(ctx) {
			const { maytapi } = ctx.sim;
			return {
				workflow: ctx.maytapiWf.campaign,
				inOrderAtFake: true,
				recipient: (i) => `9055500${pad(i)}0`,
				sentTexts: async (tag) => (await fakeState(maytapi)).sent.filter((s) => String(s.body?.message ?? '').includes(tag)).map((s) => s.body.message),
			};
		},

		async extraChecks(ctx) {
			const { maytapi } = ctx.sim;
			const { PNG } = require('../fakes/maytapi');
			const pngDataUri = (s) => String(s.body?.message ?? '').replace(/^data:[^;]+;base64,/, '');
			await check('maytapi: Get QR Code → Send Media (binary) runs on the worker with binary data in the database', async () => {
				const wf = ctx.maytapiWf.qr;
				const before = await lastExecutionId(ctx.api, wf.id);
				const res = await n8n.httpJson('POST', `${ctx.webhookBase}/webhook/queue-maytapi-qr`, { body: {} });
				assert(res.status === 200, `webhook answered ${res.status} ${res.text}`);
				const execution = await successfulExecution(ctx.api, wf.id, { after: before, timeoutMs: 60_000 });
				await ranOnWorker(ctx, execution.id);
				const qr = execution.data.resultData.runData['QR Code'][0].data.main[0][0];
				assert(String(qr.binary?.data?.id ?? '').startsWith('database:'), `QR binary is not in the database store: ${show(qr.binary?.data)}`);
				const sent = (await fakeState(maytapi)).sent.filter((s) => s.body?.type === 'media' && s.body?.text === 'qr');
				assert(sent.length === 1, `expected one media send captioned "qr", saw ${sent.length}`);
				assert(Buffer.from(pngDataUri(sent[0]), 'base64').equals(PNG), 'the sent file is not the QR image the fake served');
			});
			await check('maytapi: Download Media on the webhook processor, file sent back by the worker (binary data in the database)', async () => {
				const wf = ctx.maytapiWf.media;
				const before = await lastExecutionId(ctx.api, wf.id);
				const text = `photo ${Date.now()}`;
				const body = maytapiMessage(ctx, { text, messageId: `false_${MAYTAPI_FROM.id}_MEDIA${Date.now()}`, phoneId: 1002, media: `${maytapi.origin}/cdn/queue-photo.png` });
				const answer = await fakeDeliver(maytapi, { body });
				assert(answer.status === 200 && answer.body?.accepted === 1, `n8n answered ${answer.status} ${show(answer.body)}`);
				const execution = await successfulExecution(ctx.api, wf.id, { after: before, timeoutMs: 60_000 });
				await ranOnWorker(ctx, execution.id);
				const [item] = execution.data.resultData.runData['Maytapi Trigger'][0].data.main[0];
				assert(String(item.binary?.data?.id ?? '').startsWith('database:'), `downloaded media is not in the database store: ${show(item.binary)}`);
				const sent = (await fakeState(maytapi)).sent.filter((s) => s.body?.type === 'media' && s.body?.text === `Back: ${text}`);
				assert(sent.length === 1, `expected one media send "Back: ${text}", saw ${sent.length}`);
				assert(Buffer.from(pngDataUri(sent[0]), 'base64').equals(PNG), 'the file sent back is not the downloaded image');
			});
		},

		/** Check 7: the fake answers slowly so that the worker can be killed in the middle of a campaign. */
		async killChecks(ctx) {
			const { maytapi } = ctx.sim;
			const campaign = queueScenarios.maytapi.campaign(ctx);
			const tag = `kill-${Date.now()}`;
			const wf = campaign.workflow;
			const before = await lastExecutionId(ctx.api, wf.id);
			maytapi.setLatency(100); // slow enough to kill the worker in the middle, with a request in flight
			let report;
			try {
				await check('maytapi: worker killed (SIGKILL) in the middle of a 100-send campaign', async () => {
					await postCampaign(ctx, wf, campaign, tag);
					await n8n.waitFor('25 sends', async () => (await campaign.sentTexts(tag)).length >= 25, { timeoutMs: 60_000, intervalMs: 20 });
					process.kill(-ctx.worker.child.pid, 'SIGKILL');
					await ctx.worker.stop();
					report = { atKill: (await campaign.sentTexts(tag)).length };
					await n8n.sleep(1_000);
					report.afterKill = (await campaign.sentTexts(tag)).length;
				});
			} finally {
				maytapi.setLatency(0);
			}
			if (!report) return;
			ctx.worker = await check('restart the worker', () => startProcess(ctx, 'worker'));
			await check('maytapi: after the worker restarted, no campaign message was sent twice (what the fake and n8n report is printed)', async () => {
				const executions = await ctx.api.listExecutions({ workflowId: wf.id });
				const mine = executions.filter((e) => Number(e.id) > before);
				assert(mine.length === 1, `expected one execution of the campaign, found ${mine.length}: ${show(mine)}`);
				const settled = await n8n
					.waitFor(
						'the execution to leave "running"',
						async () => {
							const e = (await ctx.api.listExecutions({ workflowId: wf.id })).find((x) => x.id === mine[0].id);
							return e && !['running', 'new', 'waiting'].includes(e.status) ? e : null;
						},
						{ timeoutMs: 45_000, intervalMs: 1000 },
					)
					.catch(() => null);
				const execution = await ctx.api.getExecution(mine[0].id, true);
				await n8n.sleep(QUIET_MS);
				const texts = await campaign.sentTexts(tag);
				const dupes = texts.filter((t, i) => texts.indexOf(t) !== i);
				const error = execution?.data?.resultData?.error;
				console.log(
					indent(
						[
							`the fake had ${report.atKill} campaign messages when the worker was killed, ${report.afterKill} one second later (requests in flight), ${texts.length} of ${CAMPAIGN_SIZE} in the end`,
							`n8n reports execution ${mine[0].id}: status "${settled?.status ?? execution?.status}"${settled ? '' : ' (still not settled after 45 s)'}, finished ${execution?.finished}` +
								(error ? `, error: ${error.message ?? show(error)}` : ''),
						].join('\n'),
					),
				);
				assert(!dupes.length, `sent twice: ${show([...new Set(dupes)])}`);
				assert(texts.length >= report.afterKill, 'the fake lost messages');
				if ((settled?.status ?? execution?.status) === 'success') {
					assert(texts.length === CAMPAIGN_SIZE, `n8n reports success but the fake received ${texts.length} of ${CAMPAIGN_SIZE}`);
				}
			});
		},
	},

	sobot: {
		workflows(ctx) {
			const echo = copyWorkflow(loadExample(scenarios.sobot.triggerExample) ?? scenarios.sobot.defaultTriggerWorkflow(), 'qSobotEcho');
			const trigger = triggerNode(echo, 'sobotTrigger');
			ctx.sobotSecret = crypto.randomBytes(12).toString('hex');
			trigger.parameters.options = { ...(trigger.parameters.options ?? {}), secret: ctx.sobotSecret };
			// Five in flight at once: the fake may see them in any order, n8n's output must keep item order.
			const sending = { concurrency: 5, delay: 0, jitter: 0, maxPerMinute: 0 };
			const send = nodeFrom(loadExample(scenarios.sobot.sendExample), 'sobot', { customerNumber: '={{ $json.to }}', text: '={{ $json.text }}', sending });
			ctx.sobotWf = { echo, campaign: campaignWorkflow('qSobotCampaign', 'queue-sobot-campaign', send) };
			return Object.values(ctx.sobotWf);
		},

		triggers(ctx) {
			const { sobot } = ctx.sim;
			const { echo } = ctx.sobotWf;
			const node = triggerNode(echo, 'sobotTrigger');
			const url = `${webhookUrlOf(ctx.webhookBase, node)}?secret=${ctx.sobotSecret}`;
			return [
				{
					label: 'sobot (URL set by hand, with a secret)',
					workflow: echo,
					node,
					registers: false,
					registeredUrl: async () => url,
					payload: (text, messageId) => sobotMessage(text, messageId),
					deliver: async (body) => fakeDeliver(sobot, { body, url }),
					async replied(text) {
						return (await fakeState(sobot)).sent.filter((s) => JSON.stringify(s.body).includes(`Echo: ${text}`)).length;
					},
				},
			];
		},

		async registrationChecks(ctx) {
			await check('sobot: activation on the main makes no call to Sobot (manual webhook)', async () => {
				await n8n.sleep(QUIET_MS);
				const calls = await fakeRequests(ctx.sim.sobot);
				assert(!calls.length, `Sobot got ${show(calls.map((r) => `${r.method} ${r.path}`))}`);
			});
		},

		campaign(ctx) {
			const { sobot } = ctx.sim;
			return {
				workflow: ctx.sobotWf.campaign,
				inOrderAtFake: false,
				recipient: (i) => `91996020${pad(i)}`,
				sentTexts: async (tag) => (await fakeState(sobot)).sent.map((s) => stringWith(s.body, tag)).filter(Boolean),
			};
		},
	},
};

// ---------------------------------------------------------------------------------------------------
// Helpers

/** The first string inside `value` (any depth) that contains `part`. */
function stringWith(value, part) {
	if (typeof value === 'string') return value.includes(part) ? value : undefined;
	if (value && typeof value === 'object') {
		for (const v of Object.values(value)) {
			const found = stringWith(v, part);
			if (found) return found;
		}
	}
	return undefined;
}

/**
 * n8n 2.41 activates through a publication outbox that the main polls: the public API answers before
 * the webhooks exist. Waits until the workflow's webhook rows are in the database.
 */
async function published(ctx, workflowIds) {
	const list = workflowIds.map((id) => `'${id.replace(/'/g, "''")}'`).join(',');
	const sql = `SELECT count(DISTINCT "workflowId") FROM webhook_entity WHERE "workflowId" IN (${list})`;
	await n8n.waitFor(`webhooks of ${workflowIds.join(', ')} in webhook_entity`, async () => Number(services.psql(ctx.pg, sql)) === workflowIds.length, {
		timeoutMs: 60_000,
		intervalMs: 300,
	});
}

async function lastExecutionId(api, workflowId) {
	return Math.max(0, ...(await api.listExecutions({ workflowId })).map((e) => Number(e.id)));
}

/** The worker's log names the execution, the main's and webhook processor's do not. */
async function ranOnWorker(ctx, executionId) {
	const line = `Worker started execution ${executionId} (`;
	await n8n.waitFor(`"${line}" in the worker log`, async () => ctx.worker.readLog().includes(line), { timeoutMs: 10_000 });
	for (const [name, proc] of [['main', ctx.main], ['webhook processor', ctx.webhook]]) {
		assert(!proc.readLog().includes(line), `the ${name} ran execution ${executionId}`);
	}
}

async function postCampaign(ctx, wf, campaign, tag) {
	const recipients = Array.from({ length: CAMPAIGN_SIZE }, (_, i) => ({ to: campaign.recipient(i), text: `queue ${tag} #${pad(i)}` }));
	const hook = wf.nodes.find((n) => n.type === 'n8n-nodes-base.webhook');
	const res = await n8n.httpJson('POST', `${ctx.webhookBase}/webhook/${hook.parameters.path}`, { body: { recipients } });
	assert(res.status === 200, `the campaign webhook answered ${res.status} ${res.text}`);
	return recipients.map((r) => r.text);
}

async function countExecutions(api, workflowId, after) {
	return (await api.listExecutions({ workflowId })).filter((e) => Number(e.id) > after).length;
}

/** Checks 2 and 3 for one trigger: delivery on the worker, redeliveries dropped, wrong secret refused. */
async function triggerChecks(ctx, t) {
	const id = `QUEUE${Date.now()}${Math.floor(Math.random() * 1e6)}`;
	const text = `queue delivery ${id}`;
	const body = t.payload(text, id);
	const registered = await t.registeredUrl();
	const wf = t.workflow;
	let before = await lastExecutionId(ctx.api, wf.id);
	await check(`${t.label}: a delivery to the webhook processor runs on the worker and succeeds`, async () => {
		const answer = await t.deliver(body);
		assert(answer.status === 200 && answer.body?.accepted === 1, `the webhook processor answered ${answer.status} ${show(answer.body)}`);
		const execution = await successfulExecution(ctx.api, wf.id, { after: before, timeoutMs: 60_000 });
		const items = executionOutput(execution, t.node.name);
		assert(items.length === 1 && items[0].text === text, `trigger items ${show(items.map((i) => ({ ...i, raw: undefined })))}`);
		await ranOnWorker(ctx, execution.id);
		if (t.replied) await n8n.waitFor('the echo at the fake', async () => (await t.replied(text)) === 1, { timeoutMs: 10_000 });
		before = Number(execution.id);
	});
	await check(`${t.label}: the same delivery again through the webhook processor is dropped`, async () => {
		const answer = await t.deliver(body);
		assert(answer.status === 200 && answer.body?.accepted === 0 && answer.body?.duplicates === 1, `answered ${answer.status} ${show(answer.body)}`);
		await n8n.sleep(QUIET_MS);
		assert((await countExecutions(ctx.api, wf.id, before)) === 0, 'a redelivery started an execution');
	});
	await check(`${t.label}: the same delivery through another process (the main's production URL) is dropped`, async () => {
		const viaMain = registered.replace(ctx.webhookBase, ctx.main.url);
		const answer = await n8n.httpJson('POST', viaMain, { body });
		assert(answer.status === 200 && answer.json?.accepted === 0 && answer.json?.duplicates === 1, `the main answered ${answer.status} ${answer.text}`);
		await n8n.sleep(QUIET_MS);
		assert((await countExecutions(ctx.api, wf.id, before)) === 0, 'the redelivery through the main started an execution');
		if (t.replied) assert((await t.replied(text)) === 1, 'the echo was sent again');
	});
	if (!new URL(registered).searchParams.has('secret')) return;
	await check(`${t.label}: a wrong secret gets 401 from the webhook processor and starts nothing`, async () => {
		const wrong = new URL(registered);
		wrong.searchParams.set('secret', 'wrong-secret');
		const fresh = t.payload(`wrong secret ${id}`, `${id}W`);
		const res = await n8n.httpJson('POST', wrong.toString(), { body: fresh });
		assert(res.status === 401, `answered ${res.status} ${res.text}`);
		const missing = new URL(registered);
		missing.searchParams.delete('secret');
		const res2 = await n8n.httpJson('POST', missing.toString(), { body: fresh });
		assert(res2.status === 401, `without a secret: answered ${res2.status} ${res2.text}`);
		await n8n.sleep(QUIET_MS);
		assert((await countExecutions(ctx.api, wf.id, before)) === 0, 'a refused delivery started an execution');
	});
}

/** Check 4 for one provider. */
async function campaignCheck(ctx, provider, campaign) {
	const tag = `c${Date.now()}`;
	const how = campaign.inOrderAtFake ? 'one at a time, in item order at the fake' : 'several in flight, output in item order';
	await check(`${provider}: a campaign of ${CAMPAIGN_SIZE} sends (Sending options: ${how}) runs on the worker: ${CAMPAIGN_SIZE} messages at the fake, no duplicate`, async () => {
		const wf = campaign.workflow;
		const before = await lastExecutionId(ctx.api, wf.id);
		const expected = await postCampaign(ctx, wf, campaign, tag);
		const execution = await successfulExecution(ctx.api, wf.id, { after: before, timeoutMs: 120_000 });
		await ranOnWorker(ctx, execution.id);
		const out = execution.data.resultData.runData.Send?.[0]?.data?.main?.[0] ?? [];
		const order = out.map((item) => {
			const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
			return typeof paired === 'number' ? paired : paired?.item;
		});
		assert(show(order) === show(expected.map((_, i) => i)), `"Send" output is not in item order: ${show(order.slice(0, 10))} …`);
		const texts = await campaign.sentTexts(tag);
		assert(texts.length === CAMPAIGN_SIZE, `the fake received ${texts.length} campaign messages`);
		assert(new Set(texts).size === CAMPAIGN_SIZE, 'a campaign message was sent twice');
		if (campaign.inOrderAtFake) assert(show(texts) === show(expected), `order at the fake differs: ${show(texts.slice(0, 5))} …`);
		else assert(show([...texts].sort()) === show(expected), 'the fake received other messages than the campaign');
	});
}

/** Generic checks for a provider without a queue scenario: its send example on the worker, its trigger answering. */
async function genericChecks(ctx, p, wfs) {
	const s = scenarios[p.provider] ?? {};
	const ids = [wfs.send, wfs.trigger, wfs.campaign].filter(Boolean).map((wf) => wf.id);
	if (wfs.trigger && s.beforeStart && ctx.sim[p.provider]) {
		await check(`${p.provider}: preset the webhook set before (run.js's beforeStart)`, () => s.beforeStart(ctx));
	}
	// Checks 1 and 6 for a trigger whose run.js scenario reads its registrations at the fake.
	const exact = wfs.trigger && s.registrations && s.webhooks && ctx.sim[p.provider];
	const writesBefore = exact ? (await s.registrations(ctx)).length : 0;
	if (exact) ctx.registered.set(p.provider, { before: await s.webhooks(ctx), node: wfs.trigger.nodes.find((n) => n.type.startsWith(`${PACKAGE}.`) && n.webhookId) });
	await check(`${p.provider}: activate on the main (public API): ${ids.join(', ')}`, async () => {
		for (const id of ids) await ctx.api.activate(id);
		await published(ctx, ids);
	});
	if (exact) await group(() => registeredOnce(ctx, p.provider, writesBefore));
	if (wfs.send) {
		await check(`${p.provider}: its send example (started by a webhook) runs on the worker`, async () => {
			const before = await lastExecutionId(ctx.api, wfs.send.id);
			const hook = wfs.send.nodes.find((n) => n.type === 'n8n-nodes-base.webhook');
			const res = await n8n.httpJson('POST', `${ctx.webhookBase}/webhook/${hook.parameters.path}`, { body: {} });
			assert(res.status === 200, `answered ${res.status} ${res.text}`);
			const execution = await successfulExecution(ctx.api, wfs.send.id, { after: before, timeoutMs: 60_000 });
			await ranOnWorker(ctx, execution.id);
		});
	}
	if (wfs.trigger) {
		await check(`${p.provider}: its trigger answers the webhook processor (a body that is not a delivery → 4xx, not 404)`, async () => {
			const node = wfs.trigger.nodes.find((n) => n.type.startsWith(`${PACKAGE}.`) && n.webhookId);
			const res = await n8n.httpJson('POST', webhookUrlOf(ctx.webhookBase, node), { body: { not: 'a delivery' } });
			assert(res.status >= 400 && res.status < 500 && res.status !== 404, `answered ${res.status} ${res.text}`);
		});
	}
	// With run.js's deliveryBody/deliveryUrl, the trigger gets checks 2 and 3 as well.
	if (wfs.trigger && s.deliveryBody && s.deliveryUrl) {
		const url = await check(`${p.provider}: activation on the main registered the webhook processor's URL`, () =>
			s.deliveryUrl({ ...ctx, server: { url: ctx.webhookBase } }, wfs.trigger),
		);
		await triggerChecks(ctx, {
			label: p.provider,
			workflow: wfs.trigger,
			node: wfs.trigger.nodes.find((n) => n.type.startsWith(`${PACKAGE}.`) && n.webhookId),
			registeredUrl: async () => url,
			payload: (text) => s.deliveryBody(ctx, text),
			async deliver(body) {
				const res = await n8n.httpJson('POST', url, { body });
				return { status: res.status, body: res.json };
			},
		});
	}
	// Check 4, from the send example.
	const fake = ctx.sim[p.provider];
	if (wfs.campaign && fake) {
		await campaignCheck(ctx, p.provider, {
			workflow: wfs.campaign,
			inOrderAtFake: true,
			recipient: () => undefined,
			sentTexts: async (tag) => (await fakeRequests(fake)).map((r) => stringWith(r.body, tag)).filter(Boolean),
		});
	}
}

/**
 * Check 1 (first half) for a provider with run.js's `registrations`/`webhooks`: activation wrote exactly
 * one registration, the webhook processor's URL with a secret, and the fake now holds it.
 */
async function registeredOnce(ctx, provider, writesBefore) {
	const s = scenarios[provider];
	const reg = ctx.registered.get(provider);
	const prodUrl = webhookUrlOf(ctx.webhookBase, reg.node);
	await check(`${provider}: activation on the main registers exactly once at the fake: the webhook processor's URL with a secret`, async () => {
		await n8n.waitFor('a registration write', async () => (await s.registrations(ctx)).length > writesBefore, { timeoutMs: 30_000 });
		await n8n.sleep(QUIET_MS);
		const writes = (await s.registrations(ctx)).slice(writesBefore);
		assert(writes.length === 1, `expected 1 registration write, saw ${writes.length}: ${show(writes)}`);
		const [write] = writes;
		assert(String(write.url).startsWith(`${prodUrl}?`), `registered ${write.url}, not the webhook processor's ${prodUrl}`);
		assert(new URL(write.url).searchParams.get('secret'), `registered URL has no secret: ${write.url}`);
		const hooks = await s.webhooks(ctx);
		assert(hooks.filter((h) => h.url === write.url).length === 1, `the fake does not hold the registered URL once: ${show(hooks)}`);
		Object.assign(reg, { url: write.url, writes: writesBefore + 1 });
	});
}

/** Check 1 (second half): after the main restarted, no new registration write, the same URL and secret. */
async function stillRegistered(ctx, provider) {
	const s = scenarios[provider];
	const reg = ctx.registered.get(provider);
	if (!reg.url) return skip(`${provider}: registration after the main restarted`, 'activation did not register once');
	await check(`${provider}: after the main restarted, no new registration write and the same registered URL and secret`, async () => {
		const writes = await s.registrations(ctx);
		assert(writes.length === reg.writes, `registration writes: ${writes.length} (${reg.writes} before the restart): ${show(writes.slice(reg.writes))}`);
		const hooks = await s.webhooks(ctx);
		assert(hooks.some((h) => h.url === reg.url), `the registered ${reg.url} is gone or changed: ${show(hooks)}`);
	});
}

/**
 * Check 6 for a provider with run.js's `registrations`/`webhooks`, after its trigger was deactivated:
 * the webhooks at the fake are exactly those set before activation (none when none was), and the only
 * write undid the registration (our webhook deleted, or a URL set before written back).
 */
async function unregisteredExactly(ctx, provider, writesBefore) {
	const s = scenarios[provider];
	const reg = ctx.registered.get(provider);
	const what = reg.before.length ? `restores exactly the webhook set before (${reg.before.map((h) => h.url).join(', ')})` : 'leaves no webhook, as before';
	await check(`${provider}: deactivating on the main ${what}, with one write`, async () => {
		await n8n.waitFor('the webhooks set before', async () => show(await s.webhooks(ctx)) === show(reg.before), { timeoutMs: 15_000 }).catch(() => {});
		await n8n.sleep(QUIET_MS);
		const hooks = await s.webhooks(ctx);
		assert(show(hooks) === show(reg.before), `webhooks at the fake: ${show(hooks)}, before activation: ${show(reg.before)}`);
		const writes = (await s.registrations(ctx)).slice(writesBefore);
		assert(writes.length === 1, `expected 1 write on deactivation, saw ${writes.length}: ${show(writes)}`);
		const [write] = writes;
		const undoes = write.method === 'DELETE' ? !reg.before.length : reg.before.some((h) => h.url === write.url);
		assert(undoes, `the write on deactivation is not an undo of the registration: ${show(write)}`);
	});
}

/**
 * A campaign built from a provider's send example: its send node (every parameter fixed, one text)
 * behind Webhook → Split Out, the text taken from each item. All to one chat, so sent one at a time
 * and in order. Null when the example does not fit.
 */
function genericCampaign(example, provider) {
	const node = example?.nodes.find((n) => n.type.startsWith(`${PACKAGE}.`) && typeof n.parameters?.text === 'string');
	const expression = (v) => (typeof v === 'string' ? v.startsWith('=') : v && typeof v === 'object' && Object.values(v).some(expression));
	if (!node || expression(node.parameters)) return null;
	const sending = { delay: 0, jitter: 0, maxPerMinute: 0 };
	return campaignWorkflow(`qCamp${provider}`.slice(0, 21), `queue-${provider}-campaign`, {
		...clone(node),
		parameters: { ...clone(node.parameters), text: '={{ $json.text }}', sending },
	});
}

/** The send example with its Manual Trigger replaced by a Webhook node of the same name. */
function webhookStarted(example, id, webhookPath) {
	const wf = copyWorkflow(example, id);
	const manual = wf.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
	if (!manual) return null;
	Object.assign(manual, webhookNode(manual.name, webhookPath), { position: manual.position });
	return wf;
}

// ---------------------------------------------------------------------------------------------------
// Processes

function queueEnvFor(ctx, name, port, brokerPort, extra = {}) {
	const queue = {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: ctx.redis.host,
		QUEUE_BULL_REDIS_PORT: String(ctx.redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: ctx.pg.host,
		DB_POSTGRESDB_PORT: String(ctx.pg.port),
		DB_POSTGRESDB_DATABASE: ctx.pg.database,
		DB_POSTGRESDB_USER: ctx.pg.user,
		DB_POSTGRESDB_PASSWORD: '',
		N8N_ENCRYPTION_KEY: ctx.encryptionKey,
		// Queue mode's default; filesystem mode is not supported there.
		N8N_DEFAULT_BINARY_DATA_MODE: 'database',
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		// A stopped main or worker exits within seconds (default 30 s).
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
		// (De)activations go through an outbox the main polls every 15 s by default.
		N8N_WORKFLOW_PUBLICATION_OUTBOX_POLL_INTERVAL_MS: '1000',
		// A killed worker's job is found stalled within seconds, not after 1.5 minutes.
		QUEUE_WORKER_LOCK_DURATION: '10000',
		QUEUE_WORKER_LOCK_RENEW_TIME: '2000',
		QUEUE_WORKER_STALLED_INTERVAL: '5000',
		...extra,
	};
	const env = n8n.n8nEnv({ userFolder: path.join(ctx.tmp, name), port, brokerPort, webhookUrl: `${ctx.webhookBase}/`, extra: queue });
	// Like n8nEnv does for N8N_*/DB_*: the caller's own queue settings must not leak in.
	for (const k of Object.keys(env)) if (/^(QUEUE_|EXECUTIONS_)/.test(k) && !(k in queue)) delete env[k];
	return env;
}

async function startProcess(ctx, name) {
	const env = ctx.envs[name];
	const command = { main: 'start', worker: 'worker', webhook: 'webhook' }[name];
	return n8n.startServer(env, { command, logFile: path.join(ctx.tmp, `n8n-${name}.log`), readyTimeoutMs: 180_000 });
}

// ---------------------------------------------------------------------------------------------------
// Main

async function main(ctx) {
	const tmp = ctx.tmp;
	const processes = ['main', 'worker', 'webhook'];
	/** Per generic provider with run.js's `registrations`/`webhooks`: { before, node, url, writes } (checks 1 and 6). */
	ctx.registered = new Map();

	const ready = await group(async () => {
		await check('Redis and PostgreSQL installed (apt-get install from the Debian packages when missing)', async () => {
			const installed = services.ensureInstalled();
			if (installed.length) console.log(`# installed ${installed.join(', ')}`);
		});
		await check('npm run build', () => run('npm', ['run', 'build'], { env: n8n.npmEnv() }));
		ctx.tgz = await check('npm pack', async () => {
			const packDir = path.join(tmp, 'pack');
			fs.mkdirSync(packDir);
			const out = await run('npm', ['pack', '--json', '--pack-destination', packDir], { env: n8n.npmEnv() });
			return path.join(packDir, JSON.parse(out.slice(out.indexOf('[')))[0].filename);
		});
		await check('n8n 2.41.1 is installed (.cache/n8n-host)', async () => n8n.ensureN8n());
		const [redisPort, pgPort, mainPort, webhookPort, workerPort, ...brokers] = await n8n.freePorts(9);
		ctx.redis = await check(`start Redis on 127.0.0.1:${redisPort} (throw-away data folder)`, () => services.startRedis(redisPort, tmp));
		ctx.pg = await check(`start PostgreSQL on 127.0.0.1:${pgPort} (throw-away cluster)`, () => services.startPostgres(pgPort, { parentDir: tmp }));
		ctx.webhookBase = `http://127.0.0.1:${webhookPort}`;
		ctx.encryptionKey = crypto.randomBytes(24).toString('base64');
		await check('the same package set in the user folder of each process (main, worker, webhook)', async () => {
			// One `npm i` of the tarball, then the same nodes folder copied: what an image with the package
			// baked in (or a volume) gives every process.
			const [first, ...others] = processes.map((name) => path.join(tmp, name, '.n8n'));
			fs.mkdirSync(path.join(first, 'nodes'), { recursive: true });
			await run('npm', ['i', '--prefix', path.join(first, 'nodes'), '--omit=peer', '--no-audit', '--no-fund', ctx.tgz], { env: n8n.npmEnv(), cwd: tmp });
			for (const dir of others) fs.cpSync(path.join(first, 'nodes'), path.join(dir, 'nodes'), { recursive: true });
			for (const dir of [first, ...others]) {
				fs.writeFileSync(path.join(dir, 'config'), JSON.stringify({ encryptionKey: ctx.encryptionKey }), { mode: 0o600 });
				assert(fs.existsSync(path.join(dir, 'nodes', 'node_modules', PACKAGE, 'package.json')), `not installed in ${dir}`);
			}
		});
		ctx.envs = {
			main: queueEnvFor(ctx, 'main', mainPort, brokers[0]),
			webhook: queueEnvFor(ctx, 'webhook', webhookPort, brokers[1]),
			worker: queueEnvFor(ctx, 'worker', workerPort, brokers[2], {
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(workerPort),
				N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			}),
		};
		ctx.cliEnv = { ...ctx.envs.main, N8N_RUNNERS_BROKER_PORT: String(brokers[3]) };
		ctx.sim = await check('start the provider simulator on free ports', async () => {
			const { startSimulator, PROVIDERS: simulated } = require('../fakes/simulator.js');
			const freePorts = Object.fromEntries(Object.keys(simulated).map((name) => [`${name}Port`, 0]));
			return await startSimulator({ ...freePorts, log: process.env.FAKE_LOG === '1' });
		});
	});
	if (!ready) return;

	// Providers: built ones only; a queue scenario where there is one, the generic checks otherwise.
	const built = PROVIDERS.filter((p) => {
		const missing = p.files.filter((f) => !fs.existsSync(path.join(root, 'dist', f)));
		if (missing.length) skip(p.provider, `not built yet (${missing.join(', ')} missing in dist/)`);
		return !missing.length;
	});
	const workflows = [];
	const generic = new Map();
	for (const p of built) {
		const qs = queueScenarios[p.provider];
		if (qs) {
			workflows.push(...qs.workflows(ctx));
			continue;
		}
		const s = scenarios[p.provider] ?? {};
		const send = s.sendExample && loadExample(s.sendExample) ? webhookStarted(loadExample(s.sendExample), `qSend${p.provider}`.slice(0, 21), `queue-${p.provider}-send`) : null;
		const trigExample = (s.triggerExample && loadExample(s.triggerExample)) ?? s.defaultTriggerWorkflow?.() ?? null;
		const trigger = trigExample ? copyWorkflow(trigExample, `qTrig${p.provider}`.slice(0, 21)) : null;
		const campaign = genericCampaign(s.sendExample && loadExample(s.sendExample), p.provider);
		if (!send && !trigger) skip(p.provider, 'no queue scenario and no example to run');
		if (!campaign) skip(`${p.provider}: campaign`, `examples/${s.sendExample} has no send node with fixed parameters and a text`);
		generic.set(p.provider, { send, trigger, campaign });
		workflows.push(...[send, trigger, campaign].filter(Boolean));
	}

	const simProviders = require('../fakes/simulator.js').PROVIDERS;
	const credentialProvider = new Map(built.map((p) => [scenarios[p.provider]?.credentialType, p.provider]));
	const credentials = JSON.parse(fs.readFileSync(path.join(root, 'examples', 'simulator-credentials.json'), 'utf8'))
		.filter((c) => credentialProvider.has(c.type))
		.map((c) => {
			const provider = credentialProvider.get(c.type);
			const fake = ctx.sim[provider];
			const baseUrl = fake && simProviders[provider] ? simProviders[provider].baseUrl(fake.origin) : c.data.baseUrl;
			return { ...c, data: { ...c.data, baseUrl } };
		});

	const started = await group(async () => {
		await check(`n8n import:credentials and import:workflow into PostgreSQL (${workflows.map((w) => w.id).join(', ')})`, async () => {
			await n8n.importCredentials(ctx.cliEnv, credentials, { timeoutMs: 240_000 });
			await n8n.importWorkflow(ctx.cliEnv, workflows, { timeoutMs: 120_000 });
		});
		for (const p of built) {
			const qs = queueScenarios[p.provider];
			if (qs?.beforeStart) await check(`${p.provider}: preset the webhooks set before (to be restored)`, () => qs.beforeStart(ctx));
		}
		ctx.main = await check('n8n start (main, EXECUTIONS_MODE=queue) is ready', () => startProcess(ctx, 'main'));
		const [webhook, worker] = await Promise.all([
			check('n8n webhook (webhook processor) is ready', () => startProcess(ctx, 'webhook')),
			check('n8n worker is ready', () => startProcess(ctx, 'worker')),
		]);
		ctx.webhook = webhook;
		ctx.worker = worker;
		ctx.api = await check('owner account and public-API key on the main', async () => {
			const { apiKey } = await n8n.ownerApiKey(ctx.main.url, OWNER, 'queue-e2e');
			return n8n.publicApi(ctx.main.url, apiKey);
		});
		const scenarioWorkflows = workflows.filter((wf) => ![...generic.values()].some((g) => g.send === wf || g.trigger === wf));
		await check(`activate on the main (public API): ${scenarioWorkflows.map((w) => w.id).join(', ')}`, async () => {
			for (const wf of scenarioWorkflows) {
				await ctx.api.activate(wf.id);
				assert((await ctx.api.getWorkflow(wf.id)).active === true, `workflow ${wf.id} is not active`);
			}
			await published(ctx, scenarioWorkflows.map((wf) => wf.id));
		});
	});
	if (!started) return;

	const scenarioProviders = built.filter((p) => queueScenarios[p.provider]);
	const triggers = [];
	for (const p of scenarioProviders) {
		const qs = queueScenarios[p.provider];
		await group(async () => {
			if (qs.registrationChecks) await qs.registrationChecks(ctx);
		});
		triggers.push(...qs.triggers(ctx));
	}
	for (const t of triggers) await group(() => triggerChecks(ctx, t));
	for (const p of scenarioProviders) await group(() => campaignCheck(ctx, p.provider, queueScenarios[p.provider].campaign(ctx)));
	for (const p of scenarioProviders) if (queueScenarios[p.provider].extraChecks) await group(() => queueScenarios[p.provider].extraChecks(ctx));
	for (const p of built) if (generic.has(p.provider)) await group(() => genericChecks(ctx, p, generic.get(p.provider)));

	// 1 (second half): a restart of the main.
	const fakes = built.filter((p) => ctx.sim[p.provider]?.origin).map((p) => [p.provider, ctx.sim[p.provider]]);
	const restarted = await group(async () => {
		const callsBefore = new Map();
		for (const [provider, fake] of fakes) callsBefore.set(provider, (await fakeRequests(fake)).length);
		await check('restart the main (SIGTERM, start again)', async () => {
			await ctx.main.stop();
			ctx.main = await startProcess(ctx, 'main');
		});
		await check(`restarting the main made no call to any provider (${fakes.map(([name]) => name).join(', ')}): nothing registered again`, async () => {
			await n8n.sleep(QUIET_MS);
			for (const [provider, fake] of fakes) {
				const calls = (await fakeRequests(fake)).slice(callsBefore.get(provider));
				assert(!calls.length, `${provider} got ${show(calls.map((r) => `${r.method} ${r.path}`))}`);
			}
		});
		for (const p of scenarioProviders) if (queueScenarios[p.provider].restartChecks) await queueScenarios[p.provider].restartChecks(ctx);
		for (const provider of ctx.registered.keys()) await group(() => stillRegistered(ctx, provider));
		for (const t of triggers) {
			await check(`${t.label}: after the main restarted, a new delivery to the same URL still runs`, async () => {
				const before = await lastExecutionId(ctx.api, t.workflow.id);
				const id = `QUEUE${Date.now()}R`;
				const answer = await t.deliver(t.payload(`after restart ${id}`, id));
				assert(answer.status === 200 && answer.body?.accepted === 1, `answered ${answer.status} ${show(answer.body)}`);
				await successfulExecution(ctx.api, t.workflow.id, { after: before, timeoutMs: 60_000 });
			});
		}
	});

	// 6: deactivation on the main.
	if (restarted) {
		for (const p of scenarioProviders) if (queueScenarios[p.provider].deactivationChecks) await group(() => queueScenarios[p.provider].deactivationChecks(ctx));
		const unregistered = [
			...triggers.filter((x) => !x.registers),
			...[...generic].filter(([, g]) => g.trigger).map(([provider, { trigger: wf }]) => ({
				label: `${provider} (${wf.id})`,
				provider,
				workflow: wf,
				registeredUrl: async () => webhookUrlOf(ctx.webhookBase, wf.nodes.find((n) => n.type.startsWith(`${PACKAGE}.`) && n.webhookId)),
				// A webhook preset by run.js's beforeStart must be back, and ours gone, at the provider.
				restored:
					scenarios[provider]?.beforeStart && ctx.sim[provider]
						? async (url) => {
								const state = JSON.stringify(await fakeState(ctx.sim[provider]));
								return state.includes(PREVIOUS_WEBHOOK) && !state.includes(url);
							}
						: null,
			})),
		];
		for (const t of unregistered) {
			const exact = t.provider && ctx.registered.has(t.provider);
			const writesBefore = exact ? (await scenarios[t.provider].registrations(ctx)).length : 0;
			await group(() =>
				check(`${t.label}: deactivating on the main removes the URL from the webhook processor (404)${t.restored ? ' and restores the webhook set before' : ''}`, async () => {
					const url = await t.registeredUrl();
					await ctx.api.deactivate(t.workflow.id);
					await n8n.waitFor('404', async () => (await n8n.httpJson('POST', url, { body: {} })).status === 404, { timeoutMs: 15_000, intervalMs: 500 });
					if (t.restored) await n8n.waitFor('the webhook set before restored at the provider', () => t.restored(url), { timeoutMs: 15_000 });
				}),
			);
			if (exact) await group(() => unregisteredExactly(ctx, t.provider, writesBefore));
		}
	}

	// 7: a worker killed during a campaign.
	for (const p of scenarioProviders) if (queueScenarios[p.provider].killChecks) await group(() => queueScenarios[p.provider].killChecks(ctx));

	await group(() =>
		check('no n8n process logged an error about the package', async () => {
			const bad = [];
			for (const name of processes) {
				const lines = (ctx[name]?.readLog() ?? '').split('\n');
				bad.push(...lines.filter((l) => /error/i.test(l) && l.includes(PACKAGE)).map((l) => `${name}: ${l}`));
			}
			assert(!bad.length, bad.slice(0, 10).join('\n'));
		}),
	);
}

async function cleanup(ctx) {
	for (const name of ['webhook', 'worker', 'main']) if (ctx[name]) await ctx[name].stop().catch(() => {});
	if (ctx.sim) await ctx.sim.stop().catch(() => {});
	for (const server of [ctx.redis, ctx.pg]) if (server) await server.stop().catch(() => {});
	for (const child of e2e.started) killTree(child);
	n8n.killAllSync();
	if (process.env.E2E_KEEP === '1') console.log(`# kept ${ctx.tmp}`);
	else fs.rmSync(ctx.tmp, { recursive: true, force: true });
}

const ctx = { tmp: fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-queue-')) };
fs.chmodSync(ctx.tmp, 0o755); // PostgreSQL runs as `postgres` under root and must reach its folder

e2e.runScript({
	title: 'queue-mode e2e',
	ctx,
	main,
	cleanup,
	logTail: (c) => e2e.printLogTails(c, ['main', 'webhook', 'worker'], 25),
	killSync: (c) => {
		for (const server of [c.redis, c.pg]) server?.killSync();
	},
	timeoutMs: TOTAL_TIMEOUT_MS,
	cleanupMs: 45_000,
});
