import type { IDataObject, IExecuteFunctions, ResourceMapperValue } from 'n8n-workflow';

import { fileNameOfUrl } from '../../../shared/binary';
import type { OperationDefinition } from '../../../shared/execute';
import type { InputValidator } from '../../../shared/validate';
import type { HeaderKind, TemplateVariables } from '../../templates';
import { splitTemplateKey, templateParameter } from '../../../shared/templates';
import { approvedTemplates, VARIABLE_IDS, variablesOf } from '../../templates';
import { customerNameField, customerNumberField, recipient, sendMessage, validator } from '../common';
import { checkUrlExtension } from '../media';
import { templateVariablesProperty } from '../../../shared/resourceMapper';

const MEDIA_HEADERS: HeaderKind[] = ['image', 'video', 'document'];

/** The variables a send will fill when the template is not looked up: read from the given fields. */
function variablesFromValues(name: string, language: string, values: IDataObject): TemplateVariables {
	const body = Object.keys(values)
		.map((key) => /^body_(\d+)$/.exec(key))
		.filter((m): m is RegExpExecArray => !!m)
		.map((m) => Number(m[1]))
		.sort((a, b) => a - b);
	const media = MEDIA_HEADERS.find((kind) => values[VARIABLE_IDS.headerUrl(kind)] !== undefined);
	return {
		name,
		language,
		header: media ?? (values[VARIABLE_IDS.headerText] !== undefined ? 'text' : null),
		headerVariable: values[VARIABLE_IDS.headerText] !== undefined,
		body,
		dynamicUrl: values[VARIABLE_IDS.buttonUrl] !== undefined ? '{{1}}' : null,
		urlButtonIndex: 0,
	};
}

/** The approved template the send names; its absence or ambiguity is the user's to fix. */
async function findTemplate(this: IExecuteFunctions, check: InputValidator, i: number, name: string, language?: string) {
	const named = (await approvedTemplates.call(this, i)).filter((t) => t.entity_name === name);
	if (!named.length) {
		check.fail(
			`"Template": there is no approved template named "${name}"`,
			'Only approved templates can be sent; pending and rejected ones are listed by Template → Get Many. Names are case-sensitive.',
		);
	}
	const languages = named.map((t) => String(t.lang_code)).sort();
	if (language) {
		const match = named.find((t) => t.lang_code === language);
		if (!match) check.fail(`"Template": "${name}" is not approved in language "${language}"; it is approved in ${languages.join(', ')}`);
		return match;
	}
	if (named.length > 1) check.fail(`"Template": "${name}" is approved in several languages (${languages.join(', ')}); give it as ${name}|<language>`);
	return named[0];
}

/**
 * `params` for the send: header, body and URL-button components in WhatsApp's order, with exactly as
 * many values as the template has variables (a mismatch makes Sobot fail the send).
 */
