import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition, ResourceDefinition } from '../../../shared/execute';
import { withSending } from '../../../shared/sending';
import type { InputValidator } from '../../../shared/validate';
import { sequentialVariables } from '../../../shared/templates';
import { isApproved } from '../../templates';
import { inboxList, inboxRequest } from '../../transport';
import { inbox360Sending, listFields, listOperation, validator } from '../common';

const getMany: OperationDefinition = {
	resource: 'template',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many templates',
	description: 'List the WhatsApp message templates of the inbox, optionally by status',
	properties: [
		...listFields('templates'),
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'Any', value: '' },
				{ name: 'Approved', value: 'approved' },
				{ name: 'Pending', value: 'pending' },
				{ name: 'Rejected', value: 'rejected' },
			],
			default: '',
		},
	],
	async execute(this: IExecuteFunctions, i: number) {
		const status = this.getNodeParameter('status', i, '') as string;
		if (!status) return await listOperation(this, i, 'templates');
		// The list has no status filter: read all, keep the chosen status, then apply the limit.
		const all = await inboxList.call(this, 'templates', { returnAll: true, itemIndex: i });
		const matching = all.filter((t) => (status === 'approved' ? isApproved(t) : String(t.status ?? '').toLowerCase() === status));
		return this.getNodeParameter('returnAll', i, false) ? matching : matching.slice(0, this.getNodeParameter('limit', i, 50) as number);
	},
};

const NAME = /^[a-z0-9_]{1,512}$/;

