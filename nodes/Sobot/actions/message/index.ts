import type { ResourceDefinition } from '../../../shared/execute';
import { withSending } from '../../../shared/sending';
import { sobotSending } from '../common';
import { sendButtons } from './sendButtons.operation';
import { sendList } from './sendList.operation';
import { sendLocation } from './sendLocation.operation';
import { sendDocument, sendImage, sendSticker, sendVideo } from './sendMedia.operations';
import { sendProduct, sendProductList } from './sendProduct.operations';
import { sendTemplate } from './sendTemplate.operation';
import { sendText } from './sendText.operation';

export const message: ResourceDefinition = {
	name: 'Message',
	value: 'message',
	description: 'Send approved templates, and free-form messages inside the 24-hour window',
	operations: withSending(
		sobotSending,
		sendTemplate,
		sendText,
		sendImage,
		sendVideo,
		sendDocument,
		sendSticker,
		sendLocation,
		sendButtons,
		sendList,
		sendProduct,
		sendProductList,
	),
};
