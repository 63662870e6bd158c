// @ts-check
'use strict';
/**
 * Fake Maytapi WhatsApp API (https://api.maytapi.com/api/{product_id}/...), written from
 * /work/shared/providers/maytapi.md §4–§5. The node's credential base URL is `${origin}/api`.
 *
 * Maytapi answers most application errors with HTTP 200 and `{success:false, message}`, so the
 * fake does the same; only auth (401), unknown product/phone (404) and unknown routes (404) use
 * non-2xx statuses.
 */
const crypto = require('node:crypto');
const zlib = require('node:zlib');
const { HttpFake, clone, errorMessage } = require('./http-fake');

/** @typedef {import('./http-fake').FakeRequest} FakeRequest */
/** @typedef {import('./http-fake').FakeResponse} FakeResponse */

/**
 * @typedef {object} MaytapiPhone
 * @property {number} id
 * @property {string | null} number
 * @property {'active' | 'qr-code' | 'phone-error' | 'idle' | 'loading' | 'disabled'} status
 * @property {string} type
 * @property {string} name
 * @property {boolean} multi_device
 * @property {Record<string, any>} data
 */

/**
 * @typedef {object} MaytapiGroupConfig
 * @property {'admins' | 'all'} edit
 * @property {'admins' | 'all'} send
 * @property {boolean} disappear
 */

/**
 * @typedef {object} MaytapiGroup
 * @property {string} id
 * @property {string} name
 * @property {string[]} participants
 * @property {string[]} admins
 * @property {string | null} image
 * @property {MaytapiGroupConfig} config
 * @property {string} invite
 */

/**
 * @typedef {object} MaytapiProduct
 * @property {string} pid
 * @property {string} webhook
 * @property {boolean} ack_delivery
 * @property {number} phone_limit
 */

/**
 * @typedef {object} MaytapiPhoneConfig
 * @property {string} webhook
 * @property {boolean} ack_delivery
 */

/**
 * @typedef {object} MaytapiSent
 * @property {number} phoneId
 * @property {string} chatId
 * @property {string} msgId
 * @property {any} body the accepted request body
 */

/**
 * @typedef {object} MaytapiFakeOptions
 * @property {string} [productId]
 * @property {string} [token]
 * @property {MaytapiPhone[]} [phones] replaces the two default phones
 * @property {MaytapiGroup[]} [groups] replaces the three default groups
 * @property {number} [phoneLimit] product phone_limit (default 2, so addPhone fails until raised)
 * @property {number} [groupPageLimit] page size of getGroups (default 500, as observed)
 * @property {string} [name]
 * @property {boolean} [log]
 */

const DEFAULTS = Object.freeze({
	productId: 'a1b2c3d4-0000-4000-8000-000000000001',
	token: 'test-token',
	phoneLimit: 2,
	groupPageLimit: 500,
});

/** @type {MaytapiPhone[]} */
const DEFAULT_PHONES = [
	{ id: 1001, number: '905301234567', status: 'active', type: 'whatsapp', name: 'Sales', multi_device: true, data: {} },
	{ id: 1002, number: '905301234568', status: 'qr-code', type: 'whatsapp', name: 'Support', multi_device: true, data: {} },
];

/** @type {MaytapiGroup[]} */
const DEFAULT_GROUPS = [
	{
		id: '120363027326493365@g.us',
		name: 'Sales Team',
		participants: ['905301234567@c.us', '905551112233@c.us', '905551112244@c.us'],
		admins: ['905301234567@c.us'],
		image: 'https://cdn.maytapi.com/fake/groups/sales-team.jpg',
		config: { edit: 'admins', send: 'all', disappear: false },
		invite: 'https://chat.whatsapp.com/FakeInviteSalesTeam01',
	},
	{
		id: '905301234567-1574073754@g.us',
		name: 'Family',
		participants: ['905301234567@c.us', '905551112233@c.us'],
		admins: ['905301234567@c.us', '905551112233@c.us'],
		image: null,
		config: { edit: 'all', send: 'all', disappear: false },
		invite: 'https://chat.whatsapp.com/FakeInviteFamily0002',
	},
	{
		id: '120363041234567890@g.us',
		name: 'Support Escalations',
		participants: ['905301234567@c.us', '905551112255@c.us', '905551112266@c.us', '905551112277@c.us'],
		admins: ['905301234567@c.us', '905551112255@c.us'],
		image: null,
		config: { edit: 'admins', send: 'admins', disappear: true },
		invite: 'https://chat.whatsapp.com/FakeInviteSupport003',
	},
];