const examples = (value: unknown) => String(value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** Meta's component array from the node's fields, with Meta's documented rules checked first. */
export function buildComponents(check: InputValidator, p: IDataObject): IDataObject[] {
	const components: IDataObject[] = [];
	const headerType = String(p.headerType ?? 'none');
	if (headerType === 'text') {
		const text = check.maxLength(check.required(p.headerText, 'Header Text'), 60, 'Header Text') as string;
		const vars = sequentialVariables(check, text, 'Header Text');
		if (vars.length > 1) check.fail('"Header Text" may have at most one variable, {{1}}');
		const header: IDataObject = { type: 'HEADER', format: 'TEXT', text };
		if (vars.length) {
			const sample = examples(p.headerExample);
			if (sample.length !== 1) check.fail('"Header Example" needs one sample value for {{1}}');
			header.example = { header_text: sample };
		}
		components.push(header);
	} else if (headerType !== 'none') {
		const sample = check.url(p.headerExample, 'Header Example');
		components.push({ type: 'HEADER', format: headerType.toUpperCase(), example: { header_handle: [sample] } });
	}
	const body = check.maxLength(check.required(p.bodyText, 'Body Text'), 1024, 'Body Text') as string;
	const bodyVars = sequentialVariables(check, body, 'Body Text');
	const bodyComponent: IDataObject = { type: 'BODY', text: body };
	if (bodyVars.length) {
		const sample = examples(p.bodyExamples);
		if (sample.length !== bodyVars.length) check.fail(`"Body Examples" needs ${bodyVars.length} comma-separated sample values, one per variable; got ${sample.length}`);
		bodyComponent.example = { body_text: [sample] };
	}
	components.push(bodyComponent);
	const footer = check.optionalText(p.footerText, 60, 'Footer Text');
	if (footer) components.push({ type: 'FOOTER', text: footer });
	const buttons = ((p.buttons as IDataObject | undefined)?.button ?? []) as IDataObject[];
	if (buttons.length) {
		check.count(buttons, 'Buttons', { max: 10 });
		const out = buttons.map((b, n) => {
			const label = `Button ${n + 1}`;
			const text = check.maxLength(check.required(b.text, `${label} Text`).trim(), 25, `${label} Text`) as string;
			if (b.type === 'URL') {
				const url = check.url(b.url, `${label} URL`);
				const vars = sequentialVariables(check, url, `${label} URL`);
				if (vars.length > 1 || (vars.length && !/\{\{1\}\}$/.test(url))) check.fail(`"${label} URL" may only end in {{1}}`);
				return vars.length ? { type: 'URL', text, url, example: [check.url(b.example, `${label} Example`)] } : { type: 'URL', text, url };
			}
			if (b.type === 'PHONE_NUMBER') return { type: 'PHONE_NUMBER', text, phone_number: `+${check.phone(b.phoneNumber, `${label} Phone Number`)}` };
			return { type: 'QUICK_REPLY', text };
		});
		if (out.filter((b) => b.type === 'URL').length > 2) check.fail('"Buttons" may have at most two URL buttons');
		if (out.filter((b) => b.type === 'PHONE_NUMBER').length > 1) check.fail('"Buttons" may have at most one phone number button');
		components.push({ type: 'BUTTONS', buttons: out });
	}
	return components;
}

const create: OperationDefinition = {
	resource: 'template',
	operation: 'create',
	name: 'Create',
	action: 'Create a template',
	description: 'Submit a template for WhatsApp’s review (it starts as pending; templates cannot be edited, only deleted and re-created)',
	properties: [
		{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, placeholder: 'order_update', description: 'Lowercase letters, digits and underscores' },
		{
			displayName: 'Category',
			name: 'category',
			type: 'options',
			options: [
				{ name: 'Authentication', value: 'AUTHENTICATION' },
				{ name: 'Marketing', value: 'MARKETING' },
				{ name: 'Utility', value: 'UTILITY' },
				{ name: 'Other (Type It)', value: 'custom', description: 'Older inboxes list the pre-2023 categories (e.g. ACCOUNT_UPDATE)' },
			],
			default: 'UTILITY',
		},
		{ displayName: 'Custom Category', name: 'customCategory', type: 'string', default: '', required: true, placeholder: 'ACCOUNT_UPDATE', displayOptions: { show: { category: ['custom'] } } },
		{ displayName: 'Language', name: 'language', type: 'string', default: 'en', required: true, placeholder: 'en_US', description: 'WhatsApp language code' },
		{
			displayName: 'Components',
			name: 'componentsMode',
			type: 'options',
			options: [
				{ name: 'Fields', value: 'fields' },
				{ name: 'JSON', value: 'json', description: 'Meta’s component array as is' },
			],
			default: 'fields',
		},
		{ displayName: 'Components (JSON)', name: 'componentsJson', type: 'json', default: '[]', required: true, displayOptions: { show: { componentsMode: ['json'] } } },
		{
			displayName: 'Header',
			name: 'headerType',
			type: 'options',
			options: [
				{ name: 'Document', value: 'document' },
				{ name: 'Image', value: 'image' },
				{ name: 'None', value: 'none' },
				{ name: 'Text', value: 'text' },
				{ name: 'Video', value: 'video' },
			],
			default: 'none',
			displayOptions: { show: { componentsMode: ['fields'] } },
		},
		{ displayName: 'Header Text', name: 'headerText', type: 'string', default: '', description: 'Up to 60 characters, at most one variable {{1}}', displayOptions: { show: { componentsMode: ['fields'], headerType: ['text'] } } },
		{
			displayName: 'Header Example',
			name: 'headerExample',
			type: 'string',
			default: '',
			description: 'Sample value of {{1}} for a text header, or a sample media URL for a media header',
			displayOptions: { show: { componentsMode: ['fields'], headerType: ['text', 'image', 'video', 'document'] } },
		},
		{ displayName: 'Body Text', name: 'bodyText', type: 'string', typeOptions: { rows: 4 }, default: '', required: true, description: 'Up to 1024 characters; variables {{1}}, {{2}} …', displayOptions: { show: { componentsMode: ['fields'] } } },
		{ displayName: 'Body Examples', name: 'bodyExamples', type: 'string', default: '', placeholder: 'Ewa, A-17', description: 'Comma-separated sample values, one per body variable', displayOptions: { show: { componentsMode: ['fields'] } } },
		{ displayName: 'Footer Text', name: 'footerText', type: 'string', default: '', description: 'Up to 60 characters', displayOptions: { show: { componentsMode: ['fields'] } } },
		{
			displayName: 'Buttons',
			name: 'buttons',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			displayOptions: { show: { componentsMode: ['fields'] } },
			options: [
				{
					displayName: 'Button',
					name: 'button',
					values: [
						{ displayName: 'Example', name: 'example', type: 'string', default: '', description: 'A full sample URL when the URL ends in {{1}}', displayOptions: { show: { type: ['URL'] } } },
						{ displayName: 'Phone Number', name: 'phoneNumber', type: 'string', default: '', displayOptions: { show: { type: ['PHONE_NUMBER'] } } },
						{ displayName: 'Text', name: 'text', type: 'string', default: '', description: 'Up to 25 characters' },
						{ displayName: 'Type', name: 'type', type: 'options', options: [{ name: 'Phone Number', value: 'PHONE_NUMBER' }, { name: 'Quick Reply', value: 'QUICK_REPLY' }, { name: 'URL', value: 'URL' }], default: 'QUICK_REPLY' },
						{ displayName: 'URL', name: 'url', type: 'string', default: '', placeholder: 'https://shop.example.com/track/{{1}}', displayOptions: { show: { type: ['URL'] } } },
					],
				},
			],
		},
	],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const name = check.required(this.getNodeParameter('name', i), 'Name').trim();
		if (!NAME.test(name)) check.fail(`"Name" may contain only lowercase letters, digits and underscores, got "${name}"`);
		let category = this.getNodeParameter('category', i) as string;
		if (category === 'custom') category = check.required(this.getNodeParameter('customCategory', i), 'Custom Category').trim().toUpperCase();
		const language = check.required(this.getNodeParameter('language', i), 'Language').trim();
		if (!/^[a-z]{2,3}(_[A-Z]{2})?$/.test(language)) check.fail(`"Language" is not a WhatsApp language code (e.g. en or en_US): "${language}"`);
		let components: IDataObject[];
		if (this.getNodeParameter('componentsMode', i) === 'json') {
			components = check.json<IDataObject[]>(this.getNodeParameter('componentsJson', i), 'Components (JSON)');
			if (!Array.isArray(components) || !components.some((c) => String(c?.type).toUpperCase() === 'BODY')) check.fail('"Components (JSON)" must be an array with a BODY component');
		} else {
			const p: IDataObject = {};
			for (const key of ['headerType', 'headerText', 'headerExample', 'bodyText', 'bodyExamples', 'footerText', 'buttons']) p[key] = this.getNodeParameter(key, i, '');
			components = buildComponents(check, p);
		}
		// Creating twice makes a duplicate (or a 400): not repeatable.
		return await inboxRequest.call(this, 'templateCreate', { body: { name, category, language, components }, itemIndex: i });
	},
};

const remove: OperationDefinition = {
	resource: 'template',
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a template',
	description: 'Delete a template by name (every language of it)',
	properties: [{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, placeholder: 'order_update' }],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const name = check.required(this.getNodeParameter('name', i), 'Name').trim();
		if (!NAME.test(name)) check.fail(`"Name" may contain only lowercase letters, digits and underscores, got "${name}"`);
		await inboxRequest.call(this, 'templateDelete', { params: { name }, repeatable: true, itemIndex: i });
		return { deleted: true, name };
	},
};

const refresh: OperationDefinition = {
	resource: 'template',
	operation: 'refresh',
	name: 'Refresh From WhatsApp',
	action: 'Refresh the templates from WhatsApp',
	description: 'Ask the inbox to re-read the templates (and their review status) from WhatsApp',
	properties: [],
	async execute(this: IExecuteFunctions, i: number) {
		// Starts a sync job: not declared repeatable (the API does not say a second issue is harmless).
		return await inboxRequest.call(this, 'templatesRefresh', { itemIndex: i });
	},
};

export const template: ResourceDefinition = { name: 'Template', value: 'template', description: 'List, create and delete WhatsApp templates', operations: [getMany, ...withSending(inbox360Sending, create, remove, refresh)] };
