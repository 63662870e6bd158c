import type { ICredentialDataDecryptedObject, INodeExecutionData } from 'n8n-workflow';

import { Inbox360Api } from '../../credentials/Inbox360Api.credentials';
import { Inbox360 } from '../../nodes/Inbox360/Inbox360.node';
import { Inbox360Trigger } from '../../nodes/Inbox360/Inbox360Trigger.node';
import { DEFAULTS, Inbox360Fake } from '../fakes/inbox360';
import type { RecordedRequest } from '../fakes/http-fake';
import type { NodeUnderTest } from '../harness/engine';

export const TOKEN = DEFAULTS.token;
export const API = '/api/v1';

/** A fake inbox on a random loopback port, plus the nodes wired to it through a Token credential. */
export async function startInbox360() {
	const fake = new Inbox360Fake();
	const origin = await fake.start();
	const credentials: ICredentialDataDecryptedObject = { baseUrl: origin, authentication: 'token', token: TOKEN, sessionToken: '' };
	const action: NodeUnderTest = { node: new Inbox360(), credentialType: new Inbox360Api(), credentials };
	const trigger: NodeUnderTest = { node: new Inbox360Trigger(), credentialType: new Inbox360Api(), credentials };
	/** The same nodes with another credential (its own object: a stored token stays with it). */
	const withCredentials = (data: ICredentialDataDecryptedObject) => {
		const own = { baseUrl: origin, sessionToken: '', ...data };
		return {
			credentials: own,
			action: { node: new Inbox360(), credentialType: new Inbox360Api(), credentials: own } as NodeUnderTest,
			trigger: { node: new Inbox360Trigger(), credentialType: new Inbox360Api(), credentials: own } as NodeUnderTest,
		};
	};
	return { fake, origin, credentials, action, trigger, withCredentials };
}

/** Method, path (below /api/v1) with query, and body of each request: the wire as the inbox saw it. */
export function wire(requests: RecordedRequest[]) {
	return requests.map((r) => {
		const query = new URLSearchParams(r.query).toString();
		return [r.method, `${r.path.replace(API, '')}${query ? `?${query}` : ''}`, r.body ?? undefined];
	});
}

/** Resource locators: by ID (chats, users, groups, tags), from the list, by name (tags). */
export const id = (value: string) => ({ __rl: true, mode: 'id', value });
export const chat = id;
export const list = (value: string) => ({ __rl: true, mode: 'list', value });
export const byName = (value: string) => ({ __rl: true, mode: 'name', value });

/** One input item carrying a file in its binary property `data`. */
export const fileItem = (bytes: Buffer, mimeType: string, fileName: string): INodeExecutionData[] => [
	{ json: {}, binary: { data: { data: bytes.toString('base64'), mimeType, fileName } } },
];
export const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

/** Set-up runs for tagging tests: on a fresh inbox each makes tagging 100. */
export const ADD_CHAT_TAG = { resource: 'chatTagging', operation: 'add', chat: chat('48123123123'), tag: id('6') };
export const ADD_MESSAGE_TAG = { resource: 'messageTagging', operation: 'add', messageId: 'ABGGSFEBeRJ_AhD8o8zP9ulNeUPgdKvfzvgh', tag: id('5') };
