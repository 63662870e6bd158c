import type { INodeProperties } from 'n8n-workflow';

import type { OperationDefinition } from '../../../../shared/execute';
import { splitList } from '../../../../shared/validate';
import { call, limitList, listOf, numberField, objectOf, operation, recipient, send, toField, UNVERIFIED, validator } from '../common';
import { returnAllOrLimit } from '../../../../shared/paginate';

const product = (definition: Parameters<typeof operation>[1]) => operation('product', definition);

const businessField: INodeProperties = numberField('phone', 'Business Number', 'Number (with country code) of the WhatsApp Business account whose catalog is read');

const business = (ctx: Parameters<typeof recipient>[0], i: number) => validator(ctx, i).phone(ctx.getNodeParameter('phone', i), 'Business Number');

/** `POST product` {phone}: the catalog (a read, although a POST). */
export const getProducts: OperationDefinition = product({
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get the products of a catalog',
	description: `All products of a business’s catalog. ${UNVERIFIED}`,
	properties: [businessField, ...returnAllOrLimit('products')],
	run: async (ctx, i) => limitList(ctx, i, listOf(await call.call(ctx, i, 'POST', 'product', { body: { phone: business(ctx, i) }, repeatable: true }))),
});

/** `GET product/id` ?phone&productId. */
export const getProduct: OperationDefinition = product({
	operation: 'get',
	name: 'Get',
	action: 'Get a product',
	description: `One product of a business’s catalog. ${UNVERIFIED}`,
	properties: [businessField, { displayName: 'Product ID', name: 'productId', type: 'string', default: '', required: true, placeholder: '6198355910228429' }],
	run: async (ctx, i) =>
		objectOf(
			await call.call(ctx, i, 'GET', 'product/id', {
				qs: { phone: business(ctx, i), productId: validator(ctx, i).required(ctx.getNodeParameter('productId', i), 'Product ID').trim() },
				repeatable: true,
			}),
		),
});

/** `POST product/create` {phone, name, description, price, currency, isHidden, images[]}. */
export const createProduct: OperationDefinition = product({
	operation: 'create',
	name: 'Create',
	action: 'Create a product',
	description: `Add a product to your catalog. ${UNVERIFIED}`,
	properties: [
		{ ...businessField, description: 'Your own WhatsApp Business number, with country code' },
		{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true },
		{ displayName: 'Description', name: 'productDescription', type: 'string', typeOptions: { rows: 3 }, default: '' },
		{ displayName: 'Price', name: 'price', type: 'number', typeOptions: { minValue: 0 }, default: 0, required: true, description: 'In the currency’s units, e.g. 1000' },
		{ displayName: 'Currency', name: 'currency', type: 'string', default: 'SAR', required: true, description: 'ISO 4217 code, e.g. SAR, EGP, USD' },
		{ displayName: 'Image URLs', name: 'images', type: 'string', default: '', required: true, description: 'Public image URLs, separated by commas or new lines', hint: 'The platform downloads the images itself; binary uploads are not possible here' },
		{ displayName: 'Hidden', name: 'isHidden', type: 'boolean', default: false, description: 'Whether to hide the product in the catalog' },
	],
	run: async (ctx, i) => {
		const check = validator(ctx, i);
		const currency = check.required(ctx.getNodeParameter('currency', i), 'Currency').trim().toUpperCase();
		if (!/^[A-Z]{3}$/.test(currency)) check.fail(`"Currency" must be a three-letter ISO code, got "${currency}"`);
		const images = check.count(splitList(ctx.getNodeParameter('images', i)), 'Image URLs', { min: 1, max: 10 }).map((url) => check.url(url, 'Image URLs'));
		const description = String(ctx.getNodeParameter('productDescription', i, '') ?? '').trim();
		// Creates a product each time: never repeated.
		return objectOf(
			await call.call(ctx, i, 'POST', 'product/create', {
				body: {
					phone: business(ctx, i),
					name: check.required(ctx.getNodeParameter('name', i), 'Name').trim(),
					...(description ? { description } : {}),
					price: check.number(ctx.getNodeParameter('price', i), 'Price', { min: 0 }),
					currency,
					isHidden: ctx.getNodeParameter('isHidden', i, false) ? 1 : 0,
					images,
				},
				repeatable: false,
			}),
		);
	},
});

/** `POST product/get/order` {phone, orderId, orderToken}: an order's details (a read, although a POST). */
export const getOrder: OperationDefinition = product({
	operation: 'getOrder',
	name: 'Get Order',
	action: 'Get an order',
	description: `The details of an order a customer sent (the trigger’s order messages carry its ID and token). ${UNVERIFIED}`,
	properties: [
		{ ...businessField, description: 'Your own WhatsApp Business number, with country code' },
		{ displayName: 'Order ID', name: 'orderId', type: 'string', default: '', required: true },
		{ displayName: 'Order Token', name: 'orderToken', type: 'string', typeOptions: { password: true }, default: '', required: true },
	],
	run: async (ctx, i) => {
		const check = validator(ctx, i);
		return objectOf(
			await call.call(ctx, i, 'POST', 'product/get/order', {
				body: {
					phone: business(ctx, i),
					orderId: check.required(ctx.getNodeParameter('orderId', i), 'Order ID').trim(),
					orderToken: check.required(ctx.getNodeParameter('orderToken', i), 'Order Token').trim(),
				},
				repeatable: true,
			}),
		);
	},
});

/** `POST share/catalog` {phone, catalog, title, body, description}: sends a catalog as a message. */
export const shareCatalog: OperationDefinition = product({
	operation: 'shareCatalog',
	name: 'Share Catalog',
	action: 'Share a catalog in a chat',
	description: `Send a business’s catalog to a chat. ${UNVERIFIED}`,
	properties: [
		toField,
		numberField('catalog', 'Catalog Number', 'Number of the business whose catalog is shared, with country code'),
		{ displayName: 'Title', name: 'title', type: 'string', default: '', required: true },
		{ displayName: 'Text', name: 'text', type: 'string', typeOptions: { rows: 3 }, default: '', required: true },
		{ displayName: 'Description', name: 'catalogDescription', type: 'string', default: '' },
	],
	run: async (ctx, i) => {
		const check = validator(ctx, i);
		return await send.call(ctx, i, 'share/catalog', {
			phone: recipient(ctx, i),
			catalog: check.phone(ctx.getNodeParameter('catalog', i), 'Catalog Number'),
			title: check.required(ctx.getNodeParameter('title', i), 'Title').trim(),
			body: check.required(ctx.getNodeParameter('text', i), 'Text'),
			description: String(ctx.getNodeParameter('catalogDescription', i, '') ?? ''),
		});
	},
});
