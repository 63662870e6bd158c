// Generated from the JSDoc of ./http-fake.js by test/fakes/build-types.js; do not edit by hand.
/* eslint-disable */
export type FakeRequest = {
    method: string;
    /**
     * Path without the query string, exactly as received (not decoded).
     */
    path: string;
    query: Record<string, string>;
    /**
     * Lower-cased header names.
     */
    headers: Record<string, string>;
    /**
     * Parsed JSON body, or null when the body is empty or not JSON.
     */
    body: any;
    rawBody: string;
    /**
     * Decoded `:name` segments of the matched route.
     */
    params: Record<string, string>;
};
/**
 * A recorded request: a FakeRequest without `params`.
 */
export type RecordedRequest = Omit<FakeRequest, "params">;
export type FakeResponse = {
    /**
     * Defaults to 200.
     */
    status?: number | undefined;
    headers?: Record<string, string> | undefined;
    /**
     * JSON-serialised (a string is sent as text/plain unless contentType says otherwise).
     */
    body?: any;
    /**
     * Sent as is; takes precedence over `body`.
     */
    raw?: Buffer<ArrayBufferLike> | undefined;
    contentType?: string | undefined;
};
export type Handler = (req: FakeRequest) => FakeResponse | Promise<FakeResponse>;
export type FailMatch = {
    method?: string | undefined;
    /**
     * Exact path (no query) or a RegExp tested against it.
     */
    path?: string | RegExp | undefined;
};
export type FailOptions = {
    /**
     * Defaults to 500.
     */
    status?: number | undefined;
    /**
     * e.g. `{ 'Retry-After': '1' }`.
     */
    headers?: Record<string, string> | undefined;
    body?: any;
    raw?: Buffer<ArrayBufferLike> | undefined;
    contentType?: string | undefined;
    /**
     * How many matching requests get this response (default 1; Infinity allowed).
     */
    times?: number | undefined;
    /**
     * Only requests matching this are affected; others pass through.
     */
    match?: FailMatch | undefined;
    /**
     * Wait this long before answering (timeout tests).
     */
    delayMs?: number | undefined;
    /**
     * Destroy the socket instead of answering (network-error tests).
     */
    disconnect?: boolean | undefined;
    /**
     * Handle the request as usual first (auth and routes: the provider
     * acts), then serve this failure (a disconnect or a status) in place of the answer: a reply lost on
     * the way back, or a proxy's 502 after the upstream acted.
     */
    afterHandling?: boolean | undefined;
};
/**
 * A provider-side rate limit as WhatsLoop / Lets bot document it: a leaky bucket holding `burst`
 * requests that drains `perSecond` requests a second. Over the limit: 429 with `Retry-After`
 * (seconds); every answer carries `X-RateLimit-Limit`, `-Remaining` and `-Reset` (UTC epoch seconds).
 */
