// career-lint's CI reports: GitLab Code Quality, SARIF 2.1.0 (GitHub code scanning) and JUnit XML
// (GitLab test reports), each checked against its published schema or required fields
// (test/support/reportChecks.ts), with exact values for known findings.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { JsonReport } from '../../server/src/cli/cli';
import { junitReport } from '../../server/src/cli/reports/junit';
import { ruleDocUrl, type Diagnostic } from '../../server/src/core/diagnostic';
import { RULES } from '../../server/src/core/rules';
import { copyOfExample } from '../support/lspClient';
import { checkCodeQuality, checkJunit, checkSarif } from '../support/reportChecks';
import { runCareerLint } from '../support/cliRun';

const cli = (args: string[], cwd: string) => runCareerLint(args, cwd);

const BROKEN = 'content/handbook/broken.md';
const SPACED = 'content/handbook/my page.md';
const INTERMEDIATE = 'content/handbook/engineering/careers/matrix/quality/engineering-productivity/intermediate.md';

describe('CI reports', () => {
  let example: { dir: string; dispose(): void };
  let run: { code: number; stdout: string; stderr: string };
  const read = (name: string) => readFileSync(path.join(example.dir, name), 'utf8');

  before(async () => {
    example = copyOfExample();
    writeFileSync(path.join(example.dir, BROKEN), '---\ntitle: "Broken"\n---\n\n## Broken "quotes" & <tags>\n\n{{% include "includes/none&<x>.md" %}}\n');
    writeFileSync(path.join(example.dir, SPACED), '---\ntitle: "Spaced"\n---\n\n## Spaced\n\n[here](#nowhere)\n');
    run = await cli(
      [
        '--format',
        'sarif',
        '--output',
        'r.sarif',
        '--format',
        'codequality',
        '--output',
        'cq.json',
        '--format',
        'junit',
        '--output',
        'junit.xml',
        '--format',
        'json',
      ],
      example.dir,
    );
  });
  after(() => example.dispose());

  it('writes several reports in one run, each to its own file (the JSON one to standard output)', () => {
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.stderr, '');
    const json = JSON.parse(run.stdout) as JsonReport;
    assert.equal(json.files, 28);
    assert.equal(json.diagnostics.length, 17);
    assert.equal(checkCodeQuality(read('cq.json')).length, 17);
    assert.equal(checkSarif(read('r.sarif')).runs[0].results.length, 17);
    assert.equal(checkJunit(read('junit.xml')).cases.length, 28);
  });

  it("GitLab Code Quality: the required fields, severities in GitLab's words, paths relative to the repository", () => {
    const issues = checkCodeQuality(read('cq.json'));
    const missing = issues.find((i) => i.check_name === 'include-missing')!;
    assert.match(missing.fingerprint, /^[0-9a-f]{32}$/);
    assert.deepEqual(missing, {
      description: 'No include file "includes/none&<x>.md".',
      check_name: 'include-missing',
      fingerprint: missing.fingerprint,
      severity: 'major',
      location: { path: BROKEN, lines: { begin: 7 } },
    });
    assert.deepEqual([...new Set(issues.map((i) => i.severity))].sort(), ['major', 'minor']);
    assert.deepEqual(
      issues.filter((i) => i.location.path === INTERMEDIATE).map((i) => `${i.location.lines.begin} ${i.severity} ${i.check_name}`),
      [
        '8 minor include-delimiter',
        '13 minor link-fragment',
        '14 minor link-fragment',
        '15 minor link-fragment',
        '22 minor include-delimiter',
        '26 minor include-delimiter',
        '43 minor include-delimiter',
      ],
    );
  });

  it('SARIF: valid against the SARIF 2.1.0 schema, every rule with its doc page, results as GitHub code scanning takes them', () => {
    const log = checkSarif(read('r.sarif'));
    const run0 = log.runs[0];
    const driver = run0.tool.driver;
    assert.deepEqual(
      { name: driver.name, version: driver.version, semanticVersion: driver.semanticVersion, informationUri: driver.informationUri },
      { name: 'career-lint', version: '9.9.9', semanticVersion: '9.9.9', informationUri: 'https://github.com/handbook-career-pages/handbook-career-pages' },
    );
    assert.deepEqual(
      driver.rules.map((r: { id: string }) => r.id),
      [...RULES.map((r) => r.code), 'internal-error'],
    );
    const includeMissing = driver.rules.find((r: { id: string }) => r.id === 'include-missing');
    assert.deepEqual(includeMissing, {
      id: 'include-missing',
      name: 'include-missing',
      shortDescription: { text: "An include names a file that does not exist under the site's assets/ folder: the Hugo build fails." },
      fullDescription: { text: "An include names a file that does not exist under the site's assets/ folder: the Hugo build fails." },
      help: {
        text: `An include names a file that does not exist under the site's assets/ folder: the Hugo build fails.\n\nDocumentation: ${ruleDocUrl('include-missing')}`,
        markdown: `An include names a file that does not exist under the site's assets/ folder: the Hugo build fails.\n\n[Documentation of include-missing](${ruleDocUrl('include-missing')})`,
      },
      helpUri: 'https://github.com/handbook-career-pages/handbook-career-pages/blob/main/docs/rules/include-missing.md',
      defaultConfiguration: { level: 'error' },
    });
    assert.equal(run0.columnKind, 'utf16CodeUnits');
    assert.deepEqual(run0.originalUriBaseIds, { '%SRCROOT%': { uri: pathToFileURL(example.dir).href + '/' } });
    const fingerprint = checkCodeQuality(read('cq.json')).find((i) => i.check_name === 'include-missing')!.fingerprint;
    assert.deepEqual(
      run0.results.find((r: { ruleId: string }) => r.ruleId === 'include-missing'),
      {
        ruleId: 'include-missing',
        ruleIndex: RULES.findIndex((r) => r.code === 'include-missing'),
        level: 'error',
        message: { text: 'No include file "includes/none&<x>.md".' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: BROKEN, uriBaseId: '%SRCROOT%' },
              region: { startLine: 7, startColumn: 14, endLine: 7, endColumn: 34 },
            },
          },
        ],
        partialFingerprints: { primaryLocationLineHash: fingerprint, 'careerLintFingerprint/v1': fingerprint },
      },
    );
    // A path with a space is a URI reference: percent-encoded.
    assert.deepEqual(
      run0.results
        .filter((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
          r.locations[0].physicalLocation.artifactLocation.uri.includes('page'),
        )
        .map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri),
      ['content/handbook/my%20page.md'],
    );
    assert.deepEqual(run0.results.find((r: { ruleId: string }) => r.ruleId === 'heading-increment').level, 'warning');
  });

  it('JUnit: one test case per checked file, a failure per error finding, warnings in system-out (they do not fail the case)', () => {
    const { suite, cases } = checkJunit(read('junit.xml'));
    assert.deepEqual(suite, { name: 'career-lint', tests: '28', failures: '2', errors: '0', skipped: '0' });
    assert.deepEqual(
      cases.find((c) => c.name === BROKEN),
      {
        classname: 'career-lint',
        name: BROKEN,
        file: BROKEN,
        failures: [
          {
            message: 'No include file "includes/none&<x>.md".',
            type: 'include-missing',
            text: `${BROKEN}:7:14 error include-missing No include file "includes/none&<x>.md".`,
          },
        ],
        errors: [],
      },
    );
    const intermediate = cases.find((c) => c.name === INTERMEDIATE)!;
    assert.deepEqual(intermediate.failures, []);
    assert.deepEqual(
      intermediate.systemOut!.split('\n').map((l) => l.split(' ').slice(0, 3).join(' ')),
      [
        `${INTERMEDIATE}:8:1 warning include-delimiter`,
        `${INTERMEDIATE}:13:29 warning link-fragment`,
        `${INTERMEDIATE}:14:28 warning link-fragment`,
        `${INTERMEDIATE}:15:22 warning link-fragment`,
        `${INTERMEDIATE}:22:1 warning include-delimiter`,
        `${INTERMEDIATE}:26:1 warning include-delimiter`,
        `${INTERMEDIATE}:43:1 warning include-delimiter`,
      ],
    );
    assert.deepEqual(
      cases.find((c) => c.name === 'content/_index.md'),
      { classname: 'career-lint', name: 'content/_index.md', file: 'content/_index.md', failures: [], errors: [] },
    );
  });

  it('JUnit escapes markup, and replaces what XML 1.0 cannot carry (control characters, lone surrogates) with U+FFFD', () => {
    const file = '/repo/content/a.md';
    const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 1 } });
    const diagnostics: Diagnostic[] = [
      { file, code: 'include-missing', severity: 'error', message: 'a <b> & "c" \'d\'\u0000\u0007\ud800 line\nbreak\ttab', range: at(0) },
      { file, code: 'internal-error', severity: 'error', message: 'Career Pages failed ]]> here', range: at(0) },
      { file, code: 'link-page', severity: 'warning', message: 'warn <x>', range: at(2) },
    ];
    const xml = junitReport({ cwd: '/repo', root: '/repo', version: '1', files: [file], diagnostics, fingerprint: () => 'f' });
    const { suite, cases } = checkJunit(xml);
    assert.deepEqual(suite, { name: 'career-lint', tests: '1', failures: '1', errors: '0', skipped: '0' });
    assert.deepEqual(cases, [
      {
        classname: 'career-lint',
        name: 'content/a.md',
        file: 'content/a.md',
        failures: [
          {
            message: 'a <b> & "c" \'d\'\ufffd\ufffd\ufffd line\nbreak\ttab',
            type: 'include-missing',
            text: 'content/a.md:1:1 error include-missing a <b> & "c" \'d\'\ufffd\ufffd\ufffd line\nbreak\ttab',
          },
        ],
        errors: [
          { message: 'Career Pages failed ]]> here', type: 'internal-error', text: 'content/a.md:1:1 error internal-error Career Pages failed ]]> here' },
        ],
        systemOut: 'content/a.md:3:1 warning link-page warn <x>',
      },
    ]);
    // A file whose only error is the tool's own failure is an errored case, not a failed one.
    const tool = junitReport({ cwd: '/repo', root: '/repo', version: '1', files: [file], diagnostics: [diagnostics[1]], fingerprint: () => 'f' });
    assert.deepEqual(checkJunit(tool).suite, { name: 'career-lint', tests: '1', failures: '0', errors: '1', skipped: '0' });
  });

  it('CI report paths start at the repository root (the folder with .git), wherever in it career-lint runs; an empty report is []', async () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'career-repo-'));
    try {
      mkdirSync(path.join(repo, '.git'));
      cpSync(example.dir, path.join(repo, 'site'), { recursive: true });
      const site = path.join(repo, 'site');
      const r = await cli(['--format', 'codequality', BROKEN], site);
      assert.equal(r.code, 1);
      assert.deepEqual(
        checkCodeQuality(r.stdout).map((i) => i.location.path),
        [`site/${BROKEN}`],
      );
      const sarif = checkSarif((await cli(['--format', 'sarif', BROKEN], site)).stdout);
      assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, `site/${BROKEN}`);
      assert.equal(sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri, pathToFileURL(repo).href + '/');
      assert.equal(checkJunit((await cli(['--format', 'junit', BROKEN], site)).stdout).cases[0].name, `site/${BROKEN}`);
      // The JSON and text reports stay relative to the working directory.
      assert.equal((JSON.parse((await cli(['--format', 'json', BROKEN], site)).stdout) as JsonReport).diagnostics[0].file, BROKEN);
      const clean = await cli(['--format', 'codequality', 'content/_index.md'], site);
      assert.deepEqual([clean.code, clean.stdout], [0, '[]\n']);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});
