import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { groupLocator, phoneLocator, phoneRequest } from '../common';
import { groupIdOf } from './participants.operations';

export const leaveGroup: OperationDefinition = {
	resource: 'group',
	operation: 'leave',
	name: 'Leave',
	action: 'Leave a group',
	description: 'Make this phone leave the group',
	properties: [phoneLocator, groupLocator],
	async execute(this: IExecuteFunctions, i: number) {
		const id = groupIdOf(this, i);
		const response = await phoneRequest.call(this, i, 'POST', '/leaveGroup', { body: { id }, repeatable: false });
		return { groupId: id, success: response.success ?? true };
	},
};
