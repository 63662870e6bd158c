import http from 'node:http';
import type { AddressInfo } from 'node:net';
import querystring from 'node:querystring';

import axios from 'axios';
import { ExecutionLifecycleHooks, HookContext, WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeParameters,
	IWebhookData,
	IWebhookResponseData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { forgetRecentDeliveries } from '../../nodes/shared/trigger/dedupe';
import { TestCredentialsHelper } from './credentials';
import type { NodeUnderTest } from './engine';
import { additionalData, ensureBinaryData, PACKAGE, TestNodeTypes } from './engine';

export const N8N_WEBHOOK_BASE = 'http://127.0.0.1:5678/webhook';

/** One connection for a test's many deliveries (the fuzz suite posts thousands). */
const KEEP_ALIVE = new http.Agent({ keepAlive: true });

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

/** Where a hook or delivery comes from: a published workflow, or the editor's "Listen for event". */
export interface HookOrigin {
	/** Test webhook ("Listen for event"): n8n calls the hooks with mode 'manual' and a test URL. */
	test?: boolean;
}

let workflowCounter = 0;

/**
 * Drives a trigger node as n8n 2.41 does, including how it keeps the workflow's static data:
 *
 * - The static data lives "in the database" (`stored`, a JSON copy, `null` until first saved). Every
 *   hook call and every delivery builds a new `Workflow` from it, as n8n does per request.
 * - Activation (`checkExists`/`create`, mode 'trigger') and deactivation (`delete`, mode 'internal')
 *   save the static data when its changed-flag is set; a `create` that throws is followed by `delete`
 *   at once (n8n's WebhookTriggerRegistrar.register → clearRegisteredWebhook).
 * - A delivery (live-webhooks + webhook-helpers): when `webhook()` answers itself
 *   (`noWebhookResponse`), n8n saves the static data right away, before any execution starts. When it
 *   returns `workflowData` without answering, n8n first builds the execution's `Workflow` from the SAME
 *   static data object (WorkflowRunner.establishContextForPersistence), which resets the changed-flag,
 *   and only then answers and saves — so the webhook's write is lost unless the stored data was `null`.
 *
 * Deliveries are real HTTP POSTs to a local server that runs `webhook()` through n8n-core's
 * WebhookContext. One harness is one workflow in one n8n process; `restart()` forgets what the
 * process kept in memory.
 */
export class TriggerHarness {
	/** Every harness with a listening server, so a test file can close them all. */
	private static readonly open = new Set<TriggerHarness>();

	static async closeAll(): Promise<void> {
		await Promise.all([...TriggerHarness.open].map((h) => h.close()));
	}

	readonly node: INode;

	/** The workflow's `staticData` column: what n8n saved, as JSON; null until first saved. */
	private stored: IDataObject | null = null;

	private readonly workflowId = `wf-trigger-${++workflowCounter}`;

	private readonly nodeTypes: TestNodeTypes;

	private readonly credentialsHelper: TestCredentialsHelper;

	private server?: http.Server;

	private lastEmitted: IDataObject[] = [];

	private lastResponse: IWebhookResponseData = {};

	private handling: Promise<void> = Promise.resolve();

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
		this.nodeTypes = new TestNodeTypes().register(type, target.node);
		this.credentialsHelper = new TestCredentialsHelper(
			{ [target.credentialType.name]: target.credentialType },
			{ [target.credentialType.name]: target.credentials },
		);
	}

	/** A workflow as n8n builds it for one request, over the given static data object (shared, not copied). */
	private buildWorkflow(staticData: IDataObject | null): Workflow {
		return new Workflow({
			id: this.workflowId,
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes: this.nodeTypes,
			staticData: staticData ?? undefined,
		});
	}

	/** What a request reads from the database: a fresh copy of the stored static data (or null). */
	private load(): IDataObject | null {
		return this.stored === null ? null : (JSON.parse(JSON.stringify(this.stored)) as IDataObject);
	}

	/** n8n's WorkflowStaticDataService.saveStaticData: saves only when the changed-flag is set. */
	private saveIfChanged(workflow: Workflow): void {
		const data = workflow.staticData as IDataObject & { __dataChanged?: boolean };
		if (data.__dataChanged !== true) return;
		this.stored = JSON.parse(JSON.stringify(data)) as IDataObject;
		data.__dataChanged = false;
	}

	/** A workflow over the stored static data (read-only view for tests). */
	get workflow(): Workflow {
		return this.buildWorkflow(this.load());
	}

	/** The size in bytes of the whole stored static data, as the database holds it. */
	get storedBytes(): number {
		return Buffer.byteLength(JSON.stringify(this.stored ?? {}));
	}

	private gate?: { size: number; arrived: number; open: () => void; opened: Promise<void> };

	/**
	 * The next `n` deliveries read the stored static data only once all `n` have arrived, as requests
	 * that reach n8n at the same moment do (each reads the database before any of them saved).
	 */
	arriveTogether(n: number): void {
		let open!: () => void;
		const opened = new Promise<void>((resolve) => (open = resolve));
		this.gate = { size: n, arrived: 0, open, opened };
	}

	/** Forgets what this n8n process kept in memory (as a restart would); the database stays. */
	restart(): void {
		forgetRecentDeliveries();
	}

	/** The production URL n8n would register: `<base>/<webhookId>/<path>`. */
	get webhookUrl(): string {
		return `${N8N_WEBHOOK_BASE}/${this.webhookId}/${this.webhookDescription.path}`;
	}

	/** The trigger node's static data as n8n saved it (a copy: writing to it changes nothing). */
	get staticData(): IDataObject {
		return ((this.load() ?? {})[`node:${this.node.name}`] ?? {}) as IDataObject;
	}

	private get webhookDescription() {
		return this.target.node.description.webhooks![0];
	}

	private webhookData(origin: HookOrigin = {}): IWebhookData {
		return {
			httpMethod: 'POST',
			node: this.node.name,
			path: `${this.webhookId}/${this.webhookDescription.path}`,
			webhookDescription: this.webhookDescription,
			workflowId: this.workflowId,
			workflowExecuteAdditionalData: {} as never,
			webhookId: this.webhookId,
			isTest: origin.test === true,
		};
	}

	private data(extra = {}) {
		return additionalData(this.credentialsHelper, new ExecutionLifecycleHooks('trigger', 'exec-1', {} as never), extra);
	}

	private async runHook(workflow: Workflow, method: 'checkExists' | 'create' | 'delete', origin: HookOrigin) {
		// n8n's modes: test webhooks 'manual'/'manual'; activation 'trigger'/'activate'; removal 'internal'/'update'.
		const [mode, activation]: [WorkflowExecuteMode, WorkflowActivateMode] = origin.test
			? [method === 'delete' ? 'internal' : 'manual', method === 'delete' ? 'update' : 'manual']
			: method === 'delete'
				? ['internal', 'update']
				: ['trigger', 'activate'];
		const context = new HookContext(workflow, this.node, this.data(), mode, activation, this.webhookData(origin));
		const methods = this.target.node.webhookMethods!.default as Record<string, (this: HookContext) => Promise<boolean>>;
		return await methods[method].call(context);
	}

	private async lifecycle(method: 'checkExists' | 'create' | 'delete', origin: HookOrigin) {
		const workflow = this.buildWorkflow(this.load());
		try {
			return await this.runHook(workflow, method, origin);
		} catch (error) {
			// A failed create is undone at once with delete, and the static data saved after it.
			if (method === 'create') {
				try {
					await this.runHook(workflow, 'delete', origin);
				} finally {
					this.saveIfChanged(workflow);
				}
			}
			throw error;
		} finally {
			this.saveIfChanged(workflow);
		}
	}

	checkExists(origin: HookOrigin = {}) {
		return this.lifecycle('checkExists', origin);
	}

	create(origin: HookOrigin = {}) {
		return this.lifecycle('create', origin);
	}

	delete(origin: HookOrigin = {}) {
		return this.lifecycle('delete', origin);
	}

	/** n8n's activation sequence: create only when checkExists says the registration is missing. */
	async activate(origin: HookOrigin = {}): Promise<void> {
		if (!(await this.checkExists(origin))) await this.create(origin);
	}

	setParameters(parameters: INodeParameters) {
		this.node.parameters = parameters;
	}

	private listening?: Promise<void>;

	private async ensureServer(): Promise<string> {
		if (!this.server) {
			// The node may answer before its webhook() returns (it answers, then downloads media): remember
			// the handling so `deliver` reports what the whole call produced.
			this.server = http.createServer((req, res) => {
				this.handling = this.handle(req, res);
			});
			const server = this.server;
			this.listening = new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
			TriggerHarness.open.add(this);
		}
		await this.listening; // concurrent deliveries share one server
		return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
	}

	private async handle(req: http.IncomingMessage, rawRes: http.ServerResponse) {
		const res = expressLike(rawRes);
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks);
		const text = rawBody.toString('utf8');
		let body: unknown = {};
		if (text && /^application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '')) {
			// As n8n's body-parser: querystring.parse, so bracket keys stay flat ("a[b][c]": "1").
			body = querystring.parse(text);
		} else if (text) {
			try {
				body = JSON.parse(text);
			} catch {
				body = text; // what a non-JSON body looks like to the node: not an object
			}
		}
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const origin: HookOrigin = { test: url.pathname.startsWith('/webhook-test/') };
		// n8n keeps the bytes as received on `rawBody` (signature checks need them).
		Object.assign(req, { body, rawBody, query: Object.fromEntries(url.searchParams), params: {} });
		try {
			await ensureBinaryData();
			const gate = this.gate;
			if (gate) {
				if (++gate.arrived === gate.size) this.gate = undefined;
				if (gate.arrived === gate.size) gate.open();
				await gate.opened;
			}
			// n8n loads the workflow and its static data from the database for every request.
			const workflowData = { staticData: this.load() };
			const workflow = this.buildWorkflow(workflowData.staticData);
			const context = new WebhookContext(
				workflow,
				this.node,
				this.data({ httpRequest: req as never, httpResponse: res as never }),
				origin.test ? 'manual' : 'webhook',
				this.webhookData(origin),
				[],
				null,
			);
			const response = await this.target.node.webhook!.call(context);
			this.lastResponse = response;
			this.lastEmitted = (response.workflowData?.[0] ?? []).map((item) => item.json);
			// webhook-helpers: a node that answered itself is "responded" now, and the static data saved.
			let responded = false;
			if (response.noWebhookResponse) {
				responded = true;
				this.saveIfChanged(workflow);
			}
			if (response.workflowData !== undefined) {
				// WorkflowRunner.run → establishContextForPersistence: a new Workflow over the same object.
				this.buildWorkflow(workflowData.staticData);
			}
			if (responded) return; // the node answered itself
			res.status(200).json(n8nOnReceivedAnswer(this.webhookDescription.responseData, response));
			this.saveIfChanged(workflow);
		} catch (error) {
			this.lastResponse = {};
			this.lastEmitted = [];
			res.status(500).json({ message: (error as Error).message });
		}
	}

	/** POSTs a body (object, or raw text) to the trigger over HTTP and returns what happened. */
	async deliver(
		body: unknown,
		options: { query?: Record<string, string>; headers?: Record<string, string>; test?: boolean } = {},
	): Promise<Delivery> {
		const base = await this.ensureServer();
		this.lastEmitted = [];
		this.lastResponse = {};
		const url = new URL(`${base}/${options.test ? 'webhook-test' : 'webhook'}/${this.webhookId}/${this.webhookDescription.path}`);
		for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
		const response = await axios.post(url.toString(), typeof body === 'string' ? body : JSON.stringify(body), {
			httpAgent: KEEP_ALIVE,
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
		await this.handling;
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
