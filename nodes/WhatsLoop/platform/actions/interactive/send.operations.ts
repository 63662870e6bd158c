import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationDefinition } from '../../../../shared/execute';
import { mediaUrl, operation, recipient, send, textField, toField, UNVERIFIED, validator } from '../common';
import { coordinates } from '../media/send.operations';
import type { Choice } from './build';
import { LIMITS, listSections, numberedText, replyButtons, replyButtonsBody, templateButtons, templateButtonsBody } from './build';

const interactive = (definition: Parameters<typeof operation>[1]) => operation('interactive', definition);

type Header = 'none' | 'image' | 'video' | 'document' | 'location';

const headerField: INodeProperties = {
	displayName: 'Header',
	name: 'header',
	type: 'options',
	options: [
		{ name: 'Document', value: 'document' },
		{ name: 'Image', value: 'image' },
		{ name: 'Location', value: 'location' },
		{ name: 'None', value: 'none' },
		{ name: 'Video', value: 'video' },
	],
	default: 'none',
	description: 'What is shown above the text',
};

const headerFields: INodeProperties[] = [
	headerField,
	{
		displayName: 'Header URL',
		name: 'headerUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://example.com/photo.jpg',
		description: 'Public URL of the image, video or document',
		hint: 'The platform downloads the file from this URL itself (no binary uploads on these routes)',
		displayOptions: { show: { header: ['image', 'video', 'document'] } },
	},
	{ displayName: 'Latitude', name: 'latitude', type: 'number', typeOptions: { numberPrecision: 6 }, default: 0, displayOptions: { show: { header: ['location'] } } },
	{ displayName: 'Longitude', name: 'longitude', type: 'number', typeOptions: { numberPrecision: 6 }, default: 0, displayOptions: { show: { header: ['location'] } } },
];

