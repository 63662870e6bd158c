import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { sniffMimeType } from '../../../shared/binary';
import type { OperationDefinition, ResourceDefinition } from '../../../shared/execute';
import { withSending } from '../../../shared/sending';
import { inboxFullRequest, inboxRequest, resultsOf } from '../../transport';
import { inbox360Sending, MEDIA_LIMITS, readFile, uploadFile, validator } from '../common';

const VERTICALS = [
	'Automotive', 'Beauty, Spa and Salon', 'Clothing and Apparel', 'Education', 'Entertainment', 'Event Planning and Service',
	'Finance and Banking', 'Food and Grocery', 'Hotel and Lodging', 'Medical and Health', 'Non-profit', 'Other',
	'Professional Services', 'Public Service', 'Restaurant', 'Shopping and Retail', 'Travel and Transportation',
];

const get: OperationDefinition = {
	resource: 'businessProfile',
	operation: 'get',
	name: 'Get',
	action: 'Get the business profile',
	description: 'Get the WhatsApp business profile (address, description, email, vertical, websites)',
	properties: [],
	async execute(this: IExecuteFunctions, i: number) {
		return await inboxRequest.call(this, 'businessProfile', { repeatable: true, itemIndex: i });
	},
};

const update: OperationDefinition = {
	resource: 'businessProfile',
	operation: 'update',
	name: 'Update',
	action: 'Update the business profile',
	description: 'Change fields of the business profile (admin); only what you set is sent',
	properties: [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{ displayName: 'Address', name: 'address', type: 'string', default: '' },
				{ displayName: 'Description', name: 'description', type: 'string', default: '' },
				{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
				{ displayName: 'Vertical', name: 'vertical', type: 'options', options: VERTICALS.map((v) => ({ name: v, value: v })), default: 'Other' },
				{ displayName: 'Websites', name: 'websites', type: 'string', default: '', description: 'Comma-separated, at most two' },
			],
		},
	],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
		const body: IDataObject = {};
		for (const key of ['address', 'description', 'email', 'vertical']) if (fields[key] !== undefined) body[key] = fields[key];
		if (fields.websites !== undefined) {
			const websites = String(fields.websites).split(',').map((w) => w.trim()).filter(Boolean);
			check.count(websites, 'Websites', { max: 2 });
			body.websites = websites.map((w) => check.url(w, 'Websites'));
		}
		if (!Object.keys(body).length) check.fail('Choose at least one field under "Update Fields"');
		// PATCH of a setting to given values: the same twice is the same state.
		return await inboxRequest.call(this, 'businessProfileUpdate', { body, repeatable: true, itemIndex: i });
	},
};

const getAbout: OperationDefinition = {
	resource: 'businessProfile',
	operation: 'getAbout',
	name: 'Get About',
	action: 'Get the about text',
	description: 'Get the profile’s "about" text',
	properties: [],
	async execute(this: IExecuteFunctions, i: number) {
		const answer = await inboxRequest.call(this, 'about', { repeatable: true, itemIndex: i });
		// Older inboxes answer {text}, newer ones {settings: {profile: {about: {text}}}}.
		const nested = (((answer.settings as IDataObject | undefined)?.profile as IDataObject | undefined)?.about as IDataObject | undefined)?.text;
		return { text: (answer.text as string) ?? (nested as string) ?? null, raw: answer };
	},
};

const setAbout: OperationDefinition = {
	resource: 'businessProfile',
	operation: 'setAbout',
	name: 'Set About',
	action: 'Set the about text',
	description: 'Change the profile’s "about" text (admin)',
	properties: [{ displayName: 'Text', name: 'text', type: 'string', default: '', required: true, description: 'Up to 139 characters' }],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const text = check.maxLength(check.required(this.getNodeParameter('text', i), 'Text'), 139, 'Text') as string;
		await inboxRequest.call(this, 'aboutUpdate', { body: { text }, repeatable: true, itemIndex: i });
		return { success: true, text };
	},
};

