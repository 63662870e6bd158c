import { WHATSLOOP } from './platform/brands';
import { platformTrigger } from './platform/trigger';

/** WhatsLoop (go-wloop.net): the platform's trigger under its own name and icon. */
export class WhatsLoopTrigger extends platformTrigger(WHATSLOOP) {}
