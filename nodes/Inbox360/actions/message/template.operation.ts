import type { IDataObject, IExecuteFunctions, ResourceMapperValue } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { splitTemplateKey } from '../../../shared/templates';
import { allTemplates, isApproved, languageOf, templateComponents } from '../../templates';
import { contextOf, recipientOf, sendMessage, sendOptions, toLocator, validator } from '../common';
import { templateVariablesProperty } from '../../../shared/resourceMapper';

export const sendTemplate: OperationDefinition = {
	resource: 'message',
	operation: 'sendTemplate',
	name: 'Send Template',
	action: 'Send an approved template',
	description: 'Send an approved WhatsApp template, the only message allowed outside the 24-hour window; its variables become fields',
	properties: [
		toLocator,
		{
			displayName: 'Template Name or ID',
			name: 'template',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getApprovedTemplates' },
			default: '',
			required: true,
			description: 'Approved template and its language. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			hint: 'By expression: name|language, e.g. order_update|en (the language may be left out when the name exists in one language only)',
		},
		templateVariablesProperty,
		sendOptions(),
	],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const to = recipientOf(this, i);
		const { name, language } = splitTemplateKey(check.required(this.getNodeParameter('template', i), 'Template Name or ID').trim());
		const values = ((this.getNodeParameter('variables', i, {}) as Partial<ResourceMapperValue>)?.value ?? {}) as IDataObject;
		const named = (await allTemplates.call(this, i)).filter((t) => t.name === name && isApproved(t));
		const languages = named.map(languageOf).sort();
		if (!named.length) check.fail(`"Template": the inbox has no approved template named "${name}"`, 'Template → Get Many lists every template with its status. Names are case-sensitive.');
		const template = language ? named.find((t) => languageOf(t) === language) : named.length === 1 ? named[0] : undefined;
		if (!template) {
			return check.fail(language ? `"Template": "${name}" is not approved in "${language}"; it is in ${languages.join(', ')}` : `"Template": "${name}" exists in several languages (${languages.join(', ')}); give it as ${name}|<language>`);
		}
		const components = templateComponents(check, template, values);
		const payload: IDataObject = {
			namespace: template.namespace,
			name,
			language: { policy: 'deterministic', code: languageOf(template) },
			components,
		};
		return await sendMessage.call(this, i, to, 'template', payload, contextOf(this.getNodeParameter('options', i, {}) as IDataObject));
	},
};
