// @ts-check
'use strict';
/**
 * Fake Sobot (sobot.in) WhatsApp Team Inbox API, written from /work/shared/providers/sobot.md §2–§3.
 * The node's credential base URL is the origin itself (no prefix). Paths are copied exactly,
 * trailing slashes included: `/api/customer`, `/api/customer/{mobile}`, `/message/`, `/api/template/`.
 *
 * The docs never say which HTTP status accompanies a `{code:400}` error body, so the
 * `errorHttpStatus` option picks it (400 by default; 200 reproduces "HTTP 200 with code:400").
 * Successful answers use the body's `code` as HTTP status (201 for creates/updates, 200 otherwise).
 */
const crypto = require('node:crypto');
const { URLSearchParams } = require('node:url');
const { HttpFake, clone, errorMessage } = require('./http-fake');

/** @typedef {import('./http-fake').FakeRequest} FakeRequest */
/** @typedef {import('./http-fake').FakeResponse} FakeResponse */

/**
 * @typedef {object} SobotCustomer
 * @property {number} id
 * @property {string} name
 * @property {string} first_name
 * @property {string} last_name
 * @property {string} mobile
 * @property {string | null} email
 * @property {string | null} gender
 * @property {string | null} date_of_birth
 * @property {string | null} facebook_profile
 * @property {string | null} linkedin_profile
 * @property {string | null} twitter_profile
 * @property {Record<string, any>} extra_fields
 * @property {string[]} labels
 */

/**
 * @typedef {object} SobotTemplate
 * @property {number} id
 * @property {any} phone_numbers null, an array of {phone_number,text}, or a single such object
 * @property {string} template
 * @property {string} entity_name
 * @property {string} category
 * @property {string | null} template_id
 * @property {string | null} header
 * @property {string | null} header_type
 * @property {'TEXT' | 'MEDIA'} template_type
 * @property {string | null} sub_type
 * @property {string[] | null} buttons
 * @property {string | null} footer
 * @property {string | null} url
 * @property {string | null} example
 * @property {string | null} example_website
 * @property {string | null} url_name
 * @property {string} created_at
 * @property {string | null} updated_at
 * @property {0 | 1 | 2} status
 * @property {string | null} rejected_reason
 * @property {number} added_by
 * @property {string} lang_code
 */

/**
 * @typedef {object} SobotSent
 * @property {string} id the wamid returned to the client
 * @property {'template' | 'freeform'} kind
 * @property {any} body the accepted request body
 */

/**
 * @typedef {object} SobotFakeOptions
 * @property {string} [apiKey]
 * @property {string} [apiSecret]
 * @property {number} [errorHttpStatus] HTTP status for `{code:400}` error bodies (default 400)
 * @property {SobotCustomer[]} [customers] replaces the 45 seed customers
 * @property {SobotTemplate[]} [templates] replaces the 25 seed templates
 * @property {string} [webhookUrl] where deliver() posts by default
 * @property {string} [name]
 * @property {boolean} [log]
 */

const DEFAULTS = Object.freeze({ apiKey: 'test-key', apiSecret: 'test-secret', errorHttpStatus: 400, pageSize: 20 });
const PAGE_SIZE = DEFAULTS.pageSize;

// ---- seed data ------------------------------------------------------------------------------

const FIRST_NAMES = ['Aarav', 'Vivaan', 'Aditya', 'Vihaan', 'Arjun', 'Sai', 'Reyansh', 'Ayaan', 'Krishna', 'Ishaan', 'Ananya', 'Diya', 'Aadhya', 'Saanvi', 'Pari'];
const LAST_NAMES = ['Sharma', 'Patel', 'Deshmukh'];

/** 45 customers, ids 3400001–3400045, mobiles 919960100001–919960100045. */
function seedCustomers() {
	/** @type {SobotCustomer[]} */
	const customers = [];
	for (let i = 0; i < 45; i++) {
		const first = FIRST_NAMES[i % FIRST_NAMES.length];
		const last = LAST_NAMES[Math.floor(i / FIRST_NAMES.length)];
		customers.push({
			id: 3400001 + i,
			name: `${first} ${last}`,
			first_name: first,
			last_name: last,
			mobile: `9199601${String(i + 1).padStart(5, '0')}`,
			email: `${first.toLowerCase()}.${last.toLowerCase()}@example.com`,
			gender: i % 2 ? 'Female' : 'Male',
			date_of_birth: null,
			facebook_profile: null,
			linkedin_profile: null,
			twitter_profile: null,
			extra_fields: i % 5 === 0 ? { customer_tier: 'gold' } : {},
			labels: i % 3 === 0 ? ['vip'] : [],
		});
	}
	return customers;
}

const HELLO_WORLD_BODY =
	'Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification from the Cloud API, hosted by Meta. Thank you for taking the time to test with us.';

/**
 * Compact seed rows; expanded to full §3.6 objects by seedTemplates().
 * [entity_name, category, template_type, header_type, header, body, lang_code, status, extra]
 * @type {Array<[string, string, 'TEXT' | 'MEDIA', string | null, string | null, string, string, 0 | 1 | 2, Partial<SobotTemplate>?]>}
 */
