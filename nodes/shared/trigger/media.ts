import type { IBinaryData, IWebhookFunctions } from 'n8n-workflow';

import { fileNameOfUrl, sniffMimeType } from '../binary';
import type { NormalisedMedia } from './events';

/**
 * Hosts a trigger may download media from: the provider's media servers and the credential's own
 * API host. Anything else is refused, so a forged delivery can't make n8n fetch internal URLs.
 */
export function mediaHostAllowList(providerHosts: RegExp[], apiBaseUrl: string | undefined): (host: string) => boolean {
	let apiHost: string | undefined;
	try {
		apiHost = apiBaseUrl ? new URL(apiBaseUrl).host : undefined;
	} catch {
		apiHost = undefined;
	}
	return (host) => host === apiHost || providerHosts.some((pattern) => pattern.test(host));
}

/**
 * Fetches a media file of an incoming message as n8n binary data. Media URLs are public (provider
 * CDN or bucket), so no credential is sent with them. A failed download never fails the delivery:
 * the item still carries the URL, and the reason is logged.
 */
export async function downloadMedia(
	ctx: IWebhookFunctions,
	media: NormalisedMedia,
	allowHost: (host: string) => boolean,
): Promise<IBinaryData | undefined> {
	if (!media.url) return undefined;
	let url: URL;
	try {
		url = new URL(media.url);
	} catch {
		ctx.logger.warn(`Media not downloaded: "${media.url}" is not a URL`);
		return undefined;
	}
	if (!['http:', 'https:'].includes(url.protocol) || !allowHost(url.host)) {
		ctx.logger.warn(`Media not downloaded: ${url.host} is not one of the provider's media hosts`);
		return undefined;
	}
	try {
		const response = (await ctx.helpers.httpRequest({
			method: 'GET',
			url: url.toString(),
			encoding: 'arraybuffer',
			returnFullResponse: true,
			timeout: 60_000,
		})) as { body: ArrayBuffer; headers: Record<string, string> };
		const buffer = Buffer.from(response.body);
		const mimeType = sniffMimeType(buffer, response.headers['content-type'] ?? media.mimeType ?? undefined);
		const fileName = media.fileName ?? fileNameOfUrl(url.toString()) ?? 'media';
		return await ctx.helpers.prepareBinaryData(buffer, fileName, mimeType);
	} catch (error) {
		ctx.logger.warn(`Media not downloaded from ${url.host}: ${(error as Error).message}`);
		return undefined;
	}
}
