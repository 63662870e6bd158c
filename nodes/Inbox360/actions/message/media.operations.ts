import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { formatBytes } from '../../../shared/validate';
import { inboxOrigin } from '../../../../credentials/Inbox360Api.credentials';
import { contextOf, MEDIA_LIMITS, readFile, recipientOf, sendMessage, sendOptions, toLocator, uploadFile, validator } from '../common';
import { CREDENTIAL_TYPE } from '../../transport';

type MediaType = 'image' | 'video' | 'audio' | 'voice' | 'document' | 'sticker';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const sourceFields = (type: MediaType): INodeProperties[] => [
	{
		displayName: 'Media Source',
		name: 'source',
		type: 'options',
		options: [
			{ name: 'URL', value: 'url', description: 'A public link WhatsApp downloads' },
			{ name: 'Binary Property', value: 'binary', description: 'A file from an earlier node; uploaded to the inbox first (POST /media/)' },
			{ name: 'Uploaded Media ID', value: 'id', description: 'The ID from Media → Upload, or a WhatsApp media ID' },
		],
		default: 'url',
	},
	{ displayName: 'Media URL', name: 'mediaUrl', type: 'string', default: '', required: true, placeholder: `https://example.com/file.${type === 'document' ? 'pdf' : type === 'sticker' ? 'webp' : 'jpg'}`, displayOptions: { show: { source: ['url'] } } },
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: `The name of the input binary field containing the file to be sent (at most ${formatBytes(MEDIA_LIMITS[type])})`,
		displayOptions: { show: { source: ['binary'] } },
	},
	{ displayName: 'Media ID', name: 'mediaId', type: 'string', default: '', required: true, placeholder: '3f4a6a4c-0c36-4d6b-9f55-2f1f0c7f2a10', displayOptions: { show: { source: ['id'] } } },
];

function mediaOperation(type: MediaType, name: string, action: string, description: string): OperationDefinition {
	const extra: INodeProperties[] = [];
	if (type !== 'sticker' && type !== 'audio' && type !== 'voice') {
		extra.push({ displayName: 'Caption', name: 'caption', type: 'string', default: '', description: 'Text shown under the media (up to 1024 characters)' });
	}
	if (type === 'document') extra.push({ displayName: 'File Name', name: 'fileName', type: 'string', default: '', description: 'Name shown for the document (defaults to the binary file name)' });
	return {
		resource: 'message',
		operation: `send${type[0].toUpperCase()}${type.slice(1)}`,
		name,
		action,
		description,
		properties: [toLocator, ...sourceFields(type), sendOptions(extra)],
		async execute(this: IExecuteFunctions, i: number) {
			const check = validator(this, i);
			const to = recipientOf(this, i);
			const options = this.getNodeParameter('options', i, {}) as IDataObject;
			const caption = check.optionalText(options.caption, 1024, 'Caption');
			const source = this.getNodeParameter('source', i) as string;
			const media: IDataObject = {};
			let fileName = (options.fileName as string) || undefined;
			if (source === 'url') {
				media.link = check.publicUrl(this.getNodeParameter('mediaUrl', i), 'Media URL', 'WhatsApp');
			} else if (source === 'id') {
				const id = check.required(this.getNodeParameter('mediaId', i), 'Media ID').trim();
				if (UUID.test(id)) {
					// An inbox upload: sent as its inbox link, as the inbox's own web app does.
					const origin = inboxOrigin(await this.getCredentials(CREDENTIAL_TYPE));
					media.link = `${origin}/api/v1/media/${id}/`;
				} else media.id = id;
			} else {
				const file = await readFile(this, check, this.getNodeParameter('binaryPropertyName', i) as string, { maxBytes: MEDIA_LIMITS[type] });
				const uploaded = await uploadFile(this, i, 'mediaUpload', file);
				media.link = uploaded.file;
				media.mime_type = file.mimeType;
				fileName ??= file.fileName;
			}
			if (caption) media.caption = caption;
			if (type === 'document' && fileName) media.filename = fileName;
			return await sendMessage.call(this, i, to, type, media, contextOf(options));
		},
	};
}

export const sendImage = mediaOperation('image', 'Send Image', 'Send an image', 'Send a JPEG or PNG image (at most 5 MB) with an optional caption');
export const sendVideo = mediaOperation('video', 'Send Video', 'Send a video', 'Send an MP4 or 3GP video (at most 16 MB) with an optional caption');
export const sendAudio = mediaOperation('audio', 'Send Audio', 'Send an audio file', 'Send an audio file (at most 16 MB)');
export const sendVoice = mediaOperation('voice', 'Send Voice Note', 'Send a voice note', 'Send a voice note (OGG/Opus, at most 16 MB)');
export const sendDocument = mediaOperation('document', 'Send Document', 'Send a document', 'Send a document (at most 100 MB) with a file name and optional caption');
export const sendSticker = mediaOperation('sticker', 'Send Sticker', 'Send a sticker', 'Send a WebP sticker (at most 500 KB)');
