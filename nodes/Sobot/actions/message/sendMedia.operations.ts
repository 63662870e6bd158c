import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fileNameOfUrl } from '../../../shared/binary';
import type { OperationDefinition } from '../../../shared/execute';
import { customerNameField, customerNumberField, LIMITS, sendMessage, validator } from '../common';
import type { MediaKind } from '../media';
import { MEDIA, mediaMimeType, mimeTypeField, urlOnlyNotice } from '../media';

const CAPTION: INodeProperties = {
	displayName: 'Caption',
	name: 'caption',
	type: 'string',
	default: '',
	description: 'Text shown with the media, at most 1024 characters',
};

/** One "Send <media>" operation; image, video, document and sticker differ only in these facts. */
function mediaOperation(kind: MediaKind, action: string, extra: INodeProperties[]): OperationDefinition {
	const { label } = MEDIA[kind];
	const urlField = `${label} URL`;
	return {
		resource: 'message',
		operation: `send${label}`,
		name: `Send ${label}`,
		action,
		description: `${action} from a public URL, inside the 24-hour customer service window`,
		properties: [
			customerNumberField,
			customerNameField,
			urlOnlyNotice(kind),
			{
				displayName: urlField,
				name: 'url',
				type: 'string',
				default: '',
				required: true,
				placeholder: `https://example.com/file.${{ image: 'jpg', video: 'mp4', document: 'pdf', sticker: 'webp' }[kind]}`,
				description: `Public link to the ${label.toLowerCase()}; Sobot accepts ${MEDIA[kind].mimeTypes.join(', ')}`,
			},
			mimeTypeField(kind),
			...extra,
		],
		async execute(this: IExecuteFunctions, i: number) {
			const check = validator(this, i);
			const url = check.publicUrl(this.getNodeParameter('url', i), urlField, 'Sobot');
			const mimeType = mediaMimeType(check, kind, url, this.getNodeParameter('mimeType', i, 'auto') as string, urlField);
			const body: IDataObject = { type: kind, url, mime_type: mimeType };
			if (kind === 'document') {
				const given = String(this.getNodeParameter('fileName', i, '') ?? '').trim();
				const fileName = given || fileNameOfUrl(url);
				if (!fileName) check.fail('"File Name" is required: the Document URL does not end in a file name');
				body.filename = fileName;
			}
			if (kind !== 'sticker') {
				const caption = check.optionalText(this.getNodeParameter('caption', i, ''), LIMITS.caption, 'Caption');
				if (caption) body.caption = caption;
			}
			return await sendMessage.call(this, i, body);
		},
	};
}

export const sendImage = mediaOperation('image', 'Send an image', [CAPTION]);
export const sendVideo = mediaOperation('video', 'Send a video', [CAPTION]);
export const sendDocument = mediaOperation('document', 'Send a document', [
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		placeholder: 'invoice.pdf',
		description: 'Name the customer sees. Empty means the last part of the URL’s path.',
	},
	CAPTION,
]);
// The docs' sample sends `"type":"image"` for a sticker; the table says `sticker`, which is sent.
export const sendSticker = mediaOperation('sticker', 'Send a sticker', []);
