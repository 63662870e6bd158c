// @ts-check
'use strict';
/**
 * Generic in-memory HTTP fake used as the base of the provider fakes.
 *
 * It records every request faithfully (tests assert exact wire requests), can be scripted to
 * fail the next N requests, and exposes `/__fake/*` control endpoints so another process
 * (the e2e test, the dev simulator) can inspect and drive it over HTTP.
 */
const http = require('node:http');
const https = require('node:https');

/**
 * @typedef {object} FakeRequest
 * @property {string} method
 * @property {string} path Path without the query string, exactly as received (not decoded).
 * @property {Record<string, string>} query
 * @property {Record<string, string>} headers Lower-cased header names.
 * @property {any} body Parsed JSON body, or null when the body is empty or not JSON.
 * @property {string} rawBody
 * @property {Record<string, string>} params Decoded `:name` segments of the matched route.
 */

/**
 * A recorded request: a FakeRequest without `params`.
 * @typedef {Omit<FakeRequest, 'params'>} RecordedRequest
 */

/**
 * @typedef {object} FakeResponse
 * @property {number} [status] Defaults to 200.
 * @property {Record<string, string>} [headers]
 * @property {any} [body] JSON-serialised (a string is sent as text/plain unless contentType says otherwise).
 * @property {Buffer} [raw] Sent as is; takes precedence over `body`.
 * @property {string} [contentType]
 */

/**
 * @typedef {(req: FakeRequest) => FakeResponse | Promise<FakeResponse>} Handler
 */

/**
 * @typedef {object} FailMatch
 * @property {string} [method]
 * @property {string | RegExp} [path] Exact path (no query) or a RegExp tested against it.
 */

/**
 * @typedef {object} FailOptions
 * @property {number} [status] Defaults to 500.
 * @property {Record<string, string>} [headers] e.g. `{ 'Retry-After': '1' }`.
 * @property {any} [body]
 * @property {Buffer} [raw]
 * @property {string} [contentType]
 * @property {number} [times] How many matching requests get this response (default 1; Infinity allowed).
 * @property {FailMatch} [match] Only requests matching this are affected; others pass through.
 * @property {number} [delayMs] Wait this long before answering (timeout tests).
 * @property {boolean} [disconnect] Destroy the socket instead of answering (network-error tests).
 * @property {boolean} [afterHandling] Handle the request as usual first (auth and routes: the provider
 *   acts), then serve this failure (a disconnect or a status) in place of the answer: a reply lost on
 *   the way back, or a proxy's 502 after the upstream acted.
 */

/**
 * A provider-side rate limit as WhatsLoop / Lets bot document it: a leaky bucket holding `burst`
 * requests that drains `perSecond` requests a second. Over the limit: 429 with `Retry-After`
 * (seconds); every answer carries `X-RateLimit-Limit`, `-Remaining` and `-Reset` (UTC epoch seconds).
 * @typedef {object} LeakyBucketOptions
 * @property {number} burst
 * @property {number} perSecond
 */

/**
 * @typedef {object} Route
 * @property {string} method
 * @property {RegExp} regex
 * @property {string[]} keys
 * @property {Handler} handler
 */

/** Rate-limit headers to add to a response (set by the leaky bucket). @type {WeakMap<http.ServerResponse, Record<string, string>>} */
const rateHeaders = new WeakMap();

/** Keep-alive short so pooled client sockets do not outlive a test by long. */
const KEEP_ALIVE_MS = 1000;
const MAX_BODY_BYTES = 64 * 1024 * 1024;

/**
 * @param {string} pattern e.g. '/api/:productId/:phoneId/sendMessage'
 * @returns {{ regex: RegExp, keys: string[] }}
 */
function compilePattern(pattern) {
	/** @type {string[]} */
	const keys = [];
	const source = pattern
		.split('/')
		.map((segment) => {
			if (segment.startsWith(':')) {
				keys.push(segment.slice(1));
				return '([^/]+)';
			}
			return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		})
		.join('/');
	return { regex: new RegExp(`^${source}$`), keys };
}

/**
 * @param {any} value
 * @returns {any}
 */
