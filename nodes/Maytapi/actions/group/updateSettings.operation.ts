import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { groupLocator, phoneLocator, phoneRequest, validator } from '../common';
import { groupIdOf } from './participants.operations';

const whoOptions = [
	{ name: 'Admins Only', value: 'admins' },
	{ name: 'All Participants', value: 'all' },
];

export const updateGroupSettings: OperationDefinition = {
	resource: 'group',
	operation: 'updateSettings',
	name: 'Update Settings',
	action: 'Update the settings of a group',
	description: 'Choose who may edit group info and send messages, and turn disappearing messages on or off',
	properties: [
		phoneLocator,
		groupLocator,
		{
			displayName: 'Settings',
			name: 'settings',
			type: 'collection',
			placeholder: 'Add Setting',
			default: {},
			description: 'Only the settings you add are changed',
			options: [
				{ displayName: 'Who Can Edit Group Info', name: 'edit', type: 'options', options: whoOptions, default: 'admins' },
				{ displayName: 'Who Can Send Messages', name: 'send', type: 'options', options: whoOptions, default: 'all' },
				{
					displayName: 'Disappearing Messages',
					name: 'disappear',
					type: 'boolean',
					default: false,
					description: 'Whether messages disappear after a while',
				},
			],
		},
	],
	async execute(this: IExecuteFunctions, i: number) {
		const config = this.getNodeParameter('settings', i, {}) as IDataObject;
		if (!Object.keys(config).length) validator(this, i).fail('"Settings" is empty: add at least one setting to change');
		const conversationId = groupIdOf(this, i);
		const response = await phoneRequest.call(this, i, 'POST', '/group/config', {
			body: { conversation_id: conversationId, config },
			// WhatsApp announces each settings change in the group.
			repeatable: false,
		});
		return { groupId: conversationId, ...((response.data as IDataObject) ?? config) };
	},
};
