import { runNode } from '../harness/engine';
import { startMaytapi } from './setup';

test('send text through n8n-core against the fake', async () => {
	const env = await startMaytapi();
	try {
		const result = await runNode(env.action, {
			parameters: { resource: 'message', operation: 'sendText', phoneId: { __rl: true, mode: 'id', value: '1001' }, to: '+90 530-123 4567', text: 'Hello' },
		});
		expect(result.error).toBeUndefined();
		console.log(JSON.stringify(result.items), JSON.stringify(env.fake.requests));
	} finally {
		await env.fake.stop();
	}
});
