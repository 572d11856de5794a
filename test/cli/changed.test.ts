// career-lint --changed-since REF in a git repository made from a copy of examples/handbook: the
// files changed since the branch left REF (commits, staged, unstaged, untracked, deleted) and what
// they can change (includers, pages linking to a changed page at its old or new URL, include files
// of a changed page, ladder siblings, everything for configuration); errors exit 2.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { changedFiles } from '../../server/src/cli/changed';
import type { JsonReport } from '../../server/src/cli/cli';
import { siteFiles } from '../../server/src/cli/files';
import { Workspace } from '../../server/src/core/workspace';
import { NodeHost, toCorePath } from '../../server/src/node/nodeHost';
import { copyOfExample } from '../support/lspClient';
import { runCareerLint } from '../support/cliRun';

const TRACK = 'content/handbook/engineering/careers/matrix/quality/engineering-productivity';
const INCLUDES = 'assets/includes/engineering-careers';
const TEAM = 'content/handbook/engineering/infrastructure/engineering-productivity/_index.md';
const JOB = 'content/job-families/engineering/infrastructure/engineering-productivity-manager.md';

function git(dir: string, ...args: string[]): string {
  const r = spawnSync(
    'git',
    ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args],
    { cwd: dir, encoding: 'utf8' },
  );
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

/** A repository whose main branch holds the example handbook, checked out on a new branch. */
function repository(): { dir: string; dispose(): void } {
  const example = copyOfExample();
  git(example.dir, 'init', '-q');
  git(example.dir, 'add', '-A');
  git(example.dir, 'commit', '-q', '-m', 'handbook');
  git(example.dir, 'checkout', '-q', '-b', 'feature');
  return example;
}

/** What --changed-since main selects, relative to the site root. */
function selection(dir: string, ref = 'main'): string[] | { error: string } {
  const workspace = new Workspace(new NodeHost());
  const root = toCorePath(dir);
  const files = siteFiles(workspace, root);
  const r = changedFiles({ cwd: dir, ref, files, workspace, index: (site) => workspace.indexSite(site) });
  return 'error' in r ? r : r.files.map((f) => path.relative(root, f));
}

function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const p = path.join(dir, file);
  const text = readFileSync(p, 'utf8');
  assert.notEqual(text.replace(from, to), text, `${file}: ${from}`);
  writeFileSync(p, text.replace(from, to));
}

const cli = (dir: string, args: string[]) => runCareerLint(args, dir);