const DEFAULT_CHATS = [
	{ id: '905551112233@c.us', name: 'Ayse Demir', type: 'chat' },
	{ id: '905551112244@c.us', name: 'Mehmet Yilmaz', type: 'chat' },
	{ id: 'status@broadcast', name: '', type: 'broadcast' },
];

const CATALOG = [
	{
		productId: '5829304817234561',
		title: 'Blue T-Shirt',
		description: '100% cotton, regular fit',
		price: '₺199.00',
		price1000: 199000,
		currency: 'TRY',
		image: 'https://cdn.maytapi.com/fake/catalog/tshirt-blue.jpg',
		url: 'https://example.com/p/tshirt-blue',
		retailerId: 'SKU-TSHIRT-BLUE',
		business: '905301234567@c.us',
		id: '5829304817234561',
	},
	{
		productId: '5829304817234562',
		title: 'Canvas Tote Bag',
		description: 'Reusable tote, 40x35 cm',
		price: '₺89.90',
		price1000: 89900,
		currency: 'TRY',
		image: 'https://cdn.maytapi.com/fake/catalog/tote.jpg',
		url: 'https://example.com/p/tote',
		retailerId: 'SKU-TOTE',
		business: '905301234567@c.us',
		id: '5829304817234562',
	},
];

const SEND_TYPES = new Set([
	'text', 'media', 'image', 'link', 'location', 'contact', 'vcard', 'forward', 'delete',
	'reaction', 'edit', 'product', 'buttons', 'poll', 'sticker',
]);

const PHONE_STATUSES = new Set(['active', 'qr-code', 'phone-error', 'idle', 'loading', 'disabled']);

/**
 * A valid 16×16 PNG (a two-tone checkerboard), so clients can sniff/decode it.
 * @returns {Buffer}
 */
function tinyPng() {
	const size = 16;
	const rows = [];
	for (let y = 0; y < size; y++) {
		const row = Buffer.alloc(1 + size); // filter byte 0 + one grey byte per pixel
		for (let x = 0; x < size; x++) row[1 + x] = ((x >> 2) + (y >> 2)) % 2 ? 0x20 : 0xe0;
		rows.push(row);
	}
	/**
	 * @param {string} type
	 * @param {Buffer} data
	 */
	const chunk = (type, data) => {
		const len = Buffer.alloc(4);
		len.writeUInt32BE(data.length);
		const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
		const crc = Buffer.alloc(4);
		crc.writeUInt32BE(zlib.crc32(typeAndData) >>> 0);
		return Buffer.concat([len, typeAndData, crc]);
	};
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(size, 0);
	ihdr.writeUInt32BE(size, 4);
	ihdr[8] = 8; // bit depth
	ihdr[9] = 0; // greyscale
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr),
		chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
		chunk('IEND', Buffer.alloc(0)),
	]);
}

const PNG = tinyPng();

/**
 * @param {string} message
 * @returns {FakeResponse}
 */
function fail(message) {
	return { status: 200, body: { success: false, message } };
}

/** @param {any} v */
const isNonEmptyString = (v) => typeof v === 'string' && v.trim() !== '';
/** @param {any} v */
const isHttpUrl = (v) => typeof v === 'string' && /^https?:\/\/\S+$/i.test(v);
/** @param {any} v */
const isDataUri = (v) => typeof v === 'string' && /^data:[\w.+-]+\/[\w.+-]+(;[\w=.+-]+)*;base64,[A-Za-z0-9+/=\s]+$/.test(v);
/** @param {any} v */
const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * @param {any} v
 * @param {number} limit
 */
function coordinate(v, limit) {
	if (typeof v !== 'number' && !(typeof v === 'string' && v.trim() !== '')) return false;
	const n = Number(v);
	return Number.isFinite(n) && Math.abs(n) <= limit;
}

/**
 * `905551112233`, `+905551112233` or `905551112233@c.us` → `905551112233@c.us`; group ids pass through.
 * @param {string} value
 */
function toChatId(value) {
	if (value.includes('@')) return value;
	return `${value.replace(/\D/g, '')}@c.us`;
}

/**
 * Validate a sendMessage body; returns an error message or null.
 * @param {any} b
 * @returns {string | null}
 */
