// Time grows with the page, not faster: each shape that once took quadratic time (or could) is linted
// at two sizes, eight times apart, in one run. The fastest of three runs at each size is compared:
// linear work gives a ratio near 8, quadratic near 64; the test allows 24. (A ratio, not a time:
// these machines are too noisy for timed tests.)
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { MAX_TEXT_BYTES, MemoryHost } from '../../server/src/core/host';
import { Workspace } from '../../server/src/core/workspace';

const FM = '---\ntitle: T\ndescription: D\n---\n\n## Role\n\n';
const FACTOR = 8;
const MAX_RATIO = 24;

/** Each shape: a page of about `n` units of it. */
const SHAPES: Record<string, (n: number) => string> = {
  'a responsibility table of n rows': (n) =>
    `${FM}| Responsibility | Description |\n| --- | --- |\n${Array.from({ length: n }, (_, i) => `| Term ${i} | Description ${i} |`).join('\n')}\n`,
  'n equal headings (ids engineering, engineering-1, ...)': (n) => FM + '## Engineering\n\n'.repeat(n),
  'n broken links among n headings': (n) => FM + Array.from({ length: n }, (_, i) => `## Heading ${i % 10}\n\n[a](#heading-${i % 10}-x${i})\n`).join('\n'),
  'block quotes nested n deep': (n) => `${FM}${'> '.repeat(n)}x\n`,
  'n lines of nested lists': (n) => FM + Array.from({ length: n }, (_, i) => `${'  '.repeat(i % 40)}- item ${i}`).join('\n') + '\n',
  // Every item's paragraph could end in a table until its list does: each must look only at its own lines.
  'n list items, then a delimiter row': (n) => `${FM}${Array.from({ length: n }, (_, i) => `- | item ${i} |`).join('\n')}\n  | --- |\n`,
  'n unmatched backticks in one paragraph': (n) => `${FM}${'a ` '.repeat(n)}\n`,
  'n "<" without ">" and one ">" at the end': (n) => `${FM}${'a < b '.repeat(n)} <a id="x">\n`,
  'n "](" without "[" in one paragraph': (n) => `${FM}${'x](y) '.repeat(n)}\n`,
  'n unclosed escaped shortcodes': (n) => FM + '{{%/* x \n'.repeat(n),
  'n pointy destinations that never close in one paragraph': (n) => `${FM}${'[a](<b '.repeat(n)}\n`,
  'n unclosed HTML tags among links in one paragraph': (n) => `${FM}${'[a](b) <x y="z '.repeat(n)}\n`,
  'n "](" and "<" in one run without blanks': (n) => `${FM}${'[a](b<c'.repeat(n)}\n`,
  'n links inside n brackets inside an image': (n) => `${FM}![${'[a '.repeat(n)}${'[b](c) '.repeat(n)}${'](d)'.repeat(n)}](e)\n`,
  'n front matter keys': (n) => `---\ntitle: T\ndescription: D\n${Array.from({ length: n }, (_, i) => `k${i}: v`).join('\n')}\n---\n`,
  'n paragraphs with code spans': (n) => FM + Array.from({ length: n }, (_, i) => `Text \`code ${i}\` more \`x\`.`).join('\n\n') + '\n',
};

function lintMs(text: string): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const ws = new Workspace(new MemoryHost({ '/s/hugo.toml': '', '/s/content/p.md': text }));
    const start = process.cpuUsage();
    const result = ws.lint('/s/content/p.md');
    const used = process.cpuUsage(start);
    assert.ok(
      result.diagnostics.every((d) => d.code !== 'internal-error'),
      'no internal error',
    );
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

describe('time linear in the page', () => {
  before(() => void lintMs(SHAPES['a responsibility table of n rows'](2000))); // compile the code paths first
  for (const [shape, page] of Object.entries(SHAPES)) {
    it(shape, () => {
      // Grow the small size until it takes long enough to measure (the large page stays under the size limit).
      let n = 500;
      while (lintMs(page(n)) < 40 && page(n * 2 * FACTOR).length < MAX_TEXT_BYTES) n *= 2;
      const small = lintMs(page(n));
      const large = lintMs(page(n * FACTOR));
      const ratio = large / small;
      console.log(`# ${shape}: n = ${n}, ${small.toFixed(0)} ms → ${large.toFixed(0)} ms (${ratio.toFixed(1)}×)`);
      assert.ok(ratio < MAX_RATIO, `${FACTOR}× the page took ${ratio.toFixed(1)}× the time (${small.toFixed(0)} ms → ${large.toFixed(0)} ms at n = ${n})`);
    });
  }
});
