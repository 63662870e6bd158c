import type { ResourceDefinition } from '../../shared/execute';
import { assignment } from './assignment';
import { businessProfile } from './businessProfile';
import { chat } from './chat';
import { chatTagging } from './chatTagging';
import { media } from './media';
import { message } from './message';
import { messageTagging } from './messageTagging';
import { contact, person } from './person';
import { savedResponse } from './savedResponse';
import { tag } from './tag';
import { template } from './template';
import { group, user } from './user';

/** The node's resources, in the order the Resource dropdown shows them. */
export const resources: ResourceDefinition[] = [
	message,
	media,
	chat,
	assignment,
	tag,
	chatTagging,
	messageTagging,
	person,
	contact,
	template,
	user,
	group,
	savedResponse,
	businessProfile,
];