const getPhoto: OperationDefinition = {
	resource: 'businessProfile',
	operation: 'getPhoto',
	returns: 'items',
	name: 'Get Photo',
	action: 'Get the profile photo',
	description: 'Download the profile photo into a binary field',
	properties: [{ displayName: 'Put Output File in Field', name: 'binaryPropertyName', type: 'string', default: 'data', required: true, hint: 'The name of the output binary field to put the file in' }],
	async execute(this: IExecuteFunctions, i: number) {
		const property = validator(this, i).required(this.getNodeParameter('binaryPropertyName', i), 'Put Output File in Field').trim();
		const response = await inboxFullRequest.call(this, 'photo', { binary: true, repeatable: true, itemIndex: i });
		const buffer = response.body as Buffer;
		const mimeType = sniffMimeType(buffer, response.headers['content-type']);
		const binary = await this.helpers.prepareBinaryData(buffer, `profile-photo.${mimeType.split('/')[1] ?? 'jpg'}`, mimeType);
		return { json: { mimeType, size: buffer.length }, binary: { [property]: binary } };
	},
};

const setPhoto: OperationDefinition = {
	resource: 'businessProfile',
	operation: 'setPhoto',
	name: 'Set Photo',
	action: 'Set the profile photo',
	description: 'Upload a new profile photo (admin; JPEG or PNG, at most 5 MB)',
	properties: [{ displayName: 'Input Binary Field', name: 'binaryPropertyName', type: 'string', default: 'data', required: true, hint: 'The name of the input binary field containing the image' }],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const file = await readFile(this, check, this.getNodeParameter('binaryPropertyName', i) as string, { maxBytes: MEDIA_LIMITS.image, allowedMimeTypes: ['image/jpeg', 'image/png'] });
		await uploadFile(this, i, 'photoUpload', file);
		return { success: true, mimeType: file.mimeType, size: file.buffer.length };
	},
};

const deletePhoto: OperationDefinition = {
	resource: 'businessProfile',
	operation: 'deletePhoto',
	name: 'Delete Photo',
	action: 'Delete the profile photo',
	description: 'Remove the profile photo (admin)',
	properties: [],
	async execute(this: IExecuteFunctions, i: number) {
		await inboxRequest.call(this, 'photoDelete', { repeatable: true, itemIndex: i });
		return { success: true };
	},
};

const getNumbers: OperationDefinition = {
	resource: 'businessProfile',
	operation: 'getWhatsAppNumbers',
	name: 'Get WhatsApp Numbers',
	action: 'Get the inbox’s WhatsApp numbers',
	description: 'List the WhatsApp phone number(s) of this inbox (newer inboxes), one item each',
	properties: [],
	async execute(this: IExecuteFunctions, i: number) {
		// A bare array `[{phone_number, this_instance}]` (S3); a DRF page is accepted as well.
		return resultsOf(await inboxRequest.call(this, 'whatsappAccounts', { qs: { this_instance: true }, repeatable: true, itemIndex: i }));
	},
};

const refresh: OperationDefinition = {
	resource: 'businessProfile',
	operation: 'refresh',
	name: 'Refresh From WhatsApp',
	action: 'Refresh the profile from WhatsApp',
	description: 'Ask the inbox to re-read its profile settings from WhatsApp (newer inboxes)',
	properties: [],
	async execute(this: IExecuteFunctions, i: number) {
		// Starts a sync job: not declared repeatable (the API does not say a second issue is harmless).
		return await inboxRequest.call(this, 'settingsRefresh', { itemIndex: i });
	},
};

export const businessProfile: ResourceDefinition = {
	name: 'Business Profile',
	value: 'businessProfile',
	description: 'The WhatsApp business profile, about text and photo',
	operations: [get, ...withSending(inbox360Sending, update), getAbout, ...withSending(inbox360Sending, setAbout), getPhoto, ...withSending(inbox360Sending, setPhoto, deletePhoto), getNumbers, ...withSending(inbox360Sending, refresh)],
};
