import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class SobotApi implements ICredentialType {
	name = 'sobotApi';

	displayName = 'Sobot API';

	icon = { light: 'file:../nodes/Sobot/sobot.svg', dark: 'file:../nodes/Sobot/sobot.dark.svg' } as const;

	documentationUrl = 'https://docs.sobot.in';

	properties: INodeProperties[] = [
		{
			displayName:
				'An admin creates the keys in Sobot: app.sobot.in → Settings → Developer tools → Generate New Keys. This is Sobot (sobot.in), not the Chinese sobot.io.',
			name: 'keysNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The access key, sent as the x-api-key header',
		},
		{
			displayName: 'API Secret',
			name: 'apiSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The secret key, sent as the x-api-secret header',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.sobot.in',
			description: 'Change only to use a proxy or a local simulator',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'x-api-key': '={{$credentials.apiKey}}',
				'x-api-secret': '={{$credentials.apiSecret}}',
			},
		},
	};

	// One page of the customer list: read-only, and it needs both keys. The base URL is built exactly
	// as the node builds it (sobotProvider.baseUrl): trimmed, and blank means the default.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ (String($credentials.baseUrl || "").trim() || "https://api.sobot.in").replace(/\\/+$/, "") }}',
			url: '/api/customer',
			qs: { page: 1 },
			method: 'GET',
			// The keys must not follow a redirect to another host.
			disableFollowRedirect: true,
		},
		rules: [
			// Sobot puts its status in the body's `code`; an HTTP 200 may still carry an error.
			{ type: 'responseSuccessBody', properties: { key: 'code', value: 401, message: 'Sobot did not accept this API key and secret' } },
			{ type: 'responseSuccessBody', properties: { key: 'code', value: 403, message: 'These Sobot keys may not read customers' } },
		],
	};
}
