import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { numbersField, phoneLocator, phoneRequest, validator } from '../common';

export const checkNumbers: OperationDefinition = {
	resource: 'contact',
	operation: 'checkNumbers',
	name: 'Check Numbers',
	action: 'Check which numbers are on WhatsApp',
	description: 'Check whether phone numbers have WhatsApp; one output item per number',
	properties: [
		phoneLocator,
		numbersField('Numbers'),
	],
	async execute(this: IExecuteFunctions, i: number) {
		const numbers = validator(this, i).phones(this.getNodeParameter('numbers', i), 'Numbers');
		// A lookup sent as POST: it changes nothing.
		const response = await phoneRequest.call(this, i, 'POST', '/checkPhones', { body: { numbers }, repeatable: true });
		// The response keys are not fully documented: accept `data` or `result`, and `id`/`number`.
		const list = (response.data ?? response.result ?? []) as IDataObject[];
		return list.map((entry) => ({
			number: String(entry.number ?? entry.phone ?? String(entry.id ?? '').replace(/@c\.us$/, '')),
			onWhatsApp: entry.valid === true || entry.exists === true || entry.status === 'valid',
			chatId: (entry.id as string) ?? null,
			...entry,
		}));
	},
};
