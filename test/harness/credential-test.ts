import axios from 'axios';
import type { ICredentialDataDecryptedObject, ICredentialType, IHttpRequestOptions, INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { resolveWithCredentials, TestCredentialsHelper } from './credentials';
import { TestNodeTypes } from './engine';

function testRequestOf(type: ICredentialType) {
	if (!type.test || !('request' in type.test)) throw new Error(`${type.name} has no request test`);
	const node: INode = { id: 'n', name: 'Credential Test', type: 'harness.start', typeVersion: 1, position: [0, 0], parameters: {} };
	const workflow = new Workflow({ id: 'cred-test', nodes: [node], connections: {}, active: false, nodeTypes: new TestNodeTypes() });
	return { test: type.test, node, workflow };
}

/**
 * The URL a credential type's `test` request goes to, resolved with n8n's expression engine and
 * joined as axios joins `baseURL` and `url` (one slash between them), without sending anything.
 */
export function credentialTestUrl(type: ICredentialType, credentials: ICredentialDataDecryptedObject): string {
	const { test, node, workflow } = testRequestOf(type);
	const resolve = (v: unknown) => String(resolveWithCredentials(workflow, node, v, credentials) ?? '');
	const base = resolve(test.request.baseURL ?? '');
	const path = resolve(test.request.url ?? '');
	return base ? `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}` : path;
}

/**
 * Runs a credential type's `test` like n8n's credential tester: resolves the request's expressions
 * with `$credentials`, applies `authenticate`, sends it, and applies the `rules`.
 */
export async function testCredential(type: ICredentialType, credentials: ICredentialDataDecryptedObject) {
	const { test, node, workflow } = testRequestOf(type);
	const request = test.request;
	const url = credentialTestUrl(type, credentials);
	const options = await new TestCredentialsHelper({ [type.name]: type }, { [type.name]: credentials }).authenticate(
		credentials,
		type.name,
		{ url, method: request.method ?? 'GET', headers: { ...(request.headers ?? {}) }, qs: { ...(request.qs ?? {}) } } as IHttpRequestOptions,
		workflow,
		node,
	);
	const response = await axios.request({
		url: options.url,
		method: options.method,
		headers: options.headers as Record<string, string>,
		params: options.qs,
		// n8n's HTTP layer honours disableFollowRedirect (axios maxRedirects 0), and fails on any non-2xx.
		...(request.disableFollowRedirect === true ? { maxRedirects: 0 } : {}),
		validateStatus: () => true,
	});
	if (response.status < 200 || response.status >= 300) return { status: 'Error' as const, message: `HTTP ${response.status}`, request: options };
	for (const rule of test.rules ?? []) {
		if (rule.type === 'responseSuccessBody') {
			const { key, value, message } = rule.properties as { key: string; value: unknown; message: string };
			if ((response.data as Record<string, unknown>)?.[key] === value) return { status: 'Error' as const, message, request: options };
		}
	}
	return { status: 'OK' as const, message: 'Connection tested successfully', request: options };
}
