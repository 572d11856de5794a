// career-lint's baseline on a copy of the real handbook snapshot (../shared/corpus): a baseline is
// written, lines are inserted above every finding of every page (a YAML comment at the top of the
// front matter, two paragraphs after it), a new broken include is added, and only that include fails
// the run: every old fingerprint matched. (Include files are left as they are: text added at the
// top of one lands in the middle of the pages that include it, in lists and tables, and changes
// what those pages are.) Each CI report of both runs
// validates (test/support/reportChecks.ts). Counts and times are printed, never asserted on time.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BaselineFile } from '../../server/src/cli/baseline';
import { runCli, type JsonReport } from '../../server/src/cli/cli';
import { repoRoot } from '../support/fixtureSite';
import { checkCodeQuality, checkJunit, checkSarif } from '../support/reportChecks';

const corpus = path.resolve(repoRoot, '../shared/corpus/gitlab-handbook-2025-12');
const skip = !existsSync(corpus) && `the handbook snapshot is not at ${corpus} (it is in CI)`;

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const started = process.hrtime.bigint();
  const code = await runCli(args, { cwd, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), version: '9.9.9' });
  return { code, stdout, stderr, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** Lines above every finding of a page, none of them a finding: a YAML comment, paragraphs. */
function insertAbove(file: string): void {
  const text = readFileSync(file, 'utf8');
  const m = /^---\r?\n([\s\S]*?\r?\n)?---[ \t]*\r?\n/.exec(text);
  assert.ok(m, `${file} starts with front matter`);
  const open = text.indexOf('\n') + 1;
  writeFileSync(
    file,
    text.slice(0, open) +
      '# a comment added above\n' +
      text.slice(open, m[0].length) +
      '\nA paragraph added above.\n\nAnother one.\n' +
      text.slice(m[0].length),
  );
}

describe('corpus: career-lint baseline on a copy of gitlab-handbook-2025-12', { skip }, () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'career-corpus-'));
    cpSync(corpus, dir, { recursive: true });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a baseline; after lines inserted above every finding and a new broken include, only that include fails', async (t) => {
    const reports = (n: number) => [
      '--format',
      'codequality',
      '--output',
      `cq${n}.json`,
      '--format',
      'sarif',
      '--output',
      `r${n}.sarif`,
      '--format',
      'junit',
      '--output',
      `junit${n}.xml`,
    ];
    const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');

    const first = await cli(['--write-baseline', 'baseline.json', ...reports(1)], dir);
    assert.equal(first.code, 0, first.stderr);
    const baseline = JSON.parse(read('baseline.json')) as BaselineFile;
    // The summary counts errors, warnings and the rest (info and hints: markdownlint-unneeded's one);
    // test/corpus/corpus.test.ts pins the findings themselves. Here, every report and the baseline agree.
    const summary =
      /^career-lint: wrote the baseline baseline\.json \((\d+) findings\)\.\n(\d+) files checked: (\d+) errors?, (\d+) warnings?(?:, (\d+) other)?\.\n$/.exec(
        first.stderr,
      );
    assert.ok(summary, first.stderr);
    const [count, checked, errors, warnings, other] = summary.slice(1).map((n) => Number(n ?? 0));
    assert.deepEqual({ count, checked, errors, warnings, other }, { count: 1623, checked: 4117, errors: 6, warnings: 1616, other: 1 });
    assert.equal(count, errors + warnings + other);
    assert.equal(baseline.findings.length, count);
    const issues = checkCodeQuality(read('cq1.json'));
    assert.equal(issues.length, count);
    assert.equal(checkSarif(read('r1.sarif')).runs[0].results.length, count);
    const junit = checkJunit(read('junit1.xml'));
    assert.equal(junit.cases.length, checked);
    t.diagnostic(
      `${checked} files checked, ${errors} errors, ${warnings} warnings, ${other} other; baseline: ${baseline.findings.length} findings in ${new Set(baseline.findings.map((f) => f.file)).size} files, ${Buffer.byteLength(read('baseline.json'))} bytes; ` +
        `junit: ${junit.suite.failures} failed cases; run with 3 reports and the baseline: ${first.seconds.toFixed(1)} s`,
    );

    const files = [...new Set(issues.map((i) => i.location.path))].filter((f) => f.startsWith('content/'));
    for (const f of files) insertAbove(path.join(dir, f));
    const moved = issues.filter((i) => i.location.path.startsWith('content/')).length;
    const page = 'content/handbook/_index.md';
    writeFileSync(path.join(dir, page), readFileSync(path.join(dir, page), 'utf8') + '\n{{% include "includes/no-such-file.md" %}}\n');

    const second = await cli(['--baseline', 'baseline.json', '--format', 'json', ...reports(2)], dir);
    assert.equal(second.code, 1, second.stderr);
    const json = JSON.parse(second.stdout) as JsonReport;
    assert.deepEqual(
      json.diagnostics.map((d) => `${d.file} ${d.severity} ${d.code}`),
      [`${page} error include-missing`],
    );
    assert.deepEqual(json.baseline, { file: 'baseline.json', known: count, fixed: [] });
    assert.equal(second.stderr, `career-lint: ${count} findings listed in the baseline baseline.json are not reported; 0 baseline entries are fixed.\n`);
    assert.deepEqual(
      checkCodeQuality(read('cq2.json')).map((i) => `${i.location.path} ${i.check_name}`),
      [`${page} include-missing`],
    );
    const sarif = checkSarif(read('r2.sarif'));
    assert.deepEqual(
      sarif.runs[0].results.map((r: { ruleId: string; baselineState: string }) => `${r.ruleId} ${r.baselineState}`),
      ['include-missing new'],
    );
    assert.equal(checkJunit(read('junit2.xml')).suite.failures, '1');
    t.diagnostic(
      `lines inserted above ${moved} findings in ${files.length} pages; run with --baseline: ${second.seconds.toFixed(1)} s; 1 new finding, 0 fixed`,
    );
  });
});
