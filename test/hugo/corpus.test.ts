// The handbook snapshot through Hugo: one build of every page (a superset of the sample the oracle
// needs: all pages that use {{% include %}} and every other page besides, about 6 s of Hugo) with the
// whole assets/includes folder. Heading ids must agree on every page, and pipe tables (where, how
// many rows, how wide) on every page no include adds text to; table-shape's "no table" claims
// are checked with a second, small build of fixed copies.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Workspace } from '../../server/src/core/workspace';
import { HugoSite, type HugoBuild } from './hugoSite';
import {
  checkNoTableClaims,
  compareAnchors,
  corpusDir,
  corpusSkip,
  formatMismatches,
  modelOf,
  newWorkspace,
  pipeTables,
  readPages,
  tableShapeFindings,
  type TableClaim,
} from './oracle';

const skip = corpusSkip();

describe('Hugo oracle: the handbook snapshot', () => {
  let pages: Record<string, string>;
  let site: HugoSite;
  let build: HugoBuild;
  let workspace: Workspace;

  before(async () => {
    if (skip) return;
    pages = readPages(path.join(corpusDir, 'content'));
    site = new HugoSite({ pages, copy: [{ from: path.join(corpusDir, 'assets/includes'), to: 'assets/includes' }] });
    build = await site.build();
    workspace = newWorkspace();
  });
  after(() => site?.dispose());

  it('Hugo builds all 4,023 pages (the one in a dot-folder is not rendered)', { skip }, () => {
    assert.equal(build.exitCode, 0, build.log);
    assert.equal(Object.keys(pages).length, 4023);
    assert.deepEqual(
      Object.keys(pages).filter((p) => !build.pages.has(p)),
      [],
    );
    const including = Object.entries(pages).filter(([, text]) => /\{\{%\s*include\s/.test(text)).length;
    assert.equal(including, 110);
  });

  it('heading ids agree with Hugo on every page', { skip }, (t) => {
    const started = Date.now();
    const comparison = compareAnchors(site, build, Object.keys(pages), workspace);
    assert.deepEqual(comparison.unrendered, []);
    assert.equal(comparison.mismatches.length, 0, `${comparison.mismatches.length} pages disagree with Hugo:\n${formatMismatches(comparison.mismatches)}`);
    assert.equal(comparison.pages, 4023);
    assert.equal(comparison.headings, 46687);
    t.diagnostic(
      `compared ${comparison.headings} headings on ${comparison.pages} pages (Hugo ${build.seconds.toFixed(1)} s, models ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  });

  it('pipe tables agree with Hugo on every page without an expanded include: where, how many rows, how wide', { skip }, () => {
    let tables = 0;
    let compared = 0;
    const disagree: string[] = [];
    for (const page of Object.keys(pages)) {
      const model = modelOf(workspace, site, page);
      // A page's model holds the tables of its own text; an include brings others (and breaks the count).
      if (model.includes.some((i) => i.expandedSpan)) continue;
      compared++;
      // Each table as its rows' widths: Goldmark pads and cuts every row to the delimiter row's.
      const hugo = pipeTables(build.pages.get(page)!.html).map((t) => JSON.stringify(t.map((row) => row.length)));
      const ours = model.tables.filter((t) => t.rendered).map((t) => JSON.stringify([t.header, ...t.rows].map(() => t.delimiter.cells.length)));
      tables += ours.length;
      // Raw HTML tables written as Goldmark writes them are among Hugo's (9, on 8 pages): ours must be the others.
      const raw = pages[page].match(/<table>(?=\n<thead>\n<tr>\n<th)/g)?.length ?? 0;
      let j = 0;
      for (const h of hugo) if (j < ours.length && ours[j] === h) j++;
      if (hugo.length !== ours.length + raw || j !== ours.length) disagree.push(`${page}: Hugo ${hugo.join(' ')}, ours ${ours.join(' ')}`);
    }
    assert.deepEqual(disagree, []);
    assert.deepEqual([compared, tables], [3913, 2513]);
  });

  it('table-shape: where we say no table is rendered, Hugo renders none, and one with the quick fix', { skip }, async () => {
    const findings = tableShapeFindings(workspace, site, Object.keys(pages)).filter((d) => /renders no table/.test(d.message));
    const claims = await checkNoTableClaims(site, build, workspace, findings);
    const line = (c: TableClaim) => `${c.where} (header ${c.header}, delimiter ${c.delimiter}): the fix adds ${c.tablesAdded} table(s) on ${c.page}`;
    const narrowDelimiter = claims.filter((c) => c.delimiter < c.header);
    assert.deepEqual(
      narrowDelimiter.map((c) => c.where),
      [
        'content/handbook/marketing/brand-and-product-marketing/product-and-solution-marketing/usecase-gtm/delivery-automation.md:41',
        'content/handbook/marketing/sales-plays-cicd/message-house-premium-to-ultimate.md:34',
      ],
    );
    for (const c of narrowDelimiter) assert.equal(c.tablesAdded, 1, line(c));
    // Delimiter rows wider than their header render anyway (Goldmark pads the header): table-shape
    // reports them without claiming "no table".
    assert.deepEqual(claims.filter((c) => c.delimiter > c.header).map(line), []);
  });
});
