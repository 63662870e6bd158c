import type { INodeProperties, ResourceMapperField } from 'n8n-workflow';

/**
 * A text field of a resource mapper that only fills values (a template's variables): never used to
 * match rows, always shown.
 */
export const textMapperField = (id: string, displayName: string, required = true): ResourceMapperField => ({
	id,
	displayName,
	required,
	defaultMatch: false,
	canBeUsedToMatch: false,
	display: true,
	type: 'string',
});

/**
 * "Template Variables": one field per blank of the chosen template, loaded by the node's
 * `getTemplateVariables` resource-mapper method; the parameter `template` picks the template.
 */
export const templateVariablesProperty: INodeProperties = {
	displayName: 'Template Variables',
	name: 'variables',
	type: 'resourceMapper',
	noDataExpression: true,
	default: { mappingMode: 'defineBelow', value: null },
	required: true,
	typeOptions: {
		loadOptionsDependsOn: ['template'],
		resourceMapper: {
			resourceMapperMethod: 'getTemplateVariables',
			mode: 'add',
			fieldWords: { singular: 'variable', plural: 'variables' },
			addAllFields: true,
			multiKeyMatch: false,
			supportAutoMap: false,
			noFieldsError: 'This template has no variables to fill in',
		},
	},
};
