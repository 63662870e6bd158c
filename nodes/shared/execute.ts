import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { asNodeError } from './errors';
import type { SendingProfile } from './sending';
import { runInOrder, sendingProperty } from './sending';

/** What an operation may return for one input item. */
export type OperationOutput = IDataObject | IDataObject[] | INodeExecutionData | INodeExecutionData[];

export interface OperationDefinition {
	resource: string;
	operation: string;
	/** Option label, e.g. "Send Text". */
	name: string;
	/** Sentence shown in the node panel and used by AI agents, e.g. "Send a text message". */
	action: string;
	description: string;
	/** Parameters of this operation only; resource/operation display rules are added for you. */
	properties: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationOutput>;
	/** Set on sends and writes (see `withSending`): Sending options, campaign pacing and order. */
	sending?: SendingProfile;
}

export interface ResourceDefinition {
	name: string;
	value: string;
	description?: string;
	operations: OperationDefinition[];
}

function isExecutionData(value: unknown): value is INodeExecutionData {
	return !!value && typeof value === 'object' && 'json' in value && typeof (value as INodeExecutionData).json === 'object';
}

function toItems(output: OperationOutput, itemIndex: number): INodeExecutionData[] {
	const list = Array.isArray(output) ? output : [output];
	return list.map((entry) =>
		isExecutionData(entry)
			? { ...entry, pairedItem: { item: itemIndex } }
			: { json: entry as IDataObject, pairedItem: { item: itemIndex } },
	);
}

/**
 * The per-item loop every action node uses: runs the chosen operation for each input item, links
 * outputs to their input (`pairedItem`), and on failure either stops with an error that names the
 * item or, with "Continue On Fail", emits an error item in its place.
 */
export async function executePerItem(
	this: IExecuteFunctions,
	resources: ResourceDefinition[],
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const runItem = async (itemIndex: number) => {
		try {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operation = this.getNodeParameter('operation', itemIndex) as string;
			const definition = findOperation(resources, resource, operation);
			if (!definition) {
				throw new NodeOperationError(this.getNode(), `Unknown operation "${resource}.${operation}"`, { itemIndex });
			}
			return { ok: true, value: toItems(await definition.execute.call(this, itemIndex), itemIndex) };
		} catch (error) {
			if (this.continueOnFail()) {
				const json: IDataObject = { error: (error as Error).message };
				if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
				if (error instanceof NodeApiError || error instanceof NodeOperationError) {
					if (error.description) json.description = error.description;
				}
				// n8n moves an item to the error output only when its keys are `error`, `message` or `details`;
				// there it gets the input item's fields too, ready for a retry of just the failed items.
				const { error: message, ...details } = json;
				const errorOutput = this.getNode().onError === 'continueErrorOutput';
				const failed = errorOutput ? { error: message, ...(Object.keys(details).length ? { details } : {}) } : json;
				return { ok: false, value: [{ json: failed, pairedItem: { item: itemIndex } }] };
			}
			throw asNodeError(this.getNode(), error, itemIndex);
		}
	};
	// Resource and operation can't be expressions: item 0's decide how the whole run is sent.
	const first = items.length
		? findOperation(resources, this.getNodeParameter('resource', 0) as string, this.getNodeParameter('operation', 0) as string)
		: undefined;
	const outputs = await runInOrder(this, items.length, runItem, first?.sending);
	return [outputs.flat()];
}

export function findOperation(resources: ResourceDefinition[], resource: string, operation: string) {
	return resources.find((r) => r.value === resource)?.operations.find((o) => o.operation === operation);
}

/**
 * Builds a node's `properties` from its resource files: the Resource selector, one Operation
 * selector per resource, then each operation's own parameters shown only for that operation.
 */
export function buildProperties(resources: ResourceDefinition[]): INodeProperties[] {
	// eslint-disable-next-line n8n-nodes-base/node-param-default-missing -- default is the first resource
	const resourceProperty: INodeProperties = {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources.map((r) => ({ name: r.name, value: r.value, description: r.description })),
		default: resources[0].value,
	};
	// eslint-disable-next-line n8n-nodes-base/node-param-default-missing -- default is the first operation
	const operationProperties: INodeProperties[] = resources.map((r) => ({
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [r.value] } },
		options: r.operations.map((o) => ({ name: o.name, value: o.operation, action: o.action, description: o.description })),
		default: r.operations[0].operation,
	}));
	const operationParameters = resources.flatMap((r) =>
		r.operations.flatMap((o) =>
			(o.sending ? [...o.properties, sendingProperty(o.sending)] : o.properties).map((p) => ({
				...p,
				displayOptions: {
					...p.displayOptions,
					show: { ...p.displayOptions?.show, resource: [r.value], operation: [o.operation] },
				},
			})),
		),
	);
	return [resourceProperty, ...operationProperties, ...operationParameters];
}