const TEMPLATE_ROWS = [
	['hello_world', 'UTILITY', 'TEXT', null, null, HELLO_WORLD_BODY, 'en', 1],
	['march_ending', 'UTILITY', 'TEXT', null, null, 'Dear customer,\n\nYou have not filed one or more GSTR 3B returns. Kindly file your returns immediately to avoid late fee and Interest. Ignore if filed. GSTN', 'en', 0],
	['order_confirmation', 'UTILITY', 'TEXT', null, null, 'Hi {{1}}, your order {{2}} has been confirmed and will be delivered by {{3}}.', 'en_US', 1, { footer: 'Thank you for shopping with us' }],
	['payment_reminder', 'UTILITY', 'TEXT', 'TEXT', 'Payment reminder', 'Dear {{1}}, your payment of {{2}} is due on {{3}}. Please pay on time to avoid late fees.', 'en', 1],
	['otp_verification', 'AUTHENTICATION', 'TEXT', null, null, '{{1}} is your verification code. For your security, do not share this code.', 'en', 1],
	['feedback_buttons', 'MARKETING', 'TEXT', null, null, 'Hi {{1}}, did you enjoy your visit to {{2}}?', 'en', 1, { buttons: ['Yes', 'No', 'May be'] }],
	['appointment_cta', 'UTILITY', 'TEXT', null, null, 'Hi {{1}}, your appointment is scheduled for {{2}}.', 'en', 1, {
		sub_type: 'CTA',
		phone_numbers: [{ phone_number: '919561000001', text: 'Call Now' }],
		url: 'https://example.com/appointments/{{1}}',
		example_website: 'https://example.com/appointments/A1001',
		url_name: 'View appointment',
	}],
	['summer_sale_cta', 'MARKETING', 'TEXT', null, null, 'Our summer sale is live! Up to 50% off on everything.', 'en', 1, {
		sub_type: 'CTA',
		// The list docs describe phone_numbers as an object (create sends an array): keep one of each.
		phone_numbers: { phone_number: '919561000002', text: 'Call us' },
		url: 'https://example.com/sale',
		url_name: 'Shop now',
	}],
	['shipping_update_image', 'UTILITY', 'MEDIA', 'IMAGE', null, 'Hi {{1}}, your package {{2}} is on its way.', 'en', 1, { example: 'https://example.com/images/shipping.jpg' }],
	['product_launch_video', 'MARKETING', 'MEDIA', 'VIDEO', null, "Meet the new {{1}}! Watch the video to see what's new.", 'en_GB', 1, { example: 'https://example.com/videos/launch.mp4' }],
	['invoice_document', 'UTILITY', 'MEDIA', 'DOCUMENT', null, 'Hello {{1}}, please find your invoice {{2}} attached.', 'en', 1, { example: 'https://example.com/docs/invoice.pdf', footer: 'Accounts team' }],
	// The docs spell the document header type "DOUCMENT" in one place; one seed keeps that spelling.
	['brochure_document', 'MARKETING', 'MEDIA', 'DOUCMENT', null, 'Download our latest product brochure.', 'en', 1, { example: 'https://example.com/docs/brochure.pdf' }],
	['welcome_hindi', 'MARKETING', 'TEXT', null, null, 'नमस्ते {{1}}, सोबोट में आपका स्वागत है!', 'hi', 1],
	['welcome_marathi', 'MARKETING', 'TEXT', null, null, 'नमस्कार {{1}}, आपले स्वागत आहे!', 'mr', 0],
	['delivery_feedback', 'UTILITY', 'TEXT', 'TEXT', 'Order {{1}} delivered', 'Hi {{1}}, how was your delivery? Reply with a rating from 1 to 5.', 'en', 1],
	['diwali_offer', 'MARKETING', 'MEDIA', 'IMAGE', null, 'Happy Diwali {{1}}! Enjoy {{2}} off with code {{3}}.', 'en', 2, { example: 'https://example.com/images/diwali.jpg', rejected_reason: 'Template content violates WhatsApp Commerce Policy' }],
	['flash_sale_alert', 'MARKETING', 'TEXT', null, null, 'CLICK NOW!!! Limited offer for {{1}}', 'en', 2, { rejected_reason: 'INVALID_FORMAT' }],
	['account_update', 'UTILITY', 'TEXT', null, null, 'Hi {{1}}, your account details were updated on {{2}}.', 'en_US', 0],
	['event_invite_video', 'MARKETING', 'MEDIA', 'VIDEO', null, "You're invited to {{1}} on {{2}}!", 'en', 0, { example: 'https://example.com/videos/event.mp4' }],
	['renewal_reminder', 'UTILITY', 'TEXT', null, null, 'Dear {{1}}, your subscription expires on {{2}}.', 'en', 1, { buttons: ['Renew now', 'Remind me later'], footer: 'Reply STOP to opt out' }],
	['login_alert', 'AUTHENTICATION', 'TEXT', null, null, "New login to your account from {{1}} at {{2}}. If this wasn't you, contact support.", 'en', 2, { rejected_reason: 'Authentication templates must use the one-time password format' }],
	['cart_reminder', 'MARKETING', 'TEXT', null, null, 'Hi {{1}}, you left items in your cart.', 'en', 1, {
		sub_type: 'CTA',
		url: 'https://example.com/cart/{{1}}',
		example_website: 'https://example.com/cart/abc123',
		url_name: 'View cart',
	}],
	['holiday_hours', 'MARKETING', 'TEXT', 'TEXT', 'Holiday hours', 'We are closed on {{1}}. Regular hours resume on {{2}}.', 'en_GB', 0],
	['ticket_update', 'UTILITY', 'TEXT', null, null, 'Your ticket {{1}} is now {{2}}.', 'en', 1],
	['survey_marathi', 'UTILITY', 'TEXT', null, null, 'कृपया आमचे सर्वेक्षण भरा: {{1}}', 'mr', 2, { rejected_reason: 'Incorrect language' }],
];

