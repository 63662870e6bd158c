// @ts-check
'use strict';
/**
 * Fake WhatsLoop / Lets bot platform (one API v1 under two brands), written from
 * /work/shared/providers/whatsloop-letsbot.md: §2 (envelopes, errors, rate limits), §4b (the vendor
 * client's route map, parameter names exactly as declared), §5 (the confirmed routes).
 *
 * Both brands' hosts serve the same paths under `/api/v1`, also behind a tenant path
 * (`/tenants/<name>/api/v1`, as a Lets bot tenant sub-domain or a proxy would be); each brand's token is accepted and
 * recorded with the request, so tests can tell which credential reached the fake. Bodies may be JSON
 * or form-encoded with bracket keys (`buttons[0][id]`), as working clients send them.
 *
 * The leaky bucket (§2.3) is per token: `capacity` requests, leaking `leakPerSecond` (1 by the docs);
 * every answer carries X-RateLimit-Limit / -Remaining / -Reset (epoch seconds when the bucket is
 * empty again), a refused call 429 + Retry-After. `clock` lets a test run the bucket on scaled time.
 */
const crypto = require('node:crypto');
const querystring = require('node:querystring');
const { HttpFake, clone, postJson } = require('./http-fake');

/** @typedef {import('./http-fake').FakeRequest} FakeRequest */
/** @typedef {import('./http-fake').FakeResponse} FakeResponse */

/**
 * @typedef {object} WhatsLoopFakeOptions
 * @property {Record<string, string>} [tokens] token → brand ('whatsloop' | 'letsbot')
 * @property {number} [capacity] bucket size (requests); default 60 (Basic plan)
 * @property {number} [leakPerSecond] default 1
 * @property {{ now(): number }} [clock] time source in ms; default Date
 * @property {string[]} [unavailable] routes (e.g. 'button/video') that answer 404 on this host
 * @property {boolean} [rateHeaders] send X-RateLimit-* on every answer (default true; 429s always carry Retry-After)
 * @property {string} [name]
 * @property {boolean} [log]
 */

/**
 * @typedef {object} SentMessage
 * @property {string} id
 * @property {string} route
 * @property {string} brand
 * @property {any} body
 * @property {number} at
 */

const DEFAULT_TOKENS = Object.freeze({ 'wl-test-token': 'whatsloop', 'lb-test-token': 'letsbot' });
const PREFIX = '/api/v1/';
const OWN_NUMBER = '966511111111';
const CHAT = '966500000001';
const GROUP = '120363027326493365@g.us';
/** A 1×1 PNG, the QR route's image. */
const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/**
 * Route map (reference §4b): method, path, the fields the platform requires (422 `{"Status":0}`
 * when one is missing) and what the route does.
 * @type {Array<{ method: string, path: string, required: string[], kind: 'send' | 'read' | 'write', media?: string }>}
 */
