import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { sobotRequest } from '../../transport';
import { validator } from '../common';
import { customerBody, customerFields, mobileField, nameField } from './fields';

export const updateCustomer: OperationDefinition = {
	resource: 'customer',
	operation: 'update',
	name: 'Update',
	action: 'Update a customer',
	description: 'Update a customer by mobile number',
	properties: [
		{ ...mobileField, description: 'Number of the customer to update, with country code' },
		nameField,
		{
			displayName:
				'Labels given here replace all of the customer’s labels. Adding to the existing labels is not possible: Sobot’s API cannot read a customer’s labels back (its customer list returns only ID, name and number, and there is no get-customer endpoint), so always send the complete list.',
			name: 'labelsNotice',
			type: 'notice',
			default: '',
		},
		customerFields('They replace all existing labels. Leave empty to keep the current labels'),
		{
			displayName: 'Remove All Labels',
			name: 'clearLabels',
			type: 'boolean',
			default: false,
			description: 'Whether to remove every label from the customer (sends an empty label list; the Labels field is ignored)',
		},
	],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const mobile = check.phone(this.getNodeParameter('mobile', i), 'Mobile Number');
		const body = customerBody(this, i, { clearLabels: this.getNodeParameter('clearLabels', i, false) as boolean });
		// The documented path form (cURL sample); the Python/PHP samples' body `mobile` is not used.
		// A PUT of the customer's fields: repeating it leaves the same customer.
		const response = await sobotRequest.call(this, 'PUT', `/api/customer/${mobile}`, { body, repeatable: true, itemIndex: i });
		return { mobile, action: 'updated', message: response.message ?? null, code: response.code ?? null };
	},
};
