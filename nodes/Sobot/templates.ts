import type { IDataObject, ResourceMapperField } from 'n8n-workflow';

import type { ProviderContext } from '../shared/provider';
import { PerRun } from '../shared/perRun';
import { textMapperField } from '../shared/resourceMapper';
import { templateKeyOf, variableNumbers } from '../shared/templates';
import { sobotList } from './transport';

/** Sobot's numeric template status (`?status=` and `status` in list items). */
export const TEMPLATE_STATUS: Record<string, number> = { pending: 0, approved: 1, rejected: 2 };
export const STATUS_NAME: Record<number, string> = { 0: 'pending', 1: 'approved', 2: 'rejected' };

export type HeaderKind = 'text' | 'image' | 'video' | 'document';

/** The docs spell DOCUMENT "DOUCMENT" in one place; both mean a document header. */
export function headerKindOf(template: IDataObject): HeaderKind | null {
	const type = String(template.header_type ?? '').toUpperCase();
	if (type === 'DOUCMENT') return 'document';
	return (['text', 'image', 'video', 'document'] as const).find((k) => k.toUpperCase() === type) ?? null;
}

/** `phone_numbers` is documented as an object on list and an array on create: always an array here. */
export function phoneButtons(template: IDataObject): IDataObject[] {
	const value = template.phone_numbers;
	if (!value) return [];
	return (Array.isArray(value) ? value : [value]) as IDataObject[];
}

/** A list item as this package outputs it: the documented spellings, plus the status in words. */
export function normaliseTemplate(template: IDataObject): IDataObject {
	const kind = headerKindOf(template);
	return {
		...template,
		header_type: kind ? kind.toUpperCase() : (template.header_type ?? null),
		phone_numbers: template.phone_numbers ? phoneButtons(template) : null,
		status_name: STATUS_NAME[Number(template.status)] ?? null,
	};
}

/** What a send of this template must fill in (reference §3.4 and §5 item 12). */
export interface TemplateVariables {
	name: string;
	language: string;
	header: HeaderKind | null;
	/** The text header has its one allowed variable `{{1}}`. */
	headerVariable: boolean;
	body: number[];
	/** A call-to-action URL ending in `{{1}}`: the send gives the suffix. */
	dynamicUrl: string | null;
	/** Position of the URL button among the template's buttons (phone button first, when there is one). */
	urlButtonIndex: number;
}

export function variablesOf(template: IDataObject): TemplateVariables {
	const header = headerKindOf(template);
	const url = typeof template.url === 'string' ? template.url : '';
	const dynamic = String(template.sub_type ?? '').toUpperCase() === 'CTA' && /\{\{\s*1\s*\}\}$/.test(url);
	return {
		name: String(template.entity_name),
		language: String(template.lang_code),
		header,
		headerVariable: header === 'text' && variableNumbers(template.header).length > 0,
		body: variableNumbers(template.template),
		dynamicUrl: dynamic ? url : null,
		urlButtonIndex: phoneButtons(template).length ? 1 : 0,
	};
}

/** A few words around `{{n}}` so a field says which blank it fills. */
function around(text: unknown, n: number): string {
	const words = String(text ?? '').split(/\s+/).filter(Boolean);
	const at = words.findIndex((w) => new RegExp(`\\{\\{\\s*${n}\\s*\\}\\}`).test(w));
	if (at < 0) return '';
	const start = Math.max(0, at - 3);
	const end = Math.min(words.length, at + 4);
	return `${start > 0 ? '…' : ''}${words.slice(start, end).join(' ')}${end < words.length ? '…' : ''}`;
}

/** Field ids of the "Template Variables" mapper; the send reads them back by these ids. */
export const VARIABLE_IDS = {
	headerText: 'header_text',
	headerUrl: (kind: HeaderKind) => `header_${kind}_url`,
	headerFileName: 'header_document_filename',
	body: (n: number) => `body_${n}`,
	buttonUrl: 'button_url',
};

/** One mapper field per value the template needs, in the order WhatsApp shows them. */
export function variableFields(template: IDataObject): ResourceMapperField[] {
	const vars = variablesOf(template);
	const fields: ResourceMapperField[] = [];
	if (vars.headerVariable) fields.push(textMapperField(VARIABLE_IDS.headerText, `Header {{1}} (${around(template.header, 1)})`));
	if (vars.header && vars.header !== 'text') {
		const label = vars.header[0].toUpperCase() + vars.header.slice(1);
		fields.push(textMapperField(VARIABLE_IDS.headerUrl(vars.header), `Header ${label} URL (public link)`));
		if (vars.header === 'document') fields.push(textMapperField(VARIABLE_IDS.headerFileName, 'Header Document File Name', false));
	}
	for (const n of vars.body) fields.push(textMapperField(VARIABLE_IDS.body(n), `Body {{${n}}} (${around(template.template, n)})`));
	if (vars.dynamicUrl) fields.push(textMapperField(VARIABLE_IDS.buttonUrl, `URL Button {{1}} (end of ${vars.dynamicUrl})`));
	return fields;
}

/** Dropdown value of a template: name and language, which together identify it for a send. */
export const templateKey = (template: IDataObject) => templateKeyOf(template.entity_name, template.lang_code);

const approvedLists = new PerRun<IDataObject[]>();

/**
 * All approved templates (`GET /api/template/?status=1`, every page), read once per node run:
 * a campaign of a thousand items must not list the templates a thousand times.
 */
export async function approvedTemplates(this: ProviderContext, itemIndex?: number): Promise<IDataObject[]> {
	return await approvedLists.once(this, '', async () => await sobotList.call(this, '/api/template/', { qs: { status: TEMPLATE_STATUS.approved }, returnAll: true, itemIndex }));
}
