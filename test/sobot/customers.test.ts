import type { INodeParameters } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import { providerPerFile } from '../harness/provider';
import { expectAuthenticated, startSobot, wire } from './setup';

const env = providerPerFile(startSobot);

const customer = (parameters: INodeParameters) => runNode(env.action, { parameters: { resource: 'customer', ...parameters } });
const stored = (mobile: string) => env.fake.state().customers.find((c) => c.mobile === mobile);

const allFields = {
	email: 'john@example.com',
	gender: 'Male',
	dateOfBirth: '12-12-1991',
	facebookProfile: 'https://facebook.com/johndoe',
	linkedinProfile: 'https://www.linkedin.com/in/johndoe/',
	twitterProfile: 'https://www.twitter.com/johndoe/',
	extraFields: { field: [{ key: 'joining date', value: '2023-01-12' }, { key: 'tier', value: 'gold' }] },
	labels: 'label1, label2,label3, label1',
};
const allFieldsBody = {
	name: 'John Doe',
	email: 'john@example.com',
	gender: 'Male',
	date_of_birth: '12-12-1991',
	facebook_profile: 'https://facebook.com/johndoe',
	linkedin_profile: 'https://www.linkedin.com/in/johndoe/',
	twitter_profile: 'https://www.twitter.com/johndoe/',
	extra_fields: { joining_date: '2023-01-12', tier: 'gold' },
	labels: ['label1', 'label2', 'label3'],
};

describe('Customer → Add', () => {
	test('sends every documented field to POST /api/customer', async () => {
		const result = await customer({ operation: 'add', mobile: '+91 95612-34567', name: ' John Doe ', additionalFields: allFields });
		expect(result.error).toBeUndefined();
		expect(wire(env.fake.requests)).toEqual([['POST', '/api/customer', { mobile: '919561234567', ...allFieldsBody }]]);
		expectAuthenticated(env.fake.requests);
		expect(result.items.map((i) => i.json)).toEqual([{ mobile: '919561234567', action: 'created', message: 'Customer added successfully', code: 201 }]);
		expect(stored('919561234567')).toMatchObject({ name: 'John Doe', labels: ['label1', 'label2', 'label3'], extra_fields: { joining_date: '2023-01-12', tier: 'gold' } });
	});

	test('only the name is required; an ISO date of birth becomes DD-MM-YYYY', async () => {
		const result = await customer({ operation: 'add', mobile: '919561234567', name: 'Jane', additionalFields: { dateOfBirth: '1991-02-28' } });
		expect(result.error).toBeUndefined();
		expect(wire(env.fake.requests)).toEqual([['POST', '/api/customer', { mobile: '919561234567', name: 'Jane', date_of_birth: '28-02-1991' }]]);
	});

	test('an existing number is a clear error that points to the upsert option', async () => {
		const result = await customer({ operation: 'add', mobile: '919960100001', name: 'Aarav Sharma' });
		expect(result.error?.message).toBe('Sobot: Customer already exists');
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.description).toMatch(/If Customer Exists.*Update Instead/);
		expect(wire(env.fake.requests)).toEqual([['POST', '/api/customer', { mobile: '919960100001', name: 'Aarav Sharma' }]]);
	});

	test('upsert: an existing number is updated through PUT /api/customer/{mobile}', async () => {
		const result = await customer({ operation: 'add', mobile: '919960100001', name: 'John Doe', ifExists: 'update', additionalFields: allFields });
		expect(result.error).toBeUndefined();
		expect(wire(env.fake.requests)).toEqual([
			['POST', '/api/customer', { mobile: '919960100001', ...allFieldsBody }],
			['PUT', '/api/customer/919960100001', allFieldsBody],
		]);
		expectAuthenticated(env.fake.requests);
		expect(result.items.map((i) => i.json)).toEqual([{ mobile: '919960100001', action: 'updated', message: 'Customer updated successfully', code: 201 }]);
		// Labels are replaced, not merged (customer 1 was seeded with ["vip"]).
		expect(stored('919960100001')?.labels).toEqual(['label1', 'label2', 'label3']);
	});

	test('upsert: a new number is simply created', async () => {
		const result = await customer({ operation: 'add', mobile: '919561234567', name: 'New', ifExists: 'update' });
		expect(result.error).toBeUndefined();
		expect(wire(env.fake.requests)).toEqual([['POST', '/api/customer', { mobile: '919561234567', name: 'New' }]]);
		expect(result.items[0].json).toMatchObject({ action: 'created' });
	});

	test('upsert does not hide other errors', async () => {
		env.fake.failNext({ status: 400, body: { message: 'Invalid mobile number', code: 400 }, match: { method: 'POST' } });
		const result = await customer({ operation: 'add', mobile: '919561234567', name: 'New', ifExists: 'update' });
		expect(result.error?.message).toBe('Sobot: Invalid mobile number');
		expect(env.fake.requests).toHaveLength(1);
	});
});

