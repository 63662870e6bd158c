// @ts-check
'use strict';
/**
 * Fake 360dialog Inbox (WhatsApp Integration API, formerly Wabbit / get.chat), written from
 * /work/shared/providers/wabbit-inbox.md. A Django REST Framework app under `{origin}/api/v1/`:
 * token auth (`Authorization: Token …`, 403 `{"detail": "Invalid token."}` otherwise), the
 * username/password exchange, DRF error bodies, limit/offset pages with count/next/previous, 202
 * on a queued send, 453 on a closed customer-service window and one WABA webhook per user.
 *
 * Where the reference only infers a route, the fake picks one form, so the node's fallbacks are
 * exercised: a webhook is updated with PUT only (PATCH → 405).
 */
const crypto = require('node:crypto');
const { URLSearchParams } = require('node:url');
const { HttpFake, clone } = require('./http-fake');
const { PNG } = require('./maytapi');

/** @typedef {import('./http-fake').FakeRequest} FakeRequest */
/** @typedef {import('./http-fake').FakeResponse} FakeResponse */

const DEFAULTS = Object.freeze({
	username: 'n8n-bot',
	password: 'bot-password-1',
	token: '8aeb44f5a318542d32bb13019d68198467ee21f0',
	d360ApiKey: 'legacy-d360-key',
	maxUploadBytes: 16 * 1024 * 1024,
});

const API = '/api/v1';
const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const PAGE_LIMIT = 100;

/**
 * @param {number} id
 * @param {string} username
 * @param {string} role
 * @param {{ id: number, name: string }[]} groups
 */
function user(id, username, role, groups) {
	const [first, last] = username === 'n8n-bot' ? ['N8n', 'Bot'] : [username[0].toUpperCase() + username.slice(1), 'Agent'];
	const all = role === 'admin' ? 'all' : role === 'app' ? 'user' : 'group';
	return {
		url: `{origin}${API}/users/${id}/`,
		id,
		username,
		first_name: first,
		last_name: last,
		email: `${username}@example.com`,
		profile: { role, is_available: true },
		groups,
		permissions: { can_use_tags: true, can_read_chats: all, can_write_to_chats: all },
	};
}

const GROUPS = [
	{ id: 3, name: 'Admin' },
	{ id: 7, name: 'App integration' },
	{ id: 23, name: 'Agents' },
];

const SEED = {
	users: [user(1, 'konrad', 'admin', [GROUPS[0]]), user(12, 'anna', 'user', [GROUPS[2]]), user(42, 'n8n-bot', 'app', [GROUPS[1]])],
	tags: [
		{ id: 5, name: 'Agent needed', web_inbox_color: '#f44336' },
		{ id: 6, name: 'VIP', web_inbox_color: '#ffc107' },
	],
	persons: [
		{ wa_id: '48123123123', name: 'Konrad Tester', last: 1612544982, windowOpen: true },
		{ wa_id: '48500600700', name: 'Ewa Nowak', last: 1612540000, windowOpen: true },
		{ wa_id: '48999000111', name: 'Closed Window', last: 1600000000, windowOpen: false },
	],
	templates: [
		{
			name: 'order_update',
			category: 'UTILITY',
			language: 'en',
			namespace: 'c8ae5f90_307a_ca4c_b8f6_d1e2a2573574',
			status: 'approved',
			rejected_reason: null,
			components: [
				{ type: 'HEADER', format: 'TEXT', text: 'Order {{1}}' },
				{ type: 'BODY', text: 'Hi {{1}}, your order {{2}} ships on {{3}}.' },
				{ type: 'FOOTER', text: 'Acme Shop' },
				{ type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url: 'https://shop.example.com/track/{{1}}' }] },
			],
		},
		{
			name: 'invoice',
			category: 'UTILITY',
			language: { code: 'de' },
			namespace: 'c8ae5f90_307a_ca4c_b8f6_d1e2a2573574',
			status: 'approved',
			rejected_reason: null,
			components: [
				{ type: 'HEADER', format: 'DOCUMENT' },
				{ type: 'BODY', text: 'Ihre Rechnung {{1}}' },
			],
		},
		{
			name: 'promo_old',
			category: 'MARKETING',
			language: 'en',
			namespace: 'c8ae5f90_307a_ca4c_b8f6_d1e2a2573574',
			status: 'rejected',
			rejected_reason: 'PROMOTIONAL',
			components: [{ type: 'BODY', text: 'Sale!' }],
		},
	],
};

const SEND_TYPES = new Set(['text', 'image', 'video', 'audio', 'voice', 'document', 'sticker', 'location', 'contacts', 'interactive', 'template', 'hsm', 'reaction']);
const MEDIA_TYPES = new Set(['image', 'video', 'audio', 'voice', 'document', 'sticker']);

/** @param {any} v */
const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/** @param {any} v */
const nonEmpty = (v) => typeof v === 'string' && v.trim() !== '';

/**
 * DRF's 400 shape: `{"field": ["message"]}`.
 * @param {string} field
 * @param {string} message
 * @returns {FakeResponse}
 */
function invalid(field, message) {
	return { status: 400, body: { [field]: [message] } };
}

/** @param {string} [message] @returns {FakeResponse} */
function notFound(message = 'Not found.') {
	return { status: 404, body: { detail: message } };
}

/**
 * Parses a multipart/form-data body (read as latin1, so bytes survive) into its parts.
 * @param {Buffer} raw
 * @param {string} contentType
 * @returns {Record<string, { fileName?: string, contentType?: string, data: Buffer }>}
 */
