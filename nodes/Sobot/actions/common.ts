import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { SendingProfile } from '../../shared/sending';
import type { InputValidator } from '../../shared/validate';
import { splitList, validator } from '../../shared/validate';
import { sobotRequest } from '../transport';

export { validator };

/** WhatsApp's own length limits, enforced before sending (reference §5.15). */
export const LIMITS = {
	text: 4096,
	interactiveBody: 1024,
	caption: 1024,
	headerFooter: 60,
	buttonTitle: 20,
	listRowTitle: 24,
	listRowId: 200,
	listRowDescription: 72,
	sectionTitle: 24,
	customerName: 100,
	templateName: 128,
	templateBody: 1024,
	ctaText: 20,
} as const;

/**
 * Sobot sends through the official WhatsApp Business API: no documented limit of its own, and Meta
 * allows far more per number (80 messages a second by default) than a few requests in flight reach.
 */
export const sobotSending: SendingProfile = {
	defaults: { concurrency: 5, maxPerMinute: 0, delay: 0, jitter: 0 },
	chatParameters: ['customerNumber', 'mobile'],
};

export const customerNumberField: INodeProperties = {
	displayName: 'Customer Number',
	name: 'customerNumber',
	type: 'string',
	default: '',
	required: true,
	placeholder: '919561234567',
	description:
		'WhatsApp number with country code (+, spaces, dashes and brackets are removed). Without a country code Sobot prepends your business number’s, which can misdeliver.',
};

export const customerNameField: INodeProperties = {
	displayName: 'Customer Name',
	name: 'customerName',
	type: 'string',
	default: '',
	description: 'Sobot stores it with the conversation and requires it on every send. Empty means the number is used as the name.',
};

/** The fields every send carries: `customer_number` (digits) and `customer_name` (never empty). */
export function recipient(ctx: IExecuteFunctions, itemIndex: number): { customer_number: string; customer_name: string } {
	const check = validator(ctx, itemIndex);
	const number = check.phone(ctx.getNodeParameter('customerNumber', itemIndex), 'Customer Number');
	const name = String(ctx.getNodeParameter('customerName', itemIndex, '') ?? '').trim();
	check.maxLength(name, LIMITS.customerName, 'Customer Name');
	return { customer_number: number, customer_name: name || number };
}

/**
 * POST /message/ with the recipient fields. The output carries the `wamid` (as `messageId`, the key
 * trigger status events use) and Sobot's status ("submitted" = accepted, not yet sent).
 */
export async function sendMessage(this: IExecuteFunctions, itemIndex: number, body: IDataObject): Promise<IDataObject> {
	const payload: IDataObject = { ...recipient(this, itemIndex), ...body };
	// A send: never repeated after it may have reached Sobot (it would be delivered twice).
	const response = await sobotRequest.call(this, 'POST', '/message/', { body: payload, repeatable: false, itemIndex });
	const data = (response.data ?? {}) as IDataObject;
	return {
		messageId: (data.id as string) ?? null,
		wamid: (data.id as string) ?? null,
		status: (data.status as string) ?? null,
		to: payload.customer_number,
		customerName: payload.customer_name,
		type: (body.type as string) ?? 'template',
		...(body.template_name ? { template: body.template_name, language: body.template_lang } : {}),
		message: (response.message as string) ?? null,
	};
}

/** Button titles: count, length and uniqueness, as WhatsApp requires. */
export function buttonTitles(check: InputValidator, value: unknown, field: string): string[] {
	const titles = splitList(value);
	check.count(titles, field, { min: 1, max: 3 });
	for (const title of titles) check.maxLength(title, LIMITS.buttonTitle, `${field}: "${title}"`);
	return check.distinct(titles, field);
}
