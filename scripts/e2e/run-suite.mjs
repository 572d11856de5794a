#!/usr/bin/env node
// The real-editor suite, offline (`npm run test:e2e`, and the e2e step of `npm test`):
//   1. install code-server + playwright-core into a cache folder if missing (scripts/e2e/install.mjs)
//   2. build dist/ and bundle test/e2e into out/e2e
//   3. dev: the whole suite in ONE editor launch with the checkout as the extension under development
//   4. vsix: package the .vsix (`npm run package`), install it into a fresh extensions folder with
//      code-server --install-extension, and run the suite ONCE more against the installed extension
//   5. broken-build: the runner's own check, that it fails on a broken build: a copy of the extension
//      whose language server throws on start, activation tests only (about 7 s). Counts as one test,
//      passed only when every activation test ran and failed with the language client's error for a
//      server that died starting (not a timeout, a crash of the runner or another error; see
//      brokenBuildProblem). Its "N failed" line is the expected outcome, marked as such.
// Each launch opens its own temporary copy of examples/handbook as the workspace. Prints
// "N passed, N failed" last; exits non-zero when a test failed or none ran.
//   node scripts/e2e/run-suite.mjs [--counts FILE] [--only dev,vsix,broken-build] [--grep REGEXP] [--timeout SECONDS] [--verbose]
// --counts FILE writes {"passed","failed","skipped","failures":[...],"skips":[...]} for scripts/test.mjs.
// Env: CAREER_E2E_HOME (kit location), CAREER_E2E_CHROMIUM (default /usr/bin/chromium), CAREER_E2E_KEEP=1.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { bundleSuite, ROOT } from './bundleSuite.mjs';
import { CHROMIUM, installVsix, runExtensionTests } from './codeServer.mjs';
import { ensureInstalled, isInstalled, unsupportedReason } from './install.mjs';
import { packageVsix } from './packageVsix.mjs';

const { values: opt } = parseArgs({
  options: {
    counts: { type: 'string' },
    only: { type: 'string' },
    grep: { type: 'string' },
    timeout: { type: 'string', default: '180' },
    verbose: { type: 'boolean', default: false },
  },
});
const STAGES = ['dev', 'vsix', 'broken-build'];
const stages = opt.only ? opt.only.split(',') : STAGES;
if (stages.some((s) => !STAGES.includes(s))) {
  console.error(`--only takes a comma-separated list of ${STAGES.join(', ')}`);
  process.exit(2);
}

const log = (s) => console.log(`[e2e] ${s}`);
const started = Date.now();
const seconds = (since) => ((Date.now() - since) / 1000).toFixed(1);
const timing = [];
const totals = { passed: 0, failed: 0, skipped: 0, failures: [], skips: [] };
const details = [];

function writeCounts() {
  if (opt.counts) writeFileSync(opt.counts, JSON.stringify(totals, null, 2));
}

function finish() {
  for (const d of details) console.log(`\nFAILED: ${d.title}\n${d.error}`);
  if (timing.length) log(`timing: ${timing.join(', ')}; total ${seconds(started)} s`);
  if (totals.skipped) log(`${totals.skipped} skipped: ${totals.skips.join('; ')}`);
  if (!totals.passed && !totals.failed && !totals.skipped) {
    totals.failed = 1;
    totals.failures.push('e2e: no test ran');
  }
  writeCounts();
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(totals.failed || !totals.passed ? 1 : 0);
}