const titleField: INodeProperties = { displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Bold line above the text (up to 60 characters)' };
const bodyField = textField('text', 'Text', 'The message text (up to 1024 characters)');
const footerField: INodeProperties = { displayName: 'Footer', name: 'footer', type: 'string', default: '', description: 'Small grey line under the text (up to 60 characters)' };

const sendAsField: INodeProperties = {
	displayName: 'Send As',
	name: 'sendAs',
	type: 'options',
	options: [
		{ name: 'Interactive Message', value: 'interactive', description: 'Buttons or list as WhatsApp shows them, where the recipient’s app still renders them' },
		{ name: 'Numbered Text', value: 'numberedText', description: 'A plain text with numbered choices (1., 2., …) that every phone shows; the recipient answers with a number' },
	],
	default: 'interactive',
	hint: 'Buttons and lists sent through WhatsApp Web-based platforms like this one often do not render on current WhatsApp apps. Numbered Text always arrives.',
};

/** Send As where a header can be chosen: what Numbered Text does with it (see sendNumbered). */
const sendAsWithHeaderField: INodeProperties = {
	...sendAsField,
	hint: `${sendAsField.hint} With Numbered Text, an image or video header goes along as that media’s caption; a document or location header is left out (those routes take no caption).`,
};

const formField: INodeProperties = {
	displayName: 'Form-Encoded Body',
	name: 'formBody',
	type: 'boolean',
	default: false,
	description: 'Whether to send the body form-encoded with bracket keys (buttons[0][title]=…), the encoding working WhatsLoop clients use, instead of JSON',
};

interface Common {
	phone: string;
	title?: string;
	body: string;
	footer?: string;
	header: Header;
	headerBody: IDataObject;
}

/** The fields every interactive message has, checked against WhatsApp's limits. */
function readCommon(ctx: IExecuteFunctions, i: number, withHeader: boolean): Common {
	const check = validator(ctx, i);
	const header = (withHeader ? ctx.getNodeParameter('header', i, 'none') : 'none') as Header;
	const headerBody: IDataObject = {};
	if (header === 'location') Object.assign(headerBody, coordinates(ctx, i));
	else if (header !== 'none') headerBody[header] = mediaUrl(ctx, i, 'headerUrl', 'Header URL');
	return {
		phone: recipient(ctx, i),
		title: check.optionalText(ctx.getNodeParameter('title', i, ''), LIMITS.title, 'Title')?.trim(),
		body: check.maxLength(check.required(ctx.getNodeParameter('text', i), 'Text'), LIMITS.body, 'Text') as string,
		footer: check.optionalText(ctx.getNodeParameter('footer', i, ''), LIMITS.footer, 'Footer')?.trim(),
		header,
		headerBody,
	};
}

/** The numbered-text fallback: the header image or video goes along as the caption's media; other headers are left out. */
async function sendNumbered(ctx: IExecuteFunctions, i: number, common: Common, choices: Choice[]): Promise<IDataObject> {
	const text = numberedText({ title: common.title, body: common.body, footer: common.footer, choices });
	const media = common.header === 'image' || common.header === 'video' ? common.header : undefined;
	const sent = media
		? await send.call(ctx, i, `send/${media}`, { phone: common.phone, url: common.headerBody[media], caption: text })
		: await send.call(ctx, i, 'message/send', { phone: common.phone, body: text });
	return { ...sent, sentAs: 'numberedText', choices: choices as unknown as IDataObject[] };
}

function options(ctx: IExecuteFunctions, i: number): { sendAs: string; formBody: boolean } {
	return ctx.getNodeParameter('options', i, {}) as { sendAs: string; formBody: boolean };
}

/** Sends the interactive message to `path`, or its choices as numbered text when Send As says so. */
async function sendInteractive(ctx: IExecuteFunctions, i: number, common: Common, choices: Choice[], path: string, body: IDataObject): Promise<IDataObject> {
	const { sendAs, formBody } = options(ctx, i);
	if (sendAs === 'numberedText') return await sendNumbered(ctx, i, common, choices);
	return await send.call(ctx, i, path, body, { form: formBody });
}

const optionsField: INodeProperties = { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [formField, sendAsWithHeaderField] };

/** Text + fields the route map spells differently per route: `caption` and `body` both carry the text (reference §5.4). */
function textBody(common: Common): IDataObject {
	return {
		phone: common.phone,
		...(common.title ? { title: common.title } : {}),
		body: common.body,
		...(common.header !== 'none' ? { caption: common.body } : {}),
		...(common.footer ? { footer: common.footer } : {}),
		...common.headerBody,
	};
}

/** The Buttons list (1–3 entries) of a button message; `values` are one button's fields. */
function buttonsField(description: string, values: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Buttons',
		name: 'buttons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, maxAllowedFields: LIMITS.buttons },
		default: {},
		placeholder: 'Add Button',
		description,
		options: [{ displayName: 'Button', name: 'button', values }],
	};
}

/** The buttons as entered (checked by the caller). */
const buttonsOf = (ctx: IExecuteFunctions, i: number) => ((ctx.getNodeParameter('buttons', i, {}) as IDataObject).button ?? []) as IDataObject[];

