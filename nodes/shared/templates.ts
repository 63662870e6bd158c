import type { IDataObject } from 'n8n-workflow';

import type { InputValidator } from './validate';

/*
 * WhatsApp (Meta) template rules that every provider on the official API shares (Sobot, 360dialog
 * Inbox): `{{n}}` variables, the `name|language` value of a template dropdown, and what WhatsApp
 * accepts as a variable's value.
 */

/** The `{{n}}` variable numbers of a text, distinct and ascending. */
export function variableNumbers(text: unknown): number[] {
	return [...new Set([...String(text ?? '').matchAll(/\{\{\s*(\d+)\s*\}\}/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);
}

/** The variable numbers of a template text being created: Meta maps examples and sends by position, so they run {{1}}, {{2}}, … without gaps. */
export function sequentialVariables(check: InputValidator, text: string, field: string): number[] {
	const numbers = variableNumbers(text);
	numbers.forEach((n, index) => {
		if (n !== index + 1) check.fail(`"${field}" must number its variables {{1}}, {{2}}, … without gaps; found ${numbers.map((m) => `{{${m}}}`).join(', ')}`);
	});
	return numbers;
}

/** The value of a template dropdown: name and language, which together identify a template for a send. */
export const templateKeyOf = (name: unknown, language: unknown) => `${String(name)}|${String(language ?? '')}`;

/** A dropdown value, or `name|language` / `name` typed in an expression. */
export function splitTemplateKey(value: string): { name: string; language?: string } {
	const [name, language] = value.split('|').map((s) => s.trim());
	return { name, language: language || undefined };
}

/** A variable's value from the "Template Variables" mapper: WhatsApp refuses empty values, line breaks, tabs and more than four spaces in a row. */
export function templateParameter(check: InputValidator, values: IDataObject, id: string, label: string): string {
	const text = String(values[id] ?? '').trim();
	if (!text) check.fail(`"Template Variables": ${label} is empty; every variable of the template needs a value`);
	if (/[\n\t]| {5,}/.test(text)) {
		check.fail(`"Template Variables": ${label} contains a line break, a tab or more than four spaces in a row, which WhatsApp rejects in template parameters`);
	}
	return text;
}