/** Fake Meta template ids are derived from the Sobot id (601 → '759559305816201'). */
const TEMPLATE_META_ID_BASE = 759559305815600;

/** 25 templates, ids 601–625 in TEMPLATE_ROWS order. */
function seedTemplates() {
	return TEMPLATE_ROWS.map(([entity_name, category, template_type, header_type, header, body, lang_code, status, extra], i) => {
		const day = String(1 + i).padStart(2, '0');
		/** @type {SobotTemplate} */
		const template = {
			id: 601 + i,
			phone_numbers: null,
			template: body,
			entity_name,
			category,
			template_id: String(TEMPLATE_META_ID_BASE + 601 + i),
			header,
			header_type,
			template_type,
			sub_type: null,
			buttons: null,
			footer: null,
			url: null,
			example: null,
			example_website: null,
			url_name: null,
			created_at: `2023-03-${day}T13:26:20.034623+05:30`,
			updated_at: status === 0 ? null : `2023-04-${day}T10:00:00.000000+05:30`,
			status,
			rejected_reason: null,
			added_by: 156,
			lang_code,
			...(extra ?? {}),
		};
		return template;
	});
}

// ---- validation helpers ---------------------------------------------------------------------

/** @param {any} v */
const isNonEmptyString = (v) => typeof v === 'string' && v.trim() !== '';
/** @param {any} v */
const isHttpUrl = (v) => typeof v === 'string' && /^https?:\/\/\S+$/i.test(v);
/** @param {any} v */
const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/**
 * Optional string no longer than `max`.
 * @param {any} v
 * @param {number} max
 */
const optionalMax = (v, max) => v === undefined || v === null || (typeof v === 'string' && v.length <= max);

/**
 * Distinct `{{n}}` placeholders of a text.
 * @param {string | null | undefined} text
 * @returns {number[]}
 */
function placeholders(text) {
	const found = new Set();
	for (const m of String(text ?? '').matchAll(/\{\{\s*(\d+)\s*\}\}/g)) found.add(Number(m[1]));
	return [...found].sort((a, b) => a - b);
}

/** @param {any} v */
function isCoordinate(v) {
	return (typeof v === 'number' || (typeof v === 'string' && v.trim() !== '')) && Number.isFinite(Number(v));
}

/** Meta-like id: the docs' sample decodes to 1c180c + number + 150200111812 + 18 hex chars + 00. */
/** @param {string} number */
function makeWamid(number) {
	const bytes = Buffer.concat([
		Buffer.from([0x1c, 0x18, 0x0c]),
		Buffer.from(number, 'ascii'),
		Buffer.from([0x15, 0x02, 0x00, 0x11, 0x18, 0x12]),
		Buffer.from(crypto.randomBytes(9).toString('hex').toUpperCase(), 'ascii'),
		Buffer.from([0x00]),
	]);
	return `wamid.${bytes.toString('base64')}`;
}

const DOCUMENT_MIME = new Set([
	'text/plain',
	'application/pdf',
	'application/vnd.ms-powerpoint',
	'application/msword',
	'application/vnd.ms-excel',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
]);

/**
 * Validate a free-form `/message/` body (type already lower-cased); returns an error message or null.
 * @param {string} type
 * @param {any} b
 * @returns {string | null}
 */
