import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationDefinition } from '../../../../shared/execute';
import { returnAllOrLimit } from '../../../../shared/paginate';
import { call, limitList, listOf, mediaUrl, objectOf, operation, send, UNVERIFIED, urlField, validator, wholeListOperation } from '../common';

const group = (definition: Parameters<typeof operation>[1]) => operation('group', definition);

const jidField: INodeProperties = {
	displayName: 'Group ID',
	name: 'jid',
	type: 'string',
	default: '',
	required: true,
	placeholder: '120363027326493365@g.us',
	description: 'The group’s ID, ending in @g.us (Group → Get Many lists them)',
};

const numbersField: INodeProperties = {
	displayName: 'Numbers',
	name: 'numbers',
	type: 'string',
	default: '',
	required: true,
	placeholder: '966500000001, 966500000002',
	description: 'Phone numbers with country code, separated by commas or new lines',
};

const inviteCodeField: INodeProperties = {
	displayName: 'Invite Code',
	name: 'code',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'LodMQDI1Vac31mZsfAOfsL',
	description: 'The code of an invite link (the part after chat.whatsapp.com/), or the whole link',
};

function groupJid(ctx: IExecuteFunctions, i: number): string {
	const jid = validator(ctx, i).required(ctx.getNodeParameter('jid', i), 'Group ID').trim();
	if (!/^[\w-]+@g\.us$/.test(jid)) validator(ctx, i).fail(`"Group ID" must end in @g.us, got "${jid}"`);
	return jid;
}

