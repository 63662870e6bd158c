import { LETS_BOT } from '../WhatsLoop/platform/brands';
import { platformTrigger } from '../WhatsLoop/platform/trigger';

/** Lets bot (letsbot.net): the platform's trigger under its own name and icon. */
export class LetsBotTrigger extends platformTrigger(LETS_BOT) {}
