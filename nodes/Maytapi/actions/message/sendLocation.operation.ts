import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { phoneLocator, readSendOptions, sendMessage, sendOptions, toField, validator } from '../common';

export const sendLocation: OperationDefinition = {
	resource: 'message',
	operation: 'sendLocation',
	name: 'Send Location',
	action: 'Send a location pin',
	description: 'Send a map pin with an optional label',
	properties: [
		phoneLocator,
		toField,
		{ displayName: 'Latitude', name: 'latitude', type: 'number', typeOptions: { numberPrecision: 7 }, default: 0, required: true },
		{ displayName: 'Longitude', name: 'longitude', type: 'number', typeOptions: { numberPrecision: 7 }, default: 0, required: true },
		{ displayName: 'Label', name: 'label', type: 'string', default: '', description: 'Name of the place shown with the pin' },
		sendOptions(),
	],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const latitude = check.number(this.getNodeParameter('latitude', i), 'Latitude', { min: -90, max: 90 });
		const longitude = check.number(this.getNodeParameter('longitude', i), 'Longitude', { min: -180, max: 180 });
		const label = this.getNodeParameter('label', i, '') as string;
		return await sendMessage.call(
			this,
			i,
			{ type: 'location', latitude, longitude, ...(label ? { text: label } : {}) },
			readSendOptions(this, i),
		);
	},
};