describe('Customer → Update', () => {
	test('sends every field to PUT /api/customer/{mobile}', async () => {
		const result = await customer({ operation: 'update', mobile: '+919960100002', name: 'John Doe', additionalFields: allFields });
		expect(result.error).toBeUndefined();
		expect(wire(env.fake.requests)).toEqual([['PUT', '/api/customer/919960100002', allFieldsBody]]);
		expectAuthenticated(env.fake.requests);
		expect(result.items[0].json).toEqual({ mobile: '919960100002', action: 'updated', message: 'Customer updated successfully', code: 201 });
	});

	test('without labels the existing ones are kept; "Remove All Labels" sends an empty list', async () => {
		await customer({ operation: 'update', mobile: '919960100001', name: 'Aarav Sharma' });
		expect(stored('919960100001')?.labels).toEqual(['vip']);
		const result = await customer({ operation: 'update', mobile: '919960100001', name: 'Aarav Sharma', clearLabels: true, additionalFields: { labels: 'ignored' } });
		expect(result.error).toBeUndefined();
		expect(wire(env.fake.requests)).toEqual([
			['PUT', '/api/customer/919960100001', { name: 'Aarav Sharma' }],
			['PUT', '/api/customer/919960100001', { name: 'Aarav Sharma', labels: [] }],
		]);
		expect(stored('919960100001')?.labels).toEqual([]);
	});

	test('an unknown customer is Sobot’s error', async () => {
		const result = await customer({ operation: 'update', mobile: '919561234567', name: 'Nobody' });
		expect(result.error?.message).toBe('Sobot: Customer not found');
	});
});

describe('Customer → Get Many', () => {
	test('a limit within the first page reads one page', async () => {
		const result = await customer({ operation: 'getMany', returnAll: false, limit: 5 });
		expect(result.error).toBeUndefined();
		expect(wire(env.fake.requests)).toEqual([['GET', '/api/customer?page=1', undefined]]);
		expectAuthenticated(env.fake.requests);
		expect(result.items).toHaveLength(5);
		expect(Object.keys(result.items[0].json).sort()).toEqual(['first_name', 'id', 'last_name', 'mobile', 'name']);
		expect(result.items.every((i) => i.pairedItem && (i.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	test('a limit across pages reads only the pages it needs', async () => {
		const result = await customer({ operation: 'getMany', returnAll: false, limit: 25 });
		expect(wire(env.fake.requests)).toEqual([
			['GET', '/api/customer?page=1', undefined],
			['GET', '/api/customer?page=2', undefined],
		]);
		expect(result.items).toHaveLength(25);
	});

	test('Return All follows the fixed 20-item pages to the end', async () => {
		const result = await customer({ operation: 'getMany', returnAll: true });
		expect(wire(env.fake.requests)).toEqual([1, 2, 3].map((page) => ['GET', `/api/customer?page=${page}`, undefined]));
		expect(result.items).toHaveLength(45);
		expect(new Set(result.items.map((i) => i.json.mobile)).size).toBe(45);
	});
});

describe('Extra Fields keys are the user’s own, whatever they are called', () => {
	test('keys an object has by default (toString, valueOf, hasOwnProperty) are sent as ordinary keys', async () => {
		const extraFields = { field: [{ key: 'toString', value: 't' }, { key: 'valueOf', value: 'v' }, { key: 'hasOwnProperty', value: 'h' }] };
		const result = await customer({ operation: 'add', mobile: '919561234567', name: 'Jane', additionalFields: { extraFields } });
		expect(result.error).toBeUndefined();
		expect(wire(env.fake.requests)).toEqual([
			['POST', '/api/customer', { mobile: '919561234567', name: 'Jane', extra_fields: { toString: 't', valueOf: 'v', hasOwnProperty: 'h' } }],
		]);
	});

	test.each(['__proto__', 'constructor', 'prototype'])('"%s", which n8n’s HTTP client would drop silently, is refused before sending', async (key) => {
		const extraFields = { field: [{ key: 'tier', value: 'gold' }, { key, value: 'x' }] };
		const result = await customer({ operation: 'add', mobile: '919561234567', name: 'Jane', additionalFields: { extraFields } });
		expect(result.error?.message).toBe(`"Extra Fields" can't have the key "${key}" [item 0]`);
		expect(result.error?.description).toMatch(/drops the keys __proto__, constructor and prototype/);
		expect(env.fake.requests).toHaveLength(0);
	});

	test('a key given twice is still refused, also for keys an object has by default', async () => {
		const extraFields = { field: [{ key: 'toString', value: 'a' }, { key: 'toString', value: 'b' }] };
		const result = await customer({ operation: 'add', mobile: '919561234567', name: 'Jane', additionalFields: { extraFields } });
		expect(result.error?.message).toBe('"Extra Fields" has the key "toString" twice [item 0]');
		expect(env.fake.requests).toHaveLength(0);
	});
});
