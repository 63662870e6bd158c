'use strict';
// The e2e scenarios of WhatsLoop and Lets bot (one platform, two brands, one fake): run.js merges them
// into its `scenarios` table. Each brand: its credential's test in the real n8n (right and wrong token),
// its send example against the fake, and a posted delivery executing its trigger workflow.

const n8n = require('../../scripts/n8n');

/**
 * @param {object} h run.js's helpers
 */
function platformScenarios(h) {
	const { PACKAGE, check, assert, show, checkCredentialTest, fakeRequests, fakeState, fakeDeliver, triggerNode, successfulExecution, executionOutput } = h;

	const unique = () => `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
	const bearerOf = (fake, brand) => `Bearer ${fake.tokenOf(brand)}`;

	/** A text message as the engine's "new chat" callback posts it (reference §6.3 A). */
	const conversationText = (text, chat = '966500001001') => ({
		conversation: {
			chat_id: `${chat}@s.whatsapp.net`,
			lastTime: Math.floor(Date.now() / 1000),
			lastMessage: { id: `3EB0E2E${unique()}`, body: text, messageType: 'text', fromMe: false, author: chat, pushName: 'E2E', time: Math.floor(Date.now() / 1000) },
		},
		sessionId: '412345',
	});

	/** A text message in the newer event envelope (reference §6.3 B). */
	const envelopeText = (text) => ({
		event: 'message.received',
		channel_id: 5,
		data: { id: `3EB0E2ELB${unique()}`, from: '201000000001@s.whatsapp.net', chat_id: '201000000001@s.whatsapp.net', text, from_me: false },
	});

	function productionUrl(ctx, workflow, type) {
		const trigger = triggerNode(workflow, type);
		const hook = (ctx.nodeTypes.get(`${PACKAGE}.${type}`)?.webhooks ?? [])[0] ?? { path: 'webhook' };
		return { trigger, url: `${ctx.server.url}/webhook/${trigger.webhookId}/${hook.path}` };
	}

	/** The credential's test in n8n (run.js), and the probe it made with the brand's token. */
	async function checkBrandCredential(ctx, brand, credentialType) {
		await checkCredentialTest(ctx, brand, credentialType, { token: 'wrong-token' }, async () => {
			const probes = (await fakeRequests(ctx.sim.whatsloop)).filter((r) => r.path === '/api/v1/message/fetch' && r.query.limit === '1');
			assert(probes.some((r) => r.headers.authorization === bearerOf(ctx.sim.whatsloop, brand)), 'the fake saw no GET /api/v1/message/fetch?limit=1 with the token');
		});
	}

	async function checkDeactivation(ctx, brand, workflow, url) {
		await check(`${brand}: deactivation (public API) removes the production webhook`, async () => {
			await ctx.api.deactivate(workflow.id);
			await n8n.waitFor('404 from the production URL', async () => (await n8n.httpJson('POST', url, { body: conversationText('late') })).status === 404, {
				timeoutMs: 15_000,
				intervalMs: 500,
			});
		});
	}

	/**
	 * What a send example produced: the brand node's output items and the fake's POSTs to `route`
	 * made with the brand's token; `count` of each are expected.
	 */
	async function sendsOf(ctx, workflow, res, { brand, nodeType, route, count }) {
		const fake = ctx.sim.whatsloop;
		const node = workflow.nodes.find((n) => n.type === `${PACKAGE}.${nodeType}`);
		const out = n8n.nodeOutput(res.runData, node.name);
		assert(out.length === count && out.every((json) => typeof json.messageId === 'string'), `"${node.name}" returned ${show(out)}`);
		const sends = (await fakeRequests(fake)).filter((r) => r.method === 'POST' && r.path === `/api/v1/${route}` && r.headers.authorization === bearerOf(fake, brand));
		assert(sends.length === count, `expected ${count} POST /api/v1/${route} with the ${brand} token, the fake saw ${sends.length}`);
		return { out, sends };
	}

	return {
		whatsloop: {
			credentialType: 'whatsLoopApi',
			sendExample: 'whatsloop-campaign-buttons.json',
			triggerExample: 'whatsloop-trigger-button-replies.json',

			async checkSend(ctx, workflow, res) {
				const { sends } = await sendsOf(ctx, workflow, res, { brand: 'whatsloop', nodeType: 'whatsLoop', route: 'button', count: 4 });
				const phones = sends.map((r) => r.body?.phone);
				assert(show(phones) === show(['966500001001', '966500001002', '966500001003', '966500001004']), `recipients ${show(phones)}`);
				assert(sends.every((r) => r.body?.buttons?.length === 2 && r.body.buttons[0].id === 'deliver'), `buttons ${show(sends[0].body)}`);
				const state = await fakeState(ctx.sim.whatsloop);
				assert(state.sent.filter((s) => s.route === 'button').length === 4, `the fake accepted ${state.sent.length} messages`);
			},

			deliveryBody: (ctx, text) => conversationText(text),

			async checkTrigger(ctx, workflow) {
				const fake = ctx.sim.whatsloop;
				await checkBrandCredential(ctx, 'whatsloop', 'whatsLoopApi');
				const { trigger, url } = productionUrl(ctx, workflow, 'whatsLoopTrigger');
				const before = Math.max(0, ...(await ctx.api.listExecutions({ workflowId: workflow.id })).map((e) => Number(e.id)));
				const messageId = `3EB0E2EBTN${unique()}`;
				const reply = {
					conversation: {
						chat_id: '966500001001@s.whatsapp.net',
						lastTime: Math.floor(Date.now() / 1000),
						lastMessage: {
							id: messageId,
							body: 'Deliver today',
							messageType: 'buttons_response',
							fromMe: false,
							author: '966500001001',
							time: Math.floor(Date.now() / 1000),
							metadata: { selectedButtonID: 'iddeliver', selectedButtonText: 'Deliver today' },
						},
					},
					sessionId: '412345',
				};
				await check(`whatsloop: a form-encoded button reply posted by the fake to ${url} is accepted`, async () => {
					const answer = await fakeDeliver(fake, { body: reply, url, form: true });
					assert(answer.status >= 200 && answer.status < 300, `n8n answered ${answer.status} ${show(answer.body)}`);
					assert(answer.body?.ok === true && answer.body?.accepted === 1, `n8n answered ${show(answer.body)}`);
				});
				await check('whatsloop: the execution routes the reply by its button ID and confirms through the fake', async () => {
					const execution = await successfulExecution(ctx.api, workflow.id, { after: before });
					const items = executionOutput(execution, trigger.name);
					assert(items.length === 1, `trigger emitted ${items.length} items`);
					const [item] = items;
					assert(
						item.provider === 'whatsloop' && item.type === 'buttonReply' && item.selectedId === 'deliver' && item.messageId === messageId,
						`unexpected trigger item ${show({ ...item, raw: undefined })}`,
					);
					const confirmations = (await fakeRequests(fake)).filter(
						(r) => r.method === 'POST' && r.path === '/api/v1/message/send' && r.body?.body === 'Thanks! Your order is on its way today.',
					);
					assert(confirmations.length === 1 && confirmations[0].body.phone === '966500001001', `confirmations ${show(confirmations.map((r) => r.body))}`);
				});
				await checkDeactivation(ctx, 'whatsloop', workflow, url);
			},
		},

		letsbot: {
			credentialType: 'letsBotApi',
			sendExample: 'letsbot-send-text.json',
			triggerExample: 'letsbot-trigger-echo.json',

			async checkSend(ctx, workflow, res) {
				const { out, sends } = await sendsOf(ctx, workflow, res, { brand: 'letsbot', nodeType: 'letsBot', route: 'message/send', count: 1 });
				assert(out[0].queued === true, `a queued send, got ${show(out[0])}`);
				assert(show(sends[0].body) === show({ phone: '201000000001', body: 'Hello from n8n' }), `body ${show(sends[0].body)}`);
			},

			deliveryBody: (ctx, text) => envelopeText(text),

			async checkTrigger(ctx, workflow) {
				const fake = ctx.sim.whatsloop;
				await checkBrandCredential(ctx, 'letsbot', 'letsBotApi');
				const { trigger, url } = productionUrl(ctx, workflow, 'letsBotTrigger');
				const text = `Hi from the e2e test ${Date.now()}`;
				const before = Math.max(0, ...(await ctx.api.listExecutions({ workflowId: workflow.id })).map((e) => Number(e.id)));
				await check(`letsbot: a delivery to ${url} is answered with 2xx and the delivery summary`, async () => {
					const answer = await fakeDeliver(fake, { body: envelopeText(text), url });
					assert(answer.status >= 200 && answer.status < 300 && answer.body?.accepted === 1, `n8n answered ${answer.status} ${show(answer.body)}`);
				});
				await check('letsbot: the trigger execution succeeds and echoes through the fake with the Lets bot token', async () => {
					const execution = await successfulExecution(ctx.api, workflow.id, { after: before });
					const [item, ...more] = executionOutput(execution, trigger.name);
					assert(!more.length && item?.provider === 'letsbot' && item.event === 'message' && item.text === text, `unexpected trigger items ${show(item)}`);
					const echoes = (await fakeRequests(fake)).filter((r) => r.path === '/api/v1/message/send' && r.body?.body === `Echo: ${text}`);
					assert(echoes.length === 1 && echoes[0].headers.authorization === bearerOf(fake, 'letsbot'), `echoes ${show(echoes.map((r) => r.body))}`);
					assert(echoes[0].body.phone === '201000000001', `echo to ${show(echoes[0].body)}`);
				});
				await checkDeactivation(ctx, 'letsbot', workflow, url);
			},
		},
	};
}

module.exports = { platformScenarios };
