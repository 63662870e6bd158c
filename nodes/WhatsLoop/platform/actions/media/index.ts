import type { ResourceDefinition } from '../../../../shared/execute';
import { withSending } from '../../../../shared/sending';
import { platformSending } from '../common';
import { sendAudio, sendContact, sendFile, sendGif, sendImage, sendLocation, sendVideo, sendVoiceNote } from './send.operations';

export const media: ResourceDefinition = {
	name: 'Media',
	value: 'media',
	description: 'Send images, videos, audio, voice notes, files, GIFs, locations and contact cards',
	operations: withSending(platformSending, sendImage, sendVideo, sendAudio, sendVoiceNote, sendFile, sendGif, sendLocation, sendContact),
};
