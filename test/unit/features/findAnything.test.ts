// Workspace symbols (pages by title, headings with their URL and anchor), document highlights (a
// heading and the links to it in the file) and the link "Copy Link to Heading" copies, over the
// in-memory site of test/unit/features/site.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { headingLinks } from '../../../server/src/core/features/headingLink';
import { documentHighlights } from '../../../server/src/core/features/highlights';
import { MAX_WORKSPACE_SYMBOLS, workspaceSymbols } from '../../../server/src/core/features/workspaceSymbols';
import { MemoryHost } from '../../../server/src/core/host';
import { Workspace } from '../../../server/src/core/workspace';
import { at, HANDBOOK, INC, range, ROOT, SENIOR, siteWorkspace, text } from './site';

const { host, workspace } = siteWorkspace();
const site = workspace.siteFor(SENIOR)!;
const rel = (f: string) => f.slice(ROOT.length + 1);

describe('workspace symbols', () => {
  it('every heading with its page URL and anchor, located where it is written (an included one in its include file)', () => {
    assert.deepEqual(
      workspaceSymbols([site], 'lead').map((s) => [s.name, s.kind, s.container, rel(s.location.file), s.location.range]),
      [
        ['Leadership', 'heading', '/handbook/careers/matrix/track/senior/#leadership', 'assets/includes/careers/senior-leadership.md', range(0, 5, 15)],
        [
          'Senior Leadership',
          'heading',
          '/handbook/careers/matrix/track/senior/#senior-leadership',
          'content/handbook/careers/matrix/track/senior.md',
          range(12, 4, 21),
        ],
      ],
    );
  });

  it('pages by title before their headings of the same name; prefixes first, then fuzzy matches by word', () => {
    assert.deepEqual(
      workspaceSymbols([site], 'eng').map((s) => [s.name, s.kind, s.container]),
      [
        ['Engineering Manager', 'page', '/job-families/eng/manager/'],
        ['Engineering Manager', 'heading', '/job-families/eng/manager/#engineering-manager'],
        ['Staff Engineer', 'page', '/handbook/careers/matrix/track/staff/'],
        ['Staff Engineer', 'heading', '/handbook/careers/matrix/track/staff/#staff-engineer'],
        ['Senior Engineer', 'page', '/handbook/careers/matrix/track/senior/'],
        ['Senior Engineer', 'heading', '/handbook/careers/matrix/track/senior/#senior-engineer'],
        ['Senior Engineering Manager', 'heading', '/job-families/eng/manager/#senior-engineering-manager'],
        ['Director of Engineering', 'heading', '/job-families/eng/manager/#director-of-engineering'],
        ['Intermediate Engineer', 'page', '/handbook/careers/matrix/track/intermediate/'],
        ['Intermediate Engineer', 'heading', '/handbook/careers/matrix/track/intermediate/#intermediate-engineer'],
      ],
    );
    assert.deepEqual(
      workspaceSymbols([site], 'matrix').map((s) => [s.name, s.kind, s.location.range]),
      [['Matrix', 'page', range(0, 0, 0)]],
    );
    assert.equal(workspaceSymbols([site], '').length, 20);
  });

  it(`sends at most ${MAX_WORKSPACE_SYMBOLS}`, () => {
    const files: Record<string, string> = { [`${ROOT}/hugo.toml`]: '' };
    for (let i = 0; i < 300; i++) files[`${ROOT}/content/p${i}.md`] = `---\ntitle: Page ${i}\n---\n\n## Part ${i}\n`;
    const w = new Workspace(new MemoryHost(files));
    const s = w.siteFor(`${ROOT}/content/x.md`)!;
    w.indexSite(s, false);
    assert.equal(workspaceSymbols([s], 'p').length, MAX_WORKSPACE_SYMBOLS);
    assert.deepEqual(
      workspaceSymbols([s], 'part 29').map((x) => x.container),
      [
        '/p29/#part-29',
        '/p290/#part-290',
        '/p291/#part-291',
        '/p292/#part-292',
        '/p293/#part-293',
        '/p294/#part-294',
        '/p295/#part-295',
        '/p296/#part-296',
        '/p297/#part-297',
        '/p298/#part-298',
        '/p299/#part-299',
      ],
    );
  });
});

