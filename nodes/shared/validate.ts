import type { INode } from 'n8n-workflow';

import { inputError } from './errors';

/** Comma- or newline-separated text as a trimmed list without empties; arrays (from expressions) pass through. */
export function splitList(value: unknown): string[] {
	const list = Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[,;\n]/);
	return list.map((s) => s.trim()).filter(Boolean);
}

/** IPv4 ranges a provider's servers can't reach: this host, private, link-local and shared (CGNAT) networks. */
function isPrivateIPv4(parts: number[]): boolean {
	const [a, b] = parts;
	return (
		a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127)
	);
}

/** The eight 16-bit groups of an IPv6 address (as the URL parser writes it), or undefined. */
function ipv6Groups(address: string): number[] | undefined {
	const [head, tail = ''] = address.split('::');
	const parse = (part: string) => (part ? part.split(':') : []);
	const left = parse(head);
	const right = parse(tail);
	if (address.includes('::') ? left.length + right.length > 7 : left.length !== 8) return undefined;
	const groups = [...left, ...Array(8 - left.length - right.length).fill('0'), ...right].map((g) => parseInt(g, 16));
	return groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : undefined;
}

/**
 * Hosts a provider's servers can't download from: this machine or a private network. IPv4 private,
 * loopback, link-local (169.254/16) and shared ranges; IPv6 loopback, unspecified, unique-local
 * (fc00::/7), link-local (fe80::/10) and IPv4-mapped/compatible forms of private IPv4 addresses.
 * Takes a URL's `hostname` (the URL parser has already normalised forms like 0x7f.1 or 2130706433).
 */
export function isPrivateHost(hostname: string): boolean {
	const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
	if (host === 'localhost' || host.endsWith('.localhost')) return true;
	const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
	if (v4) return isPrivateIPv4(v4.slice(1).map(Number));
	if (!host.includes(':')) return false;
	const groups = ipv6Groups(host);
	if (!groups) return true; // not an address we can read: refuse rather than guess
	if (groups.slice(0, 7).every((g) => g === 0) && groups[7] <= 1) return true; // :: and ::1
	if ((groups[0] & 0xfe00) === 0xfc00 || (groups[0] & 0xffc0) === 0xfe80) return true;
	const mapped = groups.slice(0, 5).every((g) => g === 0) && (groups[5] === 0xffff || groups[5] === 0);
	return mapped && isPrivateIPv4([groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff]);
}

/** WhatsApp chat ids that are passed through untouched (person, group, broadcast, channel). */
const CHAT_ID = /^[\w.:-]+@(c\.us|g\.us|s\.whatsapp\.net|broadcast|newsletter|lid)$/;

export interface PhoneOptions {
	/** Accept `…@c.us` / `…@g.us` chat ids as well as numbers. */
	allowChatId?: boolean;
	/** Most providers cap numbers at E.164's 15 digits. */
	maxDigits?: number;
}

/**
 * Checks made before anything is sent. Each failure names the field (by its label in the UI) and
 * the item, so a user can find the bad value in a long input list.
 */
export class InputValidator {
	constructor(
		private readonly node: INode,
		readonly itemIndex: number,
	) {}

	fail(message: string, description?: string): never {
		throw inputError(this.node, `${message} [item ${this.itemIndex}]`, this.itemIndex, description);
	}

	/** Digits with country code: strips `+`, spaces, dashes, dots, brackets and a leading `00`. */
	phone(value: unknown, field: string, options: PhoneOptions = {}): string {
		const raw = String(value ?? '').trim();
		if (!raw) this.fail(`"${field}" is required`, 'Enter the number with its country code, e.g. 905301234567.');
		if (options.allowChatId && CHAT_ID.test(raw)) return raw;
		let digits = raw.replace(/[\s\-.()/]/g, '');
		if (digits.startsWith('+')) digits = digits.slice(1);
		else if (digits.startsWith('00')) digits = digits.slice(2);
		const max = options.maxDigits ?? 15;
		if (!/^\d+$/.test(digits) || digits.length < 7 || digits.length > max) {
			this.fail(
				`"${field}" is not a valid phone number: "${raw}"`,
				`Use the country code followed by the number, digits only (7 to ${max} digits), e.g. 905301234567.` +
					(options.allowChatId ? ' A WhatsApp chat id such as 905301234567@c.us or …@g.us is accepted too.' : ''),
			);
		}
		return digits;
	}

