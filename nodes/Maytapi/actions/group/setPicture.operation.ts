import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { groupLocator, phoneLocator, phoneRequest, validator } from '../common';
import { pictureUrlField } from '../phone/setProfilePicture.operation';
import { groupIdOf } from './participants.operations';

export const setGroupPicture: OperationDefinition = {
	resource: 'group',
	operation: 'setPicture',
	name: 'Set Picture',
	action: 'Set the picture of a group',
	description: 'Change a group’s picture (this phone must be an admin)',
	properties: [phoneLocator, groupLocator, pictureUrlField],
	async execute(this: IExecuteFunctions, i: number) {
		const conversationId = groupIdOf(this, i);
		const image = validator(this, i).publicUrl(this.getNodeParameter('imageUrl', i), 'Image URL', 'Maytapi');
		const response = await phoneRequest.call(this, i, 'POST', '/setProfileImage', {
			body: { conversation_id: conversationId, image },
			// WhatsApp announces every picture change in the group: once is enough.
			repeatable: false,
		});
		return { groupId: conversationId, success: response.success ?? true };
	},
};