function validateFreeForm(type, b) {
	/** @param {Set<string> | string[]} allowed */
	const media = (allowed, captionAllowed = true) => {
		if (!isHttpUrl(b.url)) return 'url is required and must be a public URL';
		const set = allowed instanceof Set ? allowed : new Set(allowed);
		if (!set.has(b.mime_type)) return `mime_type must be one of: ${[...set].join(', ')}`;
		if (captionAllowed && !optionalMax(b.caption, 1024)) return 'caption must be at most 1024 characters';
		return null;
	};
	switch (type) {
		case 'text':
			if (!isNonEmptyString(b.message)) return 'message is required';
			if (b.message.length > 4096) return 'message must be at most 4096 characters';
			return null;
		case 'image':
			return media(['image/jpeg', 'image/png']);
		case 'sticker':
			return media(['image/webp'], false);
		case 'video':
			return media(['video/mp4', 'video/3gp']);
		case 'document':
			if (!isNonEmptyString(b.filename)) return 'filename is required';
			return media(DOCUMENT_MIME);
		case 'location':
			if (!isCoordinate(b.latitude) || Math.abs(Number(b.latitude)) > 90) return 'latitude is required';
			if (!isCoordinate(b.longitude) || Math.abs(Number(b.longitude)) > 180) return 'longitude is required';
			for (const key of ['name', 'location_name', 'address', 'Address']) {
				if (b[key] !== undefined && typeof b[key] !== 'string') return `${key} must be a string`;
			}
			return null;
		case 'quick_reply': {
			const common = interactiveCommon(b);
			if (common) return common;
			if (!Array.isArray(b.buttons) || b.buttons.length < 1 || b.buttons.length > 3) return 'buttons must be an array of 1 to 3 titles';
			if (!b.buttons.every((/** @type {any} */ t) => isNonEmptyString(t) && t.length <= 20)) return 'Each button must be a string of at most 20 characters';
			if (new Set(b.buttons).size !== b.buttons.length) return 'Button titles must be unique';
			return null;
		}
		case 'list': {
			const common = interactiveCommon(b);
			if (common) return common;
			const list = b.list_obj;
			if (!isPlainObject(list)) return 'list_obj is required';
			if (!isNonEmptyString(list.button) || list.button.length > 20) return 'list_obj.button is required (at most 20 characters)';
			if (!Array.isArray(list.sections) || list.sections.length < 1 || list.sections.length > 10) return 'list_obj.sections must have 1 to 10 sections';
			let rows = 0;
			const ids = new Set();
			for (const section of list.sections) {
				if (!isPlainObject(section)) return 'Each section must be an object';
				if (!optionalMax(section.title, 24)) return 'Section title must be at most 24 characters';
				if (!Array.isArray(section.rows) || section.rows.length < 1) return 'Each section needs at least one row';
				for (const row of section.rows) {
					rows += 1;
					if (!isPlainObject(row)) return 'Each row must be an object';
					if (!isNonEmptyString(row.id) || row.id.length > 200) return 'Row id is required (at most 200 characters)';
					if (!isNonEmptyString(row.title) || row.title.length > 24) return 'Row title is required (at most 24 characters)';
					if (!optionalMax(row.description, 72)) return 'Row description must be at most 72 characters';
					if (ids.has(row.id)) return 'Row ids must be unique';
					ids.add(row.id);
				}
			}
			if (rows > 10) return 'A list can have at most 10 rows in total';
			return null;
		}
		case 'product': {
			const common = interactiveCommon(b);
			if (common) return common;
			const list = b.product_list;
			if (!isPlainObject(list)) return 'product_list is required';
			if (list.product_retailer_id !== undefined) {
				return isNonEmptyString(list.product_retailer_id) ? null : 'product_list.product_retailer_id must be a string';
			}
			if (!Array.isArray(list.sections) || list.sections.length < 1 || list.sections.length > 10) return 'product_list.sections must have 1 to 10 sections';
			let items = 0;
			for (const section of list.sections) {
				if (!isPlainObject(section)) return 'Each section must be an object';
				if (!optionalMax(section.title, 24)) return 'Section title must be at most 24 characters';
				if (!Array.isArray(section.product_items) || section.product_items.length < 1) return 'Each section needs product_items';
				for (const item of section.product_items) {
					items += 1;
					if (!isPlainObject(item) || !isNonEmptyString(item.product_retailer_id)) return 'Each product item needs product_retailer_id';
				}
			}
			if (items > 30) return 'At most 30 products in total';
			return null;
		}
		default:
			return `Invalid message type: ${type}`;
	}
}

/**
 * Body/header/footer rules shared by quick_reply, list and product messages.
 * @param {any} b
 */
function interactiveCommon(b) {
	if (!isNonEmptyString(b.message)) return 'message is required';
	if (b.message.length > 1024) return 'message must be at most 1024 characters';
	if (!optionalMax(b.header, 60)) return 'header must be at most 60 characters';
	if (!optionalMax(b.caption, 60)) return 'caption must be at most 60 characters';
	return null;
}

/**
 * Validate a template send against the stored template; returns an error message or null.
 * @param {SobotTemplate} template
 * @param {any} params
 * @returns {string | null}
 */
function validateTemplateParams(template, params) {
	if (params !== undefined && params !== null && !Array.isArray(params)) return 'params must be an array';
	/** @type {any[]} */
	const components = params ?? [];
	/** @type {Record<string, any>} */
	const byType = {};
	for (const component of components) {
		if (!isPlainObject(component) || !['body', 'header', 'button'].includes(component.type)) {
			return 'Each params item must be a body, header or button component';
		}
		if (byType[component.type]) return `Duplicate ${component.type} component`;
		if (!Array.isArray(component.parameters)) return `${component.type} component needs a parameters array`;
		byType[component.type] = component;
	}
	/** @param {any[]} list */
	const allText = (list) => list.every((p) => isPlainObject(p) && p.type === 'text' && typeof p.text === 'string');

	// Body variables: the count must match exactly.
	const bodyVars = placeholders(template.template).length;
	const bodyParams = byType.body?.parameters ?? [];
	if (bodyParams.length !== bodyVars) {
		return `Parameter count mismatch: template ${template.entity_name} expects ${bodyVars} body parameter(s), got ${bodyParams.length}`;
	}
	if (!allText(bodyParams)) return 'Body parameters must be {"type":"text","text":"..."}';

	// Header: a media header needs its media link; a text header with {{1}} needs one text parameter.
	const headerType = template.header_type === 'DOUCMENT' ? 'DOCUMENT' : template.header_type;
	const header = byType.header;
	if (headerType === 'IMAGE' || headerType === 'VIDEO' || headerType === 'DOCUMENT') {
		const kind = headerType.toLowerCase();
		const p = header?.parameters?.[0];
		if (!header || header.parameters.length !== 1 || p?.type !== kind || !isHttpUrl(p?.[kind]?.link)) {
			return `Template ${template.entity_name} needs a ${kind} header parameter with a link`;
		}
	} else if (headerType === 'TEXT' && placeholders(template.header).length > 0) {
		if (!header || header.parameters.length !== 1 || !allText(header.parameters)) {
			return `Template ${template.entity_name} needs one text header parameter`;
		}
	} else if (header) {
		return `Template ${template.entity_name} has no header variable`;
	}

	// Dynamic CTA URL: exactly one url-button parameter.
	const dynamicUrl = template.sub_type === 'CTA' && typeof template.url === 'string' && /\{\{1\}\}$/.test(template.url);
	const button = byType.button;
	if (dynamicUrl) {
		if (!button) return `Template ${template.entity_name} needs a url button parameter`;
		if (button.sub_type !== 'url') return 'button component sub_type must be "url"';
		if (button.index !== 0 && button.index !== 1 && button.index !== '0' && button.index !== '1') return 'button index must be 0 or 1';
		if (button.parameters.length !== 1 || !allText(button.parameters)) return 'url button needs exactly one text parameter';
	} else if (button) {
		return `Template ${template.entity_name} has no dynamic URL button`;
	}
	return null;
}

