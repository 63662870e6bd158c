import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/execute';
import { returnAllOrLimit } from '../../../shared/paginate';
import { normaliseTemplate, TEMPLATE_STATUS } from '../../templates';
import { sobotList } from '../../transport';

export const getManyTemplates: OperationDefinition = {
	resource: 'template',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many templates',
	description: 'List WhatsApp templates, optionally only pending, approved or rejected ones',
	properties: [
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'All', value: 'all' },
				{ name: 'Approved', value: 'approved', description: 'Ready to send' },
				{ name: 'Pending', value: 'pending', description: 'Waiting for Meta’s review' },
				{ name: 'Rejected', value: 'rejected', description: 'With the reason in rejected_reason' },
			],
			default: 'all',
			description: 'Filtered by Sobot itself (its examples show status 0 for every template, so the field alone is not trusted)',
		},
		...returnAllOrLimit('templates'),
	],
	async execute(this: IExecuteFunctions, i: number) {
		const status = this.getNodeParameter('status', i, 'all') as string;
		const qs: IDataObject = status === 'all' ? {} : { status: TEMPLATE_STATUS[status] };
		const templates = await sobotList.call(this, '/api/template/', {
			qs,
			returnAll: this.getNodeParameter('returnAll', i) as boolean,
			limit: this.getNodeParameter('limit', i, 50) as number,
			itemIndex: i,
		});
		return templates.map(normaliseTemplate);
	},
};
