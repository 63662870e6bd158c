import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationDefinition } from '../../../../shared/execute';
import { mediaUrl, numberField, operation, recipient, send, toField, UNVERIFIED, urlField, validator } from '../common';

const media = (definition: Parameters<typeof operation>[1]) => operation('media', definition);

const captionField: INodeProperties = { displayName: 'Caption', name: 'caption', type: 'string', typeOptions: { rows: 2 }, default: '', description: 'Text shown under the media' };
/** WhatsApp's cap on a media caption. */
const MAX_CAPTION = 1024;

interface FileRoute {
	operation: string;
	name: string;
	action: string;
	what: string;
	path: string;
	/** The body key of the URL: `url`, except `audio` on `send/audio` (reference §4b.3). */
	urlKey: string;
	caption: boolean;
	verified?: boolean;
}

/** A file sent from a public URL: one route per kind, fields exactly as the route map names them. */
function fileOperation(route: FileRoute): OperationDefinition {
	const label = `${route.name.replace('Send ', '')} URL`;
	return media({
		operation: route.operation,
		name: route.name,
		action: route.action,
		description: `${route.action} from a public URL.${route.verified ? '' : ` ${UNVERIFIED}`}`,
		properties: [toField, urlField('url', label, route.what), ...(route.caption ? [captionField] : [])],
		run: async (ctx: IExecuteFunctions, i: number) => {
			const body: IDataObject = { phone: recipient(ctx, i), [route.urlKey]: mediaUrl(ctx, i, 'url', label) };
			if (route.caption) {
				const caption = validator(ctx, i).optionalText(ctx.getNodeParameter('caption', i, ''), MAX_CAPTION, 'Caption');
				if (caption) body.caption = caption;
			}
			return await send.call(ctx, i, route.path, body);
		},
	});
}

export const sendImage = fileOperation({ operation: 'sendImage', action: 'Send an image', name: 'Send Image', what: 'image', path: 'send/image', urlKey: 'url', caption: true, verified: true });
export const sendVideo = fileOperation({ operation: 'sendVideo', action: 'Send a video', name: 'Send Video', what: 'video', path: 'send/video', urlKey: 'url', caption: true });
export const sendGif = fileOperation({ operation: 'sendGif', action: 'Send a GIF', name: 'Send GIF', what: 'GIF (an MP4 video played as a GIF)', path: 'send/gif', urlKey: 'url', caption: true });
export const sendAudio = fileOperation({ operation: 'sendAudio', action: 'Send an audio file', name: 'Send Audio', what: 'audio', path: 'send/audio', urlKey: 'audio', caption: true });
export const sendVoiceNote = fileOperation({ operation: 'sendVoiceNote', action: 'Send a voice note', name: 'Send Voice Note', what: 'voice note (OGG/Opus audio plays best)', path: 'send/ptt', urlKey: 'url', caption: false });
export const sendFile = fileOperation({ operation: 'sendFile', action: 'Send a file', name: 'Send File', what: 'document', path: 'send/file', urlKey: 'url', caption: false });

/** `POST send/location` {phone, lat, lng}. */
export const sendLocation: OperationDefinition = media({
	operation: 'sendLocation',
	name: 'Send Location',
	action: 'Send a location',
	description: `Send a map location. ${UNVERIFIED}`,
	properties: [
		toField,
		{ displayName: 'Latitude', name: 'latitude', type: 'number', typeOptions: { numberPrecision: 6 }, default: 0, required: true, description: 'Between -90 and 90' },
		{ displayName: 'Longitude', name: 'longitude', type: 'number', typeOptions: { numberPrecision: 6 }, default: 0, required: true, description: 'Between -180 and 180' },
	],
	run: async (ctx, i) => await send.call(ctx, i, 'send/location', { phone: recipient(ctx, i), ...coordinates(ctx, i) }),
});

/** Latitude/longitude checked before sending, in the platform's `lat`/`lng` keys. */
export function coordinates(ctx: IExecuteFunctions, i: number): { lat: number; lng: number } {
	const check = validator(ctx, i);
	return {
		lat: check.number(ctx.getNodeParameter('latitude', i), 'Latitude', { min: -90, max: 90 }),
		lng: check.number(ctx.getNodeParameter('longitude', i), 'Longitude', { min: -180, max: 180 }),
	};
}

/** `POST send/contact` {phone, contact, name, description}: a contact card of another number. */
export const sendContact: OperationDefinition = media({
	operation: 'sendContact',
	name: 'Send Contact Card',
	action: 'Send a contact card',
	description: `Share another number as a contact card. ${UNVERIFIED}`,
	properties: [
		toField,
		numberField('contact', 'Contact Number', 'Number of the contact to share, with country code'),
		{ displayName: 'Contact Name', name: 'name', type: 'string', default: '', required: true, description: 'Name shown on the card' },
		{ displayName: 'Description', name: 'cardDescription', type: 'string', default: '', description: 'Organization or note shown on the card' },
	],
	run: async (ctx, i) => {
		const check = validator(ctx, i);
		const description = String(ctx.getNodeParameter('cardDescription', i, '') ?? '').trim();
		return await send.call(ctx, i, 'send/contact', {
			phone: recipient(ctx, i),
			contact: check.phone(ctx.getNodeParameter('contact', i), 'Contact Number'),
			name: check.required(ctx.getNodeParameter('name', i), 'Contact Name').trim(),
			...(description ? { description } : {}),
		});
	},
});
