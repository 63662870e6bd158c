import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { customerNameField, customerNumberField, sendMessage, validator } from '../common';

export const sendLocation: OperationDefinition = {
	resource: 'message',
	operation: 'sendLocation',
	name: 'Send Location',
	action: 'Send a location',
	description: 'Send a map pin with an optional name and address',
	properties: [
		customerNumberField,
		customerNameField,
		{ displayName: 'Latitude', name: 'latitude', type: 'number', typeOptions: { numberPrecision: 6 }, default: 0, required: true },
		{ displayName: 'Longitude', name: 'longitude', type: 'number', typeOptions: { numberPrecision: 6 }, default: 0, required: true },
		{ displayName: 'Name', name: 'locationName', type: 'string', default: '', placeholder: 'Shaniwar Wada', description: 'Name of the place' },
		{
			displayName: 'Address',
			name: 'address',
			type: 'string',
			default: '',
			placeholder: 'Shaniwar Peth, Pune',
			description: 'WhatsApp shows the address only together with a name',
		},
	],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const latitude = check.number(this.getNodeParameter('latitude', i), 'Latitude', { min: -90, max: 90 });
		const longitude = check.number(this.getNodeParameter('longitude', i), 'Longitude', { min: -180, max: 180 });
		const name = String(this.getNodeParameter('locationName', i, '') ?? '').trim();
		const address = String(this.getNodeParameter('address', i, '') ?? '').trim();
		// Coordinates as strings, like the docs' only sample.
		const body: IDataObject = { type: 'location', latitude: String(latitude), longitude: String(longitude) };
		// The table calls the name `name`, the sample `location_name`: both are sent.
		if (name) Object.assign(body, { name, location_name: name });
		if (address) body.address = address;
		return await sendMessage.call(this, i, body);
	},
};
