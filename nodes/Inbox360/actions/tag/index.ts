import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition, ResourceDefinition } from '../../../shared/execute';
import { withSending } from '../../../shared/sending';
import { inboxRequest } from '../../transport';
import { inbox360Sending, listFields, listOperation, validator } from '../common';

const getMany: OperationDefinition = {
	resource: 'tag',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many tags',
	description: 'List the inbox’s tags (ID, name, colour)',
	properties: listFields('tags'),
	async execute(this: IExecuteFunctions, i: number) {
		return await listOperation(this, i, 'tags');
	},
};

const create: OperationDefinition = {
	resource: 'tag',
	operation: 'create',
	name: 'Create',
	action: 'Create a tag',
	description: 'Create a tag (tag names are unique)',
	properties: [
		{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, placeholder: 'Agent needed' },
		{ displayName: 'Color', name: 'color', type: 'color', default: '', description: 'Colour of the tag in the web inbox' },
	],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const body: IDataObject = { name: check.maxLength(check.required(this.getNodeParameter('name', i), 'Name').trim(), 1000, 'Name') };
		const color = check.optionalText(this.getNodeParameter('color', i, ''), 1000, 'Color');
		if (color) body.web_inbox_color = color;
		return await inboxRequest.call(this, 'tagCreate', { body, itemIndex: i });
	},
};

export const tag: ResourceDefinition = { name: 'Tag', value: 'tag', description: 'List and create tags', operations: [getMany, ...withSending(inbox360Sending, create)] };
