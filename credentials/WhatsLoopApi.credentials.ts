import { WHATSLOOP } from '../nodes/WhatsLoop/platform/brands';
import { platformCredential } from '../nodes/WhatsLoop/platform/credential';

/** WhatsLoop API: token, base URL (default https://go-wloop.net/api/v1) and plan. */
export class WhatsLoopApi extends platformCredential(WHATSLOOP) {}
