import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import type { Brand } from './brands';

const baseUrlField: INodeProperties = {
	displayName: 'Base URL',
	name: 'baseUrl',
	type: 'string',
	default: '',
	description: 'Ends in /api/v1. Change it for a tenant sub-domain (e.g. https://yourname.letsbot.net/api/v1), a proxy or the local simulator.',
};

/** The credential fields of both brands; only the default base URL differs. */
function platformCredentialProperties(brand: Brand): INodeProperties[] {
	return [
		{
			displayName: 'API Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: `The API key of your ${brand.name} instance (dashboard → API), sent as "Authorization: Bearer …"`,
		},
		{ ...baseUrlField, default: brand.defaultBaseUrl },
		{
			displayName: 'Plan',
			name: 'plan',
			type: 'options',
			options: [
				{ name: 'Basic (60 Requests per Minute)', value: 'basic' },
				{ name: 'Flex (120 Requests per Minute)', value: 'flex' },
				{ name: 'Extra (180 Requests per Minute)', value: 'extra' },
				{ name: 'Custom', value: 'custom' },
			],
			default: 'basic',
			description:
				'Your subscription plan sets how fast the nodes send: the plan’s burst, then one request per second (the platform’s leaky bucket). Nodes using this credential share one pace, and also slow down on the platform’s rate-limit headers and 429 answers.',
		},
		{
			displayName: 'Requests per Minute',
			name: 'requestsPerMinute',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 60,
			description: 'Your own limit: at most this many requests at once, then this many per minute',
			displayOptions: { show: { plan: ['custom'] } },
		},
	];
}

const platformAuthentication: IAuthenticateGeneric = {
	type: 'generic',
	properties: {
		headers: {
			Authorization: '=Bearer {{$credentials.token}}',
			Accept: 'application/json',
		},
	},
};

/**
 * `GET message/fetch?limit=1` (reference §7): read-only, tiny, the best-supported authenticated
 * GET. Fails on 401/403 and on HTTP 200 bodies that say failure.
 */
const platformCredentialTest = (brand: Brand): ICredentialTestRequest => ({
	request: {
		// The node's own rule (transport.ts): blank means the brand's default; trimmed, no trailing slash.
		baseURL: `={{ (String($credentials.baseUrl || "").trim() || "${brand.defaultBaseUrl}").replace(/\\/+$/, "") }}`,
		url: '/message/fetch',
		qs: { limit: 1 },
		method: 'GET',
		// As the node's calls: the token never follows a redirect to another host.
		disableFollowRedirect: true,
	},
	rules: [
		{ type: 'responseSuccessBody', properties: { key: 'success', value: false, message: 'The platform refused this token' } },
		{ type: 'responseSuccessBody', properties: { key: 'Status', value: 0, message: 'The platform refused this token' } },
	],
});

/**
 * The platform's credential under one brand's name, icon, default base URL and docs link. A brand's
 * credential file is one line: `export class WhatsLoopApi extends platformCredential(WHATSLOOP) {}`.
 */
export function platformCredential(brand: Brand) {
	return class implements ICredentialType {
		name = brand.credentialType;

		displayName = `${brand.name} API`;

		icon = { light: `file:../nodes/${brand.folder}/${brand.key}.svg`, dark: `file:../nodes/${brand.folder}/${brand.key}.dark.svg` } as const;

		documentationUrl = brand.docsUrl;

		properties = platformCredentialProperties(brand);

		authenticate = platformAuthentication;

		test = platformCredentialTest(brand);
	};
}
