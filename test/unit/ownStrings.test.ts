// own() (core/text.ts): what the index and the residual models keep of a page's strings keeps
// nothing else alive. A plain substring of 13 characters or more keeps the whole string it was cut
// from (the control below), which is how the index once held every page's text. Nor does an index
// of pages whose models are gone, whichever way it keeps its entries.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { MemoryHost, Workspace } from '../../server/src/core';
import { own } from '../../server/src/core/text';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap growth (MB) after keeping `keep` of a 1 MB two-byte text, 40 times. */
function retainedMB(keep: (s: string) => string): { mb: number; kept: string[] } {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept: string[] = [];
  for (let k = 0; k < 40; k++) {
    // A text of its own each time (a page), with a character above U+00FF so that V8 stores it in two bytes per character.
    const text = `${Array.from({ length: 500_000 }, (_, i) => String.fromCharCode(97 + ((i * 7 + k) % 26))).join('')}’${k}`;
    kept.push(keep(text.slice(1000 + k, 1040 + k)));
  }
  gc();
  gc();
  return { mb: (process.memoryUsage().heapUsed - before) / 1e6, kept };
}

describe('own()', () => {
  it('keeps the characters, not the text they were cut from', () => {
    const control = retainedMB((s) => s);
    const owned = retainedMB(own);
    // 40 texts of 1 MB each: the views keep them all; the owned strings keep 40 × 40 characters.
    assert.ok(control.mb > 30, `control: the plain substrings keep ${control.mb.toFixed(1)} MB`);
    assert.ok(owned.mb < 2, `own() keeps ${owned.mb.toFixed(1)} MB`);
    assert.deepEqual(owned.kept, control.kept);
    assert.equal(owned.kept[3], 'elszgnubipwdkryfmtahovcjqxelszgnubipwdkr');
  });

  it('gives back an equal string, whatever its length', () => {
    for (const s of ['', 'a', '0', '123', '__proto__', 'constructor', 'x'.repeat(12), 'y'.repeat(13), `/handbook/${'z'.repeat(500)}/#a`]) {
      assert.equal(own(`${s}!`.slice(0, -1)), s);
    }
  });
});

describe('an index of pages whose models are gone', () => {
  // 30 pages of 1 million characters (two bytes each: the "’"), with a long title, 100 headings and 100 links each.
  const page = (k: number) =>
    `---\ntitle: "The title of page number ${k}’s section"\naliases: ["/an/old/place/of/page/${k}/"]\n---\n\n# A heading of page ${k}’s own\n\n` +
    Array.from(
      { length: 100 },
      (_, i) => `## Section ${i} of page ${k}\n\nSee [the section](/handbook/some/where/${k}/${i}/#part-${i}) for more text here.\n\n`,
    ).join('') +
    '’'.repeat(1_000_000);
  for (const compactIndex of [false, true]) {
    it(`keeps none of their texts (compactIndex: ${compactIndex})`, () => {
      const files: Record<string, string> = { '/site/hugo.toml': '', '/site/content/_index.md': '# Home\n' };
      // Each text flat (as a file read gives it), so that nothing below flattens it into new memory.
      for (let k = 0; k < 30; k++) files[`/site/content/p${k}.md`] = Buffer.from(page(k)).toString();
      const host = new MemoryHost(files);
      gc();
      const before = process.memoryUsage().heapUsed;
      const workspace = new Workspace(host, { compactIndex });
      const site = workspace.siteFor('/site/content/_index.md')!;
      workspace.indexSite(site, false);
      gc();
      gc();
      const mb = (process.memoryUsage().heapUsed - before) / 1e6;
      const entry = site.index.page('/site/content/p7.md')!;
      assert.equal(entry.title, 'The title of page number 7’s section');
      assert.equal(entry.links[99].target, '/handbook/some/where/7/99/#part-99');
      // The texts take 30 × 2 MB (the host holds them); what the index keeps of their 6,000 headings and links, 2 MB or so.
      assert.ok(mb < 8, `the index keeps ${mb.toFixed(1)} MB`);
    });
  }
});