/** `POST button`, or `button/image|video|document|location` with a header (reference §4b.4). */
export const sendButtons: OperationDefinition = interactive({
	operation: 'sendButtons',
	name: 'Send Buttons',
	action: 'Send quick reply buttons',
	description: 'Send a text with up to 3 quick-reply buttons, optionally under an image, video, document or location',
	properties: [
		toField,
		...headerFields,
		{ ...titleField, displayOptions: { show: { header: ['none'] } } },
		bodyField,
		footerField,
		buttonsField('One to three buttons. A tap comes back to the trigger with the button’s ID and title.', [
			{ displayName: 'ID', name: 'id', type: 'string', default: '', description: 'What the trigger reports when this button is tapped' },
			{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Label on the button (up to 20 characters)' },
		]),
		optionsField,
	],
	run: async (ctx, i) => {
		const common = readCommon(ctx, i, true);
		const buttons = replyButtons(validator(ctx, i), buttonsOf(ctx, i));
		const choices = buttons.map((b, n) => ({ number: n + 1, id: b.id, title: b.title }));
		const path = common.header === 'none' ? 'button' : `button/${common.header}`;
		return await sendInteractive(ctx, i, common, choices, path, { ...textBody(common), buttons: replyButtonsBody(buttons) });
	},
});

/** `POST button/template`, or `button/<header>/template`: URL, call and quick-reply buttons. */
export const sendTemplateButtons: OperationDefinition = interactive({
	operation: 'sendTemplateButtons',
	name: 'Send Template Buttons',
	action: 'Send URL, call or quick reply buttons',
	description: `Send a text with up to 3 buttons that open a URL, call a number or reply, optionally under an image, video, document or location. Image and location headers are confirmed on WhatsLoop; the rest: ${UNVERIFIED}`,
	properties: [
		toField,
		...headerFields,
		titleField,
		bodyField,
		footerField,
		buttonsField('One to three buttons', [
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				options: [
					{ name: 'Call', value: 'call', description: 'Calls the phone number in Value' },
					{ name: 'Quick Reply', value: 'quickReply', description: 'Answers with the ID in Value, reported by the trigger' },
					{ name: 'URL', value: 'url', description: 'Opens the URL in Value' },
				],
				default: 'quickReply',
			},
			{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Label on the button (up to 25 characters)' },
			{ displayName: 'Value', name: 'value', type: 'string', default: '', description: 'The URL (https://…), the phone number with country code, or the reply ID' },
		]),
		optionsField,
	],
	run: async (ctx, i) => {
		const common = readCommon(ctx, i, true);
		const buttons = templateButtons(validator(ctx, i), buttonsOf(ctx, i));
		const choices = buttons.map((b, n) => ({ number: n + 1, id: b.value, title: b.title, ...(b.type === 'quickReply' ? {} : { detail: b.value }) }));
		const path = common.header === 'none' ? 'button/template' : `button/${common.header}/template`;
		// Template routes are documented with title/body (vendor client) and caption (WhatsLoop usage): send both.
		return await sendInteractive(ctx, i, common, choices, path, { ...textBody(common), caption: common.body, buttons: templateButtonsBody(buttons) });
	},
});

/** `POST list/message` {phone, buttonText, sections, title?, body?, footer?}. */
export const sendList: OperationDefinition = interactive({
	operation: 'sendList',
	name: 'Send List',
	action: 'Send a list message',
	description: `Send a menu of up to 10 sections of up to 10 rows each. ${UNVERIFIED}`,
	properties: [
		toField,
		titleField,
		bodyField,
		footerField,
		{ displayName: 'Button Text', name: 'buttonText', type: 'string', default: '', required: true, placeholder: 'Choose', description: 'Label of the button that opens the list (up to 20 characters)' },
		{
			displayName: 'Rows',
			name: 'rows',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Row',
			description: 'The choices. Rows with the same Section are grouped under that section title, in order of first appearance.',
			options: [
				{
					displayName: 'Row',
					name: 'row',
					values: [
						{ displayName: 'Section', name: 'section', type: 'string', default: '', description: 'Title of the section this row belongs to (up to 24 characters); may stay empty with only one section' },
						{ displayName: 'ID', name: 'id', type: 'string', default: '', description: 'What the trigger reports when this row is chosen' },
						{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Up to 24 characters' },
						{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'Optional second line (up to 72 characters)' },
					],
				},
			],
		},
		{ ...optionsField, options: [sendAsField] },
	],
	run: async (ctx, i) => {
		const check = validator(ctx, i);
		const common = readCommon(ctx, i, false);
		const buttonText = check.maxLength(check.required(ctx.getNodeParameter('buttonText', i), 'Button Text').trim(), LIMITS.listButton, 'Button Text') as string;
		const sections = listSections(check, ((ctx.getNodeParameter('rows', i, {}) as IDataObject).row ?? []) as IDataObject[]);
		let number = 0;
		const choices = sections.flatMap((s) =>
			(s.rows as IDataObject[]).map((r) => ({ number: ++number, id: String(r.id), title: String(r.title), ...(r.description ? { detail: String(r.description) } : {}) })),
		);
		return await sendInteractive(ctx, i, common, choices, 'list/message', { ...textBody(common), buttonText, sections });
	},
});