const ROUTES = [
	// Message
	{ method: 'POST', path: 'message/send', required: ['phone', 'body'], kind: 'send' },
	{ method: 'POST', path: 'message/send/sticker', required: ['phone', 'url'], kind: 'send', media: 'stickerMessage' },
	{ method: 'POST', path: 'message/send/reaction', required: ['phone', 'reaction', 'messageId'], kind: 'send', media: 'reactionMessage' },
	{ method: 'POST', path: 'message/send/reply', required: ['phone', 'body', 'messageId'], kind: 'send' },
	{ method: 'POST', path: 'message/send/mention', required: ['phone', 'mention'], kind: 'send' },
	{ method: 'POST', path: 'message/send/disappearing', required: ['phone', 'body'], kind: 'send' },
	{ method: 'POST', path: 'share/catalog', required: ['phone', 'catalog'], kind: 'send' },
	{ method: 'GET', path: 'message/id', required: ['phone', 'messageID'], kind: 'read' },
	{ method: 'GET', path: 'message/fetch', required: [], kind: 'read' },
	{ method: 'DELETE', path: 'message/delete', required: ['phone', 'messageID'], kind: 'write' },
	// Media
	{ method: 'POST', path: 'send/file', required: ['phone', 'url'], kind: 'send', media: 'documentMessage' },
	{ method: 'POST', path: 'send/image', required: ['phone', 'url'], kind: 'send', media: 'imageMessage' },
	{ method: 'POST', path: 'send/video', required: ['phone', 'url'], kind: 'send', media: 'videoMessage' },
	{ method: 'POST', path: 'send/gif', required: ['phone', 'url'], kind: 'send', media: 'videoMessage' },
	{ method: 'POST', path: 'send/audio', required: ['phone', 'audio'], kind: 'send', media: 'audioMessage' },
	{ method: 'POST', path: 'send/ptt', required: ['phone', 'url'], kind: 'send', media: 'audioMessage' },
	{ method: 'POST', path: 'send/location', required: ['phone', 'lat', 'lng'], kind: 'send', media: 'locationMessage' },
	{ method: 'POST', path: 'send/contact', required: ['phone', 'contact', 'name'], kind: 'send', media: 'contactMessage' },
	// Buttons and list
	{ method: 'POST', path: 'button', required: ['phone', 'body', 'buttons'], kind: 'send', media: 'buttonsMessage' },
	{ method: 'POST', path: 'button/image', required: ['phone', 'image', 'buttons'], kind: 'send', media: 'buttonsMessage' },
	{ method: 'POST', path: 'button/video', required: ['phone', 'video', 'buttons'], kind: 'send', media: 'buttonsMessage' },
	{ method: 'POST', path: 'button/location', required: ['phone', 'lat', 'lng', 'buttons'], kind: 'send', media: 'buttonsMessage' },
	{ method: 'POST', path: 'button/document', required: ['phone', 'document', 'buttons'], kind: 'send', media: 'buttonsMessage' },
	{ method: 'POST', path: 'button/template', required: ['phone', 'buttons'], kind: 'send', media: 'templateMessage' },
	{ method: 'POST', path: 'button/image/template', required: ['phone', 'image', 'buttons'], kind: 'send', media: 'templateMessage' },
	{ method: 'POST', path: 'button/video/template', required: ['phone', 'video', 'buttons'], kind: 'send', media: 'templateMessage' },
	{ method: 'POST', path: 'button/document/template', required: ['phone', 'document', 'buttons'], kind: 'send', media: 'templateMessage' },
	{ method: 'POST', path: 'button/location/template', required: ['phone', 'lat', 'lng', 'buttons'], kind: 'send', media: 'templateMessage' },
	{ method: 'POST', path: 'list/message', required: ['phone', 'buttonText', 'sections'], kind: 'send', media: 'listMessage' },
	// Chat
	{ method: 'GET', path: 'chat/list', required: [], kind: 'read' },
	{ method: 'GET', path: 'contacts', required: [], kind: 'read' },
	{ method: 'GET', path: 'chat/conversation', required: ['phone'], kind: 'read' },
	{ method: 'POST', path: 'chat/typing', required: ['chat'], kind: 'write' },
	{ method: 'POST', path: 'chat/recording', required: ['chat'], kind: 'write' },
	...['read', 'unread', 'archive', 'unarchive', 'pin', 'unpin', 'unmute'].map((a) => ({ method: 'POST', path: `chat/${a}`, required: ['phone'], kind: /** @type {'write'} */ ('write') })),
	{ method: 'POST', path: 'chat/mute', required: ['phone', 'duration'], kind: 'write' },
	// Group
	{ method: 'POST', path: 'group/create', required: ['phones', 'subject'], kind: 'write' },
	{ method: 'POST', path: 'group/join', required: ['code'], kind: 'write' },
	{ method: 'POST', path: 'invite/code', required: ['jid'], kind: 'write' },
	{ method: 'POST', path: 'invite/revoke/code', required: ['jid'], kind: 'write' },
	{ method: 'POST', path: 'invite/send/link', required: ['jid', 'to'], kind: 'send' },
	{ method: 'GET', path: 'invite/get/info', required: ['code'], kind: 'read' },
	...['add', 'remove', 'promote', 'demote'].map((v) => ({ method: 'POST', path: `group/${v}/participant`, required: ['jid', 'phones'], kind: /** @type {'write'} */ ('write') })),
	{ method: 'POST', path: 'group/rename', required: ['jid', 'subject'], kind: 'write' },
	{ method: 'POST', path: 'group/set/description', required: ['jid'], kind: 'write' },
	{ method: 'POST', path: 'group/settings', required: ['jid', 'settings'], kind: 'write' },
	{ method: 'GET', path: 'group/display/picture', required: ['jid'], kind: 'read' },
	{ method: 'POST', path: 'group/set/display/picture', required: ['jid', 'image'], kind: 'write' },
	{ method: 'GET', path: 'group/list', required: [], kind: 'read' },
	{ method: 'GET', path: 'group/conversation', required: ['jid'], kind: 'read' },
	{ method: 'GET', path: 'group/meta/data', required: ['jid'], kind: 'read' },
	// User
	{ method: 'POST', path: 'user/presence', required: ['phone'], kind: 'read' },
	{ method: 'POST', path: 'user/block', required: ['phone'], kind: 'write' },
	{ method: 'POST', path: 'user/unblock', required: ['phone'], kind: 'write' },
	{ method: 'POST', path: 'user/business', required: ['phone'], kind: 'read' },
	{ method: 'POST', path: 'user/set/name', required: ['phone', 'name'], kind: 'write' },
	{ method: 'GET', path: 'user/display/picture', required: ['phone'], kind: 'read' },
	// Instance, QR / session
	{ method: 'GET', path: 'instance/status', required: [], kind: 'read' },
	{ method: 'POST', path: 'instance/set/status', required: ['status'], kind: 'write' },
	{ method: 'POST', path: 'instance/set/settings', required: [], kind: 'write' },
	{ method: 'POST', path: 'instance/set/presence', required: ['presence'], kind: 'write' },
	{ method: 'POST', path: 'qr', required: [], kind: 'read' },
	{ method: 'POST', path: 'session/find', required: [], kind: 'read' },
	{ method: 'POST', path: 'session/status', required: [], kind: 'read' },
	// Product
	{ method: 'POST', path: 'product', required: ['phone'], kind: 'read' },
	{ method: 'GET', path: 'product/id', required: ['phone', 'productId'], kind: 'read' },
	{ method: 'POST', path: 'product/create', required: ['phone', 'name', 'price', 'currency', 'images'], kind: 'write' },
	{ method: 'POST', path: 'product/get/order', required: ['orderId', 'orderToken'], kind: 'read' },
];

