import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class MaytapiApi implements ICredentialType {
	name = 'maytapiApi';

	displayName = 'Maytapi API';

	icon = { light: 'file:../nodes/Maytapi/maytapi.svg', dark: 'file:../nodes/Maytapi/maytapi.dark.svg' } as const;

	documentationUrl = 'https://maytapi.com/whatsapp-api-documentation';

	properties: INodeProperties[] = [
		{
			displayName: 'Product ID',
			name: 'productId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'a1b2c3d4-0000-4000-8000-000000000001',
			description: 'Shown in the Maytapi console under Settings → Token',
		},
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Sent as the x-maytapi-key header. Shown in the Maytapi console under Settings → Token.',
		},
		{
			displayName: 'Default Phone ID',
			name: 'phoneId',
			type: 'string',
			default: '',
			placeholder: '12345',
			description:
				'Phone instance used when a node does not choose one. Shown next to each number in the console, or listed by Phone → Get Many.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.maytapi.com/api',
			description: 'Change only to use a proxy or a local simulator',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { 'x-maytapi-key': '={{$credentials.apiToken}}' },
		},
	};

	// GET /product is side-effect free and needs both a valid product ID and token. The URL is built
	// exactly as the node builds it (maytapiProvider.baseUrl): blank Base URL means the default, the
	// product ID is trimmed and URL-encoded.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ (String($credentials.baseUrl || "").trim() || "https://api.maytapi.com/api").replace(/\\/+$/, "") + "/" + encodeURIComponent(String($credentials.productId || "").trim()) }}',
			url: '/product',
			method: 'GET',
			// The token must not follow a redirect to another host.
			disableFollowRedirect: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: { key: 'success', value: false, message: 'Maytapi did not accept this product ID and token' },
			},
		],
	};
}