function parseMultipart(raw, contentType) {
	const boundary = /boundary=("?)([^";]+)\1/.exec(contentType)?.[2];
	/** @type {Record<string, { fileName?: string, contentType?: string, data: Buffer }>} */
	const parts = {};
	if (!boundary) return parts;
	const text = raw.toString('latin1');
	for (const chunk of text.split(`--${boundary}`).slice(1)) {
		if (chunk.startsWith('--')) break;
		const [head, ...rest] = chunk.replace(/^\r\n/, '').split('\r\n\r\n');
		const bodyText = rest.join('\r\n\r\n').replace(/\r\n$/, '');
		const name = /name="([^"]*)"/.exec(head)?.[1];
		if (!name) continue;
		parts[name] = {
			fileName: /filename="([^"]*)"/.exec(head)?.[1],
			contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1],
			data: Buffer.from(bodyText, 'latin1'),
		};
	}
	return parts;
}

/**
 * @typedef {object} Inbox360FakeOptions
 * @property {string} [username]
 * @property {string} [password]
 * @property {string} [token] token of the API user (the username/password exchange returns it)
 * @property {string} [d360ApiKey] the legacy key this (2021-style) inbox accepts
 * @property {number} [maxUploadBytes] larger uploads get 413
 * @property {string} [name]
 * @property {boolean} [log]
 */

class Inbox360Fake extends HttpFake {
	/** @param {Inbox360FakeOptions} [options] */
	constructor(options = {}) {
		super({ name: options.name ?? 'inbox360', log: options.log });
		this.username = options.username ?? DEFAULTS.username;
		this.initialPassword = options.password ?? DEFAULTS.password;
		this.password = this.initialPassword;
		this.initialToken = options.token ?? DEFAULTS.token;
		this.d360ApiKey = options.d360ApiKey ?? DEFAULTS.d360ApiKey;
		this.maxUploadBytes = options.maxUploadBytes ?? DEFAULTS.maxUploadBytes;
		/** @type {Buffer} */
		this._lastRaw = Buffer.alloc(0);
		/** @type {any} */
		this.db = {};
		this._resetState();
		this.authenticate((req) => this._authenticate(req));
		this._registerRoutes();
		this.controlRoute('POST', '/__fake/deliver', async (req) => {
			const { body, userId } = req.body ?? {};
			const hook = this.db.webhooks.find((/** @type {any} */ w) => w.user.id === (userId ?? 42));
			if (!hook) return { status: 409, body: { message: `No webhook for user ${userId ?? 42}` } };
			return { body: await this.deliverTo(hook.url, body) };
		});
		// Revokes the API user's token (as an admin regenerating it would): the next login gets a new one.
		this.controlRoute('POST', '/__fake/rotate-token', () => {
			this.token = crypto.randomBytes(20).toString('hex');
			return { body: { ok: true } };
		});
	}

	/** Base URL the n8n credential should use: the inbox origin. */
	get baseUrl() {
		return this.origin;
	}

	reset() {
		super.reset();
		this._resetState();
	}

	_resetState() {
		this.token = this.initialToken;
		// The API user's password can be changed through the API (W41/W42); a reset restores it.
		this.password = this.initialPassword;
		const now = Math.floor(Date.now() / 1000);
		this.db = {
			users: clone(SEED.users),
			groups: clone(GROUPS),
			tags: clone(SEED.tags),
			persons: SEED.persons.map((p) => ({
				wa_id: p.wa_id,
				waba_payload: { profile: { name: p.name }, wa_id: p.wa_id },
				initials: p.name.split(' ').map((w) => w[0]).join(''),
				last_message_timestamp: p.last,
				resolved: false,
				messaging_window_expires_at: p.windowOpen ? now + 3600 : p.last + 86400,
			})),
			assignments: /** @type {Record<string, { assigned_to_user: number | null, assigned_group: number | null }>} */ ({}),
			chatTaggings: /** @type {any[]} */ ([]),
			messageTaggings: /** @type {any[]} */ ([]),
			chatTaggingEvents: /** @type {any[]} */ ([]),
			messageTaggingEvents: /** @type {any[]} */ ([]),
			assignmentEvents: /** @type {any[]} */ ([]),
			messages: /** @type {any[]} */ ([
				{
					id: 'ABGGSFEBeRJ_AhD8o8zP9ulNeUPgdKvfzvgh',
					waba_payload: { from: '48123123123', id: 'ABGGSFEBeRJ_AhD8o8zP9ulNeUPgdKvfzvgh', timestamp: '1612544982', type: 'text', text: { body: 'Hello' } },
					customer_wa_id: '48123123123',
					from_us: false,
					received: false,
					tags: [],
				},
				{
					id: 'ABGGSFEBeRJ_older000000000000000000',
					waba_payload: { from: '48500600700', id: 'ABGGSFEBeRJ_older000000000000000000', timestamp: '1612540000', type: 'text', text: { body: 'Where is my order?' } },
					customer_wa_id: '48500600700',
					from_us: false,
					received: false,
					tags: [],
				},
			]),
			received: /** @type {Record<string, number>} */ ({}),
			media: /** @type {Record<string, { data: Buffer, contentType: string, fileName?: string }>} */ ({}),
			templates: clone(SEED.templates),
			savedResponses: [{ id: 1, text: 'Thanks, we are on it!', created_by: 1, timestamp: 1612544000 }],
			webhooks: /** @type {any[]} */ ([]),
			businessProfile: { address: 'Main St 1', description: 'Acme Shop', email: 'shop@example.com', vertical: 'Shopping and Retail', websites: ['https://shop.example.com'] },
			about: 'Open 9–17',
			photo: /** @type {Buffer | null} */ (PNG),
			// Ids of the users whose password an admin set (W42); the passwords themselves are not kept.
			passwordsSet: /** @type {number[]} */ ([]),
			settingsRefreshes: 0,
			whatsappAccounts: [
				{ phone_number: '4930609859535', this_instance: true },
				{ phone_number: '4930609859536', this_instance: false },
			],
			sent: /** @type {any[]} */ ([]),
			nextId: 100,
		};
		this.db.media['3f4a6a4c-0c36-4d6b-9f55-2f1f0c7f2a10'] = { data: PNG, contentType: 'image/png', fileName: 'photo.png' };
	}

