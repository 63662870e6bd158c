import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import type { InputValidator } from '../../../shared/validate';
import type { HeaderKind } from '../../templates';
import { sequentialVariables, variableNumbers } from '../../../shared/templates';
import { normaliseTemplate } from '../../templates';
import { sobotRequest } from '../../transport';
import { buttonTitles, LIMITS, validator } from '../common';
import { checkUrlExtension, noEmoji } from '../media';

const show = (values: Record<string, string[]>) => ({ show: values });

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'templateName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'order_confirmation',
		description: 'Unique name, at most 128 characters: lowercase letters, digits and underscores (spaces become underscores)',
	},
	{
		displayName: 'Category',
		name: 'category',
		type: 'options',
		options: [
			{ name: 'Authentication', value: 'AUTHENTICATION', description: 'One-time passwords and login codes' },
			{ name: 'Marketing', value: 'MARKETING', description: 'Offers, announcements, campaigns' },
			{ name: 'Utility', value: 'UTILITY', description: 'Updates on an order, account or appointment' },
		],
		default: 'UTILITY',
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'string',
		default: 'en_US',
		required: true,
		placeholder: 'en_US',
		description: 'Language code of the text. Sobot documents en, en_US, en_GB, hi and mr; a wrong language can get the template rejected.',
	},
	{
		displayName: 'Header',
		name: 'headerType',
		type: 'options',
		options: [
			{ name: 'Document', value: 'document', description: 'PDF, Office or text file, up to 100 MB, chosen per send' },
			{ name: 'Image', value: 'image', description: 'JPEG or PNG, up to 5 MB, chosen per send' },
			{ name: 'None', value: 'none' },
			{ name: 'Text', value: 'text' },
			{ name: 'Video', value: 'video', description: 'MP4 or 3GP, up to 16 MB, chosen per send' },
		],
		default: 'none',
	},
	{
		displayName: 'Header Text',
		name: 'headerText',
		type: 'string',
		default: '',
		required: true,
		description: 'At most 60 characters, no emoji or formatting; may contain one variable, {{1}}',
		displayOptions: show({ headerType: ['text'] }),
	},
	{
		displayName: 'Header Variable Example',
		name: 'headerExample',
		type: 'string',
		default: '',
		description: 'Sample value for {{1}} in the header, required by Meta when the header has it',
		displayOptions: show({ headerType: ['text'] }),
	},
	{
		displayName: 'Sample Media URL',
		name: 'mediaExample',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://example.com/sample.jpg',
		description: 'Public link to a sample of the header media, shown to Meta’s reviewers. Each send gives its own media.',
		displayOptions: show({ headerType: ['image', 'video', 'document'] }),
	},
	{
		displayName: 'Body',
		name: 'body',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		placeholder: 'Hi {{1}}, your order {{2}} has shipped.',
		description: 'At most 1024 characters. Variables are written {{1}}, {{2}}, … in order; emoji, formatting and links are allowed.',
	},
	{
		displayName: 'Body Variable Examples',
		name: 'bodyExamples',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Example',
		default: {},
		description: 'One sample value per body variable, in order ({{1}} first). Meta requires them when the body has variables.',
		options: [{ displayName: 'Example', name: 'example', values: [{ displayName: 'Value', name: 'value', type: 'string', default: '' }] }],
	},
	{
		displayName: 'Footer',
		name: 'footer',
		type: 'string',
		default: '',
		description: 'Small text under the body, at most 60 characters; emoji allowed, no formatting',
	},
	{
		displayName: 'Buttons',
		name: 'buttonsType',
		type: 'options',
		options: [
			{ name: 'None', value: 'none' },
			{ name: 'Quick Replies', value: 'quickReplies', description: 'Up to three reply buttons' },
			{ name: 'Call to Action', value: 'cta', description: 'A call button and/or a website button' },
		],
		default: 'none',
	},
	{
		displayName: 'Quick Replies',
		name: 'quickReplies',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, maxValue: 3 },
		placeholder: 'Add Quick Reply',
		default: {},
		description: '1 to 3 different titles of at most 20 characters',
		displayOptions: show({ buttonsType: ['quickReplies'] }),
		options: [{ displayName: 'Button', name: 'button', values: [{ displayName: 'Title', name: 'title', type: 'string', default: '' }] }],
	},
	{
		displayName: 'Call Button Text',
		name: 'callText',
		type: 'string',
		default: '',
		placeholder: 'Call Now',
		description: 'Label of the call button, at most 20 characters. Leave empty for no call button.',
		displayOptions: show({ buttonsType: ['cta'] }),
	},
	{
		displayName: 'Call Button Phone Number',
		name: 'callNumber',
		type: 'string',
		default: '',
		placeholder: '919561234567',
		description: 'Number the button calls, with country code',
		displayOptions: show({ buttonsType: ['cta'] }),
	},
	{
		displayName: 'Website Button Text',
		name: 'urlText',
		type: 'string',
		default: '',
		placeholder: 'Register Now',
		description: 'Label of the website button, at most 20 characters. Leave empty for no website button.',
		displayOptions: show({ buttonsType: ['cta'] }),
	},
	{
		displayName: 'Website URL',
		name: 'url',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/register/customer/{{1}}',
		description: 'Static, or dynamic with a single {{1}} at the very end that each send fills in',
		displayOptions: show({ buttonsType: ['cta'] }),
	},
	{
		displayName: 'Example Website URL',
		name: 'urlExample',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/register/customer/delhi',
		description: 'The complete URL with a sample value for {{1}}; required for a dynamic website URL',
		displayOptions: show({ buttonsType: ['cta'] }),
	},
];

