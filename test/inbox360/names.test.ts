import fs from 'node:fs';
import path from 'node:path';

import type { INodeProperties } from 'n8n-workflow';

import { Inbox360Api } from '../../credentials/Inbox360Api.credentials';
import { Inbox360 } from '../../nodes/Inbox360/Inbox360.node';
import { Inbox360Trigger } from '../../nodes/Inbox360/Inbox360Trigger.node';

/** The names saved workflows and credentials refer to (issue 7, "Names"): renaming one breaks them. */
const optionValues = (properties: INodeProperties[], name: string) =>
	(properties.find((p) => p.name === name)?.options as Array<{ value: string }> | undefined)?.map((o) => o.value).sort();
const codex = (file: string) => JSON.parse(fs.readFileSync(path.join(__dirname, '../../nodes/Inbox360', file), 'utf8')) as { node: string; alias: string[] };

test('credential inbox360Api: its name, fields and the three authentication values', () => {
	const credential = new Inbox360Api();
	expect([credential.name, credential.displayName]).toEqual(['inbox360Api', '360dialog Inbox API']);
	expect(credential.properties.map((p) => p.name)).toEqual(expect.arrayContaining(['baseUrl', 'authentication', 'token', 'username', 'password', 'd360ApiKey']));
	expect(optionValues(credential.properties, 'authentication')).toEqual(['d360ApiKey', 'token', 'usernamePassword']);
	expect(credential.properties.find((p) => p.name === 'd360ApiKey')?.hint).toMatch(/legacy/i);
});

test('action node inbox360, usable as a tool; trigger inbox360Trigger with its event and registration values', () => {
	const action = new Inbox360().description;
	expect([action.name, action.displayName, action.usableAsTool]).toEqual(['inbox360', '360dialog Inbox', true]);
	expect(action.credentials).toEqual([{ name: 'inbox360Api', required: true }]);
	const trigger = new Inbox360Trigger().description;
	expect([trigger.name, trigger.displayName]).toEqual(['inbox360Trigger', '360dialog Inbox Trigger']);
	expect(optionValues(trigger.properties, 'events')).toEqual(['assignedMessage', 'assignment', 'message', 'other', 'ownMessage', 'resolved', 'status', 'tagging']);
	expect(optionValues(trigger.properties, 'ifWebhookExists')).toEqual(['fail', 'replace']);
	expect(trigger.properties.find((p) => p.name === 'ifWebhookExists')?.default).toBe('replace');
});

test.each([
	['Inbox360.node.json', 'n8n-nodes-whatsapp-providers.inbox360'],
	['Inbox360Trigger.node.json', 'n8n-nodes-whatsapp-providers.inbox360Trigger'],
])('%s: a search for Wabbit, get.chat, WhatsApp Integration API or Inbox finds the node', (file, node) => {
	const { node: name, alias } = codex(file);
	expect(name).toBe(node);
	expect(alias).toEqual(expect.arrayContaining(['Wabbit', 'get.chat', 'WhatsApp Integration API', 'Inbox']));
});
