/** Tests run TypeScript sources through ts-jest; fakes and harness live under test/. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	testTimeout: 30000,
	// Keep the run on the machine's two cores without starving the fake servers.
	maxWorkers: 2,
};
