// What the commands and the status bar show (client/src/commands/choices.ts), and that package.json
// contributes every command the client registers, in the "Career Pages" category.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  CATEGORY,
  COMMANDS,
  jobFamilyLevelChoices,
  kindChoices,
  levelChoicesFor,
  pageMoveQuestion,
  lintSummary,
  ProgressIncrements,
  roleNameProblem,
  statusFor,
  trackChoices,
} from '../../../client/src/commands/choices';
import type { NewPageChoices, PageInfoResult } from '../../../server/src/lsp/customProtocol';
import { LEVELS } from '../../../server/src/core/model/ladder';
import { REPO } from './exampleSite';

const CHOICES: NewPageChoices = {
  siteRootUri: 'file:///h',
  contentUri: 'file:///h/content',
  tracks: [
    { uri: 'file:///h/content/handbook/careers/matrix/quality/ep', relative: 'handbook/careers/matrix/quality/ep', levels: ['intermediate', 'senior'] },
    { uri: 'file:///h/content/handbook/careers/matrix/dev', relative: 'handbook/careers/matrix/dev', levels: ['staff'] },
  ],
  jobFamilyFolders: [{ uri: 'file:///h/content/job-families', relative: 'job-families' }],
  levels: [...LEVELS],
  defaultJobFamilyLevels: ['intermediate', 'senior', 'staff'],
};

const INFO: PageInfoResult = {
  uri: 'file:///h/content/handbook/careers/matrix/quality/ep/senior.md',
  siteRootUri: 'file:///h',
  relativePath: 'content/handbook/careers/matrix/quality/ep/senior.md',
  checked: true,
  kind: 'career-page',
  label: 'Career page',
  schema: 'career-page.schema.json',
  source: 'pageKinds',
  glob: 'content/**/careers/matrix/**/!(_index).md',
  configuredKind: 'career-page',
  idSettings: ["autoHeadingIDType github (Hugo's default)", 'enableEmoji true (hugo.toml)'],
};

describe('command choices', () => {
  it('offers track folders (the first preselected), then any folder', () => {
    assert.deepEqual(
      trackChoices(CHOICES).map((c) => [c.label, c.description, c.picked, c.value]),
      [
        ['quality/ep', 'Intermediate, Senior', true, 'file:///h/content/handbook/careers/matrix/quality/ep'],
        ['matrix/dev', 'Staff', false, 'file:///h/content/handbook/careers/matrix/dev'],
        ['Choose another folder…', undefined, undefined, 'other'],
      ],
    );
  });

  it('offers every level, existing ones as "opens it", the next level up preselected', () => {
    const levels = LEVELS.map((level) => ({ level, uri: `file:///t/${level}.md`, exists: level === 'intermediate' || level === 'senior' }));
    const choices = levelChoicesFor(levels);
    assert.deepEqual(
      choices.filter((c) => c.picked).map((c) => c.value),
      ['staff'],
    );
    assert.equal(choices[3].description, 'senior.md exists: opens it');
    assert.equal(choices[4].description, 'creates staff.md');
    const none = levelChoicesFor(LEVELS.map((level) => ({ level, uri: '', exists: false })));
    assert.deepEqual(
      none.filter((c) => c.picked).map((c) => c.value),
      ['intern'],
    );
    assert.deepEqual(
      jobFamilyLevelChoices(CHOICES)
        .filter((c) => c.picked)
        .map((c) => c.label),
      ['Intermediate', 'Senior', 'Staff'],
    );
  });

  it('checks role names as the server does', () => {
    assert.equal(roleNameProblem('Backend Engineer'), undefined);
    assert.match(roleNameProblem('  ')!, /Type the role/);
    assert.match(roleNameProblem('A "role"')!, /without quotes/);
  });

  it('turns server percentages into the increments VS Code adds up', () => {
    const p = new ProgressIncrements();
    assert.deepEqual(
      [10, 10, 55, undefined, 120].map((x) => p.next(x)),
      [10, 0, 45, 0, 45],
    );
  });

  it('sums up a workspace lint', () => {
    assert.equal(
      lintSummary({ sites: ['file:///h'], files: 25, errors: 1, warnings: 20, others: 0, filesWithProblems: 4, ms: 1234 }),
      'Checked 25 files in 1.2 s: 1 error, 20 warnings in 4 files.',
    );
    assert.match(lintSummary({ sites: [], files: 0, errors: 0, warnings: 0, others: 0, filesWithProblems: 0, ms: 3 }), /No Hugo site found/);
  });
});

