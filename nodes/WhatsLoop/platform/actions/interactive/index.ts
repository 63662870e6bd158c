import type { ResourceDefinition } from '../../../../shared/execute';
import { withSending } from '../../../../shared/sending';
import { platformSending } from '../common';
import { sendButtons, sendList, sendTemplateButtons } from './send.operations';

export const interactive: ResourceDefinition = {
	name: 'Interactive',
	value: 'interactive',
	description: 'Send quick-reply buttons, URL/call/reply template buttons and list messages',
	operations: withSending(platformSending, sendButtons, sendTemplateButtons, sendList),
};