function clone(value) {
	return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/**
 * @param {unknown} error
 * @returns {string}
 */
function errorMessage(error) {
	return error instanceof Error ? error.message : String(error);
}

/**
 * @param {number} ms
 * @returns {Promise<void>}
 */
function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * POST a JSON body to a URL without connection pooling (so nothing keeps the process alive).
 * @param {string} url
 * @param {any} body
 * @param {Record<string, string>} [headers]
 * @returns {Promise<{ status: number, body: any }>} `body` is parsed JSON when possible, else text.
 */
function postJson(url, body, headers = {}) {
	const payload = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
	const target = new URL(url);
	const client = target.protocol === 'https:' ? https : http;
	return new Promise((resolve, reject) => {
		const req = client.request(
			target,
			{
				method: 'POST',
				agent: false,
				headers: {
					'content-type': 'application/json',
					'content-length': String(payload.length),
					'user-agent': 'whatsapp-provider-fake',
					...headers,
				},
				timeout: 30000,
			},
			(res) => {
				/** @type {Buffer[]} */
				const chunks = [];
				res.on('data', (chunk) => chunks.push(chunk));
				res.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					/** @type {any} */
					let parsed = text;
					try {
						parsed = text ? JSON.parse(text) : null;
					} catch {
						// not JSON: keep the text
					}
					resolve({ status: res.statusCode ?? 0, body: parsed });
				});
				res.on('error', reject);
			},
		);
		req.on('timeout', () => req.destroy(new Error(`Timed out posting to ${url}`)));
		req.on('error', reject);
		req.end(payload);
	});
}

class HttpFake {
	/**
	 * @param {{ name: string, log?: boolean }} options `log` prints one line per request to stderr
	 *   (default: env FAKE_LOG=1).
	 */
	constructor({ name, log }) {
		this.name = name;
		this.log = log ?? process.env.FAKE_LOG === '1';
		/** @type {RecordedRequest[]} */
		this.requests = [];
		/** @type {Route[]} */
		this._routes = [];
		/** @type {Route[]} */
		this._controlRoutes = [];
		/** @type {Array<FailOptions & { remaining: number }>} */
		this._failures = [];
		/** @type {((req: FakeRequest) => FakeResponse | null) | null} */
		this._auth = null;
		/** @type {http.Server | null} */
		this._server = null;
		/** @type {string | null} */
		this._origin = null;
		/**
		 * How long each provider request waits before it is answered (a slow provider): milliseconds,
		 * or a function of the request and its index in `requests`.
		 * @type {number | ((req: FakeRequest, index: number) => number)}
		 */
		this.latencyMs = 0;
		/**
		 * When each provider request started and was answered, in order: which requests overlapped.
		 * @type {Array<{ event: 'start' | 'end', request: number }>}
		 */
		this.timeline = [];
		/** @type {(LeakyBucketOptions & { level: number, at: number }) | null} */
		this._bucket = null;
		/** Requests refused with 429 by the leaky bucket since the last reset. */
		this.rateLimited = 0;
		/** Most requests in flight at once since the last reset (concurrency tests). */
		this.maxInFlight = 0;
		this._inFlight = 0;
		this._registerControlRoutes();
	}

	/**
	 * Enforce a leaky bucket on every provider request (null removes it).
	 * @param {LeakyBucketOptions | null} options
	 */
	setRateLimit(options) {
		this._bucket = options ? { ...options, level: 0, at: Date.now() } : null;
		return this;
	}

	/**
	 * Answer every provider request after this many milliseconds (or as many as `ms(req, index)` says).
	 * @param {number | ((req: FakeRequest, index: number) => number)} ms
	 */
	setLatency(ms) {
		this.latencyMs = ms;
		return this;
	}

	/**
	 * Takes one request from the bucket: the headers to answer with, and whether it was refused.
	 * @returns {{ refused: boolean, headers: Record<string, string> } | null}
	 */
	_takeFromBucket() {
		const bucket = this._bucket;
		if (!bucket) return null;
		const now = Date.now();
		bucket.level = Math.max(0, bucket.level - ((now - bucket.at) / 1000) * bucket.perSecond);
		bucket.at = now;
		const refused = bucket.level + 1 > bucket.burst;
		if (!refused) bucket.level += 1;
		/** @param {number} seconds */
		const epochIn = (seconds) => String(Math.ceil(now / 1000 + seconds));
		/** @type {Record<string, string>} */
		const headers = {
			'X-RateLimit-Limit': String(bucket.burst),
			'X-RateLimit-Remaining': String(Math.max(0, Math.floor(bucket.burst - bucket.level))),
			// When the bucket has drained completely.
			'X-RateLimit-Reset': epochIn(bucket.level / bucket.perSecond),
		};
		if (refused) {
			const wait = (bucket.level + 1 - bucket.burst) / bucket.perSecond;
			headers['Retry-After'] = String(Math.max(1, Math.ceil(wait)));
			headers['X-RateLimit-Reset'] = epochIn(wait);
			this.rateLimited += 1;
		}
		return { refused, headers };
	}

