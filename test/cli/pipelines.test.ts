// The ready-made pipelines of examples/ci/ and the pre-commit hook: each file is parsed, the
// career-lint commands it contains are run (the built dist/cli.js standing in for the installed
// command) on a copy of examples/handbook, and what they produce is read back: the Code Quality
// report, the baseline, the cache folder, the SARIF file. The other commands (installing the
// package) are checked to be the ones test/cli/package.test.ts exercises.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { repoRoot } from '../support/fixtureSite';
import { copyOfExample } from '../support/lspClient';

const CLI = path.join(repoRoot, 'dist/cli.js');
const built = existsSync(CLI) || 'dist/cli.js is not built (npm run build)';
const { name, version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
const TARBALL = `tools/${name}-${version}.tgz`;
const INSTALL = ['npm', 'install', '--no-save', '--no-audit', '--no-fund', TARBALL];
const SENIOR = 'content/handbook/engineering/careers/matrix/quality/engineering-productivity/senior.md';

function readYaml<T>(file: string): T {
  return parse(readFileSync(path.join(repoRoot, file), 'utf8')) as T;
}

/** A command line split into words as a POSIX shell does for these files: quotes, $VAR and ${VAR}. */
function words(command: string, vars: Record<string, string>): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (let m: RegExpExecArray | null; (m = re.exec(command)); ) {
    const expand = (s: string) => s.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, v: string) => vars[v] ?? '');
    out.push(m[2] !== undefined ? m[2] : expand(m[1] ?? m[3]));
  }
  return out;
}

/** The arguments of a career-lint command (`career-lint …`, `npx career-lint …`, `npx --no-install career-lint …`). */
function careerLintArgs(argv: string[]): string[] | undefined {
  const at = argv.indexOf('career-lint');
  if (at === 0 || (at > 0 && argv[0] === 'npx' && argv.slice(1, at).every((w) => w.startsWith('--')))) return argv.slice(at + 1);
  return undefined;
}

function careerLint(args: string[], cwd: string) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
}

/** The value after a flag in an argument list. */
function flag(args: string[], name: string): string {
  const at = args.indexOf(name);
  assert.ok(at >= 0 && at + 1 < args.length, `${name} is not given`);
  return args[at + 1];
}

const BROKEN_INCLUDE = '\n{{% include "includes/engineering-careers/senior-values-competency.md" %}}\n';

describe('examples/ci/.gitlab-ci.yml', { skip: built === true ? false : built }, () => {
  type Job = { script: string[]; cache?: { paths: string[] }; artifacts?: { reports?: { codequality?: string }; paths?: string[] } };
  const ci = readYaml<Record<string, unknown> & { variables: Record<string, string> }>('examples/ci/.gitlab-ci.yml');
  const job = ci['career-lint'] as Job;
  const baselineJob = ci['career-lint-baseline'] as Job;
  const commands = (j: Job) => j.script.map((s) => words(s, ci.variables));

  it('installs the packed tarball, then runs career-lint', () => {
    for (const j of [job, baselineJob]) {
      const [install, lint, ...rest] = commands(j);
      assert.deepEqual(install, INSTALL);
      assert.ok(careerLintArgs(lint), lint.join(' '));
      assert.deepEqual(rest, []);
    }
  });

  it('records a baseline, then fails only on a new finding, in the Code Quality report, with the cache kept', () => {
    const site = copyOfExample();
    try {
      // The manual job: today's findings become the baseline, and it passes.
      const write = careerLintArgs(commands(baselineJob)[1])!;
      const baselineFile = flag(write, '--write-baseline');
      assert.deepEqual(baselineJob.artifacts?.paths, [baselineFile]);
      const recorded = careerLint(write, site.dir);
      assert.equal(recorded.status, 0, recorded.stderr);
      const baseline = JSON.parse(readFileSync(path.join(site.dir, baselineFile), 'utf8')) as { format: string; findings: unknown[] };
      assert.equal(baseline.format, 'career-lint baseline');
      assert.equal(baseline.findings.length, 15);

      // The merge request job reads that baseline: nothing new, an empty report, and a cache.
      const lint = careerLintArgs(commands(job)[1])!;
      assert.equal(flag(lint, '--baseline'), baselineFile);
      const report = job.artifacts!.reports!.codequality!;
      assert.equal(flag(lint, '--output'), report);
      const cacheFolder = flag(lint, '--cache-location');
      assert.deepEqual(job.cache?.paths, [cacheFolder]);
      const clean = careerLint(lint, site.dir);
      assert.equal(clean.status, 0, clean.stderr);
      assert.deepEqual(JSON.parse(readFileSync(path.join(site.dir, report), 'utf8')), []);
      assert.ok(readdirSync(path.join(site.dir, cacheFolder)).length > 0, 'the cache folder is empty');

      // A new broken include: only it is reported, and it fails the job.
      writeFileSync(path.join(site.dir, SENIOR), readFileSync(path.join(site.dir, SENIOR), 'utf8') + BROKEN_INCLUDE);
      const broken = careerLint(lint, site.dir);
      assert.equal(broken.status, 1, broken.stderr);
      const issues = JSON.parse(readFileSync(path.join(site.dir, report), 'utf8')) as {
        check_name: string;
        severity: string;
        location: { path: string; lines: { begin: number } };
      }[];
      assert.deepEqual(
        issues.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines.begin]),
        [['include-missing', 'major', SENIOR, 44]],
      );
      assert.match(broken.stdout, new RegExp(`^${SENIOR}:44:14 error include-missing `));
    } finally {
      site.dispose();
    }
  });
});