/** `phone` / `to`: international digits, or a group JID. */
const PHONE = /^(\d{7,15}|[\w-]+@g\.us)$/;

/**
 * `{'a[0][b]': '1'}` → `{a: [{b: '1'}]}`: what the platform's Laravel side makes of bracket keys.
 * @param {Record<string, any>} flat
 */
function expandBrackets(flat) {
	/** @type {any} */
	const out = {};
	for (const [key, value] of Object.entries(flat)) {
		const parts = key.replace(/\]/g, '').split('[');
		/** @type {any} */
		let node = out;
		parts.forEach((part, n) => {
			if (n === parts.length - 1) node[part] = value;
			else node = node[part] ??= /^\d+$/.test(parts[n + 1]) ? [] : {};
		});
	}
	return out;
}

/** Seeded conversation: 120 messages with the default chat, newest first, alternating sides. */
function seedConversation() {
	const base = 1718700000;
	return Array.from({ length: 120 }, (_, n) => {
		const i = 119 - n;
		return {
			key: { remoteJid: `${CHAT}@s.whatsapp.net`, fromMe: i % 2 === 1, id: `3EB0SEED${String(i).padStart(12, '0')}` },
			message: { conversation: `Message ${i}` },
			messageTimestamp: String(base + i * 60),
		};
	});
}

