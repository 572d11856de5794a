#!/usr/bin/env node
// `npm test`: type-check, build, then every test suite, and one summary line "N passed, N failed".
//   node scripts/test.mjs                 everything
//   node scripts/test.mjs --only unit     one group (unit, rules, cli, server, corpus, hugo, preview, fuzz, e2e, e2e-web)
// Suites that need what a fresh clone may not have (../shared, Hugo, Chromium) skip with a message.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : undefined;
const wanted = (group) => !only || only.includes(group);

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const skips = [];

function run(cmd, argv, opts = {}) {
  const started = Date.now();
  const r = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit', ...opts });
  return { status: r.status ?? 1, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

function step(name, cmd, argv) {
  console.log(`\n▶ ${name}`);
  const r = run(cmd, argv);
  if (r.status === 0) {
    totals.passed++;
    console.log(`✔ ${name} (${r.seconds}s)`);
  } else {
    totals.failed++;
    failures.push(name);
    console.log(`✖ ${name} failed (exit ${r.status})`);
  }
  return r.status === 0;
}

function testFiles(dir) {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.test\.(ts|mjs)$/.test(e)) out.push(relative(root, p));
    }
  };
  walk(abs);
  return out.sort();
}

function nodeTests(group, dirs) {
  const files = dirs.flatMap(testFiles);
  if (!files.length) return;
  console.log(`\n▶ tests: ${group} (${files.length} file${files.length === 1 ? '' : 's'})`);
  const tmp = mkdtempSync(join(tmpdir(), 'career-tests-'));
  const countsFile = join(tmp, 'counts.jsonl');
  const r = run(process.execPath, [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=./test/support/countReporter.mjs',
    `--test-reporter-destination=${countsFile}`,
    ...files,
  ]);
  let counts = { passed: 0, failed: r.status === 0 ? 0 : 1, skipped: 0, failures: [`${group}: the test run itself failed (exit ${r.status})`], skips: [] };
  if (existsSync(countsFile)) {
    const parsed = JSON.parse(readFileSync(countsFile, 'utf8').trim().split('\n').pop());
    counts = parsed;
    if (r.status !== 0 && !parsed.failed) {
      counts.failed = 1;
      counts.failures = [`${group}: exit ${r.status} without a failing test`];
    }
  }
  rmSync(tmp, { recursive: true, force: true });
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  failures.push(...counts.failures);
  skips.push(...counts.skips);
  console.log(`  ${group}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${r.seconds}s)`);
}

const started = Date.now();
if (!only) {
  // npm run lint: Biome's rules (the code map's import rules among them) and the formatter's check.
  step('lint and format check (biome)', 'npx', ['biome', 'check']);
  step('type-check (tsc)', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']) &&
    step('type-check the pure core (no Node, no DOM types)', 'npx', ['tsc', '-p', 'server/src/core/tsconfig.json', '--noEmit']);
}
if (!only || only.some((g) => ['server', 'cli', 'e2e', 'preview'].includes(g))) step('build (esbuild)', process.execPath, ['esbuild.mjs']);
for (const group of ['unit', 'rules', 'cli', 'server', 'corpus', 'hugo', 'preview', 'fuzz']) {
  if (wanted(group)) nodeTests(group, [`test/${group}`]);
}
/** A group whose runner writes its own counts (--counts FILE): the real-editor suites. */
function runnerTests(group, title, script) {
  if (!wanted(group) || !existsSync(join(root, script))) return;
  console.log(`\n▶ tests: ${group} (${title})`);
  const tmp = mkdtempSync(join(tmpdir(), `career-${group}-`));
  const countsFile = join(tmp, 'counts.json');
  const r = run(process.execPath, [script, '--counts', countsFile]);
  const counts = existsSync(countsFile)
    ? JSON.parse(readFileSync(countsFile, 'utf8'))
    : { passed: 0, failed: 1, skipped: 0, failures: [`${group}: runner exit ${r.status}`], skips: [] };
  rmSync(tmp, { recursive: true, force: true });
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped ?? 0;
  failures.push(...(counts.failures ?? []));
  skips.push(...(counts.skips ?? []));
}
runnerTests('e2e', 'real VS Code', 'scripts/e2e/run-suite.mjs');
runnerTests('e2e-web', 'real VS Code, the web extension in the web-worker host', 'scripts/e2e-web/run-web-suite.mjs');

console.log(`\n──────── summary (${((Date.now() - started) / 1000).toFixed(0)}s) ────────`);
for (const s of skips) console.log(`skipped: ${s}`);
for (const f of failures) console.log(`FAILED: ${f}`);
if (totals.skipped) console.log(`${totals.skipped} skipped`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed ? 1 : 0);
