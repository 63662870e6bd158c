import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import type { InputValidator } from '../../../shared/validate';
import { contextOf, recipientOf, sendMessage, sendOptions, toLocator, validator } from '../common';

/** WhatsApp's interactive-message limits. */
const LIMITS = { body: 1024, header: 60, footer: 60, buttonTitle: 20, rowTitle: 24, rowDescription: 72, sectionTitle: 24, rows: 10 };

const bodyField: INodeProperties = { displayName: 'Body Text', name: 'bodyText', type: 'string', typeOptions: { rows: 3 }, default: '', required: true, description: 'Up to 1024 characters' };
const framing: INodeProperties[] = [
	{ displayName: 'Header Text', name: 'headerText', type: 'string', default: '', description: 'Up to 60 characters' },
	{ displayName: 'Footer Text', name: 'footerText', type: 'string', default: '', description: 'Up to 60 characters' },
];

function frame(check: InputValidator, ctx: IExecuteFunctions, i: number, options: IDataObject, type: string, action: IDataObject): IDataObject {
	const interactive: IDataObject = { type, body: { text: check.maxLength(check.required(ctx.getNodeParameter('bodyText', i), 'Body Text'), LIMITS.body, 'Body Text') } };
	const header = check.optionalText(options.headerText, LIMITS.header, 'Header Text');
	const footer = check.optionalText(options.footerText, LIMITS.footer, 'Footer Text');
	if (header) interactive.header = { type: 'text', text: header };
	if (footer) interactive.footer = { text: footer };
	interactive.action = action;
	return interactive;
}

export const sendButtons: OperationDefinition = {
	resource: 'message',
	operation: 'sendButtons',
	name: 'Send Reply Buttons',
	action: 'Send reply buttons',
	description: 'Send a message with up to three reply buttons (the reply arrives at the trigger)',
	properties: [
		toLocator,
		bodyField,
		{
			displayName: 'Buttons',
			name: 'buttons',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			required: true,
			options: [
				{
					displayName: 'Button',
					name: 'button',
					values: [
						{ displayName: 'Title', name: 'title', type: 'string', default: '', required: true, description: 'Up to 20 characters' },
						{ displayName: 'ID', name: 'id', type: 'string', default: '', description: 'Returned with the reply; defaults to button_1, button_2 …' },
					],
				},
			],
		},
		sendOptions(framing),
	],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const to = recipientOf(this, i);
		const entries = ((this.getNodeParameter('buttons', i, {}) as IDataObject).button ?? []) as IDataObject[];
		check.count(entries, 'Buttons', { min: 1, max: 3 });
		const titles = check.distinct(entries.map((b, n) => check.maxLength(check.required(b.title, `Button ${n + 1} Title`).trim(), LIMITS.buttonTitle, `Button ${n + 1} Title`) as string), 'Button titles');
		const buttons = titles.map((title, n) => ({ type: 'reply', reply: { id: String(entries[n].id || `button_${n + 1}`), title } }));
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		return await sendMessage.call(this, i, to, 'interactive', frame(check, this, i, options, 'button', { buttons }), contextOf(options));
	},
};

export const sendList: OperationDefinition = {
	resource: 'message',
	operation: 'sendList',
	name: 'Send List',
	action: 'Send a list message',
	description: 'Send a message with a menu of up to ten rows in sections',
	properties: [
		toLocator,
		bodyField,
		{ displayName: 'Button Text', name: 'buttonText', type: 'string', default: 'Choose', required: true, description: 'Label of the button that opens the list (up to 20 characters)' },
		{
			displayName: 'Rows',
			name: 'rows',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			required: true,
			options: [
				{
					displayName: 'Row',
					name: 'row',
					values: [
						{ displayName: 'Section', name: 'section', type: 'string', default: '', description: 'Rows with the same section title are grouped; empty means one untitled section' },
						{ displayName: 'Title', name: 'title', type: 'string', default: '', required: true, description: 'Up to 24 characters' },
						{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'Up to 72 characters' },
						{ displayName: 'ID', name: 'id', type: 'string', default: '', description: 'Returned with the reply; defaults to row_1, row_2 …' },
					],
				},
			],
		},
		sendOptions(framing),
	],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const to = recipientOf(this, i);
		const button = check.maxLength(check.required(this.getNodeParameter('buttonText', i), 'Button Text').trim(), LIMITS.buttonTitle, 'Button Text');
		const entries = ((this.getNodeParameter('rows', i, {}) as IDataObject).row ?? []) as IDataObject[];
		check.count(entries, 'Rows', { min: 1, max: LIMITS.rows });
		const sections: Array<{ title: string; rows: IDataObject[] }> = [];
		entries.forEach((row, n) => {
			const title = String(row.section ?? '').trim();
			check.maxLength(title, LIMITS.sectionTitle, `Row ${n + 1} Section`);
			let section = sections.find((s) => s.title === title);
			if (!section) sections.push((section = { title, rows: [] }));
			const item: IDataObject = { id: String(row.id || `row_${n + 1}`), title: check.maxLength(check.required(row.title, `Row ${n + 1} Title`).trim(), LIMITS.rowTitle, `Row ${n + 1} Title`) };
			const description = check.optionalText(row.description, LIMITS.rowDescription, `Row ${n + 1} Description`);
			if (description) item.description = description;
			section.rows.push(item);
		});
		check.distinct(entries.map((r, n) => String(r.id || `row_${n + 1}`)), 'Row IDs');
		if (sections.length > 1 && sections.some((s) => !s.title)) check.fail('"Rows": with several sections every row needs a Section title');
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const action = { button, sections: sections.map((s) => (s.title ? s : { rows: s.rows })) };
		return await sendMessage.call(this, i, to, 'interactive', frame(check, this, i, options, 'list', action), contextOf(options));
	},
};
