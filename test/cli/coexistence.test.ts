// markdownlint beside career-lint, on test/fixtures/coexistence (pages whose headings, anchors and
// reference definitions come from an include, shortcode arguments, tables, a title and a
// heading 1): what markdownlint-cli2 reports with every rule on, what it still reports with
// examples/ci/.markdownlint-cli2.jsonc, and what career-lint reports. The README's section
// "Beside markdownlint and rumdl" states these results; Hugo renders the included headings and
// definitions on the page (checked by hand with Hugo 0.111.3).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../server/src/cli/cli';
import { repoRoot } from '../support/fixtureSite';
import { copyOfExample } from '../support/lspClient';

const FIXTURE = path.join(repoRoot, 'test/fixtures/coexistence');
const FRAGMENT = path.join(repoRoot, 'examples/ci/.markdownlint-cli2.jsonc');
const MARKDOWNLINT = path.join(repoRoot, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');

/** markdownlint-cli2's findings in `dir`, as "file:line RULE" (its default output, on standard error). */
function markdownlint(dir: string, args: string[] = []): { status: number | null; findings: string[] } {
  const r = spawnSync(process.execPath, [MARKDOWNLINT, ...args, 'content/**/*.md', 'assets/**/*.md'], { cwd: dir, encoding: 'utf8' });
  const findings = r.stderr
    .split('\n')
    .map((l) => /^(\S+?):(\d+)(?::\d+)? error (MD\d+)\//.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[1]}:${m[2]} ${m[3]}`);
  return { status: r.status, findings };
}

describe('beside markdownlint (test/fixtures/coexistence)', () => {
  it('markdownlint-cli2 with every rule on misreads included headings, definitions and shortcode arguments', () => {
    const site = copyOfExample(FIXTURE);
    try {
      writeFileSync(path.join(site.dir, '.markdownlint-cli2.jsonc'), '{ "config": { "default": true } }\n');
      const r = markdownlint(site.dir);
      assert.equal(r.status, 1);
      assert.deepEqual(r.findings, [
        'assets/includes/competencies.md:1 MD041', // an include file starts at the level it lands on
        'content/handbook/includes.md:7 MD051', // #leadership: a heading of the include
        'content/handbook/includes.md:8 MD051', // #technical: likewise
        'content/handbook/includes.md:9 MD051', // #nowhere: really missing (career-lint: link-fragment)
        'content/handbook/includes.md:14 MD001', // h2 → h4 without the include's h3 between them
        'content/handbook/includes.md:16 MD052', // [guide] is defined in the include
        'content/handbook/includes.md:22 MD024', // a second "Intro" (Hugo: #intro-1, which MD051 accepts)
        'content/handbook/shortcodes.md:7 MD034', // a URL in a shortcode argument
        'content/handbook/shortcodes.md:9 MD037', // "a * b * c" in a shortcode argument
        'content/handbook/shortcodes.md:9 MD037',
        'content/handbook/shortcodes.md:11 MD011', // "(a|b)[0-9]+" in a shortcode argument
        'content/handbook/shortcodes.md:13 MD033', // the <span>, not the shortcode
        'content/handbook/shortcodes.md:15 MD034', // a real bare URL
        'content/handbook/tables.md:13 MD056', // a row too long; the delimiter row of line 7 goes unseen
        'content/handbook/titles.md:5 MD025', // a heading 1 besides the title
        'content/handbook/titles.md:7 MD001', // h1 → h3
      ]);
    } finally {
      site.dispose();
    }
  });

  it('with examples/ci/.markdownlint-cli2.jsonc it keeps only what career-lint does not check', () => {
    const site = copyOfExample(FIXTURE);
    try {
      const r = markdownlint(site.dir, ['--config', FRAGMENT]);
      assert.equal(r.status, 1);
      assert.deepEqual(r.findings, [
        'content/handbook/includes.md:16 MD052',
        'content/handbook/includes.md:22 MD024',
        'content/handbook/shortcodes.md:9 MD037',
        'content/handbook/shortcodes.md:9 MD037',
        'content/handbook/shortcodes.md:11 MD011',
        'content/handbook/shortcodes.md:13 MD033',
        'content/handbook/titles.md:5 MD025',
      ]);
    } finally {
      site.dispose();
    }
  });

  it('career-lint reports the missing anchor, both table defects and the jump, nothing on what includes provide', async () => {
    let stdout = '';
    let stderr = '';
    const code = await runCli([], { cwd: FIXTURE, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), version: '0.0.0' });
    assert.equal(code, 1);
    assert.deepEqual(
      stdout
        .trim()
        .split('\n')
        .map((l) => l.split(' ').slice(0, 3).join(' ')),
      [
        'content/handbook/includes.md:9:13 warning link-fragment',
        'content/handbook/tables.md:7:1 warning table-shape',
        'content/handbook/tables.md:13:1 error table-shape',
        'content/handbook/titles.md:7:5 warning heading-increment',
      ],
    );
    assert.equal(stderr, '7 files checked: 1 error, 3 warnings.\n');
  });

  it('the README shows examples/ci/.markdownlint-cli2.jsonc as it is', () => {
    assert.ok(
      readFileSync(path.join(repoRoot, 'README.md'), 'utf8').includes(readFileSync(FRAGMENT, 'utf8')),
      'README.md: paste examples/ci/.markdownlint-cli2.jsonc into "Beside markdownlint and rumdl"',
    );
  });
});
