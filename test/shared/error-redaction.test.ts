import type { INode } from 'n8n-workflow';

import { providerError, redact } from '../../nodes/shared/errors';
import { defaultMessageOf } from '../../nodes/shared/request';
import { runNode } from '../harness/engine';
import { providerPerFile } from '../harness/provider';
import { startSobot } from '../sobot/setup';

const node: INode = { id: 'n', name: 'Node', type: 'test.node', typeVersion: 1, position: [0, 0], parameters: {} };
/** A secret with characters that JSON escapes and URLs percent-encode. */
const SECRET = 'se"cr\\et/+key';
const forms = [SECRET, JSON.stringify(SECRET).slice(1, -1), encodeURIComponent(SECRET)];

function expectNoSecret(text: string) {
	for (const form of forms) expect(text).not.toContain(form);
}

describe('the error description is redacted like the message', () => {
	test('a detail that quotes a secret (e.g. a transport error) is redacted', () => {
		const error = providerError({ node, provider: 'Sobot', detail: `Network error: connect to https://x/?key=${encodeURIComponent(SECRET)}`, secrets: [SECRET] });
		expect(error.description).toMatch(/Network error: connect to https:\/\/x\/\?key=\*\*\*/);
		expectNoSecret(String(error.description));
	});

	test('a response body echoing a secret is redacted in the description even where JSON escapes it', () => {
		const error = providerError({ node, provider: 'Sobot', status: 400, providerMessage: `bad ${SECRET}`, body: { message: `bad ${SECRET}` }, secrets: [SECRET] });
		expect(error.message).toBe('Sobot: bad ***');
		expect(error.description).toContain('Response: {"message":"bad ***"}');
		expectNoSecret(String(error.description));
	});

	test('short values are not treated as secrets (they would blank out ordinary words)', () => {
		expect(redact('abc abc', ['abc'])).toBe('abc abc');
	});
});

describe('the provider message of an error body', () => {
	const drf = { wa_id: ['This field is required.'], non_field_errors: ['The fields tag, chat must make a unique set.'], code: 400 };

	test('Django REST framework field errors are read only when asked for', () => {
		expect(defaultMessageOf(drf, { fieldErrors: true })).toBe('wa_id: This field is required.; The fields tag, chat must make a unique set.');
		expect(defaultMessageOf(drf)).toBeUndefined();
		expect(defaultMessageOf({ detail: 'Invalid token.', x: ['y'] }, { fieldErrors: true })).toBe('Invalid token.');
		expect(defaultMessageOf({ error: { field: ['bad'] } }, { fieldErrors: true })).toBe('field: bad');
		expect(defaultMessageOf(['a'], { fieldErrors: true })).toBeUndefined();
	});
});

describe('through the node, over HTTP', () => {
	const env = providerPerFile(() => startSobot());

	test('Sobot echoing the secret: neither message nor description nor the serialised error holds it', async () => {
		env.fake.failNext({ status: 400, body: { message: `Secret ${SECRET} is disabled`, code: 400, echo: { secret: SECRET } } });
		const result = await runNode(
			{ ...env.action, credentials: { ...env.credentials, apiSecret: SECRET } },
			{ parameters: { resource: 'message', operation: 'sendText', customerNumber: '919960123456', text: 'Hi' } },
		);
		expect(result.error?.message).toBe('Sobot: Secret *** is disabled');
		expect(result.error?.description).toContain('"echo":{"secret":"***"}');
		expectNoSecret(String(result.error?.description) + JSON.stringify(result.error));
	});
});
