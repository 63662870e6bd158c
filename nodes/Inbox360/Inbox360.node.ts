import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { buildProperties, executePerItem } from '../shared/execute';
import { sendingHints } from '../shared/sending';
import { resources } from './actions';
import { listSearch, loadOptions, resourceMapping } from './methods';

export class Inbox360 implements INodeType {
	description: INodeTypeDescription = {
		displayName: '360dialog Inbox',
		name: 'inbox360',
		icon: { light: 'file:inbox360.svg', dark: 'file:inbox360.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send WhatsApp messages and run a team inbox (chats, assignment, tags) with the 360dialog Inbox (WhatsApp Integration API)',
		defaults: { name: '360dialog Inbox' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'inbox360Api', required: true }],
		properties: buildProperties(resources),
		hints: sendingHints(resources),
	};

	methods = { listSearch, loadOptions, resourceMapping };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executePerItem.call(this, resources);
	}
}
