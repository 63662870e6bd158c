import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { phoneLocator, readSendOptions, sendMessage, sendOptions, toField, validator } from '../common';

export const sendPoll: OperationDefinition = {
	resource: 'message',
	operation: 'sendPoll',
	name: 'Send Poll',
	action: 'Send a poll',
	description: 'Send a poll; votes arrive at the trigger as poll events',
	properties: [
		phoneLocator,
		toField,
		{ displayName: 'Question', name: 'question', type: 'string', default: '', required: true },
		{
			displayName: 'Answers',
			name: 'answers',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Answer',
			options: [
				{
					displayName: 'Answer',
					name: 'answer',
					values: [{ displayName: 'Text', name: 'text', type: 'string', default: '' }],
				},
			],
			description: 'Between 2 and 12 answers',
		},
		{
			displayName: 'Single Answer Only',
			name: 'onlyOne',
			type: 'boolean',
			default: false,
			description: 'Whether voters may pick only one answer',
		},
		sendOptions([], false),
	],
	async execute(this: IExecuteFunctions, i: number) {
		const check = validator(this, i);
		const question = check.required(this.getNodeParameter('question', i), 'Question');
		const answers = ((this.getNodeParameter('answers.answer', i, []) as Array<{ text: string }>) ?? [])
			.map((a) => String(a.text ?? '').trim())
			.filter(Boolean);
		check.distinct(check.count(answers, 'Answers', { min: 2, max: 12 }), 'Answers');
		const onlyOne = this.getNodeParameter('onlyOne', i, false) as boolean;
		return await sendMessage.call(
			this,
			i,
			{ type: 'poll', message: question, options: answers, ...(onlyOne ? { only_one: true } : {}) },
			readSendOptions(this, i),
		);
	},
};
