import type { ResourceDefinition } from '../../../shared/execute';
import { withSending } from '../../../shared/sending';
import { sobotSending } from '../common';
import { createTemplate } from './create.operation';
import { getManyTemplates } from './getMany.operation';

export const template: ResourceDefinition = {
	name: 'Template',
	value: 'template',
	description: 'Create WhatsApp templates for Meta’s review and list them by status',
	operations: [...withSending(sobotSending, createTemplate), getManyTemplates],
};