describe('status bar', () => {
  it('shows the kind, and where it comes from in the tooltip', () => {
    assert.deepEqual(statusFor(INFO), {
      text: '$(checklist) Career page',
      tooltip:
        'content/handbook/careers/matrix/quality/ep/senior.md is checked as a career page against schemas/career-page.schema.json (from the pageKinds glob content/**/careers/matrix/**/!(_index).md). Click to change the kind for this file.' +
        "\nHeading ids as Hugo makes them here: autoHeadingIDType github (Hugo's default), enableEmoji true (hugo.toml).",
    });
    assert.equal(statusFor({ ...INFO, kind: 'job-family', label: 'Job-family page', source: 'session' })!.text, '$(checklist) Job-family page (session)');
    assert.equal(statusFor({ ...INFO, checked: false, reason: 'Ignored.' })!.text, '$(circle-slash) Not checked');
    assert.equal(statusFor(null), undefined);
  });

  it('offers every kind, the way back to the configured kind during a session choice, and how to make it permanent', () => {
    assert.deepEqual(
      kindChoices(INFO).map((c) => [c.label, c.description ?? '']),
      [
        ['$(check) Career page', 'configured, current'],
        ['Job-family page', ''],
        ['Page', ''],
        ['Include file', ''],
        ['$(info) Make it permanent…', ''],
      ],
    );
    const session = kindChoices({ ...INFO, kind: 'page', label: 'Page', source: 'session' });
    assert.deepEqual(
      session.map((c) => c.value),
      [{ kind: 'career-page' }, { kind: 'job-family' }, { kind: 'page' }, { kind: 'include' }, { reset: true }, { permanent: true }],
    );
  });
});

describe('package.json contributions', () => {
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));

  it('contributes every command the client registers, in the Career Pages category, and no other', () => {
    const contributed = (pkg.contributes.commands as { command: string; category: string; title: string }[]).filter(
      (c) => c.command.startsWith('careerPages.') && c.category === CATEGORY,
    );
    assert.deepEqual(contributed.map((c) => c.command).sort(), Object.values(COMMANDS).sort());
    assert.deepEqual(
      contributed.map((c) => c.title),
      [
        'New Career Page…',
        'New Job-Family Page…',
        'Lint Workspace',
        'Convert Include Delimiters in File',
        'Show Ladder Matrix',
        'Change Page Kind for This File…',
        'Turn Off the Built-in Markdown Duplicates in This Workspace',
        'Show Rule Documentation',
        'Copy Link to Heading',
      ],
    );
  });

  it('declares what it can do: not in untrusted workspaces, in virtual ones (the files come through VS Code)', () => {
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, false);
    assert.match(pkg.capabilities.untrustedWorkspaces.description, /\.career-pages\.jsonc/);
    assert.equal(pkg.capabilities.virtualWorkspaces.supported, true);
    assert.match(pkg.capabilities.virtualWorkspaces.description, /file system API/);
  });

  it('shows the page commands for the schemes the server checks (the careerPages.schemes context key), never for file: alone', () => {
    const whens = Object.values(pkg.contributes.menus as Record<string, { when?: string }[]>).flatMap((items) =>
      items.flatMap((i) => (i.when ? [i.when] : [])),
    );
    assert.deepEqual(
      whens.filter((w) => /resourceScheme/.test(w) && !/resourceScheme in careerPages\.schemes/.test(w)),
      [],
    );
    assert.equal(whens.filter((w) => /resourceScheme in careerPages\.schemes/.test(w)).length, 7);
  });
});

describe('the question when links lead to a moved page (careerPages.links.onMove "ask")', () => {
  const moved = (name: string, oldUrl: string, newUrl?: string) => ({
    oldUri: `file:///s/content/${name}`,
    newUri: `file:///s/content/x/${name}`,
    oldUrl,
    newUrl,
  });

  it('names the page and its URLs, and counts the links and files', () => {
    assert.deepEqual(pageMoveQuestion({ moved: [moved('senior.md', '/a/senior/', '/a/principal/')], incoming: 5, linkingFiles: 3 }), {
      message: 'Moving senior.md changes its URL from /a/senior/ to /a/principal/. 5 links in 3 files lead to it.',
      detail:
        'Update Links: every link follows the page. Add Alias: the old URL goes into the front matter aliases, so Hugo redirects it (links to the .md file are updated). Cancel: the links stay as they are. Set careerPages.links.onMove to stop asking.',
    });
    assert.equal(
      pageMoveQuestion({ moved: [moved('a.md', '/a/', '/x/a/'), moved('b.md', '/b/', '/x/b/')], incoming: 1, linkingFiles: 1 }).message,
      'Moving 2 pages changes their URLs. 1 link in 1 file leads to them.',
    );
    assert.equal(
      pageMoveQuestion({ moved: [moved('a.md', '/a/', '/a/')], incoming: 2, linkingFiles: 1 }).message,
      'Moving a.md keeps its URL, but 2 links in 1 file lead to its file.',
    );
  });
});