// ---- the fake -------------------------------------------------------------------------------

/** Bytes served by the stand-in media bucket: a JPEG signature and some padding. */
const CDN_FILE = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60, 7)]);

class SobotFake extends HttpFake {
	/** @param {SobotFakeOptions} [options] */
	constructor(options = {}) {
		super({ name: options.name ?? 'sobot', log: options.log });
		this.apiKey = options.apiKey ?? DEFAULTS.apiKey;
		this.apiSecret = options.apiSecret ?? DEFAULTS.apiSecret;
		this.errorHttpStatus = options.errorHttpStatus ?? DEFAULTS.errorHttpStatus;
		/** Where deliver() posts when no url is given (Sobot has no registration API). */
		this.webhookUrl = options.webhookUrl ?? '';
		this._seed = {
			customers: clone(options.customers ?? seedCustomers()),
			templates: clone(options.templates ?? seedTemplates()),
		};
		/** @type {SobotCustomer[]} */
		this.customers = [];
		/** @type {SobotTemplate[]} */
		this.templates = [];
		/** @type {SobotSent[]} */
		this.sent = [];
		this._resetState();

		// Sobot's media sit in a public bucket: `/cdn/...` stands in for it and needs no keys.
		this.authenticate((req) =>
			req.path.startsWith('/cdn/') || (req.headers['x-api-key'] === this.apiKey && req.headers['x-api-secret'] === this.apiSecret)
				? null
				: { status: 401, body: { message: 'Invalid API credentials', code: 401 } },
		);
		this._registerRoutes();
		this.route('GET', '/cdn/:file', () => ({ raw: CDN_FILE, contentType: 'image/jpeg' }));
		this.controlRoute('POST', '/__fake/deliver', async (req) => {
			const { body, url } = req.body ?? {};
			try {
				return { body: await this.deliver(body, { url }) };
			} catch (error) {
				return { status: 409, body: { message: errorMessage(error), code: 409 } };
			}
		});
	}

	reset() {
		super.reset();
		this._resetState();
	}

	_resetState() {
		this.customers = clone(this._seed.customers);
		this.templates = clone(this._seed.templates);
		this.sent = [];
	}

	/** @returns {{ customers: SobotCustomer[], templates: SobotTemplate[], sent: SobotSent[] }} */
	state() {
		return clone({ customers: this.customers, templates: this.templates, sent: this.sent });
	}

	/** Base URL the n8n credential should use. */
	get baseUrl() {
		return this.origin;
	}

	/**
	 * POST a webhook payload (array of changes, or a flat status object) to the webhook URL.
	 * @param {any} body
	 * @param {{ url?: string }} [options]
	 * @returns {Promise<{ status: number, body: any }>}
	 */
	async deliver(body, { url } = {}) {
		const target = url || this.webhookUrl;
		if (!target) throw new Error('No webhook URL: pass url or set webhookUrl');
		return this.deliverTo(target, body);
	}

	/**
	 * Documented status payload (§4.4).
	 * @param {string} id wamid
	 * @param {string} status sent | delivered | read | failed
	 */
	static statusPayload(id, status, timestamp = Math.floor(Date.now() / 1000)) {
		return { id, status, timestamp: String(timestamp) };
	}

	/**
	 * Documented inbound text payload (§4.3).
	 * @param {{ from: string, name?: string, text: string, business?: string, id?: string, timestamp?: number }} m
	 */
	static inboundTextPayload({ from, name = 'John Deo', text, business = '918788123456', id, timestamp = Math.floor(Date.now() / 1000) }) {
		return [
			{
				value: {
					messaging_product: 'whatsapp',
					metadata: { display_phone_number: business },
					contacts: [{ profile: { name }, wa_id: from }],
					messages: [{ from, id: id ?? makeWamid(from), timestamp: String(timestamp), type: 'text', text: { body: text } }],
				},
				field: 'messages',
			},
		];
	}

	// ---- responses ---------------------------------------------------------------------------

	/**
	 * @param {string} message
	 * @returns {FakeResponse}
	 */
	error(message) {
		return { status: this.errorHttpStatus, body: { message, code: 400 } };
	}