function seedGroups() {
	return [
		{ id: GROUP, subject: 'Riyadh customers', owner: `${OWN_NUMBER}@s.whatsapp.net`, desc: 'Order updates', participants: [{ id: `${OWN_NUMBER}@s.whatsapp.net`, admin: 'superadmin' }, { id: `${CHAT}@s.whatsapp.net`, admin: null }], announce: false, restrict: false, inviteCode: 'LodMQDI1Vac31mZsfAOfsL' },
		{ id: '120363000000000002@g.us', subject: 'Jeddah team', owner: `${OWN_NUMBER}@s.whatsapp.net`, desc: '', participants: [{ id: `${OWN_NUMBER}@s.whatsapp.net`, admin: 'superadmin' }], announce: true, restrict: true, inviteCode: 'Xy12Ab34Cd56Ef78Gh90Ij' },
	];
}

function seedProducts() {
	return [
		{ id: '6198355910228429', name: 'Arabic coffee 500 g', price: 4500, currency: 'SAR', isHidden: false, images: ['https://cdn.example.com/coffee.jpg'] },
		{ id: '6198355910228430', name: 'Dates box 1 kg', price: 9000, currency: 'SAR', isHidden: false, images: ['https://cdn.example.com/dates.jpg'] },
	];
}

class WhatsLoopFake extends HttpFake {
	/** @param {WhatsLoopFakeOptions} [options] */
	constructor(options = {}) {
		super({ name: options.name ?? 'whatsloop', log: options.log });
		this.tokens = options.tokens ?? { ...DEFAULT_TOKENS };
		this.capacity = options.capacity ?? 60;
		this.leakPerSecond = options.leakPerSecond ?? 1;
		this.clock = options.clock ?? { now: () => Date.now() };
		this.unavailable = new Set(options.unavailable ?? []);
		this.rateHeaders = options.rateHeaders ?? true;
		/** @type {Map<string, { level: number, at: number }>} */
		this.buckets = new Map();
		this.throttled = 0;
		/** @type {SentMessage[]} */
		this.sent = [];
		/** @type {any[]} */
		this.conversation = [];
		/** @type {Array<Record<string, any>>} */
		this.groups = [];
		/** @type {any[]} */
		this.products = [];
		/** @type {Record<string, any>} */
		this.chatState = {};
		/** @type {Record<string, any>} */
		this.instance = {};
		/** @type {Set<string>} */
		this.blocked = new Set();
		this.seq = 0;
		this._seed();
		this.authenticate((req) => this._authenticate(req));
		for (const route of ROUTES) {
			this.route(route.method, `${PREFIX}${route.path}`, (req) => this._respond(route, req));
			this.route(route.method, `/tenants/:tenant${PREFIX}${route.path}`, (req) => this._respond(route, req));
		}
		// Makes the platform post a webhook delivery (the dev simulator's curl line and the e2e use it).
		this.controlRoute('POST', '/__fake/deliver', async (req) => {
			const { body, url, form, hmacSecret, signatureHeader } = req.body ?? {};
			if (typeof url !== 'string' || !url) return { status: 400, body: { message: '"url" is required' } };
			try {
				return { body: await this.deliver(url, body, { form, hmacSecret, signatureHeader }) };
			} catch (error) {
				return { status: 409, body: { message: error instanceof Error ? error.message : String(error) } };
			}
		});
	}

	/** The credential's base URL for this fake (both brands). */
	get baseUrl() {
		return `${this.origin}/api/v1`;
	}

