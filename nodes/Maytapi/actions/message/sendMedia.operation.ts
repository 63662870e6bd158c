import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inspectBase64, readBinaryProperty, toDataUri } from '../../../shared/binary';
import type { OperationDefinition } from '../../../shared/execute';
import { MB } from '../../../shared/validate';
import { phoneLocator, readSendOptions, sendMessage, sendOptions, toField, validator } from '../common';

/**
 * Our own cap for media sent inline (base64 in the JSON body): larger files belong behind a URL,
 * which Maytapi downloads itself. WhatsApp's own limit for video/audio is 16 MB.
 */
export const MAX_INLINE_MEDIA_BYTES = 16 * MB;

export const sendMedia: OperationDefinition = {
	resource: 'message',
	operation: 'sendMedia',
	name: 'Send Media',
	action: 'Send an image, video, audio or document',
	description: 'Send an image, video, audio/voice note or document from a URL, an n8n binary property or base64',
	properties: [
		phoneLocator,
		toField,
		{
			displayName: 'Media Source',
			name: 'source',
			type: 'options',
			options: [
				{ name: 'URL', value: 'url', description: 'A public link Maytapi downloads' },
				{ name: 'Binary Property', value: 'binary', description: 'A file from an earlier node (sent inline as base64)' },
				{ name: 'Base64', value: 'base64', description: 'A data URI or raw base64 text' },
			],
			default: 'url',
		},
		{
			displayName: 'Media URL',
			name: 'mediaUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://example.com/brochure.pdf',
			displayOptions: { show: { source: ['url'] } },
		},
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the input binary field containing the file to be sent',
			displayOptions: { show: { source: ['binary'] } },
		},
		{
			displayName: 'Base64 Data',
			name: 'base64',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			required: true,
			placeholder: 'data:image/png;base64,iVBORw0KGgo…',
			description: 'A data URI, or raw base64 together with the MIME Type option',
			displayOptions: { show: { source: ['base64'] } },
		},
		sendOptions([
			{ displayName: 'Caption', name: 'caption', type: 'string', default: '', description: 'Text shown under the media' },
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				description: 'Name shown for a document (defaults to the binary file name)',
			},
			{
				displayName: 'MIME Type',
				name: 'mimeType',
				type: 'string',
				default: '',
				placeholder: 'image/jpeg',
				description: 'Only for raw base64 without a data: prefix',
			},
		]),
	],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const source = this.getNodeParameter('source', i) as string;
		const options = readSendOptions(this, i);
		let message: string;
		let fileName = (options.fileName as string) || undefined;
		if (source === 'url') {
			message = check.publicUrl(this.getNodeParameter('mediaUrl', i), 'Media URL', 'Maytapi');
		} else if (source === 'binary') {
			const file = await readBinaryProperty(this, check, this.getNodeParameter('binaryPropertyName', i) as string, 'Input Binary Field', {
				maxBytes: MAX_INLINE_MEDIA_BYTES,
			});
			message = toDataUri(file);
			fileName ??= file.fileName;
		} else {
			const raw = check.required(this.getNodeParameter('base64', i), 'Base64 Data').trim();
			const info = inspectBase64(raw);
			if (!info) return check.fail('"Base64 Data" is not valid base64 or a base64 data URI');
			check.size(info.bytes, MAX_INLINE_MEDIA_BYTES, 'Base64 Data');
			if (info.dataUri) {
				message = info.dataUri;
			} else {
				const mimeType = check.required(options.mimeType, 'MIME Type (needed for raw base64)');
				message = `data:${mimeType};base64,${raw.replace(/\s/g, '')}`;
			}
		}
		const body: IDataObject = { type: 'media', message };
		if (options.caption) body.text = options.caption;
		if (fileName) body.filename = fileName;
		return await sendMessage.call(this, i, body, options);
	},
};