export type LeakyBucketOptions = {
    burst: number;
    perSecond: number;
};
export type Route = {
    method: string;
    regex: RegExp;
    keys: string[];
    handler: Handler;
};
export class HttpFake {
    /**
     * @param {{ name: string, log?: boolean }} options `log` prints one line per request to stderr
     *   (default: env FAKE_LOG=1).
     */
    constructor({ name, log }: {
        name: string;
        log?: boolean;
    });
    name: string;
    log: boolean;
    /** @type {RecordedRequest[]} */
    requests: RecordedRequest[];
    /** @type {Route[]} */
    _routes: Route[];
    /** @type {Route[]} */
    _controlRoutes: Route[];
    /** @type {Array<FailOptions & { remaining: number }>} */
    _failures: Array<FailOptions & {
        remaining: number;
    }>;
    /** @type {((req: FakeRequest) => FakeResponse | null) | null} */
    _auth: ((req: FakeRequest) => FakeResponse | null) | null;
    /** @type {http.Server | null} */
    _server: http.Server | null;
    /** @type {string | null} */
    _origin: string | null;
    /**
     * How long each provider request waits before it is answered (a slow provider): milliseconds,
     * or a function of the request and its index in `requests`.
     * @type {number | ((req: FakeRequest, index: number) => number)}
     */
    latencyMs: number | ((req: FakeRequest, index: number) => number);
    /**
     * When each provider request started and was answered, in order: which requests overlapped.
     * @type {Array<{ event: 'start' | 'end', request: number }>}
     */
    timeline: Array<{
        event: "start" | "end";
        request: number;
    }>;
    /** @type {(LeakyBucketOptions & { level: number, at: number }) | null} */
    _bucket: (LeakyBucketOptions & {
        level: number;
        at: number;
    }) | null;
    /** Requests refused with 429 by the leaky bucket since the last reset. */
    rateLimited: number;
    /** Most requests in flight at once since the last reset (concurrency tests). */
    maxInFlight: number;
    _inFlight: number;
    /**
     * Enforce a leaky bucket on every provider request (null removes it).
     * @param {LeakyBucketOptions | null} options
     */
    setRateLimit(options: LeakyBucketOptions | null): this;
    /**
     * Answer every provider request after this many milliseconds (or as many as `ms(req, index)` says).
     * @param {number | ((req: FakeRequest, index: number) => number)} ms
     */
    setLatency(ms: number | ((req: FakeRequest, index: number) => number)): this;
    /**
     * Takes one request from the bucket: the headers to answer with, and whether it was refused.
     * @returns {{ refused: boolean, headers: Record<string, string> } | null}
     */
    _takeFromBucket(): {
        refused: boolean;
        headers: Record<string, string>;
    } | null;
    /**
     * Register a provider route. First registered match wins; trailing slashes are significant.
     * @param {string} method
     * @param {string} pattern
     * @param {Handler} handler
     */
    route(method: string, pattern: string, handler: Handler): this;
    /**
     * Register a `/__fake/...` control route (not recorded, not authenticated).
     * @param {string} method
     * @param {string} pattern
     * @param {Handler} handler
     */
    controlRoute(method: string, pattern: string, handler: Handler): this;
    /**
     * @param {(req: FakeRequest) => FakeResponse | null} fn returns null when the request is allowed.
     */
    authenticate(fn: (req: FakeRequest) => FakeResponse | null): this;
    /**
     * Queue a scripted response, served before auth and routing to the next matching request(s).
     * @param {FailOptions} options
     */
    failNext(options: FailOptions): this;
    /** Clear recorded requests only. */
    clearRequests(): void;
    /** Clear recorded requests and scripted failures. Providers also restore their seed state. */
    reset(): void;
    /**
     * Provider state snapshot for `GET /__fake/state`.
     * @returns {any}
     */
    state(): any;
    /** @returns {string} e.g. 'http://127.0.0.1:5681' */
    get origin(): string;
    /**
     * @param {number} [port] 0 picks a free port.
     * @param {string} [host]
     * @returns {Promise<string>} the origin
     */
    start(port?: number, host?: string): Promise<string>;
    stop(): Promise<void>;
    /**
     * POST JSON to any URL (webhook delivery helper for subclasses).
     * @param {string} url
     * @param {any} body
     * @param {Record<string, string>} [headers]
     */
    deliverTo(url: string, body: any, headers?: Record<string, string>): Promise<{
        status: number;
        body: any;
    }>;
    /**
     * @param {FakeRequest} req
     * @returns {FakeResponse}
     */
    notFound(req: FakeRequest): FakeResponse;
    /**
     * @param {FakeRequest} _req
     * @returns {FakeResponse}
     */
    invalidJson(_req: FakeRequest): FakeResponse;
    _registerControlRoutes(): void;
    /**
     * @param {Route[]} routes
     * @param {string} method
     * @param {string} path
     * @returns {{ route: Route, params: Record<string, string> } | null}
     */
    _match(routes: Route[], method: string, path: string): {
        route: Route;
        params: Record<string, string>;
    } | null;
    /**
     * @param {FakeRequest} req
     * @returns {(FailOptions & { remaining: number }) | null}
     */
    _takeFailure(req: FakeRequest): (FailOptions & {
        remaining: number;
    }) | null;
    /**
     * @param {http.IncomingMessage} req
     * @returns {Promise<Buffer>}
     */
    _readBody(req: http.IncomingMessage): Promise<Buffer>;
    /**
     * @param {http.IncomingMessage} incoming
     * @param {http.ServerResponse} res
     */
    _onRequest(incoming: http.IncomingMessage, res: http.ServerResponse): Promise<void>;
    /**
     * Scripted failures, auth and routing of one recorded provider request.
     * @param {FakeRequest} req
     * @param {http.ServerResponse} res
     * @param {boolean} badJson
     */
    _answer(req: FakeRequest, res: http.ServerResponse, badJson: boolean): Promise<void>;
    /**
     * Serves a scripted failure: a destroyed socket or its status.
     * @param {FakeRequest} req
     * @param {http.ServerResponse} res
     * @param {FailOptions} failure
     */
    _fail(req: FakeRequest, res: http.ServerResponse, failure: FailOptions): Promise<void>;
    /**
     * Auth and routing: the provider's own answer.
     * @param {FakeRequest} req
     * @param {string} method
     * @param {string} rawPath
     * @param {boolean} badJson
     * @returns {Promise<FakeResponse>}
     */
    _handle(req: FakeRequest, method: string, rawPath: string, badJson: boolean): Promise<FakeResponse>;
    /**
     * @param {Handler} handler
     * @param {FakeRequest} req
     * @returns {Promise<FakeResponse>}
     */
    _safely(handler: Handler, req: FakeRequest): Promise<FakeResponse>;
    /**
     * @param {FakeRequest} req
     * @param {string | number} outcome
     */
    _logLine(req: FakeRequest, outcome: string | number): void;
    /**
     * @param {http.ServerResponse} res
     * @param {FakeRequest} req
     * @param {FakeResponse} response
     * @param {boolean} [logIt]
     */
    _send(res: http.ServerResponse, req: FakeRequest, response: FakeResponse, logIt?: boolean): void;
}
/**
 * POST a JSON body to a URL without connection pooling (so nothing keeps the process alive).
 * @param {string} url
 * @param {any} body
 * @param {Record<string, string>} [headers]
 * @returns {Promise<{ status: number, body: any }>} `body` is parsed JSON when possible, else text.
 */
export function postJson(url: string, body: any, headers?: Record<string, string>): Promise<{
    status: number;
    body: any;
}>;
/**
 * @param {string} pattern e.g. '/api/:productId/:phoneId/sendMessage'
 * @returns {{ regex: RegExp, keys: string[] }}
 */
export function compilePattern(pattern: string): {
    regex: RegExp;
    keys: string[];
};
/**
 * @param {any} value
 * @returns {any}
 */
export function clone(value: any): any;
/**
 * @param {unknown} error
 * @returns {string}
 */
export function errorMessage(error: unknown): string;
import http = require("node:http");
