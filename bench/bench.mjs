#!/usr/bin/env node
// `npm run bench`: career-lint beside its peers on the handbook snapshot, each comparison in one run
// (this machine is shared, so absolute times wander; ratios between tools run side by side hold).
// Prints a table and writes bench/results.md. Fails only when a tool fails, never on a time.
//   node bench/bench.mjs [runs]        (default 5 runs; markdownlint-cli2, ~1 min a run, runs twice)
// Needs the build (npm run bench builds first, minified: the bundles as `npm run package` ships them)
// and ../shared/corpus/gitlab-handbook-2025-12.
// rumdl (a Rust Markdown linter, published on npm as @rumdl/cli-linux-x64) is installed on first
// use into node_modules/.cache/bench-tools, pinned to RUMDL_VERSION.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const RUMDL_VERSION = '0.2.77';
const root = resolve(new URL('..', import.meta.url).pathname);
const corpus = resolve(root, '../shared/corpus/gitlab-handbook-2025-12');
const runs = Number(process.argv[2] ?? 5);
if (!existsSync(corpus)) {
  console.log(`skipped: the handbook snapshot is not at ${corpus}`);
  process.exit(0);
}
for (const f of ['dist/cli.js', 'dist/server.js', 'dist/client.js', 'dist/web/client.js', 'dist/web/server.js']) {
  if (!existsSync(join(root, f))) {
    console.error(`bench: ${f} is missing: run \`node esbuild.mjs\` first (npm run bench does)`);
    process.exit(2);
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const scratch = mkdtempSync(join(tmpdir(), 'career-bench-'));

/** Runs a command; wall time from here, peak memory from GNU time when there is one. Throws when the tool fails. */
function measure(name, cmd, args, { cwd = root, ok = [0, 1] } = {}) {
  const argv = gnuTime ? ['-f', '%M', cmd, ...args] : args;
  const t = process.hrtime.bigint();
  const r = spawnSync(gnuTime ?? cmd, argv, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const peak = gnuTime ? Number(/(\d+)\s*$/.exec(r.stderr ?? '')?.[1]) / 1024 : Number.NaN;
  if (r.error || !ok.includes(r.status)) throw new Error(`${name} failed (exit ${r.status}): ${r.error?.message ?? r.stderr?.slice(-2000)}`);
  return { ms, peakMB: peak };
}

// ---- the tools ---------------------------------------------------------------------------------

function rumdlBinary() {
  const prefix = join(root, 'node_modules/.cache/bench-tools');
  const bin = join(prefix, 'node_modules/@rumdl/cli-linux-x64/rumdl');
  if (existsSync(bin)) return bin;
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  mkdirSync(prefix, { recursive: true });
  const r = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, `@rumdl/cli-linux-x64@${RUMDL_VERSION}`], {
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    console.log(`rumdl: not installed (${r.stderr.trim().split('\n').pop()}); its column is left out`);
    return undefined;
  }
  return bin;
}

// markdownlint-cli2 with the snapshot's own configuration, minus its output formatters (not installed).
const mdlConfig = JSON.parse(
  readFileSync(join(corpus, '.markdownlint-cli2.jsonc'), 'utf8')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/,(\s*[}\]])/g, '$1'),
);
delete mdlConfig.outputFormatters;
// On a copy of the snapshot (it is read-only, and markdownlint-cli2 always reads the configuration
// file of the folder it runs in); the cached re-runs below edit a page of the copy afterwards.
const copy = join(scratch, 'corpus');
cpSync(corpus, copy, { recursive: true });
writeFileSync(join(copy, '.markdownlint-cli2.jsonc'), JSON.stringify(mdlConfig));
const mdl = join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');

// The read floor: list and read every file career-lint checks, once, in one Node process.
const floorScript = join(scratch, 'floor.mjs');
writeFileSync(
  floorScript,
  `import { readdirSync, readFileSync } from 'node:fs';
const out = [];
const walk = (d) => { for (const e of readdirSync(d, { withFileTypes: true })) { if (e.name.startsWith('.')) continue; const p = d + '/' + e.name; if (e.isDirectory()) walk(p); else if (/\\.(md|markdown)$/.test(e.name)) out.push(p); } };
walk(process.argv[2] + '/content'); walk(process.argv[2] + '/assets');
let bytes = 0; for (const f of out) bytes += readFileSync(f, 'utf8').length;
console.log(out.length, bytes);
`,
);

