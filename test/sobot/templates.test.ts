import type { INodeParameters } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { providerPerFile } from '../harness/provider';
import { expectAuthenticated, startSobot, wire } from './setup';

const env = providerPerFile(startSobot);

const BODY = 'Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification.';
const create = (parameters: INodeParameters) =>
	runNode(env.action, { parameters: { resource: 'template', operation: 'create', category: 'UTILITY', language: 'en_US', body: BODY, ...parameters } });
const examples = (...values: string[]) => ({ example: values.map((value) => ({ value })) });

/** Every documented template_type / sub_type variant: node parameters and the exact body sent. */
const variants: Array<[string, INodeParameters, Record<string, unknown>]> = [
	['text', { templateName: 'plain_text' }, { template_type: 'TEXT' }],
	[
		'text with a text header and footer',
		{ templateName: 'with_header', headerType: 'text', headerText: 'Order update', footer: 'Reply STOP to opt out' },
		{ template_type: 'TEXT', header_type: 'TEXT', header: 'Order update', footer: 'Reply STOP to opt out' },
	],
	[
		'text with body variables and their examples',
		{ templateName: 'with_vars', body: 'Send a {{1}} message from the {{2}}.', bodyExamples: examples('WhatsApp', 'Cloud API') },
		{ template_type: 'TEXT', body: 'Send a {{1}} message from the {{2}}.', example_body_param: { body_text: [['WhatsApp', 'Cloud API']] } },
	],
	[
		'text header with its one variable (Meta example shape)',
		{ templateName: 'header_var', headerType: 'text', headerText: 'Order {{1}} shipped', headerExample: '#1042' },
		{ template_type: 'TEXT', header_type: 'TEXT', header: 'Order {{1}} shipped', example_header_param: { header_text: ['#1042'] } },
	],
	[
		'quick-reply buttons',
		{ templateName: 'with_buttons', buttonsType: 'quickReplies', quickReplies: { button: [{ title: 'Yes' }, { title: 'No' }, { title: 'May be' }] } },
		{ template_type: 'TEXT', buttons: ['Yes', 'No', 'May be'] },
	],
	[
		'call to action: call button and dynamic website URL',
		{
			templateName: 'with_cta',
			buttonsType: 'cta',
			callText: 'Call Now',
			callNumber: '+91 95610 00001',
			urlText: 'Register Now',
			url: 'https://example.com/register/customer/{{1}}',
			urlExample: 'https://example.com/register/customer/delhi',
		},
		{
			template_type: 'TEXT',
			sub_type: 'CTA',
			phone_numbers: [{ phone_number: '919561000001', text: 'Call Now' }],
			url: 'https://example.com/register/customer/{{1}}',
			url_name: 'Register Now',
			example_website: 'https://example.com/register/customer/delhi',
			example_webiste: 'https://example.com/register/customer/delhi',
		},
	],
	[
		'call to action: static website URL only',
		{ templateName: 'cta_static', buttonsType: 'cta', urlText: 'Shop now', url: 'https://example.com/sale' },
		{ template_type: 'TEXT', sub_type: 'CTA', url: 'https://example.com/sale', url_name: 'Shop now' },
	],
	[
		'call to action: call button only',
		{ templateName: 'cta_call', buttonsType: 'cta', callText: 'Call us', callNumber: '919561000002' },
		{ template_type: 'TEXT', sub_type: 'CTA', phone_numbers: [{ phone_number: '919561000002', text: 'Call us' }] },
	],
	[
		'image header',
		{ templateName: 'with_image', category: 'MARKETING', headerType: 'image', mediaExample: 'https://example.com/images/20230625_003239.jpg' },
		{ category: 'MARKETING', template_type: 'MEDIA', header_type: 'IMAGE', example: 'https://example.com/images/20230625_003239.jpg' },
	],
	[
		'video header',
		{ templateName: 'with_video', category: 'MARKETING', headerType: 'video', mediaExample: 'https://example.com/images/20230625_003239.mp4' },
		{ category: 'MARKETING', template_type: 'MEDIA', header_type: 'VIDEO', example: 'https://example.com/images/20230625_003239.mp4' },
	],
	[
		'document header with quick replies, spaces in the name',
		{
			templateName: 'with document',
			headerType: 'document',
			mediaExample: 'https://example.com/images/20230625_003239.pdf',
			buttonsType: 'quickReplies',
			quickReplies: { button: [{ title: 'Got it' }] },
		},
		{ entity_name: 'with_document', template_type: 'MEDIA', header_type: 'DOCUMENT', example: 'https://example.com/images/20230625_003239.pdf', buttons: ['Got it'] },
	],
];

