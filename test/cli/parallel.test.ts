// career-lint on several threads (server/src/cli/parallel.ts) gives the report one thread gives: the
// same findings, in the same order, with the same fingerprints; and --jobs is checked.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { defaultJobs } from '../../server/src/cli/parallel';
import { runCareerLint } from '../support/cliRun';
import { repoRoot } from '../support/fixtureSite';

const cliJs = path.join(repoRoot, 'dist/cli.js');
const skip = existsSync(cliJs) ? false : 'dist/cli.js is not built (npm run build)';
const corpus = path.resolve(repoRoot, '../shared/corpus/gitlab-handbook-2025-12');

function reports(site: string, jobs: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'career-jobs-'));
  try {
    const r = spawnSync(
      process.execPath,
      [cliJs, site, '--jobs', String(jobs), '--format', 'json', '--output', `${dir}/r.json`, '--format', 'codequality', '--output', `${dir}/cq.json`],
      { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 28 },
    );
    return { status: r.status, stderr: r.stderr, json: readFileSync(`${dir}/r.json`, 'utf8'), codequality: readFileSync(`${dir}/cq.json`, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('career-lint --jobs', () => {
  it('by default: one thread below 300 files or 4 cores, else one per core up to 4', () => {
    assert.deepEqual(
      [
        [299, 8],
        [4117, 2],
        [4117, 3],
        [300, 4],
        [4117, 16],
      ].map(([files, cores]) => defaultJobs(files, cores)),
      [1, 1, 1, 4, 4],
    );
  });

  it('three threads report exactly what one does on the example handbook', { skip }, () => {
    const one = reports('examples/handbook', 1);
    const three = reports('examples/handbook', 3);
    assert.equal(one.status, 1, one.stderr);
    assert.equal(three.status, one.status);
    assert.equal(three.stderr, one.stderr);
    assert.equal(three.json, one.json);
    assert.equal(three.codequality, one.codequality);
    assert.equal((JSON.parse(one.json) as { files: number }).files, 26);
  });

  it('on the whole handbook snapshot, two threads (the default there) report exactly what one does', {
    skip: skip || (existsSync(corpus) ? false : `the handbook snapshot is not at ${corpus} (it is in CI)`),
  }, () => {
    const one = reports(corpus, 1);
    const two = reports(corpus, 2);
    assert.equal(two.status, one.status, two.stderr);
    assert.equal(two.json, one.json);
    assert.equal(two.codequality, one.codequality);
    assert.ok((JSON.parse(one.json) as { diagnostics: unknown[] }).diagnostics.length > 1000);
  });

  it('takes a whole number from 1 to 64', async () => {
    for (const bad of ['0', '-1', 'two', '1.5', '65']) {
      const r = await runCareerLint([`--jobs=${bad}`, 'examples/handbook']);
      assert.equal(r.code, 2, bad);
      assert.equal(r.stderr.split('\n')[0], `career-lint: --jobs must be a whole number from 1 to 64, not "${bad}".`);
    }
  });
});
