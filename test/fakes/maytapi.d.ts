// Generated from the JSDoc of ./maytapi.js by test/fakes/build-types.js; do not edit by hand.
/* eslint-disable */
export type FakeRequest = import("./http-fake").FakeRequest;
export type FakeResponse = import("./http-fake").FakeResponse;
export type MaytapiPhone = {
    id: number;
    number: string | null;
    status: "active" | "qr-code" | "phone-error" | "idle" | "loading" | "disabled";
    type: string;
    name: string;
    multi_device: boolean;
    data: Record<string, any>;
};
export type MaytapiGroupConfig = {
    edit: "admins" | "all";
    send: "admins" | "all";
    disappear: boolean;
};
export type MaytapiGroup = {
    id: string;
    name: string;
    participants: string[];
    admins: string[];
    image: string | null;
    config: MaytapiGroupConfig;
    invite: string;
};
export type MaytapiProduct = {
    pid: string;
    webhook: string;
    ack_delivery: boolean;
    phone_limit: number;
};
export type MaytapiPhoneConfig = {
    webhook: string;
    ack_delivery: boolean;
};
export type MaytapiSent = {
    phoneId: number;
    chatId: string;
    msgId: string;
    /**
     * the accepted request body
     */
    body: any;
};
export type MaytapiFakeOptions = {
    productId?: string | undefined;
    token?: string | undefined;
    /**
     * replaces the two default phones
     */
    phones?: MaytapiPhone[] | undefined;
    /**
     * replaces the three default groups
     */
    groups?: MaytapiGroup[] | undefined;
    /**
     * product phone_limit (default 2, so addPhone fails until raised)
     */
    phoneLimit?: number | undefined;
    /**
     * page size of getGroups (default 500, as observed)
     */
    groupPageLimit?: number | undefined;
    name?: string | undefined;
    log?: boolean | undefined;
};
export class MaytapiFake extends HttpFake {
    /** @param {MaytapiFakeOptions} [options] */
    constructor(options?: MaytapiFakeOptions);
    productId: string;
    token: string;
    groupPageLimit: number;
    _seed: {
        phones: any;
        groups: any;
        phoneLimit: number;
    };
    /** @type {MaytapiProduct} */
    product: MaytapiProduct;
    /** @type {MaytapiPhone[]} */
    phones: MaytapiPhone[];
    /** @type {Record<string, MaytapiPhoneConfig>} keyed by phone id */
    phoneConfig: Record<string, MaytapiPhoneConfig>;
    /** @type {MaytapiGroup[]} */
    groups: MaytapiGroup[];
    /** @type {Record<string, number>} pending sends per phone id */
    queue: Record<string, number>;
    /** @type {MaytapiSent[]} */
    sent: MaytapiSent[];
    /** @type {any[]} webhook delivery log served by GET /logs */
    deliveryLog: any[];
    _resetState(): void;
    /** @returns {{ product: MaytapiProduct, phones: MaytapiPhone[], phoneConfig: Record<string, MaytapiPhoneConfig>, groups: MaytapiGroup[], queue: Record<string, number>, sent: MaytapiSent[] }} */
    state(): {
        product: MaytapiProduct;
        phones: MaytapiPhone[];
        phoneConfig: Record<string, MaytapiPhoneConfig>;
        groups: MaytapiGroup[];
        queue: Record<string, number>;
        sent: MaytapiSent[];
    };
    /** Base URL the n8n credential should use. */
    get baseUrl(): string;
    /**
     * The webhook Maytapi would call for a phone: its own config webhook, else the product's.
     * @param {number | string} [phoneId]
     */
    effectiveWebhook(phoneId?: number | string): string;
    /**
     * POST a webhook event to the effective webhook, like Maytapi does.
     * `phoneId` defaults to the body's `phone_id`/`phoneId`. With `respectAckPreference`, ack events
     * are refused while acks are disabled on both product and phone, as Maytapi would not send them.
     * @param {any} body
     * @param {{ phoneId?: number | string, respectAckPreference?: boolean }} [options]
     * @returns {Promise<{ status: number, body: any }>}
     */
    deliver(body: any, { phoneId, respectAckPreference }?: {
        phoneId?: number | string;
        respectAckPreference?: boolean;
    }): Promise<{
        status: number;
        body: any;
    }>;
    /**
     * @param {string} method
     * @param {string} sub path after /api/{productId}
     * @param {(req: FakeRequest, body: any) => FakeResponse | Promise<FakeResponse>} handler
     */
    _productRoute(method: string, sub: string, handler: (req: FakeRequest, body: any) => FakeResponse | Promise<FakeResponse>): void;
    /**
     * @param {string} method
     * @param {string} sub path after /api/{productId}/{phoneId}
     * @param {(req: FakeRequest, phone: MaytapiPhone, body: any) => FakeResponse | Promise<FakeResponse>} handler
     */
    _phoneRoute(method: string, sub: string, handler: (req: FakeRequest, phone: MaytapiPhone, body: any) => FakeResponse | Promise<FakeResponse>): void;
    /**
     * @param {string} id
     * @returns {MaytapiGroup | undefined}
     */
    _group(id: string): MaytapiGroup | undefined;
    /**
     * @param {MaytapiGroup} group
     * @param {boolean} withInvite
     */
    _groupView(group: MaytapiGroup, withInvite: boolean): any;
    _registerRoutes(): void;
    /**
     * @param {'add' | 'remove' | 'promote' | 'demote'} action
     * @param {any} body
     * @returns {FakeResponse}
     */
    _groupMember(action: "add" | "remove" | "promote" | "demote", body: any): FakeResponse;
    _contacts(): {
        id: string;
        name: string;
        type: string;
    }[];
    /**
     * §5.3 status object derived from the phone's status.
     * @param {MaytapiPhone} phone
     */
    _statusOf(phone: MaytapiPhone): {
        loggedIn: boolean;
        isQr: boolean;
        loading: boolean;
        connRetry: boolean;
        message: string;
        state: {
            state: string;
            canSend: boolean;
        };
        version: string;
        number: string | null;
        multidevice: boolean;
    };
    /**
     * Test/dev helper: change a phone's session status (e.g. to emit a matching status webhook).
     * @param {number | string} phoneId
     * @param {MaytapiPhone['status']} status
     */
    setPhoneStatus(phoneId: number | string, status: MaytapiPhone["status"]): void;
}
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
export const DEFAULTS: Readonly<{
    productId: "a1b2c3d4-0000-4000-8000-000000000001";
    token: "test-token";
    phoneLimit: 2;
    groupPageLimit: 500;
}>;
/** @type {MaytapiPhone[]} */
export const DEFAULT_PHONES: MaytapiPhone[];
/** @type {MaytapiGroup[]} */
export const DEFAULT_GROUPS: MaytapiGroup[];
export const CATALOG: {
    productId: string;
    title: string;
    description: string;
    price: string;
    price1000: number;
    currency: string;
    image: string;
    url: string;
    retailerId: string;
    business: string;
    id: string;
}[];
export const PNG: Buffer<ArrayBufferLike>;
/**
 * Validate a sendMessage body; returns an error message or null.
 * @param {any} b
 * @returns {string | null}
 */
export function validateSend(b: any): string | null;
import { HttpFake } from "./http-fake";
