// career-lint --fix and --fix --dry-run: the editor's fix all, written safely (exact texts, line
// breaks, BOM, mode, links), files it cannot parse left alone, the diff, a second run that changes
// nothing; and on a copy of the real handbook, the fixable findings before and after.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { JsonReport } from '../../server/src/cli/cli';
import { DISK_WRITER, fixFiles, type FileWriter } from '../../server/src/cli/fix';
import type { Diagnostic } from '../../server/src/core/diagnostic';
import type { Host } from '../../server/src/core/host';
import { NodeHost, toCorePath } from '../../server/src/node/nodeHost';
import { lintSite, repoRoot } from '../support/fixtureSite';
import { copyOfExample } from '../support/lspClient';
import { runCareerLint } from '../support/cliRun';

const cli = (args: string[], cwd: string, host?: Host) => runCareerLint(args, cwd, host);

const EP = 'content/handbook/engineering/careers/matrix/quality/engineering-productivity';
const JOB = 'content/job-families/engineering/infrastructure/engineering-productivity-manager.md';

/** Every file below a folder: its bytes, or where a symbolic link points (links are not followed). */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      const stat = lstatSync(p);
      if (stat.isSymbolicLink()) out.set(path.relative(dir, p), `link to ${readlinkSync(p)}`);
      else if (stat.isDirectory()) walk(p);
      else out.set(path.relative(dir, p), readFileSync(p).toString('base64'));
    }
  };
  walk(dir);
  return out;
}

/** The files whose snapshot differs. */
function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k)).sort();
}

/** `text` with `from` (which it holds exactly once) replaced by `to`. */
function replaceOnce(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `"${from}" occurs once`);
  return text.replace(from, () => to);
}

function read(dir: string, rel: string): string {
  return readFileSync(path.join(dir, rel), 'utf8');
}

const INCLUDES = 'assets/includes/engineering-careers';
const COMPETENCY_FILES = [
  'intermediate-leadership-competency.md',
  'intermediate-technical-competency.md',
  'senior-leadership-competency.md',
  'senior-technical-competency.md',
  'values-competency.md',
];

const FIX_LINES = [
  `${EP}/intermediate.md: include-delimiter: Use {{% %}}`,
  `${EP}/intermediate.md: link-fragment: Change to "#intermediate-leadership-competencies"`,
  `${EP}/intermediate.md: link-fragment: Change to "#intermediate-technical-competencies"`,
  `${EP}/intermediate.md: link-fragment: Change to "#intermediate-values-alignment"`,
  `${EP}/intermediate.md: include-delimiter: Use {{% %}}`,
  `${EP}/intermediate.md: include-delimiter: Use {{% %}}`,
  `${EP}/intermediate.md: include-delimiter: Use {{% %}}`,
  // Its links now lead to the page's own headings, which markdownlint sees too.
  `${EP}/intermediate.md: markdownlint-unneeded: Remove the markdownlint MD051 comments`,
  `${EP}/senior.md: link-fragment: Change to "#senior-leadership-competencies"`,
  `${EP}/senior.md: link-fragment: Change to "#senior-technical-competencies"`,
  `${EP}/senior.md: link-fragment: Change to "#senior-values-alignment"`,
  `${JOB}: repeated-words: Remove the repeated "working in"`,
  `${JOB}: level-reference: Change to "Engineering Manager, Engineering Productivity"`,
  // Then the include files, against the fixed pages: each competency file lands under a ### on every
  // page that includes it (intermediate.md's now render), and starts at #####.
  ...COMPETENCY_FILES.map((f) => `${INCLUDES}/${f}: heading-increment: Start the file at level 4 (every heading 1 level up)`),
];