	/**
	 * @param {FakeRequest} req
	 * @returns {FakeResponse}
	 */
	notFound(req) {
		return { status: 404, body: { message: `Not found: ${req.method} ${req.path}`, code: 404 } };
	}

	/**
	 * @param {FakeRequest} _req
	 * @returns {FakeResponse}
	 */
	invalidJson(_req) {
		return { status: 400, body: { message: 'Invalid JSON body', code: 400 } };
	}

	/**
	 * Page `items` the way the docs show (`?page=N`, 20 per page, absolute next/previous links).
	 * @param {FakeRequest} req
	 * @param {string} path
	 * @param {any[]} items
	 * @param {Record<string, string>} [keep] query parameters to carry into next/previous links
	 * @returns {FakeResponse}
	 */
	_page(req, path, items, keep = {}) {
		const lastPage = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
		const page = req.query.page === undefined ? 1 : Number(req.query.page);
		if (!Number.isInteger(page) || page < 1 || page > lastPage) {
			return { status: 404, body: { message: 'Invalid page.', code: 404 } };
		}
		/** @param {number} n */
		const link = (n) => `${this.origin}${path}?${new URLSearchParams({ ...keep, page: String(n) })}`;
		return {
			body: {
				count: items.length,
				size: PAGE_SIZE,
				next: page < lastPage ? link(page + 1) : null,
				previous: page > 1 ? link(page - 1) : null,
				code: 200,
				data: items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
			},
		};
	}