function validateSend(b) {
	if (b.to_number === undefined || b.to_number === null || b.to_number === '') return 'to_number is required';
	if (typeof b.to_number !== 'string') return 'to_number must be a string';
	if (!/^\+?\d{5,20}$/.test(b.to_number) && !/^[\d-]+@(c|g)\.us$/.test(b.to_number)) {
		return `Invalid to_number: ${b.to_number}`;
	}
	if (!isNonEmptyString(b.type)) return 'type is required';
	if (!SEND_TYPES.has(b.type)) return `Unsupported message type: ${b.type}`;
	if (b.reply_to !== undefined && typeof b.reply_to !== 'string') return 'reply_to must be a string';
	if (b.text !== undefined && typeof b.text !== 'string') return 'text must be a string';
	if (b.skip_filter !== undefined && typeof b.skip_filter !== 'boolean') return 'skip_filter must be a boolean';

	switch (b.type) {
		case 'text':
			return isNonEmptyString(b.message) ? null : 'message is required for text messages';
		case 'media':
		case 'image':
			if (!isHttpUrl(b.message) && !isDataUri(b.message)) return 'message must be a media URL or a base64 data URI';
			if (b.filename !== undefined && typeof b.filename !== 'string') return 'filename must be a string';
			return null;
		case 'sticker':
			return isHttpUrl(b.message) || isDataUri(b.message) ? null : 'message must be a sticker URL';
		case 'link':
			return isHttpUrl(b.message) ? null : 'message must be a URL for link messages';
		case 'location':
			if (!coordinate(b.latitude, 90)) return 'latitude is required and must be between -90 and 90';
			if (!coordinate(b.longitude, 180)) return 'longitude is required and must be between -180 and 180';
			return null;
		case 'contact':
			return isNonEmptyString(b.message) ? null : 'message must be the contact id (<number>@c.us)';
		case 'vcard':
			if (!isPlainObject(b.message)) return 'message must be an object {displayName, vcard} for vcard messages';
			if (!isNonEmptyString(b.message.displayName)) return 'message.displayName is required';
			if (!isNonEmptyString(b.message.vcard) || !/BEGIN:VCARD/i.test(b.message.vcard)) return 'message.vcard must be a vCard';
			return null;
		case 'forward':
			if (!isNonEmptyString(b.message)) return 'message must be the id of the message to forward';
			if (b.forward_caption !== undefined && typeof b.forward_caption !== 'boolean') return 'forward_caption must be a boolean';
			return null;
		case 'delete':
			return isNonEmptyString(b.message) ? null : 'message must be the id of the message to delete';
		case 'reaction':
			if (!isNonEmptyString(b.reply_to)) return 'reply_to is required for reactions';
			// An empty emoji removes the reaction, so only the type is checked.
			return typeof b.message === 'string' ? null : 'message must be an emoji';
		case 'edit':
			if (!isNonEmptyString(b.reply_to)) return 'reply_to is required for edits';
			return isNonEmptyString(b.message) ? null : 'message is required for edits';
		case 'product':
			return isNonEmptyString(b.productId) || typeof b.productId === 'number' ? null : 'productId is required for product messages';
		case 'buttons': {
			if (!isNonEmptyString(b.message)) return 'message is required for buttons messages';
			if (!Array.isArray(b.buttons) || b.buttons.length < 1) return 'buttons must be a non-empty array';
			if (b.buttons.length > 3) return 'You can add at most 3 buttons';
			if (!b.buttons.every((/** @type {any} */ x) => isPlainObject(x) && isNonEmptyString(x.text))) return 'Each button needs a text';
			return null;
		}
		case 'poll': {
			if (!isNonEmptyString(b.message)) return 'message (the poll question) is required';
			if (!Array.isArray(b.options)) return 'options must be an array';
			if (b.options.length < 2 || b.options.length > 12) return 'A poll needs between 2 and 12 options';
			if (!b.options.every(isNonEmptyString)) return 'Poll options must be non-empty strings';
			if (b.only_one !== undefined && typeof b.only_one !== 'boolean') return 'only_one must be a boolean';
			return null;
		}
		default:
			return null;
	}
}

