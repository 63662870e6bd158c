import type { OperationDefinition } from '../../../../shared/execute';
import { mediaUrl, messageIdField, operation, recipient, send, textField, toField, UNVERIFIED, urlField, validator } from '../common';

const message = (definition: Parameters<typeof operation>[1]) => operation('message', definition);

/** WhatsApp's cap on a text message. */
const MAX_TEXT = 4096;
const bodyField = textField('text', 'Text', 'WhatsApp formatting works: *bold*, _italic_, ~strike~');

function text(ctx: Parameters<typeof recipient>[0], itemIndex: number): string {
	const check = validator(ctx, itemIndex);
	return check.maxLength(check.required(ctx.getNodeParameter('text', itemIndex), 'Text'), MAX_TEXT, 'Text') as string;
}

/** `POST message/send` {phone, body}: confirmed on both hosts (reference §5.1). */
export const sendText: OperationDefinition = message({
	operation: 'sendText',
	name: 'Send Text',
	action: 'Send a text message',
	description: 'Send a text message to a number or group',
	properties: [toField, bodyField],
	run: async (ctx, i) => await send.call(ctx, i, 'message/send', { phone: recipient(ctx, i), body: text(ctx, i) }),
});

/** `POST message/send/reply` {phone, body, messageId}: a text quoting an earlier message. */
export const sendReply: OperationDefinition = message({
	operation: 'sendReply',
	name: 'Reply',
	action: 'Reply to a message',
	description: `Send a text that quotes an earlier message. ${UNVERIFIED}`,
	properties: [toField, messageIdField('ID of the message to quote (an incoming message’s ID, or the messageId of an earlier send)'), bodyField],
	run: async (ctx, i) =>
		await send.call(ctx, i, 'message/send/reply', {
			phone: recipient(ctx, i),
			body: text(ctx, i),
			messageId: validator(ctx, i).required(ctx.getNodeParameter('messageId', i), 'Message ID').trim(),
		}),
});

/** `POST message/send/mention` {phone, mention}. */
export const sendMention: OperationDefinition = message({
	operation: 'sendMention',
	name: 'Mention',
	action: 'Mention a person',
	description: `Mention a person (by number) in a chat or group. ${UNVERIFIED}`,
	properties: [
		toField,
		{ displayName: 'Mention Number', name: 'mention', type: 'string', default: '', required: true, placeholder: '966500000002', description: 'Number of the person to mention, with country code' },
	],
	run: async (ctx, i) =>
		await send.call(ctx, i, 'message/send/mention', {
			phone: recipient(ctx, i),
			mention: validator(ctx, i).phone(ctx.getNodeParameter('mention', i), 'Mention Number'),
		}),
});

/** `POST message/send/reaction` {phone, reaction, messageId}: the emoji goes in `reaction`. */
export const sendReaction: OperationDefinition = message({
	operation: 'sendReaction',
	name: 'React',
	action: 'React to a message',
	description: `React to a message with an emoji. ${UNVERIFIED}`,
	properties: [
		toField,
		messageIdField('ID of the message to react to'),
		{ displayName: 'Emoji', name: 'reaction', type: 'string', default: '', required: true, placeholder: '👍', description: 'One emoji' },
	],
	run: async (ctx, i) => {
		const check = validator(ctx, i);
		const reaction = check.required(ctx.getNodeParameter('reaction', i), 'Emoji').trim();
		if ([...reaction].length > 8) check.fail('"Emoji" must be a single emoji');
		return await send.call(ctx, i, 'message/send/reaction', {
			phone: recipient(ctx, i),
			reaction,
			messageId: check.required(ctx.getNodeParameter('messageId', i), 'Message ID').trim(),
		});
	},
});

/** `POST message/send/sticker` {phone, url}: under `message/send/`, not `send/`. */
export const sendSticker: OperationDefinition = message({
	operation: 'sendSticker',
	name: 'Send Sticker',
	action: 'Send a sticker',
	description: `Send a sticker (a .webp image) from a URL. ${UNVERIFIED}`,
	properties: [toField, urlField('url', 'Sticker URL', '.webp sticker')],
	run: async (ctx, i) => await send.call(ctx, i, 'message/send/sticker', { phone: recipient(ctx, i), url: mediaUrl(ctx, i, 'url', 'Sticker URL') }),
});

/** `POST message/send/disappearing` {phone, body, duration?}: duration in seconds, platform default 7 days. */
export const sendDisappearing: OperationDefinition = message({
	operation: 'sendDisappearing',
	name: 'Send Disappearing',
	action: 'Send a disappearing message',
	description: `Send a text that disappears after a while. ${UNVERIFIED}`,
	properties: [
		toField,
		bodyField,
		{
			displayName: 'Duration (Seconds)',
			name: 'duration',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'How long the message stays; 0 leaves the platform’s default (7 days)',
		},
	],
	run: async (ctx, i) => {
		const duration = validator(ctx, i).number(ctx.getNodeParameter('duration', i, 0), 'Duration (Seconds)', { min: 0, max: 90 * 86400 });
		return await send.call(ctx, i, 'message/send/disappearing', {
			phone: recipient(ctx, i),
			body: text(ctx, i),
			...(duration ? { duration } : {}),
		});
	},
});
