import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { customerNameField, customerNumberField, LIMITS, sendMessage, validator } from '../common';
import { bodyField, footerField, groupBySection, headerField, interactiveBody } from './interactive';

const catalogNotice: INodeProperties = {
	displayName: 'Needs a Meta catalog connected to your WhatsApp Business account, with its catalog ID set in Sobot',
	name: 'catalogNotice',
	type: 'notice',
	default: '',
};

export const sendProduct: OperationDefinition = {
	resource: 'message',
	operation: 'sendProduct',
	name: 'Send Product',
	action: 'Send a product from the catalog',
	description: 'Send one product of your Meta catalog',
	properties: [
		customerNumberField,
		customerNameField,
		catalogNotice,
		bodyField,
		{
			displayName: 'Product Retailer ID',
			name: 'productRetailerId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'sbt_in_4_1',
			description: 'The product’s ID in the catalog (Meta Commerce Manager)',
		},
		footerField,
	],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const body = interactiveBody(this, check, i, false);
		const id = check.required(this.getNodeParameter('productRetailerId', i), 'Product Retailer ID').trim();
		return await sendMessage.call(this, i, { type: 'product', ...body, product_list: { product_retailer_id: id } });
	},
};

/** Meta allows 10 sections (Sobot's docs say 30) and 30 products in all. */
const MAX_SECTIONS = 10;
const MAX_PRODUCTS = 30;

export const sendProductList: OperationDefinition = {
	resource: 'message',
	operation: 'sendProductList',
	name: 'Send Product List',
	action: 'Send several products from the catalog',
	description: 'Send up to 30 products of your Meta catalog in sections',
	properties: [
		customerNumberField,
		customerNameField,
		catalogNotice,
		bodyField,
		{
			displayName: 'Products',
			name: 'products',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, maxValue: MAX_PRODUCTS },
			placeholder: 'Add Product',
			default: {},
			required: true,
			description: 'Up to 30 products in up to 10 sections. Products with the same section title are grouped under it, in order.',
			options: [
				{
					displayName: 'Product',
					name: 'product',
					values: [
						{ displayName: 'Section Title', name: 'section', type: 'string', default: '', description: 'At most 24 characters' },
						{ displayName: 'Product Retailer ID', name: 'id', type: 'string', default: '', placeholder: 'sbt_in_4_1' },
					],
				},
			],
		},
		headerField,
		footerField,
	],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const body = interactiveBody(this, check, i);
		const entries = ((this.getNodeParameter('products', i, {}) as IDataObject).product ?? []) as IDataObject[];
		check.count(entries, 'Products', { min: 1, max: MAX_PRODUCTS });
		const sections = groupBySection(
			entries.map((p) => ({ section: String(p.section ?? '').trim(), item: { product_retailer_id: check.required(p.id, 'Products: Product Retailer ID').trim() } })),
		);
		check.count(sections, 'Products (sections)', { min: 1, max: MAX_SECTIONS });
		for (const s of sections) {
			check.required(s.title, 'Products: Section Title');
			check.maxLength(s.title, LIMITS.sectionTitle, `Products: section title "${s.title}"`);
		}
		// Single and multi product share type "product"; Sobot tells them apart by product_list's shape.
		const productList = { sections: sections.map((s) => ({ title: s.title, product_items: s.items })) };
		return await sendMessage.call(this, i, { type: 'product', ...body, product_list: productList });
	},
};
