import type { INodeParameters } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { providerPerFile } from '../harness/provider';
import { expectAuthenticated, startSobot, wire } from './setup';

const env = providerPerFile(startSobot);

const TO = { customer_number: '919960123456', customer_name: 'John Doe' };
const send = (parameters: INodeParameters) =>
	runNode(env.action, { parameters: { resource: 'message', customerNumber: '+91 99601 23456', customerName: 'John Doe', ...parameters } });

/** Every free-form variant: the node's parameters and the exact body POST /message/ must carry. */
const freeForm: Array<[string, INodeParameters, Record<string, unknown>]> = [
	['text', { operation: 'sendText', text: 'Hello *there* https://n8n.io' }, { type: 'text', message: 'Hello *there* https://n8n.io' }],
	[
		'image with MIME type from the URL and a caption',
		{ operation: 'sendImage', url: 'https://example.com/images/20230625_003239.JPG', caption: 'Your order' },
		{ type: 'image', url: 'https://example.com/images/20230625_003239.JPG', mime_type: 'image/jpeg', caption: 'Your order' },
	],
	[
		'image with a chosen MIME type (URL without extension)',
		{ operation: 'sendImage', url: 'https://cdn.example.com/media/8f3a?sig=1', mimeType: 'image/png' },
		{ type: 'image', url: 'https://cdn.example.com/media/8f3a?sig=1', mime_type: 'image/png' },
	],
	['sticker (type sticker, as the table says)', { operation: 'sendSticker', url: 'https://example.com/stickers/hi.webp' }, { type: 'sticker', url: 'https://example.com/stickers/hi.webp', mime_type: 'image/webp' }],
	[
		'video',
		{ operation: 'sendVideo', url: 'https://example.com/videos/demo.3gp', caption: 'Demo' },
		{ type: 'video', url: 'https://example.com/videos/demo.3gp', mime_type: 'video/3gp', caption: 'Demo' },
	],
	[
		'document with its file name taken from the URL',
		{ operation: 'sendDocument', url: 'https://example.com/docs/Invoice%201042.pdf' },
		{ type: 'document', url: 'https://example.com/docs/Invoice%201042.pdf', mime_type: 'application/pdf', filename: 'Invoice 1042.pdf' },
	],
	[
		'document with a file name and caption',
		{ operation: 'sendDocument', url: 'https://example.com/export?id=7', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: 'report.xlsx', caption: 'Q3' },
		{ type: 'document', url: 'https://example.com/export?id=7', mime_type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: 'report.xlsx', caption: 'Q3' },
	],
	[
		'location with name and address (both name keys, coordinates as strings)',
		{ operation: 'sendLocation', latitude: 13.891411, longitude: 78.272125, locationName: 'New York, NYC', address: '13, New York Street' },
		{ type: 'location', latitude: '13.891411', longitude: '78.272125', name: 'New York, NYC', location_name: 'New York, NYC', address: '13, New York Street' },
	],
	['location without a name', { operation: 'sendLocation', latitude: -33.8688, longitude: 151.2093 }, { type: 'location', latitude: '-33.8688', longitude: '151.2093' }],
	[
		'reply buttons with header and footer',
		{ operation: 'sendButtons', text: 'Hello', buttons: { button: [{ title: 'one' }, { title: 'two' }, { title: 'three 👍' }] }, header: 'This is a header', footer: 'This will go in footer' },
		{ type: 'quick_reply', message: 'Hello', buttons: ['one', 'two', 'three 👍'], header: 'This is a header', caption: 'This will go in footer' },
	],
	['reply buttons, body only', { operation: 'sendButtons', text: 'Yes?', buttons: { button: [{ title: 'Yes' }] } }, { type: 'quick_reply', message: 'Yes?', buttons: ['Yes'] }],
	[
		'list from fields, rows grouped by section',
		{
			operation: 'sendList',
			text: 'Hello',
			buttonText: 'Show List',
			rows: {
				row: [
					{ section: 'one', id: 'id_1', title: 'First title', description: 'test description' },
					{ section: 'two', id: 'id_3', title: 'Third title', description: '' },
					{ section: 'one', id: 'id_2', title: 'second title', description: 'test description' },
				],
			},
			header: 'This is a header',
			footer: 'This will go in footer',
		},
		{
			type: 'list',
			message: 'Hello',
			header: 'This is a header',
			caption: 'This will go in footer',
			list_obj: {
				button: 'Show List',
				sections: [
					{ title: 'one', rows: [{ id: 'id_1', title: 'First title', description: 'test description' }, { id: 'id_2', title: 'second title', description: 'test description' }] },
					{ title: 'two', rows: [{ id: 'id_3', title: 'Third title' }] },
				],
			},
		},
	],
	[
		'list from JSON',
		{ operation: 'sendList', text: 'Pick', buttonText: 'Menu', rowsInput: 'json', sectionsJson: JSON.stringify([{ title: 'Cakes', rows: [{ id: 'c1', title: 'Chocolate' }] }]) },
		{ type: 'list', message: 'Pick', list_obj: { button: 'Menu', sections: [{ title: 'Cakes', rows: [{ id: 'c1', title: 'Chocolate' }] }] } },
	],
	[
		'single product',
		{ operation: 'sendProduct', text: 'Hello', productRetailerId: 'sbt_in_4_1', footer: 'This will go in footer' },
		{ type: 'product', message: 'Hello', caption: 'This will go in footer', product_list: { product_retailer_id: 'sbt_in_4_1' } },
	],
	[
		'multi-product in sections',
		{
			operation: 'sendProductList',
			text: 'Hello',
			header: 'This is a header',
			footer: 'This will go in footer',
			products: { product: [{ section: 'Cakes', id: 'sbt_in_4_1' }, { section: 'Cakes', id: 'sbt_in_4_2' }, { section: 'Breads', id: 'sbt_in_5_1' }] },
		},
		{
			type: 'product',
			message: 'Hello',
			header: 'This is a header',
			caption: 'This will go in footer',
			product_list: {
				sections: [
					{ title: 'Cakes', product_items: [{ product_retailer_id: 'sbt_in_4_1' }, { product_retailer_id: 'sbt_in_4_2' }] },
					{ title: 'Breads', product_items: [{ product_retailer_id: 'sbt_in_5_1' }] },
				],
			},
		},
	],
];

