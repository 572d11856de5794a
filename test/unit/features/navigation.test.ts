// Hover, go to definition, find references, document links and the code lens over an in-memory site,
// across includes and across pages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { includeLens } from '../../../server/src/core/features/codeLens';
import { definition } from '../../../server/src/core/features/definition';
import { documentLinks } from '../../../server/src/core/features/documentLinks';
import { hover } from '../../../server/src/core/features/hover';
import { includeCallsOf, references } from '../../../server/src/core/features/references';
import { at, HANDBOOK, INC, INTERMEDIATE, range, ROOT, SENIOR, siteWorkspace, text } from './site';

const START = range(0, 0, 0);

describe('hover', () => {
  it('on an include path: the file, how many pages include it, and its first lines', () => {
    const { host, workspace } = siteWorkspace();
    const s = text(host, SENIOR);
    assert.deepEqual(hover(workspace, SENIOR, s, at(s, 'senior-leadership.md')), {
      contents:
        '**Include** `assets/includes/careers/senior-leadership.md`\n\nIncluded by 1 page.\n\n---\n\n#### Leadership\n\n- Leads projects.\n- [Up](#senior-leadership)',
      range: range(14, 13, 50),
    });
    assert.match(hover(workspace, SENIOR, s, at(s, 'nav.md'))!.contents, /^\*\*Include\*\* `assets\/includes\/careers\/nav\.md`\n\nIncluded by 2 pages\./);
  });

  it('on a missing include: what the folder holds, then where Hugo looks (the message, shown beside it, is not repeated)', () => {
    const { host, workspace } = siteWorkspace();
    const s = text(host, SENIOR).replace('careers/nav.md', 'careers/navigation.md');
    assert.deepEqual(
      workspace
        .lint(SENIOR, s)
        .diagnostics.filter((d) => d.code === 'include-missing')
        .map((d) => d.message),
      ['No include file "includes/careers/navigation.md".'],
    );
    assert.equal(
      hover(workspace, SENIOR, s, at(s, 'navigation'))!.contents,
      '**Include** `assets/includes/careers/navigation.md`: no such file.\n\n' +
        'In `assets/includes/careers/`: `nav.md`, `senior-leadership.md`, `senior-technical.md`, `values.md`.\n\n---\n\n' +
        '*include-missing*: Hugo looks for assets/includes/careers/navigation.md and fails the build.',
    );
  });

  it("on a finding: its explanation, the part its one-line message leaves out, over the finding's range", () => {
    const { host, workspace } = siteWorkspace();
    const s = text(host, SENIOR).replace('{{% include "includes/careers/nav.md" %}}', '{{< include "includes/careers/nav.md" >}}');
    assert.deepEqual(hover(workspace, SENIOR, s, at(s, '{{<')), {
      contents: '*include-delimiter*: Its headings, lists and links show as raw text, and its headings get no ids. The handbook uses {{% include %}}.',
      range: range(7, 0, 41),
    });
  });

  it("on a front matter key: the schema's description", () => {
    const { host, workspace } = siteWorkspace();
    const s = text(host, SENIOR);
    assert.deepEqual(hover(workspace, SENIOR, s, at(s, 'description:', 3)), {
      contents: '**description**\n\nOne sentence shown under the title and in search results and link previews.\n\nExpected on career pages. Type: text.',
      range: range(2, 0, 11),
    });
  });

  it('on a fragment link: the heading, and the file it is written in when included', () => {
    const { host, workspace } = siteWorkspace();
    const s = text(host, SENIOR).replace('](#technical)', '](#leadership)');
    assert.deepEqual(hover(workspace, SENIOR, s, at(s, '#leadership)', 2)), {
      contents: '`#### Leadership`\n\nIncluded from `assets/includes/careers/senior-leadership.md`, line 1.',
      range: range(10, 14, 25),
    });
    assert.equal(hover(workspace, SENIOR, s, at(s, '#senior-leadership', 2))!.contents, '`### Senior Leadership`\n\nLine 13 of this page.');
  });

  it("on a link to another page's anchor: the heading and the page", () => {
    const { host, workspace } = siteWorkspace();
    const h = text(host, HANDBOOK);
    assert.equal(
      hover(workspace, HANDBOOK, h, at(h, 'senior.md#technical', 3))!.contents,
      '`#### Technical` (included from `assets/includes/careers/senior-technical.md`, line 1)\n\non **Senior Engineer** `/handbook/careers/matrix/track/senior/` (`content/handbook/careers/matrix/track/senior.md`)',
    );
  });

  it('on a heading: its anchor; in an include file, its anchor on each page that includes it', () => {
    const { host, workspace } = siteWorkspace();
    const s = text(host, SENIOR);
    assert.deepEqual(hover(workspace, SENIOR, s, at(s, 'Senior Technical')), {
      contents: "Anchor **#senior-technical**\n\n*Id from* markup.goldmark.parser.autoHeadingIDType github (Hugo's default)",
      range: range(16, 4, 20),
    });
    const file = `${INC}/senior-technical.md`;
    assert.equal(
      hover(workspace, file, text(host, file), { line: 0, character: 6 })!.contents,
      "Anchor of this heading on the pages that include this file:\n\n- `/handbook/careers/matrix/track/senior/`: **#technical**\n\n*Id from* markup.goldmark.parser.autoHeadingIDType github (Hugo's default)",
    );
  });

  it("on a heading: the site's Hugo settings that shaped its id, and the file that set each", () => {
    const page = `${ROOT}/content/handbook/ids.md`;
    const body = '---\ntitle: Ids\n---\n\n# A :snake: emoji\n\n## Café {#cafe}\n\n## Déjà vu\n';
    const hoverAt = (files: Record<string, string>, needle: string) => {
      const { host, workspace } = siteWorkspace({ [page]: body, ...files });
      return hover(workspace, page, text(host, page), at(body, needle))!.contents;
    };
    // Hugo's defaults: no emoji (the code stays in the id), github ids.
    assert.equal(
      hoverAt({}, 'snake'),
      "Anchor **#a-snake-emoji**\n\n*Id from* markup.goldmark.parser.autoHeadingIDType github (Hugo's default); enableEmoji false (Hugo's default)",
    );
    // The site's settings, from the root file and from config/_default/ (which wins over it).
    const toml = { [`${ROOT}/hugo.toml`]: 'title = "s"\nenableEmoji = true\n' };
    assert.equal(
      hoverAt(toml, 'snake'),
      "Anchor **#a--emoji**\n\n*Id from* markup.goldmark.parser.autoHeadingIDType github (Hugo's default); enableEmoji true (hugo.toml)",
    );
    const ascii = { ...toml, [`${ROOT}/config/_default/markup.toml`]: '[goldmark.parser]\nautoHeadingIDType = "github-ascii"\n' };
    assert.equal(
      hoverAt(ascii, 'vu'),
      'Anchor **#deja-vu**\n\n*Id from* markup.goldmark.parser.autoHeadingIDType github-ascii (config/\\_default/markup.toml)',
    );
    assert.equal(hoverAt(ascii, 'Café'), "Anchor **#cafe** (set with {#...})\n\n*Id from* markup.goldmark.parser.attribute.title true (Hugo's default)");
    const off = { [`${ROOT}/config/_default/markup.yaml`]: 'goldmark:\n  parser:\n    autoHeadingID: false\n' };
    assert.equal(
      hoverAt(off, 'vu'),
      'No anchor: automatic heading ids are off\n\n*Id from* markup.goldmark.parser.autoHeadingID false (config/\\_default/markup.yaml)',
    );
  });
});

