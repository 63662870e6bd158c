import type { INodeParameters, INodePropertyOptions } from 'n8n-workflow';

import { seedTemplates, SobotFake } from '../fakes/sobot';
import { loadOptions, runNode } from '../harness/engine';
import { providerPerFile } from '../harness/provider';
import { expectAuthenticated, resourceMapping, startSobot, wire } from './setup';

const env = providerPerFile(startSobot);

const TO = { customer_number: '919960123456', customer_name: 'John Doe' };
const LIST_APPROVED = ['GET', '/api/template/?status=1&page=1', undefined];
const variables = (value: Record<string, string>) => ({ mappingMode: 'defineBelow', value, matchingColumns: [], schema: [] });
const sendTemplate = (template: string, values: Record<string, string> = {}, extra: INodeParameters = {}) =>
	runNode(env.action, {
		parameters: { resource: 'message', operation: 'sendTemplate', customerNumber: '919960123456', customerName: 'John Doe', template, variables: variables(values), ...extra },
	});
const text = (t: string) => ({ type: 'text', text: t });

/** Each documented template send (and the seeded variants): template, field values, the exact `params`. */
const sends: Array<[string, string, Record<string, string>, unknown[] | undefined]> = [
	['plain template, no params', 'hello_world|en', {}, undefined],
	['body variables in order', 'order_confirmation|en_US', { body_1: 'Asha', body_2: '#1042', body_3: 'Friday' }, [{ type: 'body', parameters: [text('Asha'), text('#1042'), text('Friday')] }]],
	['a text header without a variable sends only the body', 'payment_reminder|en', { body_1: 'Asha', body_2: '₹499', body_3: '1 May' }, [{ type: 'body', parameters: [text('Asha'), text('₹499'), text('1 May')] }]],
	[
		'image header and body variables combined',
		'shipping_update_image|en',
		{ header_image_url: 'https://example.com/images/parcel.png', body_1: 'Asha', body_2: 'PKG-7' },
		[
			{ type: 'header', parameters: [{ type: 'image', image: { link: 'https://example.com/images/parcel.png' } }] },
			{ type: 'body', parameters: [text('Asha'), text('PKG-7')] },
		],
	],
	[
		'video header',
		'product_launch_video|en_GB',
		{ header_video_url: 'https://example.com/videos/launch.mp4', body_1: 'Model X' },
		[
			{ type: 'header', parameters: [{ type: 'video', video: { link: 'https://example.com/videos/launch.mp4' } }] },
			{ type: 'body', parameters: [text('Model X')] },
		],
	],
	[
		'document header with a file name',
		'invoice_document|en',
		{ header_document_url: 'https://example.com/docs/inv-1042.pdf', header_document_filename: 'Invoice 1042.pdf', body_1: 'Asha', body_2: '1042' },
		[
			{ type: 'header', parameters: [{ type: 'document', document: { link: 'https://example.com/docs/inv-1042.pdf', filename: 'Invoice 1042.pdf' } }] },
			{ type: 'body', parameters: [text('Asha'), text('1042')] },
		],
	],
	[
		'document header spelled DOUCMENT, file name from the URL',
		'brochure_document|en',
		{ header_document_url: 'https://example.com/docs/brochure-2024.pdf' },
		[{ type: 'header', parameters: [{ type: 'document', document: { link: 'https://example.com/docs/brochure-2024.pdf', filename: 'brochure-2024.pdf' } }] }],
	],
	[
		'text header variable (Meta shape)',
		'delivery_feedback|en',
		{ header_text: '#1042', body_1: 'Asha' },
		[
			{ type: 'header', parameters: [text('#1042')] },
			{ type: 'body', parameters: [text('Asha')] },
		],
	],
	[
		'dynamic CTA URL after a call button: button index 1',
		'appointment_cta|en',
		{ body_1: 'Asha', body_2: 'Monday 10:00', button_url: 'A1001' },
		[
			{ type: 'body', parameters: [text('Asha'), text('Monday 10:00')] },
			{ type: 'button', sub_type: 'url', index: 1, parameters: [text('A1001')] },
		],
	],
	[
		'dynamic CTA URL as the only button: index 0',
		'cart_reminder|en',
		{ body_1: 'Asha', button_url: 'abc123' },
		[
			{ type: 'body', parameters: [text('Asha')] },
			{ type: 'button', sub_type: 'url', index: 0, parameters: [text('abc123')] },
		],
	],
	['static CTA URL and quick replies need no params', 'summer_sale_cta|en', {}, undefined],
];

