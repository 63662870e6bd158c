import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition, ResourceDefinition } from '../../../shared/execute';
import { withSending } from '../../../shared/sending';
import { inboxRequest } from '../../transport';
import { eventFilters, eventQuery, inbox360Sending, listFields, listOperation, validator } from '../common';
import { extraOf, getTagging, taggingIdField, taggingIdOf, taggingOptions } from '../chatTagging';
import { resolveTag, tagLocator } from '../tag/resolve';

const messageIdField = {
	displayName: 'Message ID',
	name: 'messageId',
	type: 'string' as const,
	default: '',
	required: true,
	placeholder: 'ABGGSFEBeRJ_AhD8o8zP9ulNeUPgdKvfzvgh',
	description: 'The WhatsApp message ID (the trigger’s messageId)',
};

const add: OperationDefinition = {
	resource: 'messageTagging',
	operation: 'add',
	name: 'Tag a Message',
	action: 'Tag a message',
	description: 'Add a tag to a message (this also tags its chat and re-runs the Rule Engine, e.g. "Agent needed" for a hand-off)',
	properties: [messageIdField, tagLocator, taggingOptions],
	async execute(this: IExecuteFunctions, i: number) {
		const message = validator(this, i).required(this.getNodeParameter('messageId', i), 'Message ID').trim();
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const extra = extraOf(this, i, options);
		const tag = await resolveTag(this, i, options.createMissing === true);
		const tagging = await inboxRequest.call(this, 'messageTaggingCreate', { body: { tag: tag.id, message, ...extra }, itemIndex: i });
		return { ...tagging, taggingId: tagging.id, tagName: tag.name, tagCreated: tag.created };
	},
};

const remove: OperationDefinition = {
	resource: 'messageTagging',
	operation: 'remove',
	name: 'Remove a Message Tag',
	action: 'Remove a tag from a message',
	description: 'Delete a message tagging by its ID (the taggingId that Tag a Message returned)',
	properties: [taggingIdField],
	async execute(this: IExecuteFunctions, i: number) {
		const id = taggingIdOf(this, i);
		await inboxRequest.call(this, 'messageTaggingDelete', { params: { id }, repeatable: true, itemIndex: i });
		return { removed: true, taggingId: id };
	},
};

const events: OperationDefinition = {
	resource: 'messageTagging',
	operation: 'getEvents',
	name: 'Get Events',
	action: 'Get message tagging history',
	description: 'List message tags added and removed',
	properties: [...listFields('events'), eventFilters([{ displayName: 'Message ID', name: 'messageId', type: 'string', default: '' }])],
	async execute(this: IExecuteFunctions, i: number) {
		return await listOperation(this, i, 'messageTaggingEvents', eventQuery(this, i));
	},
};

export const messageTagging: ResourceDefinition = {
	name: 'Message Tagging',
	value: 'messageTagging',
	description: 'Tag messages and read the tagging history',
	operations: [...withSending(inbox360Sending, add, remove), getTagging('messageTagging', 'Get one message tagging (tag, message, extra) by its ID: the taggingId Tag a Message returned'), events],
};
