import type { IDataObject, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';

import { inboxOrigin } from '../../../credentials/Inbox360Api.credentials';
import { fileNameOfUrl, sniffMimeType } from '../../shared/binary';
import { MEDIA_LIMITS } from '../../shared/trigger/media';
import { CREDENTIAL_TYPE, inboxFullRequest } from '../transport';

/**
 * Download Media for the inbox: its media links (`/api/v1/media/<uuid>/`) need the credential, so
 * they are fetched through the transport, and only from the credential's own origin (a forged
 * delivery can't make n8n send the token elsewhere or fetch internal URLs). A failed download keeps
 * the item, with the reason in `media.downloadError`.
 */
export async function downloadInboxMedia(ctx: IWebhookFunctions, items: INodeExecutionData[], maxBytes = MEDIA_LIMITS.maxBytes): Promise<INodeExecutionData[]> {
	const origin = new URL(inboxOrigin(await ctx.getCredentials(CREDENTIAL_TYPE))).origin;
	const out: INodeExecutionData[] = [];
	for (const item of items) {
		const media = item.json.media as IDataObject | null;
		if (!media?.url) {
			out.push(item);
			continue;
		}
		let downloadError: string | null = null;
		let binary;
		try {
			const url = new URL(String(media.url));
			if (url.origin !== origin) throw new Error(`${url.host} is not the credential’s inbox`);
			const response = await inboxFullRequest.call(ctx, 'media', { url: url.toString(), binary: true, repeatable: true });
			const data = response.body as Buffer;
			if (data.length > maxBytes) throw new Error(`the file is larger than ${maxBytes} bytes`);
			const mimeType = sniffMimeType(data, response.headers['content-type'] ?? (media.mimeType as string | undefined));
			binary = await ctx.helpers.prepareBinaryData(data, (media.fileName as string | null) ?? fileNameOfUrl(url.toString().replace(/\/+$/, '')) ?? 'media', mimeType);
		} catch (error) {
			downloadError = (error as Error).message;
			ctx.logger.warn(`Media not downloaded (${String(item.json.messageId ?? 'no id')}): ${downloadError}`);
		}
		out.push({ ...item, json: { ...item.json, media: { ...media, downloadError } }, ...(binary ? { binary: { data: binary } } : {}) });
	}
	return out;
}