	/**
	 * Register a provider route. First registered match wins; trailing slashes are significant.
	 * @param {string} method
	 * @param {string} pattern
	 * @param {Handler} handler
	 */
	route(method, pattern, handler) {
		this._routes.push({ method: method.toUpperCase(), ...compilePattern(pattern), handler });
		return this;
	}

	/**
	 * Register a `/__fake/...` control route (not recorded, not authenticated).
	 * @param {string} method
	 * @param {string} pattern
	 * @param {Handler} handler
	 */
	controlRoute(method, pattern, handler) {
		this._controlRoutes.push({ method: method.toUpperCase(), ...compilePattern(pattern), handler });
		return this;
	}

	/**
	 * @param {(req: FakeRequest) => FakeResponse | null} fn returns null when the request is allowed.
	 */
	authenticate(fn) {
		this._auth = fn;
		return this;
	}

	/**
	 * Queue a scripted response, served before auth and routing to the next matching request(s).
	 * @param {FailOptions} options
	 */
	failNext(options) {
		const times = options.times ?? 1;
		this._failures.push({ ...options, remaining: times });
		return this;
	}

	/** Clear recorded requests only. */
	clearRequests() {
		this.requests.length = 0;
	}

	/** Clear recorded requests and scripted failures. Providers also restore their seed state. */
	reset() {
		this.clearRequests();
		this._failures.length = 0;
		this.rateLimited = 0;
		this.maxInFlight = 0;
		this.timeline.length = 0;
		if (this._bucket) this.setRateLimit({ burst: this._bucket.burst, perSecond: this._bucket.perSecond });
	}

	/**
	 * Provider state snapshot for `GET /__fake/state`.
	 * @returns {any}
	 */
	state() {
		return {};
	}

	/** @returns {string} e.g. 'http://127.0.0.1:5681' */
	get origin() {
		if (!this._origin) throw new Error(`${this.name} fake is not started`);
		return this._origin;
	}

