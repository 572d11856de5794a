// Link code actions over an in-memory site (test/unit/features/site.ts plus a links page): relative
// <-> absolute URL, an alias replaced by the page's URL, raw HTML links from the page's own URL, an
// include file's links from every page that includes it, and for link-page findings the closest
// pages by URL and title, written as the link is, preferred first.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quickActions } from '../../../server/src/core/features/codeActions';
import { applyEdits } from '../../../server/src/core/features/fixAll';
import { closestPages, linkActions } from '../../../server/src/core/features/linkActions';
import type { Workspace } from '../../../server/src/core/workspace';
import { at, INC, range, ROOT, siteWorkspace, text } from './site';

const LINKS = `${ROOT}/content/handbook/links.md`;
const page = (title: string, more = '') => `---\ntitle: ${title}\n${more}---\n\nText.\n`;
const EXTRA = {
  [`${ROOT}/content/handbook/values/_index.md`]: page('Values', 'aliases:\n  - /old-values/\n'),
  [LINKS]: [
    '---',
    'title: Links',
    '---',
    '',
    '- [Senior](careers/matrix/track/senior/#senior-leadership)',
    '- [Values](/old-values/#collaboration)',
    '- [Staff](/handbook/careers/matrix/track/staff/)',
    '- [File](careers/matrix/track/senior.md)',
    '<a href="/handbook/values/">v</a>',
    '- [Old](../old-values/?x=1)',
    '- [Outside](https://example.com/) and ![img](/handbook/values/)',
    '',
  ].join('\n'),
};

function actionsAt(workspace: Workspace, file: string, t: string, needle: string, delta = 2) {
  const p = at(t, needle, delta);
  return linkActions(workspace, file, t, { start: p, end: p }).map((a) => [a.title, a.fix.edits[0].newText, a.fix.edits[0].range]);
}

describe('link code actions', () => {
  const { host, workspace } = siteWorkspace(EXTRA);
  const t = text(host, LINKS);

  it('a relative link becomes the page URL, keeping its fragment', () => {
    assert.deepEqual(actionsAt(workspace, LINKS, t, 'careers/matrix/track/senior/#'), [
      ['Convert to the absolute URL /handbook/careers/matrix/track/senior/', '/handbook/careers/matrix/track/senior/', range(4, 11, 39)],
    ]);
    const [[, , r]] = actionsAt(workspace, LINKS, t, 'careers/matrix/track/senior/#');
    const edited = applyEdits(t, [{ range: r as never, newText: '/handbook/careers/matrix/track/senior/' }]);
    assert.equal(edited.split('\n')[4], '- [Senior](/handbook/careers/matrix/track/senior/#senior-leadership)');
  });

  it('an absolute URL becomes a path relative to the folder of the page (relativeLinks "file"); a .md link becomes the URL', () => {
    assert.deepEqual(actionsAt(workspace, LINKS, t, '/handbook/careers/matrix/track/staff/'), [
      ['Convert to the relative link careers/matrix/track/staff/', 'careers/matrix/track/staff/', range(6, 10, 47)],
    ]);
    assert.deepEqual(actionsAt(workspace, LINKS, t, 'senior.md'), [
      ['Convert to the absolute URL /handbook/careers/matrix/track/senior/', '/handbook/careers/matrix/track/senior/', range(7, 9, 39)],
    ]);
  });

  it('a link through an alias is replaced by the page URL, relative when it was written relative; the query stays', () => {
    assert.deepEqual(actionsAt(workspace, LINKS, t, '/old-values/#'), [
      ["Replace the alias /old-values/ with the page's URL /handbook/values/", '/handbook/values/', range(5, 11, 23)],
      ['Convert to the relative link values/', 'values/', range(5, 11, 23)],
    ]);
    assert.deepEqual(actionsAt(workspace, LINKS, t, '../old-values'), [
      ["Replace the alias /old-values/ with the page's URL /handbook/values/", 'values/', range(9, 8, 22)],
      ['Convert to the absolute URL /handbook/values/', '/handbook/values/', range(9, 8, 22)],
    ]);
  });

  it('a raw HTML link is relative to the page itself, as the browser reads it', () => {
    assert.deepEqual(actionsAt(workspace, LINKS, t, '/handbook/values/">'), [['Convert to the relative link ../values/', '../values/', range(8, 9, 26)]]);
  });

  it('offers nothing on other sites, images, text or a selection without links', () => {
    assert.deepEqual(actionsAt(workspace, LINKS, t, 'https://example.com/'), []);
    assert.deepEqual(actionsAt(workspace, LINKS, t, '/handbook/values/)', 1), []);
    assert.deepEqual(linkActions(workspace, LINKS, t, range(2, 0, 3)), []);
  });

  it('a selection over several links offers the actions of each', () => {
    assert.deepEqual(
      linkActions(workspace, LINKS, t, range(4, 0, 6, 7)).map((a) => a.title),
      [
        'Convert to the absolute URL /handbook/careers/matrix/track/senior/',
        "Replace the alias /old-values/ with the page's URL /handbook/values/",
        'Convert to the relative link values/',
        'Convert to the relative link careers/matrix/track/staff/',
      ],
    );
  });

  it('in an include file, a URL becomes relative only when one path works on every page that includes it', () => {
    const nav = `${INC}/nav.md`;
    const navText = text(host, nav);
    // nav.md: [Careers](/handbook/careers/matrix/), read on senior.md and intermediate.md in track/.
    assert.deepEqual(actionsAt(workspace, nav, navText, '/handbook/careers/matrix/'), [['Convert to the relative link ../', '../', range(0, 10, 35)]]);
    const other = siteWorkspace({
      ...EXTRA,
      [`${ROOT}/content/handbook/values/_index.md`]: page('Values', '') + '{{% include "includes/careers/nav.md" %}}\n',
    });
    assert.deepEqual(actionsAt(other.workspace, nav, navText, '/handbook/careers/matrix/'), []);
  });
});

