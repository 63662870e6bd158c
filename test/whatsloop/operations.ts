import type { IDataObject, INodeParameters } from 'n8n-workflow';

/** The exact request of every operation (reference §4b), shared by the wire and repeat tests. */
export const CHAT = '966500000001';
export const GROUP = '120363027326493365@g.us';
export const IMG = 'https://cdn.example.com/a.jpg';

export interface Wire {
	method: string;
	route: string;
	body?: IDataObject;
	query?: Record<string, string>;
}

/** Every operation: the node's parameters and the exact request the platform must receive (reference §4b). */
export const OPERATIONS: Array<[string, INodeParameters, Wire]> = [
	// Message
	['message.sendText', { to: '+966 50-000 0001', text: 'Hello *there*' }, { method: 'POST', route: 'message/send', body: { phone: CHAT, body: 'Hello *there*' } }],
	['message.sendReply', { to: CHAT, messageId: ' 3EB0AA ', text: 'Yes' }, { method: 'POST', route: 'message/send/reply', body: { phone: CHAT, body: 'Yes', messageId: '3EB0AA' } }],
	['message.sendMention', { to: GROUP, mention: '00966500000002' }, { method: 'POST', route: 'message/send/mention', body: { phone: GROUP, mention: '966500000002' } }],
	['message.sendReaction', { to: `${CHAT}@s.whatsapp.net`, messageId: '3EB0AA', reaction: '❤️' }, { method: 'POST', route: 'message/send/reaction', body: { phone: CHAT, reaction: '❤️', messageId: '3EB0AA' } }],
	['message.sendSticker', { to: CHAT, url: 'https://cdn.example.com/s.webp' }, { method: 'POST', route: 'message/send/sticker', body: { phone: CHAT, url: 'https://cdn.example.com/s.webp' } }],
	['message.sendDisappearing', { to: CHAT, text: 'Secret', duration: 3600 }, { method: 'POST', route: 'message/send/disappearing', body: { phone: CHAT, body: 'Secret', duration: 3600 } }],
	['message.get', { to: CHAT, messageId: '3EB0SEED000000000119' }, { method: 'GET', route: 'message/id', query: { phone: CHAT, messageID: '3EB0SEED000000000119' } }],
	['message.getRecent', { returnAll: false, limit: 5 }, { method: 'GET', route: 'message/fetch', query: { limit: '5' } }],
	['message.delete', { to: CHAT, messageId: '3EB0AA' }, { method: 'DELETE', route: 'message/delete', body: { phone: CHAT, messageID: '3EB0AA' } }],
	// Media
	['media.sendImage', { to: CHAT, url: IMG, caption: 'Invoice' }, { method: 'POST', route: 'send/image', body: { phone: CHAT, url: IMG, caption: 'Invoice' } }],
	['media.sendVideo', { to: CHAT, url: 'https://cdn.example.com/v.mp4', caption: '' }, { method: 'POST', route: 'send/video', body: { phone: CHAT, url: 'https://cdn.example.com/v.mp4' } }],
	['media.sendAudio', { to: CHAT, url: 'https://cdn.example.com/a.mp3', caption: 'Song' }, { method: 'POST', route: 'send/audio', body: { phone: CHAT, audio: 'https://cdn.example.com/a.mp3', caption: 'Song' } }],
	['media.sendVoiceNote', { to: CHAT, url: 'https://cdn.example.com/v.ogg' }, { method: 'POST', route: 'send/ptt', body: { phone: CHAT, url: 'https://cdn.example.com/v.ogg' } }],
	['media.sendFile', { to: CHAT, url: 'https://cdn.example.com/a.pdf' }, { method: 'POST', route: 'send/file', body: { phone: CHAT, url: 'https://cdn.example.com/a.pdf' } }],
	['media.sendGif', { to: CHAT, url: 'https://cdn.example.com/g.mp4', caption: 'Ha' }, { method: 'POST', route: 'send/gif', body: { phone: CHAT, url: 'https://cdn.example.com/g.mp4', caption: 'Ha' } }],
	['media.sendLocation', { to: CHAT, latitude: 24.7136, longitude: 46.6753 }, { method: 'POST', route: 'send/location', body: { phone: CHAT, lat: 24.7136, lng: 46.6753 } }],
	[
		'media.sendContact',
		{ to: CHAT, contact: '+966 50 000 0002', name: 'Sara', cardDescription: 'Support' },
		{ method: 'POST', route: 'send/contact', body: { phone: CHAT, contact: '966500000002', name: 'Sara', description: 'Support' } },
	],
	// Interactive
	[
		'interactive.sendButtons',
		{ to: CHAT, header: 'none', title: 'Order 7781', text: 'Confirm?', footer: 'Shop', buttons: { button: [{ id: 'yes', title: 'Yes' }, { id: 'no', title: 'No' }] } },
		{
			method: 'POST',
			route: 'button',
			body: { phone: CHAT, title: 'Order 7781', body: 'Confirm?', footer: 'Shop', buttons: [{ id: 'yes', title: 'Yes', text: 'Yes' }, { id: 'no', title: 'No', text: 'No' }] },
		},
	],
	...(['image', 'video', 'document'] as const).map((header): [string, INodeParameters, Wire] => [
		`interactive.sendButtons (${header} header)`,
		{ to: CHAT, header, headerUrl: IMG, text: 'Look', buttons: { button: [{ id: 'ok', title: 'OK' }] } },
		{ method: 'POST', route: `button/${header}`, body: { phone: CHAT, body: 'Look', caption: 'Look', [header]: IMG, buttons: [{ id: 'ok', title: 'OK', text: 'OK' }] } },
	]),
	[
		'interactive.sendButtons (location header)',
		{ to: CHAT, header: 'location', latitude: 24.7, longitude: 46.6, text: 'Here', footer: 'f', buttons: { button: [{ id: 'ok', title: 'OK' }] } },
		{ method: 'POST', route: 'button/location', body: { phone: CHAT, body: 'Here', caption: 'Here', footer: 'f', lat: 24.7, lng: 46.6, buttons: [{ id: 'ok', title: 'OK', text: 'OK' }] } },
	],
	[
		'interactive.sendTemplateButtons',
		{
			to: CHAT,
			header: 'none',
			title: 'Invitation',
			text: 'Will you come?',
			footer: 'Reply',
			buttons: { button: [{ type: 'url', title: 'Map', value: 'https://maps.example.com/x' }, { type: 'call', title: 'Call us', value: '+966 11 000 0000' }, { type: 'quickReply', title: 'Yes', value: 'accept-7781' }] },
		},
		{
			method: 'POST',
			route: 'button/template',
			body: {
				phone: CHAT,
				title: 'Invitation',
				body: 'Will you come?',
				caption: 'Will you come?',
				footer: 'Reply',
				buttons: [
					{ id: '1', title: 'Map', text: 'Map', type: 1, extra_data: 'https://maps.example.com/x' },
					{ id: '2', title: 'Call us', text: 'Call us', type: 2, extra_data: '+966110000000' },
					{ id: '3', title: 'Yes', text: 'Yes', type: 3, extra_data: 'accept-7781' },
				],
			},
		},
	],
	...(['image', 'video', 'document'] as const).map((header): [string, INodeParameters, Wire] => [
		`interactive.sendTemplateButtons (${header} header)`,
		{ to: CHAT, header, headerUrl: IMG, text: 'Come', footer: 'f', buttons: { button: [{ type: 'quickReply', title: 'Yes', value: 'y' }] } },
		{
			method: 'POST',
			route: `button/${header}/template`,
			body: { phone: CHAT, body: 'Come', caption: 'Come', footer: 'f', [header]: IMG, buttons: [{ id: '1', title: 'Yes', text: 'Yes', type: 3, extra_data: 'y' }] },
		},
	]),
	[
		'interactive.sendTemplateButtons (location header)',
		{ to: CHAT, header: 'location', latitude: 21.4225, longitude: 39.8262, text: 'Venue', footer: 'f', buttons: { button: [{ type: 'call', title: 'Call', value: '966500000009' }] } },
		{
			method: 'POST',
			route: 'button/location/template',
			body: { phone: CHAT, body: 'Venue', caption: 'Venue', footer: 'f', lat: 21.4225, lng: 39.8262, buttons: [{ id: '1', title: 'Call', text: 'Call', type: 2, extra_data: '+966500000009' }] },
		},
	],
	[
		'interactive.sendList',
		{
			to: CHAT,
			title: 'Menu',
			text: 'Pick a branch',
			footer: 'Open 9–5',
			buttonText: 'Branches',
			rows: { row: [{ section: 'Riyadh', id: 'ryd-1', title: 'Olaya', description: 'King Fahd Rd' }, { section: 'Jeddah', id: 'jed-1', title: 'Tahlia', description: '' }, { section: 'Riyadh', id: 'ryd-2', title: 'Malqa' }] },
		},
		{
			method: 'POST',
			route: 'list/message',
			body: {
				phone: CHAT,
				title: 'Menu',
				body: 'Pick a branch',
				footer: 'Open 9–5',
				buttonText: 'Branches',
				sections: [
					{ title: 'Riyadh', rows: [{ id: 'ryd-1', title: 'Olaya', description: 'King Fahd Rd' }, { id: 'ryd-2', title: 'Malqa' }] },
					{ title: 'Jeddah', rows: [{ id: 'jed-1', title: 'Tahlia' }] },
				],
			},
		},
	],
	// Chat
	['chat.getMany', { returnAll: true }, { method: 'GET', route: 'chat/list', query: {} }],
	['chat.getContacts', { returnAll: false, limit: 1 }, { method: 'GET', route: 'contacts', query: {} }],
	['chat.getConversation', { to: CHAT, returnAll: false, limit: 3 }, { method: 'GET', route: 'chat/conversation', query: { phone: CHAT, limit: '3' } }],
	['chat.showPresence', { to: GROUP, state: 'recording' }, { method: 'POST', route: 'chat/recording', body: { chat: GROUP } }],
	['chat.markRead', { to: CHAT }, { method: 'POST', route: 'chat/read', body: { phone: CHAT } }],
	['chat.markUnread', { to: CHAT }, { method: 'POST', route: 'chat/unread', body: { phone: CHAT } }],
	['chat.archive', { to: CHAT }, { method: 'POST', route: 'chat/archive', body: { phone: CHAT } }],
	['chat.unarchive', { to: CHAT }, { method: 'POST', route: 'chat/unarchive', body: { phone: CHAT } }],
	['chat.pin', { to: GROUP }, { method: 'POST', route: 'chat/pin', body: { phone: GROUP } }],
	['chat.unpin', { to: GROUP }, { method: 'POST', route: 'chat/unpin', body: { phone: GROUP } }],
	['chat.mute', { to: CHAT, duration: 60 }, { method: 'POST', route: 'chat/mute', body: { phone: CHAT, duration: '60' } }],
	['chat.unmute', { to: CHAT }, { method: 'POST', route: 'chat/unmute', body: { phone: CHAT } }],
	// Group
	['group.create', { subject: 'VIP', numbers: '966500000001, +966 50 000 0002' }, { method: 'POST', route: 'group/create', body: { phones: ['966500000001', '966500000002'], subject: 'VIP' } }],
	['group.getMany', { returnAll: true }, { method: 'GET', route: 'group/list', query: {} }],
	['group.getMetadata', { jid: GROUP }, { method: 'GET', route: 'group/meta/data', query: { jid: GROUP } }],
	['group.getMessages', { jid: GROUP, returnAll: true }, { method: 'GET', route: 'group/conversation', query: { jid: GROUP } }],
	['group.join', { code: 'https://chat.whatsapp.com/LodMQDI1Vac31mZsfAOfsL' }, { method: 'POST', route: 'group/join', body: { code: 'LodMQDI1Vac31mZsfAOfsL' } }],
	['group.getInviteCode', { jid: GROUP }, { method: 'POST', route: 'invite/code', body: { jid: GROUP } }],
	['group.revokeInviteCode', { jid: GROUP }, { method: 'POST', route: 'invite/revoke/code', body: { jid: GROUP } }],
	['group.sendInviteLink', { jid: GROUP, to: '+966500000002' }, { method: 'POST', route: 'invite/send/link', body: { jid: GROUP, to: '966500000002' } }],
	['group.getInviteInfo', { code: 'LodMQDI1Vac31mZsfAOfsL' }, { method: 'GET', route: 'invite/get/info', query: { code: 'LodMQDI1Vac31mZsfAOfsL' } }],
	...(['add', 'remove', 'promote', 'demote'] as const).map((verb): [string, INodeParameters, Wire] => [
		`group.${verb}Participants`,
		{ jid: GROUP, numbers: '966500000003\n966500000004' },
		{ method: 'POST', route: `group/${verb}/participant`, body: { jid: GROUP, phones: ['966500000003', '966500000004'] } },
	]),
	['group.rename', { jid: GROUP, subject: 'Riyadh VIP' }, { method: 'POST', route: 'group/rename', body: { jid: GROUP, subject: 'Riyadh VIP' } }],
	['group.setDescription', { jid: GROUP, groupDescription: 'Only orders' }, { method: 'POST', route: 'group/set/description', body: { jid: GROUP, description: 'Only orders' } }],
	['group.updateSettings', { jid: GROUP, setting: 'locked' }, { method: 'POST', route: 'group/settings', body: { jid: GROUP, settings: 'locked' } }],
	['group.getPicture', { jid: GROUP }, { method: 'GET', route: 'group/display/picture', query: { jid: GROUP } }],
	['group.setPicture', { jid: GROUP, image: IMG }, { method: 'POST', route: 'group/set/display/picture', body: { jid: GROUP, image: IMG } }],
	// User
	['user.checkNumber', { phone: '+966500000002' }, { method: 'POST', route: 'user/presence', body: { phone: '966500000002' } }],
	['user.getBusinessProfile', { phone: '966500000002' }, { method: 'POST', route: 'user/business', body: { phone: '966500000002' } }],
	['user.getProfilePicture', { phone: '966500000002' }, { method: 'GET', route: 'user/display/picture', query: { phone: '966500000002' } }],
	['user.block', { phone: '966500000002' }, { method: 'POST', route: 'user/block', body: { phone: '966500000002' } }],
	['user.unblock', { phone: '966500000002' }, { method: 'POST', route: 'user/unblock', body: { phone: '966500000002' } }],
	['user.setName', { phone: '966511111111', name: 'Coffee Shop' }, { method: 'POST', route: 'user/set/name', body: { phone: '966511111111', name: 'Coffee Shop' } }],
	// Instance
	['instance.getStatus', {}, { method: 'GET', route: 'instance/status', query: {} }],
	['instance.getQrCode', { binaryPropertyName: 'qr' }, { method: 'POST', route: 'qr' }],
	['instance.getSessionStatus', {}, { method: 'POST', route: 'session/status' }],
	['instance.findSession', {}, { method: 'POST', route: 'session/find' }],
	['instance.setSettings', { markOnlineOnConnect: false }, { method: 'POST', route: 'instance/set/settings', body: { markOnlineOnConnect: 0, status: 0 } }],
	['instance.setPresence', { presence: 'composing', mixed: '966500000001' }, { method: 'POST', route: 'instance/set/presence', body: { presence: 'composing', mixed: CHAT } }],
	['instance.setAbout', { about: 'Open 9–5' }, { method: 'POST', route: 'instance/set/status', body: { status: 'Open 9–5' } }],
	// Product
	['product.getMany', { phone: '966511111111', returnAll: true }, { method: 'POST', route: 'product', body: { phone: '966511111111' } }],
	['product.get', { phone: '966511111111', productId: '6198355910228429' }, { method: 'GET', route: 'product/id', query: { phone: '966511111111', productId: '6198355910228429' } }],
	[
		'product.create',
		{ phone: '966511111111', name: 'Cardamom', productDescription: 'Green', price: 1000, currency: 'sar', images: 'https://cdn.example.com/c1.jpg, https://cdn.example.com/c2.jpg', isHidden: true },
		{
			method: 'POST',
			route: 'product/create',
			body: { phone: '966511111111', name: 'Cardamom', description: 'Green', price: 1000, currency: 'SAR', isHidden: 1, images: ['https://cdn.example.com/c1.jpg', 'https://cdn.example.com/c2.jpg'] },
		},
	],
	['product.getOrder', { phone: '966511111111', orderId: '9001', orderToken: 'tok' }, { method: 'POST', route: 'product/get/order', body: { phone: '966511111111', orderId: '9001', orderToken: 'tok' } }],
	[
		'product.shareCatalog',
		{ to: CHAT, catalog: '966511111111', title: 'Our menu', text: 'Have a look', catalogDescription: 'Fresh' },
		{ method: 'POST', route: 'share/catalog', body: { phone: CHAT, catalog: '966511111111', title: 'Our menu', body: 'Have a look', description: 'Fresh' } },
	],
	// API Request
	['apiRequest.request', { method: 'GET', path: '/api/v1/chat/list', query: '{"page": 2}' }, { method: 'GET', route: 'chat/list', query: { page: '2' } }],
];

export function parameters(name: string, params: INodeParameters): INodeParameters {
	const [resource, operation] = name.split(' ')[0].split('.');
	return { resource, operation, ...params };
}

