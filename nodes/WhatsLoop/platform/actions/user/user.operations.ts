import type { INodeProperties } from 'n8n-workflow';

import type { OperationDefinition } from '../../../../shared/execute';
import { call, numberField, objectOf, operation, UNVERIFIED, validator } from '../common';

const user = (definition: Parameters<typeof operation>[1]) => operation('user', definition);

const phoneField: INodeProperties = numberField('phone', 'Number', 'Phone number with country code');

/** A call about one number, `{phone}` in the body (reads included: the route map makes them POSTs) or query. */
function numberOperation(spec: { operation: string; name: string; action: string; method: 'GET' | 'POST'; path: string; repeatable: boolean }): OperationDefinition {
	return user({
		operation: spec.operation,
		name: spec.name,
		action: spec.action,
		description: `${spec.action}. ${UNVERIFIED}`,
		properties: [phoneField],
		run: async (ctx, i) => {
			const phone = validator(ctx, i).phone(ctx.getNodeParameter('phone', i), 'Number');
			const request = spec.method === 'GET' ? { qs: { phone } } : { body: { phone } };
			return { phone, ...objectOf(await call.call(ctx, i, spec.method, spec.path, { ...request, repeatable: spec.repeatable })) };
		},
	});
}

// Reads (the route map makes some of them POSTs) and state sets (block twice = blocked): all repeatable.
export const checkNumber = numberOperation({
	operation: 'checkNumber',
	name: 'Check Number',
	action: 'Check whether a number is on WhatsApp',
	method: 'POST',
	path: 'user/presence',
	repeatable: true,
});
export const getBusinessProfile = numberOperation({
	operation: 'getBusinessProfile',
	name: 'Get Business Profile',
	action: 'Get the business profile of a number',
	method: 'POST',
	path: 'user/business',
	repeatable: true,
});
export const getProfilePicture = numberOperation({
	operation: 'getProfilePicture',
	name: 'Get Profile Picture',
	action: 'Get the profile picture of a number',
	method: 'GET',
	path: 'user/display/picture',
	repeatable: true,
});
export const block = numberOperation({ operation: 'block', name: 'Block', action: 'Block a number', method: 'POST', path: 'user/block', repeatable: true });
export const unblock = numberOperation({ operation: 'unblock', name: 'Unblock', action: 'Unblock a number', method: 'POST', path: 'user/unblock', repeatable: true });

/** `POST user/set/name` {phone, name}: your own profile name (the route also takes `phone`, unexplained). */
export const setName: OperationDefinition = user({
	operation: 'setName',
	name: 'Set Profile Name',
	action: 'Set your WhatsApp profile name',
	description: `Change the instance’s WhatsApp profile name. The route also asks for a number: give the instance’s own. ${UNVERIFIED}`,
	properties: [
		{ ...phoneField, displayName: 'Your Number', description: 'The instance’s own number, with country code' },
		{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, description: 'New profile name (up to 25 characters)' },
	],
	run: async (ctx, i) => {
		const check = validator(ctx, i);
		const phone = check.phone(ctx.getNodeParameter('phone', i), 'Your Number');
		const name = check.maxLength(check.required(ctx.getNodeParameter('name', i), 'Name').trim(), 25, 'Name');
		// Sets the whole name: repeating it changes nothing.
		return { success: true, name, ...objectOf(await call.call(ctx, i, 'POST', 'user/set/name', { body: { phone, name }, repeatable: true })) };
	},
});