describe('document highlights', () => {
  const s = text(host, SENIOR);
  const highlights = (file: string, t: string, needle: string, delta: number) =>
    documentHighlights(workspace, file, t, at(t, needle, delta)).map((h) => [h.kind, h.range]);

  it('on a heading: the heading and the same-page links to it', () => {
    const expected = [
      ['read', range(9, 16, 33)],
      ['write', range(12, 4, 21)],
    ];
    assert.deepEqual(highlights(SENIOR, s, '### Senior Leadership', 6), expected);
    assert.deepEqual(highlights(SENIOR, s, '#senior-leadership)', 3), expected, 'the same from a link to it');
  });

  it('on a link to an included heading or another page: the links to it in this file', () => {
    assert.deepEqual(highlights(SENIOR, s, '#technical)', 3), [['read', range(10, 15, 24)]]);
    const h = text(host, HANDBOOK);
    assert.deepEqual(highlights(HANDBOOK, h, '#senior-leadership', 2), [['read', range(4, 63, 80)]]);
  });

  it('in an include file: its heading, with the anchor it gets on the pages that include it', () => {
    const inc = `${INC}/senior-leadership.md`;
    const t = text(host, inc);
    assert.deepEqual(highlights(inc, t, 'Leadership', 2), [['write', range(0, 5, 15)]]);
    assert.deepEqual(highlights(inc, t, '#senior-leadership', 2), [['read', range(3, 8, 25)]]);
  });

  it('nothing in plain text', () => {
    assert.deepEqual(highlights(SENIOR, s, 'Mentors', 1), []);
  });
});

describe('Copy Link to Heading', () => {
  const s = text(host, SENIOR);
  const links = (file: string, t: string, needle: string) => headingLinks(workspace, file, t, at(t, needle));

  it('the page URL and the anchor of the heading at the cursor, or of the section the cursor is in', () => {
    assert.deepEqual(links(SENIOR, s, 'Senior Leadership'), [
      {
        url: '/handbook/careers/matrix/track/senior/#senior-leadership',
        page: 'content/handbook/careers/matrix/track/senior.md',
        heading: 'Senior Leadership',
      },
    ]);
    assert.deepEqual(links(SENIOR, s, 'Mentoring'), [
      { url: '/handbook/careers/matrix/track/senior/#senior-technical', page: 'content/handbook/careers/matrix/track/senior.md', heading: 'Senior Technical' },
    ]);
  });

  it('above the first heading: the page URL alone', () => {
    assert.deepEqual(links(SENIOR, s, 'title'), [{ url: '/handbook/careers/matrix/track/senior/', page: 'content/handbook/careers/matrix/track/senior.md' }]);
    assert.deepEqual(links(HANDBOOK, text(host, HANDBOOK), 'See'), [{ url: '/handbook/', page: 'content/handbook/_index.md' }]);
  });

  it('in an include file: one link per page that includes it, with the anchor the heading gets there', () => {
    const inc = `${INC}/senior-leadership.md`;
    assert.deepEqual(links(inc, text(host, inc), 'Leads'), [
      { url: '/handbook/careers/matrix/track/senior/#leadership', page: 'content/handbook/careers/matrix/track/senior.md', heading: 'Leadership' },
    ]);
    const shared = siteWorkspace({
      [`${ROOT}/content/handbook/careers/matrix/track/staff.md`]:
        '---\ntitle: Staff\n---\n\n## Leadership\n\n{{% include "includes/careers/senior-leadership.md" %}}\n',
    });
    const t = text(shared.host, inc);
    assert.deepEqual(
      headingLinks(shared.workspace, inc, t, at(t, 'Leads')).map((l) => l.url),
      ['/handbook/careers/matrix/track/senior/#leadership', '/handbook/careers/matrix/track/staff/#leadership-1'],
    );
  });
});
