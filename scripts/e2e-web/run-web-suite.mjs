#!/usr/bin/env node
// The web suite, offline (`npm run test:e2e:web`, and the e2e-web group of `npm test`): the extension's
// `browser` entry in VS Code's web-worker extension host, the host vscode.dev and the GitLab Web IDE
// run extensions in.
//   1. install code-server + playwright-core into the cache folder if missing (scripts/e2e/install.mjs)
//   2. build dist/ (node esbuild.mjs: dist/web/client.js and dist/web/server.js among it) and bundle
//      test/e2e-web into out/e2e-web/index.js, ONE CommonJS file inside the extension folder
//   3. ONE editor launch (scripts/e2e/codeServer.mjs) on a copy of examples/handbook, the checkout as
//      the extension under development, forced into the web worker by the user setting
//      remote.extensionKind {"<publisher>.<name>": ["web"]} (code-server would otherwise run an
//      extension that has a `main` in its Node host; a manifest extensionKind "web" is ignored)
//   4. the run counts only if its tests ran in a web worker without Node (the index reports the host
//      it runs in before any test; the workbench runs tests in the host of the extension whose folder
//      holds them), else it fails whatever the tests said.
// Prints "N passed, N failed" (", N skipped" when some were) last; exits non-zero when a test failed
// or none ran. Without Chromium (or where the kit cannot be installed) it skips, saying why.
//   node scripts/e2e-web/run-web-suite.mjs [--counts FILE] [--grep REGEXP] [--timeout SECONDS] [--verbose]
// --counts FILE writes {"passed","failed","skipped","failures":[...],"skips":[...]} for scripts/test.mjs.
// Env: CAREER_E2E_HOME (kit location), CAREER_E2E_CHROMIUM (default /usr/bin/chromium), CAREER_E2E_KEEP=1.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHROMIUM, runExtensionTests } from '../e2e/codeServer.mjs';
import { ensureInstalled, isInstalled, unsupportedReason } from '../e2e/install.mjs';
import { bundleWebSuite } from './bundleWebSuite.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const log = (s) => console.log(`[e2e-web] ${s}`);
const seconds = (since) => ((Date.now() - since) / 1000).toFixed(1);
/** The line test/e2e-web/index.ts prints first, with the facts of the host it runs in. */
const HOST_LINE = '[career-e2e-web] host ';

/**
 * Why the web suite cannot run here (the kit or Chromium is missing), or undefined when it can.
 */