class MaytapiFake extends HttpFake {
	/** @param {MaytapiFakeOptions} [options] */
	constructor(options = {}) {
		super({ name: options.name ?? 'maytapi', log: options.log });
		this.productId = options.productId ?? DEFAULTS.productId;
		this.token = options.token ?? DEFAULTS.token;
		this.groupPageLimit = options.groupPageLimit ?? DEFAULTS.groupPageLimit;
		this._seed = {
			phones: clone(options.phones ?? DEFAULT_PHONES),
			groups: clone(options.groups ?? DEFAULT_GROUPS),
			phoneLimit: options.phoneLimit ?? DEFAULTS.phoneLimit,
		};
		/** @type {MaytapiProduct} */
		this.product = { pid: this.productId, webhook: '', ack_delivery: false, phone_limit: 2 };
		/** @type {MaytapiPhone[]} */
		this.phones = [];
		/** @type {Record<string, MaytapiPhoneConfig>} keyed by phone id */
		this.phoneConfig = {};
		/** @type {MaytapiGroup[]} */
		this.groups = [];
		/** @type {Record<string, number>} pending sends per phone id */
		this.queue = {};
		/** @type {MaytapiSent[]} */
		this.sent = [];
		/** @type {any[]} webhook delivery log served by GET /logs */
		this.deliveryLog = [];
		this._resetState();

		// Media on Maytapi's CDN is public: `/cdn/...` needs no token, everything else does.
		this.authenticate((req) =>
			req.path.startsWith('/cdn/') || req.headers['x-maytapi-key'] === this.token
				? null
				: { status: 401, body: { success: false, message: 'Invalid token' } },
		);
		this._registerRoutes();
		// A stand-in for cdn.maytapi.com: serves the PNG for any file name, for media downloads.
		this.route('GET', '/cdn/:file', () => ({ raw: PNG, contentType: 'image/png' }));
		this.controlRoute('POST', '/__fake/deliver', async (req) => {
			const { body, phoneId, respectAckPreference } = req.body ?? {};
			try {
				return { body: await this.deliver(body, { phoneId, respectAckPreference }) };
			} catch (error) {
				return { status: 409, body: { success: false, message: errorMessage(error) } };
			}
		});
	}

	reset() {
		super.reset();
		this._resetState();
	}

	_resetState() {
		this.product = { pid: this.productId, webhook: '', ack_delivery: false, phone_limit: this._seed.phoneLimit };
		this.phones = clone(this._seed.phones);
		this.groups = clone(this._seed.groups);
		this.phoneConfig = {};
		this.queue = {};
		for (const phone of this.phones) {
			this.phoneConfig[String(phone.id)] = { webhook: '', ack_delivery: false };
			this.queue[String(phone.id)] = 0;
		}
		this.sent = [];
		this.deliveryLog = [];
	}

	/** @returns {{ product: MaytapiProduct, phones: MaytapiPhone[], phoneConfig: Record<string, MaytapiPhoneConfig>, groups: MaytapiGroup[], queue: Record<string, number>, sent: MaytapiSent[] }} */
	state() {
		return clone({
			product: this.product,
			phones: this.phones,
			phoneConfig: this.phoneConfig,
			groups: this.groups,
			queue: this.queue,
			sent: this.sent,
		});
	}

	/** Base URL the n8n credential should use. */
	get baseUrl() {
		return `${this.origin}/api`;
	}

	/**
	 * The webhook Maytapi would call for a phone: its own config webhook, else the product's.
	 * @param {number | string} [phoneId]
	 */
	effectiveWebhook(phoneId) {
		const config = phoneId !== undefined ? this.phoneConfig[String(phoneId)] : undefined;
		return config?.webhook || this.product.webhook;
	}

