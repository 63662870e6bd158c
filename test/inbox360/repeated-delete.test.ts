import { RETRY_POLICY } from '../../nodes/shared/request';
import { runNode } from '../harness/engine';
import { providerPerFile, recordWaits } from '../harness/provider';
import { ADD_MESSAGE_TAG, API, chat, startInbox360 } from './setup';

const env = providerPerFile(startInbox360);
const waits = recordWaits();

const hits = (method: string, path: string) => env.fake.requests.filter((r) => r.method === method && r.path === `${API}/${path}`);
const NGINX_502 = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/**
 * A DELETE repeated after an ambiguous failure (the inbox may have acted) that finds the object gone
 * was done by the first attempt: the call succeeds. Only a later attempt's 404 counts, and only after
 * an ambiguous failure; the inferred endpoints' path fallback (tried on 404/405) must not run then.
 */
describe('a DELETE repeated after an ambiguous failure that answers 404 was already done', () => {
	test('reset after the inbox removed the tagging (inferred endpoint): two requests, success, no fallback path', async () => {
		expect((await runNode(env.action, { parameters: ADD_MESSAGE_TAG })).error).toBeUndefined();
		const before = env.fake.requests.length;
		env.fake.failNext({ disconnect: true, afterHandling: true, match: { method: 'DELETE', path: `${API}/message_tagging/100/` } });
		const result = await runNode(env.action, { parameters: { resource: 'messageTagging', operation: 'remove', taggingId: '100' } });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([{ removed: true, taggingId: 100 }]);
		expect(env.fake.requests.slice(before).map((r) => `${r.method} ${r.path}`)).toEqual([
			`DELETE ${API}/message_tagging/100/`,
			`DELETE ${API}/message_tagging/100/`,
		]);
		expect(hits('DELETE', 'message_tagging/100')).toHaveLength(0);
		expect(env.fake.db.messageTaggings).toEqual([]);
		expect(waits).toEqual([RETRY_POLICY.backoffMs[0]]);
	});

	test('a proxy 502 after the inbox deleted the saved response: two requests, success', async () => {
		env.fake.failNext({ status: 502, body: NGINX_502, contentType: 'text/html', afterHandling: true, match: { method: 'DELETE', path: `${API}/saved_responses/1/` } });
		const result = await runNode(env.action, { parameters: { resource: 'savedResponse', operation: 'delete', id: '1' } });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([{ deleted: true, id: 1 }]);
		expect(env.fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`DELETE ${API}/saved_responses/1/`, `DELETE ${API}/saved_responses/1/`]);
		expect(waits).toEqual([RETRY_POLICY.backoffMs[0]]);
	});

	test('a 404 on the first attempt is still an error (one request)', async () => {
		const result = await runNode(env.action, { parameters: { resource: 'savedResponse', operation: 'delete', id: '999' } });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('360dialog Inbox: Not found.');
		expect(result.error?.httpCode).toBe('404');
		expect(env.fake.requests).toHaveLength(1);
	});

	test('a 404 on the first attempt of an inferred DELETE is still an error, after its path fallback', async () => {
		const result = await runNode(env.action, { parameters: { resource: 'messageTagging', operation: 'remove', taggingId: '999' } });
		expect(result.error?.httpCode).toBe('404');
		expect(env.fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`DELETE ${API}/message_tagging/999/`, `DELETE ${API}/message_tagging/999`]);
	});

	test('after a failure where the inbox certainly did not act (503), a 404 is still an error', async () => {
		env.fake.failNext({ status: 503, body: { detail: 'Service unavailable' }, match: { method: 'DELETE', path: `${API}/saved_responses/999/` } });
		const result = await runNode(env.action, { parameters: { resource: 'savedResponse', operation: 'delete', id: '999' } });
		expect(result.error?.httpCode).toBe('404');
		expect(env.fake.requests).toHaveLength(2);
	});

	test('a read repeated after a reset that answers 404 is still an error', async () => {
		env.fake.failNext({ disconnect: true, match: { method: 'GET', path: `${API}/chats/48000000000/` } });
		const result = await runNode(env.action, { parameters: { resource: 'chat', operation: 'get', chat: chat('48000000000') } });
		expect(result.error?.httpCode).toBe('404');
		expect(hits('GET', 'chats/48000000000/')).toHaveLength(2);
	});
});
