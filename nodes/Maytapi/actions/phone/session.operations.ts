import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { asNodeError } from '../../../shared/errors';
import type { OperationDefinition } from '../../../shared/execute';
import { phoneLocator, phoneRequest } from '../common';

/**
 * A call on one phone instance that takes no input and returns Maytapi's JSON as it is. Maytapi
 * makes some of these GETs act (logout, redeploy, reset, purge), so each one says whether it is
 * `repeatable` after an ambiguous failure.
 */
function sessionOperation(
	operation: string,
	name: string,
	action: string,
	description: string,
	path: string,
	extra: { repeatable: boolean; notice?: string; postFallback?: boolean },
): OperationDefinition {
	return {
		resource: 'phone',
		operation,
		name,
		action,
		description,
		properties: [
			phoneLocator,
			...(extra.notice ? [{ displayName: extra.notice, name: `${operation}Notice`, type: 'notice' as const, default: '' }] : []),
		],
		async execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
			try {
				return await phoneRequest.call(this, i, 'GET', path, { repeatable: extra.repeatable });
			} catch (error) {
				// Older Maytapi deployments documented these as POST; try that once when GET is unknown.
				if (extra.postFallback && error instanceof NodeApiError && ['404', '405'].includes(error.httpCode ?? '')) {
					return await phoneRequest.call(this, i, 'POST', path, { repeatable: extra.repeatable });
				}
				throw asNodeError(this.getNode(), error, i);
			}
		},
	};
}

export const getStatus = sessionOperation('getStatus', 'Get Status', 'Get the session status of a phone', 'Whether the number is logged in, on the QR screen, loading, or has a connection problem', '/status', { repeatable: true });
export const logout = sessionOperation('logout', 'Logout', 'Log a phone out of WhatsApp', 'Log the number out; the phone goes back to the QR screen', '/logout', { repeatable: false, postFallback: true, notice: 'The number must scan a QR code again before it can send.' });
export const redeploy = sessionOperation('redeploy', 'Redeploy', 'Restart a phone instance', 'Restart the phone’s container (replaces the deprecated restart)', '/redeploy', { repeatable: false, postFallback: true });
export const factoryReset = sessionOperation('factoryReset', 'Factory Reset', 'Reset a phone instance', 'Reset the instance to a fresh state: logs out and clears its session', '/factoryreset', { repeatable: false, notice: 'Factory reset logs the number out and clears the instance. It cannot be undone.' });
export const getQueue = sessionOperation('getQueue', 'Get Queue', 'Get the send queue of a phone', 'How many messages are waiting to be sent by this phone', '/queue', { repeatable: true });
export const purgeQueue = sessionOperation('purgeQueue', 'Purge Queue', 'Clear the send queue of a phone', 'Drop every message still waiting in this phone’s send queue', '/purgeQueue', { repeatable: false, notice: 'Queued messages are dropped and will not be sent.' });
export const getCatalog = sessionOperation('getCatalog', 'Get Catalog', 'Get the product catalog of a phone', 'List the WhatsApp Business catalog products of this number (beta)', '/catalog', { repeatable: true });
