import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { asNodeError } from '../../../shared/errors';
import type { OperationDefinition } from '../../../shared/execute';
import { sobotRequest } from '../../transport';
import { validator } from '../common';
import { customerBody, customerFields, mobileField, nameField } from './fields';

/** Sobot's answer to adding a known number: `{"message":"Customer already exists","code":400}`. */
export function isAlreadyExists(error: unknown): boolean {
	return error instanceof NodeApiError && /already exists?/i.test(error.message);
}

export const addCustomer: OperationDefinition = {
	resource: 'customer',
	operation: 'add',
	name: 'Add',
	action: 'Add a customer',
	description: 'Add a customer (contact) to Sobot, or update it when the number exists already',
	properties: [
		mobileField,
		nameField,
		{
			displayName: 'If Customer Exists',
			name: 'ifExists',
			type: 'options',
			options: [
				{ name: 'Fail', value: 'fail', description: 'Stop with a "Customer already exists" error' },
				{
					name: 'Update Instead (Upsert)',
					value: 'update',
					description: 'Update the existing customer with these fields; its labels are replaced by the ones given here',
				},
			],
			default: 'fail',
			description: 'What to do when Sobot already has a customer with this number. For CRM sync, choose Update Instead.',
		},
		customerFields('Applied on creation; on an upsert they replace the customer’s labels'),
	],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const mobile = check.phone(this.getNodeParameter('mobile', i), 'Mobile Number');
		const body = customerBody(this, i);
		const ifExists = this.getNodeParameter('ifExists', i, 'fail') as string;
		try {
			// A repeat would answer "Customer already exists" after the first one succeeded.
			const response = await sobotRequest.call(this, 'POST', '/api/customer', { body: { mobile, ...body }, repeatable: false, itemIndex: i });
			return { mobile, action: 'created', message: response.message ?? null, code: response.code ?? null };
		} catch (error) {
			const exists = isAlreadyExists(error);
			if (exists && ifExists !== 'update') {
				(error as NodeApiError).description =
					`A customer with the number ${mobile} exists already. To update existing customers instead (e.g. for a CRM sync), set "If Customer Exists" to "Update Instead (Upsert)".`;
			}
			if (!exists || ifExists !== 'update') throw asNodeError(this.getNode(), error, i);
		}
		const response = await sobotRequest.call(this, 'PUT', `/api/customer/${mobile}`, { body, repeatable: true, itemIndex: i });
		return { mobile, action: 'updated', message: response.message ?? null, code: response.code ?? null };
	},
};
