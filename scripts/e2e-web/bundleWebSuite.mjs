#!/usr/bin/env node
// Bundles the web suite (test/e2e-web/index.ts and test/e2e-web/suite/*.test.ts) into ONE CommonJS
// file, what VS Code's web-worker extension host can load as extensionTestsPath: it fetches the
// file and runs it with a require() that serves only 'vscode'. So mocha's browser build, the suite
// files and Node's assert (the npm polyfill, for `node:assert/strict`) are all inside; `vscode` is
// the only external. platform 'browser': a Node built-in a suite file reaches for fails the bundle.
//   node scripts/e2e-web/bundleWebSuite.mjs [--grep REGEXP]
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const WEB_SUITE_SOURCE = join(ROOT, 'test/e2e-web');
/** Inside the extension folder: the workbench runs tests in the host of the extension whose folder holds them. */
export const WEB_SUITE_OUT = join(ROOT, 'out/e2e-web/index.js');

/**
 * Bundles the suite files of `suiteDir` (default test/e2e-web/suite) with the web index into `outFile`
 * and returns its path. `grep` (a regular expression on full test titles) is built in, since the
 * worker has no environment variables.
 */
export async function bundleWebSuite({ suiteDir = join(WEB_SUITE_SOURCE, 'suite'), outFile = WEB_SUITE_OUT, grep } = {}) {
  const suites = readdirSync(suiteDir)
    .filter((name) => name.endsWith('.test.ts'))
    .sort()
    .map((name) => join(suiteDir, name));
  if (!suites.length) throw new Error(`no *.test.ts in ${suiteDir}`);
  // Each suite file is required inside run(), after mocha.setup() has defined suite/test/setup...
  const entry = [
    `const { run } = require(${JSON.stringify(join(WEB_SUITE_SOURCE, 'index.ts'))});`,
    `exports.run = () => run(() => {`,
    ...suites.map((s) => `  require(${JSON.stringify(s)});`),
    `}, ${JSON.stringify(grep)});`,
  ].join('\n');
  await esbuild.build({
    stdin: { contents: entry, resolveDir: ROOT, sourcefile: 'web-suite-entry.js', loader: 'js' },
    outfile: outFile,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    sourcemap: 'inline',
    external: ['vscode'],
    mainFields: ['browser', 'module', 'main'],
    alias: { 'node:assert/strict': join(WEB_SUITE_SOURCE, 'support/strictAssert.cjs') },
    // The assert polyfill (through util) reads a global `process`: give those modules one; the
    // worker's globalThis stays without it (index.ts hostFacts reads globalThis.process).
    inject: [join(WEB_SUITE_SOURCE, 'support/processShim.mjs')],
    define: { 'process.env.NODE_DEBUG': 'false' },
    logLevel: 'warning',
  });
  return outFile;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { grep: { type: 'string' } } });
  const out = await bundleWebSuite({ grep: values.grep });
  console.log(`web e2e suite bundled: ${relative(ROOT, out)}`);
}
