// Generated from the JSDoc of ./sobot.js by test/fakes/build-types.js; do not edit by hand.
/* eslint-disable */
export type FakeRequest = import("./http-fake").FakeRequest;
export type FakeResponse = import("./http-fake").FakeResponse;
export type SobotCustomer = {
    id: number;
    name: string;
    first_name: string;
    last_name: string;
    mobile: string;
    email: string | null;
    gender: string | null;
    date_of_birth: string | null;
    facebook_profile: string | null;
    linkedin_profile: string | null;
    twitter_profile: string | null;
    extra_fields: Record<string, any>;
    labels: string[];
};
export type SobotTemplate = {
    id: number;
    /**
     * null, an array of {phone_number,text}, or a single such object
     */
    phone_numbers: any;
    template: string;
    entity_name: string;
    category: string;
    template_id: string | null;
    header: string | null;
    header_type: string | null;
    template_type: "TEXT" | "MEDIA";
    sub_type: string | null;
    buttons: string[] | null;
    footer: string | null;
    url: string | null;
    example: string | null;
    example_website: string | null;
    url_name: string | null;
    created_at: string;
    updated_at: string | null;
    status: 0 | 1 | 2;
    rejected_reason: string | null;
    added_by: number;
    lang_code: string;
};
export type SobotSent = {
    /**
     * the wamid returned to the client
     */
    id: string;
    kind: "template" | "freeform";
    /**
     * the accepted request body
     */
    body: any;
};
export type SobotFakeOptions = {
    apiKey?: string | undefined;
    apiSecret?: string | undefined;
    /**
     * HTTP status for `{code:400}` error bodies (default 400)
     */
    errorHttpStatus?: number | undefined;
    /**
     * replaces the 45 seed customers
     */
    customers?: SobotCustomer[] | undefined;
    /**
     * replaces the 25 seed templates
     */
    templates?: SobotTemplate[] | undefined;
    /**
     * where deliver() posts by default
     */
    webhookUrl?: string | undefined;
    name?: string | undefined;
    log?: boolean | undefined;
};
export class SobotFake extends HttpFake {
    /**
     * Documented status payload (§4.4).
     * @param {string} id wamid
     * @param {string} status sent | delivered | read | failed
     */
    static statusPayload(id: string, status: string, timestamp?: number): {
        id: string;
        status: string;
        timestamp: string;
    };
    /**
     * Documented inbound text payload (§4.3).
     * @param {{ from: string, name?: string, text: string, business?: string, id?: string, timestamp?: number }} m
     */
    static inboundTextPayload({ from, name, text, business, id, timestamp }: {
        from: string;
        name?: string;
        text: string;
        business?: string;
        id?: string;
        timestamp?: number;
    }): {
        value: {
            messaging_product: string;
            metadata: {
                display_phone_number: string;
            };
            contacts: {
                profile: {
                    name: string;
                };
                wa_id: string;
            }[];
            messages: {
                from: string;
                id: string;
                timestamp: string;
                type: string;
                text: {
                    body: string;
                };
            }[];
        };
        field: string;
    }[];
    /** @param {SobotFakeOptions} [options] */
    constructor(options?: SobotFakeOptions);
    apiKey: string;
    apiSecret: string;
    errorHttpStatus: number;
    /** Where deliver() posts when no url is given (Sobot has no registration API). */
    webhookUrl: string;
    _seed: {
        customers: any;
        templates: any;
    };
    /** @type {SobotCustomer[]} */
    customers: SobotCustomer[];
    /** @type {SobotTemplate[]} */
    templates: SobotTemplate[];
    /** @type {SobotSent[]} */
    sent: SobotSent[];
    _resetState(): void;
    /** @returns {{ customers: SobotCustomer[], templates: SobotTemplate[], sent: SobotSent[] }} */
    state(): {
        customers: SobotCustomer[];
        templates: SobotTemplate[];
        sent: SobotSent[];
    };
    /** Base URL the n8n credential should use. */
    get baseUrl(): string;
    /**
     * POST a webhook payload (array of changes, or a flat status object) to the webhook URL.
     * @param {any} body
     * @param {{ url?: string }} [options]
     * @returns {Promise<{ status: number, body: any }>}
     */
    deliver(body: any, { url }?: {
        url?: string;
    }): Promise<{
        status: number;
        body: any;
    }>;
    /**
     * @param {string} message
     * @returns {FakeResponse}
     */
    error(message: string): FakeResponse;
    /**
     * Page `items` the way the docs show (`?page=N`, 20 per page, absolute next/previous links).
     * @param {FakeRequest} req
     * @param {string} path
     * @param {any[]} items
     * @param {Record<string, string>} [keep] query parameters to carry into next/previous links
     * @returns {FakeResponse}
     */
    _page(req: FakeRequest, path: string, items: any[], keep?: Record<string, string>): FakeResponse;
    /**
     * Validate the optional customer fields shared by create and update.
     * @param {any} b
     * @returns {string | null}
     */
    _customerFieldsError(b: any): string | null;
    /**
     * @param {SobotCustomer} customer
     * @param {any} b
     */
    _applyCustomerFields(customer: SobotCustomer, b: any): void;
    _registerRoutes(): void;
    /**
     * @param {any} b
     * @returns {string | null}
     */
    _templateCreateError(b: any): string | null;
}
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
export const DEFAULTS: Readonly<{
    apiKey: "test-key";
    apiSecret: "test-secret";
    errorHttpStatus: 400;
    pageSize: 20;
}>;
/** 45 customers, ids 3400001–3400045, mobiles 919960100001–919960100045. */
export function seedCustomers(): SobotCustomer[];
/** 25 templates, ids 601–625 in TEMPLATE_ROWS order. */
export function seedTemplates(): SobotTemplate[];
/**
 * Distinct `{{n}}` placeholders of a text.
 * @param {string | null | undefined} text
 * @returns {number[]}
 */
export function placeholders(text: string | null | undefined): number[];
/** Meta-like id: the docs' sample decodes to 1c180c + number + 150200111812 + 18 hex chars + 00. */
/** @param {string} number */
export function makeWamid(number: string): string;
import { HttpFake } from "./http-fake";