	/**
	 * POST a webhook event to the effective webhook, like Maytapi does.
	 * `phoneId` defaults to the body's `phone_id`/`phoneId`. With `respectAckPreference`, ack events
	 * are refused while acks are disabled on both product and phone, as Maytapi would not send them.
	 * @param {any} body
	 * @param {{ phoneId?: number | string, respectAckPreference?: boolean }} [options]
	 * @returns {Promise<{ status: number, body: any }>}
	 */
	async deliver(body, { phoneId, respectAckPreference = false } = {}) {
		const pid = phoneId ?? body?.phone_id ?? body?.phoneId;
		const url = this.effectiveWebhook(pid);
		if (!url) throw new Error(`No webhook configured for phone ${pid ?? '(none)'} or product`);
		const isAck = Array.isArray(body) || body?.type === 'ack';
		const config = pid !== undefined ? this.phoneConfig[String(pid)] : undefined;
		if (isAck && respectAckPreference && !this.product.ack_delivery && !config?.ack_delivery) {
			throw new Error('Ack delivery is disabled (setAckPreference / phone config ack_delivery)');
		}
		const now = new Date().toISOString();
		const entry = {
			id: this.deliveryLog.length + 1,
			pid: this.productId,
			phone: pid === undefined ? null : Number(pid),
			created_at: now,
			updated_at: now,
			type: body?.type === 'message' ? 'incoming' : 'outgoing',
			data: { body, webhook: url, response: /** @type {any} */ (null) },
		};
		this.deliveryLog.push(entry);
		try {
			const result = await this.deliverTo(url, body);
			entry.data.response = { body: result.body, statusCode: result.status };
			return result;
		} catch (error) {
			entry.type = 'error';
			entry.data.response = { body: errorMessage(error), statusCode: 0 };
			throw error;
		}
	}

	// ---- routing helpers -----------------------------------------------------------------

	/**
	 * @param {string} method
	 * @param {string} sub path after /api/{productId}
	 * @param {(req: FakeRequest, body: any) => FakeResponse | Promise<FakeResponse>} handler
	 */
	_productRoute(method, sub, handler) {
		this.route(method, `/api/:productId${sub}`, (req) => {
			if (req.params.productId !== this.productId) {
				return { status: 404, body: { success: false, message: 'Product not found' } };
			}
			const body = req.body ?? {};
			if (method !== 'GET' && !isPlainObject(body)) return fail('Request body must be a JSON object');
			return handler(req, body);
		});
	}

	/**
	 * @param {string} method
	 * @param {string} sub path after /api/{productId}/{phoneId}
	 * @param {(req: FakeRequest, phone: MaytapiPhone, body: any) => FakeResponse | Promise<FakeResponse>} handler
	 */
	_phoneRoute(method, sub, handler) {
		this._productRoute(method, `/:phoneId${sub}`, (req, body) => {
			const phone = this.phones.find((p) => String(p.id) === req.params.phoneId);
			if (!phone) return { status: 404, body: { success: false, message: 'Phone not found' } };
			return handler(req, phone, body);
		});
	}

	/**
	 * @param {string} id
	 * @returns {MaytapiGroup | undefined}
	 */
	_group(id) {
		return this.groups.find((g) => g.id === id);
	}

	/**
	 * @param {MaytapiGroup} group
	 * @param {boolean} withInvite
	 */
	_groupView(group, withInvite) {
		const { invite, ...rest } = clone(group);
		return withInvite ? { ...rest, invite } : rest;
	}

