import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import { replyButtons, templateButtons } from '../../nodes/WhatsLoop/platform/actions/interactive/build';
import { InputValidator } from '../../nodes/shared/validate';

import { expectRejectedBeforeSending, providerPerFile } from '../harness/provider';
import { startPlatform } from './setup';

const env = providerPerFile(startPlatform);

const CHAT = '966500000001';
const button = (id: string, title: string): INodeParameters => ({ id, title });
const row = (section: string, id: string, title = `Row ${id}`, description = ''): INodeParameters => ({ section, id, title, description });
const buttons = (...list: INodeParameters[]): INodeParameters => ({ button: list });

/** Bad input → a clear error naming the field and the item, before anything reaches the platform. */
const BAD: Array<[string, INodeParameters, RegExp]> = [
	['empty To (from an expression)', { resource: 'message', operation: 'sendText', to: '={{ "" }}', text: 'x' }, /"To" is required \[item 0\]/],
	['To that is not a number', { resource: 'message', operation: 'sendText', to: 'abc', text: 'x' }, /"To" is not a valid phone number: "abc" \[item 0\]/],
	['To too short', { resource: 'message', operation: 'sendText', to: '12345', text: 'x' }, /"To" is not a valid phone number/],
	['empty text', { resource: 'message', operation: 'sendText', to: CHAT, text: '  ' }, /"Text" is required/],
	['text over 4096 characters', { resource: 'message', operation: 'sendText', to: CHAT, text: 'x'.repeat(4097) }, /"Text" is too long: 4097 characters/],
	['reply without message ID', { resource: 'message', operation: 'sendReply', to: CHAT, messageId: ' ', text: 'x' }, /"Message ID" is required/],
	['reaction that is not one emoji', { resource: 'message', operation: 'sendReaction', to: CHAT, messageId: 'a', reaction: 'thumbs up please' }, /"Emoji" must be a single emoji/],
	['mention without a number', { resource: 'message', operation: 'sendMention', to: CHAT, mention: 'someone' }, /"Mention Number" is not a valid phone number/],
	['image URL on this machine', { resource: 'media', operation: 'sendImage', to: CHAT, url: 'http://127.0.0.1/a.jpg' }, /"Image URL" must be a public URL that WhatsLoop's servers can download/],
	['image URL that is not a URL', { resource: 'media', operation: 'sendImage', to: CHAT, url: 'a.jpg' }, /"Image URL" must be a full http\(s\) URL/],
	['latitude out of range', { resource: 'media', operation: 'sendLocation', to: CHAT, latitude: 91, longitude: 0 }, /"Latitude" must be between -90 and 90, got 91/],
	['caption over 1024', { resource: 'media', operation: 'sendVideo', to: CHAT, url: 'https://cdn.example.com/v.mp4', caption: 'c'.repeat(1025) }, /"Caption" is too long/],
	['no buttons', { resource: 'interactive', operation: 'sendButtons', to: CHAT, header: 'none', text: 'Pick', buttons: {} }, /"Buttons" needs 1 to 3 entries, got 0/],
	['button title over 20', { resource: 'interactive', operation: 'sendButtons', to: CHAT, header: 'none', text: 'Pick', buttons: buttons(button('a', 'x'.repeat(21))) }, /"Buttons: Title of button 1" is too long/],
	['button without an ID', { resource: 'interactive', operation: 'sendButtons', to: CHAT, header: 'none', text: 'Pick', buttons: buttons(button('', 'A')) }, /"Buttons: ID of button 1" is required/],
	['duplicate button IDs', { resource: 'interactive', operation: 'sendButtons', to: CHAT, header: 'none', text: 'Pick', buttons: buttons(button('a', 'A'), button('a', 'B')) }, /"Buttons: IDs" must all be different/],
	['header image on a private host', { resource: 'interactive', operation: 'sendButtons', to: CHAT, header: 'image', headerUrl: 'http://192.168.1.5/a.jpg', text: 'x', buttons: buttons(button('a', 'A')) }, /"Header URL" must be a public URL/],
	['body over 1024', { resource: 'interactive', operation: 'sendButtons', to: CHAT, header: 'none', text: 'x'.repeat(1025), buttons: buttons(button('a', 'A')) }, /"Text" is too long/],
	['footer over 60', { resource: 'interactive', operation: 'sendButtons', to: CHAT, header: 'none', text: 'x', footer: 'f'.repeat(61), buttons: buttons(button('a', 'A')) }, /"Footer" is too long/],
	['template URL button without a URL', { resource: 'interactive', operation: 'sendTemplateButtons', to: CHAT, header: 'none', text: 'x', buttons: buttons({ type: 'url', title: 'Go', value: 'not a url' }) }, /"Buttons: button 1 URL" must be a full http\(s\) URL/],
	['template call button without a number', { resource: 'interactive', operation: 'sendTemplateButtons', to: CHAT, header: 'none', text: 'x', buttons: buttons({ type: 'call', title: 'Call', value: 'office' }) }, /"Buttons: button 1 phone number" is not a valid phone number/],
	['template quick reply without an ID', { resource: 'interactive', operation: 'sendTemplateButtons', to: CHAT, header: 'none', text: 'x', buttons: buttons({ type: 'quickReply', title: 'Yes', value: '' }) }, /"Buttons: button 1 reply ID" is required/],
	['template button of an unknown type', { resource: 'interactive', operation: 'sendTemplateButtons', to: CHAT, header: 'none', text: 'x', buttons: buttons({ type: 'copy', title: 'Copy', value: 'x' }) }, /"Buttons: button 1 type" must be one of url, call, quickReply/],
	['template title over 25', { resource: 'interactive', operation: 'sendTemplateButtons', to: CHAT, header: 'none', text: 'x', buttons: buttons({ type: 'quickReply', title: 't'.repeat(26), value: 'y' }) }, /"Buttons: button 1 title" is too long/],
	['list without rows', { resource: 'interactive', operation: 'sendList', to: CHAT, text: 'x', buttonText: 'Menu', rows: {} }, /"Rows" needs at least 1 entries, got 0/],
	['list without button text (from an expression)', { resource: 'interactive', operation: 'sendList', to: CHAT, text: 'x', buttonText: '={{ "" }}', rows: { row: [row('', 'a')] } }, /"Button Text" is required/],
	['list with 11 rows in a section', { resource: 'interactive', operation: 'sendList', to: CHAT, text: 'x', buttonText: 'Menu', rows: { row: Array.from({ length: 11 }, (_, n) => row('S', `r${n}`)) } }, /Section "S" has 11 rows; WhatsApp allows at most 10/],
	['list with 11 sections', { resource: 'interactive', operation: 'sendList', to: CHAT, text: 'x', buttonText: 'Menu', rows: { row: Array.from({ length: 11 }, (_, n) => row(`S${n}`, `r${n}`)) } }, /use 11 sections; WhatsApp allows at most 10/],
	['list row title over 24', { resource: 'interactive', operation: 'sendList', to: CHAT, text: 'x', buttonText: 'Menu', rows: { row: [row('', 'a', 't'.repeat(25))] } }, /"Rows: row 1 title" is too long/],
	['list row description over 72', { resource: 'interactive', operation: 'sendList', to: CHAT, text: 'x', buttonText: 'Menu', rows: { row: [row('', 'a', 'A', 'd'.repeat(73))] } }, /"Rows: row 1 description" is too long/],
	['duplicate row IDs', { resource: 'interactive', operation: 'sendList', to: CHAT, text: 'x', buttonText: 'Menu', rows: { row: [row('S', 'a'), row('T', 'a')] } }, /"Rows: IDs" must all be different/],
	['several sections, one untitled', { resource: 'interactive', operation: 'sendList', to: CHAT, text: 'x', buttonText: 'Menu', rows: { row: [row('S', 'a'), row('', 'b')] } }, /every row needs a section title/],
	['group ID that is not a group', { resource: 'group', operation: 'rename', jid: CHAT, subject: 'x' }, /"Group ID" must end in @g.us/],
	['invite code that is not one', { resource: 'group', operation: 'join', code: 'https://example.com/x' }, /"Invite Code" is not a WhatsApp invite code/],
	['group without participants', { resource: 'group', operation: 'create', subject: 'VIP', numbers: ' , ' }, /"Participants" needs at least one phone number/],
	['duplicate participants', { resource: 'group', operation: 'addParticipants', jid: '120363027326493365@g.us', numbers: '966500000001, +966500000001' }, /"Numbers" must all be different/],
	['product currency not ISO', { resource: 'product', operation: 'create', phone: CHAT, name: 'x', price: 1, currency: 'RIYAL', images: 'https://cdn.example.com/a.jpg' }, /"Currency" must be a three-letter ISO code/],
	['mute without a duration', { resource: 'chat', operation: 'mute', to: CHAT, duration: 0 }, /"Duration \(Seconds\)" must be between 1 and undefined, got 0/],
	['API Request to another host', { resource: 'apiRequest', operation: 'request', method: 'GET', path: 'https://evil.example/x' }, /"Path" must be a route under \/api\/v1/],
	['API Request path climbing out of /api/v1 with encoded dots', { resource: 'apiRequest', operation: 'request', method: 'GET', path: '%2e%2e/%2E%2e/admin' }, /"Path" must be a route under \/api\/v1/],
	['API Request path climbing out with a half-encoded dot segment', { resource: 'apiRequest', operation: 'request', method: 'POST', path: 'chat/.%2E/.%2e/admin' }, /"Path" must be a route under \/api\/v1/],
	['API Request body that is not JSON', { resource: 'apiRequest', operation: 'request', method: 'POST', path: 'message/send', body: '{phone:' }, /"Body \(JSON\)" is not valid JSON/],
	['API Request body that is a list', { resource: 'apiRequest', operation: 'request', method: 'POST', path: 'message/send', body: '[1]' }, /"Body \(JSON\)" must be a JSON object/],
];

test.each(BAD)('%s', async (_name, parameters, expected) => {
	await expectRejectedBeforeSending({ action: env.whatsLoop, fake: env.fake }, parameters, expected);
});

test('more than 3 buttons are refused (the UI caps the list; imported workflows may not)', () => {
	const check = new InputValidator({ name: 'WhatsLoop' } as INode, 0);
	const four = [button('a', 'A'), button('b', 'B'), button('c', 'C'), button('d', 'D')];
	expect(() => replyButtons(check, four as IDataObject[])).toThrow(/"Buttons" needs 1 to 3 entries, got 4 \[item 0\]/);
	expect(() => templateButtons(check, four.map((b) => ({ type: 'quickReply', title: b.title, value: b.id })))).toThrow(/got 4/);
});

test('the item is named in a multi-item run', async () => {
	const { runNode } = await import('../harness/engine');
	const result = await runNode(env.whatsLoop, {
		parameters: { resource: 'message', operation: 'sendText', to: '={{ $json.to }}', text: 'x' },
		items: [{ json: { to: CHAT } }, { json: { to: 'oops' } }],
	});
	expect(result.error?.message).toMatch(/"To" is not a valid phone number: "oops" \[item 1\]/);
	expect(env.fake.state().sent).toHaveLength(1);
});
