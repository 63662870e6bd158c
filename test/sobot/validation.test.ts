import type { INodeParameters } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { expectRejectedBeforeSending, providerPerFile } from '../harness/provider';
import { startSobot } from './setup';

const env = providerPerFile(startSobot);

const message = (parameters: INodeParameters): INodeParameters => ({ resource: 'message', customerNumber: '919960123456', ...parameters });
const customer = (parameters: INodeParameters): INodeParameters => ({ resource: 'customer', operation: 'add', mobile: '919561234567', name: 'John', ...parameters });
const rows = (n: number, extra: Record<string, string> = {}) => ({ row: Array.from({ length: n }, (_, k) => ({ section: 'S', id: `r${k}`, title: `Row ${k}`, ...extra })) });
const list = (parameters: INodeParameters) => message({ operation: 'sendList', text: 'Pick', buttonText: 'Open', rows: rows(1), ...parameters });
const buttons = (...titles: string[]) => ({ button: titles.map((title) => ({ title })) });

/** Bad input and the error that names the field: nothing may reach Sobot. */
const rejected: Array<[string, INodeParameters, RegExp]> = [
	// recipients
	['letters as a number', message({ operation: 'sendText', customerNumber: 'call me', text: 'x' }), /^"Customer Number" is not a valid phone number: "call me" \[item 0\]$/],
	['a 16-digit number', message({ operation: 'sendText', customerNumber: '1234567890123456', text: 'x' }), /"Customer Number" is not a valid phone number/],
	['an empty number', message({ operation: 'sendText', customerNumber: ' ', text: 'x' }), /^"Customer Number" is required \[item 0\]$/],
	['a customer name over 100 characters', message({ operation: 'sendText', customerName: 'n'.repeat(101), text: 'x' }), /"Customer Name" is too long: 101 characters, the provider allows at most 100/],
	// text
	['empty text', message({ operation: 'sendText', text: '  ' }), /^"Text" is required \[item 0\]$/],
	['text over 4096 characters', message({ operation: 'sendText', text: 'x'.repeat(4097) }), /"Text" is too long: 4097 characters, the provider allows at most 4096/],
	// media
	['an image URL that is no URL', message({ operation: 'sendImage', url: 'images/a.jpg' }), /^"Image URL" must be a full http\(s\) URL, got "images\/a.jpg" \[item 0\]$/],
	['a localhost image URL', message({ operation: 'sendImage', url: 'http://localhost:8080/a.jpg' }), /"Image URL" must be a public URL that Sobot's servers can download/],
	['a private-network video URL', message({ operation: 'sendVideo', url: 'http://192.168.1.20/v.mp4' }), /"Video URL" must be a public URL/],
	['a GIF as image', message({ operation: 'sendImage', url: 'https://example.com/a.gif' }), /"Image URL" points to a image\/gif file; Sobot accepts image\/jpeg, image\/png for images/],
	['an image without extension or MIME type', message({ operation: 'sendImage', url: 'https://cdn.example.com/abc' }), /"MIME Type" is needed: the type of "Image URL" can't be told from its file name/],
	['a MIME type Sobot does not take', message({ operation: 'sendImage', url: 'https://cdn.example.com/abc', mimeType: 'image/gif' }), /"MIME Type" has type image\/gif, the provider accepts image\/jpeg, image\/png/],
	['a MOV video', message({ operation: 'sendVideo', url: 'https://example.com/clip.mov' }), /"Video URL" points to a video\/quicktime file; Sobot accepts video\/mp4, video\/3gp/],
	['a PNG sticker', message({ operation: 'sendSticker', url: 'https://example.com/s.png' }), /"Sticker URL" points to a image\/png file; Sobot accepts image\/webp/],
	['a ZIP document', message({ operation: 'sendDocument', url: 'https://example.com/a.zip' }), /"Document URL" points to a application\/zip file/],
	['a document URL without a file name', message({ operation: 'sendDocument', url: 'https://example.com/', mimeType: 'application/pdf' }), /"File Name" is required: the Document URL does not end in a file name/],
	['a caption over 1024 characters', message({ operation: 'sendImage', url: 'https://example.com/a.png', caption: 'c'.repeat(1025) }), /"Caption" is too long: 1025 characters/],
	// location
	['a latitude out of range', message({ operation: 'sendLocation', latitude: 91, longitude: 0 }), /"Latitude" must be between -90 and 90, got 91/],
	['a longitude out of range', message({ operation: 'sendLocation', latitude: 0, longitude: -181 }), /"Longitude" must be between -180 and 180, got -181/],
	// reply buttons
	['no buttons', message({ operation: 'sendButtons', text: 'x', buttons: {} }), /"Buttons" needs 1 to 3 entries, got 0/],
	['four buttons', message({ operation: 'sendButtons', text: 'x', buttons: buttons('a', 'b', 'c', 'd') }), /"Buttons" needs 1 to 3 entries, got 4/],
	['duplicate buttons', message({ operation: 'sendButtons', text: 'x', buttons: buttons('Yes', 'Yes') }), /"Buttons" must all be different/],
	['a button title over 20 characters', message({ operation: 'sendButtons', text: 'x', buttons: buttons('x'.repeat(21)) }), /"Buttons: "x{21}"" is too long: 21 characters, the provider allows at most 20/],
	['a button body over 1024 characters', message({ operation: 'sendButtons', text: 'x'.repeat(1025), buttons: buttons('a') }), /"Text" is too long: 1025 characters, the provider allows at most 1024/],
	['a header over 60 characters', message({ operation: 'sendButtons', text: 'x', buttons: buttons('a'), header: 'h'.repeat(61) }), /"Header" is too long: 61 characters, the provider allows at most 60/],
	['an emoji in the header', message({ operation: 'sendButtons', text: 'x', buttons: buttons('a'), header: 'Hi 👋' }), /"Header" can't contain emoji/],
	['a footer over 60 characters', message({ operation: 'sendButtons', text: 'x', buttons: buttons('a'), footer: 'f'.repeat(61) }), /"Footer" is too long: 61 characters/],
	// list
	['a list button text over 20 characters', list({ buttonText: 'b'.repeat(21) }), /"Button Text" is too long: 21 characters/],
	['eleven rows', list({ rows: rows(11) }), /"Rows \(rows in all sections\)" needs 1 to 10 entries, got 11/],
	['no rows', list({ rows: {} }), /"Rows \(sections\)" needs 1 to 10 entries, got 0/],
	['a row title over 24 characters', list({ rows: { row: [{ section: 'S', id: 'a', title: 't'.repeat(25) }] } }), /"Rows: row title "t{25}"" is too long: 25 characters, the provider allows at most 24/],
	['a row ID over 200 characters', list({ rows: { row: [{ section: 'S', id: 'i'.repeat(201), title: 'T' }] } }), /"Rows: row ID "i{201}"" is too long/],
	['a row description over 72 characters', list({ rows: { row: [{ section: 'S', id: 'a', title: 'T', description: 'd'.repeat(73) }] } }), /"Rows: description of "T"" is too long: 73 characters/],
	['a section title over 24 characters', list({ rows: { row: [{ section: 's'.repeat(25), id: 'a', title: 'T' }] } }), /section title "s{25}"" is too long/],
	['a row without section title', list({ rows: { row: [{ section: '', id: 'a', title: 'T' }] } }), /"Rows: section title" is required/],
	['a duplicate row ID', list({ rows: { row: [{ section: 'S', id: 'a', title: 'T' }, { section: 'S', id: 'a', title: 'U' }] } }), /"Rows" has the row ID "a" twice/],
	['list JSON that is not JSON', list({ rowsInput: 'json', sectionsJson: '[{' }), /"Sections \(JSON\)" is not valid JSON/],
	['list JSON that is no array', list({ rowsInput: 'json', sectionsJson: '{"title":"x"}' }), /"Sections \(JSON\)" must be an array/],
	[
		'eleven sections in JSON',
		list({ rowsInput: 'json', sectionsJson: JSON.stringify(Array.from({ length: 11 }, (_, k) => ({ title: `S${k}`, rows: [{ id: `r${k}`, title: 'T' }] }))) }),
		/"Sections \(JSON\) \(sections\)" needs 1 to 10 entries, got 11/,
	],
	// products
	['an empty product retailer ID', message({ operation: 'sendProduct', text: 'x', productRetailerId: ' ' }), /"Product Retailer ID" is required/],
	['31 products', message({ operation: 'sendProductList', text: 'x', products: { product: Array.from({ length: 31 }, (_, k) => ({ section: 'S', id: `p${k}` })) } }), /"Products" needs 1 to 30 entries, got 31/],
	['eleven product sections', message({ operation: 'sendProductList', text: 'x', products: { product: Array.from({ length: 11 }, (_, k) => ({ section: `S${k}`, id: `p${k}` })) } }), /"Products \(sections\)" needs 1 to 10 entries, got 11/],
	['a product without section title', message({ operation: 'sendProductList', text: 'x', products: { product: [{ section: '', id: 'p1' }] } }), /"Products: Section Title" is required/],
	// customers
	['an invalid mobile', customer({ mobile: '12ab' }), /^"Mobile Number" is not a valid phone number: "12ab" \[item 0\]$/],
	// n8n itself refuses an empty literal; an expression that resolves empty (a CRM row without a name) reaches the node.
	['a missing name', customer({ name: '={{ $json.name ?? "" }}' }), /^"Name" is required \[item 0\]$/],
	['a name over 100 characters', customer({ name: 'n'.repeat(101) }), /"Name" is too long: 101 characters, the provider allows at most 100/],
	['an invalid email', customer({ additionalFields: { email: 'john@' } }), /"Email" is not a valid email address: "john@"/],
	['an impossible date of birth', customer({ additionalFields: { dateOfBirth: '31-02-1991' } }), /"Date of Birth" must be a date as DD-MM-YYYY, got "31-02-1991"/],
	['a US-style date of birth', customer({ additionalFields: { dateOfBirth: '12/31/1991' } }), /"Date of Birth" must be a date as DD-MM-YYYY/],
	['a gender Sobot does not know', customer({ additionalFields: { gender: 'M' } }), /"Gender" must be one of Male, Female; got "M"/],
	['a profile that is no URL', customer({ additionalFields: { linkedinProfile: 'johndoe' } }), /"LinkedIn Profile" must be a full http\(s\) URL/],
	['an extra field without key', customer({ additionalFields: { extraFields: { field: [{ key: ' ', value: 'x' }] } } }), /"Extra Fields" has an entry without a key/],
	['an extra field twice', customer({ additionalFields: { extraFields: { field: [{ key: 'a b', value: '1' }, { key: 'a_b', value: '2' }] } } }), /"Extra Fields" has the key "a_b" twice/],
	['an update with an invalid mobile', { resource: 'customer', operation: 'update', mobile: '+', name: 'J' }, /"Mobile Number" is not a valid phone number/],
];

describe('bad input is rejected before any request, naming the field and item', () => {
	test.each(rejected)('%s', async (_name, parameters, expected) => expectRejectedBeforeSending(env, parameters, expected));
});

test('the item number in the message is the failing item', async () => {
	const result = await runNode(env.action, {
		parameters: { resource: 'message', operation: 'sendText', customerNumber: '={{ $json.to }}', text: 'Hi' },
		items: [{ json: { to: '919960100001' } }, { json: { to: 'oops' } }],
	});
	expect(result.error?.message).toBe('"Customer Number" is not a valid phone number: "oops" [item 1]');
	expect(env.fake.requests).toHaveLength(1);
});
