// Generated from the JSDoc of ./simulator.js by test/fakes/build-types.js; do not edit by hand.
/**
 * Start both fakes. If the second fails to start, the first is stopped again.
 * @param {{ maytapiPort?: number, sobotPort?: number, host?: string, log?: boolean }} [options]
 * @returns {Promise<{ maytapi: MaytapiFake, sobot: SobotFake, stop: () => Promise<void> }>}
 */
export function startSimulator({ maytapiPort, sobotPort, host, log, }?: {
    maytapiPort?: number;
    sobotPort?: number;
    host?: string;
    log?: boolean;
}): Promise<{
    maytapi: MaytapiFake;
    sobot: SobotFake;
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
}>;
import { MaytapiFake } from "./maytapi";
import { SobotFake } from "./sobot";
