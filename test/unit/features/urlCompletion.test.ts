// Completion of page URLs in link destinations over an in-memory site (test/unit/features/site.ts
// plus a values section with an alias, a leaf bundle and a page with a front matter url): absolute
// after "](/", relative after "](" and "](../" (from the folder's URL, relativeLinks "file"; from the
// page's URL in "page" mode and in raw HTML), sections first, fuzzy matching, exact edit ranges,
// include files, images and other sites left alone, and "#" still completing anchors afterwards.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completionList, completions } from '../../../server/src/core/features/completion';
import { fuzzyMatch } from '../../../server/src/core/features/fuzzy';
import { relativeUrl } from '../../../server/src/core/features/linkForms';
import { MemoryHost } from '../../../server/src/core/host';
import { Workspace } from '../../../server/src/core/workspace';
import { HANDBOOK, INC, range, ROOT, SENIOR, siteWorkspace, text } from './site';

const EXTRA = {
  [`${ROOT}/content/handbook/values/_index.md`]: '---\ntitle: Values\naliases:\n  - /old-values/\n---\n\n## Collaboration\n',
  [`${ROOT}/content/handbook/careers/matrix/track/principal/index.md`]: '---\ntitle: Principal Engineer\n---\n\n## Principal Engineer\n',
  [`${ROOT}/content/handbook/custom.md`]: '---\ntitle: Custom Place\nurl: /Custom/Place/\n---\n\nText.\n',
};

/** Completion at the end of `line`, appended to the file's text. */
function complete(file: string, line: string, extra: Record<string, string> = EXTRA) {
  const { host, workspace } = siteWorkspace(extra);
  const all = text(host, file) + '\n' + line;
  const lineNo = all.split('\n').length - 1;
  return { list: completionList(workspace, file, all, { line: lineNo, character: line.length }), line: lineNo };
}
const rows = (items: { label: string; kind: string; detail?: string }[]) => items.map((i) => [i.label, i.kind, i.detail]);

