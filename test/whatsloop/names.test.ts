import fs from 'node:fs';
import path from 'node:path';

import type { INodeProperties } from 'n8n-workflow';

import { LetsBotApi } from '../../credentials/LetsBotApi.credentials';
import { WhatsLoopApi } from '../../credentials/WhatsLoopApi.credentials';
import { LetsBot } from '../../nodes/LetsBot/LetsBot.node';
import { LetsBotTrigger } from '../../nodes/LetsBot/LetsBotTrigger.node';
import { WhatsLoop } from '../../nodes/WhatsLoop/WhatsLoop.node';
import { WhatsLoopTrigger } from '../../nodes/WhatsLoop/WhatsLoopTrigger.node';

/** The names saved workflows and credentials refer to (issue 8, "Names" and "Credentials"): renaming one breaks them. */
const field = (properties: INodeProperties[], name: string) => properties.find((p) => p.name === name);
const optionValues = (properties: INodeProperties[], name: string) => (field(properties, name)?.options as Array<{ value: string }> | undefined)?.map((o) => o.value);
const root = path.join(__dirname, '../..');

describe.each([
	{ brand: 'WhatsLoop', folder: 'WhatsLoop', icon: 'whatsloop', credential: new WhatsLoopApi(), action: new WhatsLoop(), trigger: new WhatsLoopTrigger(), names: ['whatsLoopApi', 'whatsLoop', 'whatsLoopTrigger'], baseUrl: 'https://go-wloop.net/api/v1' },
	{ brand: 'Lets bot', folder: 'LetsBot', icon: 'letsbot', credential: new LetsBotApi(), action: new LetsBot(), trigger: new LetsBotTrigger(), names: ['letsBotApi', 'letsBot', 'letsBotTrigger'], baseUrl: 'https://letsbot.net/api/v1' },
])('$brand', ({ brand, folder, icon, credential, action, trigger, names: [credentialName, actionName, triggerName], baseUrl }) => {
	test('credential: name, token (password), base URL default and plan', () => {
		expect([credential.name, credential.displayName]).toEqual([credentialName, `${brand} API`]);
		expect(field(credential.properties, 'token')?.typeOptions?.password).toBe(true);
		expect(field(credential.properties, 'baseUrl')?.default).toBe(baseUrl);
		expect(optionValues(credential.properties, 'plan')).toEqual(['basic', 'flex', 'extra', 'custom']);
		expect(field(credential.properties, 'requestsPerMinute')?.displayOptions?.show?.plan).toEqual(['custom']);
	});

	test('action node usable as a tool with its own credential; trigger with the six events', () => {
		const description = action.description;
		expect([description.name, description.displayName, description.usableAsTool]).toEqual([actionName, brand, true]);
		expect(description.credentials).toEqual([{ name: credentialName, required: true }]);
		expect([trigger.description.name, trigger.description.displayName]).toEqual([triggerName, `${brand} Trigger`]);
		expect(optionValues(trigger.description.properties, 'events')?.sort()).toEqual(['contact', 'message', 'other', 'ownMessage', 'session', 'status']);
	});

	test('its own icon, next to its node files', () => {
		for (const description of [action.description, trigger.description]) {
			expect(description.icon).toEqual({ light: `file:${icon}.svg`, dark: `file:${icon}.dark.svg` });
		}
		for (const file of [`${icon}.svg`, `${icon}.dark.svg`]) expect(fs.existsSync(path.join(root, 'nodes', folder, file))).toBe(true);
		expect(credential.icon).toEqual({ light: `file:../nodes/${folder}/${icon}.svg`, dark: `file:../nodes/${folder}/${icon}.dark.svg` });
	});
});
