import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { MaytapiApi } from '../../credentials/MaytapiApi.credentials';
import { SobotApi } from '../../credentials/SobotApi.credentials';
import { DEFAULT_BASE_URL as MAYTAPI_DEFAULT, maytapiProvider } from '../../nodes/Maytapi/transport';
import { DEFAULT_BASE_URL as SOBOT_DEFAULT, sobotProvider } from '../../nodes/Sobot/transport';
import { credentialTestUrl, testCredential } from '../harness/credential-test';
import { runNode } from '../harness/engine';
import { startMaytapi } from '../maytapi/setup';
import { startSobot } from '../sobot/setup';

/** The URL the node requests for `path`, joined as apiRequest joins it. */
const nodeUrl = (base: string, path: string) => `${base.replace(/\/+$/, '')}${path}`;

/** Base URLs as users type them: default, blank, padded, with trailing slashes, or a proxy. */
const baseUrls: Array<string | undefined> = [
	undefined,
	'',
	'   ',
	'https://proxy.example/maytapi',
	'https://proxy.example/maytapi/',
	'  https://proxy.example/maytapi//  ',
	'http://127.0.0.1:5681/api',
];

describe('the credential test and the node build the same URL from the same fields', () => {
	const productIds = ['a1b2c3d4-0000-4000-8000-000000000001', '  padded-id ', 'with space/and?query#hash', ''];
	test.each(baseUrls.flatMap((baseUrl) => productIds.map((productId) => [JSON.stringify(baseUrl), JSON.stringify(productId), baseUrl, productId])))(
		'Maytapi: base URL %s, product ID %s',
		(_b, _p, baseUrl, productId) => {
			const credentials = { apiToken: 't', ...(baseUrl === undefined ? {} : { baseUrl }), productId } as ICredentialDataDecryptedObject;
			expect(credentialTestUrl(new MaytapiApi(), credentials)).toBe(nodeUrl(maytapiProvider.baseUrl(credentials), '/product'));
		},
	);

	test.each(baseUrls.map((baseUrl) => [JSON.stringify(baseUrl), baseUrl]))('Sobot: base URL %s', (_b, baseUrl) => {
		const credentials = { apiKey: 'k', apiSecret: 's', ...(baseUrl === undefined ? {} : { baseUrl }) } as ICredentialDataDecryptedObject;
		expect(credentialTestUrl(new SobotApi(), credentials)).toBe(nodeUrl(sobotProvider.baseUrl(credentials), '/api/customer'));
	});

	test('a blank Base URL means the provider’s own host, in both', () => {
		expect(credentialTestUrl(new MaytapiApi(), { baseUrl: ' ', productId: ' p 1 ' })).toBe(`${MAYTAPI_DEFAULT}/p%201/product`);
		expect(credentialTestUrl(new SobotApi(), { baseUrl: '' })).toBe(`${SOBOT_DEFAULT}/api/customer`);
		expect(new MaytapiApi().properties.find((p) => p.name === 'baseUrl')?.default).toBe(MAYTAPI_DEFAULT);
		expect(new SobotApi().properties.find((p) => p.name === 'baseUrl')?.default).toBe(SOBOT_DEFAULT);
	});
});

describe('over HTTP: what works in the node passes the credential test', () => {
	test('Maytapi: a padded product ID with characters that need encoding, and a padded base URL', async () => {
		const productId = 'prod 1/x';
		const env = await startMaytapi({ productId });
		try {
			const credentials = { ...env.credentials, productId: `  ${productId} `, baseUrl: `  ${env.origin}/api// ` };
			const tested = await testCredential(new MaytapiApi(), credentials);
			expect(tested.status).toBe('OK');
			const run = await runNode({ ...env.action, credentials }, { parameters: { resource: 'account', operation: 'getProduct' } });
			expect(run.error).toBeUndefined();
			const paths = env.fake.requests.map((r) => r.path);
			expect(paths).toEqual(['/api/prod%201%2Fx/product', '/api/prod%201%2Fx/product']);
		} finally {
			await env.fake.stop();
		}
	});

	test('Sobot: a padded base URL', async () => {
		const env = await startSobot();
		try {
			const credentials = { ...env.credentials, baseUrl: ` ${env.origin}/ ` };
			expect((await testCredential(new SobotApi(), credentials)).status).toBe('OK');
			const run = await runNode({ ...env.action, credentials }, { parameters: { resource: 'customer', operation: 'getMany', returnAll: false, limit: 1 } });
			expect(run.error).toBeUndefined();
			expect(env.fake.requests.map((r) => r.path)).toEqual(['/api/customer', '/api/customer']);
		} finally {
			await env.fake.stop();
		}
	});
});
