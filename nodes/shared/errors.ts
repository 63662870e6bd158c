import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { htmlText, looksLikeHtml } from './html';

const HINTS: Record<number, string> = {
	400: 'The provider rejected the request. Check the values named in the message.',
	401: 'The provider did not accept the credential. Check the API key/token in the credential.',
	403: 'The credential is valid but not allowed to do this. Check the account plan and permissions.',
	404: 'The provider does not know this resource. Check IDs such as phone, product, group or template.',
	409: 'The resource already exists or is in a conflicting state.',
	413: 'The request is too large for the provider. Send a smaller file or use a URL.',
	422: 'The provider could not process the values sent. Check the fields named in the message.',
	429: 'The provider is rate-limiting this account. The node waited and retried; slow the workflow down or try later.',
};

/**
 * Removes secret values from any text before it reaches an error message or the UI: as typed, and
 * as they appear inside JSON (escaped quotes, backslashes) or a URL (percent-encoded).
 */
export function redact(text: string, secrets: string[]): string {
	let out = text;
	for (const secret of secrets) {
		if (!secret || secret.length < 4) continue;
		for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)])) {
			out = out.split(form).join('***');
		}
	}
	return out;
}

function hintFor(status: number | undefined): string {
	if (status === undefined) return 'The provider could not be reached. Check the base URL in the credential and the network.';
	if (HINTS[status]) return HINTS[status];
	if (status >= 500) return 'The provider had an internal problem. Try again later; if it persists, contact the provider.';
	return 'The provider answered with an error.';
}

/**
 * Short, safe text of a response body for the error description (no secrets, bounded length). An
 * HTML page is read as the same text the message uses (its title, …), not shown as markup; it is
 * redacted before and after that reading.
 */
export function describeBody(body: unknown, secrets: string[]): string {
	if (body === undefined || body === null || body === '') return '';
	if (typeof body !== 'string' && !Buffer.isBuffer(body)) return bounded(redact(JSON.stringify(body), secrets));
	// Redacted before and after the reading: the page may hold a secret as is, or spelled with entities.
	let text = redact(Buffer.isBuffer(body) ? body.toString('utf8') : body, secrets);
	if (looksLikeHtml(text)) text = redact(htmlText(text), secrets);
	return bounded(text);
}

function bounded(text: string): string {
	return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

export interface ProviderErrorInput {
	node: INode;
	provider: string;
	/** The provider's own message, when it said one. */
	providerMessage?: string;
	status?: number;
	body?: unknown;
	/** Extra facts for the description (e.g. a transport error code). */
	detail?: string;
	secrets: string[];
	itemIndex?: number;
}

/** One shape for every provider failure: "<Provider>: <provider's message>" + HTTP code + hint. */
export function providerError(input: ProviderErrorInput): NodeApiError {
	const { node, provider, status, secrets, itemIndex } = input;
	const said = input.providerMessage ? redact(input.providerMessage, secrets) : undefined;
	const message = `${provider}: ${said ?? (status ? `HTTP ${status}` : 'request failed')}`;
	const bodyText = describeBody(input.body, secrets);
	// Redacted as a whole, like the message: the detail (e.g. a transport error) may quote a secret too.
	const description = redact(
		[hintFor(status), input.detail ?? '', bodyText ? `Response: ${bodyText}` : ''].filter(Boolean).join('\n'),
		secrets,
	);
	// A plain object, never the transport error itself: that one carries request headers (secrets).
	const response: JsonObject = { message, ...(status ? { httpCode: String(status) } : {}) };
	return new NodeApiError(node, response, {
		message,
		description,
		httpCode: status ? String(status) : undefined,
		itemIndex,
	});
}

/** A problem with the node's input, found before anything was sent. */
export function inputError(node: INode, message: string, itemIndex: number, description?: string) {
	return new NodeOperationError(node, message, { itemIndex, description });
}

/**
 * The error to throw from a catch block: n8n's own errors pass unchanged (keeping HTTP code and
 * provider message), anything else is wrapped with the item it happened on.
 */
export function asNodeError(node: INode, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (itemIndex !== undefined) error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(node, error as Error, { itemIndex });
}