	phones(value: unknown, field: string, options: PhoneOptions = {}): string[] {
		const list = splitList(value);
		if (!list.length) this.fail(`"${field}" needs at least one phone number`);
		return list.map((entry) => this.phone(entry, field, options));
	}

	required(value: unknown, field: string): string {
		const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
		if (!text.trim()) this.fail(`"${field}" is required`);
		return text;
	}

	/** Optional text: undefined when blank, otherwise checked against the provider's length limit. */
	optionalText(value: unknown, max: number, field: string): string | undefined {
		const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
		if (!text.trim()) return undefined;
		this.maxLength(text, max, field);
		return text;
	}

	maxLength(value: string | undefined, max: number, field: string): string | undefined {
		if (value !== undefined && [...value].length > max) {
			this.fail(`"${field}" is too long: ${[...value].length} characters, the provider allows at most ${max}`);
		}
		return value;
	}

	url(value: unknown, field: string): string {
		const text = this.required(value, field).trim();
		let parsed: URL | undefined;
		try {
			parsed = new URL(text);
		} catch {
			parsed = undefined;
		}
		if (!parsed || !['http:', 'https:'].includes(parsed.protocol)) {
			this.fail(`"${field}" must be a full http(s) URL, got "${text}"`);
		}
		return text;
	}

	/** A URL the provider's servers must download themselves: not on this machine or a private network. */
	publicUrl(value: unknown, field: string, provider: string): string {
		const url = this.url(value, field);
		if (isPrivateHost(new URL(url).hostname)) {
			this.fail(`"${field}" must be a public URL that ${provider}'s servers can download, got "${url}"`);
		}
		return url;
	}

	number(value: unknown, field: string, range: { min?: number; max?: number } = {}): number {
		const n = typeof value === 'number' ? value : Number(String(value ?? '').trim());
		if (value === '' || value === undefined || value === null || !Number.isFinite(n)) {
			this.fail(`"${field}" must be a number`);
		}
		if ((range.min !== undefined && n < range.min) || (range.max !== undefined && n > range.max)) {
			this.fail(`"${field}" must be between ${range.min} and ${range.max}, got ${n}`);
		}
		return n;
	}

	oneOf<T extends string>(value: string, allowed: readonly T[], field: string): T {
		if (!allowed.includes(value as T)) {
			this.fail(`"${field}" must be one of ${allowed.join(', ')}; got "${value}"`);
		}
		return value as T;
	}

	count<T>(list: T[], field: string, range: { min?: number; max?: number }): T[] {
		if ((range.min !== undefined && list.length < range.min) || (range.max !== undefined && list.length > range.max)) {
			const bounds = range.max === undefined ? `at least ${range.min}` : `${range.min ?? 0} to ${range.max}`;
			this.fail(`"${field}" needs ${bounds} entries, got ${list.length}`);
		}
		return list;
	}

	distinct<T>(list: T[], field: string): T[] {
		if (new Set(list).size !== list.length) this.fail(`"${field}" must all be different`);
		return list;
	}

	mimeType(mimeType: string, allowed: readonly string[], field: string): string {
		const base = mimeType.split(';')[0].trim().toLowerCase();
		if (!allowed.includes(base)) {
			this.fail(`"${field}" has type ${base || 'unknown'}, the provider accepts ${allowed.join(', ')}`);
		}
		return base;
	}

	size(bytes: number, maxBytes: number, field: string): void {
		if (bytes > maxBytes) {
			this.fail(`"${field}" is ${formatBytes(bytes)} (${bytes} bytes), the provider accepts at most ${formatBytes(maxBytes)}`);
		}
	}

	/** Parses a JSON parameter (given as text or already an object). */
	json<T = unknown>(value: unknown, field: string): T {
		if (typeof value !== 'string') return value as T;
		try {
			return JSON.parse(value) as T;
		} catch (error) {
			this.fail(`"${field}" is not valid JSON: ${(error as Error).message}`);
		}
	}
}

/** The validator for one item of a node execution. */
export function validator(ctx: { getNode(): INode }, itemIndex: number): InputValidator {
	return new InputValidator(ctx.getNode(), itemIndex);
}

export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
	return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
}

export const MB = 1024 * 1024;
