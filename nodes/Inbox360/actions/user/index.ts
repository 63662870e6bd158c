import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationDefinition, ResourceDefinition } from '../../../shared/execute';
import { withSending } from '../../../shared/sending';
import type { InputValidator } from '../../../shared/validate';
import { inboxRequest } from '../../transport';
import { idOf, inbox360Sending, listFields, listOperation, userLocator, validator } from '../common';
import { changeMyPassword, setPassword } from './password.operations';

/** First name, last name and email: what both Create and Update take. */
const nameAndEmailOptions: INodeProperties[] = [
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
];

/** `first_name`, `last_name`, `email` from those fields; with `keepEmpty` an emptied field is sent ("" clears it). */
function nameAndEmail(check: InputValidator, fields: IDataObject, keepEmpty: boolean): IDataObject {
	const given = (value: unknown) => (keepEmpty ? value !== undefined : Boolean(value));
	const body: IDataObject = {};
	if (given(fields.firstName)) body.first_name = check.maxLength(String(fields.firstName), 150, 'First Name');
	if (given(fields.lastName)) body.last_name = check.maxLength(String(fields.lastName), 150, 'Last Name');
	if (given(fields.email)) body.email = fields.email;
	return body;
}

const getMany: OperationDefinition = {
	resource: 'user',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many users',
	description: 'List the inbox’s users (agents, admins, app users)',
	properties: listFields('users'),
	async execute(this: IExecuteFunctions, i: number) {
		return await listOperation(this, i, 'users');
	},
};

const current: OperationDefinition = {
	resource: 'user',
	operation: 'getCurrent',
	name: 'Get Current',
	action: 'Get the API user',
	description: 'Get the user the credential belongs to',
	properties: [],
	async execute(this: IExecuteFunctions, i: number) {
		return await inboxRequest.call(this, 'currentUser', { repeatable: true, itemIndex: i });
	},
};

const get: OperationDefinition = {
	resource: 'user',
	operation: 'get',
	name: 'Get',
	action: 'Get a user',
	description: 'Get one user by ID',
	properties: [{ ...userLocator(), required: true }],
	async execute(this: IExecuteFunctions, i: number) {
		return await inboxRequest.call(this, 'user', { params: { id: String(idOf(this, i, 'user', 'User')) }, repeatable: true, itemIndex: i });
	},
};

const create: OperationDefinition = {
	resource: 'user',
	operation: 'create',
	name: 'Create',
	action: 'Create a user',
	description: 'Create a user (admin only). The answer’s activation URL is shown once; for an app user, opening it returns its token.',
	properties: [
		{ displayName: 'Username', name: 'username', type: 'string', default: '', required: true, description: 'Letters and digits only' },
		{
			displayName: 'Role',
			name: 'role',
			type: 'options',
			options: [
				{ name: 'App (Bot / Integration)', value: 'app' },
				{ name: 'User (Agent)', value: 'user' },
				{ name: 'Admin', value: 'admin' },
			],
			default: 'app',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: nameAndEmailOptions,
		},
	],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const username = check.required(this.getNodeParameter('username', i), 'Username').trim();
		if (!/^[A-Za-z0-9]+$/.test(username)) check.fail(`"Username" may contain only letters and digits, got "${username}"`);
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const body: IDataObject = { username, profile: { role: this.getNodeParameter('role', i) }, ...nameAndEmail(check, extra, false) };
		return await inboxRequest.call(this, 'userCreate', { body, itemIndex: i });
	},
};

const update: OperationDefinition = {
	resource: 'user',
	operation: 'update',
	name: 'Update',
	action: 'Update a user',
	description: 'Change a user’s name or email (admins, or the user themself); only what you set is sent',
	properties: [
		{ ...userLocator(), required: true },
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: nameAndEmailOptions,
		},
	],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const id = idOf(this, i, 'user', 'User') as number;
		const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
		const body = nameAndEmail(check, fields, true);
		if (!Object.keys(body).length) check.fail('Choose at least one field under "Update Fields"');
		// PATCH of given fields (PUT as the fallback, §3 W39/W40): the same twice is the same state.
		return await inboxRequest.call(this, 'userUpdate', { params: { id }, body, repeatable: true, itemIndex: i });
	},
};

const availability: OperationDefinition = {
	resource: 'user',
	operation: 'setAvailability',
	name: 'Set Availability',
	action: 'Set a user’s availability',
	description: 'Mark a user as available or away (newer inboxes; assignment rules may skip users who are away)',
	properties: [
		{ ...userLocator(), required: true },
		{ displayName: 'Available', name: 'available', type: 'boolean', default: true, description: 'Whether the user is available' },
	],
	async execute(this: IExecuteFunctions, i: number) {
		const id = idOf(this, i, 'user', 'User') as number;
		const body = { is_available: this.getNodeParameter('available', i) === true };
		return await inboxRequest.call(this, 'userAvailability', { params: { id }, body, repeatable: true, itemIndex: i });
	},
};

export const user: ResourceDefinition = { name: 'User', value: 'user', description: 'Inbox users', operations: [getMany, current, get, ...withSending(inbox360Sending, create, update, availability, changeMyPassword, setPassword)] };

const getManyGroups: OperationDefinition = {
	resource: 'group',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many groups',
	description: 'List the user groups chats can be assigned to',
	properties: listFields('groups'),
	async execute(this: IExecuteFunctions, i: number) {
		return await listOperation(this, i, 'groups');
	},
};

export const group: ResourceDefinition = { name: 'Group', value: 'group', description: 'User groups', operations: [getManyGroups] };
