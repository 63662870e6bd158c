// Generated from the JSDoc of ./simulator.js by test/fakes/build-types.js; do not edit by hand.
/**
 * Start the fakes. If one fails to start, those already started are stopped again.
 * @param {{ maytapiPort?: number, sobotPort?: number, inbox360Port?: number, whatsloopPort?: number, host?: string, log?: boolean }} [options]
 * @returns {Promise<{ maytapi: MaytapiFake, sobot: SobotFake, inbox360: Inbox360Fake, whatsloop: WhatsLoopFake, letsbot: WhatsLoopFake, stop: () => Promise<void> }>}
 */
export function startSimulator({ maytapiPort, sobotPort, inbox360Port, whatsloopPort, host, log, }?: {
    maytapiPort?: number;
    sobotPort?: number;
    inbox360Port?: number;
    whatsloopPort?: number;
    host?: string;
    log?: boolean;
}): Promise<{
    maytapi: MaytapiFake;
    sobot: SobotFake;
    inbox360: Inbox360Fake;
    whatsloop: WhatsLoopFake;
    letsbot: WhatsLoopFake;
    stop: () => Promise<void>;
}>;
/**
 * Default ports and credentials of each fake, for whoever writes n8n credentials for them.
 * `baseUrl(origin)` gives the credential's base URL for a running fake.
 */
export const PROVIDERS: Readonly<{
    maytapi: Readonly<{
        defaultPort: 5681;
        credentials: Readonly<{
            productId: "a1b2c3d4-0000-4000-8000-000000000001";
            token: "test-token";
        }>;
        /** @param {string} origin */
        baseUrl: (origin: string) => string;
    }>;
    sobot: Readonly<{
        defaultPort: 5682;
        credentials: Readonly<{
            apiKey: "test-key";
            apiSecret: "test-secret";
        }>;
        /** @param {string} origin */
        baseUrl: (origin: string) => string;
    }>;
    inbox360: Readonly<{
        defaultPort: 5683;
        credentials: Readonly<{
            authentication: "token";
            token: "8aeb44f5a318542d32bb13019d68198467ee21f0";
        }>;
        /** @param {string} origin */
        baseUrl: (origin: string) => string;
    }>;
    whatsloop: Readonly<{
        defaultPort: 5684;
        credentials: Readonly<{
            whatsLoopToken: string;
            letsBotToken: string;
        }>;
        /** @param {string} origin */
        baseUrl: (origin: string) => string;
    }>;
    letsbot: Readonly<{
        defaultPort: 5684;
        credentials: Readonly<{
            token: string;
        }>;
        /** @param {string} origin */
        baseUrl: (origin: string) => string;
    }>;
}>;
import { MaytapiFake } from "./maytapi";
import { SobotFake } from "./sobot";
import { Inbox360Fake } from "./inbox360";
import { WhatsLoopFake } from "./whatsloop";