	/** @param {string} brand */
	tokenOf(brand) {
		return Object.keys(this.tokens).find((token) => this.tokens[token] === brand) ?? '';
	}

	_seed() {
		this.sent = [];
		this.conversation = seedConversation();
		this.groups = seedGroups();
		this.products = seedProducts();
		this.chatState = {};
		this.instance = { status: 'connected', about: 'Available', markOnlineOnConnect: 1, presence: 'available', name: 'Shop' };
		this.blocked = new Set();
		this.seq = 0;
	}

	reset() {
		super.reset();
		this.buckets.clear();
		this.throttled = 0;
		this._seed();
	}

	state() {
		return { sent: clone(this.sent), throttled: this.throttled, groups: clone(this.groups), chatState: clone(this.chatState), instance: clone(this.instance), blocked: [...this.blocked] };
	}

	/** Form bodies are not JSON: parse them the way the platform does, then route as usual. */
	/** @param {FakeRequest} req */
	invalidJson(req) {
		if (!/x-www-form-urlencoded/.test(req.headers['content-type'] ?? '')) return super.invalidJson(req);
		req.body = expandBrackets(querystring.parse(req.rawBody));
		const matched = this._match(this._routes, req.method, req.path);
		if (!matched) return this.notFound(req);
		req.params = matched.params;
		return /** @type {FakeResponse} */ (matched.route.handler(req));
	}

	/** @param {FakeRequest} req */
	notFound(req) {
		return { status: 404, body: { success: false, message: `Route not found: ${req.method} ${req.path}`, data: {} } };
	}

	/**
	 * Bearer token (401 otherwise), then the token's leaky bucket (429 when full).
	 * @param {FakeRequest} req
	 * @returns {FakeResponse | null}
	 */
	_authenticate(req) {
		const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
		const brand = match ? this.tokens[match[1]] : undefined;
		if (!brand) return { status: 401, body: { success: false, message: 'Unauthenticated.', data: {} } };
		const bucket = this._leak(/** @type {RegExpExecArray} */ (match)[1]);
		if (bucket.level + 1 > this.capacity) {
			this.throttled++;
			const retryAfter = Math.max(1, Math.ceil((bucket.level + 1 - this.capacity) / this.leakPerSecond));
			return { status: 429, headers: { ...(this.rateHeaders ? this._rateHeaders(bucket) : {}), 'Retry-After': String(retryAfter) }, body: { success: false, message: 'Too Many Attempts.', data: {} } };
		}
		bucket.level += 1;
		/** @type {any} */ (req).brand = brand;
		/** @type {any} */ (req).rateHeaders = this.rateHeaders ? this._rateHeaders(bucket) : {};
		return null;
	}

	/** @param {string} token */
	_leak(token) {
		const now = this.clock.now();
		const bucket = this.buckets.get(token) ?? { level: 0, at: now };
		bucket.level = Math.max(0, bucket.level - ((now - bucket.at) / 1000) * this.leakPerSecond);
		bucket.at = now;
		this.buckets.set(token, bucket);
		return bucket;
	}

	/** @param {{ level: number }} bucket */
	_rateHeaders(bucket) {
		const emptyAt = this.clock.now() / 1000 + bucket.level / this.leakPerSecond;
		return {
			'X-RateLimit-Limit': String(this.capacity),
			'X-RateLimit-Remaining': String(Math.max(0, Math.floor(this.capacity - bucket.level))),
			'X-RateLimit-Reset': String(Math.ceil(emptyAt)),
		};
	}

	/**
	 * @param {typeof ROUTES[number]} route
	 * @param {FakeRequest} req
	 * @returns {FakeResponse}
	 */
	_respond(route, req) {
		const response = this._reply(route, req);
		return { ...response, headers: { ...(/** @type {any} */ (req).rateHeaders ?? {}), ...(response.headers ?? {}) } };
	}

