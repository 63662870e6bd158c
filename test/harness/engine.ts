import { Container } from '@n8n/di';
import { BinaryDataService, ExecutionLifecycleHooks, LoadOptionsContext, WorkflowExecute } from 'n8n-core';
import type {
	IBinaryData,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { NodeConnectionTypes, Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials';

export const PACKAGE = 'n8n-nodes-whatsapp-providers';

/** A pass-through start node: emits the test's input items, like a Manual Trigger with pinned data. */
class StartNode implements INodeType {
	description = {
		displayName: 'Start',
		name: 'start',
		group: ['input'],
		version: 1,
		description: 'Test start node',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

export class TestNodeTypes implements INodeTypes {
	private readonly types: Record<string, INodeType> = { 'harness.start': new StartNode() };

	register(name: string, type: INodeType) {
		this.types[name] = type;
		return this;
	}

	getByName(name: string): INodeType | IVersionedNodeType {
		const type = this.types[name];
		if (!type) throw new Error(`Unknown node type ${name}`);
		return type;
	}

	getByNameAndVersion(name: string): INodeType {
		return this.getByName(name) as INodeType;
	}

	getKnownTypes() {
		return {};
	}
}

let binaryReady: Promise<void> | undefined;
/** n8n's real BinaryDataService in its default (in-memory) mode, as a fresh n8n process has it. */
export async function ensureBinaryData(): Promise<void> {
	binaryReady ??= Container.get(BinaryDataService).init();
	await binaryReady;
}

/** The bytes of an n8n binary property, read the way nodes read them (from n8n's binary store). */
export async function readBinary(binary: IBinaryData): Promise<Buffer> {
	await ensureBinaryData();
	return await Container.get(BinaryDataService).getAsBuffer(binary);
}

export function additionalData(
	credentialsHelper: TestCredentialsHelper,
	hooks: ExecutionLifecycleHooks,
	extra: Partial<IWorkflowExecuteAdditionalData> = {},
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		hooks,
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not available in tests');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		formBaseUrl: 'http://127.0.0.1:5678/form',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
		variables: {},
		userId: 'test-user',
		workflowId: 'wf-test',
		...extra,
	} as IWorkflowExecuteAdditionalData;
}

export interface NodeUnderTest {
	/** The node class instance, e.g. `new Maytapi()`. */
	node: INodeType;
	credentialType: ICredentialType;
	credentials: ICredentialDataDecryptedObject;
}

export interface RunOptions {
	parameters: INodeParameters;
	/** Input items (json and binary); one empty item by default. */
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
}

export interface RunResult {
	/** Output items of the node under test (first output). */
	items: INodeExecutionData[];
	/** Set when the node failed (and Continue On Fail was off). */
	error?: Error & { description?: string; httpCode?: string; context?: IDataObject };
	run: IRun;
}

function typeName(node: INodeType): string {
	return `${PACKAGE}.${(node.description as { name: string }).name}`;
}

/** The workflow Start → node, ready to hand to n8n-core's WorkflowExecute. */
export interface PreparedRun {
	workflow: Workflow;
	execution: WorkflowExecute;
	/** Resolves with the run data once n8n says the execution finished (or was cancelled). */
	finished: Promise<IRun>;
}

/**
 * Builds Start → node (`nodeType` registered under the target's type name, the target's credential
 * as id `cred-1`) and the WorkflowExecute that runs it; the caller starts it. Requests go over real
 * HTTP to wherever the credential's base URL points (a local fake provider).
 */
export function prepareRun(
	target: NodeUnderTest,
	nodeType: INodeType,
	node: Pick<INode, 'id' | 'name' | 'parameters' | 'onError'>,
	items: INodeExecutionData[],
	ids: { workflowId: string; executionId: string } = { workflowId: 'wf-test', executionId: 'exec-1' },
): PreparedRun {
	const nodeTypes = new TestNodeTypes().register(typeName(target.node), nodeType);
	const credentialsHelper = new TestCredentialsHelper(
		{ [target.credentialType.name]: target.credentialType },
		{ [target.credentialType.name]: target.credentials },
	);
	const start: INode = { id: 'start', name: 'Start', type: 'harness.start', typeVersion: 1, position: [0, 0], parameters: {} };
	const underTest: INode = {
		...node,
		type: typeName(target.node),
		typeVersion: 1,
		position: [200, 0],
		credentials: { [target.credentialType.name]: { id: 'cred-1', name: 'Test credential' } },
	};
	const workflow = new Workflow({
		id: ids.workflowId,
		nodes: [start, underTest],
		connections: { Start: { main: [[{ node: node.name, type: NodeConnectionTypes.Main, index: 0 }]] } },
		active: false,
		nodeTypes,
		settings: {},
	});
	const hooks = new ExecutionLifecycleHooks('manual', ids.executionId, {
		id: ids.workflowId,
		name: 'Test',
		active: false,
		activeVersionId: null,
		isArchived: false,
		nodes: [start, underTest],
		connections: workflow.connectionsBySourceNode,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	let finish!: (run: IRun) => void;
	const finished = new Promise<IRun>((resolve) => (finish = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => finish(run));
	const runExecutionData = {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			nodeExecutionStack: [{ node: start, data: { main: [items] }, source: null }],
			metadata: {},
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	} as unknown as IRunExecutionData;
	const execution = new WorkflowExecute(additionalData(credentialsHelper, hooks, { executionId: ids.executionId }), 'manual', runExecutionData);
	return { workflow, execution, finished };
}

/** Runs the workflow Start → node through n8n-core's WorkflowExecute, with the credential applied by the credential type's own `authenticate`. */
export async function runNode(target: NodeUnderTest, options: RunOptions): Promise<RunResult> {
	await ensureBinaryData();
	const nodeName = 'Node Under Test';
	const prepared = prepareRun(
		target,
		target.node,
		{ id: 'under-test', name: nodeName, parameters: options.parameters, ...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}) },
		options.items ?? [{ json: {} }],
	);
	await prepared.execution.processRunExecutionData(prepared.workflow);
	const run = await prepared.finished;
	const task = run.data.resultData.runData[nodeName]?.[0];
	return {
		items: task?.data?.main?.[0] ?? [],
		error: (task?.error ?? run.data.resultData.error) as RunResult['error'],
		run,
	};
}

/** Calls a node's loadOptions / listSearch method with n8n's LoadOptionsContext. */
export async function loadOptions(
	target: NodeUnderTest,
	kind: 'loadOptions' | 'listSearch',
	method: string,
	parameters: INodeParameters,
	filter?: string,
): Promise<INodePropertyOptions[] | INodeListSearchResult> {
	const nodeTypes = new TestNodeTypes().register(typeName(target.node), target.node);
	const credentialsHelper = new TestCredentialsHelper(
		{ [target.credentialType.name]: target.credentialType },
		{ [target.credentialType.name]: target.credentials },
	);
	const node: INode = {
		id: 'under-test',
		name: 'Node Under Test',
		type: typeName(target.node),
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { [target.credentialType.name]: { id: 'cred-1', name: 'Test credential' } },
	};
	const workflow = new Workflow({ id: 'wf-test', nodes: [node], connections: {}, active: false, nodeTypes });
	const hooks = new ExecutionLifecycleHooks('manual', 'exec-1', {} as never);
	const data = additionalData(credentialsHelper, hooks, { currentNodeParameters: parameters });
	const context = new LoadOptionsContext(workflow, node, data, 'parameters');
	const methods = (target.node.methods as Record<string, Record<string, (this: unknown, filter?: string) => Promise<unknown>>>)[kind];
	if (!methods?.[method]) throw new Error(`No ${kind} method ${method}`);
	return (await methods[method].call(context, filter)) as INodePropertyOptions[] | INodeListSearchResult;
}