	/**
	 * @param {number} [port] 0 picks a free port.
	 * @param {string} [host]
	 * @returns {Promise<string>} the origin
	 */
	async start(port = 0, host = '127.0.0.1') {
		if (this._server) throw new Error(`${this.name} fake is already started`);
		const server = http.createServer((req, res) => {
			this._onRequest(req, res).catch((error) => {
				// Last resort: a bug in the fake itself must not hang the client.
				console.error(`[${this.name}] internal error`, error);
				if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ message: 'Fake internal error' }));
			});
		});
		server.keepAliveTimeout = KEEP_ALIVE_MS;
		await new Promise((resolve, reject) => {
			server.once('error', reject);
			server.listen(port, host, () => {
				server.off('error', reject);
				resolve(undefined);
			});
		});
		const address = /** @type {import('node:net').AddressInfo} */ (server.address());
		const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
		this._server = server;
		this._origin = `http://${hostPart}:${address.port}`;
		return this._origin;
	}

	async stop() {
		const server = this._server;
		if (!server) return;
		this._server = null;
		this._origin = null;
		await new Promise((resolve) => {
			server.close(() => resolve(undefined));
			// close() waits for keep-alive sockets; drop them so jest can exit straight away.
			server.closeAllConnections();
		});
	}

	/**
	 * POST JSON to any URL (webhook delivery helper for subclasses).
	 * @param {string} url
	 * @param {any} body
	 * @param {Record<string, string>} [headers]
	 */
	deliverTo(url, body, headers) {
		return postJson(url, body, headers);
	}

	// ---- overridable response shapes -------------------------------------------------------

	/**
	 * @param {FakeRequest} req
	 * @returns {FakeResponse}
	 */
	notFound(req) {
		return { status: 404, body: { success: false, message: `Not found: ${req.method} ${req.path}` } };
	}

	/**
	 * @param {FakeRequest} _req
	 * @returns {FakeResponse}
	 */
	invalidJson(_req) {
		return { status: 400, body: { success: false, message: 'Invalid JSON body' } };
	}

	// ---- internals -------------------------------------------------------------------------

	_registerControlRoutes() {
		this.controlRoute('GET', '/__fake/requests', () => ({ body: { requests: this.requests } }));
		this.controlRoute('DELETE', '/__fake/requests', () => {
			this.clearRequests();
			return { body: { ok: true } };
		});
		this.controlRoute('POST', '/__fake/fail', (req) => {
			const options = req.body ?? {};
			if (options.times === null || options.times === -1) options.times = Infinity;
			this.failNext(options);
			return { body: { ok: true } };
		});
		this.controlRoute('GET', '/__fake/state', () => ({ body: this.state() }));
		this.controlRoute('POST', '/__fake/reset', () => {
			this.reset();
			return { body: { ok: true } };
		});
	}

	/**
	 * @param {Route[]} routes
	 * @param {string} method
	 * @param {string} path
	 * @returns {{ route: Route, params: Record<string, string> } | null}
	 */
	_match(routes, method, path) {
		for (const route of routes) {
			if (route.method !== method) continue;
			const m = route.regex.exec(path);
			if (!m) continue;
			/** @type {Record<string, string>} */
			const params = {};
			route.keys.forEach((key, i) => {
				try {
					params[key] = decodeURIComponent(m[i + 1]);
				} catch {
					params[key] = m[i + 1];
				}
			});
			return { route, params };
		}
		return null;
	}

	/**
	 * @param {FakeRequest} req
	 * @returns {(FailOptions & { remaining: number }) | null}
	 */
	_takeFailure(req) {
		const index = this._failures.findIndex((f) => {
			const match = f.match;
			if (!match) return true;
			if (match.method && match.method.toUpperCase() !== req.method) return false;
			if (match.path instanceof RegExp) return match.path.test(req.path);
			if (typeof match.path === 'string') return match.path === req.path;
			return true;
		});
		if (index === -1) return null;
		const failure = this._failures[index];
		failure.remaining -= 1;
		if (failure.remaining <= 0) this._failures.splice(index, 1);
		return failure;
	}

	/**
	 * @param {http.IncomingMessage} req
	 * @returns {Promise<Buffer>}
	 */
	_readBody(req) {
		return new Promise((resolve, reject) => {
			/** @type {Buffer[]} */
			const chunks = [];
			let size = 0;
			req.on('data', (chunk) => {
				size += chunk.length;
				if (size > MAX_BODY_BYTES) {
					reject(new Error('Body too large'));
					req.destroy();
					return;
				}
				chunks.push(chunk);
			});
			req.on('end', () => resolve(Buffer.concat(chunks)));
			req.on('error', reject);
		});
	}

	/**
	 * @param {http.IncomingMessage} incoming
	 * @param {http.ServerResponse} res
	 */
	async _onRequest(incoming, res) {
		const url = new URL(incoming.url ?? '/', 'http://fake.local');
		const rawPath = (incoming.url ?? '/').split('?')[0];
		const method = (incoming.method ?? 'GET').toUpperCase();
		/** @type {Record<string, string>} */
		const headers = {};
		for (const [key, value] of Object.entries(incoming.headers)) {
			if (value !== undefined) headers[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
		}
		const rawBody = (await this._readBody(incoming)).toString('utf8');
		/** @type {any} */
		let body = null;
		let badJson = false;
		if (rawBody.trim() !== '') {
			try {
				body = JSON.parse(rawBody);
			} catch {
				badJson = true;
			}
		}
		/** @type {FakeRequest} */
		const req = {
			method,
			path: rawPath,
			query: Object.fromEntries(url.searchParams.entries()),
			headers,
			body,
			rawBody,
			params: {},
		};

		if (rawPath.startsWith('/__fake/')) {
			const control = this._match(this._controlRoutes, method, rawPath);
			if (!control) return this._send(res, req, { status: 404, body: { message: `No control route ${method} ${rawPath}` } }, false);
			if (badJson) return this._send(res, req, { status: 400, body: { message: 'Invalid JSON body' } }, false);
			req.params = control.params;
			return this._send(res, req, await this._safely(control.route.handler, req), false);
		}

		/** @type {RecordedRequest} */
		const recorded = { method, path: rawPath, query: req.query, headers, body, rawBody };
		this.requests.push(clone(recorded));

		const index = this.requests.length - 1;
		this.timeline.push({ event: 'start', request: index });
		this._inFlight += 1;
		this.maxInFlight = Math.max(this.maxInFlight, this._inFlight);
		try {
			const latency = typeof this.latencyMs === 'function' ? this.latencyMs(req, index) : this.latencyMs;
			if (latency > 0) await sleep(latency);
			const limited = this._takeFromBucket();
			if (limited) rateHeaders.set(res, limited.headers);
			if (limited?.refused) return this._send(res, req, { status: 429, body: { success: false, message: 'Too Many Requests' } });
			return await this._answer(req, res, badJson);
		} finally {
			this._inFlight -= 1;
			this.timeline.push({ event: 'end', request: index });
		}
	}

	/**
	 * Scripted failures, auth and routing of one recorded provider request.
	 * @param {FakeRequest} req
	 * @param {http.ServerResponse} res
	 * @param {boolean} badJson
	 */
	async _answer(req, res, badJson) {
		const { method, path: rawPath } = req;
		const failure = this._takeFailure(req);
		if (failure && !failure.afterHandling) return this._fail(req, res, failure);
		const answer = await this._handle(req, method, rawPath, badJson);
		if (failure) return this._fail(req, res, failure);
		return this._send(res, req, answer);
	}

	/**
	 * Serves a scripted failure: a destroyed socket or its status.
	 * @param {FakeRequest} req
	 * @param {http.ServerResponse} res
	 * @param {FailOptions} failure
	 */
	async _fail(req, res, failure) {
		if (failure.delayMs) await sleep(failure.delayMs);
		if (failure.disconnect) {
			this._logLine(req, 'disconnect');
			res.socket?.destroy();
			return;
		}
		return this._send(res, req, { ...failure, status: failure.status ?? 500 });
	}

	/**
	 * Auth and routing: the provider's own answer.
	 * @param {FakeRequest} req
	 * @param {string} method
	 * @param {string} rawPath
	 * @param {boolean} badJson
	 * @returns {Promise<FakeResponse>}
	 */
	async _handle(req, method, rawPath, badJson) {
		if (this._auth) {
			const rejection = this._auth(req);
			if (rejection) return rejection;
		}
		if (badJson) return this.invalidJson(req);

		const matched = this._match(this._routes, method, rawPath);
		if (!matched) return this.notFound(req);
		req.params = matched.params;
		return await this._safely(matched.route.handler, req);
	}

	/**
	 * @param {Handler} handler
	 * @param {FakeRequest} req
	 * @returns {Promise<FakeResponse>}
	 */
	async _safely(handler, req) {
		try {
			return (await handler(req)) ?? {};
		} catch (error) {
			console.error(`[${this.name}] handler error for ${req.method} ${req.path}`, error);
			return { status: 500, body: { success: false, message: errorMessage(error) } };
		}
	}

	/**
	 * @param {FakeRequest} req
	 * @param {string | number} outcome
	 */
	_logLine(req, outcome) {
		if (this.log) console.error(`[${this.name}] ${req.method} ${req.path} -> ${outcome}`);
	}

	/**
	 * @param {http.ServerResponse} res
	 * @param {FakeRequest} req
	 * @param {FakeResponse} response
	 * @param {boolean} [logIt]
	 */
	_send(res, req, response, logIt = true) {
		const status = response.status ?? 200;
		/** @type {Record<string, string>} */
		const headers = {};
		/** @type {Buffer} */
		let payload;
		if (response.raw) {
			payload = response.raw;
			headers['content-type'] = response.contentType ?? 'application/octet-stream';
		} else if (typeof response.body === 'string') {
			payload = Buffer.from(response.body);
			headers['content-type'] = response.contentType ?? 'text/plain; charset=utf-8';
		} else if (response.body !== undefined) {
			payload = Buffer.from(JSON.stringify(response.body));
			headers['content-type'] = response.contentType ?? 'application/json; charset=utf-8';
		} else {
			payload = Buffer.alloc(0);
		}
		for (const [key, value] of Object.entries({ ...rateHeaders.get(res), ...response.headers })) headers[key.toLowerCase()] = String(value);
		headers['content-length'] = String(payload.length);
		if (logIt) this._logLine(req, status);
		res.writeHead(status, headers);
		res.end(req.method === 'HEAD' ? undefined : payload);
	}
}

module.exports = { HttpFake, postJson, compilePattern, clone, errorMessage };
