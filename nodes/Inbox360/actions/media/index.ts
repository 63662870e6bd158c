import type { IExecuteFunctions } from 'n8n-workflow';

import { fileNameOfUrl, sniffMimeType } from '../../../shared/binary';
import type { OperationDefinition, ResourceDefinition } from '../../../shared/execute';
import { withSending } from '../../../shared/sending';
import { inboxOrigin } from '../../../../credentials/Inbox360Api.credentials';
import { inbox360Sending, MEDIA_LIMITS, readFile, uploadFile, validator } from '../common';
import { CREDENTIAL_TYPE, inboxFullRequest } from '../../transport';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const upload: OperationDefinition = {
	resource: 'media',
	operation: 'upload',
	name: 'Upload',
	action: 'Upload a file to the inbox',
	description: 'Upload a file (binary in) and get its media ID and inbox link, to send later',
	properties: [
		{ displayName: 'Input Binary Field', name: 'binaryPropertyName', type: 'string', default: 'data', required: true, hint: 'The name of the input binary field containing the file (at most 100 MB)' },
	],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const file = await readFile(this, check, this.getNodeParameter('binaryPropertyName', i) as string, { maxBytes: MEDIA_LIMITS.document });
		// An upload creates a new file each time: not repeatable.
		const uploaded = await uploadFile(this, i, 'mediaUpload', file);
		return { id: uploaded.id, link: uploaded.file, mimeType: file.mimeType, fileName: file.fileName ?? null, size: file.buffer.length };
	},
};

export const download: OperationDefinition = {
	resource: 'media',
	operation: 'download',
	returns: 'items',
	name: 'Download',
	action: 'Download a file from the inbox',
	description: 'Download an inbox media file (by ID or by the link in a message) into a binary field',
	properties: [
		{
			displayName: 'Media ID or Link',
			name: 'media',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://acme.inbox.getchat.360dialog.io/api/v1/media/3f4a6a4c-0c36-4d6b-9f55-2f1f0c7f2a10/',
			description: 'The media UUID, or the inbox link of a message’s media (only links on the credential’s inbox are fetched: the credential is sent with them)',
		},
		{ displayName: 'Put Output File in Field', name: 'binaryPropertyName', type: 'string', default: 'data', required: true, hint: 'The name of the output binary field to put the file in' },
	],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const value = check.required(this.getNodeParameter('media', i), 'Media ID or Link').trim();
		const property = check.required(this.getNodeParameter('binaryPropertyName', i), 'Put Output File in Field').trim();
		let response;
		if (UUID.test(value)) {
			response = await inboxFullRequest.call(this, 'media', { params: { id: value }, binary: true, repeatable: true, itemIndex: i });
		} else {
			const url = check.url(value, 'Media ID or Link');
			const origin = inboxOrigin(await this.getCredentials(CREDENTIAL_TYPE));
			if (new URL(url).origin !== new URL(origin).origin) {
				check.fail(`"Media ID or Link" is not on the credential’s inbox (${new URL(origin).host}), so it is not fetched with the credential`);
			}
			response = await inboxFullRequest.call(this, 'media', { url, binary: true, repeatable: true, itemIndex: i });
		}
		const buffer = response.body as Buffer;
		const mimeType = sniffMimeType(buffer, response.headers['content-type']);
		const fileName = (UUID.test(value) ? value : fileNameOfUrl(value.replace(/\/+$/, ''))) ?? 'media';
		const binary = await this.helpers.prepareBinaryData(buffer, fileName, mimeType);
		return { json: { media: value, mimeType, size: buffer.length }, binary: { [property]: binary } };
	},
};

export const media: ResourceDefinition = {
	name: 'Media',
	value: 'media',
	description: 'Upload files to the inbox and download message media',
	operations: [...withSending(inbox360Sending, upload), download],
};