describe('Message → Send Template: every variant sends the documented request', () => {
	test.each(sends)('%s', async (_name, template, values, params) => {
		const result = await sendTemplate(template, values);
		expect(result.error).toBeUndefined();
		const [name, lang] = template.split('|');
		expect(wire(env.fake.requests)).toEqual([
			LIST_APPROVED,
			// No `type` key: Sobot recognises template sends by template_name.
			['POST', '/message/', { ...TO, template_name: name, template_lang: lang, ...(params ? { params } : {}) }],
		]);
		expectAuthenticated(env.fake.requests);
		// The fake checks the parameter counts against the stored template too.
		const [sent] = env.fake.state().sent;
		expect(sent.kind).toBe('template');
		expect(result.items.map((i) => i.json)).toEqual([
			{ messageId: sent.id, wamid: sent.id, status: 'submitted', to: '919960123456', customerName: 'John Doe', type: 'template', template: name, language: lang, message: 'Message sent successfully.' },
		]);
	});
});

describe('Message → Send Template: template lookup', () => {
	test('the approved templates are read once per run, however many items', async () => {
		const result = await runNode(env.action, {
			parameters: { resource: 'message', operation: 'sendTemplate', customerNumber: '={{ $json.phone }}', template: 'otp_verification|en', variables: variables({ body_1: '={{ $json.code }}' }) },
			items: [
				{ json: { phone: '919960100001', code: '111111' } },
				{ json: { phone: '919960100002', code: '222222' } },
				{ json: { phone: '919960100003', code: '333333' } },
			],
		});
		expect(result.error).toBeUndefined();
		expect(wire(env.fake.requests)).toEqual([
			LIST_APPROVED,
			...['1', '2', '3'].map((n) => [
				'POST',
				'/message/',
				{ customer_number: `91996010000${n}`, customer_name: `91996010000${n}`, template_name: 'otp_verification', template_lang: 'en', params: [{ type: 'body', parameters: [text(n.repeat(6))] }] },
			]),
		]);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('the language may be left out when the name is approved in one language', async () => {
		const result = await sendTemplate('hello_world');
		expect(result.error).toBeUndefined();
		expect(env.fake.requests[1].body).toEqual({ ...TO, template_name: 'hello_world', template_lang: 'en' });
	});

	test('approved templates on later pages are found', async () => {
		const many = seedTemplates().concat(
			Array.from({ length: 30 }, (_, n) => ({ ...seedTemplates()[0], id: 700 + n, entity_name: `bulk_${n}`, template: 'Hi {{1}}' })),
		);
		const fake = new SobotFake({ templates: many });
		const origin = await fake.start();
		try {
			const target = { ...env.action, credentials: { ...env.credentials, baseUrl: origin } };
			const result = await runNode(target, {
				parameters: { resource: 'message', operation: 'sendTemplate', customerNumber: '919960123456', template: 'bulk_0|en', variables: variables({ body_1: 'A' }) },
			});
			expect(result.error).toBeUndefined();
			// 46 approved templates, newest first: bulk_0 is on page 3, and every page is read.
			expect(wire(fake.requests).map((w) => w.slice(0, 2))).toEqual([
				['GET', '/api/template/?status=1&page=1'],
				['GET', '/api/template/?status=1&page=2'],
				['GET', '/api/template/?status=1&page=3'],
				['POST', '/message/'],
			]);
		} finally {
			await fake.stop();
		}
	});

	test('"Check Variables" off: no lookup, the values are sent as given', async () => {
		const result = await sendTemplate(
			'appointment_cta|en',
			{ body_2: 'Monday', body_1: 'Asha', button_url: 'A1001' },
			{ options: { checkTemplate: false, urlButtonIndex: '1' } },
		);
		expect(result.error).toBeUndefined();
		expect(wire(env.fake.requests)).toEqual([
			[
				'POST',
				'/message/',
				{
					...TO,
					template_name: 'appointment_cta',
					template_lang: 'en',
					params: [
						{ type: 'body', parameters: [text('Asha'), text('Monday')] },
						{ type: 'button', sub_type: 'url', index: 1, parameters: [text('A1001')] },
					],
				},
			],
		]);
	});

	test('the URL button position can be set by hand', async () => {
		const result = await sendTemplate('cart_reminder|en', { body_1: 'Asha', button_url: 'x' }, { options: { urlButtonIndex: '1' } });
		// The fake accepts index 0 or 1; what matters is that the chosen one is sent.
		expect(result.error).toBeUndefined();
		expect((env.fake.requests[1].body.params as Array<{ index?: number }>)[1].index).toBe(1);
	});
});

describe('Message → Send Template: mistakes are caught before the send', () => {
	const rejected: Array<[string, string, Record<string, string>, RegExp]> = [
		['an unknown template', 'no_such_template|en', {}, /^"Template": there is no approved template named "no_such_template" \[item 0\]$/],
		['a pending template', 'march_ending|en', {}, /no approved template named "march_ending"/],
		['a rejected template', 'diwali_offer|en', {}, /no approved template named "diwali_offer"/],
		['the wrong language', 'order_confirmation|en', {}, /"order_confirmation" is not approved in language "en"; it is approved in en_US/],
		['a missing body value', 'order_confirmation|en_US', { body_1: 'Asha', body_3: 'Friday' }, /^"Template Variables": Body \{\{2\}\} is empty/],
		['a value too many (count mismatch)', 'order_confirmation|en_US', { body_1: 'a', body_2: 'b', body_3: 'c', body_4: 'd' }, /does not use \(body_4\); it has body variables \{\{1\}\}, \{\{2\}\}, \{\{3\}\}/],
		['values for a template without variables', 'hello_world|en', { body_1: 'x' }, /"hello_world" does not use \(body_1\); it has no body variables/],
		['a missing header image', 'shipping_update_image|en', { body_1: 'a', body_2: 'b' }, /Header Image URL is empty; this template has an image header/],
		['a PDF as header image', 'shipping_update_image|en', { header_image_url: 'https://example.com/a.pdf', body_1: 'a', body_2: 'b' }, /"Template Variables: Header Image URL" points to a application\/pdf file; Sobot accepts image\/jpeg, image\/png/],
		['a local header URL', 'product_launch_video|en_GB', { header_video_url: 'http://localhost/a.mp4', body_1: 'a' }, /must be a public URL/],
		['a missing URL button value', 'cart_reminder|en', { body_1: 'a' }, /URL Button \{\{1\}\} is empty/],
		['a line break in a value', 'otp_verification|en', { body_1: '12\n34' }, /Body \{\{1\}\} contains a line break/],
		['five spaces in a value', 'otp_verification|en', { body_1: '12     34' }, /more than four spaces/],
	];
	test.each(rejected)('%s', async (_name, template, values, expected) => {
		const result = await sendTemplate(template, values);
		expect(result.error?.message).toMatch(expected);
		expect(result.error?.name).toBe('NodeOperationError');
		// Only the template list was read; nothing was sent.
		expect(wire(env.fake.requests)).toEqual([LIST_APPROVED]);
	});

	test('a bad number fails before even the template list is read', async () => {
		const result = await sendTemplate('hello_world|en', {}, { customerNumber: 'abc' });
		expect(result.error?.message).toMatch(/^"Customer Number" is not a valid phone number: "abc" \[item 0\]$/);
		expect(env.fake.requests).toHaveLength(0);
	});

	test('unchecked sends need the language', async () => {
		const result = await sendTemplate('hello_world', {}, { options: { checkTemplate: false } });
		expect(result.error?.message).toMatch(/"Template Name or ID" needs the language when the template is not checked: hello_world\|<language>/);
		expect(env.fake.requests).toHaveLength(0);
	});

	test('a name approved in several languages needs the language', async () => {
		env.fake.templates.push({ ...env.fake.templates[0], id: 999, lang_code: 'hi' });
		const result = await sendTemplate('hello_world');
		expect(result.error?.message).toMatch(/"hello_world" is approved in several languages \(en, hi\); give it as hello_world\|<language>/);
		expect(wire(env.fake.requests)).toEqual([LIST_APPROVED]);
	});
});

describe('template dropdown and variable fields', () => {
	test('the dropdown lists approved templates by name and language', async () => {
		const options = (await loadOptions(env.action, 'loadOptions', 'getApprovedTemplates', {})) as INodePropertyOptions[];
		expect(wire(env.fake.requests)).toEqual([LIST_APPROVED]);
		expect(options).toHaveLength(16);
		expect(options.map((o) => o.value)).not.toContain('march_ending|en');
		expect(options.find((o) => o.value === 'order_confirmation|en_US')).toEqual({
			name: 'order_confirmation (en_US)',
			value: 'order_confirmation|en_US',
			description: '3 variables: Hi {{1}}, your order {{2}} has been confirmed and will be delivered by {{3}}.',
		});
		expect(options.find((o) => o.value === 'shipping_update_image|en')?.description).toMatch(/^2 variables, image header: /);
		expect(options.map((o) => o.name)).toEqual([...options.map((o) => o.name)].sort((a, b) => a.localeCompare(b)));
	});

	const fieldsOf = async (template: string) => {
		const result = await resourceMapping(env.action, 'getTemplateVariables', { resource: 'message', operation: 'sendTemplate', template });
		return result.fields.map((f) => [f.id, f.displayName, f.required]);
	};

	test('body variables become fields that show their context', async () => {
		expect(await fieldsOf('order_confirmation|en_US')).toEqual([
			['body_1', 'Body {{1}} (Hi {{1}}, your order {{2}}…)', true],
			['body_2', 'Body {{2}} (…{{1}}, your order {{2}} has been confirmed…)', true],
			['body_3', 'Body {{3}} (…be delivered by {{3}}.)', true],
		]);
	});

	test('media headers, text header variables and dynamic URLs become fields', async () => {
		expect((await fieldsOf('invoice_document|en')).map((f) => [f[0], f[2]])).toEqual([
			['header_document_url', true],
			['header_document_filename', false],
			['body_1', true],
			['body_2', true],
		]);
		expect((await fieldsOf('delivery_feedback|en')).map((f) => f[0])).toEqual(['header_text', 'body_1']);
		expect(await fieldsOf('appointment_cta|en')).toContainEqual(['button_url', 'URL Button {{1}} (end of https://example.com/appointments/{{1}})', true]);
	});

	test('no template, or one without variables, gives an explanation instead of fields', async () => {
		expect(await resourceMapping(env.action, 'getTemplateVariables', { template: '' })).toEqual({ fields: [], emptyFieldsNotice: 'Choose a template first' });
		expect(await resourceMapping(env.action, 'getTemplateVariables', { template: 'hello_world|en' })).toEqual({ fields: [], emptyFieldsNotice: 'This template has no variables to fill in' });
		expect(await resourceMapping(env.action, 'getTemplateVariables', { template: 'march_ending|en' })).toEqual({ fields: [], emptyFieldsNotice: 'No approved template "march_ending" in en' });
	});
});
