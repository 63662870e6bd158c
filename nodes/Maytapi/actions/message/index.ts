import type { ResourceDefinition } from '../../../shared/execute';
import { withSending } from '../../../shared/sending';
import { maytapiSending } from '../common';
import { deleteMessage } from './delete.operation';
import { edit } from './edit.operation';
import { forward } from './forward.operation';
import { react } from './react.operation';
import { sendButtons } from './sendButtons.operation';
import { sendContact } from './sendContact.operation';
import { sendLink } from './sendLink.operation';
import { sendLocation } from './sendLocation.operation';
import { sendMedia } from './sendMedia.operation';
import { sendPoll } from './sendPoll.operation';
import { sendProduct } from './sendProduct.operation';
import { sendSticker } from './sendSticker.operation';
import { sendText } from './sendText.operation';
import { sendVcard } from './sendVcard.operation';

export const message: ResourceDefinition = {
	name: 'Message',
	value: 'message',
	description: 'Send, forward, react to, edit or delete messages',
	operations: withSending(
		maytapiSending,
		sendText,
		sendMedia,
		sendLink,
		sendLocation,
		sendContact,
		sendVcard,
		sendPoll,
		sendSticker,
		sendButtons,
		sendProduct,
		forward,
		react,
		edit,
		deleteMessage,
	),
};
