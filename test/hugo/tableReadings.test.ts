// Pipe tables ↔ Hugo and cmark-gfm: every case of test/unit/tableCases.ts (where a table starts and
// ends, list marker lines, block quotes and nested lists, indented and pipe-less delimiter rows,
// escaped pipes) is built with Hugo 0.111 and rendered with `cmark-gfm -e table` (what GitHub
// shows); each must render exactly the tables the case lists, which the unit tests hold our reading
// to. So the expectations are Hugo's and GitHub's, not ours.
//
// Then the rule fixtures of table-shape through Hugo: on every page, Goldmark's tables are the ones
// our model says it renders, cell for cell; and each finding's first fix, applied, adds the table
// the finding says is missing (one more in Hugo for "Hugo renders no table", one more in cmark-gfm
// for "GitHub shows no table") and takes none away.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { toCorePath } from '../../server/src/node/nodeHost';
import { fitRows, renderCell, TABLE_CASES } from '../unit/tableCases';
import { HugoSite } from './hugoSite';
import { applyEdits, hugoSkip, modelOf, newWorkspace, pipeTables, readPages, repoRoot, tableShapeFindings } from './oracle';

const FM = '---\ntitle: "Tables"\n---\n\n';

const cmarkGfm = spawnSync('cmark-gfm', ['--version'], { encoding: 'utf8' });
const cmarkSkip = cmarkGfm.status === 0 ? false : "`cmark-gfm` is not on PATH (CI installs Debian's cmark-gfm via .ci/run)";
const FIXTURES = ['table-shape', 'table-shape-containers'].map((f) => path.join(repoRoot, 'test/fixtures/rules', f));

/** What cmark-gfm renders of a page's body (front matter left out). */
function githubHtml(page: string): string {
  const body = page.replace(/^---\n[\s\S]*?\n---\n/, '');
  const r = spawnSync('cmark-gfm', ['-e', 'table', '--unsafe'], { input: body, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

describe('Hugo and GitHub oracle: pipe tables', () => {
  it(`Hugo 0.111 renders the tables each of the ${TABLE_CASES.length} cases lists`, { skip: hugoSkip() }, async () => {
    const pages = Object.fromEntries(TABLE_CASES.map((c, i) => [`case-${i}.md`, FM + c.markdown]));
    const site = new HugoSite({ pages });
    try {
      const build = await site.build();
      assert.equal(build.exitCode, 0, build.log);
      const wrong = TABLE_CASES.flatMap((c, i) => {
        const rendered = build.pages.get(`case-${i}.md`);
        assert.ok(rendered, `case-${i}.md was not rendered`);
        const tables = pipeTables(rendered.html);
        return JSON.stringify(tables) === JSON.stringify(c.hugo) ? [] : [`${c.name}: Hugo renders ${JSON.stringify(tables)}`];
      });
      assert.deepEqual(wrong, []);
    } finally {
      site.dispose();
    }
  });

  it(`cmark-gfm (GitHub) renders the tables each of the ${TABLE_CASES.length} cases lists`, { skip: cmarkSkip }, () => {
    const wrong = TABLE_CASES.flatMap((c) => {
      const r = spawnSync('cmark-gfm', ['-e', 'table', '--unsafe'], { input: c.markdown, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const tables = pipeTables(r.stdout);
      return JSON.stringify(tables) === JSON.stringify(c.github) ? [] : [`${c.name}: cmark-gfm renders ${JSON.stringify(tables)}`];
    });
    assert.deepEqual(wrong, []);
  });

  for (const fixture of FIXTURES) {
    it(`${path.basename(fixture)} fixture: Hugo renders the tables of our model; each first fix adds the missing table`, {
      skip: hugoSkip() || cmarkSkip,
    }, async (t) => {
      const pages = readPages(path.join(fixture, 'content'));
      const copy = existsSync(path.join(fixture, 'assets')) ? [{ from: path.join(fixture, 'assets'), to: 'assets' }] : [];
      const site = new HugoSite({ pages, copy });
      const variant = new HugoSite({ copy });
      try {
        const build = await site.build();
        assert.equal(build.exitCode, 0, build.log);
        const workspace = newWorkspace();
        for (const page of Object.keys(pages)) {
          const ours = modelOf(workspace, site, page)
            .tables.filter((t) => t.rendered)
            .map((t) =>
              fitRows(
                [t.header, ...t.rows].map((r) => r.cells.map((c) => renderCell(c.text, 'goldmark'))),
                t.delimiter.cells.length,
              ),
            );
          assert.deepEqual(pipeTables(build.pages.get(page)!.html), ours, page);
        }
        // Findings on the pages (the fixtures' include files are included by no page).
        const contentDir = toCorePath(site.contentDir);
        const findings = tableShapeFindings(workspace, site, Object.keys(pages)).filter((d) => d.file.startsWith(`${contentDir}/`) && d.fixes?.length);
        const variants = findings.map((d, k) => {
          const page = path.posix.relative(contentDir, d.file);
          const fixed = applyEdits(readFileSync(d.file, 'utf8'), d.fixes![0].edits);
          variant.add({ pages: { [`fix-${k}/${page}`]: fixed } });
          return { d, page, fixed, variantPage: `fix-${k}/${page}` };
        });
        const fixedBuild = await variant.build();
        assert.equal(fixedBuild.exitCode, 0, fixedBuild.log);
        const added = variants.map(({ d, page, fixed, variantPage }) => {
          const hugo = pipeTables(fixedBuild.pages.get(variantPage)!.html).length - pipeTables(build.pages.get(page)!.html).length;
          const github = pipeTables(githubHtml(fixed)).length - pipeTables(githubHtml(pages[page])).length;
          return `${page}:${d.range.start.line + 1} ${d.fixes![0].title}: Hugo +${hugo}, GitHub +${github}`;
        });
        const expected = variants.map(({ d, page }) => {
          const hugo = /Hugo renders no table/.test(d.message) ? 1 : 0;
          // Header and delimiter row of different widths: GitHub shows no table either way.
          const github = /shows no table|renders no table/.test(d.message) ? 1 : 0;
          return `${page}:${d.range.start.line + 1} ${d.fixes![0].title}: Hugo +${hugo}, GitHub +${github}`;
        });
        assert.deepEqual(added, expected);
        assert.ok(added.length > 0, 'the fixture has findings with fixes');
        t.diagnostic(added.join('\n'));
      } finally {
        site.dispose();
        variant.dispose();
      }
    });
  }
});
