// "Disable <code> for this line / file" ↔ Hugo: for every place the unit tests cover
// (test/unit/features/disableCases.ts), the page with our comment renders as it did without it
// (comments aside), and where a comment line right above the finding's line would have broken the
// page (a table row, a later list item, a wrapped paragraph line, a line in a code block), Hugo
// shows that it would: the reason the comment goes elsewhere there.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CASES } from '../unit/features/disableCases';
import { FILES, INC, ROOT } from '../unit/features/site';
import { HugoSite } from './hugoSite';
import { hugoSkip } from './oracle';

const skip = hugoSkip();

/** The rendered HTML without comments, white space runs as one space and none before a closing tag or between tags. */
function normalized(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s+<\//g, '</')
    .replace(/>\s+</g, '><')
    .trim();
}

/** The comment line right above the finding's line, at that line's indentation: what the action must not do. */
function naive(page: string, line: number, code: string): string {
  const lineBreak = page.includes('\r\n') ? '\r\n' : '\n';
  const lines = page.split(lineBreak);
  const indent = /^[ \t>]*/.exec(lines[line])![0];
  lines.splice(line, 0, `${indent}<!-- career-lint-disable-next-line ${code} -->`);
  return lines.join(lineBreak);
}

describe('Hugo oracle: disable comments', () => {
  it('a page renders the same with the disable comment; a comment line right above would have changed it', { skip }, async () => {
    const pages: Record<string, string> = {};
    CASES.forEach((c, i) => {
      pages[`case-${i}.md`] = c.page;
      pages[`case-${i}-disabled.md`] = c.after;
      pages[`case-${i}-naive.md`] = naive(c.page, c.line, c.code);
    });
    const assets = Object.fromEntries(
      Object.entries(FILES)
        .filter(([path]) => path.startsWith(`${INC}/`))
        .map(([path, text]) => [path.slice(`${ROOT}/assets/`.length), text]),
    );
    const site = new HugoSite({ pages, assets });
    try {
      const build = await site.build();
      assert.equal(build.exitCode, 0, build.log);
      const html = (page: string) => {
        const rendered = build.pages.get(page);
        assert.ok(rendered, `${page} was not rendered`);
        return normalized(rendered.html);
      };
      const naiveChanged: string[] = [];
      CASES.forEach((c, i) => {
        assert.equal(html(`case-${i}-disabled.md`), html(`case-${i}.md`), `${c.name}: the page renders differently with the comment`);
        if (html(`case-${i}-naive.md`) !== html(`case-${i}.md`)) naiveChanged.push(c.name);
      });
      assert.deepEqual(
        naiveChanged,
        CASES.filter((c) => c.naiveBreaks).map((c) => c.name),
      );
    } finally {
      site.dispose();
    }
  });
});
