// @ts-check
'use strict';
/**
 * Runs the provider fakes side by side, for `npm run dev` and the end-to-end test.
 *
 *   node test/fakes/simulator.js [--maytapi-port N] [--sobot-port N] [--inbox360-port N] [--whatsloop-port N] [--host H] [--quiet]
 *
 * Prints one `key=value` line per fake on stdout (request logs go to stderr) and stays up until
 * SIGINT/SIGTERM. Port 0 picks a free port; the printed line carries the real one.
 */
const { MaytapiFake, DEFAULTS: MAYTAPI_DEFAULTS } = require('./maytapi');
const { SobotFake, DEFAULTS: SOBOT_DEFAULTS } = require('./sobot');
const { Inbox360Fake, DEFAULTS: INBOX360_DEFAULTS } = require('./inbox360');
const { WhatsLoopFake, DEFAULT_TOKENS: WHATSLOOP_TOKENS } = require('./whatsloop');

/** @param {string} brand */
const tokenOf = (brand) => Object.keys(WHATSLOOP_TOKENS).find((token) => /** @type {Record<string, string>} */ (WHATSLOOP_TOKENS)[token] === brand) ?? '';

/**
 * Default ports and credentials of each fake, for whoever writes n8n credentials for them.
 * `baseUrl(origin)` gives the credential's base URL for a running fake.
 */
const PROVIDERS = Object.freeze({
	maytapi: Object.freeze({
		defaultPort: 5681,
		credentials: Object.freeze({ productId: MAYTAPI_DEFAULTS.productId, token: MAYTAPI_DEFAULTS.token }),
		/** @param {string} origin */
		baseUrl: (origin) => `${origin}/api`,
	}),
	sobot: Object.freeze({
		defaultPort: 5682,
		credentials: Object.freeze({ apiKey: SOBOT_DEFAULTS.apiKey, apiSecret: SOBOT_DEFAULTS.apiSecret }),
		/** @param {string} origin */
		baseUrl: (origin) => origin,
	}),
	inbox360: Object.freeze({
		defaultPort: 5683,
		credentials: Object.freeze({ authentication: 'token', token: INBOX360_DEFAULTS.token }),
		/** @param {string} origin */
		baseUrl: (origin) => origin,
	}),
	// One fake platform for both brands: each brand's credential has its own token.
	whatsloop: Object.freeze({
		defaultPort: 5684,
		credentials: Object.freeze({ whatsLoopToken: tokenOf('whatsloop'), letsBotToken: tokenOf('letsbot') }),
		/** @param {string} origin */
		baseUrl: (origin) => `${origin}/api/v1`,
	}),
	// Lets bot is the same platform: the same fake (started once, as `whatsloop`), its own token.
	letsbot: Object.freeze({
		defaultPort: 5684,
		credentials: Object.freeze({ token: tokenOf('letsbot') }),
		/** @param {string} origin */
		baseUrl: (origin) => `${origin}/api/v1`,
	}),
});

/**
 * Start the fakes. If one fails to start, those already started are stopped again.
 * @param {{ maytapiPort?: number, sobotPort?: number, inbox360Port?: number, whatsloopPort?: number, host?: string, log?: boolean }} [options]
 * @returns {Promise<{ maytapi: MaytapiFake, sobot: SobotFake, inbox360: Inbox360Fake, whatsloop: WhatsLoopFake, letsbot: WhatsLoopFake, stop: () => Promise<void> }>}
 */
