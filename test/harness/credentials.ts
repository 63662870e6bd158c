import { Credentials } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';
import { ICredentialsHelper } from 'n8n-workflow';

/** Resolves `={{ … }}` with `$credentials` through n8n's own expression engine, as n8n does. */
export function resolveWithCredentials(
	workflow: Workflow,
	node: INode,
	value: unknown,
	credentials: ICredentialDataDecryptedObject,
): unknown {
	if (typeof value !== 'string' || !value.startsWith('=')) return value;
	return workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials } as never, undefined, '');
}

/**
 * The credentials side of n8n's engine for tests: hands out the test's decrypted credential data and
 * applies each credential type's own `authenticate` (generic header/query/body/auth blocks with
 * expressions, or a function), exactly like n8n's CredentialsHelper.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly types: Record<string, ICredentialType>,
		private readonly data: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const type = this.types[typeName];
		const options = requestOptions as IHttpRequestOptions;
		if (!type?.authenticate) return options;
		if (typeof type.authenticate === 'function') return await type.authenticate(credentials, options);
		if (!workflow || !node) throw new Error('authenticate needs the workflow and node');
		const target = options as unknown as Record<string, Record<string, unknown>>;
		for (const [outer, entries] of Object.entries(type.authenticate.properties)) {
			target[outer] = { ...(target[outer] ?? {}) };
			for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
				const k = String(resolveWithCredentials(workflow, node, key, credentials));
				target[outer][k] = resolveWithCredentials(workflow, node, value, credentials);
			}
		}
		return options;
	}

	/**
	 * As n8n's CredentialsHelper: a credential type with a hidden `expirable` property gets its own
	 * `preAuthentication` called when that property is empty, when n8n says the credential expired,
	 * or on a credential test; the answer is stored with the credential (here: in the test's data, as
	 * n8n stores it in its database) and merged into the credentials of the request.
	 */
	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.types[typeName];
		const expirable = type?.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		const isTestingCredentials = node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (credentials[expirable.name] !== '' && !credentialsExpired && !isTestingCredentials) return undefined;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		if (!node.credentials) return undefined;
		await this.updateCredentials(node.credentials[typeName], typeName, Object.assign(credentials, output));
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.types[typeName];
		if (typeof type?.preAuthentication !== 'function') return undefined;
		return (await type.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails): Promise<Credentials> {
		return new Credentials({ id: nodeCredentials.id, name: nodeCredentials.name }, '', '');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		if (!this.data[type]) throw new Error(`No test credentials of type ${type}`);
		return { ...this.data[type] };
	}

	/**
	 * Stores updated credential data, as n8n writes it to its database: into the test's own credential
	 * object, so a later run (a new helper over the same object) starts from what was stored.
	 */
	async updateCredentials(_details: INodeCredentialsDetails | undefined, type: string, data: ICredentialDataDecryptedObject): Promise<void> {
		this.data[type] = Object.assign(this.data[type] ?? {}, data);
	}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string) {
		return this.types[type]?.properties ?? [];
	}
}
