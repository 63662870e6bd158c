import type { ResourceDefinition } from '../../../../shared/execute';
import { withSending } from '../../../../shared/sending';
import { platformSending } from '../common';
import { findSession, getQrCode, getSessionStatus, getStatus, setAbout, setPresence, setSettings } from './instance.operations';

export const instance: ResourceDefinition = {
	name: 'Instance',
	value: 'instance',
	description: 'Status, QR code, session, settings, presence and about text of the connected number',
	operations: [getStatus, getQrCode, getSessionStatus, findSession, ...withSending(platformSending, setSettings, setPresence, setAbout)],
};