	/** @returns {any} */
	state() {
		return clone({ ...this.db, photo: this.db.photo ? this.db.photo.length : null, media: Object.keys(this.db.media) });
	}

	/** The API user the token (or legacy key) belongs to. */
	get apiUser() {
		return this.db.users.find((/** @type {any} */ u) => u.id === 42);
	}

	/**
	 * Keeps the raw bytes of the last body, for multipart uploads (the base class reads text).
	 * @param {import('node:http').IncomingMessage} req
	 * @returns {Promise<Buffer>}
	 */
	async _readBody(req) {
		const raw = await super._readBody(req);
		this._lastRaw = raw;
		return raw;
	}

	/**
	 * Multipart bodies are not JSON: the base class hands them here, so uploads are handled here.
	 * @param {FakeRequest} req
	 * @returns {FakeResponse}
	 */
	invalidJson(req) {
		const type = req.headers['content-type'] ?? '';
		if (!/^multipart\/form-data/i.test(type)) return { status: 400, body: { detail: 'JSON parse error' } };
		const parts = parseMultipart(this._lastRaw, type);
		const file = parts.file_encoded;
		if (!file) return invalid('file_encoded', 'No file was submitted.');
		if (req.method === 'POST' && req.path === `${API}/media/`) {
			if (file.data.length > this.maxUploadBytes) return { status: 413, body: { detail: 'The media file is too big to upload!' } };
			const id = crypto.randomUUID();
			this.db.media[id] = { data: file.data, contentType: file.contentType ?? 'application/octet-stream', fileName: file.fileName };
			return { status: 201, body: { file: `${this.origin}${API}/media/${id}/`, id } };
		}
		if (req.method === 'POST' && req.path === `${API}/settings/profile/photo/`) {
			this.db.photo = file.data;
			return { body: {} };
		}
		return notFound();
	}

	/**
	 * @param {FakeRequest} req
	 * @returns {FakeResponse | null}
	 */
	_authenticate(req) {
		if (req.path === `${API}/auth/token/` || req.path === `${API}/`) return null;
		const auth = req.headers.authorization;
		if (auth !== undefined) {
			const match = /^Token (\S+)$/.exec(auth);
			return match && match[1] === this.token ? null : { status: 403, body: { detail: 'Invalid token.' } };
		}
		if (req.headers['d360-api-key'] === this.d360ApiKey) return null;
		return { status: 403, body: { detail: 'Authentication credentials were not provided.' } };
	}

	/**
	 * A DRF page of `list` for this request's limit/offset.
	 * @param {FakeRequest} req
	 * @param {any[]} list
	 * @returns {FakeResponse}
	 */
	page(req, list) {
		const limit = Math.max(1, Number(req.query.limit ?? PAGE_LIMIT) || PAGE_LIMIT);
		const offset = Math.max(0, Number(req.query.offset ?? 0) || 0);
		const link = (/** @type {number} */ o) => {
			const qs = new URLSearchParams({ ...req.query, limit: String(limit), offset: String(o) });
			return `${this.origin}${req.path}?${qs}`;
		};
		return {
			body: {
				count: list.length,
				next: offset + limit < list.length ? link(offset + limit) : null,
				previous: offset > 0 ? link(Math.max(0, offset - limit)) : null,
				results: clone(list.slice(offset, offset + limit)),
			},
		};
	}

	/** @param {any} u */
	_user(u) {
		return JSON.parse(JSON.stringify(u).split('{origin}').join(this.origin));
	}

	/** @param {string} waId */
	_chat(waId) {
		const person = this.db.persons.find((/** @type {any} */ p) => p.wa_id === waId);
		if (!person) return null;
		const assignment = this.db.assignments[waId] ?? { assigned_to_user: null, assigned_group: null };
		const last = [...this.db.messages].reverse().find((/** @type {any} */ m) => m.customer_wa_id === waId) ?? null;
		return {
			contact: person,
			wa_id: waId,
			new_messages: this.db.messages.filter((/** @type {any} */ m) => m.customer_wa_id === waId && !m.from_us && Number(m.waba_payload.timestamp) > (this.db.received[waId] ?? 0)).length,
			last_message: last,
			assigned_to_user: assignment.assigned_to_user ? this._user(this.db.users.find((/** @type {any} */ u) => u.id === assignment.assigned_to_user)) : null,
			assigned_group: assignment.assigned_group ? this.db.groups.find((/** @type {any} */ g) => g.id === assignment.assigned_group) : null,
			tags: this.db.chatTaggings
				.filter((/** @type {any} */ t) => t.chat === waId)
				.map((/** @type {any} */ t) => ({ ...this.db.tags.find((/** @type {any} */ tag) => tag.id === t.tag), tagging_id: t.id })),
		};
	}

