import type { ResourceDefinition } from '../../../../shared/execute';
import { withSending } from '../../../../shared/sending';
import { platformSending } from '../common';
import { block, checkNumber, getBusinessProfile, getProfilePicture, setName, unblock } from './user.operations';

export const user: ResourceDefinition = {
	name: 'User',
	value: 'user',
	description: 'Check numbers, read profiles and pictures, block and unblock, set your profile name',
	operations: [checkNumber, getBusinessProfile, getProfilePicture, ...withSending(platformSending, block, unblock, setName)],
};