async function startSimulator({
	maytapiPort = PROVIDERS.maytapi.defaultPort,
	sobotPort = PROVIDERS.sobot.defaultPort,
	inbox360Port = PROVIDERS.inbox360.defaultPort,
	whatsloopPort = PROVIDERS.whatsloop.defaultPort,
	host = '127.0.0.1',
	log,
} = {}) {
	const maytapi = new MaytapiFake({ log });
	const sobot = new SobotFake({ log });
	const inbox360 = new Inbox360Fake({ log });
	const whatsloop = new WhatsLoopFake({ log });
	await maytapi.start(maytapiPort, host);
	try {
		await sobot.start(sobotPort, host);
		await inbox360.start(inbox360Port, host);
		await whatsloop.start(whatsloopPort, host);
	} catch (error) {
		await Promise.all([maytapi.stop(), sobot.stop(), inbox360.stop()]);
		throw error;
	}
	return {
		maytapi,
		sobot,
		inbox360,
		whatsloop,
		letsbot: whatsloop,
		stop: async () => {
			await Promise.all([maytapi.stop(), sobot.stop(), inbox360.stop(), whatsloop.stop()]);
		},
	};
}

/**
 * @param {string[]} argv
 * @returns {{ maytapiPort?: number, sobotPort?: number, inbox360Port?: number, whatsloopPort?: number, host?: string, quiet: boolean }}
 */
function parseArgs(argv) {
	/** @type {{ maytapiPort?: number, sobotPort?: number, inbox360Port?: number, whatsloopPort?: number, host?: string, quiet: boolean }} */
	const options = { quiet: false };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const [flag, inline] = arg.split('=', 2);
		const value = () => {
			const v = inline ?? argv[++i];
			if (v === undefined) throw new Error(`${flag} needs a value`);
			return v;
		};
		/** @param {string} v */
		const port = (v) => {
			const n = Number(v);
			if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${flag}: invalid port ${v}`);
			return n;
		};
		if (flag === '--maytapi-port') options.maytapiPort = port(value());
		else if (flag === '--sobot-port') options.sobotPort = port(value());
		else if (flag === '--inbox360-port') options.inbox360Port = port(value());
		else if (flag === '--whatsloop-port') options.whatsloopPort = port(value());
		else if (flag === '--host') options.host = value();
		else if (flag === '--quiet') options.quiet = true;
		else if (flag === '--help' || flag === '-h') {
			console.log('Usage: node test/fakes/simulator.js [--maytapi-port N] [--sobot-port N] [--inbox360-port N] [--whatsloop-port N] [--host H] [--quiet]');
			process.exit(0);
		} else throw new Error(`Unknown argument ${arg}`);
	}
	return options;
}

async function main() {
	const { quiet, ...ports } = parseArgs(process.argv.slice(2));
	const sim = await startSimulator({ ...ports, log: !quiet });
	const { maytapi, sobot, inbox360, whatsloop } = sim;
	console.log(`maytapi baseUrl=${maytapi.baseUrl} productId=${maytapi.productId} token=${maytapi.token} phoneIds=${maytapi.phones.map((p) => p.id).join(',')}`);
	console.log(`sobot baseUrl=${sobot.baseUrl} apiKey=${sobot.apiKey} apiSecret=${sobot.apiSecret}`);
	console.log(`inbox360 baseUrl=${inbox360.baseUrl} token=${inbox360.token} username=${inbox360.username} password=${inbox360.password}`);
	console.log(`whatsloop baseUrl=${whatsloop.baseUrl} whatsLoopToken=${whatsloop.tokenOf('whatsloop')} letsBotToken=${whatsloop.tokenOf('letsbot')}`);

	let stopping = false;
	/** @param {string} signal */
	const shutdown = (signal) => {
		if (stopping) return;
		stopping = true;
		if (!quiet) console.error(`[simulator] ${signal}: stopping`);
		sim.stop().then(
			() => process.exit(0),
			(error) => {
				console.error(error);
				process.exit(1);
			},
		);
	};
	process.on('SIGINT', () => shutdown('SIGINT'));
	process.on('SIGTERM', () => shutdown('SIGTERM'));
}

if (require.main === module) {
	main().catch((error) => {
		console.error(`[simulator] ${error.message ?? error}`);
		process.exit(1);
	});
}

module.exports = { startSimulator, PROVIDERS };