	_registerRoutes() {
		// ---- account (§5.4) ----
		this._productRoute('GET', '/product', () => ({ body: clone(this.product) }));
		this._productRoute('GET', '/listPhones', () => ({ body: clone(this.phones) }));
		this._productRoute('GET', '/queues', () => ({
			body: {
				success: true,
				queues: this.phones.map((p) => ({ id: p.id, status: p.status, queue: this.queue[String(p.id)] ?? 0 })),
			},
		}));
		this._productRoute('GET', '/logs', () => ({
			body: { success: true, data: { count: String(this.deliveryLog.length), list: clone(this.deliveryLog).reverse() } },
		}));
		this._productRoute('POST', '/setWebhook', (_req, body) => {
			if (typeof body.webhook !== 'string') return fail('webhook is required');
			if (body.webhook !== '' && !isHttpUrl(body.webhook)) return fail('Invalid webhook url');
			this.product.webhook = body.webhook;
			return { body: clone(this.product) };
		});
		this._productRoute('POST', '/setAckPreference', (_req, body) => {
			// [SPEC] key is ack_delivery; the legacy RapidAPI readme documented `preference`.
			const value = body.ack_delivery !== undefined ? body.ack_delivery : body.preference;
			if (typeof value !== 'boolean') return fail('ack_delivery must be a boolean');
			this.product.ack_delivery = value;
			return { body: clone(this.product) };
		});
		this._productRoute('POST', '/addPhone', (_req, body) => {
			if (body.number !== undefined && body.number !== null && !/^\d{5,20}$/.test(String(body.number))) {
				return fail('Invalid number');
			}
			if (this.phones.length >= this.product.phone_limit) {
				return fail(`Phone limit reached: your plan allows ${this.product.phone_limit} phones`);
			}
			const id = Math.max(1000, ...this.phones.map((p) => p.id)) + 1;
			const number = body.number === undefined || body.number === null ? null : String(body.number);
			this.phones.push({ id, number, status: 'qr-code', type: 'whatsapp', name: '', multi_device: true, data: {} });
			this.phoneConfig[String(id)] = { webhook: '', ack_delivery: false };
			this.queue[String(id)] = 0;
			return { body: { id, pid: this.productId, number } };
		});

		// ---- session / instance (§5.3) ----
		this._phoneRoute('GET', '/status', (_req, phone) => ({ body: { success: true, status: this._statusOf(phone) } }));
		this._phoneRoute('GET', '/screen', (_req, phone) => {
			// [SPEC]: calling an instance endpoint such as /screen re-enables a disabled phone.
			if (phone.status === 'disabled') phone.status = 'loading';
			return { raw: PNG, contentType: 'image/png' };
		});
		this._phoneRoute('GET', '/qrCode', () => ({ raw: PNG, contentType: 'image/png' }));
		this._phoneRoute('GET', '/contacts', () => ({ body: { success: true, data: this._contacts() } }));
		this._phoneRoute('GET', '/contact/:conversationId', (req) => {
			const id = req.params.conversationId;
			const known = this._contacts().find((c) => c.id === id || c.id === toChatId(id));
			if (known) return { body: { success: true, data: [{ ...known, image: null }] } };
			if (/^\+?\d{5,20}(@c\.us)?$/.test(id)) {
				return { body: { success: true, data: [{ id: toChatId(id), name: '', type: 'chat', image: null }] } };
			}
			return fail('Conversation not found');
		});
		this._phoneRoute('GET', '/config', (req) => ({ body: { success: true, status: clone(this.phoneConfig[req.params.phoneId]) } }));
		this._phoneRoute('POST', '/config', (req, _phone, body) => {
			const config = this.phoneConfig[req.params.phoneId];
			let webhook = body.webhook;
			// Accept both the flat form and the nested `webhook-url` object of the spec.
			if (isPlainObject(webhook)) webhook = webhook.webhook;
			if (webhook === undefined && body.ack_delivery === undefined) return fail('webhook or ack_delivery is required');
			if (webhook !== undefined) {
				if (typeof webhook !== 'string') return fail('webhook must be a string');
				if (webhook !== '' && !isHttpUrl(webhook)) return fail('Invalid webhook url');
			}
			if (body.ack_delivery !== undefined && typeof body.ack_delivery !== 'boolean') return fail('ack_delivery must be a boolean');
			if (webhook !== undefined) config.webhook = webhook;
			if (body.ack_delivery !== undefined) config.ack_delivery = body.ack_delivery;
			return { body: { success: true, status: clone(config) } };
		});
		this._phoneRoute('GET', '/queue', (req) => ({ body: { success: true, stats: { sending: this.queue[req.params.phoneId] ?? 0 } } }));
		this._phoneRoute('GET', '/purgeQueue', (req) => {
			this.queue[req.params.phoneId] = 0;
			return { body: { success: true } };
		});
		/** @param {MaytapiPhone} phone */
		const restart = (phone) => {
			phone.status = phone.status === 'active' ? 'active' : 'loading';
			return { body: { success: true, message: `Phone ${phone.id} is restarted.` } };
		};
		/** @param {MaytapiPhone} phone */
		const factoryReset = (phone) => {
			phone.status = 'qr-code';
			this.queue[String(phone.id)] = 0;
			this.phoneConfig[String(phone.id)] = { webhook: '', ack_delivery: false };
			return { body: { success: true } };
		};
		this._phoneRoute('GET', '/redeploy', (_req, phone) => restart(phone));
		this._phoneRoute('GET', '/factoryreset', (_req, phone) => factoryReset(phone));
		this._phoneRoute('GET', '/logout', (_req, phone) => {
			phone.status = 'qr-code';
			return { body: { success: true } };
		});
		// Deprecated (D1–D4): kept so a client calling them gets what Maytapi documents.
		this._phoneRoute('GET', '/restart', (_req, phone) => restart(phone));
		this._phoneRoute('GET', '/delete', (_req, phone) => factoryReset(phone));
		this._phoneRoute('GET', '/backup', () => fail('Backup is not supported on multi-device phones'));
		this._phoneRoute('POST', '/restore', () => fail('Restore is not supported on multi-device phones'));

		// ---- messages (§5.1, §5.2) ----
		this._phoneRoute('POST', '/sendMessage', (_req, phone, body) => {
			const error = validateSend(body);
			if (error) return fail(error);
			const chatId = toChatId(body.to_number);
			const msgId = crypto.randomUUID();
			this.queue[String(phone.id)] = (this.queue[String(phone.id)] ?? 0) + 1;
			this.sent.push({ phoneId: phone.id, chatId, msgId, body: clone(body) });
			return { body: { success: true, data: { chatId, msgId } } };
		});
		this._phoneRoute('POST', '/checkPhones', (_req, _phone, body) => {
			if (!Array.isArray(body.numbers) || body.numbers.length === 0) return fail('numbers must be a non-empty array');
			if (!body.numbers.every((/** @type {any} */ n) => typeof n === 'string' || typeof n === 'number')) {
				return fail('numbers must be strings');
			}
			const data = body.numbers.map((/** @type {string | number} */ raw) => {
				const number = String(raw).replace(/\D/g, '');
				// Deterministic rule for tests: numbers ending in 0 are not on WhatsApp.
				return { id: `${number}@c.us`, number, valid: number !== '' && !number.endsWith('0') };
			});
			return { body: { success: true, data } };
		});
		this._phoneRoute('GET', '/catalog', () => ({ body: { success: true, data: clone(CATALOG) } }));

		// ---- groups (§5.5) ----
		this._phoneRoute('POST', '/createGroup', (_req, phone, body) => {
			if (!isNonEmptyString(body.name)) return fail('name is required');
			if (!Array.isArray(body.numbers) || body.numbers.length === 0) return fail('numbers must be a non-empty array');
			if (!body.numbers.every(isNonEmptyString)) return fail('numbers must be strings');
			const me = `${phone.number}@c.us`;
			const participants = [me, ...body.numbers.map(toChatId).filter((/** @type {string} */ n) => n !== me)];
			const id = `120363${String(crypto.randomInt(1e11, 1e12))}${String(crypto.randomInt(100, 1000))}@g.us`;
			/** @type {MaytapiGroup} */
			const group = {
				id,
				name: body.name,
				participants: [...new Set(participants)],
				admins: [me],
				image: null,
				config: { edit: 'all', send: 'all', disappear: false },
				invite: `https://chat.whatsapp.com/FakeInvite${crypto.randomBytes(6).toString('hex')}`,
			};
			this.groups.push(group);
			return { body: { success: true, data: this._groupView(group, false) } };
		});
		this._phoneRoute('GET', '/getGroups', (req) => {
			const withInvite = req.query.invite === 'true';
			const total = this.groups.length;
			const limit = this.groupPageLimit;
			const paging = req.query.page !== undefined;
			const page = paging ? Number(req.query.page) : 1;
			if (!Number.isInteger(page) || page < 1) return fail('Invalid page');
			const data = this.groups.slice((page - 1) * limit, page * limit).map((g) => this._groupView(g, withInvite));
			// Observed: no `page` key in the response unless ?page= was sent.
			const body = paging
				? { success: true, count: data.length, total, limit, page, data }
				: { success: true, count: data.length, total, limit, data };
			return { body };
		});
		this._phoneRoute('GET', '/getGroups/:conversationId', (req) => {
			const group = this._group(req.params.conversationId);
			if (!group) return fail('Group not found');
			return { body: { success: true, data: this._groupView(group, req.query.invite === 'true') } };
		});
		this._phoneRoute('POST', '/setProfileImage', (_req, phone, body) => {
			if (!isHttpUrl(body.image) && !isDataUri(body.image)) return fail('image must be a URL');
			const conversationId = body.conversation_id ?? '';
			if (typeof conversationId !== 'string') return fail('conversation_id must be a string');
			if (conversationId === '') {
				phone.data = { ...phone.data, profileImage: body.image };
				return { body: { success: true } };
			}
			const group = this._group(conversationId);
			if (!group) return fail('Group not found');
			group.image = body.image;
			return { body: { success: true } };
		});
		this._phoneRoute('POST', '/group/config', (_req, _phone, body) => {
			const group = this._group(body.conversation_id);
			if (!group) return fail('Group not found');
			const config = body.config;
			if (!isPlainObject(config) || Object.keys(config).length === 0) return fail('config is required');
			for (const [key, value] of Object.entries(config)) {
				if (key === 'edit' || key === 'send') {
					if (value !== 'admins' && value !== 'all') return fail(`config.${key} must be "admins" or "all"`);
				} else if (key === 'disappear') {
					if (typeof value !== 'boolean') return fail('config.disappear must be a boolean');
				} else {
					return fail(`Unknown config key: ${key}`);
				}
			}
			Object.assign(group.config, config);
			return { body: { success: true, data: clone(group.config) } };
		});
		for (const action of /** @type {const} */ (['add', 'remove', 'promote', 'demote'])) {
			this._phoneRoute('POST', `/group/${action}`, (_req, _phone, body) => this._groupMember(action, body));
		}
		this._phoneRoute('POST', '/leaveGroup', (_req, _phone, body) => {
			const index = this.groups.findIndex((g) => g.id === body.id);
			if (index === -1) return fail('Group not found');
			this.groups.splice(index, 1);
			return { body: { success: true, data: true } };
		});
	}

