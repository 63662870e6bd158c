import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { buildProperties, executePerItem } from '../shared/execute';
import { sendingHints } from '../shared/sending';
import { customer } from './actions/customer';
import { message } from './actions/message';
import { template } from './actions/template';
import { loadOptions, resourceMapping } from './methods';

const resources = [message, template, customer];

export class Sobot implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sobot',
		name: 'sobot',
		icon: { light: 'file:sobot.svg', dark: 'file:sobot.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send WhatsApp messages and templates, and sync customers with the Sobot team inbox',
		defaults: { name: 'Sobot' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sobotApi', required: true }],
		properties: buildProperties(resources),
		hints: sendingHints(resources),
	};

	methods = { loadOptions, resourceMapping };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executePerItem.call(this, resources);
	}
}