describe('examples/ci/.github/workflows/career-lint.yml', { skip: built === true ? false : built }, () => {
  type Step = { uses?: string; run?: string; if?: string; with?: Record<string, string> };
  const workflow = readYaml<{ env: Record<string, string>; jobs: Record<string, { steps: Step[] }> }>('examples/ci/.github/workflows/career-lint.yml');
  const steps = workflow.jobs['career-lint'].steps;
  const runs = steps.filter((s) => s.run !== undefined).map((s) => words(s.run!, workflow.env));

  it('checks out, sets up Node, restores the cache, installs the packed tarball, runs career-lint and uploads its SARIF', () => {
    assert.deepEqual(
      steps.map((s) => s.uses?.replace(/@.*/, '') ?? 'run'),
      ['actions/checkout', 'actions/setup-node', 'actions/cache', 'run', 'run', 'github/codeql-action/upload-sarif'],
    );
    assert.deepEqual(runs[0], INSTALL);
    assert.ok(careerLintArgs(runs[1]));
    assert.equal(steps[5].if, 'always()', 'the SARIF is uploaded also when career-lint fails the job');
  });

  it('writes the SARIF file that the upload step reads, and fills the cached folder', () => {
    const site = copyOfExample();
    try {
      const args = careerLintArgs(runs[1])!;
      const sarifFile = steps[5].with!.sarif_file;
      assert.equal(flag(args, '--output'), sarifFile);
      assert.equal(flag(args, '--cache-location'), steps[2].with!.path);
      const r = careerLint(args, site.dir);
      assert.equal(r.status, 1, r.stderr); // the example has one error (level-reference)
      const sarif = JSON.parse(readFileSync(path.join(site.dir, sarifFile), 'utf8')) as {
        version: string;
        runs: { tool: { driver: { name: string } }; results: { ruleId: string }[] }[];
      };
      assert.equal(sarif.version, '2.1.0');
      assert.equal(sarif.runs.length, 1);
      assert.equal(sarif.runs[0].tool.driver.name, 'career-lint');
      assert.equal(sarif.runs[0].results.length, 15);
      assert.equal(sarif.runs[0].results.filter((x) => x.ruleId === 'level-reference').length, 1);
      assert.ok(readdirSync(path.join(site.dir, steps[2].with!.path)).length > 0, 'the cache folder is empty');
    } finally {
      site.dispose();
    }
  });
});

describe('the pre-commit hook (.pre-commit-hooks.yaml, examples/ci/.pre-commit-config.yaml)', { skip: built === true ? false : built }, () => {
  type Hook = { id: string; entry: string; language: string; types?: string[]; files?: string; args?: string[]; require_serial?: boolean };
  // What a commit stages: a page, an include file, a Markdown file outside content/ and a config file.
  const STAGED = [SENIOR, 'assets/includes/engineering-careers/values-competency.md', 'NOTICE.md', 'hugo.toml'];

  /** What pre-commit runs: the hook's entry and args, then the staged files the hook selects. */
  function hookCommand(hook: Hook): string[] {
    const selected = STAGED.filter(
      (f) => (!hook.types || (hook.types.includes('markdown') && f.endsWith('.md'))) && (!hook.files || new RegExp(hook.files).test(f)),
    );
    return [...words(hook.entry, {}), ...(hook.args ?? []), ...selected];
  }

  it("the repository's hook runs career-lint on the staged Markdown files", () => {
    const [hook, ...others] = readYaml<Hook[]>('.pre-commit-hooks.yaml');
    assert.deepEqual(others, []);
    assert.deepEqual([hook.id, hook.entry, hook.language, hook.types, hook.require_serial], ['career-lint', 'career-lint', 'node', ['markdown'], true]);
    const argv = hookCommand(hook);
    assert.deepEqual(argv, ['career-lint', SENIOR, 'assets/includes/engineering-careers/values-competency.md', 'NOTICE.md']);
    const site = copyOfExample();
    try {
      const r = careerLint(careerLintArgs(argv)!, site.dir);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(
        r.stderr,
        [
          'career-lint: skipped NOTICE.md: not a page of the site (Hugo renders only content/; includes come from the include folders)',
          '2 files checked: 0 errors, 4 warnings.',
          '',
        ].join('\n'),
      );
      writeFileSync(path.join(site.dir, SENIOR), readFileSync(path.join(site.dir, SENIOR), 'utf8') + BROKEN_INCLUDE);
      assert.equal(careerLint(careerLintArgs(argv)!, site.dir).status, 1);
    } finally {
      site.dispose();
    }
  });

  it("the site's local hook runs the installed career-lint on staged pages and include files", () => {
    const config = readYaml<{ repos: { repo: string; hooks: Hook[] }[] }>('examples/ci/.pre-commit-config.yaml');
    assert.deepEqual(
      config.repos.map((r) => r.repo),
      ['local'],
    );
    const [hook] = config.repos[0].hooks;
    const argv = hookCommand(hook);
    assert.deepEqual(argv, ['npx', '--no-install', 'career-lint', SENIOR, 'assets/includes/engineering-careers/values-competency.md']);
    const site = copyOfExample();
    try {
      const r = careerLint(careerLintArgs(argv)!, site.dir);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr, '2 files checked: 0 errors, 4 warnings.\n');
    } finally {
      site.dispose();
    }
  });
});
