import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { sniffMimeType } from '../../../shared/binary';
import type { OperationDefinition } from '../../../shared/execute';
import { maytapiFullRequest, resolvePhoneId } from '../../transport';
import { phoneLocator } from '../common';

const outputField = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string' as const,
	default: 'data',
	required: true,
	hint: 'The name of the output binary field to put the image in',
};

/** A phone endpoint that answers with an image; the image becomes an n8n binary property. */
function imageOperation(operation: string, name: string, action: string, description: string, path: string, fileStem: string): OperationDefinition {
	return {
		resource: 'phone',
		operation,
		name,
		action,
		description,
		properties: [phoneLocator, outputField],
		returns: 'items',
		async execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData> {
			const phoneId = await resolvePhoneId.call(this, i);
			const response = await maytapiFullRequest.call(this, 'GET', `/${phoneId}${path}`, { binary: true, repeatable: true, itemIndex: i });
			const buffer = response.body as Buffer;
			const mimeType = sniffMimeType(buffer, response.headers['content-type']);
			const extension = mimeType.split('/')[1]?.replace('jpeg', 'jpg') ?? 'bin';
			const property = this.getNodeParameter('binaryPropertyName', i) as string;
			return {
				json: { phoneId, mimeType, bytes: buffer.length },
				binary: { [property]: await this.helpers.prepareBinaryData(buffer, `${fileStem}-${phoneId}.${extension}`, mimeType) },
			};
		},
	};
}

export const getQrCode = imageOperation('getQrCode', 'Get QR Code', 'Get the login QR code of a phone', 'The QR code to scan with WhatsApp (only while the phone is on the QR screen), as an image', '/qrCode', 'qr-code');
export const getScreenshot = imageOperation('getScreenshot', 'Get Screenshot', 'Get a screenshot of a phone session', 'A screenshot of the WhatsApp session, as an image; also wakes a disabled phone', '/screen', 'screenshot');
