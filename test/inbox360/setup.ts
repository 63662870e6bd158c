import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

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

export const chat = (value: string) => ({ __rl: true, mode: 'id', value });
export const list = (value: string) => ({ __rl: true, mode: 'list', value });
