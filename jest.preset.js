const nxPreset = require('@nx/jest/preset').default;

// 30 s, not jest's 5 s: the first test of an Angular spec compiles its component tree, which took over 5 s on a
// 2-core machine busy with other builds (supervision-page.spec failed so in CI). No test here times what it tests.
module.exports = { ...nxPreset, testTimeout: 30_000 };
