import type { ResourceDefinition } from '../../shared/execute';
import { media } from './media';
import { message } from './message';

/** The node's resources, in the order the Resource dropdown shows them. */
export const resources: ResourceDefinition[] = [message, media];
