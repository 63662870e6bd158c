import { MaytapiApi } from '../../credentials/MaytapiApi.credentials';
import { Maytapi } from '../../nodes/Maytapi/Maytapi.node';
import { MaytapiTrigger } from '../../nodes/Maytapi/MaytapiTrigger.node';
import { MaytapiFake } from '../fakes/maytapi';
import type { NodeUnderTest } from '../harness/engine';

export const PRODUCT_ID = 'a1b2c3d4-0000-4000-8000-000000000001';
export const TOKEN = 'test-token';

/** A fake Maytapi on a random loopback port, plus the node wired to it through its credential. */
export async function startMaytapi(options: { phoneId?: string; productId?: string } = {}) {
	const fake = new MaytapiFake({ productId: options.productId ?? PRODUCT_ID, token: TOKEN });
	const origin = await fake.start();
	const credentials = {
		productId: options.productId ?? PRODUCT_ID,
		apiToken: TOKEN,
		phoneId: options.phoneId ?? '1001',
		baseUrl: `${origin}/api`,
	};
	const action: NodeUnderTest = { node: new Maytapi(), credentialType: new MaytapiApi(), credentials };
	const trigger: NodeUnderTest = { node: new MaytapiTrigger(), credentialType: new MaytapiApi(), credentials };
	return { fake, origin, credentials, action, trigger, api: `/api/${options.productId ?? PRODUCT_ID}` };
}