/** Meta's template name rule; Sobot itself only turns spaces into underscores. */
function templateName(check: InputValidator, value: unknown): string {
	const name = check.required(value, 'Name').trim().replace(/\s+/g, '_');
	check.maxLength(name, LIMITS.templateName, 'Name');
	if (!/^[a-z0-9_]+$/.test(name)) {
		check.fail(`"Name" may contain only lowercase letters, digits and underscores, got "${name}"`, 'Meta rejects other characters in template names.');
	}
	return name;
}

function header(ctx: IExecuteFunctions, check: InputValidator, i: number, kind: HeaderKind | 'none'): IDataObject {
	if (kind === 'none') return {};
	if (kind === 'text') {
		const text = check.required(ctx.getNodeParameter('headerText', i), 'Header Text').trim();
		check.maxLength(text, LIMITS.headerFooter, 'Header Text');
		noEmoji(check, text, 'Header Text');
		const variables = variableNumbers(text);
		if (variables.length > 1 || (variables.length === 1 && variables[0] !== 1)) {
			check.fail('"Header Text" may contain one variable only, and it must be {{1}}');
		}
		const out: IDataObject = { header_type: 'TEXT', header: text };
		if (variables.length) {
			const sample = check.required(ctx.getNodeParameter('headerExample', i, ''), 'Header Variable Example (the header has {{1}})').trim();
			// Undocumented key; Meta's shape, as the reference advises (experimental).
			out.example_header_param = { header_text: [sample] };
		}
		return out;
	}
	const sample = check.publicUrl(ctx.getNodeParameter('mediaExample', i), 'Sample Media URL', 'Sobot');
	checkUrlExtension(check, kind, sample, 'Sample Media URL');
	return { header_type: kind.toUpperCase(), example: sample };
}

function ctaButtons(ctx: IExecuteFunctions, check: InputValidator, i: number): IDataObject {
	const text = (name: string) => String(ctx.getNodeParameter(name, i, '') ?? '').trim();
	const out: IDataObject = { sub_type: 'CTA' };
	if (text('callText') || text('callNumber')) {
		const label = check.required(text('callText'), 'Call Button Text');
		check.maxLength(label, LIMITS.ctaText, 'Call Button Text');
		out.phone_numbers = [{ phone_number: check.phone(text('callNumber'), 'Call Button Phone Number'), text: label }];
	}
	if (text('urlText') || text('url')) {
		const label = check.required(text('urlText'), 'Website Button Text');
		check.maxLength(label, LIMITS.ctaText, 'Website Button Text');
		const url = check.url(text('url'), 'Website URL');
		const variables = variableNumbers(url);
		const dynamic = variables.length > 0;
		if (dynamic && (variables.length > 1 || variables[0] !== 1 || !/\{\{\s*1\s*\}\}$/.test(url))) {
			check.fail('"Website URL" may have one variable only, {{1}}, at the very end');
		}
		Object.assign(out, { url, url_name: label });
		if (dynamic) {
			const example = check.url(text('urlExample'), 'Example Website URL (needed for a URL ending in {{1}})');
			// The docs' sample misspells the key as example_webiste; sending both is harmless.
			Object.assign(out, { example_website: example, example_webiste: example });
		}
	}
	if (!out.phone_numbers && !out.url) {
		check.fail('"Buttons" is Call to Action but neither a call button nor a website button is filled in');
	}
	return out;
}

