// career-lint in-process (runCli) and as the built executable: formats, exit codes, paths, config.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCli, type JsonReport } from '../../server/src/cli/cli';
import type { Host } from '../../server/src/core/host';
import { NodeHost, toCorePath } from '../../server/src/node/nodeHost';
import { repoRoot } from '../support/fixtureSite';
import { copyOfExample } from '../support/lspClient';
import { runCareerLint } from '../support/cliRun';

const cli = (args: string[], cwd = repoRoot) => runCareerLint(args, cwd);

const EP = 'examples/handbook/content/handbook/engineering/careers/matrix/quality/engineering-productivity';

describe('career-lint', () => {
  it('prints path:line:column severity code message, 1-based, relative to the working directory', async () => {
    const r = await cli([`${EP}/intermediate.md`]);
    assert.equal(r.code, 0);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines[0], `${EP}/intermediate.md:8:1 warning include-delimiter {{< include >}} leaves the file's Markdown unrendered: use {{% include %}}.`);
    assert.deepEqual(
      lines.map((l) => l.split(' ').slice(0, 3).join(' ')),
      [
        `${EP}/intermediate.md:8:1 warning include-delimiter`,
        `${EP}/intermediate.md:13:29 warning link-fragment`,
        `${EP}/intermediate.md:14:28 warning link-fragment`,
        `${EP}/intermediate.md:15:22 warning link-fragment`,
        `${EP}/intermediate.md:22:1 warning include-delimiter`,
        `${EP}/intermediate.md:26:1 warning include-delimiter`,
        `${EP}/intermediate.md:43:1 warning include-delimiter`,
      ],
    );
    assert.equal(r.stderr, '1 file checked: 0 errors, 7 warnings.\n');
  });

  it('writes the JSON report with 1-based start and end positions', async () => {
    const r = await cli(['--format', 'json', `${EP}/senior.md`]);
    assert.equal(r.code, 0);
    const report = JSON.parse(r.stdout) as JsonReport;
    assert.equal(report.files, 1);
    assert.deepEqual(Object.keys(report.diagnostics[0]), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
    assert.deepEqual(
      report.diagnostics.find((d) => d.code === 'link-fragment'),
      {
        file: `${EP}/senior.md`,
        line: 12,
        column: 29,
        endLine: 12,
        endColumn: 53,
        severity: 'warning',
        code: 'link-fragment',
        message: 'No anchor "#leadership-competencies" here; did you mean "#senior-leadership-competencies"?',
      },
    );
  });

  it('checks the content and include folders of a site root, and exits 1 when there are errors', async () => {
    const example = copyOfExample();
    try {
      const page = path.join(example.dir, 'content/handbook/broken.md');
      writeFileSync(page, '---\ntitle: "Broken"\n---\n\n## Broken\n\n{{% include "includes/none.md" %}}\n');
      writeFileSync(path.join(example.dir, 'README.md'), 'Not a page.\n');
      const r = await cli(['--format', 'json', '.'], example.dir);
      assert.equal(r.code, 1);
      const report = JSON.parse(r.stdout) as JsonReport;
      assert.equal(report.files, 27);
      assert.deepEqual(
        report.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`),
        [
          'content/handbook/broken.md:7:14 include-missing',
          'content/job-families/engineering/infrastructure/engineering-productivity-manager.md:47:42 level-reference',
        ],
      );
      assert.ok(!r.stdout.includes('README.md'));
      const out = path.join(example.dir, 'report.json');
      const r2 = await cli(['--format', 'json', '--output', out], path.join(example.dir, 'content'));
      assert.equal(r2.code, 1);
      assert.equal(r2.stdout, '');
      assert.equal((JSON.parse(readFileSync(out, 'utf8')) as JsonReport).files, 27);
    } finally {
      example.dispose();
    }
  });

  it('reports binary and huge files instead of reading them as pages', async () => {
    const example = copyOfExample();
    try {
      writeFileSync(path.join(example.dir, 'content/handbook/diagram.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
      writeFileSync(path.join(example.dir, 'content/handbook/huge.md'), '---\ntitle: x\n---\n' + 'word '.repeat(1024 * 1024));
      const r = await cli(['--format', 'json', 'content/handbook/diagram.md', 'content/handbook/huge.md'], example.dir);
      assert.equal(r.code, 1);
      assert.deepEqual(
        (JSON.parse(r.stdout) as JsonReport).diagnostics.map((d) => `${d.file} ${d.code} ${d.message}`),
        [
          'content/handbook/diagram.md file-unreadable This file is not checked: it is a binary file (8 bytes), not Markdown text.',
          'content/handbook/huge.md file-unreadable This file is not checked: it is too large to check (5.0 MB).',
        ],
      );
    } finally {
      example.dispose();
    }
  });

  it('expands globs', async () => {
    const r = await cli(['--format', 'json', 'examples/handbook/content/**/senior.md']);
    assert.equal((JSON.parse(r.stdout) as JsonReport).files, 1);
  });

  it('exits 2 on usage errors and unmatched paths', async () => {
    assert.equal((await cli(['--format', 'xml', EP])).code, 2);
    assert.equal((await cli(['--no-such-flag'])).code, 2);
    const r = await cli(['examples/handbook/content/nothing-here.md']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'career-lint: no Markdown files match examples/handbook/content/nothing-here.md\n');
    const dir = mkdtempSync(path.join(tmpdir(), 'career-cli-'));
    try {
      const none = await cli([], dir);
      assert.equal(none.code, 2);
      assert.match(none.stderr, /no Hugo site here/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 on configuration errors, naming the problem and its position', async () => {
    const example = copyOfExample();
    try {
      writeFileSync(path.join(example.dir, '.career-pages.jsonc'), '{\n  "rules": { "link-fragmnet": "off" }\n}\n');
      const r = await cli([], example.dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^\.career-pages\.jsonc:2:14 error config Unknown rule code "link-fragmnet"/m);
    } finally {
      example.dispose();
    }
  });

  it('applies severities from the configuration file and --config', async () => {
    const example = copyOfExample();
    try {
      const config = path.join(example.dir, 'strict.jsonc');
      writeFileSync(config, '{ "rules": { "link-fragment": "error", "include-delimiter": "off" } }');
      const r = await cli(['--config', config, '--format', 'json'], example.dir);
      assert.equal(r.code, 1);
      const report = JSON.parse(r.stdout) as JsonReport;
      assert.equal(report.diagnostics.filter((d) => d.code === 'include-delimiter').length, 0);
      assert.equal(report.diagnostics.filter((d) => d.code === 'link-fragment' && d.severity === 'error').length, 6);
    } finally {
      example.dispose();
    }
  });

  it('lists the rules, and prints help and version', async () => {
    const rules = await cli(['--list-rules']);
    assert.match(rules.stdout, /^include-missing\s+error\s+An include names a file/m);
    assert.match((await cli(['--help'])).stdout, /^Usage: career-lint/);
    assert.equal((await cli(['--version'])).stdout, '9.9.9\n');
  });

  it('reports a file it fails on as internal-error and checks the others (exit 1); cannot write the report: exit 2', async () => {
    // A disk that throws when one page is read: the failure is the tool's, not the page's.
    const disk = new NodeHost();
    const boom = toCorePath(path.join(repoRoot, `${EP}/senior.md`));
    const host: Host = {
      readFile: (p) => {
        if (p === boom) throw new Error('disk on fire');
        return disk.readFile(p);
      },
      exists: (p) => disk.exists(p),
      listFiles: (d) => disk.listFiles(d),
    };
    let stdout = '';
    let stderr = '';
    const code = await runCli(['--format', 'json', EP], { cwd: repoRoot, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), version: '9.9.9', host });
    assert.equal(code, 1, stderr);
    const report = JSON.parse(stdout) as JsonReport;
    assert.equal(report.files, 3);
    const failed = report.diagnostics.filter((d) => d.code === 'internal-error');
    assert.deepEqual(
      failed.find((d) => d.file.endsWith('/senior.md')),
      {
        file: `${EP}/senior.md`,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        severity: 'error',
        code: 'internal-error',
        message:
          'Career Pages failed while checking this file (disk on fire). Please report it with this file at https://github.com/handbook-career-pages/handbook-career-pages/issues.',
      },
    );
    // The sibling level page's ladder rules read senior.md too: those rules fail there, its other rules still report.
    assert.deepEqual(
      failed.map((d) => `${path.basename(d.file)}: ${d.message.split(' (')[0]}`),
      [
        'intermediate.md: Career Pages failed while running the rule ladder-missing-term on this file',
        'intermediate.md: Career Pages failed while running the rule ladder-term-spelling on this file',
        'senior.md: Career Pages failed while checking this file',
      ],
    );
    assert.ok(report.diagnostics.some((d) => d.file.endsWith('/intermediate.md') && d.code === 'link-fragment'));
    assert.deepEqual([...new Set(report.diagnostics.map((d) => d.file))].sort(), [`${EP}/_index.md`, `${EP}/intermediate.md`, `${EP}/senior.md`]);
    const dir = mkdtempSync(path.join(tmpdir(), 'career-out-'));
    try {
      const r = await cli(['--format', 'json', '--output', dir, `${EP}/senior.md`]);
      assert.deepEqual([r.code, r.stderr], [2, `career-lint: cannot write the report to ${dir}: EISDIR.\n`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs as the built executable', { skip: !existsSync(path.join(repoRoot, 'dist/cli.js')) && 'dist/cli.js is not built (npm run build)' }, () => {
    const r = spawnSync(process.execPath, ['dist/cli.js', '--format', 'json', 'examples/handbook'], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr); // the seed job-family page names a level it does not have
    assert.equal((JSON.parse(r.stdout) as JsonReport).files, 26);
  });
});
