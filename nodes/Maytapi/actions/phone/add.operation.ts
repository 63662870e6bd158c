import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { maytapiRequest } from '../../transport';
import { validator } from '../common';

export const addPhone: OperationDefinition = {
	resource: 'phone',
	operation: 'add',
	name: 'Add',
	action: 'Add a phone instance',
	description: 'Create a new phone instance (limited by the plan’s phone limit); then scan its QR code',
	properties: [
		{
			displayName: 'Number',
			name: 'number',
			type: 'string',
			default: '',
			placeholder: '905301234567',
			description: 'Optional: the number that will be linked. Maytapi fills it in after the QR scan otherwise.',
		},
	],
	async execute(this: IExecuteFunctions, i: number) {
		const raw = String(this.getNodeParameter('number', i, '')).trim();
		const body = raw ? { number: validator(this, i).phone(raw, 'Number') } : {};
		const phone = await maytapiRequest.call(this, 'POST', '/addPhone', { body, repeatable: false, itemIndex: i });
		return { ...phone, id: String(phone.id) };
	},
};
