import { LETS_BOT } from '../nodes/WhatsLoop/platform/brands';
import { platformCredential } from '../nodes/WhatsLoop/platform/credential';

/** Lets bot API: token, base URL (default https://letsbot.net/api/v1) and plan. */
export class LetsBotApi extends platformCredential(LETS_BOT) {}