describe('career-lint --fix', () => {
  it('writes what fix all gives, says what it fixed, reports what is left; a second --fix changes nothing', async () => {
    const example = copyOfExample();
    try {
      const before = snapshot(example.dir);
      const original = (rel: string) => Buffer.from(before.get(rel)!, 'base64').toString('utf8');
      const r = await cli(['--fix'], example.dir);
      assert.equal(r.code, 0, r.stderr); // the level-reference error is fixed
      const after = snapshot(example.dir);
      assert.deepEqual(changed(before, after), [...COMPETENCY_FILES.map((f) => `${INCLUDES}/${f}`), `${EP}/intermediate.md`, `${EP}/senior.md`, JOB]);
      for (const f of COMPETENCY_FILES) {
        const text = original(`${INCLUDES}/${f}`);
        assert.match(text, /^##### \w+\n/);
        assert.equal(read(example.dir, `${INCLUDES}/${f}`), text.slice(1)); // its one heading, level 4
      }

      let job = replaceOnce(original(JOB), 'Experience working in working in a remote', 'Experience working in a remote');
      job = replaceOnce(job, 'listed for Engineering Productivity Team Manager.', 'listed for Engineering Manager, Engineering Productivity.');
      assert.equal(read(example.dir, JOB), job);
      let senior = original(`${EP}/senior.md`);
      for (const part of ['leadership-competencies', 'technical-competencies', 'values-alignment'])
        senior = replaceOnce(senior, `(#${part})`, `(#senior-${part})`);
      assert.equal(read(example.dir, `${EP}/senior.md`), senior);
      let intermediate = original(`${EP}/intermediate.md`);
      for (const part of ['leadership-competencies', 'technical-competencies', 'values-alignment'])
        intermediate = replaceOnce(intermediate, `(#${part})`, `(#intermediate-${part})`);
      intermediate = intermediate.replace(/\{\{< (include "[^"]+") >\}\}/g, '{{% $1 %}}');
      intermediate = replaceOnce(intermediate, '<!-- markdownlint-disable MD051 -->\n', '');
      intermediate = replaceOnce(intermediate, '<!-- markdownlint-enable MD051 -->\n', '');
      assert.equal(read(example.dir, `${EP}/intermediate.md`), intermediate);
      assert.ok(!intermediate.includes('{{<'));

      // What was fixed, then the count, then the summary of the report of what is left.
      assert.equal(r.stderr, [...FIX_LINES, 'career-lint: fixed 18 problems in 8 files.', '26 files checked: 0 errors, 0 warnings.', ''].join('\n'));
      // The report is of the fixed files: what a plain run over them says.
      const plain = await cli([], example.dir);
      assert.equal(r.stdout, plain.stdout);
      assert.equal(r.stdout, '');

      const again = await cli(['--fix'], example.dir);
      assert.deepEqual([again.code, again.stderr], [0, 'career-lint: fixed 0 problems in 0 files.\n26 files checked: 0 errors, 0 warnings.\n']);
      assert.deepEqual(changed(after, snapshot(example.dir)), []);
    } finally {
      example.dispose();
    }
  });

  it('keeps CRLF, lone CR and a byte order mark exactly, and the mode of the file', async () => {
    const example = copyOfExample();
    try {
      const page = (name: string) => path.join(example.dir, 'content/handbook', name);
      const body = (eol: string, kind: string) =>
        ['---', 'title: "Line breaks"', `description: "${kind}"`, '---', '', '## Teams', '', '#### How we work', '', 'We write pages.', ''].join(eol);
      writeFileSync(page('crlf.md'), body('\r\n', 'CRLF'));
      writeFileSync(page('cr.md'), body('\r', 'CR'));
      writeFileSync(page('bom.md'), '\uFEFF## Byte order mark\r\n\r\n| A | B |\r\n| --- |\r\n| 1 | 2 |\r\n');
      chmodSync(page('crlf.md'), 0o640);
      chmodSync(page('bom.md'), 0o755);
      const r = await cli(['--fix', 'content/handbook/crlf.md', 'content/handbook/cr.md', 'content/handbook/bom.md'], example.dir);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(readFileSync(page('crlf.md'), 'utf8'), body('\r\n', 'CRLF').replace('#### How', '### How'));
      assert.equal(readFileSync(page('cr.md'), 'utf8'), body('\r', 'CR').replace('#### How', '### How'));
      const bom = readFileSync(page('bom.md'));
      assert.deepEqual([...bom.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      assert.equal(
        bom.toString('utf8'),
        '\uFEFF---\r\ntitle: "Byte order mark"\r\ndescription: ""\r\n---\r\n\r\n## Byte order mark\r\n\r\n| A | B |\r\n| --- | --- |\r\n| 1 | 2 |\r\n',
      );
      assert.equal(statSync(page('crlf.md')).mode & 0o777, 0o640);
      assert.equal(statSync(page('bom.md')).mode & 0o777, 0o755);
      assert.deepEqual(
        readdirSync(path.join(example.dir, 'content/handbook')).filter((n) => n.includes('career-lint')),
        [],
      ); // no temporary file left
      assert.equal(
        r.stderr,
        [
          'content/handbook/bom.md: frontmatter-missing: Add front matter with a title',
          'content/handbook/bom.md: table-shape: Make the delimiter row 2 cells wide',
          'content/handbook/cr.md: heading-increment: Make it a level-3 heading',
          'content/handbook/crlf.md: heading-increment: Make it a level-3 heading',
          'career-lint: fixed 4 problems in 3 files.',
          '3 files checked: 0 errors, 0 warnings.',
          '',
        ].join('\n'),
      );
    } finally {
      example.dispose();
    }
  });

  it('leaves alone what it cannot parse: binary, broken front matter, not UTF-8, a link out of the site; writes a link inside the site at its target', async () => {
    const example = copyOfExample();
    const outside = mkdtempSync(path.join(tmpdir(), 'career-outside-'));
    try {
      const jump = '## Teams\n\n#### How we work\n';
      const dir = path.join(example.dir, 'content/handbook/odd');
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'diagram.md'), Buffer.concat([Buffer.from('---\ntitle: "x"\n---\n\n' + jump), Buffer.from([0, 1, 2])]));
      writeFileSync(path.join(dir, 'broken-yaml.md'), '---\ntitle: [unclosed\n---\n\n' + jump);
      writeFileSync(path.join(dir, 'unclosed.md'), '---\ntitle: "Never closed"\n\n' + jump); // all front matter: nothing to fix
      writeFileSync(path.join(dir, 'latin1.md'), Buffer.concat([Buffer.from('---\ntitle: "Caf'), Buffer.from([0xe9]), Buffer.from('"\n---\n\n' + jump)]));
      writeFileSync(path.join(outside, 'page.md'), '---\ntitle: "Outside"\n---\n\n' + jump);
      symlinkSync(path.join(outside, 'page.md'), path.join(dir, 'outside.md'));
      writeFileSync(path.join(example.dir, 'content/target.md'), '---\ntitle: "Target"\n---\n\n' + jump);
      symlinkSync('../../target.md', path.join(dir, 'inside.md'));
      const before = snapshot(example.dir);
      const outsideBefore = snapshot(outside);

      const r = await cli(['--fix', '--format', 'json', 'content/handbook/odd'], example.dir);
      assert.deepEqual(changed(before, snapshot(example.dir)), ['content/target.md'], r.stderr);
      assert.deepEqual(changed(outsideBefore, snapshot(outside)), []);
      assert.equal(readlinkSync(path.join(dir, 'inside.md')), '../../target.md'); // still a link
      assert.equal(read(example.dir, 'content/target.md'), '---\ntitle: "Target"\n---\n\n## Teams\n\n### How we work\n');
      assert.equal(
        r.stderr,
        [
          'career-lint: not fixed content/handbook/odd/broken-yaml.md: its front matter cannot be read (frontmatter-syntax): Hugo cannot build the page; fix it by hand first',
          'content/handbook/odd/inside.md: heading-increment: Make it a level-3 heading',
          'career-lint: not fixed content/handbook/odd/latin1.md: it is not valid UTF-8 (file-encoding): its text would replace the bytes shown as "�"',
          'career-lint: fixed 1 problem in 1 file.',
          '',
        ].join('\n'),
      );
      const report = JSON.parse(r.stdout) as JsonReport;
      assert.deepEqual(
        report.diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`),
        [
          'content/handbook/odd/broken-yaml.md:2 frontmatter-syntax',
          'content/handbook/odd/broken-yaml.md:7 heading-increment',
          'content/handbook/odd/diagram.md:1 file-unreadable',
          'content/handbook/odd/latin1.md:2 file-encoding',
          'content/handbook/odd/latin1.md:7 heading-increment',
          'content/handbook/odd/outside.md:1 file-unreadable',
          'content/handbook/odd/unclosed.md:1 frontmatter-syntax',
        ],
      );
      assert.equal(r.code, 1);
    } finally {
      example.dispose();
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('does not write a file whose check failed (internal-error), and fixes the others', async () => {
    const example = copyOfExample();
    try {
      const disk = new NodeHost();
      const boom = toCorePath(path.join(example.dir, `${EP}/senior.md`));
      const host: Host = {
        readFile: (p) => {
          if (p === boom) throw new Error('disk on fire');
          return disk.readFile(p);
        },
        exists: (p) => disk.exists(p),
        listFiles: (d) => disk.listFiles(d),
      };
      const before = snapshot(example.dir);
      const r = await cli(['--fix', '--format', 'json'], example.dir, host);
      assert.equal(r.code, 1);
      assert.deepEqual(changed(before, snapshot(example.dir)), [JOB]);
      // intermediate.md's ladder rules read senior.md, and failed.
      assert.equal(
        r.stderr,
        [
          `career-lint: not fixed ${EP}/intermediate.md: the tool failed while checking it (internal-error in the report), so it may not have read it right`,
          `${JOB}: repeated-words: Remove the repeated "working in"`,
          `${JOB}: level-reference: Change to "Engineering Manager, Engineering Productivity"`,
          'career-lint: fixed 2 problems in 1 file.',
          '',
        ].join('\n'),
      );
      const failed = (JSON.parse(r.stdout) as JsonReport).diagnostics.filter((d) => d.code === 'internal-error').map((d) => path.basename(d.file));
      assert.deepEqual(failed, ['intermediate.md', 'intermediate.md', 'senior.md']);
    } finally {
      example.dispose();
    }
  });

  it('skips a file that changed on disk after it was read, and one it cannot write, and says so', async () => {
    const example = copyOfExample();
    try {
      const senior = path.join(example.dir, `${EP}/senior.md`);
      const job = path.join(example.dir, JOB);
      const racing: FileWriter = {
        realpath: DISK_WRITER.realpath,
        read: (real) => {
          if (real === senior) writeFileSync(senior, 'Someone else saved this.\n');
          return DISK_WRITER.read(real);
        },
        replace: (real, bytes, mode) => {
          if (real === job) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
          DISK_WRITER.replace(real, bytes, mode);
        },
      };
      const jobBefore = readFileSync(job, 'utf8');
      let stderr = '';
      const files = [`${EP}/senior.md`, `${EP}/intermediate.md`, JOB].map((f) => toCorePath(path.join(example.dir, f)));
      const outcome = fixFiles({
        host: new NodeHost(),
        files,
        cwd: toCorePath(example.dir),
        dryRun: false,
        stdout: () => assert.fail('nothing on stdout'),
        stderr: (s) => (stderr += s),
        writer: racing,
      });
      assert.equal(readFileSync(senior, 'utf8'), 'Someone else saved this.\n');
      assert.equal(readFileSync(job, 'utf8'), jobBefore);
      assert.ok(read(example.dir, `${EP}/intermediate.md`).includes('(#intermediate-leadership-competencies)'));
      assert.deepEqual([outcome.files, outcome.fixes, outcome.failures], [1, 8, []]);
      assert.equal(
        stderr,
        [
          ...FIX_LINES.slice(0, 8),
          `career-lint: not fixed ${EP}/senior.md: it changed on disk after it was read, so nothing was written; run --fix again`,
          `career-lint: not fixed ${JOB}: it cannot be written (EACCES)`,
          'career-lint: fixed 8 problems in 1 file.',
          '',
        ].join('\n'),
      );
    } finally {
      example.dispose();
    }
  });
});

describe('career-lint --fix --dry-run', () => {
  it('writes nothing, prints the unified diff, and reports the files as --fix would leave them', async () => {
    const example = copyOfExample();
    try {
      writeFileSync(path.join(example.dir, 'content/handbook/bom.md'), '\uFEFF## Byte order mark\r\n\r\n| A | B |\r\n| --- |\r\n| 1 | 2 |\r\n');
      const before = snapshot(example.dir);
      const r = await cli(['--fix', '--dry-run', JOB, 'content/handbook/bom.md'], example.dir);
      assert.deepEqual(changed(before, snapshot(example.dir)), []);
      assert.equal(r.code, 0); // what --fix would leave has no error
      const diff = [
        '--- a/content/handbook/bom.md',
        '+++ b/content/handbook/bom.md',
        '@@ -1,5 +1,10 @@',
        '-\uFEFF## Byte order mark\r',
        '+\uFEFF---\r',
        '+title: "Byte order mark"\r',
        '+description: ""\r',
        '+---\r',
        ' \r',
        '+## Byte order mark\r',
        '+\r',
        ' | A | B |\r',
        '-| --- |\r',
        '+| --- | --- |\r',
        ' | 1 | 2 |\r',
        `--- a/${JOB}`,
        `+++ b/${JOB}`,
        '@@ -34,7 +34,7 @@',
        ' - Excellent analytical and problem-solving skills.',
        ' - Strong communication and interpersonal skills, with the ability to influence and collaborate with diverse stakeholders.',
        ' - Experience with developer tooling and infrastructure is a plus.',
        '-- Experience working in working in a remote environment.',
        '+- Experience working in a remote environment.',
        ' ',
        ' ### Senior Engineering Manager, Engineering Productivity',
        ' ',
        '@@ -44,7 +44,7 @@',
        ' ',
        ' #### Responsibilities',
        ' ',
        '-- All of the responsibilities listed for Engineering Productivity Team Manager.',
        '+- All of the responsibilities listed for Engineering Manager, Engineering Productivity.',
        ' - Develop and lead a high-performing Engineering Productivity team, fostering a strong team environment.',
        ' - Partner with senior engineering leadership to define the overall engineering productivity strategy and roadmap.',
        " - Manage the Engineering Productivity team's budget and resources.",
        '',
      ].join('\n');
      assert.equal(r.stdout, diff); // the text report after it is empty: nothing is left
      assert.equal(
        r.stderr,
        [
          'content/handbook/bom.md: frontmatter-missing: Add front matter with a title',
          'content/handbook/bom.md: table-shape: Make the delimiter row 2 cells wide',
          `${JOB}: repeated-words: Remove the repeated "working in"`,
          `${JOB}: level-reference: Change to "Engineering Manager, Engineering Productivity"`,
          'career-lint: --dry-run: would fix 4 problems in 2 files; nothing was written, and the report is of the files as --fix would leave them.',
          '2 files checked: 0 errors, 0 warnings.',
          '',
        ].join('\n'),
      );
    } finally {
      example.dispose();
    }
  });

  it('prints a diff that git apply turns into what --fix writes, and the same report', async () => {
    const dry = copyOfExample();
    const real = copyOfExample();
    try {
      for (const e of [dry, real])
        writeFileSync(path.join(e.dir, 'content/handbook/crlf.md'), '---\r\ntitle: "T"\r\ndescription: "D"\r\n---\r\n\r\n## A\r\n\r\n#### B\r\n');
      const report = (e: { dir: string }) => path.join(e.dir, '..', `${path.basename(e.dir)}-report.json`);
      const d = await cli(['--fix', '--dry-run', '--format', 'json', '--output', report(dry)], dry.dir);
      const f = await cli(['--fix', '--format', 'json', '--output', report(real)], real.dir);
      assert.equal(d.code, f.code);
      assert.deepEqual(JSON.parse(readFileSync(report(dry), 'utf8')), JSON.parse(readFileSync(report(real), 'utf8')));
      const applied = spawnSync('git', ['apply', '--whitespace=nowarn', '-'], { cwd: dry.dir, input: d.stdout, encoding: 'utf8' });
      assert.equal(applied.status, 0, applied.stderr);
      assert.deepEqual(changed(snapshot(real.dir), snapshot(dry.dir)), []);
      for (const e of [dry, real]) rmSync(report(e), { force: true });
    } finally {
      dry.dispose();
      real.dispose();
    }
  });
});

const corpus = path.resolve(repoRoot, '../shared/corpus/gitlab-handbook-2025-12');
const noCorpus = !existsSync(corpus) && `the handbook snapshot is not at ${corpus} (it is in CI)`;

/** Findings per code, and how many of them fix all would fix (a preferred fix of their own file that creates nothing). */
function counts(diagnostics: Diagnostic[]): { all: Record<string, number>; fixable: Record<string, number> } {
  const all: Record<string, number> = {};
  const fixable: Record<string, number> = {};
  for (const d of diagnostics) {
    all[d.code] = (all[d.code] ?? 0) + 1;
    if (d.fixes?.some((f) => f.preferred && !f.createFile && f.edits.length && f.edits.every((e) => e.file === d.file)))
      fixable[d.code] = (fixable[d.code] ?? 0) + 1;
  }
  return { all, fixable };
}

describe('career-lint --fix on a copy of the real handbook', { skip: noCorpus }, () => {
  it('repairs the fixable findings, and a second --fix finds none of them', async (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'career-fix-corpus-'));
    try {
      cpSync(corpus, dir, { recursive: true });
      const before = counts(lintSite(dir).diagnostics);
      assert.deepEqual(before.fixable, {
        'frontmatter-schema': 5,
        'heading-increment': 34,
        'link-fragment': 196,
        'link-page': 124,
        'markdownlint-unneeded': 1,
        'shortcode-in-code': 14,
        'table-shape': 17,
      });

      let started = performance.now();
      const first = await cli(['--fix', '--format', 'json'], dir);
      const firstMs = performance.now() - started;
      const fixedLine = first.stderr.split('\n').find((l) => l.startsWith('career-lint: fixed'));
      assert.equal(fixedLine, 'career-lint: fixed 401 problems in 270 files.');
      assert.equal(first.stderr.split('\n').filter((l) => l.startsWith('career-lint: not fixed')).length, 0);

      const after = counts(lintSite(dir).diagnostics);
      assert.deepEqual(after.fixable, {});
      // The report of the run is of the fixed files.
      const reported: Record<string, number> = {};
      for (const d of (JSON.parse(first.stdout) as JsonReport).diagnostics) reported[d.code] = (reported[d.code] ?? 0) + 1;
      assert.deepEqual(reported, after.all);
      // What is left: the findings without a fix, and what some fixes revealed: a link-page fix that
      // leads to a page without the link's anchor is a link-fragment finding now (12 of them).
      assert.deepEqual(before.all, {
        'frontmatter-schema': 34,
        'heading-increment': 34,
        'include-unused': 15,
        'link-fragment': 658,
        'link-page': 848,
        'markdownlint-unneeded': 1,
        'shortcode-in-code': 14,
        'table-shape': 19,
      });
      // Every heading jump is fixed: each of the 26 competency files once, for all its pages, and the
      // values page's 8 (##### under ##), whose fixes to level 3 reveal 7 more jumps, fixed to level
      // 4 (41 heading-increment fixes in all).
      assert.deepEqual(after.all, {
        'frontmatter-schema': 29,
        'include-unused': 15,
        'link-fragment': 474,
        'link-page': 724,
        'table-shape': 2,
      });

      const snap = snapshot(dir);
      started = performance.now();
      const second = await cli(['--fix', '--format', 'json'], dir);
      t.diagnostic(`--fix: ${(firstMs / 1000).toFixed(1)} s; the second --fix: ${((performance.now() - started) / 1000).toFixed(1)} s`);
      assert.equal(second.stderr, 'career-lint: fixed 0 problems in 0 files.\n');
      assert.equal(second.stdout, first.stdout);
      assert.deepEqual(changed(snap, snapshot(dir)), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