export const createTemplate: OperationDefinition = {
	resource: 'template',
	operation: 'create',
	name: 'Create',
	action: 'Create a template',
	description: 'Submit a new WhatsApp template to Meta for approval: text or media header, variables, quick replies or call-to-action buttons',
	properties,
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const entityName = templateName(check, this.getNodeParameter('templateName', i));
		const language = check.required(this.getNodeParameter('language', i), 'Language').trim();
		if (!/^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,4})?$/.test(language)) check.fail(`"Language" must be a language code such as en_US or hi, got "${language}"`);
		const headerKind = this.getNodeParameter('headerType', i, 'none') as HeaderKind | 'none';

		const bodyText = check.required(this.getNodeParameter('body', i), 'Body');
		check.maxLength(bodyText, LIMITS.templateBody, 'Body');
		const variableCount = sequentialVariables(check, bodyText, 'Body').length;
		const examples = (((this.getNodeParameter('bodyExamples', i, {}) as IDataObject).example ?? []) as IDataObject[]).map((e) =>
			String(e.value ?? '').trim(),
		);
		if (examples.length !== variableCount) {
			check.fail(
				`"Body Variable Examples" needs ${variableCount} value${variableCount === 1 ? '' : 's'} (one per body variable), got ${examples.length}`,
				'Meta reviews templates with their sample values and rejects a template whose variables have none.',
			);
		}
		examples.forEach((example, n) => check.required(example, `Body Variable Examples: value for {{${n + 1}}}`));

		const body: IDataObject = {
			category: check.oneOf(this.getNodeParameter('category', i) as string, ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const, 'Category'),
			entity_name: entityName,
			template_type: headerKind === 'none' || headerKind === 'text' ? 'TEXT' : 'MEDIA',
			body: bodyText,
			// The docs call it required (default en_US) yet no sample sends it: always sent.
			lang_code: language,
			...header(this, check, i, headerKind),
		};
		if (variableCount) body.example_body_param = { body_text: [examples] };
		const footer = check.optionalText(this.getNodeParameter('footer', i, ''), LIMITS.headerFooter, 'Footer');
		if (footer) body.footer = footer.trim();

		const buttons = this.getNodeParameter('buttonsType', i, 'none') as string;
		if (buttons === 'quickReplies') {
			const entries = ((this.getNodeParameter('quickReplies', i, {}) as IDataObject).button ?? []) as IDataObject[];
			body.buttons = buttonTitles(check, entries.map((b) => String(b.title ?? '')), 'Quick Replies');
		} else if (buttons === 'cta') {
			Object.assign(body, ctaButtons(this, check, i));
		}

		// A repeat would be refused as a duplicate template after the first one was created.
		const response = await sobotRequest.call(this, 'POST', '/api/template/', { body, repeatable: false, itemIndex: i });
		// Sobot answers without the new template's id: read it back from the newest templates.
		const created = await findCreated.call(this, entityName, language, i);
		return { created: true, name: entityName, language, message: response.message ?? null, template: created ? normaliseTemplate(created) : null };
	},
};

/** The template just created, from the list (a few pages at most; it is usually on the first). */
async function findCreated(this: IExecuteFunctions, name: string, language: string, itemIndex: number): Promise<IDataObject | undefined> {
	for (let page = 1; page <= 5; page++) {
		const list = await sobotRequest.call(this, 'GET', '/api/template/', { qs: { page }, repeatable: true, itemIndex });
		const found = ((list.data ?? []) as IDataObject[]).find((t) => t.entity_name === name && t.lang_code === language);
		if (found || !list.next) return found;
	}
	return undefined;
}
