import type { ResourceDefinition } from '../../../shared/execute';
import { withSending } from '../../../shared/sending';
import { maytapiSending } from '../common';
import { addPhone } from './add.operation';
import { getConfig, setConfig } from './config.operations';
import { getManyPhones } from './getMany.operation';
import { getQrCode, getScreenshot } from './images.operations';
import { factoryReset, getCatalog, getQueue, getStatus, logout, purgeQueue, redeploy } from './session.operations';
import { setProfilePicture } from './setProfilePicture.operation';

export const phone: ResourceDefinition = {
	name: 'Phone',
	value: 'phone',
	description: 'Manage phone instances (WhatsApp sessions)',
	operations: [
		getManyPhones,
		...withSending(maytapiSending, addPhone),
		getStatus,
		getQrCode,
		getScreenshot,
		...withSending(maytapiSending, logout, redeploy, factoryReset),
		getQueue,
		...withSending(maytapiSending, purgeQueue),
		getConfig,
		...withSending(maytapiSending, setConfig),
		getCatalog,
		...withSending(maytapiSending, setProfilePicture),
	],
};
