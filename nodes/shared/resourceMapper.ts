import type { ResourceMapperField } from 'n8n-workflow';

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
