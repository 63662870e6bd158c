import type { INodeParameters, ResourceMapperFields } from 'n8n-workflow';

import { SobotApi } from '../../credentials/SobotApi.credentials';
import { Sobot } from '../../nodes/Sobot/Sobot.node';
import { SobotTrigger } from '../../nodes/Sobot/SobotTrigger.node';
import { SobotFake } from '../fakes/sobot';
import type { RecordedRequest } from '../fakes/http-fake';
import type { NodeUnderTest } from '../harness/engine';
import { loadOptions } from '../harness/engine';

export const API_KEY = 'test-key';
export const API_SECRET = 'test-secret';

/** A fake Sobot on a random loopback port, plus the nodes wired to it through their credential. */
export async function startSobot(options: { errorHttpStatus?: number } = {}) {
	const fake = new SobotFake({ apiKey: API_KEY, apiSecret: API_SECRET, errorHttpStatus: options.errorHttpStatus });
	const origin = await fake.start();
	const credentials = { apiKey: API_KEY, apiSecret: API_SECRET, baseUrl: origin };
	const action: NodeUnderTest = { node: new Sobot(), credentialType: new SobotApi(), credentials };
	const trigger: NodeUnderTest = { node: new SobotTrigger(), credentialType: new SobotApi(), credentials };
	return { fake, origin, credentials, action, trigger };
}

/** Method, path with query and body of each request, in order: the wire as Sobot saw it. */
export function wire(requests: RecordedRequest[]) {
	return requests.map((r) => {
		const query = new URLSearchParams(r.query).toString();
		return [r.method, `${r.path}${query ? `?${query}` : ''}`, r.body ?? undefined];
	});
}

/** Every request carries both keys and, when it has a body, a JSON content type. */
export function expectAuthenticated(requests: RecordedRequest[]) {
	for (const r of requests) {
		expect(r.headers['x-api-key']).toBe(API_KEY);
		expect(r.headers['x-api-secret']).toBe(API_SECRET);
		if (r.method !== 'GET') expect(r.headers['content-type']).toMatch(/^application\/json/);
	}
}

/**
 * Calls a resourceMapping method the way n8n's UI does (LoadOptionsContext with the current
 * parameters); the harness' loadOptions looks methods up by kind, so it serves this kind too.
 */
export async function resourceMapping(target: NodeUnderTest, method: string, parameters: INodeParameters): Promise<ResourceMapperFields> {
	return (await loadOptions(target, 'resourceMapping' as 'loadOptions', method, parameters)) as unknown as ResourceMapperFields;
}
