// Fingerprints that survive unrelated edits, and baselines (--write-baseline, --baseline) on a copy of
// examples/handbook: lines and whole sections inserted above findings change no fingerprint, a new
// broken include is the only finding that fails the run, fixed entries are named.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { BaselineFile } from '../../server/src/cli/baseline';
import type { JsonReport } from '../../server/src/cli/cli';
import { copyOfExample } from '../support/lspClient';
import { checkCodeQuality, checkSarif, type CodeQualityIssue } from '../support/reportChecks';
import { runCareerLint } from '../support/cliRun';

const cli = (args: string[], cwd: string) => runCareerLint(args, cwd);

const EP = 'content/handbook/engineering/careers/matrix/quality/engineering-productivity';
const VALUES = 'assets/includes/engineering-careers/values-competency.md';
const LEADERSHIP = 'assets/includes/engineering-careers/senior-leadership-competency.md';
const TECHNICAL = 'assets/includes/engineering-careers/senior-technical-competency.md';
const JOB = 'content/job-families/engineering/infrastructure/engineering-productivity-manager.md';

/** Inserts `text` before the 1-based line `line` of a file of the site. */
function insertAt(dir: string, file: string, line: number, text: string): void {
  const p = path.join(dir, file);
  const lines = readFileSync(p, 'utf8').split('\n');
  lines.splice(line - 1, 0, ...text.split('\n'));
  writeFileSync(p, lines.join('\n'));
}

function replaceIn(dir: string, file: string, from: string, to: string): void {
  const p = path.join(dir, file);
  const text = readFileSync(p, 'utf8');
  assert.ok(text.includes(from), `${file} contains ${from}`);
  writeFileSync(p, text.replace(from, to));
}

/** Lines and whole sections above findings of six files (pages, include files, a job-family page), none of it a finding itself. */
function editAboveFindings(dir: string): void {
  insertAt(dir, `${EP}/intermediate.md`, 20, '### An Inserted Section\n\nSome text, and [a link](#an-inserted-section).\n');
  insertAt(dir, `${EP}/intermediate.md`, 7, 'An inserted line.\n');
  insertAt(dir, `${EP}/senior.md`, 8, 'Inserted\n\nlines.\n');
  for (const file of [VALUES, LEADERSHIP, TECHNICAL]) insertAt(dir, file, 1, 'Inserted text above the heading.\n');
  insertAt(dir, JOB, 30, 'A paragraph added here.\n');
}

const byFile = (issues: CodeQualityIssue[]) => issues.map((i) => `${i.location.path}:${i.location.lines.begin} ${i.check_name} ${i.fingerprint}`);

