import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { inspectBase64, sniffMimeType } from '../../../shared/binary';
import type { OperationDefinition, OperationOutput } from '../../../shared/execute';
import { returnAllOrLimit } from '../../../shared/paginate';
import type { SendingProfile } from '../../../shared/sending';
import { validator } from '../../../shared/validate';
import { brandOf } from '../brands';
import type { PlatformCall } from '../transport';
import { platformRequest } from '../transport';

export { validator };

/**
 * Sends and writes run as a campaign (Sending options). The credential's plan already paces every
 * request (the rate gate), so the defaults add no delay of their own; one item at a time keeps a
 * WhatsApp Web session's sending natural.
 */
export const platformSending: SendingProfile = {
	defaults: { concurrency: 1, maxPerMinute: 0, delay: 0, jitter: 0 },
	chatParameters: ['to', 'jid', 'phone'],
};

/** Said on operations whose route only the Lets bot vendor client declares (reference §4b.12). */
export const UNVERIFIED = 'Declared by the Lets bot vendor client; unverified on WhatsLoop.';

/** A recipient: a number or a group. Person JIDs become digits (the API's `phone`); group JIDs pass untouched. */
export function numberField(name: string, displayName: string, description?: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		required: true,
		placeholder: '966500000001',
		description:
			description ??
			'Number with country code (+, spaces, dashes and a leading 00 are removed), or a group ID ending in @g.us (passed on untouched)',
	};
}

export const toField = numberField('to', 'To');

export function textField(name: string, displayName: string, description: string, required = true): INodeProperties {
	return { displayName, name, type: 'string', typeOptions: { rows: 4 }, default: '', required, description };
}

export const messageIdField = (description: string): INodeProperties => ({
	displayName: 'Message ID',
	name: 'messageId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '3EB0A1B2C3D4E5F6A7B8',
	description,
});

/** Digits with country code, or a group/chat id: `…@g.us` untouched, `…@c.us` / `…@s.whatsapp.net` as digits. */
export function recipient(ctx: IExecuteFunctions, itemIndex: number, name = 'to', label = 'To'): string {
	const value = validator(ctx, itemIndex).phone(ctx.getNodeParameter(name, itemIndex), label, { allowChatId: true });
	return /@(c\.us|s\.whatsapp\.net)$/.test(value) ? value.slice(0, value.indexOf('@')) : value;
}

/** The public URL of a file the platform downloads itself (it takes no uploads on these routes). */
export function mediaUrl(ctx: IExecuteFunctions, itemIndex: number, name: string, label: string): string {
	return validator(ctx, itemIndex).publicUrl(ctx.getNodeParameter(name, itemIndex), label, brandOf(ctx.getNode()).name);
}

export function urlField(name: string, displayName: string, what: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://example.com/file',
		description: `Public URL of the ${what}`,
		hint: 'The platform downloads the file from this URL itself; it takes no binary uploads on this route, so the URL must be reachable from the internet',
	};
}

/** n8n's numbers come as numbers; the platform's timestamps as strings (protobuf Long). */
function epochMs(value: unknown): number | null {
	const n = Number(value);
	if (value === undefined || value === null || value === '' || !Number.isFinite(n)) return null;
	return n < 1e11 ? n * 1000 : n;
}

/**
 * The output of a send (reference §2.1): the message id (`data.key.id`) later acks refer to, the
 * chat, a numeric timestamp (ms), and whether the platform only queued it (`status: PENDING`, or the queue answer).
 */
function sentMessage(body: IDataObject): IDataObject {
	const data = (body.data && typeof body.data === 'object' ? body.data : {}) as IDataObject;
	const key = (data.key ?? {}) as IDataObject;
	const status = data.status === undefined ? null : String(data.status);
	return {
		success: true,
		messageId: (key.id as string) ?? null,
		chatId: (key.remoteJid as string) ?? null,
		timestamp: epochMs(data.messageTimestamp),
		status,
		// The engine's queued path answers without a status: "The message has been added to your queue." (reference §2.1).
		queued: status === 'PENDING' || (status === null && /\bqueue\b/i.test(String(body.message ?? ''))),
		message: (body.message as string) ?? null,
		data,
	};
}