	/**
	 * @param {typeof ROUTES[number]} route
	 * @param {FakeRequest} req
	 * @returns {FakeResponse}
	 */
	_reply(route, req) {
		if (this.unavailable.has(route.path)) return this.notFound(req);
		/** @type {Record<string, any>} */
		const input = route.method === 'GET' ? req.query : (req.body ?? {});
		for (const field of route.required) {
			const value = input[field];
			if (value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length)) return invalid(`${cap(field)} is Required`);
		}
		for (const field of ['phone', 'to']) {
			if (input[field] !== undefined && !PHONE.test(String(input[field]))) return invalid(`${cap(field)} is invalid`);
		}
		if (Array.isArray(input.buttons) && input.buttons.length > 3) return invalid('Buttons may not be more than 3');
		if (route.kind === 'send') return this._sendMessage(route, req, input);
		return this._otherRoute(route, req, input);
	}

	/**
	 * @param {typeof ROUTES[number]} route
	 * @param {FakeRequest} req
	 * @param {Record<string, any>} input
	 * @returns {FakeResponse}
	 */
	_sendMessage(route, req, input) {
		const id = `3EB0${crypto.randomBytes(8).toString('hex').toUpperCase()}`;
		const target = String(input.phone ?? input.to ?? input.jid);
		const remoteJid = target.includes('@') ? target : `${target}@s.whatsapp.net`;
		this.sent.push({ id, route: route.path, brand: /** @type {any} */ (req).brand, body: clone(input), at: this.clock.now() });
		const text = input.body ?? input.caption ?? '';
		const message = route.media === 'listMessage'
			? { listMessage: { title: input.title ?? '', description: input.body ?? '', buttonText: input.buttonText, listType: 1 } }
			: route.media ? { [route.media]: { url: input.url ?? input.audio ?? input.image ?? null, caption: input.caption ?? null } } : { extendedTextMessage: { text } };
		return {
			body: {
				success: true,
				message: 'The message has been successfully sent.',
				data: {
					key: { remoteJid, fromMe: true, id },
					message,
					messageTimestamp: String(Math.floor(this.clock.now() / 1000)),
					// list/message answers SUCCESS in the vendor docs; sends are otherwise queued.
					status: route.media === 'listMessage' ? 'SUCCESS' : 'PENDING',
				},
			},
		};
	}

	/**
	 * @param {typeof ROUTES[number]} route
	 * @param {FakeRequest} req
	 * @param {Record<string, any>} input
	 * @returns {FakeResponse}
	 */
	_otherRoute(route, req, input) {
		const ok = (/** @type {any} */ data, message = 'Success') => ({ body: { success: true, message, data } });
		const group = () => this.groups.find((g) => g.id === input.jid);
		const groupMissing = { body: { success: false, message: 'Group Not Exist', data: {} } };
		switch (route.path) {
			case 'message/fetch': {
				const all = [...this.sent.map((s) => ({ key: { remoteJid: `${s.body.phone}@s.whatsapp.net`, fromMe: true, id: s.id }, messageTimestamp: String(Math.floor(s.at / 1000)) })).reverse(), ...this.conversation];
				return ok(all.slice(0, Number(input.limit) || 20));
			}
			case 'message/id': {
				const found = this.conversation.find((m) => m.key.id === input.messageID) ?? this.sent.find((s) => s.id === input.messageID);
				return found ? ok(found) : { status: 404, body: { success: false, message: 'Message Not Found', data: {} } };
			}
			case 'message/delete':
				return { status: 202, body: { success: true, message: 'The message has been deleted.', data: {} } };
			case 'chat/list':
				return ok([{ id: `${CHAT}@s.whatsapp.net`, name: 'Abdullah', unreadCount: 2 }, { id: GROUP, name: 'Riyadh customers', unreadCount: 0 }, { id: '966500000002@s.whatsapp.net', name: 'Sara', unreadCount: 0 }]);
			case 'contacts':
				return ok([{ id: `${CHAT}@s.whatsapp.net`, name: 'Abdullah' }, { id: '966500000002@s.whatsapp.net', name: 'Sara' }]);
			case 'chat/conversation': {
				let list = String(input.phone) === CHAT ? this.conversation : [];
				if (input.cursorId) {
					const at = list.findIndex((m) => m.key.id === input.cursorId && String(m.key.fromMe ? 1 : 0) === String(input.cursorFromMe));
					list = at === -1 ? [] : list.slice(at + 1);
				}
				return ok(list.slice(0, Math.min(Number(input.limit) || 20, 100)));
			}
			case 'group/create': {
				const id = `1203630${String(Date.now()).slice(-6)}${++this.seq}@g.us`;
				const created = { id, subject: input.subject, owner: `${OWN_NUMBER}@s.whatsapp.net`, desc: '', participants: input.phones.map((/** @type {string} */ p) => ({ id: `${p}@s.whatsapp.net`, admin: null })), announce: false, restrict: false, inviteCode: crypto.randomBytes(11).toString('hex').slice(0, 22) };
				this.groups.push(created);
				return { status: 201, body: { success: true, message: 'Group created.', data: clone(created) } };
			}
			case 'group/join':
				return ok({ jid: GROUP });
			case 'invite/code':
				return group() ? ok({ code: group()?.inviteCode }) : groupMissing;
			case 'invite/revoke/code': {
				const g = group();
				if (!g) return groupMissing;
				g.inviteCode = crypto.randomBytes(11).toString('hex').slice(0, 22);
				return ok({ code: g.inviteCode });
			}
			case 'invite/get/info': {
				const g = this.groups.find((x) => x.inviteCode === input.code);
				return g ? ok({ id: g.id, subject: g.subject, size: g.participants.length }) : { body: { success: false, message: 'Invalid invite code', data: {} } };
			}
			case 'group/rename':
			case 'group/set/description':
			case 'group/settings':
			case 'group/set/display/picture': {
				const g = group();
				if (!g) return groupMissing;
				if (input.subject) g.subject = input.subject;
				if (route.path === 'group/set/description') g.desc = input.description ?? '';
				if (input.settings) {
					if (!['announcement', 'not_announcement', 'locked', 'unlocked'].includes(input.settings)) return invalid('Settings is invalid');
					if (input.settings.endsWith('announcement')) g.announce = input.settings === 'announcement';
					else g.restrict = input.settings === 'locked';
				}
				if (input.image) g.picture = input.image;
				return ok({}, 'Updated.');
			}
			case 'group/display/picture':
				return group() ? ok({ url: `https://pps.example-whatsapp.net/${encodeURIComponent(String(input.jid))}.jpg` }) : groupMissing;
			case 'group/list':
				return ok(this.groups.map((g) => ({ id: g.id, subject: g.subject, size: g.participants.length })));
			case 'group/conversation':
				return group() ? ok([{ key: { remoteJid: input.jid, fromMe: false, id: '3EB0GROUP000000000001', participant: `${CHAT}@s.whatsapp.net` }, message: { conversation: 'Hello group' }, messageTimestamp: '1718712000' }]) : groupMissing;
			case 'group/meta/data':
				return group() ? ok(clone(group())) : groupMissing;
			case 'user/presence':
				return ok({ exists: !String(input.phone).startsWith('999'), jid: `${input.phone}@s.whatsapp.net` });
			case 'user/block':
			case 'user/unblock':
				if (route.path === 'user/block') this.blocked.add(String(input.phone));
				else this.blocked.delete(String(input.phone));
				return ok({}, 'Done.');
			case 'user/business':
				return ok({ wid: `${input.phone}@s.whatsapp.net`, description: 'Coffee roasters', category: 'Food', website: ['https://example.com'] });
			case 'user/display/picture':
				return ok({ url: `https://pps.example-whatsapp.net/${input.phone}.jpg` });
			case 'instance/status':
				return ok({ status: this.instance.status, phone: OWN_NUMBER, name: this.instance.name });
			case 'qr':
				return ok({ qrcode: `data:image/png;base64,${PNG_1X1}` });
			case 'session/find':
				return ok({ session_id: 'abc123xyz', status: 'active', created_at: '2024-06-18T12:00:00Z', last_active: '2024-06-18T12:05:00Z' });
			case 'session/status':
				return ok({ status: 'active', connected: true, phone: OWN_NUMBER, platform: 'android' });
			case 'product':
				return ok(clone(this.products));
			case 'product/id': {
				const found = this.products.find((p) => p.id === input.productId);
				return found ? ok(clone(found)) : { status: 404, body: { success: false, message: 'Product Not Found', data: {} } };
			}
			case 'product/create': {
				const created = { id: String(6198355910228500 + ++this.seq), name: input.name, price: Number(input.price), currency: input.currency, isHidden: Number(input.isHidden) === 1, images: input.images };
				this.products.push(created);
				return { status: 201, body: { success: true, message: 'Product created.', data: clone(created) } };
			}
			case 'product/get/order':
				return ok({ orderId: input.orderId, items: [{ productId: '6198355910228429', quantity: 2, price: 4500 }], total: 9000, currency: 'SAR' });
			default:
				// State writes (chat, instance, user name): remember and acknowledge.
				if (route.path.startsWith('chat/')) this.chatState[String(input.phone ?? input.chat)] = { ...(this.chatState[String(input.phone ?? input.chat)] ?? {}), [route.path.slice(5)]: input.duration ?? true };
				if (route.path.startsWith('instance/set/')) Object.assign(this.instance, input);
				if (route.path === 'user/set/name') this.instance.name = input.name;
				return ok({}, 'Done.');
		}
	}

	/**
	 * Posts a webhook delivery as the platform would: JSON, or form-encoded with bracket keys (the
	 * engine's default), optionally signed with `x-webhook-signature` (hex HMAC-SHA256 of the raw body).
	 * @param {string} url
	 * @param {any} payload
	 * @param {{ form?: boolean, hmacSecret?: string, signatureHeader?: string }} [options]
	 */
	deliver(url, payload, options = {}) {
		const raw = options.form ? formEncode(payload) : JSON.stringify(payload);
		/** @type {Record<string, string>} */
		const headers = { 'content-type': options.form ? 'application/x-www-form-urlencoded' : 'application/json' };
		if (options.hmacSecret) headers[options.signatureHeader ?? 'x-webhook-signature'] = sign(raw, options.hmacSecret);
		return postJson(url, raw, headers);
	}
}

/** @param {string} message */
function invalid(message) {
	return { status: 422, body: { Status: 0, Message: message } };
}

/** @param {string} field */
function cap(field) {
	return field.charAt(0).toUpperCase() + field.slice(1);
}

/**
 * `{a: {b: [1]}}` → `a[b][0]=1`: how the engine posts webhooks (form, bracket keys, strings).
 * @param {any} value
 */
function formEncode(value) {
	/** @type {string[]} */
	const parts = [];
	/** @param {any} node @param {string} prefix */
	const walk = (node, prefix) => {
		if (node !== null && typeof node === 'object') {
			for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}[${k}]` : k);
		} else if (node !== undefined) {
			parts.push(`${encodeURIComponent(prefix)}=${encodeURIComponent(node === null ? '' : String(node))}`);
		}
	};
	walk(value, '');
	return parts.join('&');
}

/**
 * @param {string} raw
 * @param {string} secret
 */
function sign(raw, secret) {
	return crypto.createHmac('sha256', secret).update(raw).digest('hex');
}

module.exports = { WhatsLoopFake, DEFAULT_TOKENS, ROUTES, CHAT, GROUP, OWN_NUMBER, formEncode, sign, expandBrackets };