	/**
	 * @param {any} body
	 * @returns {FakeResponse | null} an error, or null when the send is valid
	 */
	_validateSend(body) {
		if (!isPlainObject(body)) return invalid('non_field_errors', 'Invalid data. Expected a dictionary.');
		if (!nonEmpty(body.wa_id)) return invalid('wa_id', 'This field is required.');
		if (!nonEmpty(body.type)) return invalid('type', 'This field is required.');
		if (!SEND_TYPES.has(body.type)) return invalid('type', `"${body.type}" is not a valid choice.`);
		const payload = body[body.type];
		if (payload === undefined) return invalid(body.type, 'This field is required.');
		if (body.type === 'text' && !nonEmpty(payload?.body)) return invalid('text', 'body is required.');
		if (MEDIA_TYPES.has(body.type) && !nonEmpty(payload?.link) && !nonEmpty(payload?.id)) return invalid(body.type, 'link or id is required.');
		if (body.type === 'location' && (typeof payload?.latitude !== 'number' || typeof payload?.longitude !== 'number')) return invalid('location', 'latitude and longitude are required numbers.');
		if (body.type === 'contacts' && (!Array.isArray(payload) || !payload.every((/** @type {any} */ c) => nonEmpty(c?.name?.formatted_name)))) {
			return invalid('contacts', 'Each contact needs name.formatted_name.');
		}
		if (body.type === 'interactive' && (!nonEmpty(payload?.type) || !nonEmpty(payload?.body?.text) || !isPlainObject(payload?.action))) {
			return invalid('interactive', 'type, body.text and action are required.');
		}
		if (body.type === 'template') {
			if (!nonEmpty(payload?.name) || !nonEmpty(payload?.namespace) || !nonEmpty(payload?.language?.code)) return invalid('template', 'name, namespace and language.code are required.');
			if (!this.db.templates.some((/** @type {any} */ t) => t.name === payload.name && t.status === 'approved')) return invalid('template', `Template ${payload.name} is not approved.`);
		}
		return null;
	}

