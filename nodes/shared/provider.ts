import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import type { RateLimit } from './rateGate';

/** Any n8n context that may talk to a provider: node execution, dropdowns, trigger lifecycle, webhook. */
export type ProviderContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

/**
 * What the shared request helper needs to know about one provider. A provider's `transport.ts`
 * declares this once; everything else (retries, error mapping, redaction) is shared.
 */
export interface ProviderSpec {
	/** Human name used in error messages, e.g. "Maytapi". */
	name: string;
	/** n8n credential type name, e.g. "maytapiApi". */
	credentialType: string;
	/** Absolute base URL (no trailing slash) built from the decrypted credential. */
	baseUrl(credentials: ICredentialDataDecryptedObject): string;
	/** Credential fields whose values must never appear in an error message. */
	secretFields: string[];
	/**
	 * For a 2xx body: the provider's own failure message when the body says the call failed
	 * (e.g. `success:false`), otherwise undefined.
	 */
	failureOf(body: unknown): string | undefined;
	/**
	 * For a 2xx body that failureOf says failed: the status the body itself claims (e.g. a `code`
	 * field), so the error carries that code and its hint instead of the misleading HTTP 200.
	 */
	bodyStatus?(body: unknown): number | undefined;
	/** For a non-2xx body: the provider's own message, when it has one. */
	messageOf?(body: unknown): string | undefined;
	/**
	 * How fast this credential may call the provider (e.g. from its plan). Every request waits at the
	 * credential's shared rate gate; without a limit only 429s and rate-limit headers slow it down.
	 */
	rateLimit?(credentials: ICredentialDataDecryptedObject): RateLimit | undefined;
}