const cli = join(root, 'dist/cli.js');
const tools = [
  { name: 'career-lint', run: () => measure('career-lint', process.execPath, [cli, corpus, '--format', 'json', '--output', join(scratch, 'ours.json')]) },
  {
    name: 'career-lint --jobs 2',
    run: () => measure('career-lint', process.execPath, [cli, corpus, '--jobs', '2', '--format', 'json', '--output', join(scratch, 'ours2.json')]),
  },
  { name: 'read floor', run: () => measure('read floor', process.execPath, [floorScript, corpus], { ok: [0] }) },
];
const rumdl = rumdlBinary();
if (rumdl) tools.push({ name: `rumdl ${RUMDL_VERSION}`, run: () => measure('rumdl', rumdl, ['check', '--no-cache', '.'], { cwd: corpus }) });
const mdlRuns = Math.min(2, runs);
tools.push({
  name: 'markdownlint-cli2',
  runs: mdlRuns,
  run: () => measure('markdownlint-cli2', process.execPath, [mdl, '**/*.md'], { cwd: copy }),
});

console.log(`bench: ${runs} interleaved runs on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'})`);
const results = new Map(tools.map((t) => [t.name, { ms: [], peakMB: [] }]));
for (let i = 0; i < runs; i++) {
  for (const t of tools) {
    if (i >= (t.runs ?? runs)) continue;
    const r = t.run();
    results.get(t.name).ms.push(r.ms);
    results.get(t.name).peakMB.push(r.peakMB);
    process.stdout.write(`  run ${i + 1}: ${t.name} ${r.ms.toFixed(0)} ms\n`);
  }
}
const files = JSON.parse(readFileSync(join(scratch, 'ours.json'), 'utf8')).files;
const same = readFileSync(join(scratch, 'ours.json'), 'utf8') === readFileSync(join(scratch, 'ours2.json'), 'utf8');
if (!same) throw new Error('career-lint on several threads reported something else than on one');

// ---- the cached re-run after one page changed (on a copy: the snapshot is read-only) ----------

const cacheFile = join(scratch, 'cache.json');
const cached = () =>
  measure('career-lint --cache', process.execPath, [
    cli,
    copy,
    '--cache',
    '--cache-location',
    cacheFile,
    '--format',
    'json',
    '--output',
    join(scratch, 'c.json'),
  ]);
const cold = cached();
const page = join(copy, 'content/handbook/engineering/careers/matrix/development/dev/backend/senior.md');
const cachedRuns = [];
for (let i = 0; i < runs; i++) {
  writeFileSync(page, `${readFileSync(page, 'utf8')}\nOne more line ${i}.\n`);
  cachedRuns.push(cached().ms);
}

// ---- the language server over stdio ------------------------------------------------------------

const lsp = await new Promise((resolvePromise, reject) => {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'bench/lsp.ts'), corpus], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.on('close', (code) =>
    code === 0 ? resolvePromise(JSON.parse(out.trim().split('\n').pop())) : reject(new Error(`bench/lsp.ts failed (exit ${code})`)),
  );
});

// ---- the extension: bundle sizes, and loading the client bundle (with a stand-in for the vscode module) ----