	/**
	 * @param {'add' | 'remove' | 'promote' | 'demote'} action
	 * @param {any} body
	 * @returns {FakeResponse}
	 */
	_groupMember(action, body) {
		const group = this._group(body.conversation_id);
		if (!group) return fail('Group not found');
		const raw = Array.isArray(body.number) ? body.number : [body.number];
		if (raw.length === 0 || !raw.every(isNonEmptyString)) return fail('number is required');
		const numbers = raw.map(toChatId);
		for (const n of numbers) {
			const isMember = group.participants.includes(n);
			const isAdmin = group.admins.includes(n);
			if (action === 'add' && isMember) return fail(`${n} is already a participant`);
			if (action !== 'add' && !isMember) return fail(`${n} is not a participant`);
			if (action === 'demote' && !isAdmin) return fail(`${n} is not an admin`);
		}
		for (const n of numbers) {
			if (action === 'add') group.participants.push(n);
			if (action === 'remove') {
				group.participants = group.participants.filter((p) => p !== n);
				group.admins = group.admins.filter((p) => p !== n);
			}
			if (action === 'promote' && !group.admins.includes(n)) group.admins.push(n);
			if (action === 'demote') group.admins = group.admins.filter((p) => p !== n);
		}
		return { body: { success: true } };
	}