describe('completion: page URLs', () => {
  it('after "](/": every page by URL, sections first at each depth, titles as detail, the edit covering the typed path', () => {
    const { list, line } = complete(SENIOR, '- [x](/');
    assert.equal(list.incomplete, false);
    assert.deepEqual(rows(list.items), [
      ['/', 'section', 'Home page'],
      ['/handbook/', 'section', 'Handbook'],
      ['/job-families/', 'section', undefined],
      ['/handbook/values/', 'section', 'Values'],
      ['/Custom/Place/', 'page', 'Custom Place'],
      ['/handbook/careers/matrix/', 'section', 'Matrix'],
      ['/job-families/eng/manager/', 'page', 'Engineering Manager'],
      ['/handbook/careers/matrix/track/intermediate/', 'page', 'Intermediate Engineer'],
      ['/handbook/careers/matrix/track/principal/', 'page', 'Principal Engineer'],
      ['/handbook/careers/matrix/track/senior/', 'page', 'Senior Engineer'],
      ['/handbook/careers/matrix/track/staff/', 'page', 'Staff Engineer'],
    ]);
    assert.deepEqual(list.items[3], {
      label: '/handbook/values/',
      kind: 'section',
      detail: 'Values',
      documentation: 'Section: `content/handbook/values/_index.md`',
      insertText: '/handbook/values/',
      range: range(line, 6, 7),
      sortText: '00003',
    });
    assert.equal(list.items[0].documentation, 'Section: made by Hugo, without a file');
    assert.equal(list.items[8].documentation, 'Page: `content/handbook/careers/matrix/track/principal/index.md`');
  });

  it('a front matter url with capitals is offered as Hugo publishes it', () => {
    const { list } = complete(SENIOR, '[x](/Cus');
    assert.deepEqual(rows(list.items), [['/Custom/Place/', 'page', 'Custom Place']]);
  });

  it('narrows to what is typed: the pages below the typed folder first, then fuzzy matches by word', () => {
    assert.deepEqual(
      complete(SENIOR, '[x](/handbook/c').list.items.map((i) => i.label),
      [
        '/handbook/careers/matrix/',
        '/handbook/careers/matrix/track/intermediate/',
        '/handbook/careers/matrix/track/principal/',
        '/handbook/careers/matrix/track/senior/',
        '/handbook/careers/matrix/track/staff/',
      ],
    );
    assert.deepEqual(
      complete(SENIOR, '[x](/mat/tr/sen').list.items.map((i) => i.label),
      ['/handbook/careers/matrix/track/senior/'],
    );
    assert.deepEqual(
      complete(SENIOR, '[x](/val').list.items.map((i) => i.label),
      ['/handbook/values/'],
    );
    // The alias is no target of its own: the page is offered at its URL.
    assert.deepEqual(complete(SENIOR, '[x](/old').list.items, []);
  });

  it('covers the whole path when the cursor is inside it, never the fragment or the closing parenthesis', () => {
    const { workspace, host } = siteWorkspace(EXTRA);
    const s = text(host, HANDBOOK);
    // "See [senior leadership](/handbook/careers/matrix/track/senior/#senior-leadership)": the cursor after "/handbook/ca".
    const items = completions(workspace, HANDBOOK, s, { line: 4, character: 36 });
    assert.deepEqual(items[0].range, range(4, 24, 62));
    assert.equal(items[0].label, '/handbook/careers/matrix/');
  });

  it('after "](": paths relative to the URL of the page\'s folder (relativeLinks "file"), the nearest first', () => {
    const { list, line } = complete(SENIOR, '[x](');
    assert.deepEqual(rows(list.items), [
      ['../', 'section', 'Matrix'],
      ['intermediate/', 'page', 'Intermediate Engineer'],
      ['principal/', 'page', 'Principal Engineer'],
      ['senior/', 'page', 'Senior Engineer'],
      ['staff/', 'page', 'Staff Engineer'],
      ['../../../', 'section', 'Handbook'],
      ['../../../../', 'section', 'Home page'],
      ['../../../values/', 'section', 'Values'],
      ['../../../../job-families/', 'section', undefined],
      ['../../../../Custom/Place/', 'page', 'Custom Place'],
      ['../../../../job-families/eng/manager/', 'page', 'Engineering Manager'],
    ]);
    assert.deepEqual(list.items[1].range, range(line, 4, 4));
    assert.equal(
      list.items[1].documentation,
      'Page at `/handbook/careers/matrix/track/intermediate/`: `content/handbook/careers/matrix/track/intermediate.md`',
    );
  });

  it('after "](../": only the pages above, and "./" keeps its prefix', () => {
    assert.deepEqual(
      complete(SENIOR, '[x](../').list.items.map((i) => i.label),
      [
        '../',
        '../../../',
        '../../../../',
        '../../../values/',
        '../../../../job-families/',
        '../../../../Custom/Place/',
        '../../../../job-families/eng/manager/',
      ],
    );
    assert.deepEqual(
      complete(SENIOR, '[x](./s').list.items.map((i) => i.label),
      ['./senior/', './staff/'],
    );
    assert.deepEqual(
      complete(HANDBOOK, '[x](car/tr/st').list.items.map((i) => i.label),
      ['careers/matrix/track/staff/'],
    );
  });

  it('in "page" mode and in a raw HTML href, relative paths start from the page\'s own URL', () => {
    const labels = (l: { items: { label: string }[] }) => l.items.map((i) => i.label).slice(0, 4);
    assert.deepEqual(labels(complete(SENIOR, '<a href="').list), ['./', '../../', '../intermediate/', '../principal/']);
    assert.deepEqual(labels(complete(SENIOR, "<p><a class='x' href='../").list), ['../../', '../intermediate/', '../principal/', '../staff/']);
    const config = { ...EXTRA, [`${ROOT}/.career-pages.jsonc`]: '{ "relativeLinks": "page" }' };
    assert.deepEqual(labels(complete(SENIOR, '[x](', config).list), ['./', '../../', '../intermediate/', '../principal/']);
  });

  it('in a reference definition, and in an include file relative to every page that includes it', () => {
    assert.deepEqual(
      complete(SENIOR, '[ref]: /handbook/v').list.items.map((i) => i.label),
      ['/handbook/values/'],
    );
    // nav.md is included by senior.md and intermediate.md, both in track/: the same base.
    assert.deepEqual(
      complete(`${INC}/nav.md`, '[x](s').list.items.map((i) => i.label),
      ['senior/', 'staff/'],
    );
  });

  it('an include file read from pages in different folders offers only the relative paths that work on all of them', () => {
    const extra = {
      ...EXTRA,
      [`${ROOT}/content/handbook/values/_index.md`]: '---\ntitle: Values\n---\n\n{{% include "includes/careers/nav.md" %}}\n',
    };
    const { list } = complete(`${INC}/nav.md`, '[x](', extra);
    assert.deepEqual(list.items, []);
    assert.deepEqual(
      complete(`${INC}/nav.md`, '[x](/handbook/v', extra).list.items.map((i) => i.label),
      ['/handbook/values/'],
    );
  });

  it('leaves images, other sites, queries and footnotes alone; "#" still completes the anchors', () => {
    assert.deepEqual(complete(SENIOR, '![diagram](/').list.items, []);
    assert.deepEqual(complete(SENIOR, '[x](https://').list.items, []);
    assert.deepEqual(complete(SENIOR, '[x](//cdn').list.items, []);
    assert.deepEqual(complete(SENIOR, '[x](/handbook/?q=').list.items, []);
    assert.deepEqual(complete(SENIOR, '[^1]: /').list.items, []);
    assert.deepEqual(
      complete(SENIOR, '[x](/handbook/values/#').list.items.map((i) => [i.label, i.kind]),
      [['collaboration', 'anchor']],
    );
    assert.deepEqual(
      complete(SENIOR, '[![badge](/img.png)](/handbook/v').list.items.map((i) => i.label),
      ['/handbook/values/'],
    );
  });

  it('sends at most 100 items, marked incomplete, on a large site', () => {
    const files: Record<string, string> = { [`${ROOT}/hugo.toml`]: '' };
    for (let i = 0; i < 150; i++) files[`${ROOT}/content/p${String(i).padStart(3, '0')}.md`] = `---\ntitle: P${i}\n---\n`;
    const workspace = new Workspace(new MemoryHost(files));
    workspace.indexSite(workspace.siteFor(`${ROOT}/content/x.md`)!, false);
    const all = '[x](/';
    const list = completionList(workspace, `${ROOT}/content/p000.md`, `---\ntitle: P0\n---\n${all}`, { line: 3, character: all.length });
    assert.equal(list.items.length, 100);
    assert.equal(list.incomplete, true);
    assert.deepEqual(
      list.items.slice(0, 3).map((i) => i.label),
      ['/', '/p000/', '/p001/'],
    );
    const narrow = '[x](/p14';
    const few = completionList(workspace, `${ROOT}/content/p000.md`, `---\ntitle: P0\n---\n${narrow}`, { line: 3, character: narrow.length });
    assert.equal(few.incomplete, false);
    assert.deepEqual(
      few.items.map((i) => i.label),
      ['/p140/', '/p141/', '/p142/', '/p143/', '/p144/', '/p145/', '/p146/', '/p147/', '/p148/', '/p149/'],
    );
  });
});

