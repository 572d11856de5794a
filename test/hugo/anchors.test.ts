// Heading ids: Hugo's HTML is the oracle for the anchors our model computes. One Hugo build for the
// tricky fixture pages (fixtures/anchors), one for the example handbook with the three seed pages.
// The corpus sample is in corpus.test.ts. The last group pins, without Hugo, each disagreement the
// oracle found and the fix for it.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { githubAnchor, headingText, parseAttributes } from '../../server/src/core/markdown/headingIds';
import { MemoryHost } from '../../server/src/core/host';
import { Workspace } from '../../server/src/core/workspace';
import { HugoSite } from './hugoSite';
import { compareAnchors, fixturesDir, formatMismatches, hugoSkip, readPages, repoRoot } from './oracle';

const skip = hugoSkip();

async function buildAndCompare(dir: string) {
  const pages = readPages(path.join(dir, 'content'));
  const site = new HugoSite({ pages, copy: [{ from: path.join(dir, 'assets'), to: 'assets' }] });
  try {
    const build = await site.build();
    assert.equal(build.exitCode, 0, `Hugo failed:\n${build.log}`);
    return { pages, build, comparison: compareAnchors(site, build, Object.keys(pages)) };
  } finally {
    site.dispose();
  }
}

describe('Hugo oracle: heading ids', () => {
  it("fixture pages with tricky headings: every id equals Hugo's, in order", { skip }, async () => {
    const { pages, comparison } = await buildAndCompare(path.join(fixturesDir, 'anchors'));
    assert.deepEqual(comparison.unrendered, []);
    assert.equal(comparison.mismatches.length, 0, `ids differ from Hugo's:\n${formatMismatches(comparison.mismatches)}`);
    assert.equal(comparison.pages, Object.keys(pages).length);
    assert.equal(comparison.pages, 16);
    assert.equal(comparison.headings, 148);
  });

  it('the example handbook with the three seed pages and their include files', { skip }, async () => {
    const { pages, build, comparison } = await buildAndCompare(path.join(repoRoot, 'examples/handbook'));
    assert.deepEqual(comparison.unrendered, []);
    assert.equal(comparison.mismatches.length, 0, `ids differ from Hugo's:\n${formatMismatches(comparison.mismatches)}`);
    assert.equal(comparison.pages, Object.keys(pages).length);
    // The seeds as Hugo renders them: the nav include is {{< >}} (raw text), the competency files have no headings.
    const seeds = {
      'handbook/engineering/careers/matrix/quality/engineering-productivity/intermediate.md': 5,
      'handbook/engineering/careers/matrix/quality/engineering-productivity/senior.md': 8,
      'job-families/engineering/infrastructure/engineering-productivity-manager.md': 11,
    };
    for (const [seed, headings] of Object.entries(seeds)) assert.equal(build.pages.get(seed)?.headings.length, headings, seed);
  });
});

describe('Hugo oracle: disagreements found and fixed (no Hugo needed)', () => {
  const modelOf = (page: string, includes: Record<string, string> = {}) => {
    // The handbook's enableEmoji (Hugo's default is off, and then codes stay in every id).
    const files: Record<string, string> = { '/site/hugo.toml': 'enableEmoji = true\n', '/site/content/p.md': page };
    for (const [name, text] of Object.entries(includes)) files[`/site/assets/includes/${name}`] = text;
    return new Workspace(new MemoryHost(files)).model('/site/content/p.md')!;
  };

  it('an emoji code at either end of a heading leaves its space: Hugo trims before dropping the emoji', () => {
    assert.equal(githubAnchor(':warning: Prioritization Note'), '-prioritization-note');
    assert.equal(githubAnchor(':robot:  Automation'), '--automation');
    assert.equal(githubAnchor('Done :white_check_mark:'), 'done-');
    assert.equal(githubAnchor(':smile::smile: Twice'), '-twice');
  });

  it('emoji codes in included text stay text: Hugo replaces them in the page source only', () => {
    const m = modelOf('## :warning: Page\n\n{{% include "includes/e.md" %}}\n\n## Page :smile: {{% include "includes/w.md" %}}\n', {
      'e.md': '## :warning: Included warning\n',
      'w.md': ':smile: words\n',
    });
    assert.deepEqual(
      m.headings.map((h) => h.id),
      ['-page', 'warning-included-warning', 'page--smile-words'],
    );
  });

  it('a heading line that an include completes is kept, with the id of the whole line and its page part as span', () => {
    const page = '## Prefix {{% include "includes/one.md" %}}\n\n## Prefix\n\n## inline words\n';
    const m = modelOf(page, { 'one.md': 'inline words\n' });
    assert.deepEqual(
      m.headings.map((h) => h.id),
      ['prefix-inline-words', 'prefix', 'inline-words'],
    );
    const first = m.headings[0];
    assert.equal(first.file, '/site/content/p.md');
    assert.equal(page.slice(first.span.start, first.span.end), 'Prefix ');
  });

  it('attribute blocks follow Goldmark 1.5: {} is one, { } is not, ids stop at punctuation, commas separate', () => {
    assert.deepEqual(headingText('## Empty braces {}', true, ''), { text: 'Empty braces', start: 3, end: 15, customId: undefined, attributeStart: 16 });
    assert.equal(headingText('## Blank braces { }', true, '').text, 'Blank braces { }');
    assert.equal(headingText('## Comma between {#comma-id, .note}', true, '').customId, 'comma-id');
    assert.equal(headingText('## Punctuation stops it {#bang!}', true, '').customId, undefined);
    assert.equal(headingText('## Slash in id {#a/b}', true, '').customId, undefined);
    assert.equal(headingText('## Bare hash {#}', true, '').customId, '');
    assert.equal(headingText('## Escaped brace \\{#escaped}', true, '').customId, undefined);
    assert.equal(headingText("## Single quoted value {title='x'}", true, '').customId, undefined);
    assert.deepEqual(parseAttributes('#a.b .c, data-n=12 x="y z"'), { id: 'a.b', classes: ['c'] });
  });

  it('closing hashes go before the attribute block is read, and "text ## {#id}" works too', () => {
    const before = headingText('## Attributes then closing hashes {#before-hashes} ##', true, '');
    assert.equal(before.customId, 'before-hashes');
    assert.equal(before.text, 'Attributes then closing hashes');
    const after = headingText('## Closing hashes then attributes ## {#after-hashes}', true, '');
    assert.equal(after.customId, 'after-hashes');
    assert.equal(after.text, 'Closing hashes then attributes');
  });
});
