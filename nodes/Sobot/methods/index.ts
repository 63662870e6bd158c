import type { ILoadOptionsFunctions, INodePropertyOptions, ResourceMapperFields } from 'n8n-workflow';

import { splitTemplateKey } from '../../shared/templates';
import { approvedTemplates, templateKey, variableFields, variablesOf } from '../templates';

export const loadOptions = {
	/** Approved templates as "name (language)"; the value carries both, as a send needs both. */
	async getApprovedTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const templates = await approvedTemplates.call(this);
		return templates
			.map((t) => {
				const vars = variablesOf(t);
				const count = vars.body.length + (vars.headerVariable ? 1 : 0) + (vars.dynamicUrl ? 1 : 0);
				const header = vars.header && vars.header !== 'text' ? `, ${vars.header} header` : '';
				return {
					name: `${t.entity_name} (${t.lang_code})`,
					value: templateKey(t),
					description: `${count} variable${count === 1 ? '' : 's'}${header}: ${String(t.template ?? '').slice(0, 120)}`,
				};
			})
			.sort((a, b) => a.name.localeCompare(b.name));
	},
};

export const resourceMapping = {
	/** The chosen template's variables as fields: header, body `{{n}}` and a dynamic URL's suffix. */
	async getTemplateVariables(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
		const key = String(this.getNodeParameter('template', '') ?? '').trim();
		if (!key) return { fields: [], emptyFieldsNotice: 'Choose a template first' };
		const { name, language } = splitTemplateKey(key);
		const template = (await approvedTemplates.call(this)).find(
			(t) => t.entity_name === name && (!language || t.lang_code === language),
		);
		if (!template) {
			return { fields: [], emptyFieldsNotice: `No approved template "${name}"${language ? ` in ${language}` : ''}` };
		}
		const fields = variableFields(template);
		return fields.length ? { fields } : { fields: [], emptyFieldsNotice: 'This template has no variables to fill in' };
	},
};
