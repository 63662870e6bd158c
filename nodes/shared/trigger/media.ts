import type { IBinaryData, IDataObject, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';

import { fileNameOfUrl, sniffMimeType } from '../binary';
import type { NormalisedEvent, NormalisedMedia } from './events';

/**
 * Download Media for triggers. A provider gives `handleDelivery` an allow-list of hosts
 * (`mediaHostAllowList(MY_MEDIA_HOSTS, credentialBaseUrl)`) and, optionally, `mediaLimits`. Each
 * item whose media was fetched gets binary `data`; each item whose media was not fetched keeps its URL
 * and says why in `media.downloadError` (null when it was fetched). Bounded: a size cap checked by
 * Content-Length and by the bytes received, no automatic redirects (each hop re-checked against the
 * allow-list), a few downloads at a time, and one time budget for all of a delivery's downloads.
 */
export interface MediaLimits {
	/** Largest file fetched, in bytes. */
	maxBytes: number;
	/** Downloads running at the same time for one delivery. */
	concurrency: number;
	/** Time for all downloads of one delivery together, in milliseconds. */
	budgetMs: number;
	/** Redirect hops followed (each re-checked against the allowed hosts). */
	maxRedirects: number;
}

export const MEDIA_LIMITS: MediaLimits = { maxBytes: 16 * 1024 * 1024, concurrency: 3, budgetMs: 20_000, maxRedirects: 3 };

/** The Download Media size-cap option (in MB) a trigger can add to its Options collection. */
export const MAX_MEDIA_SIZE_OPTION = {
	displayName: 'Max Media Size (MB)',
	name: 'maxMediaSizeMb',
	type: 'number' as const,
	typeOptions: { minValue: 1, maxValue: 100 },
	default: 16,
	description: 'With Download Media: larger files are not downloaded; the item keeps the URL and says why in media.downloadError',
};

/** Limits from a trigger's options (`maxMediaSizeMb`), defaults elsewhere. */
export function mediaLimitsOf(options: IDataObject): Partial<MediaLimits> {
	const mb = Number(options.maxMediaSizeMb);
	return Number.isFinite(mb) && mb > 0 ? { maxBytes: Math.round(mb * 1024 * 1024) } : {};
}

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

type Fetched = { binary: IBinaryData } | { error: string };

/** The part of a Node.js Readable this file uses (n8n's `encoding: 'stream'` body). */
interface ByteStream extends AsyncIterable<Buffer> {
	destroy(): void;
}

interface StreamResponse {
	body: ByteStream;
	headers: Record<string, string | undefined>;
	statusCode: number;
}

function allowedUrl(raw: string, allowHost: (host: string) => boolean): URL | string {
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		return `"${raw.slice(0, 100)}" is not a URL`;
	}
	if (!['http:', 'https:'].includes(url.protocol) || !allowHost(url.host)) return `${url.host || url.protocol} is not one of the provider's media hosts`;
	return url;
}

async function readCapped(stream: ByteStream, maxBytes: number, deadline: number): Promise<Buffer | string> {
	const chunks: Buffer[] = [];
	let size = 0;
	try {
		for await (const chunk of stream) {
			size += (chunk as Buffer).length;
			if (size > maxBytes) return `the file is larger than ${maxBytes} bytes`;
			if (Date.now() > deadline) return 'the time budget for media downloads ran out';
			chunks.push(chunk as Buffer);
		}
	} finally {
		stream.destroy();
	}
	return Buffer.concat(chunks);
}

async function fetchMedia(
	ctx: IWebhookFunctions,
	media: NormalisedMedia,
	allowHost: (host: string) => boolean,
	limits: MediaLimits,
	deadline: number,
): Promise<Fetched> {
	let url = allowedUrl(String(media.url), allowHost);
	for (let hop = 0; ; hop++) {
		if (typeof url === 'string') return { error: url };
		const remaining = deadline - Date.now();
		if (remaining <= 0) return { error: 'the time budget for media downloads ran out' };
		const response = (await ctx.helpers.httpRequest({
			method: 'GET',
			url: url.toString(),
			encoding: 'stream',
			returnFullResponse: true,
			disableFollowRedirect: true,
			ignoreHttpStatusErrors: true,
			timeout: remaining,
			abortSignal: AbortSignal.timeout(remaining),
		})) as StreamResponse;
		const { statusCode, headers } = response;
		if (statusCode >= 300 && statusCode < 400 && headers.location) {
			response.body.destroy();
			if (hop >= limits.maxRedirects) return { error: `more than ${limits.maxRedirects} redirects` };
			url = allowedUrl(new URL(headers.location, url).toString(), allowHost);
			if (typeof url === 'string') return { error: `redirected: ${url}` };
			continue;
		}
		if (statusCode < 200 || statusCode >= 300) {
			response.body.destroy();
			return { error: `the media host answered HTTP ${statusCode}` };
		}
		const declared = Number(headers['content-length']);
		if (Number.isFinite(declared) && declared > limits.maxBytes) {
			response.body.destroy();
			return { error: `the file is larger than ${limits.maxBytes} bytes (Content-Length ${declared})` };
		}
		const data = await readCapped(response.body, limits.maxBytes, deadline);
		if (typeof data === 'string') return { error: data };
		const mimeType = sniffMimeType(data, headers['content-type'] ?? media.mimeType ?? undefined);
		const fileName = media.fileName ?? fileNameOfUrl(url.toString()) ?? 'media';
		return { binary: await ctx.helpers.prepareBinaryData(data, fileName, mimeType) };
	}
}

/**
 * Downloads the media of the given events (a few at a time, within one time budget) and returns one
 * item per event. A failed download never fails the delivery: the item keeps its URL and the reason.
 */
export async function downloadAllMedia(
	ctx: IWebhookFunctions,
	events: NormalisedEvent[],
	allowHost: (host: string) => boolean,
	overrides: Partial<MediaLimits> = {},
): Promise<INodeExecutionData[]> {
	const limits = { ...MEDIA_LIMITS, ...overrides };
	const deadline = Date.now() + limits.budgetMs;
	const items: INodeExecutionData[] = events.map((json) => ({ json }));
	let next = 0;
	const worker = async () => {
		while (next < events.length) {
			const index = next++;
			const media = events[index].media;
			if (!media?.url) continue;
			let result: Fetched;
			try {
				result = await fetchMedia(ctx, media, allowHost, limits, deadline);
			} catch (error) {
				const aborted = Date.now() >= deadline;
				result = { error: aborted ? 'the time budget for media downloads ran out' : `download failed: ${(error as Error).message}` };
			}
			const downloadError = 'error' in result ? result.error : null;
			if (downloadError) ctx.logger.warn(`Media not downloaded (${events[index].messageId ?? 'no id'}): ${downloadError}`);
			items[index] = {
				json: { ...events[index], media: { ...media, downloadError } },
				...('binary' in result ? { binary: { data: result.binary } } : {}),
			};
		}
	};
	await Promise.all(Array.from({ length: Math.min(limits.concurrency, events.length) }, worker));
	return items;
}
