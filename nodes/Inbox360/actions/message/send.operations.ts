import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { contextOf, recipientOf, sendMessage, sendOptions, toLocator, validator } from '../common';

const TEXT_LIMIT = 4096;

export const sendText: OperationDefinition = {
	resource: 'message',
	operation: 'sendText',
	name: 'Send Text',
	action: 'Send a text message',
	description: 'Send a text message, optionally with a link preview or as a reply',
	properties: [
		toLocator,
		{ displayName: 'Text', name: 'text', type: 'string', typeOptions: { rows: 3 }, default: '', required: true, description: 'Up to 4096 characters; WhatsApp formatting (*bold*, _italic_) works' },
		sendOptions([
			{ displayName: 'Preview URL', name: 'previewUrl', type: 'boolean', default: false, description: 'Whether WhatsApp shows a preview of the first link in the text' },
		]),
	],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const to = recipientOf(this, i);
		const text = check.maxLength(check.required(this.getNodeParameter('text', i), 'Text'), TEXT_LIMIT, 'Text') as string;
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		return await sendMessage.call(this, i, to, 'text', { body: text }, { ...(options.previewUrl ? { preview_url: true } : {}), ...contextOf(options) });
	},
};

export const sendLocation: OperationDefinition = {
	resource: 'message',
	operation: 'sendLocation',
	name: 'Send Location',
	action: 'Send a location',
	description: 'Send a map pin with an optional name and address',
	properties: [
		toLocator,
		{ displayName: 'Latitude', name: 'latitude', type: 'number', typeOptions: { numberPrecision: 7 }, default: 0, required: true },
		{ displayName: 'Longitude', name: 'longitude', type: 'number', typeOptions: { numberPrecision: 7 }, default: 0, required: true },
		sendOptions([
			{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Name of the place' },
			{ displayName: 'Address', name: 'address', type: 'string', default: '' },
		]),
	],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const to = recipientOf(this, i);
		const location: IDataObject = {
			latitude: check.number(this.getNodeParameter('latitude', i), 'Latitude', { min: -90, max: 90 }),
			longitude: check.number(this.getNodeParameter('longitude', i), 'Longitude', { min: -180, max: 180 }),
		};
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		if (options.name) location.name = options.name;
		if (options.address) location.address = options.address;
		return await sendMessage.call(this, i, to, 'location', location, contextOf(options));
	},
};

export const sendContacts: OperationDefinition = {
	resource: 'message',
	operation: 'sendContacts',
	name: 'Send Contact Card',
	action: 'Send a contact card',
	description: 'Send one or more contact cards (name, phones, emails, company)',
	properties: [
		toLocator,
		{
			displayName: 'Contacts',
			name: 'contacts',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			required: true,
			options: [
				{
					displayName: 'Contact',
					name: 'contact',
					values: [
						{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, description: 'Full name as shown on the card' },
						{ displayName: 'Phones', name: 'phones', type: 'string', default: '', placeholder: '+48 123 123 123, +48 500 600 700', description: 'Comma-separated numbers with country code' },
						{ displayName: 'Emails', name: 'emails', type: 'string', default: '', placeholder: 'name@example.com', description: 'Comma-separated' },
						{ displayName: 'Company', name: 'company', type: 'string', default: '' },
					],
				},
			],
		},
		sendOptions(),
	],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const to = recipientOf(this, i);
		const entries = ((this.getNodeParameter('contacts', i, {}) as IDataObject).contact ?? []) as IDataObject[];
		check.count(entries, 'Contacts', { min: 1 });
		const split = (v: unknown) => String(v ?? '').split(/[,\n]/).map((s) => s.trim()).filter(Boolean);
		const cards = entries.map((entry, n) => {
			const name = check.required(entry.name, `Contacts ${n + 1}: Name`).trim();
			const card: IDataObject = { name: { formatted_name: name, first_name: name.split(' ')[0] } };
			const phones = split(entry.phones).map((p) => ({ phone: p.startsWith('+') ? p : `+${check.phone(p, `Contacts ${n + 1}: Phones`)}`, type: 'CELL' }));
			if (phones.length) card.phones = phones;
			const emails = split(entry.emails);
			for (const email of emails) if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) check.fail(`"Contacts ${n + 1}: Emails" has an invalid address: "${email}"`);
			if (emails.length) card.emails = emails.map((email) => ({ email, type: 'WORK' }));
			if (entry.company) card.org = { company: entry.company };
			return card;
		});
		return await sendMessage.call(this, i, to, 'contacts', cards, contextOf(this.getNodeParameter('options', i, {}) as IDataObject));
	},
};
