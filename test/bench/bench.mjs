#!/usr/bin/env node
// `npm run bench`: speed, measured as ratios in one run (this machine is shared, so absolute times
// wander). Needs `npm run build` and the handbook snapshot (../shared/corpus/gitlab-handbook-2025-12).
//  1. Whole handbook: career-lint (every rule, the site index, include expansion) against
//     markdownlint-cli2 with its default rules on the same files, alternating, median of N runs.
//  2. Keystroke: re-checking the largest page after a one-character edit (the language server's
//     work per change), median and worst over many edits, in-process on the built server bundle's core.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname, '..');
const corpus = resolve(root, '../shared/corpus/gitlab-handbook-2025-12');
const runs = Number(process.argv[2] ?? 5);
if (!existsSync(corpus)) {
  console.log(`skipped: the handbook snapshot is not at ${corpus}`);
  process.exit(0);
}
if (!existsSync(join(root, 'dist/cli.js'))) {
  console.error('run `npm run build` first');
  process.exit(2);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (cmd, args, opts) => {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, status: r.status, stderr: r.stderr };
};

// markdownlint-cli2 with its default rules (the snapshot's own config names formatters that are not installed).
const scratch = mkdtempSync(join(tmpdir(), 'career-bench-'));
writeFileSync(join(scratch, '.markdownlint-cli2.jsonc'), JSON.stringify({ config: { default: true } }));
const mdl = join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
const ours = [];
const theirs = [];
for (let i = 0; i < runs; i++) {
  const a = time(process.execPath, [join(root, 'dist/cli.js'), corpus, '--format', 'json', '--output', join(scratch, 'ours.json')], { cwd: root });
  if (a.status !== 0 && a.status !== 1) throw new Error(a.stderr);
  ours.push(a.ms);
  const b = time(
    process.execPath,
    [mdl, '--config', join(scratch, '.markdownlint-cli2.jsonc'), `${corpus}/content/**/*.md`, `${corpus}/assets/includes/**/*.md`],
    { cwd: scratch },
  );
  theirs.push(b.ms);
}
const files = JSON.parse(readFileSync(join(scratch, 'ours.json'), 'utf8')).files;
console.log(`whole handbook (${files} files), median of ${runs}:`);
console.log(`  career-lint        ${median(ours).toFixed(0)} ms`);
console.log(`  markdownlint-cli2  ${median(theirs).toFixed(0)} ms`);
console.log(`  ratio              ${(median(ours) / median(theirs)).toFixed(2)} (career-lint time / markdownlint-cli2 time)`);

// Keystroke cost on the largest page, through the same core the server uses.
const build = spawnSync(
  join(root, 'node_modules/.bin/esbuild'),
  [
    join(root, 'test/bench/keystroke.ts'),
    '--bundle',
    '--platform=node',
    '--format=cjs',
    `--outfile=${join(scratch, 'keystroke.cjs')}`,
    '--main-fields=module,main',
    '--log-level=warning',
  ],
  { encoding: 'utf8' },
);
if (build.status !== 0) throw new Error(build.stderr);
const k = spawnSync(process.execPath, [join(scratch, 'keystroke.cjs'), corpus], { encoding: 'utf8' });
process.stdout.write(k.stdout);
if (k.status !== 0) throw new Error(k.stderr);
rmSync(scratch, { recursive: true, force: true });
