const os = require('node:os');
const path = require('node:path');

// n8n-core keeps binary data and instance settings under its user folder: use a throwaway one.
process.env.N8N_USER_FOLDER ??= path.join(os.tmpdir(), 'n8n-nodes-whatsapp-providers-jest');
// n8n's logger prints every node error the tests provoke on purpose; the assertions check them.
process.env.N8N_LOG_LEVEL ??= 'silent';

/** Tests run TypeScript sources through ts-jest; fakes and harness live under test/. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	setupFilesAfterEnv: ['<rootDir>/test/harness/jest-setup.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	testTimeout: 30000,
	// Keep the run on the machine's two cores without starving the fake servers.
	maxWorkers: 2,
};