	_registerRoutes() {
		const route = (/** @type {string} */ method, /** @type {string} */ path, /** @type {import('./http-fake').Handler} */ handler) => this.route(method, `${API}${path}`, handler);
		const me = () => this.apiUser;
		const id = () => this.db.nextId++;

		route('GET', '/', () => ({ body: { chats: `${this.origin}${API}/chats/` } }));
		route('POST', '/auth/token/', (req) => {
			const { username, password } = req.body ?? {};
			if (!nonEmpty(username)) return invalid('username', 'This field is required.');
			if (!nonEmpty(password)) return invalid('password', 'This field is required.');
			if (username !== this.username || password !== this.password) return invalid('non_field_errors', 'Unable to log in with provided credentials.');
			return { body: { token: this.token } };
		});

		// Users and groups
		route('GET', '/users/current/', () => ({ body: this._user(me()) }));
		route('GET', '/users/', (req) => this.page(req, this.db.users.map((/** @type {any} */ u) => this._user(u))));
		route('POST', '/users/', (req) => {
			const b = req.body ?? {};
			if (me().profile.role !== 'admin' && me().profile.role !== 'app') return { status: 403, body: { detail: 'You do not have permission to perform this action.' } };
			if (!nonEmpty(b.username)) return invalid('username', 'This field is required.');
			if (!/^[A-Za-z0-9]+$/.test(b.username)) return invalid('username', 'Enter a valid username (letters and numbers only).');
			if (this.db.users.some((/** @type {any} */ u) => u.username === b.username)) return invalid('username', 'A user with that username already exists.');
			const created = { ...user(id(), b.username, b.profile?.role ?? 'user', []), first_name: b.first_name ?? '', last_name: b.last_name ?? '', email: b.email ?? '' };
			this.db.users.push(created);
			return { status: 201, body: { ...this._user(created), activation_url: `${this.origin}/activate/${crypto.randomUUID()}/` } };
		});
		route('GET', '/users/:id/', (req) => {
			const found = this.db.users.find((/** @type {any} */ u) => String(u.id) === req.params.id);
			return found ? { body: this._user(found) } : notFound();
		});
		route('PATCH', '/users/:id/', (req) => {
			const found = this.db.users.find((/** @type {any} */ u) => String(u.id) === req.params.id);
			if (!found) return notFound();
			const b = req.body ?? {};
			for (const key of ['first_name', 'last_name']) if (b[key] !== undefined && (typeof b[key] !== 'string' || b[key].length > 150)) return invalid(key, 'Ensure this field has no more than 150 characters.');
			if (b.email !== undefined && !/^[^@\s]+@[^@\s]+$/.test(b.email)) return invalid('email', 'Enter a valid email address.');
			Object.assign(found, b);
			return { body: this._user(found) };
		});
		route('PATCH', '/users/:id/availability', (req) => {
			const found = this.db.users.find((/** @type {any} */ u) => String(u.id) === req.params.id);
			if (!found) return notFound();
			if (typeof req.body?.is_available !== 'boolean') return invalid('is_available', 'Must be a valid boolean.');
			found.profile.is_available = req.body.is_available;
			return { body: { is_available: found.profile.is_available } };
		});
		// Django's password validation, as the inbox's settings have it by default (at least 8 characters).
		const weakPassword = (/** @type {string} */ field, /** @type {any} */ value) => {
			if (!nonEmpty(value)) return invalid(field, 'This field is required.');
			if (value.length < 8) return invalid(field, 'This password is too short. It must contain at least 8 characters.');
			return null;
		};
		route('PUT', '/users/password/change/', (req) => {
			const b = req.body ?? {};
			if (!nonEmpty(b.current_password)) return invalid('current_password', 'This field is required.');
			if (b.current_password !== this.password) return invalid('current_password', 'Your old password was entered incorrectly. Please enter it again.');
			const weak = weakPassword('new_password', b.new_password);
			if (weak) return weak;
			this.password = b.new_password;
			return { body: {} };
		});
		// An UpdateAPIView: PUT and PATCH both set the password (the reference infers the method, §2 W42).
		const setPassword = (/** @type {FakeRequest} */ req) => {
			if (me().profile.role !== 'admin' && me().profile.role !== 'app') return { status: 403, body: { detail: 'You do not have permission to perform this action.' } };
			const found = this.db.users.find((/** @type {any} */ u) => String(u.id) === req.params.id);
			if (!found) return notFound();
			const weak = weakPassword('password', req.body?.password);
			if (weak) return weak;
			if (found.id === me().id) this.password = req.body.password;
			this.db.passwordsSet.push(found.id);
			return { body: {} };
		};
		route('PUT', '/users/:id/password/change/', setPassword);
		route('PATCH', '/users/:id/password/change/', setPassword);
		route('GET', '/groups/', (req) => this.page(req, this.db.groups));
		route('POST', '/templates/refresh/issue/', () => ({ body: { currently_refreshing: true } }));

		// Chats, assignment
		route('GET', '/chats/', (req) => {
			let chats = this.db.persons.map((/** @type {any} */ p) => this._chat(p.wa_id));
			const q = req.query;
			if (q.search) chats = chats.filter((/** @type {any} */ c) => `${c.wa_id} ${c.contact.waba_payload.profile.name}`.toLowerCase().includes(q.search.toLowerCase()));
			if (q.assigned_to_me === 'true') chats = chats.filter((/** @type {any} */ c) => c.assigned_to_user?.id === 42);
			if (q.assigned_group) chats = chats.filter((/** @type {any} */ c) => String(c.assigned_group?.id) === q.assigned_group);
			if (q.chat_tag_id) chats = chats.filter((/** @type {any} */ c) => c.tags.some((/** @type {any} */ t) => String(t.id) === q.chat_tag_id));
			if (q.unread === 'true') chats = chats.filter((/** @type {any} */ c) => c.new_messages > 0);
			return this.page(req, chats);
		});
		route('GET', '/chats/:waId/', (req) => {
			const chat = this._chat(req.params.waId);
			return chat ? { body: chat } : notFound();
		});
		route('PATCH', '/chats/:waId/resolve', (req) => {
			const person = this.db.persons.find((/** @type {any} */ p) => p.wa_id === req.params.waId);
			if (!person) return notFound();
			if (typeof req.body?.resolved !== 'boolean') return invalid('resolved', 'Must be a valid boolean.');
			person.resolved = req.body.resolved;
			return { body: { wa_id: person.wa_id, resolved: person.resolved } };
		});
		route('GET', '/chat_assignment/:waId/', (req) => {
			if (!this._chat(req.params.waId)) return notFound();
			return { body: { wa_id: req.params.waId, ...(this.db.assignments[req.params.waId] ?? { assigned_to_user: null, assigned_group: null }) } };
		});
		const assign = (/** @type {FakeRequest} */ req, /** @type {boolean} */ full) => {
			const waId = req.params.waId;
			if (!this._chat(waId)) return notFound();
			const b = req.body ?? {};
			if (full && !nonEmpty(b.wa_id)) return invalid('wa_id', 'This field is required.');
			const current = this.db.assignments[waId] ?? { assigned_to_user: null, assigned_group: null };
			const next = { ...current };
			for (const key of /** @type {const} */ (['assigned_to_user', 'assigned_group'])) {
				if (!(key in b)) continue;
				const value = b[key];
				if (value !== null && typeof value !== 'number') return invalid(key, 'Incorrect type. Expected pk value.');
				const exists = key === 'assigned_to_user' ? this.db.users.some((/** @type {any} */ u) => u.id === value) : this.db.groups.some((/** @type {any} */ g) => g.id === value);
				if (value !== null && !exists) return invalid(key, `Invalid pk "${value}" - object does not exist.`);
				next[key] = value;
			}
			this.db.assignments[waId] = next;
			this.db.assignmentEvents.push({
				timestamp: Math.floor(Date.now() / 1000),
				wa_id: waId,
				assigned_to_user_set: next.assigned_to_user && next.assigned_to_user !== current.assigned_to_user ? this._user(this.db.users.find((/** @type {any} */ u) => u.id === next.assigned_to_user)) : null,
				assigned_to_user_was_cleared: current.assigned_to_user !== null && next.assigned_to_user === null,
				assigned_group_set: next.assigned_group && next.assigned_group !== current.assigned_group ? this.db.groups.find((/** @type {any} */ g) => g.id === next.assigned_group) : null,
				assigned_group_was_cleared: current.assigned_group !== null && next.assigned_group === null,
				done_by: this._user(me()),
			});
			return { body: { wa_id: waId, ...next } };
		};
		route('PATCH', '/chat_assignment/:waId/', (req) => assign(req, false));
		route('PUT', '/chat_assignment/:waId/', (req) => assign(req, true));
		const events = (/** @type {FakeRequest} */ req, /** @type {any[]} */ list, /** @type {(e: any) => string} */ chatOf) => {
			const q = req.query;
			const filtered = list
				.filter((e) => !q.wa_id || chatOf(e) === q.wa_id)
				.filter((e) => !q.message_id || e.message === q.message_id)
				.filter((e) => !q.since_time || e.timestamp >= Number(q.since_time))
				.filter((e) => !q.before_time || e.timestamp < Number(q.before_time));
			return this.page(req, [...filtered].reverse());
		};
		route('GET', '/chat_assignment_events/', (req) => events(req, this.db.assignmentEvents, (e) => e.wa_id));

		// Messages
		route('GET', '/messages/', (req) => {
			const q = req.query;
			let list = [...this.db.messages].reverse();
			if (q.wa_id) list = list.filter((m) => m.customer_wa_id === q.wa_id);
			if (q.search) list = list.filter((m) => JSON.stringify(m.waba_payload).toLowerCase().includes(q.search.toLowerCase()));
			if (q.before_time) list = list.filter((m) => Number(m.waba_payload.timestamp) < Number(q.before_time));
			if (q.since_time) list = list.filter((m) => Number(m.waba_payload.timestamp) >= Number(q.since_time));
			if (q.from_us) list = list.filter((m) => String(m.from_us) === q.from_us);
			return this.page(req, list);
		});
		route('POST', '/messages/', (req) => {
			const error = this._validateSend(req.body);
			if (error) return error;
			const b = req.body;
			const person = this.db.persons.find((/** @type {any} */ p) => p.wa_id === b.wa_id);
			if (person && b.type !== 'template' && b.type !== 'hsm' && person.messaging_window_expires_at < Date.now() / 1000) {
				return { status: 453, body: { detail: 'Customer service window expired. You can only send a template message.' } };
			}
			const messageId = `gBGGSFEBeRJ_${crypto.randomBytes(12).toString('hex')}`;
			const stored = {
				id: messageId,
				waba_payload: { to: b.wa_id, id: messageId, timestamp: String(Math.floor(Date.now() / 1000)), type: b.type, [b.type]: b[b.type], ...(b.context ? { context: b.context } : {}) },
				customer_wa_id: b.wa_id,
				from_us: true,
				received: true,
				sender: this._user(me()),
				tags: [],
			};
			this.db.messages.push(stored);
			this.db.sent.push(clone(b));
			return { status: 202, body: { id: messageId, reason: 'Message was queued for sending.' } };
		});
		route('POST', '/mark_as_received/', (req) => {
			const b = req.body ?? {};
			if (!nonEmpty(b.customer_wa_id)) return invalid('customer_wa_id', 'This field is required.');
			if (typeof b.timestamp !== 'number') return invalid('timestamp', 'A valid integer is required.');
			this.db.received[b.customer_wa_id] = b.timestamp;
			return { body: {} };
		});
		route('GET', '/media/:id/', (req) => {
			const media = this.db.media[req.params.id];
			return media ? { raw: media.data, contentType: media.contentType } : notFound();
		});

		// Persons and contacts
		route('GET', '/persons/', (req) => {
			const s = (req.query.search ?? '').toLowerCase();
			return this.page(req, this.db.persons.filter((/** @type {any} */ p) => !s || `${p.wa_id} ${p.waba_payload.profile.name}`.toLowerCase().includes(s)));
		});
		route('GET', '/persons/:waId/', (req) => {
			const person = this.db.persons.find((/** @type {any} */ p) => p.wa_id === req.params.waId);
			return person ? { body: person } : notFound();
		});
		const contacts = [
			{ name: 'Konrad Tester', initials: 'KT', phone_numbers: [{ phone_number: '+48 123 123 123', description: 'mobile' }], email_addresses: [], contact_provider: { type: 'google', name: 'Google', id: '0b7f1e1c-6a43-4a49-8a8a-1b2c3d4e5f60' } },
			{ name: 'Ewa Nowak', initials: 'EN', phone_numbers: [{ phone_number: '+48 500 600 700', description: 'work' }], email_addresses: [{ email_address: 'ewa@example.com', description: '' }], contact_provider: { type: 'hubspot', name: 'HubSpot', id: '1c8f2e2d-7b54-4b5a-9b9b-2c3d4e5f6071' } },
			{ name: 'Piotr Kowalski', initials: 'PK', phone_numbers: [{ phone_number: '+48 600 700 800', description: '' }], email_addresses: [], contact_provider: { type: 'google', name: 'Google', id: '0b7f1e1c-6a43-4a49-8a8a-1b2c3d4e5f60' } },
		];
		// Contact providers page with opaque cursors (`pages`), and report no count.
		route('GET', '/contacts/', (req) => {
			const s = (req.query.search ?? '').toLowerCase();
			const list = contacts.filter((c) => !s || JSON.stringify(c).toLowerCase().includes(s));
			const start = req.query.pages ? Number(Buffer.from(req.query.pages, 'base64url').toString()) : 0;
			// Like some contact providers, this one ignores `limit` and pages by two.
			const size = 2;
			const end = start + size;
			const next = end < list.length ? `${this.origin}${API}/contacts/?${new URLSearchParams({ ...req.query, pages: Buffer.from(String(end)).toString('base64url') })}` : null;
			return { body: { count: null, next, previous: null, results: list.slice(start, end) } };
		});
		route('GET', '/contacts/:waId/', (req) => {
			const person = this.db.persons.find((/** @type {any} */ p) => p.wa_id === req.params.waId) ?? null;
			const digits = (/** @type {string} */ s) => s.replace(/\D/g, '');
			return { body: { person, contact_provider_results: contacts.filter((c) => c.phone_numbers.some((p) => digits(p.phone_number) === req.params.waId)) } };
		});
		route('POST', '/contacts/verify/', (req) => {
			const b = req.body ?? {};
			if (!Array.isArray(b.contacts) || !b.contacts.length) return invalid('contacts', 'This field is required.');
			return {
				body: {
					contacts: b.contacts.map((/** @type {string} */ input) => {
						const digits = String(input).replace(/\D/g, '');
						return digits.startsWith('48') ? { input, wa_id: digits, status: 'valid' } : { input, status: 'invalid' };
					}),
				},
			};
		});

		// Tags and taggings
		route('GET', '/tags/', (req) => this.page(req, this.db.tags));
		route('POST', '/tags/', (req) => {
			const b = req.body ?? {};
			if (!nonEmpty(b.name)) return invalid('name', 'This field is required.');
			if (b.name.length > 1000) return invalid('name', 'Ensure this field has no more than 1000 characters.');
			if (this.db.tags.some((/** @type {any} */ t) => t.name === b.name)) return invalid('name', 'tag with this name already exists.');
			const tag = { id: id(), name: b.name, web_inbox_color: b.web_inbox_color ?? null };
			this.db.tags.push(tag);
			return { status: 201, body: tag };
		});
		const tagById = (/** @type {any} */ tagId) => this.db.tags.find((/** @type {any} */ t) => t.id === tagId);
		route('POST', '/chat_tagging/', (req) => {
			const b = req.body ?? {};
			if (typeof b.tag !== 'number' || !tagById(b.tag)) return invalid('tag', `Invalid pk "${b.tag}" - object does not exist.`);
			if (!nonEmpty(b.chat) || !this._chat(b.chat)) return invalid('chat', `Invalid pk "${b.chat}" - object does not exist.`);
			if (this.db.chatTaggings.some((/** @type {any} */ t) => t.tag === b.tag && t.chat === b.chat)) return invalid('non_field_errors', 'The fields tag, chat must make a unique set.');
			const tagging = { id: id(), tag: b.tag, chat: b.chat, extra: b.extra ?? null };
			this.db.chatTaggings.push(tagging);
			this.db.chatTaggingEvents.push({ timestamp: Math.floor(Date.now() / 1000), action: 'added', tag: tagById(b.tag), chat: b.chat, done_by: this._user(me()) });
			return { status: 201, body: tagging };
		});
		route('DELETE', '/chat_tagging/:id/', (req) => {
			const index = this.db.chatTaggings.findIndex((/** @type {any} */ t) => String(t.id) === req.params.id);
			if (index < 0) return notFound();
			const [tagging] = this.db.chatTaggings.splice(index, 1);
			this.db.chatTaggingEvents.push({ timestamp: Math.floor(Date.now() / 1000), action: 'removed', tag: tagById(tagging.tag), chat: tagging.chat, done_by: this._user(me()) });
			return { status: 204 };
		});
		route('GET', '/chat_tagging/:id/', (req) => {
			const tagging = this.db.chatTaggings.find((/** @type {any} */ t) => String(t.id) === req.params.id);
			return tagging ? { body: tagging } : notFound();
		});
		route('GET', '/chat_tagging_events/', (req) => events(req, this.db.chatTaggingEvents, (e) => e.chat));
		route('POST', '/message_tagging/', (req) => {
			const b = req.body ?? {};
			if (typeof b.tag !== 'number' || !tagById(b.tag)) return invalid('tag', `Invalid pk "${b.tag}" - object does not exist.`);
			const message = this.db.messages.find((/** @type {any} */ m) => m.id === b.message);
			if (!message) return invalid('message', `Invalid pk "${b.message}" - object does not exist.`);
			if (this.db.messageTaggings.some((/** @type {any} */ t) => t.tag === b.tag && t.message === b.message)) return invalid('non_field_errors', 'The fields tag, message must make a unique set.');
			const tagging = { id: id(), tag: b.tag, message: b.message, extra: b.extra ?? null };
			this.db.messageTaggings.push(tagging);
			this.db.messageTaggingEvents.push({ timestamp: Math.floor(Date.now() / 1000), action: 'added', tag: tagById(b.tag), message: b.message, wa_id: message.customer_wa_id, extra: tagging.extra, done_by: this._user(me()) });
			return { status: 201, body: tagging };
		});
		// The reference only infers this route; this inbox also answers it without the trailing slash.
		route('DELETE', '/message_tagging/:id', (req) => {
			const index = this.db.messageTaggings.findIndex((/** @type {any} */ t) => String(t.id) === req.params.id);
			if (index < 0) return notFound();
			this.db.messageTaggings.splice(index, 1);
			return { status: 204 };
		});
		route('DELETE', '/message_tagging/:id/', (req) => {
			const index = this.db.messageTaggings.findIndex((/** @type {any} */ t) => String(t.id) === req.params.id);
			if (index < 0) return notFound();
			this.db.messageTaggings.splice(index, 1);
			return { status: 204 };
		});
		route('GET', '/message_tagging/:id/', (req) => {
			const tagging = this.db.messageTaggings.find((/** @type {any} */ t) => String(t.id) === req.params.id);
			return tagging ? { body: tagging } : notFound();
		});
		route('GET', '/message_tagging_events/', (req) => events(req, this.db.messageTaggingEvents, (e) => e.wa_id));

		// Saved responses
		route('GET', '/saved_responses/', (req) => this.page(req, this.db.savedResponses));
		route('POST', '/saved_responses/', (req) => {
			if (!nonEmpty(req.body?.text)) return invalid('text', 'This field is required.');
			const saved = { id: id(), text: req.body.text, created_by: 42, timestamp: Math.floor(Date.now() / 1000) };
			this.db.savedResponses.push(saved);
			return { status: 201, body: saved };
		});
		route('DELETE', '/saved_responses/:id/', (req) => {
			const index = this.db.savedResponses.findIndex((/** @type {any} */ s) => String(s.id) === req.params.id);
			if (index < 0) return notFound();
			this.db.savedResponses.splice(index, 1);
			return { status: 204 };
		});

		// Templates
		route('GET', '/templates/', (req) => this.page(req, this.db.templates));
		route('POST', '/templates/', (req) => {
			const b = req.body ?? {};
			for (const key of ['name', 'category', 'language']) if (!nonEmpty(b[key])) return invalid(key, 'This field is required.');
			if (!Array.isArray(b.components) || !b.components.length) return invalid('components', 'This field is required.');
			if (this.db.templates.some((/** @type {any} */ t) => t.name === b.name && (t.language?.code ?? t.language) === b.language)) return invalid('name', 'Template with this name and language already exists.');
			const template = { ...b, namespace: SEED.templates[0].namespace, status: 'pending', rejected_reason: null };
			this.db.templates.push(template);
			return { status: 201, body: template };
		});
		route('DELETE', '/templates/:name/', (req) => {
			const before = this.db.templates.length;
			this.db.templates = this.db.templates.filter((/** @type {any} */ t) => t.name !== req.params.name);
			return before === this.db.templates.length ? notFound() : { status: 204 };
		});

		// Business profile, about, photo
		route('GET', '/settings/business/profile/', () => ({ body: { ...this.db.businessProfile, about: this.db.about } }));
		route('PATCH', '/settings/business/profile/', (req) => {
			const b = req.body ?? {};
			if (b.websites !== undefined && !Array.isArray(b.websites)) return invalid('websites', 'Expected a list of items.');
			Object.assign(this.db.businessProfile, b);
			return { body: this.db.businessProfile };
		});
		route('POST', '/settings/refresh/issue/', () => {
			this.db.settingsRefreshes++;
			return { body: { currently_refreshing: true } };
		});
		// A bare array (S3), filtered to this inbox's own number by `this_instance=true`.
		route('GET', '/whatsapp_accounts/', (req) => ({
			body: this.db.whatsappAccounts.filter((/** @type {any} */ a) => req.query.this_instance !== 'true' || a.this_instance),
		}));
		route('GET', '/settings/profile/about/', () => ({ body: { settings: { profile: { about: { text: this.db.about } } } } }));
		route('PATCH', '/settings/profile/about/', (req) => {
			if (typeof req.body?.text !== 'string') return invalid('text', 'This field is required.');
			this.db.about = req.body.text;
			return { body: {} };
		});
		route('GET', '/settings/profile/photo/', () => (this.db.photo ? { raw: this.db.photo, contentType: 'image/png' } : notFound()));
		route('DELETE', '/settings/profile/photo/', () => {
			this.db.photo = null;
			return { body: {} };
		});

		// WABA webhooks: one per user; updated with PUT only (PATCH → 405, as DRF answers). The list
		// holds the caller's own webhook, or every user's when the caller is an admin (W51).
		route('GET', '/webhooks/waba/', (req) => this.page(req, this.db.webhooks.filter((/** @type {any} */ w) => me().profile.role === 'admin' || w.user.id === me().id)));
		route('POST', '/webhooks/waba/', (req) => {
			const b = req.body ?? {};
			if (!nonEmpty(b.url) || !/^https?:\/\//.test(b.url)) return invalid('url', 'Enter a valid URL.');
			if (this.db.webhooks.some((/** @type {any} */ w) => w.user.id === me().id)) return invalid('user', 'waba webhook with this user already exists.');
			const hook = { id: id(), user: { id: me().id, username: me().username, url: this._user(me()).url }, url: b.url, on_incoming_message: b.on_incoming_message === true };
			this.db.webhooks.push(hook);
			return { status: 201, body: hook };
		});
		const hookOf = (/** @type {FakeRequest} */ req) => this.db.webhooks.find((/** @type {any} */ w) => String(w.id) === req.params.id && w.user.id === me().id);
		route('GET', '/webhooks/waba/:id/', (req) => (hookOf(req) ? { body: hookOf(req) } : notFound()));
		route('PUT', '/webhooks/waba/:id/', (req) => {
			const hook = hookOf(req);
			if (!hook) return notFound();
			const b = req.body ?? {};
			if (!nonEmpty(b.url) || !/^https?:\/\//.test(b.url)) return invalid('url', 'Enter a valid URL.');
			hook.url = b.url;
			if (typeof b.on_incoming_message === 'boolean') hook.on_incoming_message = b.on_incoming_message;
			return { body: hook };
		});
		route('PATCH', '/webhooks/waba/:id/', () => ({ status: 405, body: { detail: 'Method "PATCH" not allowed.' } }));
		route('DELETE', '/webhooks/waba/:id/', (req) => {
			const hook = hookOf(req);
			if (!hook) return notFound();
			this.db.webhooks = this.db.webhooks.filter((/** @type {any} */ w) => w !== hook);
			return { status: 204 };
		});
	}

	/**
	 * Django and DRF for a request no route takes: a path that only exists with a trailing slash is
	 * redirected there (APPEND_SLASH, 301, before any view runs); a known path with another method is
	 * 405; anything else 404.
	 * @param {FakeRequest} req
	 * @returns {FakeResponse}
	 */
	notFound(req) {
		const known = (/** @type {string} */ path) => HTTP_METHODS.some((method) => this._match(this._routes, method, path));
		if (req.path.startsWith(`${API}/`) && !req.path.endsWith('/') && known(`${req.path}/`)) {
			const query = new URLSearchParams(req.query).toString();
			return { status: 301, headers: { location: `${this.origin}${req.path}/${query ? `?${query}` : ''}` }, body: '' };
		}
		if (known(req.path)) return { status: 405, body: { detail: `Method "${req.method}" not allowed.` } };
		return notFound();
	}
}

module.exports = { Inbox360Fake, DEFAULTS, PNG, parseMultipart };
