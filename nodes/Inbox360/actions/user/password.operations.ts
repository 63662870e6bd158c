import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { asNodeError, redact } from '../../../shared/errors';
import type { OperationDefinition } from '../../../shared/execute';
import type { EndpointName } from '../../transport';
import { inboxRequest } from '../../transport';
import { idOf, userLocator, validator } from '../common';

const CREDENTIAL_HINT =
	'With the Username & Password credential, put the new password into the credential too: its next login (a new token) uses the password stored there';

const passwordField = (displayName: string, name: string, extra: Partial<INodeProperties> = {}): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	typeOptions: { password: true },
	default: '',
	required: true,
	...extra,
});

/**
 * Sends a password change. Never repeated after an ambiguous failure, and the passwords never
 * appear in the output or in an error, even when the inbox's message quotes one.
 */
async function changePassword(ctx: IExecuteFunctions, i: number, endpoint: EndpointName, body: IDataObject, params?: Record<string, number>) {
	try {
		await inboxRequest.call(ctx, endpoint, { params, body, itemIndex: i });
	} catch (error) {
		if (!(error instanceof NodeApiError)) throw asNodeError(ctx.getNode(), error, i);
		const passwords = Object.values(body).map(String);
		const message = redact(error.message, passwords);
		const description = error.description ? redact(error.description, passwords) : undefined;
		const httpCode = error.httpCode ?? undefined;
		throw new NodeApiError(ctx.getNode(), { message, ...(httpCode ? { httpCode } : {}) }, { message, description, httpCode, itemIndex: i });
	}
}

export const changeMyPassword: OperationDefinition = {
	resource: 'user',
	operation: 'changeMyPassword',
	name: 'Change My Password',
	action: 'Change the API user’s password',
	description: 'Change the password of the user the credential belongs to',
	properties: [passwordField('Current Password', 'currentPassword'), passwordField('New Password', 'newPassword', { hint: CREDENTIAL_HINT })],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const current = check.required(this.getNodeParameter('currentPassword', i), 'Current Password');
		const next = check.required(this.getNodeParameter('newPassword', i), 'New Password');
		if (next === current) check.fail('"New Password" is the same as "Current Password"');
		await changePassword(this, i, 'passwordChange', { current_password: current, new_password: next });
		return { success: true };
	},
};

export const setPassword: OperationDefinition = {
	resource: 'user',
	operation: 'setPassword',
	name: 'Set Password',
	action: 'Set a user’s password',
	description: 'Set another user’s password (admin), e.g. before a new agent opens their activation link',
	properties: [
		{ ...userLocator(), required: true },
		passwordField('New Password', 'password', { hint: `If this is the credential’s own user: ${CREDENTIAL_HINT}` }),
	],
	async execute(this: IExecuteFunctions, i: number) {
		const id = idOf(this, i, 'user', 'User') as number;
		const password = validator(this, i).required(this.getNodeParameter('password', i), 'New Password');
		await changePassword(this, i, 'userPasswordSet', { password }, { id });
		return { success: true, userId: id };
	},
};
