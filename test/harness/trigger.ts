import http from 'node:http';
import type { AddressInfo } from 'node:net';

import axios from 'axios';
import { ExecutionLifecycleHooks, HookContext, WebhookContext } from 'n8n-core';
import type { IDataObject, INode, INodeParameters, IWebhookData, IWebhookResponseData, WorkflowActivateMode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials';
import type { NodeUnderTest } from './engine';
import { additionalData, ensureBinaryData, PACKAGE, TestNodeTypes } from './engine';

export const N8N_WEBHOOK_BASE = 'http://127.0.0.1:5678/webhook';

export interface Delivery {
	status: number;
	body: unknown;
	/** Items the trigger emitted (the execution it would start); empty when none. */
	items: IDataObject[];
	response: IWebhookResponseData;
}

/**
 * What n8n 2.x answers a webhook in "onReceived" mode (its webhook-helpers): without an execution,
 * the node's webhookResponse or "Webhook call received"; with one, the description's
 * `responseData` (default 'firstEntryJson', sent literally), then the webhookResponse, then
 * "Workflow was started".
 */
export function n8nOnReceivedAnswer(responseData: unknown, result: IWebhookResponseData): unknown {
	if (result.workflowData === undefined) return result.webhookResponse ?? { message: 'Webhook call received' };
	const configured = responseData === undefined ? 'firstEntryJson' : responseData;
	if (configured === 'noData') return undefined;
	if (configured) return configured;
	return result.webhookResponse ?? { message: 'Workflow was started' };
}

/** A tiny Express-like response over Node's ServerResponse: what n8n hands to `webhook()`. */
function expressLike(res: http.ServerResponse) {
	const r = res as http.ServerResponse & { status(code: number): typeof r; json(body: unknown): void; send(body: unknown): void };
	r.status = (code: number) => {
		r.statusCode = code;
		return r;
	};
	r.json = (body: unknown) => {
		r.setHeader('content-type', 'application/json');
		r.end(JSON.stringify(body));
	};
	r.send = (body: unknown) => {
		if (typeof body === 'object' && !Buffer.isBuffer(body)) return r.json(body);
		r.end(body as string);
	};
	return r;
}

/**
 * Drives a trigger node as n8n does: `checkExists`/`create`/`delete` through n8n-core's HookContext
 * (workflow static data kept across calls, like an active workflow), and deliveries as real HTTP
 * POSTs to a local server that runs `webhook()` through n8n-core's WebhookContext.
 */
export class TriggerHarness {
	/** Every harness with a listening server, so a test file can close them all. */
	private static readonly open = new Set<TriggerHarness>();

	static async closeAll(): Promise<void> {
		await Promise.all([...TriggerHarness.open].map((h) => h.close()));
	}

	readonly workflow: Workflow;

	readonly node: INode;

	private readonly credentialsHelper: TestCredentialsHelper;

	private server?: http.Server;

	private lastEmitted: IDataObject[] = [];

	private lastResponse: IWebhookResponseData = {};

	constructor(
		private readonly target: NodeUnderTest,
		parameters: INodeParameters,
		readonly webhookId = 'c0ffee00-0000-4000-8000-00000000beef',
	) {
		const type = `${PACKAGE}.${target.node.description.name}`;
		this.node = {
			id: 'trigger',
			name: 'Trigger',
			type,
			typeVersion: 1,
			position: [0, 0],
			parameters,
			webhookId,
			credentials: { [target.credentialType.name]: { id: 'cred-1', name: 'Test credential' } },
		};
		this.workflow = new Workflow({
			id: 'wf-trigger',
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes: new TestNodeTypes().register(type, target.node),
			staticData: {},
		});
		this.credentialsHelper = new TestCredentialsHelper(
			{ [target.credentialType.name]: target.credentialType },
			{ [target.credentialType.name]: target.credentials },
		);
	}

	/** The production URL n8n would register: `<base>/<webhookId>/<path>`. */
	get webhookUrl(): string {
		return `${N8N_WEBHOOK_BASE}/${this.webhookId}/${this.webhookDescription.path}`;
	}

	get staticData(): IDataObject {
		return this.workflow.getStaticData('node', this.node);
	}

	private get webhookDescription() {
		return this.target.node.description.webhooks![0];
	}

	private webhookData(): IWebhookData {
		return {
			httpMethod: 'POST',
			node: this.node.name,
			path: `${this.webhookId}/${this.webhookDescription.path}`,
			webhookDescription: this.webhookDescription,
			workflowId: this.workflow.id,
			workflowExecuteAdditionalData: {} as never,
			webhookId: this.webhookId,
		};
	}

	private data(extra = {}) {
		return additionalData(this.credentialsHelper, new ExecutionLifecycleHooks('trigger', 'exec-1', {} as never), extra);
	}

	private async lifecycle(method: 'checkExists' | 'create' | 'delete', activation: WorkflowActivateMode = 'activate') {
		const context = new HookContext(this.workflow, this.node, this.data(), 'trigger', activation, this.webhookData());
		const methods = this.target.node.webhookMethods!.default as Record<string, (this: HookContext) => Promise<boolean>>;
		return await methods[method].call(context);
	}

	checkExists() {
		return this.lifecycle('checkExists');
	}

	create() {
		return this.lifecycle('create');
	}

	delete() {
		return this.lifecycle('delete');
	}

	/** n8n's activation sequence: create only when checkExists says the registration is missing. */
	async activate(): Promise<void> {
		if (!(await this.checkExists())) await this.create();
	}

	setParameters(parameters: INodeParameters) {
		this.node.parameters = parameters;
	}

	private async ensureServer(): Promise<string> {
		if (!this.server) {
			this.server = http.createServer((req, res) => void this.handle(req, res));
			await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
			TriggerHarness.open.add(this);
		}
		return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
	}

	private async handle(req: http.IncomingMessage, rawRes: http.ServerResponse) {
		const res = expressLike(rawRes);
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const text = Buffer.concat(chunks).toString('utf8');
		let body: unknown = {};
		if (text) {
			try {
				body = JSON.parse(text);
			} catch {
				body = text; // what a non-JSON body looks like to the node: not an object
			}
		}
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		Object.assign(req, { body, query: Object.fromEntries(url.searchParams), params: {} });
		try {
			await ensureBinaryData();
			const context = new WebhookContext(
				this.workflow,
				this.node,
				this.data({ httpRequest: req as never, httpResponse: res as never }),
				'webhook',
				this.webhookData(),
				[],
				null,
			);
			const response = await this.target.node.webhook!.call(context);
			this.lastResponse = response;
			this.lastEmitted = (response.workflowData?.[0] ?? []).map((item) => item.json);
			if (response.noWebhookResponse) return; // the node answered itself
			res.status(200).json(n8nOnReceivedAnswer(this.webhookDescription.responseData, response));
		} catch (error) {
			this.lastResponse = {};
			this.lastEmitted = [];
			res.status(500).json({ message: (error as Error).message });
		}
	}

	/** POSTs a body (object, or raw text) to the trigger over HTTP and returns what happened. */
	async deliver(body: unknown, options: { query?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Delivery> {
		const base = await this.ensureServer();
		this.lastEmitted = [];
		this.lastResponse = {};
		const url = new URL(`${base}/webhook/${this.webhookId}/${this.webhookDescription.path}`);
		for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
		const response = await axios.post(url.toString(), typeof body === 'string' ? body : JSON.stringify(body), {
			headers: { 'content-type': 'application/json', ...(options.headers ?? {}) },
			validateStatus: () => true,
			transformResponse: (d) => {
				try {
					return JSON.parse(d);
				} catch {
					return d;
				}
			},
		});
		return { status: response.status, body: response.data, items: this.lastEmitted, response: this.lastResponse };
	}

	async close() {
		TriggerHarness.open.delete(this);
		const server = this.server;
		this.server = undefined;
		if (!server) return;
		server.closeAllConnections();
		await new Promise((resolve) => server.close(resolve));
	}
}
