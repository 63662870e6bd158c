import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import type { OperationDefinition } from '../../../../shared/execute';
import { platformRequest } from '../../transport';
import { operation, validator } from '../common';

/**
 * Any route under `/api/v1` through the same credential, error mapping and rate gate: for what the
 * platform adds later, or a route that lives under another path on your host.
 */
export const apiRequest: OperationDefinition = operation('apiRequest', {
	operation: 'request',
	name: 'Request',
	action: 'Call any API route',
	description: 'Call any route of the API (method, path under /api/v1, query, JSON or form body)',
	properties: [
		{
			displayName: 'Method',
			name: 'method',
			type: 'options',
			options: [
				{ name: 'DELETE', value: 'DELETE' },
				{ name: 'GET', value: 'GET' },
				{ name: 'PATCH', value: 'PATCH' },
				{ name: 'POST', value: 'POST' },
				{ name: 'PUT', value: 'PUT' },
			],
			default: 'POST',
		},
		{ displayName: 'Path', name: 'path', type: 'string', default: '', required: true, placeholder: 'message/send', description: 'Route under /api/v1, e.g. message/send or chat/list' },
		{ displayName: 'Query Parameters (JSON)', name: 'query', type: 'json', default: '{}', description: 'Query string parameters as a JSON object' },
		{
			displayName: 'Body Content Type',
			name: 'contentType',
			type: 'options',
			options: [
				{ name: 'JSON', value: 'json' },
				{ name: 'Form (URL-Encoded)', value: 'form', description: 'Nested values become bracket keys, e.g. buttons[0][title]' },
			],
			default: 'json',
			displayOptions: { show: { method: ['POST', 'PUT', 'PATCH', 'DELETE'] } },
		},
		{ displayName: 'Body (JSON)', name: 'body', type: 'json', default: '{}', displayOptions: { show: { method: ['POST', 'PUT', 'PATCH', 'DELETE'] } } },
	],
	run: async (ctx, i) => {
		const check = validator(ctx, i);
		const method = check.oneOf(String(ctx.getNodeParameter('method', i)), ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], 'Method') as IHttpRequestMethods;
		const path = check.required(ctx.getNodeParameter('path', i), 'Path').trim().replace(/^\/+/, '').replace(/^api\/v1\//, '');
		// URL parsing resolves `..` also when its dots are percent-encoded (`%2e%2e`), and `\` as `/`.
		const segments = path.replace(/%2e/gi, '.').split(/[/\\]/);
		if (/^[a-z]+:\/\//i.test(path) || segments.some((segment) => segment === '..' || segment === '.')) {
			check.fail(`"Path" must be a route under /api/v1 such as message/send, got "${path}"`);
		}
		const asObject = (value: unknown, field: string) => {
			const parsed = check.json<unknown>(value ?? {}, field) ?? {};
			if (typeof parsed !== 'object' || Array.isArray(parsed)) check.fail(`"${field}" must be a JSON object`);
			return parsed as IDataObject;
		};
		const qs = asObject(ctx.getNodeParameter('query', i, '{}'), 'Query Parameters (JSON)');
		const hasBody = method !== 'GET';
		const body = hasBody ? asObject(ctx.getNodeParameter('body', i, '{}'), 'Body (JSON)') : undefined;
		const form = hasBody && ctx.getNodeParameter('contentType', i, 'json') === 'form';
		// Only GET is a plain read; whatever else this route does is unknown, so it is never repeated after a lost answer.
		const response = await platformRequest.call(ctx, method, path, { qs, body, form, repeatable: method === 'GET', itemIndex: i });
		return { statusCode: response.status, ...(response.body && typeof response.body === 'object' ? response.body : { body: response.body }) };
	},
});
