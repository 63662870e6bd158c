import { randomBytes, timingSafeEqual } from 'crypto';

/**
 * Shared secrets in webhook URLs. A registering trigger puts `withSecret(url, generateSecret())` into
 * the provider and stores the secret in its registration record (registration.ts); `handleDelivery`
 * compares what arrives with `secretsMatch`. Manual triggers take the secret from an option.
 */

/** Name of the query parameter that carries a trigger's shared secret in its webhook URL. */
export const SECRET_PARAM = 'secret';

export function generateSecret(): string {
	return randomBytes(24).toString('base64url');
}

export function withSecret(url: string, secret: string | null | undefined): string {
	if (!secret) return url;
	const u = new URL(url);
	u.searchParams.set(SECRET_PARAM, secret);
	return u.toString();
}

/** Constant-time comparison, so the secret can't be guessed from response times. */
export function secretsMatch(expected: string, received: unknown): boolean {
	if (typeof received !== 'string') return false;
	const a = Buffer.from(expected);
	const b = Buffer.from(received);
	return a.length === b.length && timingSafeEqual(a, b);
}
