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
	/**
	 * What `execute` returns: JSON objects, one output item each (the default), or whole n8n items
	 * (`'items'`, e.g. with binary data). Said, not guessed: provider JSON may have a `json` field.
	 */
	returns?: 'json' | 'items';
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

function toItems(output: OperationOutput, itemIndex: number, returns: OperationDefinition['returns']): INodeExecutionData[] {
	const list = Array.isArray(output) ? output : [output];
	return list.map((entry) =>
		returns === 'items'
			? { ...(entry as INodeExecutionData), pairedItem: { item: itemIndex } }
			: { json: entry as IDataObject, pairedItem: { item: itemIndex } },
	);
}

/**
 * The JSON of an error item under Continue On Fail: `error`, and the HTTP code, description and
 * `context` (e.g. which participant failed). n8n moves an item to the error output ("Continue (using
 * error output)") only when its keys are `error`, `message` or `details`, so there the rest goes
 * under `details`; there it also gets the input item's fields, ready for a retry of just the failed items.
 */
export function errorItemJson(ctx: IExecuteFunctions, error: unknown, context: IDataObject = {}): IDataObject {
	const details: IDataObject = { ...context };
	if (error instanceof NodeApiError && error.httpCode) details.httpCode = error.httpCode;
	if ((error instanceof NodeApiError || error instanceof NodeOperationError) && error.description) {
		details.description = error.description;
	}
	const message = (error as Error).message;
	if (ctx.getNode().onError !== 'continueErrorOutput') return { error: message, ...details };
	return { error: message, ...(Object.keys(details).length ? { details } : {}) };
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
			return { ok: true, value: toItems(await definition.execute.call(this, itemIndex), itemIndex, definition.returns) };
		} catch (error) {
			if (this.continueOnFail()) {
				return { ok: false, value: [{ json: errorItemJson(this, error), pairedItem: { item: itemIndex } }] };
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
	// Defaults are named values (the first resource, the first operation), as n8n's lint and package
	// scan can tell a default is there only from a literal or a name.
	const firstResource = resources[0].value;
	const resourceProperty: INodeProperties = {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources.map((r) => ({ name: r.name, value: r.value, description: r.description })),
		default: firstResource,
	};
	const operationProperties: INodeProperties[] = resources.map((r) => {
		const firstOperation = r.operations[0].operation;
		return {
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [r.value] } },
			options: r.operations.map((o) => ({ name: o.name, value: o.operation, action: o.action, description: o.description })),
			default: firstOperation,
		};
	});
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
