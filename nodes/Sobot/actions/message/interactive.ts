import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { InputValidator } from '../../../shared/validate';
import { LIMITS } from '../common';
import { noEmoji } from '../media';

/** Body, header and footer of an interactive message (buttons, list, products). */
export const bodyField: INodeProperties = {
	displayName: 'Text',
	name: 'text',
	type: 'string',
	typeOptions: { rows: 3 },
	default: '',
	required: true,
	description: 'Message body, at most 1024 characters; WhatsApp formatting works',
};

export const headerField: INodeProperties = {
	displayName: 'Header',
	name: 'header',
	type: 'string',
	default: '',
	description: 'Text above the body, at most 60 characters, no emoji',
};

export const footerField: INodeProperties = {
	displayName: 'Footer',
	name: 'footer',
	type: 'string',
	default: '',
	description: 'Small text under the body, at most 60 characters (Sobot calls it caption)',
};

/** `message`, `header` and `caption` (the footer) of an interactive send, checked. */
export function interactiveBody(ctx: IExecuteFunctions, check: InputValidator, i: number, withHeader = true): IDataObject {
	const text = check.required(ctx.getNodeParameter('text', i), 'Text');
	check.maxLength(text, LIMITS.interactiveBody, 'Text');
	const body: IDataObject = { message: text };
	if (withHeader) {
		const header = noEmoji(check, check.optionalText(ctx.getNodeParameter('header', i, ''), LIMITS.headerFooter, 'Header'), 'Header');
		if (header) body.header = header;
	}
	const footer = check.optionalText(ctx.getNodeParameter('footer', i, ''), LIMITS.headerFooter, 'Footer');
	if (footer) body.caption = footer;
	return body;
}

/** Rows given section by section, grouped in the order their sections first appear. */
export function groupBySection<T>(entries: Array<{ section: string; item: T }>): Array<{ title: string; items: T[] }> {
	const sections: Array<{ title: string; items: T[] }> = [];
	for (const { section, item } of entries) {
		let target = sections.find((s) => s.title === section);
		if (!target) sections.push((target = { title: section, items: [] }));
		target.items.push(item);
	}
	return sections;
}
