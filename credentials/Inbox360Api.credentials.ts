import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/** The inbox origin as stored, without trailing slashes or an `/api/v1` the user pasted along. */
export function inboxOrigin(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.baseUrl ?? '')
		.trim()
		.replace(/\/+$/, '')
		.replace(/\/api\/v1$/, '');
}

/** Start of the error a failed username/password exchange raises (the node recognises it). */
export const LOGIN_FAILED = '360dialog Inbox login failed';

export class Inbox360Api implements ICredentialType {
	name = 'inbox360Api';

	displayName = '360dialog Inbox API';

	icon = { light: 'file:../nodes/Inbox360/inbox360.svg', dark: 'file:../nodes/Inbox360/inbox360.dark.svg' } as const;

	documentationUrl = 'https://docs.360dialog.com/docs/inbox/inbox-api/quickstart';

	properties: INodeProperties[] = [
		{
			displayName: 'Inbox URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://acme.inbox.getchat.360dialog.io',
			description:
				'The origin of your inbox (each phone number has its own). The node appends /api/v1/. Older inboxes live under get.chat or your own domain.',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{ name: 'Token', value: 'token', description: 'An API user’s token, sent as Authorization: Token …' },
				{
					name: 'Username & Password',
					value: 'usernamePassword',
					description: 'N8n exchanges them for a token (POST /api/v1/auth/token/) and fetches a new one when the inbox says the token is invalid',
				},
				{ name: 'D360-Api-Key (Legacy)', value: 'd360ApiKey', description: 'The 360dialog channel key; only 2021-era inboxes accept it' },
			],
			default: 'token',
		},
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['token'] } },
			description:
				'Token of an API user (get it with POST /api/v1/auth/token/ or an app user’s activation URL). Use a separate app user per integration.',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['usernamePassword'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['usernamePassword'] } },
		},
		{
			displayName: 'D360-Api-Key',
			name: 'd360ApiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['d360ApiKey'] } },
			hint: 'Legacy: the 2021 API accepted this key (it logs in as the first admin); the current 360dialog Inbox API does not. Prefer Token.',
		},
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	/**
	 * Username & Password only: n8n calls this when the stored token is empty, or expired (the
	 * node asks again after a 403 "Invalid token"), and stores the answer in the credential.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		if (credentials.authentication !== 'usernamePassword') return {};
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${inboxOrigin(credentials)}/api/v1/auth/token/`,
			body: { username: credentials.username, password: credentials.password },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			// A redirect (a 307/308 keeps the body) would hand the password to wherever it points.
			disableFollowRedirect: true,
		})) as { statusCode: number; headers?: Record<string, unknown>; body?: { token?: string; non_field_errors?: string[]; detail?: string } };
		if (response.statusCode >= 300 && response.statusCode < 400) {
			const location = String(response.headers?.location ?? '');
			let target = 'an unnamed location';
			try {
				if (location) target = new URL(location, `${inboxOrigin(credentials)}/`).host;
			} catch {
				target = `"${location.slice(0, 100)}"`;
			}
			throw new Error(`${LOGIN_FAILED}: the inbox answered with a redirect to ${target}, which is not followed (HTTP ${response.statusCode})`);
		}
		const token = response.body?.token;
		if (response.statusCode !== 200 || !token) {
			const reason = response.body?.non_field_errors?.[0] ?? response.body?.detail ?? `HTTP ${response.statusCode}`;
			throw new Error(`${LOGIN_FAILED}: ${reason} (HTTP ${response.statusCode})`);
		}
		return { sessionToken: token };
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const headers = { ...(requestOptions.headers ?? {}) };
		if (credentials.authentication === 'd360ApiKey') headers['D360-Api-Key'] = String(credentials.d360ApiKey ?? '');
		else {
			const token = credentials.authentication === 'usernamePassword' ? credentials.sessionToken : credentials.token;
			headers.Authorization = `Token ${String(token ?? '')}`;
		}
		return { ...requestOptions, headers };
	}

	// GET /users/current/ reads the API user and changes nothing; a bad token is a 403 here.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.trim().replace(/\\/+$/, "").replace(/\\/api\\/v1$/, "")}}',
			url: '/api/v1/users/current/',
			method: 'GET',
			// As the node's calls: the token or key never follows a redirect to another host.
			disableFollowRedirect: true,
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 403, message: 'The inbox refused the credential (403): check the token, username/password or key, and the Inbox URL' },
			},
		],
	};
}
