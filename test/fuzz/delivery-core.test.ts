import type { INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { z } from 'zod';

import { SobotApi } from '../../credentials/SobotApi.credentials';
import { SobotTrigger } from '../../nodes/Sobot/SobotTrigger.node';
import type { DeliveryMapper } from '../../nodes/shared/trigger/delivery';
import { handleDelivery } from '../../nodes/shared/trigger/delivery';
import { makeEvent } from '../../nodes/shared/trigger/events';
import { TriggerHarness } from '../harness/trigger';

/** The shared delivery core with a provider mapper that has a bug: its throw must be a 400, not a 500. */
const buggy: DeliveryMapper<{ kind: string }> = {
	provider: 'Buggy',
	schema: z.object({ kind: z.string() }).passthrough(),
	toEvents(payload) {
		if (payload.kind === 'crash') throw new TypeError("Cannot read properties of undefined (reading 'id')");
		return [makeEvent('buggy', { event: 'other', type: payload.kind, raw: payload })];
	},
};

class BuggyTrigger implements INodeType {
	description = { ...new SobotTrigger().description, name: 'buggyTrigger', properties: [] } as INodeTypeDescription;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleDelivery.call(this, buggy, { secrets: [], accept: () => true });
	}
}

afterEach(async () => TriggerHarness.closeAll());

test('a mapper that throws makes the body malformed: 400, no execution, no internals in the answer', async () => {
	const trigger = new TriggerHarness({ node: new BuggyTrigger(), credentialType: new SobotApi(), credentials: {} }, {});
	const crash = await trigger.deliver({ kind: 'crash' });
	expect(crash.status).toBe(400);
	expect(crash.body).toEqual({ ok: false, error: 'Not a Buggy delivery: its fields have unexpected types' });
	expect(crash.items).toHaveLength(0);
	expect((await trigger.deliver({ kind: 'fine' })).items).toHaveLength(1);
});
