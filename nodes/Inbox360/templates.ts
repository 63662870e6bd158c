import type { IDataObject, ResourceMapperField } from 'n8n-workflow';

import type { ProviderContext } from '../shared/provider';
import { PerRun } from '../shared/perRun';
import { textMapperField } from '../shared/resourceMapper';
import { templateKeyOf, templateParameter, variableNumbers } from '../shared/templates';
import type { InputValidator } from '../shared/validate';
import { inboxList } from './transport';

/** The language of a template item: a string, or `{code}` on newer inboxes (reference §3 W32). */
export function languageOf(template: IDataObject): string {
	const language = template.language;
	return String(language && typeof language === 'object' ? (language as IDataObject).code : (language ?? ''));
}

export const templateKey = (template: IDataObject) => templateKeyOf(template.name, languageOf(template));

const components = (template: IDataObject) => (Array.isArray(template.components) ? (template.components as IDataObject[]) : []);
const componentOf = (template: IDataObject, type: string) => components(template).find((c) => String(c.type).toUpperCase() === type);

export type MediaHeader = 'image' | 'video' | 'document';

/** The blanks a send of this template fills, from its Meta-style `components`. */
export interface TemplateBlanks {
	headerText: boolean;
	headerMedia: MediaHeader | null;
	body: number[];
	/** Index (among the template's buttons) of each URL button whose link ends in `{{1}}`. */
	urlButtons: number[];
}

export function blanksOf(template: IDataObject): TemplateBlanks {
	const header = componentOf(template, 'HEADER');
	const format = String(header?.format ?? '').toLowerCase();
	const buttons = (componentOf(template, 'BUTTONS')?.buttons ?? []) as IDataObject[];
	return {
		headerText: format === 'text' && variableNumbers(header?.text).length > 0,
		headerMedia: (['image', 'video', 'document'] as const).find((k) => k === format) ?? null,
		body: variableNumbers(componentOf(template, 'BODY')?.text),
		urlButtons: buttons.flatMap((b, index) => (String(b.type).toUpperCase() === 'URL' && variableNumbers(b.url).length ? [index] : [])),
	};
}

/** Field ids of the "Template Variables" mapper. */
export const FIELD = {
	headerText: 'header_1',
	headerUrl: 'header_media_url',
	headerFileName: 'header_file_name',
	body: (n: number) => `body_${n}`,
	button: (index: number) => `button_${index}_url`,
};

/** One field per blank, labelled with the template's own text so the user knows what goes there. */
export function variableFields(template: IDataObject): ResourceMapperField[] {
	const blanks = blanksOf(template);
	const body = String(componentOf(template, 'BODY')?.text ?? '');
	const fields: ResourceMapperField[] = [];
	if (blanks.headerText) fields.push(textMapperField(FIELD.headerText, `Header {{1}} (${String(componentOf(template, 'HEADER')?.text ?? '')})`));
	if (blanks.headerMedia) {
		fields.push(textMapperField(FIELD.headerUrl, `Header ${blanks.headerMedia} URL (public link)`));
		if (blanks.headerMedia === 'document') fields.push(textMapperField(FIELD.headerFileName, 'Header document file name', false));
	}
	const excerpt = body.length > 60 ? `${body.slice(0, 57)}…` : body;
	for (const n of blanks.body) fields.push(textMapperField(FIELD.body(n), `Body {{${n}}} (${excerpt})`));
	const buttons = (componentOf(template, 'BUTTONS')?.buttons ?? []) as IDataObject[];
	for (const index of blanks.urlButtons) fields.push(textMapperField(FIELD.button(index), `Button "${String(buttons[index]?.text ?? index + 1)}" URL {{1}} (end of ${String(buttons[index]?.url ?? '')})`));
	return fields;
}

/** The send's `components`, with exactly the values the template's blanks need. */
export function templateComponents(check: InputValidator, template: IDataObject, values: IDataObject): IDataObject[] {
	const blanks = blanksOf(template);
	const used = new Set<string>();
	const out: IDataObject[] = [];
	if (blanks.headerText) {
		used.add(FIELD.headerText);
		out.push({ type: 'header', parameters: [{ type: 'text', text: templateParameter(check, values, FIELD.headerText, 'Header {{1}}') }] });
	}
	if (blanks.headerMedia) {
		const kind = blanks.headerMedia;
		used.add(FIELD.headerUrl).add(FIELD.headerFileName);
		const media: IDataObject = { link: check.publicUrl(templateParameter(check, values, FIELD.headerUrl, `Header ${kind} URL`), `Template Variables: Header ${kind} URL`, 'WhatsApp') };
		const fileName = String(values[FIELD.headerFileName] ?? '').trim();
		if (kind === 'document' && fileName) media.filename = fileName;
		out.push({ type: 'header', parameters: [{ type: kind, [kind]: media }] });
	}
	if (blanks.body.length) {
		out.push({
			type: 'body',
			parameters: blanks.body.map((n) => {
				used.add(FIELD.body(n));
				return { type: 'text', text: templateParameter(check, values, FIELD.body(n), `Body {{${n}}}`) };
			}),
		});
	}
	for (const index of blanks.urlButtons) {
		used.add(FIELD.button(index));
		out.push({ type: 'button', sub_type: 'url', index, parameters: [{ type: 'text', text: templateParameter(check, values, FIELD.button(index), `Button ${index + 1} URL {{1}}`) }] });
	}
	const unknown = Object.keys(values).filter((key) => !used.has(key) && String(values[key] ?? '').trim() !== '');
	if (unknown.length) {
		check.fail(
			`"Template Variables" has values template "${String(template.name)}" does not use: ${unknown.join(', ')}`,
			'If the template changed, reload the variables (open the field list and refresh).',
		);
	}
	return out;
}

const templateLists = new PerRun<IDataObject[]>();

/** Every template of the inbox, read once per node run (a thousand sends must not list them a thousand times). */
export async function allTemplates(this: ProviderContext, itemIndex?: number): Promise<IDataObject[]> {
	return await templateLists.once(this, '', async () => await inboxList.call(this, 'templates', { returnAll: true, itemIndex }));
}

export const isApproved = (template: IDataObject) => String(template.status ?? '').toLowerCase() === 'approved';
