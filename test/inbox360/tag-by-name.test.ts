import { runNode } from '../harness/engine';
import { providerPerFile } from '../harness/provider';
import { byName, startInbox360, wire } from './setup';

const env = providerPerFile(startInbox360);

const chatOfItem = { __rl: true, mode: 'id', value: '={{ $json.chat }}' };

describe('Tag by name with "Create Tag If Missing" (CRM sync)', () => {
	test('items tagging different chats at once create the missing tag once and all use it', async () => {
		const result = await runNode(env.action, {
			parameters: { resource: 'chatTagging', operation: 'add', chat: chatOfItem, tag: byName('Lead'), options: { createMissing: true } },
			items: [{ json: { chat: '48123123123' } }, { json: { chat: '48500600700' } }, { json: { chat: '48999000111' } }],
		});
		expect(result.error).toBeUndefined();
		const created = env.fake.state().tags.filter((t: { name: string }) => t.name === 'Lead');
		expect(created).toHaveLength(1);
		expect(wire(env.fake.requests).filter(([method, path]) => method === 'POST' && path === '/tags/')).toHaveLength(1);
		expect(result.items.map((i) => [i.json.chat, i.json.tag])).toEqual([
			['48123123123', created[0].id],
			['48500600700', created[0].id],
			['48999000111', created[0].id],
		]);
		expect(result.items.filter((i) => i.json.tagCreated)).toHaveLength(1);
	});

	test('a tag created by someone else since the list was read (create refused as a duplicate) is looked up and used', async () => {
		// The node's read of the tags still misses "VIP"; its create is then refused because the tag exists.
		env.fake.failNext({ status: 200, body: { count: 0, next: null, previous: null, results: [] }, match: { method: 'GET', path: '/api/v1/tags/' } });
		const result = await runNode(env.action, {
			parameters: { resource: 'chatTagging', operation: 'add', chat: chatOfItem, tag: byName('VIP'), options: { createMissing: true } },
			items: [{ json: { chat: '48123123123' } }],
		});
		expect(result.error).toBeUndefined();
		expect(wire(env.fake.requests).map((w) => w.slice(0, 2))).toEqual([
			['GET', '/tags/?limit=100&offset=0'],
			['POST', '/tags/'],
			['GET', '/tags/?limit=100&offset=0'],
			['POST', '/chat_tagging/'],
		]);
		expect(result.items[0].json).toMatchObject({ tag: 6, tagName: 'VIP', tagCreated: false });
	});

	test('any other refusal of the create is the error, and nothing is tagged', async () => {
		env.fake.failNext({ status: 403, body: { detail: 'You do not have permission to perform this action.' }, match: { method: 'POST', path: '/api/v1/tags/' } });
		const result = await runNode(env.action, {
			parameters: { resource: 'chatTagging', operation: 'add', chat: chatOfItem, tag: byName('Lead'), options: { createMissing: true } },
			items: [{ json: { chat: '48123123123' } }],
		});
		expect(result.error?.message).toBe('360dialog Inbox: You do not have permission to perform this action.');
		expect(env.fake.state().chatTaggings).toEqual([]);
	});
});
