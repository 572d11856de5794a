// Workspace.lintSite (the CLI's run over a whole site: each page checked as it is indexed, the
// site-wide rules afterwards on what its model keeps, model/residual.ts) finds exactly what indexing
// the site and then checking each file finds, with the same finding identities: on every rule
// fixture, the example handbook and the handbook snapshot (in CI).
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { type Diagnostic, findingKeys, LineIndex, sourceFile, Workspace } from '../../server/src/core';
import { siteLintFiles } from '../../server/src/core/features';
import { buildPageModel } from '../../server/src/core/model/pageModel';
import { residualModel } from '../../server/src/core/model/residual';
import { TextlessLineIndex } from '../../server/src/core/text';
import { NodeHost, toCorePath } from '../../server/src/node/nodeHost';
import { repoRoot } from '../support/fixtureSite';

/** Both runs over one site: each file's diagnostics and identity keys, and each page's index entry. */
function bothRuns(dir: string) {
  const root = toCorePath(dir);
  const run = (streamed: boolean) => {
    const workspace = new Workspace(new NodeHost());
    const site = workspace.siteFor(`${root}/.`)!;
    const pages = workspace.sitePages(site);
    const files = siteLintFiles(workspace, site, pages);
    const early = streamed ? workspace.lintSite(site, new Set(files), pages) : undefined;
    if (!streamed) workspace.indexSite(site);
    const results = files.map((f) => early?.get(f) ?? workspace.lint(f));
    const diagnostics = results.flatMap((r) => r.diagnostics);
    const known = (d: Diagnostic) => early?.get(d.file)?.contexts?.get(d);
    const keys = findingKeys(workspace, diagnostics, streamed ? known : undefined);
    // Each page's index entry as plain data (the streamed run's make their headings and links from the residuals when read).
    const entries = pages.map((p) => {
      const e = site.index.page(p);
      return e && { ...e, headings: e.headings, links: e.links, anchors: e.anchors };
    });
    return { early, results, keys: diagnostics.map((d) => keys.get(d)), entries };
  };
  return { kept: run(false), streamed: run(true) };
}

function assertSame(dir: string): number {
  const { kept, streamed } = bothRuns(dir);
  assert.deepEqual(
    streamed.results,
    kept.results.map((r, i) => ({ ...r, ...(streamed.results[i].contexts ? { contexts: streamed.results[i].contexts } : {}) })),
  );
  assert.deepEqual(streamed.keys, kept.keys);
  assert.deepEqual(streamed.entries, kept.entries);
  // Every page was checked in the stream, and no finding needed its model built again for its identity.
  return streamed.early!.size;
}

describe('lintSite: the same findings as indexing first and checking each file', () => {
  const fixtures = path.join(repoRoot, 'test/fixtures/rules');
  for (const name of readdirSync(fixtures).sort()) {
    it(`rule fixture ${name}`, () => {
      const pages = assertSame(path.join(fixtures, name));
      assert.ok(pages > 0, 'the fixture has pages checked as they were indexed');
    });
  }

  it('the example handbook', () => {
    assert.equal(assertSame(path.join(repoRoot, 'examples/handbook')), 20);
  });

  const corpus = path.resolve(repoRoot, '../shared/corpus/gitlab-handbook-2025-12');
  const skip = !existsSync(corpus) && `the handbook snapshot is not at ${corpus} (it is in CI)`;
  it('the handbook snapshot', { skip }, () => {
    assert.equal(assertSame(corpus), 4023);
  });
});

describe('residualModel: what a checked page keeps', () => {
  const text = '# Title\n\nSee [there](/a/b/#part) and [here](#title).\n\n## Part\n\n{{% include "includes/x.md" %}}\n';
  const model = buildPageModel(sourceFile('/s/content/p.md', text), { kind: 'page', include: () => ({ resolution: { kind: 'missing', tried: [] } }) });

  it('keeps links, headings, anchor ids, include calls and positions; the rest throws when read', () => {
    const r = residualModel(model);
    assert.deepEqual(r.links, model.links);
    assert.deepEqual(r.headings, model.headings);
    assert.deepEqual([...r.anchors.keys()], ['title', 'part']);
    assert.deepEqual([...r.anchors.keys()], [...model.anchors.keys()]);
    assert.deepEqual([r.anchors.size, r.anchors.has('part'), r.anchors.has('title'), r.anchors.has('parts'), r.anchors.has('')], [2, true, true, false, false]);
    assert.equal(r.anchors.get('nope'), undefined);
    assert.throws(() => r.anchors.set('x', []), /set is not kept/);
    assert.deepEqual(r.includes[0].call.span, model.includes[0].call.span);
    assert.equal(r.file.lines.spanRange(model.links[0].span).start.line, 2);
    assert.throws(() => r.file.text, /text is not kept after the page was checked/);
    assert.throws(() => r.expanded, /expanded is not kept/);
    assert.throws(() => r.includes[0].argument, /argument is not kept/);
    assert.throws(() => r.includes[0].call.params, /params is not kept/);
  });

  it('keeps the text of a page whose headings jump a level, and when asked', () => {
    const jumping = buildPageModel(sourceFile('/s/content/j.md', '# A\n\n### C\n'), {
      kind: 'page',
      include: () => ({ resolution: { kind: 'missing', tried: [] } }),
    });
    assert.equal(residualModel(jumping).file.text, '# A\n\n### C\n');
    assert.equal(residualModel(model, true).file.text, text);
  });
});

describe('TextlessLineIndex: the positions of a LineIndex without its text', () => {
  it('answers as the LineIndex of the same text for every offset, line and position', () => {
    for (const text of ['', 'a', '\n', 'a\nb', 'one\n\ntwo\nthree\n', 'é\n😀x\n', '\n\n\nend']) {
      const lines = new LineIndex(text);
      const textless = TextlessLineIndex.of(lines)!;
      for (let o = -1; o <= text.length + 1; o++) assert.deepEqual(textless.positionAt(o), lines.positionAt(o), `${JSON.stringify(text)} at ${o}`);
      for (let l = 0; l < lines.lineCount; l++) {
        assert.equal(textless.lineEnd(l), lines.lineEnd(l));
        for (let c = -1; c < 6; c++) assert.equal(textless.offsetAt({ line: l, character: c }), lines.offsetAt({ line: l, character: c }));
      }
      assert.equal(textless.offsetAt({ line: lines.lineCount + 1, character: 0 }), text.length);
      assert.throws(() => textless.lineText(0), /keeps no text/);
    }
  });

  it('is not made for a text with a carriage return (its positions need the text)', () => {
    assert.equal(TextlessLineIndex.of(new LineIndex('a\r\nb')), undefined);
    assert.equal(TextlessLineIndex.of(new LineIndex('a\rb')), undefined);
  });
});
