// The real handbook snapshot (../shared/corpus/gitlab-handbook-2025-12, see its PROVENANCE.md):
// every page is checked without a crash, no include is reported missing (they all resolve), and the
// defects the snapshot is known to have are found where they are.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import type { Diagnostic } from '../../server/src/core/diagnostic';
import { lintSite, repoRoot } from '../support/fixtureSite';

const corpus = path.resolve(repoRoot, '../shared/corpus/gitlab-handbook-2025-12');
const skip = !existsSync(corpus) && `the handbook snapshot is not at ${corpus} (it is in CI)`;

describe('corpus: gitlab-handbook-2025-12', { skip }, () => {
  let diagnostics: Diagnostic[];
  let files: number;
  const rel = (d: Diagnostic) => path.posix.relative(corpus, d.file);
  const at = (code: string) => diagnostics.filter((d) => d.code === code).map((d) => `${rel(d)}:${d.range.start.line + 1}`);

  before(() => {
    const result = lintSite(corpus);
    diagnostics = result.diagnostics;
    files = [...result.workspace.siteFor(`${corpus}/content/x.md`)!.index.all()].filter((p) => !p.generated).length;
  });

  it('checks all 4,024 pages without a crash (the one in a dot-folder is not rendered by Hugo and says so)', () => {
    assert.equal(files, 4023);
    const hidden = `${corpus}/content/handbook/engineering/devops/create/.gitlab/issue_templates/initiative.md`;
    const ws = lintSite(path.join(repoRoot, 'examples/handbook')).workspace;
    assert.match(ws.lint(hidden).skipped ?? '', /not a page of the site/);
    assert.deepEqual(at('internal-error'), []);
    assert.deepEqual(at('file-unreadable'), []);
  });

  it('reports no missing include: all 296 include calls resolve', () => {
    assert.deepEqual(at('include-missing'), []);
    assert.deepEqual(at('include-outside-root'), []);
    assert.deepEqual(at('include-syntax'), []);
  });

  it('finds the four known broken tables at their lines (a delimiter row wider than the header: Hugo pads, GitHub shows no table)', () => {
    const broken = diagnostics
      .filter((d) => d.code === 'table-shape' && d.message.startsWith('Delimiter row has'))
      .map((d) => `${rel(d)}:${d.range.start.line + 1}`);
    for (const known of [
      'content/handbook/engineering/devops/create/import/_index.md:143',
      'content/handbook/engineering/devops/create/source-code/backend/index.md:387',
      'content/handbook/engineering/devops/verify/pipeline-execution/_index.md:408',
      'assets/includes/engineering/create/weights-fe.md:9',
    ])
      assert.ok(broken.includes(known), `${known} not found among ${broken.length}`);
  });

  it('finds the known broken same-page links, and no others in Markdown links', () => {
    const links = diagnostics.filter((d) => d.code === 'link-fragment' && /^No anchor "#[^"]*" here/.test(d.message));
    assert.deepEqual(
      links.map((d) => `${rel(d)}:${d.range.start.line + 1}`),
      [
        'content/handbook/engineering/careers/matrix/development/dev/backend/senior.md:12',
        'content/handbook/engineering/careers/matrix/development/dev/backend/senior.md:13',
        'content/handbook/engineering/careers/matrix/development/dev/backend/senior.md:14',
        // An HTML <a href="#officialrules"> with no such id on the page (PROVENANCE counted Markdown links).
        'content/handbook/marketing/integrated-marketing/digital-strategy/social-marketing/admin.md:262',
        'content/handbook/security/password-guidelines.md:84',
      ],
    );
  });

  it('keeps the one include-file link that resolves on both including pages quiet', () => {
    assert.deepEqual(
      at('link-fragment').filter((l) => l === 'assets/includes/engineering/feature-change-locks.md:33'),
      [],
    );
  });

  it('finds the known broken cross-page link, with the page it meant', () => {
    const d = diagnostics.find(
      (x) => x.code === 'link-page' && rel(x) === 'assets/includes/engineering-careers/dev-fullstack-career-matrix-nav.md' && x.range.start.line === 2,
    );
    assert.ok(d, 'dev-fullstack-career-matrix-nav.md:3 reported');
    assert.equal(
      d.message,
      'No page at /handbook/engineering/careers/matrix/development/dev/intermediate/fullstack/; did you mean /handbook/engineering/careers/matrix/development/dev/fullstack/intermediate/?',
    );
  });

  it('lists the 15 include files no page includes', () => {
    assert.equal(at('include-unused').length, 15);
    assert.ok(at('include-unused').includes('assets/includes/reasons-to-work-for-gitlab.md:1'));
  });

  it('reports each jump an include file makes on all its pages once, in the include file (34 findings for 132 jumps)', () => {
    const found = at('heading-increment');
    assert.equal(found.length, 34);
    const inIncludes = found.filter((f) => f.startsWith('assets/includes/'));
    // 26 competency files start at ##### and land under a ### on every page that includes them.
    assert.equal(inIncludes.length, 26);
    assert.ok(inIncludes.includes('assets/includes/engineering-careers/senior-leadership-competency.md:1'));
    // The other 8 are the values page's own headings, which jump from ## to #####.
    assert.deepEqual(
      found.filter((f) => !f.startsWith('assets/includes/')),
      [25, 51, 280, 452, 585, 854, 1080, 1246].map((line) => `content/handbook/values/_index.md:${line}`),
    );
    // No include call on a page is reported any more: the fix belongs in the include file.
    const d = diagnostics.find((x) => x.code === 'heading-increment' && rel(x) === 'assets/includes/engineering-careers/senior-leadership-competency.md')!;
    assert.match(d.message, /^Heading level jumps from 3 to 5 on the \d+ pages that include this file; start it at level 4\.$/);
  });

  it('offers to remove the one markdownlint-disable MD051 comment markdownlint no longer needs (markdownlint-cli2 agrees)', () => {
    assert.deepEqual(at('markdownlint-unneeded'), ['content/handbook/finance/procurement/_index.md:4']);
    // markdownlint itself, on the page with its MD051 comments taken out, reports no MD051.
    const dir = mkdtempSync(path.join(tmpdir(), 'mdl-'));
    const page = readFileSync(path.join(corpus, 'content/handbook/finance/procurement/_index.md'), 'utf8');
    writeFileSync(path.join(dir, 'page.md'), page.replace(/<!-- markdownlint-(disable|enable) MD051 -->/g, ''));
    writeFileSync(path.join(dir, '.markdownlint-cli2.jsonc'), '{"config": {"default": false, "MD051": true}}');
    const run = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), 'page.md'], {
      cwd: dir,
      encoding: 'utf8',
    });
    rmSync(dir, { recursive: true, force: true });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout + run.stderr, /Summary: 0 error\(s\)/);
  });

  it('reports nothing Hugo fails on where the handbook builds', () => {
    assert.deepEqual(at('frontmatter-syntax'), []);
    assert.deepEqual(at('shortcode-syntax'), []);
  });
});