function inviteCode(ctx: IExecuteFunctions, i: number): string {
	const raw = validator(ctx, i).required(ctx.getNodeParameter('code', i), 'Invite Code').trim();
	const code = raw.replace(/^https?:\/\/chat\.whatsapp\.com\//i, '').replace(/[/?#].*$/, '');
	if (!/^[A-Za-z0-9]{10,40}$/.test(code)) validator(ctx, i).fail(`"Invite Code" is not a WhatsApp invite code: "${raw}"`);
	return code;
}

/** `POST group/create` {phones[], subject}. */
export const createGroup: OperationDefinition = group({
	operation: 'create',
	name: 'Create',
	action: 'Create a group',
	description: `Create a group with a name and participants. ${UNVERIFIED}`,
	properties: [{ displayName: 'Name', name: 'subject', type: 'string', default: '', required: true, description: 'Group name (up to 100 characters)' }, { ...numbersField, displayName: 'Participants' }],
	run: async (ctx, i) => {
		const check = validator(ctx, i);
		const subject = check.maxLength(check.required(ctx.getNodeParameter('subject', i), 'Name').trim(), 100, 'Name');
		const phones = check.distinct(check.phones(ctx.getNodeParameter('numbers', i), 'Participants'), 'Participants');
		// Creates a new group each time: never repeated.
		return objectOf(await call.call(ctx, i, 'POST', 'group/create', { body: { phones, subject }, repeatable: false }));
	},
});

/** `GET group/list`: a whole list. */
export const getGroups = wholeListOperation('group', { operation: 'getMany', name: 'Get Many', action: 'Get many groups', what: 'groups', path: 'group/list', description: 'List the groups the instance is in.' });

/** `GET group/meta/data` ?jid. */
export const getMetadata: OperationDefinition = group({
	operation: 'getMetadata',
	name: 'Get Metadata',
	action: 'Get a group’s metadata',
	description: `Name, description, owner, settings and participants of a group. ${UNVERIFIED}`,
	properties: [jidField],
	run: async (ctx, i) => objectOf(await call.call(ctx, i, 'GET', 'group/meta/data', { qs: { jid: groupJid(ctx, i) }, repeatable: true })),
});

/** `GET group/conversation` ?jid. */
export const getGroupMessages: OperationDefinition = group({
	operation: 'getMessages',
	name: 'Get Messages',
	action: 'Get a group’s messages',
	description: `The messages of a group. ${UNVERIFIED}`,
	properties: [jidField, ...returnAllOrLimit('messages')],
	run: async (ctx, i) => limitList(ctx, i, listOf(await call.call(ctx, i, 'GET', 'group/conversation', { qs: { jid: groupJid(ctx, i) }, repeatable: true }))),
});

/** `POST group/join` {code}. */
export const joinGroup: OperationDefinition = group({
	operation: 'join',
	name: 'Join',
	action: 'Join a group by invite code',
	description: `Join a group with an invite code or link. ${UNVERIFIED}`,
	properties: [inviteCodeField],
	// Joining a group you are in changes nothing: repeatable.
	run: async (ctx, i) => objectOf(await call.call(ctx, i, 'POST', 'group/join', { body: { code: inviteCode(ctx, i) }, repeatable: true })),
});

/** `GET invite/get/info` ?code. */
export const getInviteInfo: OperationDefinition = group({
	operation: 'getInviteInfo',
	name: 'Get Invite Info',
	action: 'Get the group behind an invite code',
	description: `The group an invite code leads to, without joining. ${UNVERIFIED}`,
	properties: [inviteCodeField],
	run: async (ctx, i) => objectOf(await call.call(ctx, i, 'GET', 'invite/get/info', { qs: { code: inviteCode(ctx, i) }, repeatable: true })),
});

/** `POST invite/code` {jid}: the group's current invite code. */
export const getInviteCode: OperationDefinition = group({
	operation: 'getInviteCode',
	name: 'Get Invite Code',
	action: 'Get a group’s invite code',
	description: `The group’s invite code (chat.whatsapp.com/<code>). ${UNVERIFIED}`,
	properties: [jidField],
	// Reads the current code; asking twice gives the same code.
	run: async (ctx, i) => withInviteLink(objectOf(await call.call(ctx, i, 'POST', 'invite/code', { body: { jid: groupJid(ctx, i) }, repeatable: true }))),
});

/** `POST invite/revoke/code` {jid}: a new code; the old link stops working. */
export const revokeInviteCode: OperationDefinition = group({
	operation: 'revokeInviteCode',
	name: 'Revoke Invite Code',
	action: 'Revoke a group’s invite code',
	description: `Make a new invite code; the old link stops working. ${UNVERIFIED}`,
	properties: [jidField],
	// Each call makes a new code: never repeated.
	run: async (ctx, i) => withInviteLink(objectOf(await call.call(ctx, i, 'POST', 'invite/revoke/code', { body: { jid: groupJid(ctx, i) }, repeatable: false }))),
});

function withInviteLink(data: IDataObject): IDataObject {
	const code = data.code ?? data.inviteCode;
	return typeof code === 'string' && code ? { ...data, inviteLink: `https://chat.whatsapp.com/${code}` } : data;
}

/** `POST invite/send/link` {jid, to}: sends the invite link as a message. */
export const sendInviteLink: OperationDefinition = group({
	operation: 'sendInviteLink',
	name: 'Send Invite Link',
	action: 'Send a group’s invite link',
	description: `Send the group’s invite link to a number. ${UNVERIFIED}`,
	properties: [jidField, { ...numbersField, displayName: 'To', name: 'to', description: 'Number with country code', placeholder: '966500000001' }],
	run: async (ctx, i) =>
		await send.call(ctx, i, 'invite/send/link', { jid: groupJid(ctx, i), to: validator(ctx, i).phone(ctx.getNodeParameter('to', i), 'To') }),
});

/** `POST group/<verb>/participant` {jid, phones[]}. */
function participantsOperation(verb: 'add' | 'remove' | 'promote' | 'demote', name: string, action: string): OperationDefinition {
	return group({
		operation: `${verb}Participants`,
		name,
		action,
		description: `${action}. ${UNVERIFIED}`,
		properties: [jidField, numbersField],
		run: async (ctx, i) => {
			const check = validator(ctx, i);
			const jid = groupJid(ctx, i);
			const phones = check.distinct(check.phones(ctx.getNodeParameter('numbers', i), 'Numbers'), 'Numbers');
			// Membership changes notify the group each time: not repeated after a lost answer.
			const body = await call.call(ctx, i, 'POST', `group/${verb}/participant`, { body: { jid, phones }, repeatable: false });
			return { success: true, jid, phones, ...objectOf(body) };
		},
	});
}

export const addParticipants = participantsOperation('add', 'Add Participants', 'Add participants to a group');
export const removeParticipants = participantsOperation('remove', 'Remove Participants', 'Remove participants from a group');
export const promoteParticipants = participantsOperation('promote', 'Promote Participants', 'Make participants group admins');
export const demoteParticipants = participantsOperation('demote', 'Demote Participants', 'Remove admin rights from participants');

/** A group setting replaced as a whole (`repeatable`: setting it twice gives the same group). */
function setOperation(operationName: string, name: string, action: string, path: string, field: INodeProperties, read: (ctx: IExecuteFunctions, i: number) => IDataObject): OperationDefinition {
	return group({
		operation: operationName,
		name,
		action,
		description: `${action}. ${UNVERIFIED}`,
		properties: [jidField, field],
		run: async (ctx, i) => {
			const jid = groupJid(ctx, i);
			const values = read(ctx, i);
			return { success: true, jid, ...values, ...objectOf(await call.call(ctx, i, 'POST', path, { body: { jid, ...values }, repeatable: true })) };
		},
	});
}

export const renameGroup = setOperation(
	'rename',
	'Rename',
	'Rename a group',
	'group/rename',
	{ displayName: 'Name', name: 'subject', type: 'string', default: '', required: true, description: 'New group name (up to 100 characters)' },
	(ctx, i) => ({ subject: validator(ctx, i).maxLength(validator(ctx, i).required(ctx.getNodeParameter('subject', i), 'Name').trim(), 100, 'Name') }),
);

export const setDescription = setOperation(
	'setDescription',
	'Set Description',
	'Set a group’s description',
	'group/set/description',
	{ displayName: 'Description', name: 'groupDescription', type: 'string', typeOptions: { rows: 3 }, default: '', description: 'New description (up to 512 characters); empty clears it' },
	(ctx, i) => ({ description: validator(ctx, i).maxLength(String(ctx.getNodeParameter('groupDescription', i, '') ?? ''), 512, 'Description') ?? '' }),
);

export const updateSettings = setOperation(
	'updateSettings',
	'Update Settings',
	'Change who may send or edit group info',
	'group/settings',
	{
		displayName: 'Setting',
		name: 'setting',
		type: 'options',
		options: [
			{ name: 'Only Admins Edit Info', value: 'locked' },
			{ name: 'Only Admins Send', value: 'announcement' },
			{ name: 'Everyone Edits Info', value: 'unlocked' },
			{ name: 'Everyone Sends', value: 'not_announcement' },
		],
		default: 'announcement',
	},
	(ctx, i) => ({ settings: validator(ctx, i).oneOf(String(ctx.getNodeParameter('setting', i)), ['announcement', 'not_announcement', 'locked', 'unlocked'], 'Setting') }),
);

export const setPicture = setOperation('setPicture', 'Set Picture', 'Set a group’s picture', 'group/set/display/picture', urlField('image', 'Image URL', 'JPEG image'), (ctx, i) => ({
	image: mediaUrl(ctx, i, 'image', 'Image URL'),
}));

/** `GET group/display/picture` ?jid: the picture's URL (and, when asked, the image as binary data). */
export const getPicture: OperationDefinition = group({
	operation: 'getPicture',
	name: 'Get Picture',
	action: 'Get a group’s picture',
	description: `The group’s picture URL. ${UNVERIFIED}`,
	properties: [jidField],
	run: async (ctx, i) => objectOf(await call.call(ctx, i, 'GET', 'group/display/picture', { qs: { jid: groupJid(ctx, i) }, repeatable: true })),
});
