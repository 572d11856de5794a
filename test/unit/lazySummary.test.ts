// Index entries kept as text (WorkspaceOptions.compactIndex, the server's index of pages it has not
// open; core/siteIndex.ts lazySummary) read back as the entries summarize() makes, and a store
// writes them without reading them.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { decodeSummaryParts, encodeSummaryParts, MemoryHost, type PageSummary, Workspace } from '../../server/src/core';
import { repoRoot } from '../support/fixtureSite';

const example = path.join(repoRoot, 'examples/handbook');
const files: Record<string, string> = {};
for (const f of readdirSync(example, { recursive: true, encoding: 'utf8' })) {
  if (/\.(md|toml|ya?ml|jsonc)$/.test(f)) files[path.join(example, f)] = readFileSync(path.join(example, f), 'utf8');
}

const indexOf = (compactIndex: boolean): PageSummary[] => {
  const workspace = new Workspace(new MemoryHost(files), { compactIndex });
  const site = workspace.siteFor(path.join(example, 'content/_index.md'))!;
  workspace.indexSite(site, false);
  return [...site.index.all()].sort((a, b) => a.path.localeCompare(b.path));
};

describe('index entries kept as text', () => {
  it('read back as the entries summarize() makes, on every page of the example', () => {
    const full = indexOf(false);
    const compact = indexOf(true);
    assert.equal(compact.length, full.length);
    let headings = 0;
    compact.forEach((c, i) => {
      assert.deepEqual({ ...c }, { ...full[i] }, c.path);
      headings += c.headings.length;
    });
    assert.ok(headings > 50);
  });

  it('encode to the text they were made from, and decode to the same parts', () => {
    for (const page of indexOf(true)) {
      const text = encodeSummaryParts(page);
      assert.deepEqual(decodeSummaryParts(page.path, text), { headings: page.headings, links: page.links, anchors: page.anchors });
    }
  });
});
