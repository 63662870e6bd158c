import { createHmac, timingSafeEqual } from 'crypto';

/** The header the newer platform integrations sign with (reference §6.3 B). */
export const DEFAULT_SIGNATURE_HEADER = 'x-webhook-signature';

/**
 * Whether `received` is the hex HMAC-SHA256 of the raw body under `secret` (lowercase, as the
 * platform sends it; uppercase is tolerated), with or without a `sha256=` prefix; compared in constant time.
 */
export function signatureMatches(rawBody: Buffer, secret: string, received: unknown): boolean {
	if (typeof received !== 'string') return false;
	const given = received.trim().replace(/^sha256=/i, '').toLowerCase();
	if (!/^[0-9a-f]{64}$/.test(given)) return false;
	const expected = createHmac('sha256', secret).update(rawBody).digest();
	return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}