describe('go to definition', () => {
  it('from an include path to the file', () => {
    const { host, workspace } = siteWorkspace();
    const s = text(host, SENIOR);
    assert.deepEqual(definition(workspace, SENIOR, s, at(s, 'nav.md')), [{ file: `${INC}/nav.md`, range: START }]);
  });

  it('from a fragment to the heading, inside the included file when an include brings it in', () => {
    const { host, workspace } = siteWorkspace();
    const s = text(host, SENIOR).replace('](#technical)', '](#leadership)');
    assert.deepEqual(definition(workspace, SENIOR, s, at(s, '#leadership)', 1)), [{ file: `${INC}/senior-leadership.md`, range: range(0, 5, 15) }]);
    assert.deepEqual(definition(workspace, SENIOR, s, at(s, '#senior-leadership', 1)), [{ file: SENIOR, range: range(12, 4, 21) }]);
  });

  it('from /path/#fragment and file.md#fragment links to the heading on the other page', () => {
    const { host, workspace } = siteWorkspace();
    const h = text(host, HANDBOOK);
    assert.deepEqual(definition(workspace, HANDBOOK, h, at(h, '/handbook/careers/matrix/track/senior/#')), [{ file: SENIOR, range: range(12, 4, 21) }]);
    assert.deepEqual(definition(workspace, HANDBOOK, h, at(h, 'senior.md#technical')), [{ file: `${INC}/senior-technical.md`, range: range(0, 5, 14) }]);
  });

  it('from a link in an include file to the heading on the page that includes it', () => {
    const { host, workspace } = siteWorkspace();
    const file = `${INC}/senior-leadership.md`;
    const t = text(host, file);
    assert.deepEqual(definition(workspace, file, t, at(t, '#senior-leadership')), [{ file: SENIOR, range: range(12, 4, 21) }]);
  });

  it('from a link to a page without a fragment, to the page', () => {
    const { host, workspace } = siteWorkspace();
    const file = `${INC}/nav.md`;
    assert.deepEqual(definition(workspace, file, text(host, file), { line: 0, character: 12 }), [
      { file: '/s/content/handbook/careers/matrix/_index.md', range: START },
    ]);
  });
});

