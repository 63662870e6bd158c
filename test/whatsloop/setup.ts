import { LetsBotApi } from '../../credentials/LetsBotApi.credentials';
import { WhatsLoopApi } from '../../credentials/WhatsLoopApi.credentials';
import { LetsBot } from '../../nodes/LetsBot/LetsBot.node';
import { LetsBotTrigger } from '../../nodes/LetsBot/LetsBotTrigger.node';
import { WhatsLoop } from '../../nodes/WhatsLoop/WhatsLoop.node';
import { WhatsLoopTrigger } from '../../nodes/WhatsLoop/WhatsLoopTrigger.node';
import type { WhatsLoopFakeOptions } from '../fakes/whatsloop';
import { WhatsLoopFake } from '../fakes/whatsloop';
import type { NodeUnderTest } from '../harness/engine';

export const WL_TOKEN = 'wl-test-token';
export const LB_TOKEN = 'lb-test-token';

/**
 * One fake platform for both brands, and each brand's action node and trigger wired to it through
 * its own credential. Wire tests run without pacing (a large Custom plan and bucket); the campaign
 * test sets its own plan.
 */
export async function startPlatform(options: WhatsLoopFakeOptions & { plan?: string; requestsPerMinute?: number } = {}) {
	const { plan = 'custom', requestsPerMinute = 1_000_000, ...fakeOptions } = options;
	const fake = new WhatsLoopFake({ capacity: 1_000_000, ...fakeOptions });
	const origin = await fake.start();
	const api = `${origin}/api/v1`;
	const whatsLoopCredentials = { token: WL_TOKEN, baseUrl: api, plan, requestsPerMinute };
	// Lets bot behind a tenant path (like a tenant sub-domain or a proxy), typed with a trailing slash.
	const letsBotApi = `${origin}/tenants/acme/api/v1`;
	const letsBotCredentials = { token: LB_TOKEN, baseUrl: `${letsBotApi}/`, plan, requestsPerMinute };
	const whatsLoop: NodeUnderTest = { node: new WhatsLoop(), credentialType: new WhatsLoopApi(), credentials: whatsLoopCredentials };
	const letsBot: NodeUnderTest = { node: new LetsBot(), credentialType: new LetsBotApi(), credentials: letsBotCredentials };
	const whatsLoopTrigger: NodeUnderTest = { node: new WhatsLoopTrigger(), credentialType: new WhatsLoopApi(), credentials: whatsLoopCredentials };
	const letsBotTrigger: NodeUnderTest = { node: new LetsBotTrigger(), credentialType: new LetsBotApi(), credentials: letsBotCredentials };
	return {
		fake,
		origin,
		api,
		letsBotApi,
		action: whatsLoop,
		whatsLoop,
		letsBot,
		whatsLoopTrigger,
		letsBotTrigger,
		path: (route: string) => `/api/v1/${route}`,
		letsBotPath: (route: string) => `/tenants/acme/api/v1/${route}`,
	};
}
