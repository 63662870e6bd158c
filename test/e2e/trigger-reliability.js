'use strict';
/**
 * Reliability checks every provider's trigger gets in the real n8n (called by run.js for each trigger
 * workflow, while it is active, before the provider's own trigger scenario):
 *
 * 1. a redelivery: the same delivery posted three times starts exactly one execution;
 * 2. a sample of the fuzz corpus (test/fuzz/corpus.js, seeded): 200 garbage bodies (scalars, arrays
 *    of nulls, objects without delivery fields, prototype keys, deep nesting, oversized strings inside
 *    fixtures), each answered 4xx (never 5xx), and not one execution started. Mutated fixtures, which
 *    may be real deliveries, stay in `npm test`'s fuzz suite: here they would start executions whose
 *    side effects (replies, assignments) the providers' own scenarios count.
 *
 * A provider's scenario in run.js may define `deliveryBody(ctx, text)` (default: `ctx.<provider>Payload`)
 * — a delivery that the example workflow accepts — and `deliveryUrl(ctx, workflow)` (default: the
 * trigger's production URL, with `?secret=` when the node has a Secret option). Fixtures come from
 * test/<provider>/fixtures, the folder test/fuzz/triggers.ts lists.
 */
const fs = require('node:fs');
const path = require('node:path');

const n8n = require('../../scripts/n8n');
const { fuzzCorpus } = require('../fuzz/corpus');

const GARBAGE_BODIES = 200;

/** The production webhook URL of a workflow's trigger node of this package. */
function productionUrl(ctx, workflow, pkg) {
	const trigger = workflow.nodes.find((n) => n.type.startsWith(`${pkg}.`) && /Trigger$/.test(n.type));
	if (!trigger) throw new Error(`workflow ${workflow.id} has no trigger of ${pkg}`);
	const hook = (ctx.nodeTypes.get(trigger.type)?.webhooks ?? [])[0] ?? { path: 'webhook' };
	const url = new URL(`${ctx.server.url}/webhook/${trigger.webhookId}/${hook.path}`);
	const secret = trigger.parameters?.options?.secret;
	if (secret) url.searchParams.set('secret', secret);
	return url.toString();
}

async function postText(url, text) {
	const controller = new AbortController();
	setTimeout(() => controller.abort(new Error('no answer within 30 s')), 30_000).unref();
	const res = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', accept: 'application/json' },
		body: text,
		signal: controller.signal,
	});
	const raw = await res.text();
	let json = null;
	try {
		json = JSON.parse(raw);
	} catch {
		/* not JSON */
	}
	return { status: res.status, json, text: raw };
}

const newestId = async (api, workflowId) => Math.max(0, ...(await api.listExecutions({ workflowId })).map((e) => Number(e.id)));
const executionsAfter = async (api, workflowId, after) => (await api.listExecutions({ workflowId })).filter((e) => Number(e.id) > after);

/** Waits until `expected` executions exist after `after`, then a moment longer, and returns how many there are. */
async function settledExecutions(api, workflowId, after, expected) {
	if (expected > 0) {
		await n8n.waitFor(`${expected} execution(s) of ${workflowId}`, async () => (await executionsAfter(api, workflowId, after)).length >= expected, {
			timeoutMs: 60_000,
			intervalMs: 500,
		});
	}
	await n8n.sleep(2_000); // any execution a refused body had started would show up by now
	return (await executionsAfter(api, workflowId, after)).length;
}

/**
 * @param {object} args
 * @param {any} args.ctx run.js's context (server, api, nodeTypes, sim, payload builders)
 * @param {{ provider: string }} args.p the PROVIDERS entry
 * @param {any} args.s the provider's scenario
 * @param {any} args.workflow the active trigger workflow
 * @param {{ check: Function, assert: Function, show: Function, PACKAGE: string, root: string }} args.helpers
 */
async function checkTriggerReliability({ ctx, p, s, workflow, helpers }) {
	const { check, assert, show, PACKAGE, root } = helpers;
	const name = p.provider;
	const url = await check(`${name}: the trigger's delivery URL is known`, async () =>
		s.deliveryUrl ? await s.deliveryUrl(ctx, workflow) : productionUrl(ctx, workflow, PACKAGE),
	);
	if (!url) return;
	const deliveryBody = s.deliveryBody ? (text) => s.deliveryBody(ctx, text) : ctx[`${name}Payload`];

	await check(`${name}: the same delivery posted three times starts one execution (redelivery dropped)`, async () => {
		assert(typeof deliveryBody === 'function', `scenario "${name}" needs deliveryBody(ctx, text) or ctx.${name}Payload`);
		const before = await newestId(ctx.api, workflow.id);
		const text = JSON.stringify(deliveryBody(`e2e redelivery check ${Date.now()}`));
		const answers = [];
		for (let n = 0; n < 3; n++) answers.push(await postText(url, text));
		assert(answers.every((a) => a.status >= 200 && a.status < 300), `answers ${show(answers.map((a) => [a.status, a.json]))}`);
		assert(answers[0].json?.accepted === 1, `first answer ${show(answers[0].json)}`);
		assert(answers.slice(1).every((a) => a.json?.accepted === 0 && a.json?.duplicates >= 1), `redelivery answers ${show(answers.map((a) => a.json))}`);
		const count = await settledExecutions(ctx.api, workflow.id, before, 1);
		assert(count === 1, `${count} executions started for one delivery posted three times`);
	});

	const fixturesDir = path.join(root, 'test', name, 'fixtures');
	await check(`${name}: ${GARBAGE_BODIES} garbage bodies of the fuzz corpus are answered 4xx (never 5xx) and start no execution`, async () => {
		assert(fs.existsSync(fixturesDir), `no fixtures at ${fixturesDir} (add the trigger to test/fuzz/triggers.ts)`);
		const garbage = fuzzCorpus(fixturesDir, { count: GARBAGE_BODIES * 4 })
			.filter((b) => b.kind === 'garbage')
			.slice(0, GARBAGE_BODIES);
		assert(garbage.length === GARBAGE_BODIES, 'the corpus sample is too small');
		const before = await newestId(ctx.api, workflow.id);
		const bad = [];
		for (const body of garbage) {
			const answer = await postText(url, body.text);
			if (answer.status < 400 || answer.status >= 500) bad.push(`${answer.status} for "${body.op}": ${answer.text.slice(0, 200)}`);
		}
		assert(!bad.length, `${bad.length} of ${GARBAGE_BODIES} answers were not 4xx:\n${bad.slice(0, 10).join('\n')}`);
		const count = await settledExecutions(ctx.api, workflow.id, before, 0);
		assert(count === 0, `${count} executions started for garbage`);
	});
}

module.exports = { checkTriggerReliability, productionUrl };
