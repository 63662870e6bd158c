import type { INodeProperties } from 'n8n-workflow';

import { mimeFromUrl } from '../../shared/binary';
import type { InputValidator } from '../../shared/validate';
import { MB } from '../../shared/validate';

export type MediaKind = 'image' | 'video' | 'document' | 'sticker';

export const DOCUMENT_MIME_TYPES = [
	'application/pdf',
	'text/plain',
	'application/msword',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	'application/vnd.ms-excel',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	'application/vnd.ms-powerpoint',
	'application/vnd.openxmlformats-officedocument.presentationml.presentation',
] as const;

/** What Sobot documents per media type (free-form messages and template headers alike). */
export const MEDIA: Record<MediaKind, { label: string; mimeTypes: readonly string[]; maxBytes: number; limitText: string }> = {
	image: { label: 'Image', mimeTypes: ['image/jpeg', 'image/png'], maxBytes: 5 * MB, limitText: '5 MB, 8-bit RGB or RGBA' },
	video: { label: 'Video', mimeTypes: ['video/mp4', 'video/3gp'], maxBytes: 16 * MB, limitText: '16 MB, H.264 video with at most one AAC audio stream' },
	document: { label: 'Document', mimeTypes: DOCUMENT_MIME_TYPES, maxBytes: 100 * MB, limitText: '100 MB' },
	sticker: { label: 'Sticker', mimeTypes: ['image/webp'], maxBytes: 500 * 1024, limitText: '100 KB static, 500 KB animated' },
};

/**
 * The media's MIME type: the one chosen on the node, else the URL's extension; either way it must
 * be one Sobot accepts for this kind of media.
 */
export function mediaMimeType(check: InputValidator, kind: MediaKind, url: string, chosen: string, urlField: string, mimeField = 'MIME Type'): string {
	const { mimeTypes, label } = MEDIA[kind];
	if (chosen && chosen !== 'auto') return check.mimeType(chosen, mimeTypes, mimeField);
	const implied = mimeFromUrl(url);
	if (!implied) {
		check.fail(
			`"${mimeField}" is needed: the type of "${urlField}" can't be told from its file name`,
			`Choose the file's type in "${mimeField}". Sobot accepts ${mimeTypes.join(', ')} for ${label.toLowerCase()}s.`,
		);
	}
	if (!mimeTypes.includes(implied)) {
		check.fail(`"${urlField}" points to a ${implied} file; Sobot accepts ${mimeTypes.join(', ')} for ${label.toLowerCase()}s`);
	}
	return implied;
}

/** For template headers, which carry no MIME type: reject a URL whose extension is of the wrong kind. */
export function checkUrlExtension(check: InputValidator, kind: MediaKind, url: string, field: string): void {
	const implied = mimeFromUrl(url);
	if (implied && !MEDIA[kind].mimeTypes.includes(implied)) {
		check.fail(`"${field}" points to a ${implied} file; Sobot accepts ${MEDIA[kind].mimeTypes.join(', ')} for ${MEDIA[kind].label.toLowerCase()}s`);
	}
}

export function mimeTypeField(kind: MediaKind): INodeProperties {
	return {
		displayName: 'MIME Type',
		name: 'mimeType',
		type: 'options',
		options: [
			{ name: 'From the URL’s File Extension', value: 'auto' },
			...MEDIA[kind].mimeTypes.map((m) => ({ name: m, value: m })),
		],
		default: 'auto',
		description: 'Sobot needs the file’s type. Choose it when the URL has no file extension.',
	};
}

export function urlOnlyNotice(kind: MediaKind): INodeProperties {
	return {
		displayName: `Sobot takes media only as a public URL that it downloads itself: it has no upload endpoint, so a file from an earlier node (binary data) cannot be sent. Upload it somewhere public first (e.g. S3) and use its link. Sobot's limit: ${MEDIA[kind].limitText}; the size can't be checked from a URL.`,
		name: 'urlOnlyNotice',
		type: 'notice',
		default: '',
	};
}

/** WhatsApp shows no emoji in headers (Sobot: "No Emojis"). */
export function noEmoji(check: InputValidator, value: string | undefined, field: string): string | undefined {
	if (value && /\p{Extended_Pictographic}/u.test(value)) check.fail(`"${field}" can't contain emoji`);
	return value;
}
