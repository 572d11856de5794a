// table-shape ↔ Hugo on fixture pages (fixtures/tables): where our message says Hugo renders no table,
// applying the quick fix must make Goldmark render one more table on that page. The corpus's
// findings get the same check in corpus.test.ts.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { HugoSite } from './hugoSite';
import { checkNoTableClaims, fixturesDir, goldmarkTableCount, hugoSkip, newWorkspace, readPages, tableShapeFindings, type TableClaim } from './oracle';

const skip = hugoSkip();
const dir = path.join(fixturesDir, 'tables');

describe('Hugo oracle: table-shape', () => {
  it('where we say no table is rendered, Hugo renders none there, and one with the quick fix', { skip }, async () => {
    const pages = readPages(path.join(dir, 'content'));
    const site = new HugoSite({ pages, copy: [{ from: path.join(dir, 'assets'), to: 'assets' }] });
    try {
      const build = await site.build();
      assert.equal(build.exitCode, 0, build.log);
      // Goldmark's tables: the matching one, the padded ones (a header shorter than the delimiter row), none of the rest.
      assert.equal(goldmarkTableCount(build.pages.get('shapes.md')!.html), 2);
      assert.equal(goldmarkTableCount(build.pages.get('includes-tables.md')!.html), 1);
      const workspace = newWorkspace();
      const findings = tableShapeFindings(workspace, site, Object.keys(pages)).filter((d) => /renders no table/.test(d.message));
      const claims = await checkNoTableClaims(site, build, workspace, findings);
      const line = (c: TableClaim) => `${c.where} (header ${c.header}, delimiter ${c.delimiter}): the fix adds ${c.tablesAdded} table(s) on ${c.page}`;
      const narrowDelimiter = claims.filter((c) => c.delimiter < c.header);
      assert.deepEqual(
        narrowDelimiter.map((c) => c.where),
        ['content/shapes.md:7', 'content/shapes.md:28', 'content/shapes.md:34', 'content/shapes.md:40', 'assets/includes/weights.md:1'],
      );
      for (const c of narrowDelimiter) assert.equal(c.tablesAdded, 1, line(c));
      // A delimiter row wider than the header still renders (Goldmark pads the header with empty
      // cells): table-shape reports it as a warning that does not claim "no table".
      assert.deepEqual(
        claims.filter((c) => c.delimiter > c.header),
        [],
      );
    } finally {
      site.dispose();
    }
  });
});
