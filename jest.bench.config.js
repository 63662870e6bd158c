/** `npm run bench`: throughput measurements through the same harness; they report, never assert on time. */
const base = require('./jest.config');

module.exports = { ...base, testMatch: ['**/*.bench.ts'], testTimeout: 300000, maxWorkers: 1 };
