import { LETS_BOT } from '../WhatsLoop/platform/brands';
import { platformNode } from '../WhatsLoop/platform/node';

/** Lets bot (letsbot.net): the platform's action node under its own name and icon. */
export class LetsBot extends platformNode(LETS_BOT) {}