/** A whole stage failed (install, package...): one failure, with the reason. */
function stageFailed(what, error) {
  totals.failed++;
  totals.failures.push(`e2e: ${what}: ${String(error.message ?? error).split('\n')[0]}`);
  details.push({ title: `e2e: ${what}`, error: error.stack ?? String(error) });
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`);
}

async function launch({ label, kit, testsIndex, extensionDevelopmentPath, extensionsDir, expectedExtensionPath, grep, quiet = false, mustFail = false }) {
  log(`${label}: one editor launch on a copy of examples/handbook`);
  const env = { CAREER_E2E_EXTENSION_PATH: expectedExtensionPath };
  if (grep) env.CAREER_E2E_GREP = grep;
  const result = await runExtensionTests({
    kit,
    label,
    workspaceTemplate: join(ROOT, 'examples/handbook'),
    testsIndex,
    extensionDevelopmentPath,
    extensionsDir,
    env,
    timeoutSeconds: Number(opt.timeout),
    verbose: opt.verbose,
    quiet,
  });
  if (result.exitCode === 130) {
    // Ctrl-C: report what ran, then stop
    count(result);
    finish();
  }
  // The broken build's tests are meant to fail: say so, so that its count does not read as a failure of the suite.
  const outcome = mustFail
    ? `${result.passed.length} passed, ${result.failed.length} failed (meant to fail; checked below)`
    : `${result.passed.length} passed, ${result.failed.length} failed, ${result.skipped.length} skipped`;
  log(
    `${label}: ${outcome} ` +
      `in ${result.seconds.toFixed(1)} s (${result.reason}; code-server up ${result.phases.listening ?? '-'}, tests loaded ${result.phases.testsLoaded ?? '-'})`,
  );
  return result;
}

function count(result) {
  totals.passed += result.passed.length;
  totals.failed += result.failed.length;
  totals.skipped += result.skipped.length;
  for (const f of result.failed) {
    totals.failures.push(`e2e [${result.label}] ${f.title}: ${f.error.split('\n')[0]}`);
    details.push({ title: `[${result.label}] ${f.title}`, error: f.error });
  }
  for (const s of result.skipped) totals.skips.push(`e2e [${result.label}] ${s}`);
  timing.push(`${result.label} launch ${result.seconds.toFixed(1)} s`);
}

// The editor runs only where the kit runs and Chromium is there; elsewhere: skipped, visibly.
const unsupported = unsupportedReason() ?? (existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is missing (apt-get install chromium; .ci/run installs it)`);
if (unsupported) {
  const message = `e2e (real VS Code): ${unsupported}`;
  console.log(`skipped: ${message}`);
  totals.skipped = 1;
  totals.skips.push(message);
  writeCounts();
  console.log('0 passed, 0 failed');
  process.exit(0);
}

let kit;
const installStarted = Date.now();
const wasInstalled = isInstalled();
try {
  kit = ensureInstalled();
  timing.push(`install ${seconds(installStarted)} s${wasInstalled ? ' (already there)' : ''}`);
} catch (e) {
  stageFailed('installing code-server', e);
  finish();
}

const buildStarted = Date.now();
let testsIndex;
try {
  run(process.execPath, ['esbuild.mjs']);
  testsIndex = await bundleSuite();
  timing.push(`build + bundle ${seconds(buildStarted)} s`);
} catch (e) {
  stageFailed('building the extension or the suite', e);
  finish();
}

/** The tests the broken-build stage runs: the activation suite's. */
// What vscode-languageclient 9 rejects start() with when the server process exits before answering
// `initialize` (the broken server throws while loading), or reports once the connection is gone.
const SERVER_DIED =
  /Pending response rejected since connection got disposed|Connection to server got closed|Server initialization failed|Client is not running/;
const BROKEN_BUILD_GREP = '^activation ';
let devResult;
if (stages.includes('dev')) {
  devResult = await launch({ label: 'dev', kit, testsIndex, extensionDevelopmentPath: ROOT, expectedExtensionPath: ROOT.replace(/\/$/, ''), grep: opt.grep });
  count(devResult);
}

