import type { INodeProperties } from 'n8n-workflow';

import type { OperationDefinition } from '../../../../shared/execute';
import { base64Image, binaryPropertyField, call, numberField, objectOf, operation, recipient, UNVERIFIED, validator } from '../common';

const instance = (definition: Parameters<typeof operation>[1]) => operation('instance', definition);

/** A read without parameters (some are POSTs in the route map: `session/status`, `session/find`). */
function readOperation(operationName: string, name: string, action: string, method: 'GET' | 'POST', path: string, detail: string): OperationDefinition {
	return instance({
		operation: operationName,
		name,
		action,
		description: `${detail} ${UNVERIFIED}`,
		properties: [],
		run: async (ctx, i) => objectOf(await call.call(ctx, i, method, path, { repeatable: true })),
	});
}

export const getStatus = readOperation('getStatus', 'Get Status', 'Get the instance status', 'GET', 'instance/status', 'The current status of the WhatsApp instance.');
export const getSessionStatus = readOperation('getSessionStatus', 'Get Session Status', 'Get the session status', 'POST', 'session/status', 'Whether the WhatsApp session is connected, and its number.');
export const findSession = readOperation('findSession', 'Get Session', 'Get the session details', 'POST', 'session/find', 'The session’s ID, status and last activity.');

/** `POST qr`: the login QR code (`data.qrcode`, base64) as an n8n binary image. */
export const getQrCode: OperationDefinition = instance({
	operation: 'getQrCode',
	name: 'Get QR Code',
	returns: 'items',
	action: 'Get the login QR code',
	description: `The QR code to scan with WhatsApp to link the number, as an image. ${UNVERIFIED}`,
	properties: [binaryPropertyField],
	run: async (ctx, i) => {
		// A read (a POST in the route map): asking again just shows the current code.
		const body = await call.call(ctx, i, 'POST', 'qr', { repeatable: true });
		const data = objectOf(body);
		const qr = data.qrcode ?? data.qr ?? data.base64;
		if (typeof qr !== 'string' || !qr) {
			validator(ctx, i).fail('The platform answered without a QR code', 'The number is probably linked already: check Instance → Get Session Status.');
		}
		const rest = Object.fromEntries(Object.entries(data).filter(([key]) => (data[key] as unknown) !== qr));
		return await base64Image(ctx, i, qr as string, 'qr-code.png', { ...rest, success: true });
	},
});

/** `POST instance/set/status` {status}: the profile's "about" text. */
export const setAbout: OperationDefinition = instance({
	operation: 'setAbout',
	name: 'Set About Text',
	action: 'Set the profile about text',
	description: `Set the “about” text of the WhatsApp profile. ${UNVERIFIED}`,
	properties: [{ displayName: 'About Text', name: 'about', type: 'string', default: '', required: true, description: 'Up to 139 characters' }],
	run: async (ctx, i) => {
		const check = validator(ctx, i);
		const status = check.maxLength(check.required(ctx.getNodeParameter('about', i), 'About Text'), 139, 'About Text');
		// Sets the whole text: repeatable.
		return { success: true, about: status, ...objectOf(await call.call(ctx, i, 'POST', 'instance/set/status', { body: { status }, repeatable: true })) };
	},
});

/** `POST instance/set/settings`: the map says `status`, the docs `markOnlineOnConnect` (1/0); both are sent (reference §4b.11). */
export const setSettings: OperationDefinition = instance({
	operation: 'setSettings',
	name: 'Update Settings',
	action: 'Update the instance settings',
	description: `Whether the number shows as online when it connects. ${UNVERIFIED}`,
	properties: [{ displayName: 'Mark Online on Connect', name: 'markOnlineOnConnect', type: 'boolean', default: true, description: 'Whether to show the number as online whenever the instance connects' }],
	run: async (ctx, i) => {
		const value = ctx.getNodeParameter('markOnlineOnConnect', i) ? 1 : 0;
		// Sets the whole setting: repeatable.
		return { success: true, markOnlineOnConnect: value === 1, ...objectOf(await call.call(ctx, i, 'POST', 'instance/set/settings', { body: { markOnlineOnConnect: value, status: value }, repeatable: true })) };
	},
});

const PRESENCES = ['available', 'unavailable', 'composing', 'recording', 'paused'] as const;

const presenceField: INodeProperties = {
	displayName: 'Presence',
	name: 'presence',
	type: 'options',
	options: [
		{ name: 'Available (Online)', value: 'available' },
		{ name: 'Composing (Typing)', value: 'composing' },
		{ name: 'Paused', value: 'paused' },
		{ name: 'Recording', value: 'recording' },
		{ name: 'Unavailable (Offline)', value: 'unavailable' },
	],
	default: 'available',
};

/** `POST instance/set/presence` {presence, mixed}: `mixed` is the chat (digits or group JID). */
export const setPresence: OperationDefinition = instance({
	operation: 'setPresence',
	name: 'Set Presence',
	action: 'Set the instance presence',
	description: `Show the number as online, offline, typing or recording, in one chat. ${UNVERIFIED}`,
	properties: [presenceField, { ...numberField('mixed', 'Chat'), required: false, description: 'Number or group ID the presence is shown in; empty for everyone' }],
	run: async (ctx, i) => {
		const check = validator(ctx, i);
		const presence = check.oneOf(String(ctx.getNodeParameter('presence', i)), PRESENCES, 'Presence');
		// Digits or a group JID, like every recipient (a person's JID becomes digits).
		const mixed = String(ctx.getNodeParameter('mixed', i, '') ?? '').trim() ? recipient(ctx, i, 'mixed', 'Chat') : undefined;
		// Sets the whole presence: repeatable.
		const body = await call.call(ctx, i, 'POST', 'instance/set/presence', { body: { presence, ...(mixed ? { mixed } : {}) }, repeatable: true });
		return { success: true, presence, ...objectOf(body) };
	},
});
