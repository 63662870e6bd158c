import type { IDataObject, IExecuteFunctions, IHttpRequestMethods } from 'n8n-workflow';

import type { ProviderContext, ProviderSpec } from '../shared/provider';
import type { ApiResponse } from '../shared/request';
import { apiRequest } from '../shared/request';
import { InputValidator } from '../shared/validate';

export const DEFAULT_BASE_URL = 'https://api.maytapi.com/api';

/**
 * Maytapi's API: every path lives under `/{product_id}`; errors are `{success:false, message}`,
 * often with HTTP 200. Some success bodies (`/product`, `/listPhones`) have no `success` key at all.
 */
export const maytapiProvider: ProviderSpec = {
	name: 'Maytapi',
	credentialType: 'maytapiApi',
	// The credential's test request builds the same URL with an n8n expression: keep the two in step.
	baseUrl: (credentials) =>
		`${(String(credentials.baseUrl || '').trim() || DEFAULT_BASE_URL).replace(/\/+$/, '')}/${encodeURIComponent(
			String(credentials.productId || '').trim(),
		)}`,
	secretFields: ['apiToken'],
	failureOf(body) {
		if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
		const b = body as IDataObject;
		return b.success === false ? String(b.message ?? 'the request failed') : undefined;
	},
};

export interface MaytapiCall {
	body?: IDataObject;
	qs?: IDataObject;
	/** Safe to repeat after an ambiguous failure (see ApiRequest.repeatable): every call says so. */
	repeatable: boolean;
	binary?: boolean;
	itemIndex?: number;
}

/** The only door to Maytapi's HTTP API. `path` is relative to `/{product_id}`. */
export async function maytapiRequest(
	this: ProviderContext,
	method: IHttpRequestMethods,
	path: string,
	call: MaytapiCall,
): Promise<IDataObject> {
	const response = await maytapiFullRequest.call(this, method, path, call);
	return response.body as IDataObject;
}

export async function maytapiFullRequest(
	this: ProviderContext,
	method: IHttpRequestMethods,
	path: string,
	call: MaytapiCall,
): Promise<ApiResponse> {
	return await apiRequest.call(this, maytapiProvider, { method, path, ...call });
}

/** Phone chosen on the node, else the credential's default phone; numeric id as a string. */
export async function resolvePhoneId(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	const chosen = String(this.getNodeParameter('phoneId', itemIndex, '', { extractValue: true }) ?? '').trim();
	const credentials = await this.getCredentials('maytapiApi');
	const phoneId = chosen || String(credentials.phoneId ?? '').trim();
	const check = new InputValidator(this.getNode(), itemIndex);
	if (!phoneId) {
		check.fail('"Phone" is empty and the credential has no Default Phone ID', 'Choose a phone from the list, or set a Default Phone ID in the Maytapi credential.');
	}
	if (!/^\d+$/.test(phoneId)) check.fail(`"Phone" must be a numeric Maytapi phone ID, got "${phoneId}"`);
	return phoneId;
}

/**
 * POST /setAckPreference. The spec's body is `{ack_delivery}`, the older readme's `{preference}`;
 * the answer is the product object, so check it and try the legacy key when nothing changed.
 */
export async function setAckDelivery(this: ProviderContext, enabled: boolean, itemIndex?: number): Promise<IDataObject> {
	const isOn = (product: IDataObject) => product.ack_delivery === true || product.ack_delivery === 1 || product.ack_delivery === '1';
	// Sets the whole preference: repeating it changes nothing.
	let product = await maytapiRequest.call(this, 'POST', '/setAckPreference', { body: { ack_delivery: enabled }, repeatable: true, itemIndex });
	if (isOn(product) !== enabled) {
		product = await maytapiRequest.call(this, 'POST', '/setAckPreference', { body: { preference: enabled }, repeatable: true, itemIndex });
	}
	return product;
}
