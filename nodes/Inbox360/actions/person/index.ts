import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition, ResourceDefinition } from '../../../shared/execute';
import { inboxList, inboxRequest } from '../../transport';
import { chatLocator, chatOf, listFields, listOperation, validator } from '../common';

const searchField = { displayName: 'Search', name: 'search', type: 'string' as const, default: '', description: 'Text in the number or the name' };

const getManyPersons: OperationDefinition = {
	resource: 'person',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many persons',
	description: 'List the WhatsApp users who have contacted the inbox',
	properties: [...listFields('persons'), searchField],
	async execute(this: IExecuteFunctions, i: number) {
		return await listOperation(this, i, 'persons', { search: this.getNodeParameter('search', i, '') });
	},
};

const getPerson: OperationDefinition = {
	resource: 'person',
	operation: 'get',
	name: 'Get',
	action: 'Get a person',
	description: 'Get one WhatsApp user by WhatsApp ID',
	properties: [{ ...chatLocator, displayName: 'Person' }],
	async execute(this: IExecuteFunctions, i: number) {
		return await inboxRequest.call(this, 'person', { params: { waId: chatOf(this, i, 'Person') }, repeatable: true, itemIndex: i });
	},
};

export const person: ResourceDefinition = { name: 'Person', value: 'person', description: 'WhatsApp users who contacted the inbox', operations: [getManyPersons, getPerson] };

const search: OperationDefinition = {
	resource: 'contact',
	operation: 'search',
	name: 'Search',
	action: 'Search contacts',
	description: 'Search the contact providers connected to the inbox (Google, HubSpot …); slow, as every provider is asked',
	properties: [...listFields('contacts'), searchField],
	async execute(this: IExecuteFunctions, i: number) {
		const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
		const limit = returnAll ? undefined : (this.getNodeParameter('limit', i, 50) as number);
		const searchText = String(this.getNodeParameter('search', i, '') ?? '').trim();
		// Providers page with opaque cursors: inboxList follows `next` until it is null.
		return await inboxList.call(this, 'contacts', { qs: searchText ? { search: searchText } : {}, returnAll, limit, itemIndex: i });
	},
};

const getContact: OperationDefinition = {
	resource: 'contact',
	operation: 'get',
	name: 'Get',
	action: 'Get a contact',
	description: 'Look a WhatsApp ID up in every contact provider (and the inbox’s person)',
	properties: [{ ...chatLocator, displayName: 'Contact' }],
	async execute(this: IExecuteFunctions, i: number) {
		return await inboxRequest.call(this, 'contact', { params: { waId: chatOf(this, i, 'Contact') }, repeatable: true, itemIndex: i });
	},
};

const verify: OperationDefinition = {
	resource: 'contact',
	operation: 'verify',
	name: 'Verify Numbers',
	action: 'Verify numbers on WhatsApp',
	description: 'Check whether numbers are on WhatsApp (On-Premise inboxes; Cloud API inboxes may not support it)',
	properties: [
		{ displayName: 'Numbers', name: 'numbers', type: 'string', default: '', required: true, placeholder: '+48 123 123 123, +1 631 555 1001', description: 'Comma- or line-separated, any format' },
		{ displayName: 'Wait for the Result', name: 'wait', type: 'boolean', default: false, description: 'Whether the inbox waits for WhatsApp’s answer (otherwise new numbers may come back as "processing")' },
		{ displayName: 'Bypass Cache', name: 'forceCheck', type: 'boolean', default: false, description: 'Whether to ignore the inbox’s 7-day cache' },
	],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const numbers = String(this.getNodeParameter('numbers', i) ?? '').split(/[,;\n]/).map((s) => s.trim()).filter(Boolean);
		check.count(numbers, 'Numbers', { min: 1 });
		const body: IDataObject = { contacts: numbers, blocking: this.getNodeParameter('wait', i) ? 'wait' : 'no_wait', force_check: this.getNodeParameter('forceCheck', i) === true };
		// A check reads WhatsApp's directory; asking twice changes nothing.
		const answer = await inboxRequest.call(this, 'contactsVerify', { body, repeatable: true, itemIndex: i });
		return ((answer.contacts ?? []) as IDataObject[]).map((c) => ({ ...c, onWhatsApp: c.status === 'valid' ? true : c.status === 'invalid' ? false : null }));
	},
};

export const contact: ResourceDefinition = { name: 'Contact', value: 'contact', description: 'Search contact providers and verify numbers', operations: [search, getContact, verify] };
