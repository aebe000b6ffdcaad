/* Fault injection (`npm run chaos`; `CHAOS_TIER=short` in `npm test`): private Redis and MariaDB servers killed under load. */
const base = require('./jest.int.config.cts');

module.exports = { ...base, displayName: 'chaos', testMatch: ['**/*.chaos-spec.ts'], testTimeout: 240000, forceExit: true };
