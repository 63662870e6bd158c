import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { phoneLocator, readSendOptions, sendMessage, sendOptions, toField, validator } from '../common';

/** vCard 3.0 text; values are escaped as RFC 6350 asks (backslash, comma, semicolon, newline). */
export function buildVcard(fields: { fullName: string; phones: string[]; email?: string; organization?: string }): string {
	const esc = (v: string) => v.replace(/\\/g, '\\\\').replace(/[,;]/g, (c) => `\\${c}`).replace(/\n/g, '\\n');
	const lines = ['BEGIN:VCARD', 'VERSION:3.0', `FN:${esc(fields.fullName)}`];
	if (fields.organization) lines.push(`ORG:${esc(fields.organization)}`);
	for (const phone of fields.phones) lines.push(`TEL;type=CELL;waid=${phone}:+${phone}`);
	if (fields.email) lines.push(`EMAIL:${esc(fields.email)}`);
	lines.push('END:VCARD');
	return lines.join('\n');
}

export const sendVcard: OperationDefinition = {
	resource: 'message',
	operation: 'sendVcard',
	name: 'Send vCard',
	action: 'Send a vCard contact card',
	description: 'Send a contact card for anyone, built from fields or given as vCard text',
	properties: [
		phoneLocator,
		toField,
		{
			displayName: 'Define Card By',
			name: 'vcardMode',
			type: 'options',
			options: [
				{ name: 'Fields', value: 'fields' },
				{ name: 'vCard Text', value: 'raw' },
			],
			default: 'fields',
		},
		{ displayName: 'Display Name', name: 'displayName', type: 'string', default: '', required: true },
		{
			displayName: 'Phone Numbers',
			name: 'phones',
			type: 'string',
			default: '',
			required: true,
			placeholder: '905301234567, 905301234568',
			displayOptions: { show: { vcardMode: ['fields'] } },
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			displayOptions: { show: { vcardMode: ['fields'] } },
		},
		{
			displayName: 'Organization',
			name: 'organization',
			type: 'string',
			default: '',
			displayOptions: { show: { vcardMode: ['fields'] } },
		},
		{
			displayName: 'vCard',
			name: 'vcard',
			type: 'string',
			typeOptions: { rows: 6 },
			default: '',
			required: true,
			placeholder: 'BEGIN:VCARD\nVERSION:3.0\nFN:Jane Doe\nTEL;type=CELL;waid=905301234567:+905301234567\nEND:VCARD',
			displayOptions: { show: { vcardMode: ['raw'] } },
		},
		sendOptions(),
	],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const displayName = check.required(this.getNodeParameter('displayName', i), 'Display Name');
		let vcard: string;
		if (this.getNodeParameter('vcardMode', i) === 'raw') {
			vcard = check.required(this.getNodeParameter('vcard', i), 'vCard').trim();
			if (!/^BEGIN:VCARD/i.test(vcard) || !/END:VCARD$/i.test(vcard)) {
				check.fail('"vCard" must start with BEGIN:VCARD and end with END:VCARD');
			}
		} else {
			vcard = buildVcard({
				fullName: displayName,
				phones: check.phones(this.getNodeParameter('phones', i), 'Phone Numbers'),
				email: (this.getNodeParameter('email', i, '') as string) || undefined,
				organization: (this.getNodeParameter('organization', i, '') as string) || undefined,
			});
		}
		const message: IDataObject = { displayName, vcard };
		return await sendMessage.call(this, i, { type: 'vcard', message }, readSendOptions(this, i));
	},
};
