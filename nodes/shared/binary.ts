import type { IExecuteFunctions } from 'n8n-workflow';

import type { InputValidator } from './validate';

export interface BinaryInput {
	buffer: Buffer;
	mimeType: string;
	fileName?: string;
}

export interface BinaryLimits {
	maxBytes?: number;
	allowedMimeTypes?: readonly string[];
}

/** Reads an n8n binary property of the current item, checking the provider's size and type limits. */
export async function readBinaryProperty(
	ctx: IExecuteFunctions,
	check: InputValidator,
	propertyName: string,
	field: string,
	limits: BinaryLimits = {},
): Promise<BinaryInput> {
	const name = check.required(propertyName, field).trim();
	const binary = ctx.getInputData()[check.itemIndex]?.binary?.[name];
	if (!binary) {
		check.fail(
			`"${field}": the input item has no binary property "${name}"`,
			'Use the name of a binary property of the incoming item, e.g. "data" from a Read File or HTTP Request node.',
		);
	}
	const buffer = await ctx.helpers.getBinaryDataBuffer(check.itemIndex, name);
	const mimeType = binary.mimeType || 'application/octet-stream';
	if (limits.allowedMimeTypes) check.mimeType(mimeType, limits.allowedMimeTypes, field);
	if (limits.maxBytes !== undefined) check.size(buffer.length, limits.maxBytes, field);
	return { buffer, mimeType, fileName: binary.fileName };
}

export function toDataUri({ buffer, mimeType }: BinaryInput): string {
	return `data:${mimeType};base64,${buffer.toString('base64')}`;
}

/** Accepts raw base64 or a data URI; returns the decoded size and mime type when the URI states it. */
export function inspectBase64(value: string): { bytes: number; mimeType?: string; dataUri: string } | undefined {
	const match = /^data:([^;,]+)?(?:;[^,]*)?;base64,(.*)$/s.exec(value.trim());
	const payload = (match ? match[2] : value).replace(/\s/g, '');
	if (!payload || !/^[A-Za-z0-9+/]+={0,2}$/.test(payload)) return undefined;
	const bytes = Math.floor((payload.length * 3) / 4) - (payload.endsWith('==') ? 2 : payload.endsWith('=') ? 1 : 0);
	return { bytes, mimeType: match?.[1], dataUri: match ? value.trim() : '' };
}

const SIGNATURES: Array<[string, number[]]> = [
	['image/png', [0x89, 0x50, 0x4e, 0x47]],
	['image/jpeg', [0xff, 0xd8, 0xff]],
	['image/gif', [0x47, 0x49, 0x46]],
	['image/webp', [0x52, 0x49, 0x46, 0x46]],
	['application/pdf', [0x25, 0x50, 0x44, 0x46]],
];

/** The mime type of a downloaded file: the server's header when useful, else its magic bytes. */
export function sniffMimeType(buffer: Buffer, header?: string): string {
	const declared = header?.split(';')[0].trim().toLowerCase();
	if (declared && declared !== 'application/octet-stream') return declared;
	for (const [mime, bytes] of SIGNATURES) {
		if (bytes.every((b, i) => buffer[i] === b)) return mime;
	}
	return 'application/octet-stream';
}

const MIME_BY_EXTENSION: Record<string, string> = {
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
	webp: 'image/webp',
	gif: 'image/gif',
	bmp: 'image/bmp',
	svg: 'image/svg+xml',
	heic: 'image/heic',
	mp4: 'video/mp4',
	'3gp': 'video/3gp',
	'3gpp': 'video/3gp',
	mov: 'video/quicktime',
	avi: 'video/x-msvideo',
	mkv: 'video/x-matroska',
	webm: 'video/webm',
	mp3: 'audio/mpeg',
	ogg: 'audio/ogg',
	opus: 'audio/ogg',
	m4a: 'audio/mp4',
	aac: 'audio/aac',
	amr: 'audio/amr',
	txt: 'text/plain',
	csv: 'text/csv',
	pdf: 'application/pdf',
	doc: 'application/msword',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xls: 'application/vnd.ms-excel',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	ppt: 'application/vnd.ms-powerpoint',
	pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	zip: 'application/zip',
};

/** The file name at the end of a URL's path (decoded), if it has one. */
export function fileNameOfUrl(url: string): string | undefined {
	try {
		const last = new URL(url).pathname.split('/').pop() ?? '';
		return decodeURIComponent(last) || undefined;
	} catch {
		return undefined;
	}
}

/** MIME type implied by a URL's file extension; undefined when there is none or it is unknown. */
export function mimeFromUrl(url: string): string | undefined {
	const match = /\.([a-z0-9]+)$/i.exec(fileNameOfUrl(url) ?? '');
	return match ? MIME_BY_EXTENSION[match[1].toLowerCase()] : undefined;
}