describe('document links', () => {
  it('links every include path that names an existing file', () => {
    const { host, workspace } = siteWorkspace();
    const s = text(host, SENIOR).replace('careers/senior-technical.md', 'careers/missing.md');
    assert.deepEqual(documentLinks(workspace, SENIOR, s), [
      { range: range(7, 13, 36), file: `${INC}/nav.md`, tooltip: 'Open assets/includes/careers/nav.md' },
      { range: range(14, 13, 50), file: `${INC}/senior-leadership.md`, tooltip: 'Open assets/includes/careers/senior-leadership.md' },
    ]);
  });
});

describe('find references', () => {
  it('from an include file: every include call that names it, on every page', () => {
    const { host, workspace } = siteWorkspace();
    const file = `${INC}/nav.md`;
    const expected = [
      { file: INTERMEDIATE, range: range(7, 13, 36) },
      { file: SENIOR, range: range(7, 13, 36) },
    ];
    assert.deepEqual(references(workspace, file, text(host, file), { line: 0, character: 0 }), expected);
    assert.deepEqual(includeCallsOf(workspace, file), expected);
    const s = text(host, SENIOR);
    assert.deepEqual(references(workspace, SENIOR, s, at(s, 'nav.md')), expected);
  });

  it('from a heading: the heading and every link to it, on the page, in included files and on other pages', () => {
    const { host, workspace } = siteWorkspace();
    const s = text(host, SENIOR);
    assert.deepEqual(references(workspace, SENIOR, s, at(s, 'Senior Leadership')), [
      { file: SENIOR, range: range(12, 4, 21) },
      { file: `${INC}/senior-leadership.md`, range: range(3, 8, 25) },
      { file: HANDBOOK, range: range(4, 63, 80) },
      { file: SENIOR, range: range(9, 16, 33) },
    ]);
    assert.equal(references(workspace, SENIOR, s, at(s, 'Senior Leadership'), false).length, 3);
  });

  it('from a link: the same as from its heading', () => {
    const { host, workspace } = siteWorkspace();
    const h = text(host, HANDBOOK);
    const s = text(host, SENIOR);
    assert.deepEqual(references(workspace, HANDBOOK, h, at(h, '#senior-leadership')), references(workspace, SENIOR, s, at(s, 'Senior Leadership')));
  });

  it('from a heading in an include file: links to the anchor it gets on the pages that include it', () => {
    const { host, workspace } = siteWorkspace();
    const file = `${INC}/senior-technical.md`;
    assert.deepEqual(references(workspace, file, text(host, file), { line: 0, character: 7 }), [
      { file, range: range(0, 5, 14) },
      { file: HANDBOOK, range: range(5, 56, 65) },
      { file: SENIOR, range: range(10, 15, 24) },
    ]);
  });
});

describe('code lens', () => {
  it('counts the pages that include an include file', () => {
    const { workspace } = siteWorkspace();
    assert.deepEqual(includeLens(workspace, `${INC}/nav.md`), { range: START, pages: 2, complete: true, title: 'included by 2 pages' });
    assert.equal(includeLens(workspace, `${INC}/values.md`)!.title, 'not included by any page');
    assert.equal(includeLens(workspace, SENIOR), undefined);
  });
});
