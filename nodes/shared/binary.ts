import type { IBinaryData, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

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

/** Turns bytes from a provider (screenshot, QR code, media) into an n8n binary property. */
export async function toBinaryData(
	ctx: IExecuteFunctions | IWebhookFunctions,
	buffer: Buffer,
	fileName: string,
	mimeType: string,
): Promise<IBinaryData> {
	return await ctx.helpers.prepareBinaryData(buffer, fileName, mimeType);
}
