import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { phoneLocator, readSendOptions, sendMessage, sendOptions, toField, validator } from '../common';

export const sendProduct: OperationDefinition = {
	resource: 'message',
	operation: 'sendProduct',
	name: 'Send Product (Beta)',
	action: 'Send a catalog product (beta)',
	description: 'Beta: send a product from this WhatsApp Business number’s catalog',
	properties: [
		phoneLocator,
		toField,
		{
			displayName: 'Product Name or ID',
			name: 'productId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getCatalogProducts', loadOptionsDependsOn: ['phoneId'] },
			default: '',
			required: true,
			description:
				'Product from the catalog (products are created in the WhatsApp Business app). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		sendOptions(),
	],
	async execute(this: IExecuteFunctions, i: number) {
		const productId = validator(this, i).required(this.getNodeParameter('productId', i), 'Product').trim();
		return await sendMessage.call(this, i, { type: 'product', productId }, readSendOptions(this, i));
	},
};
