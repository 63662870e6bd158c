import type { IDataObject } from 'n8n-workflow';

import type { OperationDefinition } from '../../../../shared/execute';
import { call, objectOf, operation, recipient, toField, UNVERIFIED, validator } from '../common';

const chat = (definition: Parameters<typeof operation>[1]) => operation('chat', definition);

const chatField = { ...toField, displayName: 'Chat', description: 'Number (with country code) or group ID ending in @g.us' };

/**
 * `POST chat/<action>` {phone}: marks a chat's state. Setting a state twice leaves it the same, so
 * a lost answer may be repeated (`repeatable`).
 */
function stateOperation(operationName: string, name: string, action: string, path: string): OperationDefinition {
	return chat({
		operation: operationName,
		name,
		action,
		description: `${action}. ${UNVERIFIED}`,
		properties: [chatField],
		run: async (ctx, i) => {
			const phone = recipient(ctx, i);
			return { success: true, chat: phone, ...objectOf(await call.call(ctx, i, 'POST', path, { body: { phone }, repeatable: true })) };
		},
	});
}

export const markRead = stateOperation('markRead', 'Mark as Read', 'Mark a chat as read', 'chat/read');
export const markUnread = stateOperation('markUnread', 'Mark as Unread', 'Mark a chat as unread', 'chat/unread');
export const archive = stateOperation('archive', 'Archive', 'Archive a chat', 'chat/archive');
export const unarchive = stateOperation('unarchive', 'Unarchive', 'Unarchive a chat', 'chat/unarchive');
export const pin = stateOperation('pin', 'Pin', 'Pin a chat', 'chat/pin');
export const unpin = stateOperation('unpin', 'Unpin', 'Unpin a chat', 'chat/unpin');
export const unmute = stateOperation('unmute', 'Unmute', 'Unmute a chat', 'chat/unmute');

/** `POST chat/mute` {phone, duration}: seconds, sent as a string as in the vendor docs. */
export const mute: OperationDefinition = chat({
	operation: 'mute',
	name: 'Mute',
	action: 'Mute a chat',
	description: `Mute a chat for a number of seconds. ${UNVERIFIED}`,
	properties: [
		chatField,
		{ displayName: 'Duration (Seconds)', name: 'duration', type: 'number', typeOptions: { minValue: 1 }, default: 28800, description: 'How long to mute the chat, e.g. 28800 for 8 hours' },
	],
	run: async (ctx, i) => {
		const phone = recipient(ctx, i);
		const duration = validator(ctx, i).number(ctx.getNodeParameter('duration', i), 'Duration (Seconds)', { min: 1 });
		// Muting restarts the period from now: not repeated after a lost answer.
		return { success: true, chat: phone, ...objectOf(await call.call(ctx, i, 'POST', 'chat/mute', { body: { phone, duration: String(duration) }, repeatable: false })) };
	},
});

/** `POST chat/typing` / `chat/recording` {chat}: shows "typing…" or "recording audio…" in the chat. */
export const showPresence: OperationDefinition = chat({
	operation: 'showPresence',
	name: 'Show Typing or Recording',
	action: 'Show typing or recording in a chat',
	description: `Show "typing…" or "recording audio…" to the other side. ${UNVERIFIED}`,
	properties: [
		chatField,
		{
			displayName: 'Show',
			name: 'state',
			type: 'options',
			options: [
				{ name: 'Recording', value: 'recording' },
				{ name: 'Typing', value: 'typing' },
			],
			default: 'typing',
		},
	],
	run: async (ctx, i) => {
		const chatId = recipient(ctx, i);
		const state = validator(ctx, i).oneOf(String(ctx.getNodeParameter('state', i)), ['typing', 'recording'], 'Show');
		// A momentary indicator: showing it twice is harmless.
		const body: IDataObject = await call.call(ctx, i, 'POST', `chat/${state}`, { body: { chat: chatId }, repeatable: true });
		return { success: true, chat: chatId, state, ...objectOf(body) };
	},
});
