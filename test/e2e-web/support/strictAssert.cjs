// `node:assert/strict` in the web suite's bundle (scripts/e2e-web/bundleWebSuite.mjs aliases it
// here): the npm port of Node's assert, its strict mode, so the suite reads like test/e2e's.
module.exports = require('assert').strict;