describe('fingerprints and baselines', () => {
  let example: { dir: string; dispose(): void };
  beforeEach(() => (example = copyOfExample()));
  afterEach(() => example.dispose());
  const codeQuality = async () => checkCodeQuality((await cli(['--format', 'codequality'], example.dir)).stdout);

  it('keeps every fingerprint when lines and whole sections are inserted above the findings', async () => {
    const before = await codeQuality();
    assert.equal(before.length, 15);
    editAboveFindings(example.dir);
    const after = await codeQuality();
    assert.deepEqual(after.map((i) => i.fingerprint).sort(), before.map((i) => i.fingerprint).sort());
    // The findings did move, every one: same fingerprints at other lines.
    const moved = after.filter((a) => before.find((b) => b.fingerprint === a.fingerprint)!.location.lines.begin !== a.location.lines.begin);
    assert.equal(moved.length, 15);
    assert.deepEqual(
      byFile(after)
        .filter((l) => l.startsWith(VALUES))
        .map((l) => l.split(' ').slice(0, 2).join(' ')),
      [`${VALUES}:3 heading-increment`],
    );
  });

  it('gives identical findings on one page different fingerprints, and a new one when the offending text changes', async () => {
    // Without the values page, the six links of values-competency.md to it are six identical findings in one section.
    rmSync(path.join(example.dir, 'content/handbook/values'), { recursive: true });
    const before = await codeQuality();
    const values = before.filter((i) => i.location.path === VALUES && i.check_name === 'link-page');
    assert.deepEqual(
      values.map((i) => i.description),
      Array(6).fill('No page at /handbook/values/ in this site.'),
    );
    assert.equal(new Set(values.map((i) => i.fingerprint)).size, 6);
    // Change the offending text of one finding: it is a new finding, the others keep theirs.
    replaceIn(example.dir, `${EP}/intermediate.md`, '[Technical Competencies](#technical-competencies)', '[Technical Competencies](#technical-competency)');
    const after = await codeQuality();
    const changed = after.filter((i) => !before.some((b) => b.fingerprint === i.fingerprint));
    assert.deepEqual(
      changed.map((i) => `${i.location.path}:${i.location.lines.begin} ${i.check_name}`),
      [`${EP}/intermediate.md:14 link-fragment`],
    );
    // Renaming the heading of a finding's section changes its context: that finding is new too.
    replaceIn(example.dir, `${EP}/intermediate.md`, '### Intermediate Leadership Competencies', '### Intermediate Leadership Skills');
    const renamed = (await codeQuality()).filter((i) => !after.some((b) => b.fingerprint === i.fingerprint));
    assert.deepEqual(
      renamed.map((i) => `${i.location.path}:${i.location.lines.begin} ${i.check_name}`),
      [`${EP}/intermediate.md:22 include-delimiter`],
    );
  });

  it('--write-baseline records the findings; with --baseline only a new broken include fails the run, after edits above the old findings', async () => {
    const wrote = await cli(['--write-baseline', 'baseline.json'], example.dir);
    // Recording is not judging: the findings are reported, the run does not fail on them.
    assert.equal(wrote.code, 0, wrote.stderr);
    assert.equal(wrote.stderr, 'career-lint: wrote the baseline baseline.json (15 findings).\n26 files checked: 1 error, 14 warnings.\n');
    const baseline = JSON.parse(readFileSync(path.join(example.dir, 'baseline.json'), 'utf8')) as BaselineFile;
    assert.deepEqual([baseline.format, baseline.version, baseline.toolVersion, baseline.findings.length], ['career-lint baseline', 1, '9.9.9', 15]);
    const levelReference = baseline.findings.find((f) => f.code === 'level-reference')!;
    assert.deepEqual(Object.keys(levelReference), ['fingerprint', 'file', 'code', 'message']);
    assert.equal(levelReference.file, JOB);

    editAboveFindings(example.dir);
    insertAt(example.dir, 'content/handbook/engineering/_index.md', 8, '{{% include "includes/engineering-careers/no-such-file.md" %}}\n');
    const r = await cli(['--baseline', 'baseline.json', '--format', 'json'], example.dir);
    assert.equal(r.code, 1, r.stderr);
    const report = JSON.parse(r.stdout) as JsonReport;
    assert.deepEqual(
      report.diagnostics.map((d) => `${d.file}:${d.line} ${d.severity} ${d.code}`),
      ['content/handbook/engineering/_index.md:8 error include-missing'],
    );
    assert.deepEqual(report.baseline, { file: 'baseline.json', known: 15, fixed: [] });
    assert.equal(r.stderr, 'career-lint: 15 findings listed in the baseline baseline.json are not reported; 0 baseline entries are fixed.\n');

    // The text report and its summary count only what the baseline does not list.
    const text = await cli(['--baseline', 'baseline.json'], example.dir);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /^content\/handbook\/engineering\/_index\.md:8:14 error include-missing /);
    assert.equal(text.stdout.split('\n').length, 2);
    assert.match(text.stderr, /\n26 files checked: 1 error, 0 warnings\.\n$/);
  });

  it('names the baseline entries that are fixed (standard error, JSON, SARIF) and passes when nothing is new', async () => {
    await cli(['--write-baseline', 'baseline.json'], example.dir);
    replaceIn(example.dir, JOB, 'working in working in', 'working in');
    replaceIn(example.dir, `${EP}/senior.md`, '[Values Alignment](#values-alignment)', '[Values Alignment](#senior-values-alignment)');
    const r = await cli(['--baseline', 'baseline.json', '--format', 'sarif', '--output', 'r.sarif', '--format', 'json'], example.dir);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as JsonReport;
    assert.deepEqual(report.diagnostics, []);
    assert.deepEqual(
      report.baseline!.fixed.map((f) => `${f.file} ${f.code}`),
      [`${EP}/senior.md link-fragment`, `${JOB} repeated-words`],
    );
    assert.equal(report.baseline!.known, 13);
    assert.equal(
      r.stderr,
      [
        'career-lint: 13 findings listed in the baseline baseline.json are not reported; 2 baseline entries are fixed:',
        `  fixed: ${EP}/senior.md link-fragment No anchor "#values-alignment" here; did you mean "#senior-values-alignment"?`,
        `  fixed: ${JOB} repeated-words "working in" is written twice in a row.`,
        '',
      ].join('\n'),
    );
    const sarif = checkSarif(readFileSync(path.join(example.dir, 'r.sarif'), 'utf8'));
    assert.deepEqual(sarif.runs[0].results, []);
    assert.deepEqual(sarif.runs[0].properties.baseline, report.baseline);
  });

  it('updates a baseline when both flags are given (read first, then written), and the checkout may move', async () => {
    await cli(['--write-baseline', 'baseline.json'], example.dir);
    replaceIn(example.dir, JOB, 'working in working in', 'working in');
    insertAt(example.dir, `${EP}/senior.md`, 9, '[a new broken link](#nowhere)\n');
    const r = await cli(['--baseline', 'baseline.json', '--write-baseline', 'baseline.json', '--format', 'sarif'], example.dir);
    assert.equal(r.code, 0, r.stderr); // the new finding is a warning
    const sarif = checkSarif(r.stdout);
    assert.deepEqual(
      sarif.runs[0].results.map((x: { ruleId: string; baselineState: string }) => `${x.ruleId} ${x.baselineState}`),
      ['link-fragment new'],
    );
    assert.equal(
      r.stderr,
      [
        'career-lint: wrote the baseline baseline.json (15 findings).',
        'career-lint: 14 findings listed in the baseline baseline.json are not reported; 1 baseline entry is fixed:',
        `  fixed: ${JOB} repeated-words "working in" is written twice in a row.`,
        '',
      ].join('\n'),
    );
    // The same site elsewhere (another checkout) matches the updated baseline: nothing new, nothing fixed.
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'career-moved-'));
    try {
      cpSync(example.dir, elsewhere, { recursive: true });
      const moved = await cli(['--baseline', 'baseline.json', '--format', 'json'], elsewhere);
      assert.equal(moved.code, 0, moved.stderr);
      assert.deepEqual((JSON.parse(moved.stdout) as JsonReport).baseline, { file: 'baseline.json', known: 15, fixed: [] });
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('a missing, unreadable or malformed baseline is a usage error (exit 2) that says what is wrong, before anything is checked; so is one that cannot be written', async () => {
    const write = (text: string) => writeFileSync(path.join(example.dir, 'b.json'), text);
    const usage = async (args: string[]) => {
      const r = await cli(args, example.dir);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stdout, '');
      return r.stderr;
    };
    assert.equal(await usage(['--baseline', 'none.json']), 'career-lint: the baseline none.json does not exist (write one with --write-baseline none.json).\n');
    assert.equal(await usage(['--baseline', 'content']), 'career-lint: cannot read the baseline content: EISDIR.\n');
    write('{ "format": "career-lint baseline", ');
    assert.match(await usage(['--baseline', 'b.json']), /^career-lint: the baseline b\.json is not valid JSON \(.+\)\.\n$/);
    write('[]');
    assert.equal(
      await usage(['--baseline', 'b.json']),
      'career-lint: the baseline b.json is not a career-lint baseline (it has no "format": "career-lint baseline").\n',
    );
    write('{ "format": "career-lint baseline", "version": 2, "findings": [] }');
    assert.equal(
      await usage(['--baseline', 'b.json']),
      'career-lint: the baseline b.json has version 2; this career-lint reads version 1 (write it again with --write-baseline).\n',
    );
    write('{ "format": "career-lint baseline", "version": 1, "toolVersion": "1", "findings": {} }');
    assert.equal(await usage(['--baseline', 'b.json']), 'career-lint: the baseline b.json is malformed: "findings" is not an array.\n');
    write('{ "format": "career-lint baseline", "version": 1, "toolVersion": "1", "findings": [{ "fingerprint": "x", "file": "a.md", "code": "c" }] }');
    assert.equal(
      await usage(['--baseline', 'b.json', '--write-baseline', 'b.json']),
      'career-lint: the baseline b.json is malformed: findings[0] has no "message" string.\n',
    );
    // Nothing was overwritten by the refused run.
    assert.match(readFileSync(path.join(example.dir, 'b.json'), 'utf8'), /"code": "c" \}\] \}$/);
    // A baseline that cannot be written is known only once the run is over: its reports are out, the exit status is 2.
    const unwritable = await cli(['--write-baseline', 'content'], example.dir);
    assert.equal(unwritable.code, 2);
    assert.equal(unwritable.stderr, 'career-lint: cannot write the baseline to content: EISDIR.\n');
  });

  it('never records or holds back a failure of the tool itself (internal-error)', async () => {
    await cli(['--write-baseline', 'baseline.json'], example.dir);
    const baseline = JSON.parse(readFileSync(path.join(example.dir, 'baseline.json'), 'utf8')) as BaselineFile;
    assert.ok(baseline.findings.every((f) => f.code !== 'internal-error'));
  });

  it('a run over some files (paths, --changed-since) names no entry of the other files fixed, and an update keeps their entries', async () => {
    await cli(['--write-baseline', 'baseline.json'], example.dir);
    const all = (JSON.parse(readFileSync(path.join(example.dir, 'baseline.json'), 'utf8')) as BaselineFile).findings;
    const others = all.filter((f) => !f.file.endsWith('senior.md'));
    assert.ok(others.length > 0 && others.length < all.length);
    const partial = await cli(['--baseline', 'baseline.json', '--write-baseline', 'baseline.json', `${EP}/senior.md`], example.dir);
    assert.equal(partial.code, 0, partial.stderr);
    assert.match(partial.stderr, /0 baseline entries are fixed\./);
    const after = (JSON.parse(readFileSync(path.join(example.dir, 'baseline.json'), 'utf8')) as BaselineFile).findings;
    assert.deepEqual(after.map((f) => f.fingerprint).sort(), all.map((f) => f.fingerprint).sort());
  });
});
