import type { ResourceDefinition } from '../../../../shared/execute';
import { withSending } from '../../../../shared/sending';
import { platformSending } from '../common';
import { getChats, getContacts, getConversation } from './list.operations';
import { archive, markRead, markUnread, mute, pin, showPresence, unarchive, unmute, unpin } from './state.operations';

export const chat: ResourceDefinition = {
	name: 'Chat',
	value: 'chat',
	description: 'List chats and contacts, read conversations, mark, archive, pin and mute chats',
	operations: [getChats, getConversation, getContacts, ...withSending(platformSending, showPresence, markRead, markUnread, archive, unarchive, pin, unpin, mute, unmute)],
};
