import type { ResourceDefinition } from '../../../shared/execute';
import { withSending } from '../../../shared/sending';
import { inbox360Sending } from '../common';
import { sendButtons, sendList } from './interactive.operations';
import { sendAudio, sendDocument, sendImage, sendSticker, sendVideo, sendVoice } from './media.operations';
import { getManyMessages, markAsReceived } from './read.operations';
import { sendContacts, sendLocation, sendText } from './send.operations';
import { sendTemplate } from './template.operation';

export const message: ResourceDefinition = {
	name: 'Message',
	value: 'message',
	description: 'Send messages and templates, list and search messages',
	operations: [
		...withSending(
			inbox360Sending,
			sendText,
		sendTemplate,
		sendImage,
		sendVideo,
		sendAudio,
		sendVoice,
		sendDocument,
		sendSticker,
		sendLocation,
		sendContacts,
		sendButtons,
		sendList,
		),
		getManyMessages,
		...withSending(inbox360Sending, markAsReceived),
	],
};