if (stages.includes('vsix')) {
  const scratch = mkdtempSync(join(tmpdir(), 'career-e2e-vsix-'));
  try {
    const packageStarted = Date.now();
    const { vsix, bytes, name, version } = packageVsix({ log });
    const { publisher } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    timing.push(`package ${seconds(packageStarted)} s (.vsix ${(bytes / 1024).toFixed(1)} KiB)`);
    const extensionsDir = join(scratch, 'extensions');
    log(installVsix(kit, vsix, extensionsDir, scratch).split('\n').pop());
    const installedAt = join(extensionsDir, `${publisher}.${name}-${version}`);
    if (!existsSync(join(installedAt, 'package.json'))) throw new Error(`the .vsix did not install to ${installedAt}`);
    // The workbench runs extension tests only in extension development mode, which needs a development
    // path: an empty folder, so the extension that loads is the installed one.
    const noExtension = join(scratch, 'no-extension-under-development');
    mkdirSync(noExtension);
    count(
      await launch({
        label: 'vsix',
        kit,
        testsIndex,
        extensionsDir,
        extensionDevelopmentPath: noExtension,
        expectedExtensionPath: installedAt,
        grep: opt.grep,
      }),
    );
  } catch (e) {
    stageFailed('packaging or installing the .vsix', e);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    // Packaging left a minified dist/ without source maps; put the development build back.
    run(process.execPath, ['esbuild.mjs']);
  }
}

if (stages.includes('broken-build')) {
  // A runner that cannot fail proves nothing: run the activation tests against a copy of the
  // extension whose language server throws on start, and expect failures.
  const broken = mkdtempSync(join(tmpdir(), 'career-e2e-broken-'));
  for (const part of ['package.json', 'dist', 'schemas', 'snippets', 'docs', 'media']) {
    if (existsSync(join(ROOT, part))) cpSync(join(ROOT, part), join(broken, part), { recursive: true });
  }
  writeFileSync(join(broken, 'dist/server.js'), "throw new Error('deliberately broken build (scripts/e2e/run-suite.mjs)');\n");
  const result = await launch({
    label: 'broken-build',
    kit,
    testsIndex,
    extensionDevelopmentPath: broken,
    expectedExtensionPath: broken,
    grep: BROKEN_BUILD_GREP,
    quiet: !opt.verbose,
    mustFail: true,
  });
  rmSync(broken, { recursive: true, force: true });
  timing.push(`broken-build launch ${result.seconds.toFixed(1)} s`);
  const title = 'e2e [runner] a build whose language server throws fails the suite';
  const problem = brokenBuildProblem(result, devResult);
  if (!problem) {
    log(`broken-build: failed as it must (${result.failed.length} activation tests, each: ${result.failed[0].error.split('\n')[0]})`);
    totals.passed++;
  } else {
    totals.failed++;
    totals.failures.push(`${title}: ${problem}`);
    details.push({
      title,
      error: `${problem}\nreason: ${result.reason}, exit ${result.exitCode}\npassed: ${result.passed.join('; ')}\nfailed:\n${result.failed.map((f) => `  ${f.title}: ${f.error.split('\n')[0]}`).join('\n')}`,
    });
  }
}

/**
 * Why the broken-build run does not show what it must, or undefined when it does: the activation
 * tests ran to the end (not a timeout, a crash or tests that never loaded, which prove nothing about
 * the suite), every one of them failed and none passed, each with the language client's error for a
 * server that died while starting (the extension's activate() rejects with it), and none of them
 * failed against the working build when that ran in this invocation.
 */
function brokenBuildProblem(result, dev) {
  if (result.reason !== 'tests finished') return `the run did not finish its tests (${result.reason})`;
  if (!result.failed.length) return `no test failed (${result.passed.length} passed)`;
  if (result.passed.length) return `${result.passed.length} test(s) passed against it: ${result.passed.join('; ')}`;
  if (result.exitCode === 0) return 'the tests failed but the run exited 0';
  const otherFailure = result.failed.find((f) => !SERVER_DIED.test(f.error.split('\n')[0]));
  if (otherFailure) return `"${otherFailure.title}" failed for another reason than the dead language server: ${otherFailure.error.split('\n')[0]}`;
  // A test that fails against the working build too proves nothing about the breakage.
  const devFailed = new Set((dev?.failed ?? []).map((f) => f.title));
  const alsoFailing = result.failed.filter((f) => devFailed.has(f.title));
  if (alsoFailing.length) return `it fails against the working build too: ${alsoFailing.map((f) => f.title).join('; ')}`;
  return undefined;
}

finish();
