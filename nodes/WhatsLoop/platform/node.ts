import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { buildProperties, executePerItem } from '../../shared/execute';
import { sendingHints } from '../../shared/sending';
import { custom } from './actions/apiRequest';
import { chat } from './actions/chat';
import { group } from './actions/group';
import { instance } from './actions/instance';
import { interactive } from './actions/interactive';
import { media } from './actions/media';
import { message } from './actions/message';
import { product } from './actions/product';
import { user } from './actions/user';
import type { Brand } from './brands';

export const resources = [message, media, interactive, chat, group, user, instance, product, custom];

/** n8n icon of a brand, relative to the brand's node folder. */
export const brandIcon = (brand: Brand) => ({ light: `file:${brand.key}.svg`, dark: `file:${brand.key}.dark.svg` }) as const;

/**
 * The platform's action node under one brand's name and icon. A brand's node file is one line:
 * `export class WhatsLoop extends platformNode(WHATSLOOP) {}`.
 */
export function platformNode(brand: Brand) {
	return class implements INodeType {
		description: INodeTypeDescription = {
			displayName: brand.name,
			name: brand.nodeName,
			icon: brandIcon(brand),
			group: ['output'],
			version: 1,
			subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
			description: `Send WhatsApp messages, buttons and lists, and manage chats, groups and the instance with ${brand.name}`,
			defaults: { name: brand.name },
			usableAsTool: true,
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: brand.credentialType, required: true }],
			properties: buildProperties(resources),
			hints: sendingHints(resources),
		};

		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			return await executePerItem.call(this, resources);
		}
	};
}
