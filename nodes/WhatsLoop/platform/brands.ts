/**
 * WhatsLoop (go-wloop.net) and Lets bot (letsbot.net) are one WhatsApp platform (API v1) sold under
 * two brands. Everything else in this folder is the platform; a brand only adds what is below.
 */
export interface Brand {
	/** `provider` of trigger items. */
	key: 'whatsloop' | 'letsbot';
	/** Product name, as in error messages ("WhatsLoop: Phone is Required"). */
	name: string;
	/** n8n type name of the action node; the trigger adds "Trigger". */
	nodeName: string;
	credentialType: string;
	defaultBaseUrl: string;
	docsUrl: string;
	/** Where the user pastes the trigger's URL (no API sets it). */
	dashboard: string;
	/** The brand's folder under nodes/ (icons, node files). */
	folder: string;
}

export const WHATSLOOP: Brand = {
	key: 'whatsloop',
	name: 'WhatsLoop',
	nodeName: 'whatsLoop',
	credentialType: 'whatsLoopApi',
	defaultBaseUrl: 'https://go-wloop.net/api/v1',
	docsUrl: 'https://docs.whatsloop.net',
	dashboard: 'the WhatsLoop dashboard (go-wloop.net) → your instance → Webhook',
	folder: 'WhatsLoop',
};

export const LETS_BOT: Brand = {
	key: 'letsbot',
	name: 'Lets bot',
	nodeName: 'letsBot',
	credentialType: 'letsBotApi',
	defaultBaseUrl: 'https://letsbot.net/api/v1',
	docsUrl: 'https://docs.letsbot.net',
	dashboard: 'the Lets bot dashboard (letsbot.net) → your instance → Webhook',
	folder: 'LetsBot',
};

export const BRANDS = [WHATSLOOP, LETS_BOT];

/**
 * The brand of the node running: from its credential, else from its type name (`…letsBot`,
 * `…letsBotTrigger`, `…letsBotTool` when an AI agent uses it).
 */
export function brandOf(node: { type: string; credentials?: Record<string, unknown> | null }): Brand {
	const byCredential = BRANDS.find((b) => node.credentials && b.credentialType in node.credentials);
	if (byCredential) return byCredential;
	const typeName = node.type.slice(node.type.lastIndexOf('.') + 1);
	return BRANDS.find((b) => typeName.startsWith(b.nodeName)) ?? WHATSLOOP;
}