describe('fuzzy matching and relative URLs', () => {
  it('matches runs of the typed text at word starts, a prefix best', () => {
    assert.deepEqual(fuzzyMatch('/hand', '/handbook/'), { prefix: true, score: 999.95 });
    assert.equal(fuzzyMatch('comp-calc', '/handbook/total-rewards/compensation/compensation-calculator/')?.prefix, false);
    assert.equal(fuzzyMatch('eng/car', '/handbook/engineering/careers/')?.prefix, false);
    assert.equal(fuzzyMatch('ndbo', '/handbook/'), undefined);
    assert.equal(fuzzyMatch('xyz', '/handbook/'), undefined);
    const a = fuzzyMatch('val', '/handbook/values/')!;
    const b = fuzzyMatch('val', '/handbook/very-able-leaders/')!;
    assert.ok(a.score > b.score, 'one run beats three');
  });

  it('writes the path from a base URL to a page URL', () => {
    assert.equal(relativeUrl('/a/b/', '/a/c/'), '../c/');
    assert.equal(relativeUrl('/a/b/', '/a/b/'), './');
    assert.equal(relativeUrl('/a/b/', '/a/b/c/d/'), 'c/d/');
    assert.equal(relativeUrl('/a/b/', '/'), '../../');
    assert.equal(relativeUrl('/a/b.html', '/a/c.html'), 'c.html');
    assert.equal(relativeUrl('/', '/x/'), 'x/');
  });
});
