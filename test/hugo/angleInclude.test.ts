// {{< include >}} ↔ Hugo: what the page's HTML holds where a page includes a file with {{< >}}, built
// with the example handbook's include shortcode (examples/handbook/layouts/shortcodes/include.html),
// for the pages of test/preview/angleIncludeCases.ts. Hugo renders the page's Markdown with a
// placeholder for the call and then puts the shortcode's output, the file byte for byte, in its
// place: the file's Markdown is raw text (its headings, lists, links and emphasis unrendered, no ids),
// its HTML, character references and comments go to the browser as written, and its shortcodes are
// not run. A call alone in a paragraph loses the paragraph's <p>; inside a line it stays in the line.
// The same file with {{% %}} is Markdown of the page. The preview shows these pages so
// (includePreview.test.ts, chromium.test.ts).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ANGLE_ASSETS, ANGLE_HUGO_HTML as HUGO_HTML, ANGLE_PAGES } from '../preview/angleIncludeCases';
import { type HugoBuild, HugoSite } from './hugoSite';
import { compareAnchors, hugoSkip, repoRoot } from './oracle';

const skip = hugoSkip();
describe('Hugo oracle: {{< include >}} puts the file into the page as it is', () => {
  let build: HugoBuild;
  let site: HugoSite;

  before(async () => {
    if (skip) return;
    site = new HugoSite({
      pages: ANGLE_PAGES,
      assets: ANGLE_ASSETS,
      layouts: { 'shortcodes/include.html': readFileSync(path.join(repoRoot, 'examples/handbook/layouts/shortcodes/include.html'), 'utf8') },
    });
    build = await site.build();
  });
  after(() => site?.dispose());

  it('the cases cover every page', () => {
    assert.deepEqual(Object.keys(HUGO_HTML).sort(), Object.keys(ANGLE_PAGES).sort());
  });

  for (const page of Object.keys(HUGO_HTML)) {
    it(`${page}: the page's HTML`, { skip }, () => {
      assert.equal(build.exitCode, 0, build.log);
      assert.equal(build.pages.get(page)?.html, HUGO_HTML[page]);
    });
  }

  it('the file is there byte for byte wherever a {{< >}} call stands: its HTML, references and comment as written, its shortcode not run', { skip }, () => {
    for (const [page, text] of Object.entries(ANGLE_PAGES)) {
      if (page === 'percent.md') continue;
      const html = build.pages.get(page)!.html;
      const calls = [...text.matchAll(/\{\{< include "([^"]+)" >\}\}/g)].map((m) => ANGLE_ASSETS[m[1]]);
      assert.ok(calls.length > 0, page);
      let from = 0;
      for (const file of calls) {
        const at = html.indexOf(file, from);
        assert.ok(at >= 0, `${page}: the included file, as written, after offset ${from}`);
        from = at + file.length;
      }
    }
  });

  it("our page model gives the headings Hugo gives: none from a {{< >}} include, the file's custom id with {{% %}}", { skip }, () => {
    const comparison = compareAnchors(site, build, Object.keys(ANGLE_PAGES));
    assert.deepEqual(comparison.mismatches, []);
    assert.deepEqual(comparison.unrendered, []);
    assert.deepEqual(
      build.pages.get('percent.md')!.headings.map((x) => x.id),
      ['before', 'custom', 'after'],
    );
    assert.deepEqual(
      build.pages.get('alone.md')!.headings.map((x) => x.id),
      ['before', 'after'],
    );
  });
});