	/**
	 * Validate the optional customer fields shared by create and update.
	 * @param {any} b
	 * @returns {string | null}
	 */
	_customerFieldsError(b) {
		if (!isNonEmptyString(b.name)) return 'name is required';
		if (b.name.length > 100) return 'name must be at most 100 characters';
		if (b.email !== undefined && b.email !== null && !(typeof b.email === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(b.email))) {
			return 'Enter a valid email address.';
		}
		if (b.gender !== undefined && b.gender !== null && b.gender !== 'Male' && b.gender !== 'Female') return 'gender must be Male or Female';
		if (b.date_of_birth !== undefined && b.date_of_birth !== null) {
			const m = typeof b.date_of_birth === 'string' ? /^(\d{2})-(\d{2})-(\d{4})$/.exec(b.date_of_birth) : null;
			const date = m ? new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]))) : null;
			if (!m || !date || date.getUTCDate() !== Number(m[1]) || date.getUTCMonth() !== Number(m[2]) - 1) {
				return 'date_of_birth must be in DD-MM-YYYY format';
			}
		}
		for (const key of ['facebook_profile', 'linkedin_profile', 'twitter_profile']) {
			if (b[key] !== undefined && b[key] !== null && typeof b[key] !== 'string') return `${key} must be a string`;
		}
		if (b.extra_fields !== undefined && b.extra_fields !== null) {
			if (!isPlainObject(b.extra_fields)) return 'extra_fields must be a JSON object';
			for (const [key, value] of Object.entries(b.extra_fields)) {
				if (/\s/.test(key)) return `extra_fields key "${key}" must not contain spaces`;
				if (value !== null && typeof value === 'object') return 'extra_fields must be a flat JSON object';
			}
		}
		if (b.labels !== undefined && b.labels !== null) {
			if (!Array.isArray(b.labels) || !b.labels.every(isNonEmptyString)) return 'labels must be an array of strings';
		}
		return null;
	}

	/**
	 * @param {SobotCustomer} customer
	 * @param {any} b
	 */
	_applyCustomerFields(customer, b) {
		const name = b.name.trim();
		const space = name.indexOf(' ');
		customer.name = name;
		customer.first_name = space === -1 ? name : name.slice(0, space);
		customer.last_name = space === -1 ? '' : name.slice(space + 1);
		for (const key of /** @type {const} */ (['email', 'gender', 'date_of_birth', 'facebook_profile', 'linkedin_profile', 'twitter_profile'])) {
			if (b[key] !== undefined) customer[key] = b[key];
		}
		if (isPlainObject(b.extra_fields)) customer.extra_fields = { ...customer.extra_fields, ...b.extra_fields };
		// Documented: labels replace the existing ones rather than merging.
		if (Array.isArray(b.labels)) customer.labels = [...b.labels];
	}

	_registerRoutes() {
		/**
		 * @param {string} method
		 * @param {string} path
		 * @param {(req: FakeRequest, body: any) => FakeResponse} handler
		 */
		const route = (method, path, handler) =>
			this.route(method, path, (req) => {
				const body = req.body ?? {};
				if (method !== 'GET' && !isPlainObject(body)) return this.error('Request body must be a JSON object');
				return handler(req, body);
			});

		// S1 add customer
		route('POST', '/api/customer', (_req, b) => {
			if (b.mobile === undefined || b.mobile === null || b.mobile === '') return this.error('mobile is required');
			if (typeof b.mobile !== 'string' || !/^\d{1,15}$/.test(b.mobile)) return this.error('Invalid mobile number');
			const fieldsError = this._customerFieldsError(b);
			if (fieldsError) return this.error(fieldsError);
			if (this.customers.some((c) => c.mobile === b.mobile)) return this.error('Customer already exists');
			/** @type {SobotCustomer} */
			const customer = {
				id: Math.max(3400000, ...this.customers.map((c) => c.id)) + 1,
				name: '',
				first_name: '',
				last_name: '',
				mobile: b.mobile,
				email: null,
				gender: null,
				date_of_birth: null,
				facebook_profile: null,
				linkedin_profile: null,
				twitter_profile: null,
				extra_fields: {},
				labels: [],
			};
			this._applyCustomerFields(customer, b);
			this.customers.push(customer);
			return { status: 201, body: { message: 'Customer added successfully', code: 201 } };
		});

		// S2 update customer (canonical form: mobile in the path)
		route('PUT', '/api/customer/:mobile', (req, b) => {
			const mobile = req.params.mobile;
			if (!/^\d{1,15}$/.test(mobile)) return this.error('Invalid mobile number');
			const customer = this.customers.find((c) => c.mobile === mobile);
			if (!customer) return this.error('Customer not found');
			const fieldsError = this._customerFieldsError(b);
			if (fieldsError) return this.error(fieldsError);
			this._applyCustomerFields(customer, b);
			return { status: 201, body: { message: 'Customer updated successfully', code: 201 } };
		});

		// S3 list customers: newest first, only the documented fields.
		route('GET', '/api/customer', (req) => {
			const items = [...this.customers]
				.sort((a, b) => b.id - a.id)
				.map(({ id, name, first_name, last_name, mobile }) => ({ id, name, first_name, last_name, mobile }));
			return this._page(req, '/api/customer', items);
		});

		// S4 send message
		route('POST', '/message/', (_req, b) => {
			if (b.customer_number === undefined || b.customer_number === null || b.customer_number === '') {
				return this.error('customer_number is required');
			}
			if (typeof b.customer_number !== 'string' || !/^\d{1,15}$/.test(b.customer_number)) return this.error('Invalid customer_number');
			if (!isNonEmptyString(b.customer_name)) return this.error('customer_name is required');

			/** @type {'template' | 'freeform'} */
			let kind;
			if (b.template_name !== undefined) {
				// Template sends carry no `type`; the server recognises them by template_name.
				kind = 'template';
				if (!isNonEmptyString(b.template_name)) return this.error('template_name is required');
				if (!isNonEmptyString(b.template_lang)) return this.error('template_lang is required');
				const named = this.templates.filter((t) => t.entity_name === b.template_name);
				if (named.length === 0) return this.error(`Template ${b.template_name} not found`);
				const template = named.find((t) => t.lang_code === b.template_lang);
				if (!template) return this.error(`Template ${b.template_name} does not exist in language ${b.template_lang}`);
				if (template.status !== 1) return this.error(`Template ${b.template_name} is not approved`);
				const paramsError = validateTemplateParams(template, b.params);
				if (paramsError) return this.error(paramsError);
			} else {
				kind = 'freeform';
				if (!isNonEmptyString(b.type)) return this.error('type is required');
				const error = validateFreeForm(b.type.toLowerCase(), b);
				if (error) return this.error(error);
			}
			const id = makeWamid(b.customer_number);
			this.sent.push({ id, kind, body: clone(b) });
			return { body: { data: { id, status: 'submitted' }, message: 'Message sent successfully.', code: 200 } };
		});

		// S5 create template
		route('POST', '/api/template/', (_req, b) => {
			const error = this._templateCreateError(b);
			if (error) return this.error(error);
			const entityName = b.entity_name.trim().replace(/\s+/g, '_');
			if (this.templates.some((t) => t.entity_name === entityName)) return this.error('Template with this entity_name already exists');
			const isCta = b.sub_type === 'CTA';
			const id = Math.max(600, ...this.templates.map((t) => t.id)) + 1;
			/** @type {SobotTemplate} */
			const template = {
				id,
				phone_numbers: isCta && b.phone_numbers !== undefined ? clone(b.phone_numbers) : null,
				template: b.body,
				entity_name: entityName,
				category: b.category.toUpperCase(),
				template_id: String(TEMPLATE_META_ID_BASE + id),
				header: b.header ?? null,
				header_type: b.header_type ? (b.header_type === 'DOUCMENT' ? 'DOCUMENT' : b.header_type) : null,
				template_type: b.template_type,
				sub_type: isCta ? 'CTA' : null,
				buttons: Array.isArray(b.buttons) ? [...b.buttons] : null,
				footer: b.footer ?? null,
				url: isCta ? b.url ?? null : null,
				example: b.example ?? null,
				example_website: isCta ? b.example_website ?? b.example_webiste ?? null : null,
				url_name: isCta ? b.url_name ?? null : null,
				created_at: isoWithIndiaOffset(new Date()),
				updated_at: null,
				status: 0,
				rejected_reason: null,
				added_by: 156,
				lang_code: b.lang_code ?? 'en_US',
			};
			this.templates.push(template);
			return { status: 201, body: { message: 'Template created successfully', code: 201 } };
		});

		// S6 list templates: newest first, optional ?status=0|1|2 carried into next/previous.
		route('GET', '/api/template/', (req) => {
			/** @type {Record<string, string>} */
			const keep = {};
			let items = [...this.templates].sort((a, b) => b.id - a.id);
			const status = req.query.status;
			if (status !== undefined && status !== '') {
				if (!['0', '1', '2'].includes(status)) return this.error('Invalid status: use 0, 1 or 2');
				items = items.filter((t) => t.status === Number(status));
				keep.status = status;
			}
			return this._page(req, '/api/template/', items, keep);
		});
	}

	/**
	 * @param {any} b
	 * @returns {string | null}
	 */
	_templateCreateError(b) {
		if (!isNonEmptyString(b.category) || !['MARKETING', 'UTILITY', 'AUTHENTICATION'].includes(b.category.toUpperCase())) {
			return 'category must be MARKETING, UTILITY or AUTHENTICATION';
		}
		if (!isNonEmptyString(b.entity_name)) return 'entity_name is required';
		if (b.entity_name.length > 128) return 'entity_name must be at most 128 characters';
		if (b.template_type !== 'TEXT' && b.template_type !== 'MEDIA') return 'template_type must be TEXT or MEDIA';
		if (!isNonEmptyString(b.body)) return 'body is required';
		if (b.body.length > 1024) return 'body must be at most 1024 characters';
		if (b.lang_code !== undefined && !isNonEmptyString(b.lang_code)) return 'lang_code must be a string';
		if (!optionalMax(b.footer, 60)) return 'footer must be at most 60 characters';

		// Body variables must be {{1}}..{{n}} with one sample each.
		const vars = placeholders(b.body);
		if (vars.some((n, i) => n !== i + 1)) return 'Body variables must be numbered {{1}}, {{2}}, ... in sequence';
		if (vars.length > 0) {
			const samples = b.example_body_param?.body_text;
			if (!Array.isArray(samples) || !Array.isArray(samples[0])) return 'example_body_param is required when the body has variables';
			if (samples[0].length !== vars.length) return `example_body_param must have ${vars.length} sample value(s)`;
		}

		if (b.template_type === 'TEXT') {
			if (b.header_type !== undefined && b.header_type !== null && b.header_type !== 'TEXT') return 'header_type must be TEXT for TEXT templates';
			if (b.header_type === 'TEXT') {
				if (!isNonEmptyString(b.header)) return 'header is required when header_type is TEXT';
				if (b.header.length > 60) return 'header must be at most 60 characters';
				const headerVars = placeholders(b.header);
				if (headerVars.length > 1 || (headerVars.length === 1 && headerVars[0] !== 1)) return 'header can have only one variable {{1}}';
				if (headerVars.length === 1 && (b.example_header_param === undefined || b.example_header_param === null)) {
					return 'example_header_param is required when the header has a variable';
				}
			}
		} else {
			if (!['IMAGE', 'VIDEO', 'DOCUMENT', 'DOUCMENT'].includes(b.header_type)) return 'header_type must be IMAGE, VIDEO or DOCUMENT for MEDIA templates';
			if (!isHttpUrl(b.example)) return 'example (public URL of a sample header media) is required';
		}

		if (b.buttons !== undefined && b.buttons !== null) {
			if (b.sub_type === 'CTA') return 'Quick-reply buttons cannot be combined with CTA';
			if (!Array.isArray(b.buttons) || b.buttons.length < 1 || b.buttons.length > 3) return 'buttons must be an array of 1 to 3 titles';
			if (!b.buttons.every((/** @type {any} */ t) => isNonEmptyString(t) && t.length <= 20)) return 'Each button must be a string of at most 20 characters';
			if (new Set(b.buttons).size !== b.buttons.length) return 'Button titles must be unique';
		}

		if (b.sub_type !== undefined && b.sub_type !== null) {
			if (b.sub_type !== 'CTA') return 'sub_type must be CTA';
			const phones = b.phone_numbers === undefined || b.phone_numbers === null ? [] : Array.isArray(b.phone_numbers) ? b.phone_numbers : [b.phone_numbers];
			if (phones.length > 1) return 'Only one phone number CTA is allowed';
			for (const p of phones) {
				if (!isPlainObject(p) || typeof p.phone_number !== 'string' || !/^\d{1,15}$/.test(p.phone_number)) return 'phone_numbers[].phone_number must be digits with country code';
				if (!isNonEmptyString(p.text) || p.text.length > 20) return 'phone_numbers[].text is required (at most 20 characters)';
			}
			const hasUrl = b.url !== undefined && b.url !== null && b.url !== '';
			if (!hasUrl && phones.length === 0) return 'A CTA template needs phone_numbers and/or url';
			if (hasUrl) {
				if (!isHttpUrl(b.url)) return 'url must be a website URL';
				const urlVars = placeholders(b.url);
				if (urlVars.length > 1 || (urlVars.length === 1 && !/\{\{1\}\}$/.test(b.url))) return 'A dynamic url can only have {{1}} at the end';
				if (urlVars.length === 1 && !isHttpUrl(b.example_website ?? b.example_webiste)) return 'example_website is required for a dynamic url';
				if (!isNonEmptyString(b.url_name) || b.url_name.length > 20) return 'url_name is required (at most 20 characters)';
			}
		}
		return null;
	}
}

/**
 * `2023-03-25T13:26:20.034623+05:30`-style timestamp (Sobot is an Indian service).
 * @param {Date} date
 */
function isoWithIndiaOffset(date) {
	const shifted = new Date(date.getTime() + 330 * 60 * 1000).toISOString(); // ...Z in IST wall time
	return `${shifted.slice(0, 23)}000+05:30`;
}

module.exports = { SobotFake, DEFAULTS, seedCustomers, seedTemplates, placeholders, makeWamid };