export function webSuiteUnsupported() {
  return unsupportedReason() ?? (existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is missing (apt-get install chromium; .ci/run installs it)`);
}

/**
 * Runs the suite files of `suiteDir` in the web-worker host of one editor launch, with the extension
 * at `extensionPath` (its package.json's `browser` entry) under development, and returns the counts
 * (the --counts shape) with the run's facts. `build` runs before bundling (the project's esbuild).
 */
export async function runWebSuite({
  extensionPath = ROOT,
  suiteDir,
  testsIndex = join(extensionPath, 'out/e2e-web/index.js'),
  workspaceTemplate = join(ROOT, 'examples/handbook'),
  build = () => mustRun(process.execPath, ['esbuild.mjs']),
  grep,
  timeoutSeconds = 180,
  verbose = false,
}) {
  const started = Date.now();
  const totals = { passed: 0, failed: 0, skipped: 0, failures: [], skips: [] };
  const details = [];
  const timing = [];
  const failed = (title, error) => {
    totals.failed++;
    totals.failures.push(`e2e-web: ${title}: ${String(error).split('\n')[0]}`);
    details.push({ title, error: String(error) });
  };
  const done = () => ({ ...totals, details, timing: [...timing, `total ${seconds(started)} s`] });

  let kit;
  const installStarted = Date.now();
  const wasInstalled = isInstalled();
  try {
    kit = ensureInstalled();
    timing.push(`install ${seconds(installStarted)} s${wasInstalled ? ' (already there)' : ''}`);
  } catch (e) {
    failed('installing code-server', e.stack ?? e);
    return done();
  }

  const manifest = JSON.parse(readFileSync(join(extensionPath, 'package.json'), 'utf8'));
  const extensionId = `${manifest.publisher}.${manifest.name}`;
  const buildStarted = Date.now();
  try {
    build();
    if (!manifest.browser) throw new Error(`${join(extensionPath, 'package.json')} has no "browser" entry: there is no web extension to test`);
    const browserEntry = join(extensionPath, manifest.browser.endsWith('.js') ? manifest.browser : `${manifest.browser}.js`);
    if (!existsSync(browserEntry)) throw new Error(`the build did not write the browser entry ${browserEntry}`);
    await bundleWebSuite({ suiteDir, outFile: testsIndex, grep });
    timing.push(`build + bundle ${seconds(buildStarted)} s`);
  } catch (e) {
    failed('building the web extension or the suite', e.stack ?? e);
    return done();
  }

  log(`one editor launch, ${extensionId} in the web-worker extension host, on a copy of ${workspaceTemplate}`);
  let host;
  const result = await runExtensionTests({
    kit,
    label: 'web',
    workspaceTemplate,
    testsIndex,
    extensionDevelopmentPath: extensionPath,
    settings: { 'remote.extensionKind': { [extensionId]: ['web'] } },
    onLog: (text) => {
      if (text.startsWith(HOST_LINE)) host = JSON.parse(text.slice(HOST_LINE.length));
    },
    timeoutSeconds,
    verbose,
    log: (s) => console.log(`[e2e-web] ${s}`),
  });
  timing.push(`launch ${result.seconds.toFixed(1)} s (code-server up ${result.phases.listening ?? '-'}, tests loaded ${result.phases.testsLoaded ?? '-'})`);

  // Tests that ran in the Node extension host prove nothing about the web extension.
  const inWorker = host?.webWorker === true && !host.node;
  if (!inWorker) {
    const where = host ? `a host with ${JSON.stringify(host)}` : 'a host that never reported itself (the tests index did not run)';
    failed('(runner) the suite runs in the web-worker extension host', `the tests ran in ${where}; reason: ${result.reason}, exit ${result.exitCode}`);
  }
  totals.passed += result.passed.length;
  totals.skipped += result.skipped.length;
  for (const s of result.skipped) totals.skips.push(`e2e-web ${s}`);
  for (const f of result.failed) {
    totals.failed++;
    totals.failures.push(`e2e-web ${f.title}: ${f.error.split('\n')[0]}`);
    details.push(f);
  }
  if (!totals.passed && !totals.failed) failed('(runner) no test ran', `reason: ${result.reason}, exit ${result.exitCode}`);
  log(`${result.passed.length} passed, ${result.failed.length} failed, ${result.skipped.length} skipped in ${result.seconds.toFixed(1)} s (${result.reason})`);
  return done();
}

function mustRun(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`);
}

/** The one summary line: "N passed, N failed", and ", N skipped" when some were. */
export function summaryLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values: opt } = parseArgs({
    options: {
      counts: { type: 'string' },
      grep: { type: 'string' },
      timeout: { type: 'string', default: '180' },
      verbose: { type: 'boolean', default: false },
    },
  });
  const writeCounts = (counts) => {
    const { passed, failed, skipped, failures, skips } = counts;
    if (opt.counts) writeFileSync(opt.counts, JSON.stringify({ passed, failed, skipped, failures, skips }, null, 2));
  };
  const unsupported = webSuiteUnsupported();
  if (unsupported) {
    const message = `e2e-web (VS Code's web-worker extension host): ${unsupported}`;
    console.log(`skipped: ${message}`);
    const counts = { passed: 0, failed: 0, skipped: 1, failures: [], skips: [message] };
    writeCounts(counts);
    console.log(summaryLine(counts));
    process.exit(0);
  }
  const counts = await runWebSuite({ grep: opt.grep, timeoutSeconds: Number(opt.timeout), verbose: opt.verbose });
  for (const d of counts.details) console.log(`\nFAILED: ${d.title}\n${d.error}`);
  log(`timing: ${counts.timing.join(', ')}`);
  if (counts.skipped) log(`${counts.skipped} skipped: ${counts.skips.join('; ')}`);
  writeCounts(counts);
  console.log(summaryLine(counts));
  process.exit(counts.failed || !counts.passed ? 1 : 0);
}