describe('career-lint --changed-since', () => {
  it('checks nothing when nothing changed, and says so', async () => {
    const repo = repository();
    try {
      const r = await cli(repo.dir, ['--changed-since', 'main', '--format', 'json']);
      assert.equal(r.code, 0);
      assert.equal((JSON.parse(r.stdout) as JsonReport).files, 0);
      assert.equal(r.stderr, 'career-lint: 0 paths changed since main: checking 0 of 26 files.\n');
    } finally {
      repo.dispose();
    }
  });

  it('a changed heading: the page and the pages whose links lead to it (unstaged)', () => {
    const repo = repository();
    try {
      edit(repo.dir, TEAM, '## Areas of responsibility', '## Areas we own');
      assert.deepEqual(selection(repo.dir), [`${TRACK}/intermediate.md`, `${TRACK}/senior.md`, TEAM]);
    } finally {
      repo.dispose();
    }
  });

  it('an include file changed (committed) or deleted (staged): it and the pages that include it', () => {
    const repo = repository();
    try {
      // A change of words: the file and the pages that include it.
      edit(repo.dir, `${INCLUDES}/values-competency.md`, 'for this job grade', 'for this level');
      git(repo.dir, 'commit', '-q', '-am', 'values');
      assert.deepEqual(selection(repo.dir), [`${INCLUDES}/values-competency.md`, `${TRACK}/intermediate.md`, `${TRACK}/senior.md`]);
      // A heading's level: the outline of senior.md changes (intermediate.md's {{< >}} call renders no
      // heading of it), and heading-increment judges each include file's first heading on every page
      // that includes it: senior.md's other include files, and _index.md, which shares the nav file.
      edit(repo.dir, `${INCLUDES}/values-competency.md`, '##### GitLab', '#### GitLab');
      git(repo.dir, 'commit', '-q', '-am', 'values heading');
      const outline = [
        `${INCLUDES}/ep-career-nav.md`,
        `${INCLUDES}/senior-leadership-competency.md`,
        `${INCLUDES}/senior-technical-competency.md`,
        `${INCLUDES}/values-competency.md`,
        `${TRACK}/_index.md`,
        `${TRACK}/intermediate.md`,
        `${TRACK}/senior.md`,
      ];
      assert.deepEqual(selection(repo.dir), outline);
      git(repo.dir, 'rm', '-q', `${INCLUDES}/senior-technical-competency.md`);
      assert.deepEqual(
        selection(repo.dir),
        outline.filter((f) => !f.endsWith('/senior-technical-competency.md')),
      );
    } finally {
      repo.dispose();
    }
  });

  it('a jump an include file makes after another one: a change of the one before selects the other', async () => {
    const repo = repository();
    try {
      // senior.md: "### Senior Technical Competencies", then the file's "##### Engineering". With the
      // heading moved into the leadership file that comes before it, the leadership file decides
      // what the technical file's first heading lands under.
      edit(repo.dir, `${TRACK}/senior.md`, '### Senior Technical Competencies\n\n', '');
      edit(repo.dir, `${INCLUDES}/senior-leadership-competency.md`, /$/, '\n#### Senior Technical Competencies\n');
      git(repo.dir, 'commit', '-q', '-am', 'the heading in the leadership file');
      git(repo.dir, 'branch', '-f', 'main');
      // The leadership file ends at level 3 now: the technical file jumps from 3 to 5 on senior.md,
      // the one page that includes it, and the jump is reported in it.
      edit(repo.dir, `${INCLUDES}/senior-leadership-competency.md`, '#### Senior Technical Competencies', '### Senior Technical Competencies');
      assert.deepEqual(selection(repo.dir), [
        `${INCLUDES}/ep-career-nav.md`,
        `${INCLUDES}/senior-leadership-competency.md`,
        `${INCLUDES}/senior-technical-competency.md`,
        `${INCLUDES}/values-competency.md`,
        `${TRACK}/_index.md`,
        `${TRACK}/intermediate.md`,
        `${TRACK}/senior.md`,
      ]);
      // The technical file's finding is the new one (the other two are there on main too).
      const r = await cli(repo.dir, ['--changed-since', 'main', '--format', 'json']);
      const report = JSON.parse(r.stdout) as JsonReport;
      const jump = 'Heading level jumps from 3 to 5 on the page that includes this file; start it at level 4.';
      assert.deepEqual(
        report.diagnostics.filter((d) => d.code === 'heading-increment').map((d) => `${d.file}:${d.line} ${d.message}`),
        [
          `${INCLUDES}/senior-leadership-competency.md:1 ${jump}`,
          `${INCLUDES}/senior-technical-competency.md:1 ${jump}`,
          `${INCLUDES}/values-competency.md:1 ${jump}`,
        ],
      );
    } finally {
      repo.dispose();
    }
  });

  it('a page added (untracked), deleted, or moved to another URL: the pages and include files linking to it', () => {
    const repo = repository();
    try {
      // values-competency.md links to /handbook/values/#...; the home page's links do not lead there.
      // The page is taken out on main, then added on the branch.
      git(repo.dir, 'rm', '-q', 'content/handbook/values/_index.md');
      git(repo.dir, 'commit', '-q', '-m', 'no values page');
      git(repo.dir, 'branch', '-f', 'main');
      mkdirSync(path.join(repo.dir, 'content/handbook/values'));
      writeFileSync(path.join(repo.dir, 'content/handbook/values/_index.md'), '---\ntitle: "Values"\ndescription: "Our values."\n---\n\n## Values\n');
      assert.deepEqual(selection(repo.dir), [`${INCLUDES}/values-competency.md`, 'content/handbook/values/_index.md']);
      rmSync(path.join(repo.dir, 'content/handbook/values'), { recursive: true });

      rmSync(path.join(repo.dir, 'content/handbook/hiring/candidate-faq/_index.md'));
      assert.deepEqual(selection(repo.dir), [JOB]);
      git(repo.dir, 'checkout', '--', '.');

      // A new URL: the links to the old one are now broken, and known from the page at the merge base.
      edit(repo.dir, 'content/handbook/hiring/candidate-faq/_index.md', /^title:/m, 'url: "/handbook/hiring/faq/"\ntitle:');
      assert.deepEqual(selection(repo.dir), ['content/handbook/hiring/candidate-faq/_index.md', JOB]);
    } finally {
      repo.dispose();
    }
  });

  it('a career page: its ladder siblings, its include files (also those it no longer includes) and the pages linking to it', async () => {
    const repo = repository();
    try {
      edit(repo.dir, `${TRACK}/senior.md`, '{{% include "includes/engineering-careers/senior-technical-competency.md" %}}', '');
      assert.deepEqual(selection(repo.dir), [
        `${INCLUDES}/ep-career-nav.md`,
        `${INCLUDES}/senior-leadership-competency.md`,
        `${INCLUDES}/senior-technical-competency.md`,
        `${INCLUDES}/values-competency.md`,
        `${TRACK}/_index.md`,
        `${TRACK}/intermediate.md`,
        `${TRACK}/senior.md`,
      ]);
      // The include file no page includes any more is checked, and said to be unused.
      const r = await cli(repo.dir, ['--changed-since', 'main', '--format', 'json']);
      const report = JSON.parse(r.stdout) as JsonReport;
      assert.ok(report.diagnostics.some((d) => d.file === `${INCLUDES}/senior-technical-competency.md` && d.code === 'include-unused'));
      assert.equal(report.files, 7);
    } finally {
      repo.dispose();
    }
  });

  it('configuration: everything', () => {
    const repo = repository();
    try {
      writeFileSync(path.join(repo.dir, '.career-pages.jsonc'), '{ "rules": { "repeated-words": "off" } }\n');
      assert.equal((selection(repo.dir) as string[]).length, 26);
      rmSync(path.join(repo.dir, '.career-pages.jsonc'));
      writeFileSync(path.join(repo.dir, 'layouts/shortcodes/alert.html'), '{{ .Inner }}\n');
      assert.equal((selection(repo.dir) as string[]).length, 26);
    } finally {
      repo.dispose();
    }
  });

  it('counts the branch from where it left REF: later commits on REF are not its changes', () => {
    const repo = repository();
    try {
      git(repo.dir, 'checkout', '-q', 'main');
      edit(repo.dir, JOB, 'working in working in', 'working in');
      git(repo.dir, 'commit', '-q', '-am', 'on main');
      git(repo.dir, 'checkout', '-q', 'feature');
      assert.deepEqual(selection(repo.dir), []);
      // Against the tip of main directly (a commit, not a branch), the same: the merge base is the branch point.
      assert.deepEqual(selection(repo.dir, git(repo.dir, 'rev-parse', 'main').trim()), []);
    } finally {
      repo.dispose();
    }
  });

  it('with --cache: the same report as without', async () => {
    const repo = repository();
    try {
      edit(repo.dir, TEAM, '## Areas of responsibility', '## Areas we own');
      const plain = await cli(repo.dir, ['--changed-since', 'main', '--format', 'json']);
      const first = await cli(repo.dir, ['--changed-since', 'main', '--cache', '--format', 'json']);
      const second = await cli(repo.dir, ['--changed-since', 'main', '--cache', '--format', 'json']);
      assert.equal(first.stdout, plain.stdout);
      assert.equal(second.stdout, plain.stdout);
      assert.match(second.stderr, /findings of 3 of 3 files reused, 0 of 20 pages read/);
      // The selection reads every page's links (and the changed page's headings, to compare its
      // outline with the merge base's): from the cache's pages file, or, where a slice of it is
      // missing or damaged, from the page itself; either way the same.
      writeFileSync(path.join(repo.dir, 'node_modules/.cache/career-lint/cache.json.pages'), '');
      const damaged = await cli(repo.dir, ['--changed-since', 'main', '--cache', '--format', 'json']);
      assert.equal(damaged.stdout, plain.stdout);
      assert.match(damaged.stderr, /findings of 3 of 3 files reused, 20 of 20 pages read/);
    } finally {
      repo.dispose();
    }
  });

  it('not a git repository, or an unknown ref: exit 2 with the reason', async () => {
    const example = copyOfExample();
    const repo = repository();
    try {
      // A folder no repository contains (the temporary folder itself may be inside one).
      const env = process.env.GIT_CEILING_DIRECTORIES;
      process.env.GIT_CEILING_DIRECTORIES = path.dirname(example.dir);
      try {
        const r = await cli(example.dir, ['--changed-since', 'main']);
        assert.equal(r.code, 2);
        assert.match(r.stderr, /^career-lint: --changed-since needs a git repository: not a git repository/);
      } finally {
        if (env === undefined) delete process.env.GIT_CEILING_DIRECTORIES;
        else process.env.GIT_CEILING_DIRECTORIES = env;
      }
      const unknown = await cli(repo.dir, ['--changed-since', 'no-such-branch']);
      assert.deepEqual([unknown.code, unknown.stderr], [2, 'career-lint: --changed-since no-such-branch: no such commit in this repository.\n']);
      const option = await cli(repo.dir, ['--changed-since', '--output=x']);
      assert.equal(option.code, 2);
    } finally {
      example.dispose();
      repo.dispose();
    }
  });
});
