import type { ResourceDefinition } from '../../../../shared/execute';
import { withSending } from '../../../../shared/sending';
import { platformSending } from '../common';
import { deleteMessage, fetchRecent, getMessage } from './manage.operations';
import { sendDisappearing, sendMention, sendReaction, sendReply, sendSticker, sendText } from './send.operations';

export const message: ResourceDefinition = {
	name: 'Message',
	value: 'message',
	description: 'Send, reply to, react to, get and delete messages',
	operations: [...withSending(platformSending, sendText, sendReply, sendMention, sendReaction, sendSticker, sendDisappearing), getMessage, fetchRecent, ...withSending(platformSending, deleteMessage)],
};