export function templateParams(check: InputValidator, vars: TemplateVariables, values: IDataObject, urlButtonIndex: number): IDataObject[] {
	const expected = new Set<string>();
	const params: IDataObject[] = [];
	if (vars.headerVariable) {
		expected.add(VARIABLE_IDS.headerText);
		params.push({ type: 'header', parameters: [{ type: 'text', text: templateParameter(check, values, VARIABLE_IDS.headerText, 'Header {{1}}') }] });
	}
	if (vars.header && vars.header !== 'text') {
		const kind = vars.header;
		const id = VARIABLE_IDS.headerUrl(kind);
		const label = `Header ${kind[0].toUpperCase()}${kind.slice(1)} URL`;
		expected.add(id);
		if (!String(values[id] ?? '').trim()) check.fail(`"Template Variables": ${label} is empty; this template has ${kind === 'image' ? 'an' : 'a'} ${kind} header`);
		const link = check.publicUrl(String(values[id]).trim(), `Template Variables: ${label}`, 'Sobot');
		checkUrlExtension(check, kind, link, `Template Variables: ${label}`);
		const media: IDataObject = { link };
		if (kind === 'document') {
			expected.add(VARIABLE_IDS.headerFileName);
			const fileName = String(values[VARIABLE_IDS.headerFileName] ?? '').trim() || fileNameOfUrl(link);
			if (fileName) media.filename = fileName;
		}
		params.push({ type: 'header', parameters: [{ type: kind, [kind]: media }] });
	}
	if (vars.body.length) {
		const parameters = vars.body.map((n) => {
			expected.add(VARIABLE_IDS.body(n));
			return { type: 'text', text: templateParameter(check, values, VARIABLE_IDS.body(n), `Body {{${n}}}`) };
		});
		params.push({ type: 'body', parameters });
	}
	if (vars.dynamicUrl) {
		expected.add(VARIABLE_IDS.buttonUrl);
		const suffix = templateParameter(check, values, VARIABLE_IDS.buttonUrl, 'URL Button {{1}}');
		params.push({ type: 'button', sub_type: 'url', index: urlButtonIndex, parameters: [{ type: 'text', text: suffix }] });
	}
	const unknown = Object.keys(values).filter((key) => !expected.has(key) && String(values[key] ?? '').trim() !== '');
	if (unknown.length) {
		const has = [
			vars.headerVariable ? 'a header variable' : '',
			vars.body.length ? `body variables ${vars.body.map((n) => `{{${n}}}`).join(', ')}` : 'no body variables',
			vars.dynamicUrl ? 'a URL button variable' : '',
		].filter(Boolean);
		check.fail(
			`"Template Variables" has values the template "${vars.name}" does not use (${unknown.join(', ')}); it has ${has.join(', ')}`,
			'The number of values must match the template exactly. If the template changed, refresh the variables (open the field list and reload).',
		);
	}
	return params;
}

export const sendTemplate: OperationDefinition = {
	resource: 'message',
	operation: 'sendTemplate',
	name: 'Send Template',
	action: 'Send an approved template',
	description: 'Send an approved WhatsApp template, the only message allowed outside the 24-hour window; its variables become fields',
	properties: [
		customerNumberField,
		customerNameField,
		{
			displayName: 'Template Name or ID',
			name: 'template',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getApprovedTemplates' },
			default: '',
			required: true,
			description:
				'Approved template and its language. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			hint: 'By expression: name|language, e.g. order_confirmation|en_US (the language may be left out when the name is approved in one language only)',
		},
		templateVariablesProperty,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Check Variables Against the Template',
					name: 'checkTemplate',
					type: 'boolean',
					default: true,
					description:
						'Whether to read the approved templates (once per run) and check that the values match the template’s variables exactly before sending. Off sends the given values as they are.',
				},
				{
					displayName: 'URL Button Position',
					name: 'urlButtonIndex',
					type: 'options',
					options: [
						{ name: 'Automatic', value: 'auto', description: 'Second when the template also has a call button, else first' },
						{ name: 'First Button (Index 0)', value: '0' },
						{ name: 'Second Button (Index 1)', value: '1' },
					],
					default: 'auto',
					description: 'Which button the dynamic URL value belongs to; Sobot does not say in which order it creates call and URL buttons',
				},
			],
		},
	],
	async execute(this: IExecuteFunctions, i: number) {
		const check: InputValidator = validator(this, i);
		recipient(this, i); // a bad number fails before the templates are read
		const { name, language } = splitTemplateKey(check.required(this.getNodeParameter('template', i), 'Template Name or ID').trim());
		const mapper = this.getNodeParameter('variables', i, {}) as Partial<ResourceMapperValue>;
		const values = (mapper?.value ?? {}) as IDataObject;
		const options = this.getNodeParameter('options', i, {}) as IDataObject;

		let vars: TemplateVariables;
		if (options.checkTemplate === false) {
			if (!language) check.fail(`"Template Name or ID" needs the language when the template is not checked: ${name}|<language>`);
			vars = variablesFromValues(name, language, values);
		} else {
			vars = variablesOf(await findTemplate.call(this, check, i, name, language));
		}
		const index = options.urlButtonIndex === undefined || options.urlButtonIndex === 'auto' ? vars.urlButtonIndex : Number(options.urlButtonIndex);
		const params = templateParams(check, vars, values, index);
		// Template sends carry no `type`: Sobot recognises them by template_name.
		const body: IDataObject = { template_name: vars.name, template_lang: vars.language };
		if (params.length) body.params = params;
		return await sendMessage.call(this, i, body);
	},
};
