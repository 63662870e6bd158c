import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { phoneLocator, phoneRequest, validator } from '../common';

export const pictureUrlField = {
	displayName: 'Image URL',
	name: 'imageUrl',
	type: 'string' as const,
	default: '',
	required: true,
	placeholder: 'https://example.com/picture-640x640.png',
	description: 'Public link to a square image (at least 192×192, ideally 640×640)',
};

export const setProfilePicture: OperationDefinition = {
	resource: 'phone',
	operation: 'setProfilePicture',
	name: 'Set Profile Picture',
	action: 'Set the profile picture of a phone',
	description: 'Change the WhatsApp profile picture of this number',
	properties: [phoneLocator, pictureUrlField],
	async execute(this: IExecuteFunctions, i: number) {
		const image = validator(this, i).publicUrl(this.getNodeParameter('imageUrl', i), 'Image URL', 'Maytapi');
		// An empty conversation_id means "my own profile" in Maytapi's setProfileImage.
		return await phoneRequest.call(this, i, 'POST', '/setProfileImage', { body: { conversation_id: '', image }, repeatable: false });
	},
};