const sizes = Object.fromEntries(
  ['client', 'server', 'cli', 'cli-bundle', 'web/client', 'web/server'].map((b) => [b, statSync(join(root, `dist/${b}.js`)).size]),
);
const loadScript = join(scratch, 'load.cjs');
writeFileSync(
  loadScript,
  `const Module = require('node:module');
const stub = new Proxy(function () {}, { get: (t, k) => (k === '__esModule' ? false : stub), apply: () => stub, construct: () => stub });
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) { return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest); };
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: stub };
const t = process.hrtime.bigint();
require(process.argv[2]);
console.log(Number(process.hrtime.bigint() - t) / 1e6);
`,
);
const loads = [];
for (let i = 0; i < runs; i++) loads.push(Number(spawnSync(process.execPath, [loadScript, join(root, 'dist/client.js')], { encoding: 'utf8' }).stdout.trim()));
// The browser's entry loads the same way (it needs nothing of Node), and its server bundle is
// evaluated with a Web Worker's globals and nothing of Node, up to listening (no messages yet).
const webLoads = [];
for (let i = 0; i < runs; i++)
  webLoads.push(Number(spawnSync(process.execPath, [loadScript, join(root, 'dist/web/client.js')], { encoding: 'utf8' }).stdout.trim()));
const workerScript = join(scratch, 'start-worker.cjs');
writeFileSync(
  workerScript,
  `const vm = require('node:vm');
const source = require('node:fs').readFileSync(process.argv[2], 'utf8');
const scope = { console, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, structuredClone, TextEncoder, TextDecoder, URL, MessageChannel, crypto, performance, atob, btoa,
  onmessage: null, postMessage() {}, addEventListener() {}, removeEventListener() {} };
scope.self = scope;
const context = vm.createContext(scope);
const t = process.hrtime.bigint();
vm.runInContext(source, context);
console.log(Number(process.hrtime.bigint() - t) / 1e6);
`,
);
const workerStarts = [];
for (let i = 0; i < runs; i++)
  workerStarts.push(Number(spawnSync(process.execPath, [workerScript, join(root, 'dist/web/server.js')], { encoding: 'utf8' }).stdout.trim()));

// ---- the table ---------------------------------------------------------------------------------

const m = (name) => median(results.get(name).ms);
const peak = (name) => Math.max(...results.get(name).peakMB);
const ours = m('career-lint');
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mb = (x) => (Number.isNaN(x) ? 'n/a' : `${x.toFixed(0)} MB`);
const rows = [...results.keys()].map(
  (name) => `| ${name} | ${fmt(m(name))} | ${(m(name) / ours).toFixed(2)} | ${mb(peak(name))} | ${results.get(name).ms.length} |`,
);
const rumdlName = rumdl ? `rumdl ${RUMDL_VERSION}` : undefined;
const verdict = (ok) => (ok ? 'met' : '**not met**');
const targets = [
  rumdlName && ['cold, no slower than rumdl', `${fmt(ours)} vs ${fmt(m(rumdlName))}`, verdict(ours <= m(rumdlName))],
  ['cold, 30 times faster than markdownlint-cli2', `${(m('markdownlint-cli2') / ours).toFixed(1)}×`, verdict(m('markdownlint-cli2') / ours >= 30)],
  ['cold, within 4 times the read floor (stretch)', `${(ours / m('read floor')).toFixed(1)}×`, verdict(ours / m('read floor') <= 4)],
  ['CLI peak memory ≤ 150 MB', mb(peak('career-lint')), verdict(peak('career-lint') <= 150)],
  ['cached re-run after one page changed ≤ 0.5 s', fmt(median(cachedRuns)), verdict(median(cachedRuns) <= 500)],
  ['edit → diagnostics, 220 KB page, after indexing: median ≤ 10 ms', `${lsp.afterIndex.median.toFixed(1)} ms`, verdict(lsp.afterIndex.median <= 10)],
  ['edit → diagnostics, 220 KB page, after indexing: worst ≤ 30 ms', `${lsp.afterIndex.worst.toFixed(1)} ms`, verdict(lsp.afterIndex.worst <= 30)],
  [
    'edit → diagnostics while the index builds: median ≤ 30 ms',
    `${lsp.duringIndex.median.toFixed(1)} ms (${lsp.duringIndex.n} edits)`,
    verdict(lsp.duringIndex.median <= 30),
  ],
  ['full index in the server ≤ 1.5 s', fmt(lsp.index), verdict(lsp.index <= 1500)],
  [
    'server memory after indexing ≤ 150 MB (settled: idle after the save)',
    `${mb(lsp.settled.rssMB)} (${mb(lsp.rssMB)} when the index is complete, peak ${mb(lsp.saved.peakMB)} while saving it)`,
    verdict(lsp.settled.rssMB <= 150),
  ],
  [
    "index restored from disk on restart ≤ 0.3 s (the server's own time)",
    `${fmt(lsp.restore.serverMs)} in the server, ${fmt(lsp.restore.ms)} from process start (${lsp.restore.restored} restored, ${lsp.restore.rebuilt} read)`,
    verdict(lsp.restore.serverMs <= 300),
  ],
  ['activation ≤ 100 ms (loading dist/client.js)', `${median(loads).toFixed(0)} ms`, verdict(median(loads) <= 100)],
  ['browser activation ≤ 100 ms (loading dist/web/client.js)', `${median(webLoads).toFixed(0)} ms`, verdict(median(webLoads) <= 100)],
].filter(Boolean);

