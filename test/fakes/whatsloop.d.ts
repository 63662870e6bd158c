// Generated from the JSDoc of ./whatsloop.js by test/fakes/build-types.js; do not edit by hand.
/* eslint-disable */
export type FakeRequest = import("./http-fake").FakeRequest;
export type FakeResponse = import("./http-fake").FakeResponse;
export type WhatsLoopFakeOptions = {
    /**
     * token → brand ('whatsloop' | 'letsbot')
     */
    tokens?: Record<string, string> | undefined;
    /**
     * bucket size (requests); default 60 (Basic plan)
     */
    capacity?: number | undefined;
    /**
     * default 1
     */
    leakPerSecond?: number | undefined;
    /**
     * time source in ms; default Date
     */
    clock?: {
        now(): number;
    } | undefined;
    /**
     * routes (e.g. 'button/video') that answer 404 on this host
     */
    unavailable?: string[] | undefined;
    /**
     * send X-RateLimit-* on every answer (default true; 429s always carry Retry-After)
     */
    rateHeaders?: boolean | undefined;
    name?: string | undefined;
    log?: boolean | undefined;
};
export type SentMessage = {
    id: string;
    route: string;
    brand: string;
    body: any;
    at: number;
};
export class WhatsLoopFake extends HttpFake {
    /** @param {WhatsLoopFakeOptions} [options] */
    constructor(options?: WhatsLoopFakeOptions);
    tokens: Record<string, string>;
    capacity: number;
    leakPerSecond: number;
    clock: {
        now(): number;
    };
    unavailable: Set<string>;
    rateHeaders: boolean;
    /** @type {Map<string, { level: number, at: number }>} */
    buckets: Map<string, {
        level: number;
        at: number;
    }>;
    throttled: number;
    /** @type {SentMessage[]} */
    sent: SentMessage[];
    /** @type {any[]} */
    conversation: any[];
    /** @type {Array<Record<string, any>>} */
    groups: Array<Record<string, any>>;
    /** @type {any[]} */
    products: any[];
    /** @type {Record<string, any>} */
    chatState: Record<string, any>;
    /** @type {Record<string, any>} */
    instance: Record<string, any>;
    /** @type {Set<string>} */
    blocked: Set<string>;
    seq: number;
    /** The credential's base URL for this fake (both brands). */
    get baseUrl(): string;
    /** @param {string} brand */
    tokenOf(brand: string): string;
    _seed(): void;
    state(): {
        sent: any;
        throttled: number;
        groups: any;
        chatState: any;
        instance: any;
        blocked: string[];
    };
    /** Form bodies are not JSON: parse them the way the platform does, then route as usual. */
    /** @param {FakeRequest} req */
    invalidJson(req: FakeRequest): import("./http-fake").FakeResponse | {
        status: number;
        body: {
            success: boolean;
            message: string;
            data: {};
        };
    };
    /** @param {FakeRequest} req */
    notFound(req: FakeRequest): {
        status: number;
        body: {
            success: boolean;
            message: string;
            data: {};
        };
    };
    /**
     * Bearer token (401 otherwise), then the token's leaky bucket (429 when full).
     * @param {FakeRequest} req
     * @returns {FakeResponse | null}
     */
    _authenticate(req: FakeRequest): FakeResponse | null;
    /** @param {string} token */
    _leak(token: string): {
        level: number;
        at: number;
    };
    /** @param {{ level: number }} bucket */
    _rateHeaders(bucket: {
        level: number;
    }): {
        'X-RateLimit-Limit': string;
        'X-RateLimit-Remaining': string;
        'X-RateLimit-Reset': string;
    };
    /**
     * @param {typeof ROUTES[number]} route
     * @param {FakeRequest} req
     * @returns {FakeResponse}
     */
    _respond(route: (typeof ROUTES)[number], req: FakeRequest): FakeResponse;
    /**
     * @param {typeof ROUTES[number]} route
     * @param {FakeRequest} req
     * @returns {FakeResponse}
     */
    _reply(route: (typeof ROUTES)[number], req: FakeRequest): FakeResponse;
    /**
     * @param {typeof ROUTES[number]} route
     * @param {FakeRequest} req
     * @param {Record<string, any>} input
     * @returns {FakeResponse}
     */
    _sendMessage(route: (typeof ROUTES)[number], req: FakeRequest, input: Record<string, any>): FakeResponse;
    /**
     * @param {typeof ROUTES[number]} route
     * @param {FakeRequest} req
     * @param {Record<string, any>} input
     * @returns {FakeResponse}
     */
    _otherRoute(route: (typeof ROUTES)[number], req: FakeRequest, input: Record<string, any>): FakeResponse;
    /**
     * Posts a webhook delivery as the platform would: JSON, or form-encoded with bracket keys (the
     * engine's default), optionally signed with `x-webhook-signature` (hex HMAC-SHA256 of the raw body).
     * @param {string} url
     * @param {any} payload
     * @param {{ form?: boolean, hmacSecret?: string, signatureHeader?: string }} [options]
     */
    deliver(url: string, payload: any, options?: {
        form?: boolean;
        hmacSecret?: string;
        signatureHeader?: string;
    }): Promise<{
        status: number;
        body: any;
    }>;
}
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
export const DEFAULT_TOKENS: Readonly<{
    'wl-test-token': "whatsloop";
    'lb-test-token': "letsbot";
}>;
/**
 * Route map (reference §4b): method, path, the fields the platform requires (422 `{"Status":0}`
 * when one is missing) and what the route does.
 * @type {Array<{ method: string, path: string, required: string[], kind: 'send' | 'read' | 'write', media?: string }>}
 */
export const ROUTES: Array<{
    method: string;
    path: string;
    required: string[];
    kind: "send" | "read" | "write";
    media?: string;
}>;
export const CHAT: "966500000001";
export const GROUP: "120363027326493365@g.us";
export const OWN_NUMBER: "966511111111";
/**
 * `{a: {b: [1]}}` → `a[b][0]=1`: how the engine posts webhooks (form, bracket keys, strings).
 * @param {any} value
 */
export function formEncode(value: any): string;
/**
 * @param {string} raw
 * @param {string} secret
 */
export function sign(raw: string, secret: string): string;
/**
 * `{'a[0][b]': '1'}` → `{a: [{b: '1'}]}`: what the platform's Laravel side makes of bracket keys.
 * @param {Record<string, any>} flat
 */
export function expandBrackets(flat: Record<string, any>): any;
import { HttpFake } from "./http-fake";
