import { WHATSLOOP } from './platform/brands';
import { platformNode } from './platform/node';

/** WhatsLoop (go-wloop.net): the platform's action node under its own name and icon. */
export class WhatsLoop extends platformNode(WHATSLOOP) {}