describe('Message → every free-form variant sends the documented request', () => {
	test.each(freeForm)('%s', async (_name, parameters, expected) => {
		const result = await send(parameters);
		expect(result.error).toBeUndefined();
		expect(wire(env.fake.requests)).toEqual([['POST', '/message/', { ...TO, ...expected }]]);
		expectAuthenticated(env.fake.requests);
		// The fake accepted it as valid, and the output carries the wamid a status event will refer to.
		const [sent] = env.fake.state().sent;
		expect(result.items.map((i) => i.json)).toEqual([
			{
				messageId: sent.id,
				wamid: sent.id,
				status: 'submitted',
				to: '919960123456',
				customerName: 'John Doe',
				type: expected.type,
				message: 'Message sent successfully.',
			},
		]);
		expect(sent.id).toMatch(/^wamid\./);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});
});

test('an empty customer name defaults to the number (Sobot requires one)', async () => {
	const result = await send({ operation: 'sendText', text: 'Hi', customerName: ' ' });
	expect(result.error).toBeUndefined();
	expect(env.fake.requests[0].body).toEqual({ customer_number: '919960123456', customer_name: '919960123456', type: 'text', message: 'Hi' });
});

test('several items: one send each, outputs paired to their inputs', async () => {
	const result = await runNode(env.action, {
		parameters: { resource: 'message', operation: 'sendText', customerNumber: '={{ $json.phone }}', customerName: '={{ $json.name }}', text: '=Hi {{ $json.name }}' },
		items: [{ json: { phone: '919960100001', name: 'Aarav' } }, { json: { phone: '919960100002', name: 'Vivaan' } }],
	});
	expect(result.error).toBeUndefined();
	expect(wire(env.fake.requests)).toEqual([
		['POST', '/message/', { customer_number: '919960100001', customer_name: 'Aarav', type: 'text', message: 'Hi Aarav' }],
		['POST', '/message/', { customer_number: '919960100002', customer_name: 'Vivaan', type: 'text', message: 'Hi Vivaan' }],
	]);
	expect(result.items.map((i) => [i.json.to, i.pairedItem])).toEqual([
		['919960100001', { item: 0 }],
		['919960100002', { item: 1 }],
	]);
});
