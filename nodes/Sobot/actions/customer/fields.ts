import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { InputValidator } from '../../../shared/validate';
import { splitList } from '../../../shared/validate';
import { LIMITS, validator } from '../common';

export const mobileField: INodeProperties = {
	displayName: 'Mobile Number',
	name: 'mobile',
	type: 'string',
	default: '',
	required: true,
	placeholder: '919561234567',
	description: 'WhatsApp number with country code, at most 15 digits (+, spaces and dashes are removed)',
};

export const nameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	required: true,
	description: 'Full name, at most 100 characters. Sobot requires it on updates too.',
};

const labelsDescription = 'Comma-separated label names, e.g. vip, newsletter';

/** The optional customer fields Sobot documents for add and update (§3.1). */
export function customerFields(labelsNote: string): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Date of Birth',
				name: 'dateOfBirth',
				type: 'string',
				default: '',
				placeholder: '31-12-1991',
				description: 'DD-MM-YYYY; YYYY-MM-DD (as CRMs export it) is converted',
			},
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
			{
				displayName: 'Extra Fields',
				name: 'extraFields',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Extra Field',
				default: {},
				description: 'Custom attributes on the customer profile. Spaces in keys become underscores, as Sobot requires.',
				options: [
					{
						displayName: 'Field',
						name: 'field',
						values: [
							{ displayName: 'Key', name: 'key', type: 'string', default: '', placeholder: 'joining_date' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: '2023-01-12' },
						],
					},
				],
			},
			{ displayName: 'Facebook Profile', name: 'facebookProfile', type: 'string', default: '', placeholder: 'https://facebook.com/johndoe' },
			{
				displayName: 'Gender',
				name: 'gender',
				type: 'options',
				options: [
					{ name: 'Female', value: 'Female' },
					{ name: 'Male', value: 'Male' },
				],
				default: 'Female',
			},
			{
				displayName: 'Labels',
				name: 'labels',
				type: 'string',
				default: '',
				placeholder: 'vip, newsletter',
				description: `${labelsDescription}. ${labelsNote}.`,
			},
			{
				displayName: 'LinkedIn Profile',
				name: 'linkedinProfile',
				type: 'string',
				default: '',
				placeholder: 'https://www.linkedin.com/in/johndoe/',
			},
			{ displayName: 'Twitter Profile', name: 'twitterProfile', type: 'string', default: '', placeholder: 'https://twitter.com/johndoe' },
		],
	};
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** DD-MM-YYYY (Sobot's format) from DD-MM-YYYY or an ISO date; the date must exist. */
function dateOfBirth(check: InputValidator, value: string): string {
	const text = value.trim();
	const dmy = /^(\d{2})-(\d{2})-(\d{4})$/.exec(text);
	const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(text);
	const [day, month, year] = dmy ? [dmy[1], dmy[2], dmy[3]] : iso ? [iso[3], iso[2], iso[1]] : [];
	const date = day ? new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))) : undefined;
	if (!date || date.getUTCDate() !== Number(day) || date.getUTCMonth() !== Number(month) - 1) {
		check.fail(`"Date of Birth" must be a date as DD-MM-YYYY, got "${text}"`);
	}
	return `${day}-${month}-${year}`;
}

/** Keys n8n's HTTP client (axios) silently leaves out of a JSON body. */
const UNSENDABLE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The request body of add/update from the node's fields, checked before anything is sent.
 * `clearLabels` sends an empty list (update only): Sobot replaces labels, so that removes them all.
 */
export function customerBody(ctx: IExecuteFunctions, itemIndex: number, options: { clearLabels?: boolean } = {}): IDataObject {
	const check = validator(ctx, itemIndex);
	const name = check.required(ctx.getNodeParameter('name', itemIndex), 'Name').trim();
	check.maxLength(name, LIMITS.customerName, 'Name');
	const fields = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { name };
	const text = (key: string) => (typeof fields[key] === 'string' ? (fields[key] as string).trim() : '');

	if (text('email')) {
		if (!EMAIL.test(text('email'))) check.fail(`"Email" is not a valid email address: "${text('email')}"`);
		body.email = text('email');
	}
	if (fields.gender) body.gender = check.oneOf(String(fields.gender), ['Male', 'Female'] as const, 'Gender');
	if (text('dateOfBirth')) body.date_of_birth = dateOfBirth(check, text('dateOfBirth'));
	for (const [key, field, label] of [
		['facebookProfile', 'facebook_profile', 'Facebook Profile'],
		['linkedinProfile', 'linkedin_profile', 'LinkedIn Profile'],
		['twitterProfile', 'twitter_profile', 'Twitter Profile'],
	]) {
		if (text(key)) body[field] = check.url(text(key), label);
	}

	const extra = ((fields.extraFields as IDataObject)?.field ?? []) as Array<{ key?: string; value?: unknown }>;
	if (extra.length) {
		// Keys are the user's own (`toString`, `valueOf`…): tracked in a Set and made own properties by
		// Object.fromEntries, never looked up on or assigned through a prototype.
		const seen = new Set<string>();
		const entries: Array<[string, string]> = [];
		for (const { key, value } of extra) {
			const cleanKey = String(key ?? '').trim().replace(/\s+/g, '_');
			if (!cleanKey) check.fail('"Extra Fields" has an entry without a key');
			if (UNSENDABLE_KEYS.has(cleanKey)) {
				check.fail(
					`"Extra Fields" can't have the key "${cleanKey}"`,
					'n8n’s HTTP client drops the keys __proto__, constructor and prototype from every request body, so Sobot would never get it. Use another name.',
				);
			}
			if (value !== null && typeof value === 'object') check.fail(`"Extra Fields" value of "${cleanKey}" must be text or a number, not an object`);
			if (seen.has(cleanKey)) check.fail(`"Extra Fields" has the key "${cleanKey}" twice`);
			seen.add(cleanKey);
			entries.push([cleanKey, value as string]);
		}
		body.extra_fields = Object.fromEntries(entries);
	}

	if (options.clearLabels) {
		body.labels = [];
	} else if (fields.labels !== undefined && splitList(fields.labels).length) {
		body.labels = [...new Set(splitList(fields.labels))];
	}
	return body;
}