	_contacts() {
		return [...DEFAULT_CHATS, ...this.groups.map((g) => ({ id: g.id, name: g.name, type: 'group' }))];
	}

	/**
	 * §5.3 status object derived from the phone's status.
	 * @param {MaytapiPhone} phone
	 */
	_statusOf(phone) {
		const s = phone.status;
		/** @type {Record<string, string>} */
		const waState = {
			active: 'CONNECTED',
			'qr-code': 'UNPAIRED',
			idle: 'UNPAIRED_IDLE',
			loading: 'OPENING',
			'phone-error': 'TIMEOUT',
			disabled: 'CONFLICT',
		};
		/** @type {Record<string, string>} */
		const messages = {
			active: '',
			'qr-code': 'Scan the QR code with WhatsApp on your phone',
			idle: 'QR code expired; call /screen to refresh',
			loading: 'Loading',
			'phone-error': 'Phone is not connected to the internet',
			disabled: 'Phone is disabled',
		};
		return {
			loggedIn: s === 'active' || s === 'phone-error',
			isQr: s === 'qr-code' || s === 'idle',
			loading: s === 'loading',
			connRetry: s === 'phone-error',
			message: messages[s] ?? '',
			state: { state: waState[s] ?? 'UNKNOWN', canSend: s === 'active' },
			version: '2.3000.1015901307',
			number: phone.number,
			multidevice: phone.multi_device,
		};
	}

	/**
	 * Test/dev helper: change a phone's session status (e.g. to emit a matching status webhook).
	 * @param {number | string} phoneId
	 * @param {MaytapiPhone['status']} status
	 */
	setPhoneStatus(phoneId, status) {
		if (!PHONE_STATUSES.has(status)) throw new Error(`Unknown phone status ${status}`);
		const phone = this.phones.find((p) => String(p.id) === String(phoneId));
		if (!phone) throw new Error(`Unknown phone ${phoneId}`);
		phone.status = status;
	}
}

module.exports = { MaytapiFake, DEFAULTS, DEFAULT_PHONES, DEFAULT_GROUPS, CATALOG, PNG, validateSend };
