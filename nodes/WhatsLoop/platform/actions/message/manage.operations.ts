import type { OperationDefinition } from '../../../../shared/execute';
import { returnAllOrLimit } from '../../../../shared/paginate';
import { call, listOf, messageIdField, objectOf, operation, recipient, toField, UNVERIFIED, validator } from '../common';

const message = (definition: Parameters<typeof operation>[1]) => operation('message', definition);

const chatField = { ...toField, displayName: 'Chat', description: 'Number (with country code) or group ID of the chat the message is in' };

const messageIdOf = (ctx: Parameters<typeof recipient>[0], i: number) =>
	validator(ctx, i).required(ctx.getNodeParameter('messageId', i), 'Message ID').trim();

/** `DELETE message/delete` {phone, messageID} as a JSON body (capital ID); answers 202. */
export const deleteMessage: OperationDefinition = message({
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a message',
	description: `Delete a message you sent, for everyone. ${UNVERIFIED}`,
	properties: [chatField, messageIdField('ID of the message to delete')],
	run: async (ctx, i) => {
		// DELETE: deleting twice leaves the same result, so a lost answer may be repeated.
		const body = await call.call(ctx, i, 'DELETE', 'message/delete', { body: { phone: recipient(ctx, i), messageID: messageIdOf(ctx, i) }, repeatable: true });
		return { success: true, deleted: true, ...objectOf(body) };
	},
});

/** `GET message/id` ?phone&messageID (capital ID). */
export const getMessage: OperationDefinition = message({
	operation: 'get',
	name: 'Get',
	action: 'Get a message',
	description: `Get one message by its ID. ${UNVERIFIED}`,
	properties: [chatField, messageIdField('ID of the message')],
	run: async (ctx, i) =>
		objectOf(await call.call(ctx, i, 'GET', 'message/id', { qs: { phone: recipient(ctx, i), messageID: messageIdOf(ctx, i) }, repeatable: true })),
});

/** `GET message/fetch` ?limit: the most recent messages (the shape is undocumented: one item per message found). */
export const fetchRecent: OperationDefinition = message({
	operation: 'getRecent',
	name: 'Get Recent',
	action: 'Get recent messages',
	description: 'Get the most recent messages of the instance (newest first, as the platform returns them)',
	properties: returnAllOrLimit('messages'),
	run: async (ctx, i) => {
		const returnAll = ctx.getNodeParameter('returnAll', i, false) as boolean;
		const limit = returnAll ? undefined : (validator(ctx, i).number(ctx.getNodeParameter('limit', i, 50), 'Limit', { min: 1 }) as number);
		const list = listOf(await call.call(ctx, i, 'GET', 'message/fetch', { qs: limit ? { limit } : {}, repeatable: true }));
		return limit ? list.slice(0, limit) : list;
	},
});