const md = `# Benchmark results

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores (${availableParallelism()} available), ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}.
The handbook snapshot (${files} files); median of ${runs} interleaved runs (markdownlint-cli2: ${mdlRuns}); peak memory from GNU time.

## Whole handbook, cold

| tool | time | × career-lint | peak memory | runs |
| --- | --- | --- | --- | --- |
${rows.join('\n')}

career-lint runs on ${availableParallelism() >= 4 ? Math.min(4, availableParallelism()) : 1} thread(s) by default here (one below 4 cores); \`--jobs 2\` writes the same report, byte for byte.

## Cached re-run

Cold with an empty cache: ${fmt(cold.ms)}; after one page changed: median ${fmt(median(cachedRuns))} of ${cachedRuns.length}.

## Language server (stdio, measured by a client)

| what | median | worst |
| --- | --- | --- |
| edit → diagnostics on a 2 KB career page while the index builds (${lsp.duringIndex.n} edits) | ${lsp.duringIndex.median.toFixed(1)} ms | ${lsp.duringIndex.worst.toFixed(1)} ms |
| edit → diagnostics on the 220 KB page after indexing (${lsp.afterIndex.n} edits) | ${lsp.afterIndex.median.toFixed(1)} ms | ${lsp.afterIndex.worst.toFixed(1)} ms |

Full index: ${fmt(lsp.index)} from start. Server memory: ${mb(lsp.rssMB)} when the index is complete, ${mb(lsp.saved.rssMB)} once it is saved (peak ${mb(lsp.saved.peakMB)}), ${mb(lsp.settled.rssMB)} after ${lsp.settled.afterS} s idle (V8 gives back what the build left, about 8 s after the last work; sampled for 30 s).

Restart with the persisted index: ${fmt(lsp.restore.ms)} from start to a complete index (${fmt(lsp.restore.serverMs)} in the server), ${lsp.restore.restored} entries restored, ${lsp.restore.rebuilt} pages read; memory then ${mb(lsp.restore.rssMB)}.

## Extension

Bundles: client ${(sizes.client / 1024).toFixed(0)} KB, server ${(sizes.server / 1024).toFixed(0)} KB, CLI ${(sizes['cli-bundle'] / 1024).toFixed(0)} KB (and its ${(sizes.cli / 1024).toFixed(0)} KB launcher, which runs it with V8's code cache); in the browser, client ${(sizes['web/client'] / 1024).toFixed(0)} KB, Web Worker server ${(sizes['web/server'] / 1024).toFixed(0)} KB. Loading the client bundle: median ${median(loads).toFixed(0)} ms (the browser's: ${median(webLoads).toFixed(0)} ms); evaluating the worker's server bundle with a Web Worker's globals: median ${median(workerStarts).toFixed(0)} ms.

## Targets (issue 15)

| target | measured | |
| --- | --- | --- |
${targets.map((t) => `| ${t.join(' | ')} |`).join('\n')}
`;
writeFileSync(join(root, 'bench/results.md'), md);
console.log(`\n${md}`);
rmSync(scratch, { recursive: true, force: true });