describe('link-page: the closest pages as fixes', () => {
  const SITE = {
    [`${ROOT}/content/handbook/team/_index.md`]: page('Team'),
    [`${ROOT}/content/handbook/team/members.md`]: page('Team Members'),
    [`${ROOT}/content/handbook/company/team-structure.md`]: page('Team Structure'),
    [`${ROOT}/content/handbook/people/teams.md`]: page('Teams'),
    [LINKS]: [
      '---',
      'title: Links',
      '---',
      '',
      '- [team members](/handbook/team-members/)',
      '- [the structure](../company/structure.md)',
      '- [teams](people/team/)',
      '',
    ].join('\n'),
  };
  const { host, workspace } = siteWorkspace(SITE);
  const t = text(host, LINKS);
  const findings = workspace
    .lint(LINKS, t)
    .diagnostics.filter((d) => d.code === 'link-page')
    .map((d) => ({ code: d.code, range: d.range, fixes: d.fixes }));
  const changes = (i: number) =>
    quickActions(workspace, LINKS, t, [findings[i]])
      .filter((a) => a.title.startsWith('Change'))
      .map((a) => [a.title, a.preferred, a.fix!.edits[0].newText]);

  it('without a suggestion of the rule: several pages by URL and title, the best preferred', () => {
    assert.deepEqual(findings[0].range, range(4, 17, 40));
    assert.deepEqual(changes(0), [
      ['Change to /handbook/team/members/ ("Team Members")', true, '/handbook/team/members/'],
      ['Change to /handbook/team/ ("Team")', false, '/handbook/team/'],
    ]);
  });

  it("a relative .md link gets .md paths; a relative URL relative ones, after the rule's own suggestion", () => {
    assert.deepEqual(changes(1), [['Change to company/team-structure.md ("Team Structure")', true, 'company/team-structure.md']]);
    assert.deepEqual(changes(2), [
      ['Change to /handbook/team/', true, 'team/'],
      ['Change to people/teams/ ("Teams")', false, 'people/teams/'],
      ['Change to team/members/ ("Team Members")', false, 'team/members/'],
    ]);
  });

  it('ranks the same parts in another order first, then the shared parts, the last part and the title', () => {
    const { workspace: w } = siteWorkspace({
      [`${ROOT}/content/eng/dev/fullstack/intermediate.md`]: page('Intermediate Fullstack Engineer'),
      [`${ROOT}/content/eng/dev/fullstack/_index.md`]: page('Fullstack'),
      [`${ROOT}/content/eng/dev/frontend/intermediate.md`]: page('Intermediate Frontend Engineer'),
      [`${ROOT}/content/sales/plays.md`]: page('Sales Plays'),
    });
    const site = w.siteFor(LINKS)!;
    assert.deepEqual(
      closestPages(site.index.all(), '/eng/dev/intermediate/fullstack/', 'Intermediate').map((r) => [r.page.url, r.score.toFixed(3)]),
      [
        ['/eng/dev/fullstack/intermediate/', '1.000'],
        ['/eng/dev/fullstack/', '0.711'],
        ['/eng/dev/frontend/intermediate/', '0.496'],
      ],
    );
  });
});
