import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { asNodeError } from '../../../shared/errors';
import type { OperationDefinition } from '../../../shared/execute';
import { errorItemJson } from '../../../shared/execute';
import { groupLocator, numbersField, phoneLocator, phoneRequest, validator } from '../common';

export function groupIdOf(ctx: IExecuteFunctions, i: number): string {
	const id = String(ctx.getNodeParameter('groupId', i, '', { extractValue: true }) ?? '').trim();
	const check = validator(ctx, i);
	if (!/^[\w-]+@g\.us$/.test(check.required(id, 'Group'))) check.fail(`"Group" must be a group ID ending in @g.us, got "${id}"`);
	return id;
}

/**
 * add / remove / promote / demote: one call per participant, one output item per participant. With
 * Continue On Fail a participant that failed gets its own error item; the others keep theirs.
 */
function participantOperation(operation: string, name: string, action: string, description: string, path: string): OperationDefinition {
	return {
		resource: 'group',
		operation,
		name,
		action,
		description,
		properties: [
			phoneLocator,
			groupLocator,
			numbersField('Participants'),
		],
		async execute(this: IExecuteFunctions, i: number) {
			const conversationId = groupIdOf(this, i);
			const numbers = validator(this, i).phones(this.getNodeParameter('numbers', i), 'Participants', { allowChatId: true });
			const results: IDataObject[] = [];
			for (const number of numbers) {
				const participant = number.includes('@') ? number : `${number}@c.us`;
				try {
					const response = await phoneRequest.call(this, i, 'POST', path, {
						body: { conversation_id: conversationId, number: participant },
						// A repeat answers "already a participant" / "not a participant" after the first one worked.
						repeatable: false,
					});
					results.push({ groupId: conversationId, participant, success: response.success ?? true });
				} catch (error) {
					if (!this.continueOnFail()) throw asNodeError(this.getNode(), error, i);
					results.push(errorItemJson(this, error, { groupId: conversationId, participant }));
				}
			}
			return results;
		},
	};
}

export const addParticipants = participantOperation('addParticipants', 'Add Participants', 'Add participants to a group', 'Add people to a group (this phone must be an admin)', '/group/add');
export const removeParticipants = participantOperation('removeParticipants', 'Remove Participants', 'Remove participants from a group', 'Remove people from a group (this phone must be an admin)', '/group/remove');
export const promoteParticipants = participantOperation('promoteParticipants', 'Promote Participants', 'Make participants group admins', 'Make group members admins', '/group/promote');
export const demoteParticipants = participantOperation('demoteParticipants', 'Demote Participants', 'Remove admin rights from participants', 'Turn group admins back into members', '/group/demote');
