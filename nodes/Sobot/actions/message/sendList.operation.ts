import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import type { InputValidator } from '../../../shared/validate';
import { customerNameField, customerNumberField, LIMITS, sendMessage, validator } from '../common';
import { bodyField, footerField, groupBySection, headerField, interactiveBody } from './interactive';

interface ListRow extends IDataObject {
	id: string;
	title: string;
	description?: string;
}

/** `list_obj.sections` checked against WhatsApp's limits: 1–10 sections, 10 rows in all. */
function checkSections(check: InputValidator, sections: Array<{ title: string; rows: ListRow[] }>, field: string) {
	check.count(sections, `${field} (sections)`, { min: 1, max: 10 });
	const rows = sections.flatMap((s) => s.rows);
	check.count(rows, `${field} (rows in all sections)`, { min: 1, max: 10 });
	const ids = new Set<string>();
	for (const section of sections) {
		check.required(section.title, `${field}: section title`);
		check.maxLength(section.title, LIMITS.sectionTitle, `${field}: section title "${section.title}"`);
		for (const row of section.rows) {
			check.required(row.id, `${field}: row ID of "${row.title}"`);
			check.required(row.title, `${field}: row title`);
			check.maxLength(row.id, LIMITS.listRowId, `${field}: row ID "${row.id}"`);
			check.maxLength(row.title, LIMITS.listRowTitle, `${field}: row title "${row.title}"`);
			check.maxLength(row.description, LIMITS.listRowDescription, `${field}: description of "${row.title}"`);
			if (ids.has(row.id)) check.fail(`"${field}" has the row ID "${row.id}" twice; row IDs must be unique`);
			ids.add(row.id);
		}
	}
}

function sectionsFromJson(check: InputValidator, value: unknown): Array<{ title: string; rows: ListRow[] }> {
	const parsed = check.json<unknown>(value, 'Sections (JSON)');
	const list = Array.isArray(parsed) ? parsed : (parsed as IDataObject)?.sections;
	if (!Array.isArray(list)) check.fail('"Sections (JSON)" must be an array of {title, rows:[{id, title, description?}]}');
	return (list as IDataObject[]).map((s) => {
		if (!s || typeof s !== 'object' || !Array.isArray(s.rows)) check.fail('"Sections (JSON)": each section needs a "rows" array');
		return {
			title: String(s.title ?? ''),
			rows: (s.rows as IDataObject[]).map((r) => ({
				id: String(r?.id ?? ''),
				title: String(r?.title ?? ''),
				...(r?.description ? { description: String(r.description) } : {}),
			})),
		};
	});
}

export const sendList: OperationDefinition = {
	resource: 'message',
	operation: 'sendList',
	name: 'Send List',
	action: 'Send a list message',
	description: 'Send a message with a button that opens a list of up to 10 choices in sections',
	properties: [
		customerNumberField,
		customerNameField,
		bodyField,
		{
			displayName: 'Button Text',
			name: 'buttonText',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'Show options',
			description: 'Label of the button that opens the list, at most 20 characters',
		},
		{
			displayName: 'Define Rows',
			name: 'rowsInput',
			type: 'options',
			options: [
				{ name: 'Using Fields Below', value: 'fields' },
				{ name: 'Using JSON', value: 'json', description: 'Build the sections from earlier data with an expression' },
			],
			default: 'fields',
		},
		{
			displayName: 'Rows',
			name: 'rows',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, maxValue: 10 },
			placeholder: 'Add Row',
			default: {},
			description: 'Up to 10 rows in all. Rows with the same section title are grouped under it, in order.',
			displayOptions: { show: { rowsInput: ['fields'] } },
			options: [
				{
					displayName: 'Row',
					name: 'row',
					values: [
						{ displayName: 'Section Title', name: 'section', type: 'string', default: '', description: 'At most 24 characters' },
						{ displayName: 'Row ID', name: 'id', type: 'string', default: '', description: 'Returned when the customer picks this row; at most 200 characters, unique' },
						{ displayName: 'Row Title', name: 'title', type: 'string', default: '', description: 'At most 24 characters' },
						{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'Optional, at most 72 characters' },
					],
				},
			],
		},
		{
			displayName: 'Sections (JSON)',
			name: 'sectionsJson',
			type: 'json',
			default: '[\n  {\n    "title": "Section",\n    "rows": [{ "id": "row_1", "title": "First choice", "description": "Optional" }]\n  }\n]',
			description: 'Sobot’s list_obj.sections: an array of sections, each with a title and rows of ID, title and optional description',
			displayOptions: { show: { rowsInput: ['json'] } },
		},
		headerField,
		footerField,
	],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const body = interactiveBody(this, check, i);
		const button = check.required(this.getNodeParameter('buttonText', i), 'Button Text').trim();
		check.maxLength(button, LIMITS.buttonTitle, 'Button Text');
		let sections: Array<{ title: string; rows: ListRow[] }>;
		let field: string;
		if (this.getNodeParameter('rowsInput', i, 'fields') === 'json') {
			field = 'Sections (JSON)';
			sections = sectionsFromJson(check, this.getNodeParameter('sectionsJson', i));
		} else {
			field = 'Rows';
			const entries = ((this.getNodeParameter('rows', i, {}) as IDataObject).row ?? []) as IDataObject[];
			sections = groupBySection(
				entries.map((r) => ({
					section: String(r.section ?? '').trim(),
					item: {
						id: String(r.id ?? '').trim(),
						title: String(r.title ?? '').trim(),
						...(String(r.description ?? '').trim() ? { description: String(r.description).trim() } : {}),
					} as ListRow,
				})),
			).map((s) => ({ title: s.title, rows: s.items }));
		}
		checkSections(check, sections, field);
		return await sendMessage.call(this, i, { type: 'list', ...body, list_obj: { button, sections } });
	},
};
