import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition, ResourceDefinition } from '../../../shared/execute';
import { withSending } from '../../../shared/sending';
import { inboxRequest } from '../../transport';
import { inbox360Sending, listFields, listOperation, numericId, validator } from '../common';

const getMany: OperationDefinition = {
	resource: 'savedResponse',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many saved responses',
	description: 'List the canned answers agents pick in the inbox',
	properties: listFields('saved responses'),
	async execute(this: IExecuteFunctions, i: number) {
		return await listOperation(this, i, 'savedResponses');
	},
};

const create: OperationDefinition = {
	resource: 'savedResponse',
	operation: 'create',
	name: 'Create',
	action: 'Create a saved response',
	description: 'Add a canned answer',
	properties: [{ displayName: 'Text', name: 'text', type: 'string', typeOptions: { rows: 3 }, default: '', required: true }],
	async execute(this: IExecuteFunctions, i: number) {
		const text = validator(this, i).required(this.getNodeParameter('text', i), 'Text');
		return await inboxRequest.call(this, 'savedResponseCreate', { body: { text }, itemIndex: i });
	},
};

const remove: OperationDefinition = {
	resource: 'savedResponse',
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a saved response',
	description: 'Delete a canned answer by ID',
	properties: [{ displayName: 'Saved Response ID', name: 'id', type: 'string', default: '', required: true, placeholder: '12' }],
	async execute(this: IExecuteFunctions, i: number) {
		const id = numericId(validator(this, i), this.getNodeParameter('id', i), 'Saved Response ID');
		await inboxRequest.call(this, 'savedResponseDelete', { params: { id }, repeatable: true, itemIndex: i });
		return { deleted: true, id };
	},
};

export const savedResponse: ResourceDefinition = { name: 'Saved Response', value: 'savedResponse', description: 'Canned answers', operations: [getMany, ...withSending(inbox360Sending, create, remove)] };
