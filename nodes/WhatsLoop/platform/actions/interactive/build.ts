import type { IDataObject } from 'n8n-workflow';

import type { InputValidator } from '../../../../shared/validate';

/** WhatsApp's limits on interactive messages, checked before anything is sent. */
export const LIMITS = {
	buttons: 3,
	buttonTitle: 20,
	templateButtonTitle: 25,
	buttonId: 256,
	title: 60,
	body: 1024,
	footer: 60,
	listButton: 20,
	sections: 10,
	rowsPerSection: 10,
	sectionTitle: 24,
	rowTitle: 24,
	rowDescription: 72,
	rowId: 200,
} as const;

export interface ReplyButton {
	id: string;
	title: string;
}

/** Template button kinds and the number the platform's `type` field uses for each (reference §5.4). */
export const TEMPLATE_TYPES = { url: 1, call: 2, quickReply: 3 } as const;
export type TemplateButtonType = keyof typeof TEMPLATE_TYPES;

export interface TemplateButton {
	type: TemplateButtonType;
	title: string;
	/** URL to open, number to call, or the id a quick reply reports back. */
	value: string;
}

export interface ListRow {
	section: string;
	id: string;
	title: string;
	description?: string;
}

/** 1–3 quick-reply buttons with distinct ids and short titles; sent with both label keys (`title` and `text`). */
export function replyButtons(check: InputValidator, raw: IDataObject[]): ReplyButton[] {
	check.count(raw, 'Buttons', { min: 1, max: LIMITS.buttons });
	const buttons = raw.map((b, n) => ({
		id: check.maxLength(check.required(b.id, `Buttons: ID of button ${n + 1}`).trim(), LIMITS.buttonId, `Buttons: ID of button ${n + 1}`) as string,
		title: check.maxLength(check.required(b.title, `Buttons: Title of button ${n + 1}`).trim(), LIMITS.buttonTitle, `Buttons: Title of button ${n + 1}`) as string,
	}));
	check.distinct(
		buttons.map((b) => b.id),
		'Buttons: IDs',
	);
	return buttons;
}

export function replyButtonsBody(buttons: ReplyButton[]): IDataObject[] {
	// The vendor docs label buttons `text`, working clients and the engine `title`: send both (reference §4b.11).
	return buttons.map((b) => ({ id: b.id, title: b.title, text: b.title }));
}

/** 1–3 template buttons; each kind's value is checked (a URL, a phone number, a reply id). */
export function templateButtons(check: InputValidator, raw: IDataObject[]): TemplateButton[] {
	check.count(raw, 'Buttons', { min: 1, max: LIMITS.buttons });
	const buttons = raw.map((b, n) => {
		const field = `Buttons: button ${n + 1}`;
		const type = check.oneOf(String(b.type ?? ''), Object.keys(TEMPLATE_TYPES) as TemplateButtonType[], `${field} type`);
		const title = check.maxLength(check.required(b.title, `${field} title`).trim(), LIMITS.templateButtonTitle, `${field} title`) as string;
		let value: string;
		if (type === 'url') value = check.url(b.value, `${field} URL`);
		else if (type === 'call') value = `+${check.phone(b.value, `${field} phone number`)}`;
		else value = check.maxLength(check.required(b.value, `${field} reply ID`).trim(), LIMITS.buttonId, `${field} reply ID`) as string;
		return { type, title, value };
	});
	check.distinct(
		buttons.filter((b) => b.type === 'quickReply').map((b) => b.value),
		'Buttons: reply IDs',
	);
	return buttons;
}

/** The platform's template-button shape: `id` (order), `title` (+ `text`), numeric `type`, `extra_data`. */
export function templateButtonsBody(buttons: TemplateButton[]): IDataObject[] {
	return buttons.map((b, n) => ({ id: String(n + 1), title: b.title, text: b.title, type: TEMPLATE_TYPES[b.type], extra_data: b.value }));
}

/** Rows grouped into sections in order of first appearance; WhatsApp's list limits checked. */
export function listSections(check: InputValidator, raw: IDataObject[]): IDataObject[] {
	check.count(raw, 'Rows', { min: 1 });
	const sections = new Map<string, IDataObject[]>();
	raw.forEach((r, n) => {
		const field = `Rows: row ${n + 1}`;
		const section = check.maxLength(String(r.section ?? '').trim(), LIMITS.sectionTitle, `${field} section`) as string;
		const row: IDataObject = {
			id: check.maxLength(check.required(r.id, `${field} ID`).trim(), LIMITS.rowId, `${field} ID`),
			title: check.maxLength(check.required(r.title, `${field} title`).trim(), LIMITS.rowTitle, `${field} title`),
		};
		const description = check.optionalText(r.description, LIMITS.rowDescription, `${field} description`);
		if (description) row.description = description.trim();
		if (!sections.has(section)) sections.set(section, []);
		sections.get(section)!.push(row);
	});
	if (sections.size > LIMITS.sections) check.fail(`"Rows" use ${sections.size} sections; WhatsApp allows at most ${LIMITS.sections}`);
	for (const [title, rows] of sections) {
		if (rows.length > LIMITS.rowsPerSection) {
			check.fail(`Section "${title || '(untitled)'}" has ${rows.length} rows; WhatsApp allows at most ${LIMITS.rowsPerSection} per section`);
		}
	}
	if (sections.size > 1 && sections.has('')) check.fail('"Rows": with more than one section every row needs a section title');
	check.distinct(
		raw.map((r) => String(r.id).trim()),
		'Rows: IDs',
	);
	return [...sections].map(([title, rows]) => ({ title, rows }));
}

export interface Choice {
	number: number;
	id: string;
	title: string;
	detail?: string;
}

/**
 * The "send as numbered text" fallback (reference §5.3, §4b.4): buttons and lists from unofficial
 * senders may not render, so the choices go as a numbered list the recipient answers with a number.
 */
export function numberedText(parts: { title?: string; body: string; footer?: string; choices: Choice[] }): string {
	const lines: string[] = [];
	if (parts.title) lines.push(`*${parts.title}*`);
	lines.push(parts.body, '');
	for (const c of parts.choices) lines.push(`${c.number}. ${c.title}${c.detail ? ` — ${c.detail}` : ''}`);
	if (parts.footer) lines.push('', `_${parts.footer}_`);
	return lines.join('\n');
}
