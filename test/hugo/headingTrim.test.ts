// Heading ids trimmed as Go trims: Hugo 0.111 trims a heading's text with bytes.TrimSpace
// (unicode.IsSpace), which takes U+0085 (NEL) and leaves U+FEFF (a BOM inside the page), where
// JavaScript's trim does the opposite. The ids below are the ones Hugo 0.111 gave these headings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { githubAnchor } from '../../server/src/core/markdown/headingIds';
import { HugoSite } from './hugoSite';
import { hugoSkip, modelOf, newWorkspace } from './oracle';

const skip = hugoSkip();

/** Heading text (after `## `) → the id Hugo 0.111 builds, in page order (duplicates get suffixes). */
const CASES: [string, string][] = [
  ['\u0085 Title', 'title'],
  ['Title \u0085', 'title-1'],
  ['\uFEFF Title', '-title'],
  ['Title \uFEFF', 'title-'],
  ['\u0085Title', 'title-2'],
  ['a\u0085b', 'ab'],
  ['\u00A0 x', 'x'],
  ['x \u00A0', 'x-1'],
  ['\uFEFF\u0085 y', '-y'],
  ['\u0085\uFEFF y', '-y-1'],
  [' \u2028 z', 'z'],
  ['z \u3000', 'z-1'],
  ['\u0085', 'heading'],
  ['\uFEFF', 'heading-1'],
  [':smile: \u0085 e', '--e'],
  ['\u0085 :smile: f', '-f'],
  ['g\u0085 :smile:', 'g-'],
  ['h \uFEFF :smile:', 'h--'],
];

const PAGE = `---\ntitle: Trim\n---\n\n${CASES.map(([h]) => `## ${h}\n`).join('\n')}`;

describe('Hugo oracle: heading text trimmed as Go trims (U+0085, U+FEFF)', () => {
  it("Hugo's ids for headings with NEL, BOM and other spaces at their ends", { skip }, async () => {
    const site = new HugoSite({ pages: { 'trim.md': PAGE } });
    try {
      const build = await site.build();
      assert.equal(build.exitCode, 0, build.log);
      assert.deepEqual(
        build.pages.get('trim.md')!.headings.map((h) => h.id),
        CASES.map(([, id]) => id),
      );
      assert.deepEqual(
        modelOf(newWorkspace(), site, 'trim.md').headings.map((h) => h.id),
        CASES.map(([, id]) => id),
      );
    } finally {
      site.dispose();
    }
  });

  it('githubAnchor trims U+0085 and keeps U+FEFF at the ends (no Hugo needed)', () => {
    assert.equal(githubAnchor('\u0085 Title'), 'title');
    assert.equal(githubAnchor('Title \u0085'), 'title');
    assert.equal(githubAnchor('\uFEFF Title'), '-title');
    assert.equal(githubAnchor('Title \uFEFF'), 'title-');
    assert.equal(githubAnchor('\u0085 :smile: f'), '-f');
    assert.equal(githubAnchor('a\u0085b'), 'ab');
  });
});
