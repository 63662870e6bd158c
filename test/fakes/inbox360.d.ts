// Generated from the JSDoc of ./inbox360.js by test/fakes/build-types.js; do not edit by hand.
/* eslint-disable */
export type FakeRequest = import("./http-fake").FakeRequest;
export type FakeResponse = import("./http-fake").FakeResponse;
export type Inbox360FakeOptions = {
    username?: string | undefined;
    password?: string | undefined;
    /**
     * token of the API user (the username/password exchange returns it)
     */
    token?: string | undefined;
    /**
     * the legacy key this (2021-style) inbox accepts
     */
    d360ApiKey?: string | undefined;
    /**
     * larger uploads get 413
     */
    maxUploadBytes?: number | undefined;
    name?: string | undefined;
    log?: boolean | undefined;
};
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
export class Inbox360Fake extends HttpFake {
    /** @param {Inbox360FakeOptions} [options] */
    constructor(options?: Inbox360FakeOptions);
    username: string;
    initialPassword: string;
    password: string;
    initialToken: string;
    d360ApiKey: string;
    maxUploadBytes: number;
    /** @type {Buffer} */
    _lastRaw: Buffer;
    /** @type {any} */
    db: any;
    token: string;
    /** Base URL the n8n credential should use: the inbox origin. */
    get baseUrl(): string;
    _resetState(): void;
    /** The API user the token (or legacy key) belongs to. */
    get apiUser(): any;
    /**
     * @param {FakeRequest} req
     * @returns {FakeResponse | null}
     */
    _authenticate(req: FakeRequest): FakeResponse | null;
    /**
     * A DRF page of `list` for this request's limit/offset.
     * @param {FakeRequest} req
     * @param {any[]} list
     * @returns {FakeResponse}
     */
    page(req: FakeRequest, list: any[]): FakeResponse;
    /** @param {any} u */
    _user(u: any): any;
    /** @param {string} waId */
    _chat(waId: string): {
        contact: any;
        wa_id: string;
        new_messages: any;
        last_message: any;
        assigned_to_user: any;
        assigned_group: any;
        tags: any;
    } | null;
    /**
     * @param {any} body
     * @returns {FakeResponse | null} an error, or null when the send is valid
     */
    _validateSend(body: any): FakeResponse | null;
    _registerRoutes(): void;
}
/** @typedef {import('./http-fake').FakeRequest} FakeRequest */
/** @typedef {import('./http-fake').FakeResponse} FakeResponse */
export const DEFAULTS: Readonly<{
    username: "n8n-bot";
    password: "bot-password-1";
    token: "8aeb44f5a318542d32bb13019d68198467ee21f0";
    d360ApiKey: "legacy-d360-key";
    maxUploadBytes: number;
}>;
import { PNG } from "./maytapi";
/**
 * Parses a multipart/form-data body (read as latin1, so bytes survive) into its parts.
 * @param {Buffer} raw
 * @param {string} contentType
 * @returns {Record<string, { fileName?: string, contentType?: string, data: Buffer }>}
 */
export function parseMultipart(raw: Buffer, contentType: string): Record<string, {
    fileName?: string;
    contentType?: string;
    data: Buffer;
}>;
import { HttpFake } from "./http-fake";
export { PNG };