describe('Template → Create: every variant sends the documented request', () => {
	test.each(variants)('%s', async (_name, parameters, expected) => {
		const result = await create(parameters);
		expect(result.error).toBeUndefined();
		const body = { category: 'UTILITY', entity_name: parameters.templateName, body: BODY, lang_code: 'en_US', ...expected };
		expect(wire(env.fake.requests)).toEqual([
			['POST', '/api/template/', body],
			// No id comes back: the new template is read back from the list.
			['GET', '/api/template/?page=1', undefined],
		]);
		expectAuthenticated(env.fake.requests);
		const stored = env.fake.state().templates.find((t) => t.entity_name === body.entity_name)!;
		expect(result.items.map((i) => i.json)).toEqual([
			{
				created: true,
				name: body.entity_name,
				language: 'en_US',
				message: 'Template created successfully',
				template: { ...stored, status_name: 'pending', phone_numbers: stored.phone_numbers ?? null },
			},
		]);
	});
});

describe('Template → Create: the documented rules are checked before sending', () => {
	const rejected: Array<[string, INodeParameters, RegExp]> = [
		['a name with capitals', { templateName: 'Order-Update' }, /^"Name" may contain only lowercase letters, digits and underscores, got "Order-Update" \[item 0\]$/],
		['a name over 128 characters', { templateName: 'a'.repeat(129) }, /"Name" is too long: 129 characters, the provider allows at most 128/],
		['a body over 1024 characters', { templateName: 'long', body: 'x'.repeat(1025) }, /"Body" is too long: 1025 characters/],
		['body variables with a gap', { templateName: 'gap', body: 'Hi {{1}}, see {{3}}', bodyExamples: examples('a', 'b') }, /"Body" must number its variables \{\{1\}\}, \{\{2\}\}, … without gaps; found \{\{1\}\}, \{\{3\}\}/],
		['missing body examples', { templateName: 'no_examples', body: 'Hi {{1}} and {{2}}' }, /"Body Variable Examples" needs 2 values \(one per body variable\), got 0/],
		['too many body examples', { templateName: 'many_examples', body: 'Hi {{1}}', bodyExamples: examples('a', 'b') }, /"Body Variable Examples" needs 1 value \(one per body variable\), got 2/],
		['an empty body example', { templateName: 'empty_example', body: 'Hi {{1}}', bodyExamples: examples(' ') }, /"Body Variable Examples: value for \{\{1\}\}" is required/],
		['a header with two variables', { templateName: 'h2', headerType: 'text', headerText: '{{1}} and {{2}}', headerExample: 'x' }, /"Header Text" may contain one variable only, and it must be \{\{1\}\}/],
		['a header variable without example', { templateName: 'h3', headerType: 'text', headerText: 'Order {{1}}' }, /"Header Variable Example \(the header has \{\{1\}\}\)" is required/],
		['an emoji in the header', { templateName: 'h4', headerType: 'text', headerText: 'Sale 🎉' }, /"Header Text" can't contain emoji/],
		['a footer over 60 characters', { templateName: 'f', footer: 'x'.repeat(61) }, /"Footer" is too long: 61 characters, the provider allows at most 60/],
		['four quick replies', { templateName: 'q4', buttonsType: 'quickReplies', quickReplies: { button: ['a', 'b', 'c', 'd'].map((title) => ({ title })) } }, /"Quick Replies" needs 1 to 3 entries, got 4/],
		['duplicate quick replies', { templateName: 'qd', buttonsType: 'quickReplies', quickReplies: { button: [{ title: 'Yes' }, { title: 'Yes' }] } }, /"Quick Replies" must all be different/],
		['a quick reply over 20 characters', { templateName: 'ql', buttonsType: 'quickReplies', quickReplies: { button: [{ title: 'x'.repeat(21) }] } }, /"Quick Replies: "x{21}"" is too long/],
		['an empty call to action', { templateName: 'c0', buttonsType: 'cta' }, /neither a call button nor a website button is filled in/],
		['a variable inside the URL', { templateName: 'c1', buttonsType: 'cta', urlText: 'Go', url: 'https://example.com/{{1}}/x', urlExample: 'https://example.com/a/x' }, /"Website URL" may have one variable only, \{\{1\}\}, at the very end/],
		['a dynamic URL without example', { templateName: 'c2', buttonsType: 'cta', urlText: 'Go', url: 'https://example.com/{{1}}' }, /"Example Website URL \(needed for a URL ending in \{\{1\}\}\)" is required/],
		['a call button without number', { templateName: 'c3', buttonsType: 'cta', callText: 'Call' }, /"Call Button Phone Number" is required/],
		['a website button text over 20 characters', { templateName: 'c4', buttonsType: 'cta', urlText: 'x'.repeat(21), url: 'https://example.com' }, /"Website Button Text" is too long/],
		['a video sample for an image header', { templateName: 'm1', headerType: 'image', mediaExample: 'https://example.com/a.mp4' }, /"Sample Media URL" points to a video\/mp4 file; Sobot accepts image\/jpeg, image\/png/],
		['a sample that is no URL', { templateName: 'm2', headerType: 'document', mediaExample: 'invoice.pdf' }, /"Sample Media URL" must be a full http\(s\) URL/],
		['a language with spaces', { templateName: 'l1', language: 'English US' }, /"Language" must be a language code such as en_US or hi, got "English US"/],
	];
	test.each(rejected)('%s', async (_name, parameters, expected) => {
		const result = await create(parameters);
		expect(result.error?.message).toMatch(expected);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(env.fake.requests).toHaveLength(0);
	});

	test('a duplicate name is Sobot’s error, with nothing read back', async () => {
		const result = await create({ templateName: 'hello_world' });
		expect(result.error?.message).toBe('Sobot: Template with this entity_name already exists');
		expect(result.error?.name).toBe('NodeApiError');
		expect(wire(env.fake.requests).map((w) => w.slice(0, 2))).toEqual([['POST', '/api/template/']]);
	});
});

describe('Template → Get Many', () => {
	test.each([
		['all', {}, 25],
		['pending', { status: '0' }, 5],
		['approved', { status: '1' }, 16],
		['rejected', { status: '2' }, 4],
	])('%s templates, filtered by Sobot', async (status, query, count) => {
		const result = await runNode(env.action, { parameters: { resource: 'template', operation: 'getMany', status, returnAll: true } });
		expect(result.error).toBeUndefined();
		const pages = Math.ceil(count / 20);
		expect(wire(env.fake.requests)).toEqual(
			Array.from({ length: pages }, (_, p) => ['GET', `/api/template/?${new URLSearchParams({ ...query, page: String(p + 1) })}`, undefined]),
		);
		expectAuthenticated(env.fake.requests);
		expect(result.items).toHaveLength(count);
		if (status !== 'all') expect(new Set(result.items.map((i) => i.json.status_name))).toEqual(new Set([status]));
	});

	test('a limit reads only the first page', async () => {
		const result = await runNode(env.action, { parameters: { resource: 'template', operation: 'getMany', status: 'all', returnAll: false, limit: 3 } });
		expect(wire(env.fake.requests)).toEqual([['GET', '/api/template/?page=1', undefined]]);
		expect(result.items.map((i) => i.json.entity_name)).toEqual(['survey_marathi', 'ticket_update', 'holiday_hours']);
	});

	test('documented quirks are normalised: DOUCMENT, phone_numbers as an object', async () => {
		const result = await runNode(env.action, { parameters: { resource: 'template', operation: 'getMany', status: 'approved', returnAll: true } });
		const byName = Object.fromEntries(result.items.map((i) => [i.json.entity_name, i.json]));
		expect(byName.brochure_document).toMatchObject({ header_type: 'DOCUMENT', status: 1, status_name: 'approved' });
		expect(byName.summer_sale_cta.phone_numbers).toEqual([{ phone_number: '919561000002', text: 'Call us' }]);
		expect(byName.appointment_cta.phone_numbers).toEqual([{ phone_number: '919561000001', text: 'Call Now' }]);
		expect(byName.hello_world).toMatchObject({ phone_numbers: null, header_type: null, template: expect.stringMatching(/^Welcome/) });
	});
});
