import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { buildProperties, executePerItem } from '../shared/execute';
import { sendingHints } from '../shared/sending';
import { account } from './actions/account';
import { contact } from './actions/contact';
import { group } from './actions/group';
import { message } from './actions/message';
import { phone } from './actions/phone';
import { listSearch, loadOptions } from './methods';

const resources = [message, contact, group, phone, account];

export class Maytapi implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Maytapi',
		name: 'maytapi',
		icon: { light: 'file:maytapi.svg', dark: 'file:maytapi.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send WhatsApp messages and manage phones and groups with Maytapi',
		defaults: { name: 'Maytapi' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'maytapiApi', required: true }],
		properties: buildProperties(resources),
		hints: sendingHints(resources),
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executePerItem.call(this, resources);
	}
}