/** A send: never repeated once it may have reached the platform (it would be delivered twice). */
export async function send(this: IExecuteFunctions, itemIndex: number, path: string, body: IDataObject, options: { form?: boolean } = {}): Promise<IDataObject> {
	const response = await platformRequest.call(this, 'POST', path, { body, itemIndex, form: options.form });
	return sentMessage(response.body);
}

/** Any other call; the operation declares `repeatable` next to its route. */
export async function call(
	this: IExecuteFunctions,
	itemIndex: number,
	method: IHttpRequestMethods,
	path: string,
	request: Omit<PlatformCall, 'itemIndex'> & { repeatable: boolean },
): Promise<IDataObject> {
	const response = await platformRequest.call(this, method, path, { ...request, itemIndex });
	return response.body ?? {};
}

/** `data` of an envelope (or the body itself when it has none). */
function dataOf(body: IDataObject): unknown {
	return body && typeof body === 'object' && 'data' in body ? body.data : body;
}

/** A list answer as items: `data` when it is an array, else the first array found inside it. */
export function listOf(body: IDataObject): IDataObject[] {
	const data = dataOf(body);
	if (Array.isArray(data)) return data as IDataObject[];
	if (data && typeof data === 'object') {
		for (const value of Object.values(data as IDataObject)) if (Array.isArray(value)) return value as IDataObject[];
	}
	return [];
}

/** A single-object answer: `data` when it is an object, else the whole envelope. */
export function objectOf(body: IDataObject): IDataObject {
	const data = dataOf(body);
	return data && typeof data === 'object' && !Array.isArray(data) ? (data as IDataObject) : body;
}

/** Return All / Limit over a list the platform returns in one answer. */
export function limitList(ctx: IExecuteFunctions, itemIndex: number, list: IDataObject[]): IDataObject[] {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	return returnAll ? list : list.slice(0, ctx.getNodeParameter('limit', itemIndex, 50) as number);
}

type Step = (ctx: IExecuteFunctions, itemIndex: number) => Promise<OperationOutput>;

/** A `GET` list the platform returns whole (no paging): one item per entry, Return All / Limit applied here. */
export function wholeListOperation(resource: string, spec: { operation: string; name: string; action: string; what: string; path: string; description: string }): OperationDefinition {
	return operation(resource, {
		operation: spec.operation,
		name: spec.name,
		action: spec.action,
		description: `${spec.description} ${UNVERIFIED}`,
		properties: returnAllOrLimit(spec.what),
		run: async (ctx, i) => limitList(ctx, i, listOf(await call.call(ctx, i, 'GET', spec.path, { repeatable: true }))),
	});
}

/** An operation without boilerplate: its description and what it does for one item. */
export function operation(resource: string, definition: Omit<OperationDefinition, 'resource' | 'execute'> & { run: Step }): OperationDefinition {
	const { run, ...rest } = definition;
	return {
		resource,
		...rest,
		async execute(this: IExecuteFunctions, itemIndex: number) {
			return await run(this, itemIndex);
		},
	};
}

/** A base64 image answer (`data:image/png;base64,…` or bare base64) as an n8n binary property. */
export async function base64Image(ctx: IExecuteFunctions, i: number, base64: string, fileName: string, json: IDataObject): Promise<INodeExecutionData> {
	const declared = inspectBase64(base64);
	if (!declared) return validator(ctx, i).fail('The platform answered with an image that is not base64', `It starts with "${base64.trim().slice(0, 40)}".`);
	const buffer = Buffer.from(base64.trim().replace(/^data:[^,]*,/, ''), 'base64');
	const mimeType = sniffMimeType(buffer, declared.mimeType);
	const property = ctx.getNodeParameter('binaryPropertyName', i, 'data') as string;
	return { json: { ...json, mimeType, bytes: buffer.length }, binary: { [property]: await ctx.helpers.prepareBinaryData(buffer, fileName, mimeType) } };
}

export const binaryPropertyField: INodeProperties = { displayName: 'Put Output File in Field', name: 'binaryPropertyName', type: 'string', default: 'data', required: true, hint: 'Name of the output binary field for the image' };
