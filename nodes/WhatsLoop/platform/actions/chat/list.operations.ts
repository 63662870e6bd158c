import type { IDataObject } from 'n8n-workflow';

import type { OperationDefinition } from '../../../../shared/execute';
import { returnAllOrLimit } from '../../../../shared/paginate';
import { call, listOf, operation, recipient, toField, UNVERIFIED, validator, wholeListOperation } from '../common';

const chat = (definition: Parameters<typeof operation>[1]) => operation('chat', definition);

/** `GET chat/list` and `GET contacts` (a top-level path): whole lists. */
export const getChats = wholeListOperation('chat', { operation: 'getMany', name: 'Get Many', action: 'Get many chats', what: 'chats', path: 'chat/list', description: 'List the instance’s chats.' });
export const getContacts = wholeListOperation('chat', { operation: 'getContacts', name: 'Get Contacts', action: 'Get the contacts', what: 'contacts', path: 'contacts', description: 'List the instance’s contacts.' });

/** Messages per page when Return All pages through a conversation. */
const CONVERSATION_PAGE = 50;
const MAX_PAGES = 200;

/** The cursor of the next page: the last message's id and whether it is ours (Baileys key, or flat fields). */
function cursorOf(message: IDataObject): { cursorId: string; cursorFromMe: boolean } | undefined {
	const key = (message.key ?? message) as IDataObject;
	const id = key.id ?? message.id;
	if (typeof id !== 'string' || !id) return undefined;
	const fromMe = key.fromMe ?? message.fromMe;
	return { cursorId: id, cursorFromMe: fromMe === true || fromMe === 'true' || fromMe === 1 || fromMe === '1' };
}

/** `GET chat/conversation` ?phone&limit&cursorId&cursorFromMe: a chat's messages, paged by cursor. */
export const getConversation: OperationDefinition = chat({
	operation: 'getConversation',
	name: 'Get Conversation',
	action: 'Get the messages of a chat',
	description: `Get a chat’s messages, newest first, page by page. ${UNVERIFIED}`,
	properties: [{ ...toField, displayName: 'Chat', description: 'Number (with country code) or group ID' }, ...returnAllOrLimit('messages')],
	run: async (ctx, i) => {
		const phone = recipient(ctx, i);
		const returnAll = ctx.getNodeParameter('returnAll', i, false) as boolean;
		const wanted = returnAll ? Infinity : validator(ctx, i).number(ctx.getNodeParameter('limit', i, 50), 'Limit', { min: 1 });
		const out: IDataObject[] = [];
		let cursor: ReturnType<typeof cursorOf>;
		const seen = new Set<string>();
		for (let page = 0; page < MAX_PAGES && out.length < wanted; page++) {
			const limit = Math.min(CONVERSATION_PAGE, wanted - out.length);
			const qs: IDataObject = { phone, limit, ...(cursor ? { cursorId: cursor.cursorId, cursorFromMe: cursor.cursorFromMe ? 1 : 0 } : {}) };
			const messages = listOf(await call.call(ctx, i, 'GET', 'chat/conversation', { qs, repeatable: true }));
			// A page may start with the cursor message itself: skip what was already returned.
			const fresh = messages.filter((m) => {
				const id = cursorOf(m)?.cursorId;
				if (id && seen.has(id)) return false;
				if (id) seen.add(id);
				return true;
			});
			out.push(...fresh);
			cursor = messages.length ? cursorOf(messages[messages.length - 1]) : undefined;
			if (messages.length < limit || !fresh.length || !cursor) break;
		}
		return out.slice(0, wanted);
	},
});
