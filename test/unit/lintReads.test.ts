// What a check reads of the site, as Workspace.lint records it for the CLI's cache (core/lintReads.ts),
// and the answers those reads get: exact keys for a page with cross-page links, an include file, a
// career page of a ladder, a missing include; answers change with what the check read, and only then.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryHost } from '../../server/src/core/host';
import { LintReads, pageFacet, readAnswer } from '../../server/src/core/lintReads';
import { Workspace } from '../../server/src/core/workspace';

const R = '/site';
const FM = (title: string) => `---\ntitle: "${title}"\ndescription: "${title}."\n---\n\n`;

function site(extra: Record<string, string> = {}): { host: MemoryHost; workspace: Workspace } {
  const host = new MemoryHost({
    [`${R}/hugo.toml`]: '',
    [`${R}/content/_index.md`]: FM('Home') + '## Home\n\n[Team](/team/#mission) and [gone](/nowhere/) and [self](#home)\n',
    [`${R}/content/team.md`]: FM('Team') + '## Mission\n\n{{% include "includes/nav.md" %}}\n',
    [`${R}/assets/includes/nav.md`]: '[Home](/#home)\n',
    ...extra,
  });
  const workspace = new Workspace(host);
  workspace.indexSite(workspace.siteFor(`${R}/content/_index.md`)!);
  return { host, workspace };
}

function readsOf(workspace: Workspace, file: string): string[] {
  const reads = new LintReads();
  workspace.lint(file, undefined, reads);
  return [...reads.keys].sort();
}

describe('lint reads', () => {
  it('a page: its own entry, the pages its links lead to (found or not), the URLs near a broken one', () => {
    const { workspace } = site();
    assert.deepEqual(readsOf(workspace, `${R}/content/_index.md`), [
      `page:${R}/content/_index.md`,
      `page:${R}/content/team.md`,
      'similar:/nowhere/',
      'url:/nowhere/',
      'url:/team/',
    ]);
  });

  it('an include file: the pages that include it, and the pages its links lead to', () => {
    const { workspace } = site();
    assert.deepEqual(readsOf(workspace, `${R}/assets/includes/nav.md`), [`includers:${R}/assets/includes/nav.md`, `page:${R}/content/_index.md`, 'url:/']);
  });

  it('a career page: its ladder folder and the other level pages; a missing include: the include files there are', () => {
    const track = `${R}/content/handbook/engineering/careers/matrix/ep`;
    const table = (terms: string[]) => '| Responsibility | Description |\n| --- | --- |\n' + terms.map((t) => `| ${t} | Does ${t} |\n`).join('');
    const { workspace } = site({
      [`${track}/intermediate.md`]: FM('Intermediate Engineer') + '## Intermediate Engineer\n\n' + table(['Build']),
      [`${track}/senior.md`]: FM('Senior Engineer') + '## Senior Engineer\n\n{{% include "includes/navv.md" %}}\n\n' + table(['Build', 'Lead']),
    });
    // (Its own model is not a read: the cache knows it.)
    assert.deepEqual(readsOf(workspace, `${track}/senior.md`), [
      'include-files:',
      `ladder:${track}`,
      `model:${track}/intermediate.md`,
      `page:${track}/senior.md`,
    ]);
  });

  it("answers: the facet of an entry leaves out links and the headings' texts, not the outline; a read answers anew when what it read changed", () => {
    const { host, workspace } = site();
    const s = workspace.siteFor(`${R}/content/team.md`)!;
    const team = s.index.page(`${R}/content/team.md`)!;
    assert.equal(
      pageFacet(team),
      JSON.stringify([`${R}/content/team.md`, 'page', '/team/', [], 'Team', ['mission'], [`${R}/assets/includes/nav.md`], false, false, [2]]),
    );
    assert.deepEqual(readAnswer(s, 'url:/team/'), { pages: [team] });
    assert.deepEqual(readAnswer(s, 'url:/nowhere/'), { pages: [undefined] });
    assert.equal(readAnswer(s, 'model:/x.md'), undefined);
    const before = pageFacet(team);
    // Text added under the heading: same facet. The heading renamed: another.
    host.set(`${R}/content/team.md`, FM('Team') + '## Mission\n\nMore words.\n\n{{% include "includes/nav.md" %}}\n');
    workspace.fileChanged(`${R}/content/team.md`, 'changed');
    workspace.model(`${R}/content/team.md`);
    assert.equal(pageFacet(s.index.page(`${R}/content/team.md`)), before);
    host.set(`${R}/content/team.md`, FM('Team') + '## Our mission\n');
    workspace.fileChanged(`${R}/content/team.md`, 'changed');
    workspace.model(`${R}/content/team.md`);
    assert.notEqual(pageFacet(s.index.page(`${R}/content/team.md`)), before);
    // The same anchor at another level: another outline (heading-increment reads it), another facet.
    host.set(`${R}/content/team.md`, FM('Team') + '### Mission\n\nMore words.\n\n{{% include "includes/nav.md" %}}\n');
    workspace.fileChanged(`${R}/content/team.md`, 'changed');
    workspace.model(`${R}/content/team.md`);
    assert.notEqual(pageFacet(s.index.page(`${R}/content/team.md`)), before);
  });

  it('without a LintReads, nothing is recorded and the findings are the same', () => {
    const { workspace } = site();
    const plain = workspace.lint(`${R}/content/_index.md`).diagnostics;
    const recorded = workspace.lint(`${R}/content/_index.md`, undefined, new LintReads()).diagnostics;
    assert.deepEqual(recorded, plain);
    assert.deepEqual(
      plain.map((d) => d.code),
      ['link-page'],
    );
  });
});
