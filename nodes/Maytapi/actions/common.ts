import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { SendingProfile } from '../../shared/sending';
import { validator } from '../../shared/validate';
import { maytapiRequest, resolvePhoneId } from '../transport';

/**
 * Sends and writes drive a WhatsApp Web session, so they are paced per phone: about one message a
 * second with jitter (reference §3), shared by every run using the phone.
 */
export const maytapiSending: SendingProfile = {
	defaults: { concurrency: 1, maxPerMinute: 60, delay: 1, jitter: 0.5 },
	chatParameters: ['to', 'groupId'],
	// Phone-scoped paths are `/{phone_id}/…`.
	phoneOf: (request) => /^\/(\d+)\//.exec(request.path ?? '')?.[1],
};

/** The phone instance an operation runs on; empty means the credential's default phone. */
export const phoneLocator: INodeProperties = {
	displayName: 'Phone',
	name: 'phoneId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description: 'WhatsApp number (Maytapi phone instance) to use. Leave empty to use the Default Phone ID of the credential.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchPhones', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: '12345',
			validation: [{ type: 'regex', properties: { regex: '^\\d*$', errorMessage: 'A Maytapi phone ID is a number' } }],
		},
	],
};

export const toField: INodeProperties = {
	displayName: 'To',
	name: 'to',
	type: 'string',
	default: '',
	required: true,
	placeholder: '905301234567',
	description:
		'Phone number with country code (+, spaces and dashes are removed), or a chat ID such as 905301234567@c.us or a group ID ending in @g.us',
};

/** A list of phone numbers (participants, numbers to check): comma- or line-separated. */
export const numbersField = (displayName: string): INodeProperties => ({
	displayName,
	name: 'numbers',
	type: 'string',
	default: '',
	required: true,
	placeholder: '905301234567, 905301234568',
	description: 'Phone numbers with country code, separated by commas or new lines',
});

export const messageIdField = (displayName: string, description: string): INodeProperties => ({
	displayName,
	name: 'messageId',
	type: 'string',
	default: '',
	required: true,
	description,
});

export const groupLocator: INodeProperties = {
	displayName: 'Group',
	name: 'groupId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The WhatsApp group',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchGroups', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: '120363027326493365@g.us',
			validation: [{ type: 'regex', properties: { regex: '^[\\w-]+@g\\.us$', errorMessage: 'A group ID ends in @g.us' } }],
		},
	],
};

const replyToOption: INodeProperties = {
	displayName: 'Reply To Message ID',
	name: 'replyTo',
	type: 'string',
	default: '',
	description: 'Quote this message: an incoming message ID (false_…) or the msgId returned by an earlier send',
};

const skipFilterOption: INodeProperties = {
	displayName: 'Skip Duplicate Filter',
	name: 'skipFilter',
	type: 'boolean',
	default: false,
	description:
		'Whether to bypass Maytapi’s spam filter, which drops the same message sent more than 3 times in one chat',
};

/** The "Options" collection of a send operation: reply/quote and the duplicate filter, plus extras. */
export function sendOptions(extra: INodeProperties[] = [], withReply = true): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...extra, ...(withReply ? [replyToOption] : []), skipFilterOption],
	};
}

export { validator };

/** `to_number` as Maytapi wants it: digits with country code, or a chat/group id untouched. */
export function recipient(ctx: IExecuteFunctions, itemIndex: number): string {
	return validator(ctx, itemIndex).phone(ctx.getNodeParameter('to', itemIndex), 'To', { allowChatId: true });
}

/**
 * POST /{phone_id}/sendMessage with the common fields (`to_number`, `reply_to`, `skip_filter`).
 * Output carries `msgId`, the key later ack (status) events refer to.
 */
export async function sendMessage(
	this: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
	options: { replyTo?: string; skipFilter?: boolean } = {},
): Promise<IDataObject> {
	const phoneId = await resolvePhoneId.call(this, itemIndex);
	const payload: IDataObject = { to_number: recipient(this, itemIndex), ...body };
	if (options.replyTo) payload.reply_to = options.replyTo;
	if (options.skipFilter) payload.skip_filter = true;
	// A send: never repeated after it may have reached Maytapi (it would be delivered twice).
	const response = await maytapiRequest.call(this, 'POST', `/${phoneId}/sendMessage`, {
		body: payload,
		repeatable: false,
		itemIndex,
	});
	return { success: true, phoneId, ...((response.data as IDataObject) ?? {}) };
}

/** The send options the user set, typed. */
export function readSendOptions(ctx: IExecuteFunctions, itemIndex: number) {
	return ctx.getNodeParameter('options', itemIndex, {}) as IDataObject & {
		replyTo?: string;
		skipFilter?: boolean;
	};
}

/**
 * A phone-scoped call: `/{phone_id}{path}`. Each caller says whether the call is `repeatable`
 * (see ApiRequest.repeatable): Maytapi's GETs include logout, redeploy and factory reset.
 */
export async function phoneRequest(
	this: IExecuteFunctions,
	itemIndex: number,
	method: 'GET' | 'POST',
	path: string,
	call: { body?: IDataObject; qs?: IDataObject; repeatable: boolean },
): Promise<IDataObject> {
	const phoneId = await resolvePhoneId.call(this, itemIndex);
	return await maytapiRequest.call(this, method, `/${phoneId}${path}`, { ...call, itemIndex });
}
