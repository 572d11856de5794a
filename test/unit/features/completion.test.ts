// Completion over an in-memory site: include paths, anchors (this page, included headings, other
// pages, include files), front matter keys and values, responsibility terms, job-family levels.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completions } from '../../../server/src/core/features/completion';
import { at, HANDBOOK, INC, MANAGER, range, SENIOR, siteWorkspace, text } from './site';

const labels = (items: { label: string }[]) => items.map((i) => i.label);

describe('completion: include paths', () => {
  it('lists the Markdown files of the folder being typed in, replacing the file name', () => {
    const { host, workspace } = siteWorkspace();
    const s = text(host, SENIOR);
    const items = completions(workspace, SENIOR, s, at(s, 'nav.md'));
    assert.deepEqual(
      items.map((i) => [i.label, i.kind, i.detail, i.insertText]),
      [
        ['nav.md', 'file', 'assets/includes/careers/nav.md', 'nav.md'],
        ['senior-leadership.md', 'file', 'assets/includes/careers/senior-leadership.md', 'senior-leadership.md'],
        ['senior-technical.md', 'file', 'assets/includes/careers/senior-technical.md', 'senior-technical.md'],
        ['values.md', 'file', 'assets/includes/careers/values.md', 'values.md'],
      ],
    );
    // Line 8: {{% include "includes/careers/nav.md" %}}: the name "nav.md" is columns 30-36.
    for (const i of items) assert.deepEqual(i.range, range(7, 30, 36));
  });

  it('offers folders (only those holding Markdown) at the top of the include folder, keeping the "/" already there', () => {
    const { host, workspace } = siteWorkspace();
    const s = text(host, SENIOR);
    const items = completions(workspace, SENIOR, s, at(s, 'includes/careers/nav.md'));
    assert.deepEqual(items, [
      {
        label: 'includes/',
        kind: 'folder',
        detail: 'assets/includes/',
        insertText: 'includes',
        range: range(7, 13, 21),
        sortText: '0includes',
        retrigger: false,
      },
    ]);
  });

  it('completes a half-written call, filtered by what is typed, and asks again after a folder', () => {
    const { host, workspace } = siteWorkspace();
    const s = text(host, SENIOR) + '\n{{% include "includes/ca';
    const items = completions(workspace, SENIOR, s, { line: 25, character: 24 });
    assert.deepEqual(items, [
      {
        label: 'careers/',
        kind: 'folder',
        detail: 'assets/includes/careers/',
        insertText: 'careers/',
        range: range(25, 22, 24),
        sortText: '0careers',
        retrigger: true,
      },
    ]);
    assert.deepEqual(labels(completions(workspace, SENIOR, s.replace(/ca$/, 'careers/sen'), { line: 25, character: 33 })), [
      'senior-leadership.md',
      'senior-technical.md',
    ]);
  });

  it('works with {{< >}}, backquotes and a leading slash', () => {
    const { host, workspace } = siteWorkspace();
    const s = text(host, SENIOR) + '\n{{< include `/includes/other/';
    assert.deepEqual(labels(completions(workspace, SENIOR, s, { line: 25, character: 30 })), ['notes.md']);
  });

  it('offers nothing outside the include folders', () => {
    const { host, workspace } = siteWorkspace();
    const s = text(host, SENIOR) + '\n{{% include "../../';
    assert.deepEqual(completions(workspace, SENIOR, s, { line: 25, character: 19 }), []);
  });
});

describe('completion: anchors', () => {
  it('offers the headings of this page after "#", included ones marked with their file', () => {
    const { host, workspace } = siteWorkspace();
    const s = text(host, SENIOR);
    const items = completions(workspace, SENIOR, s, at(s, '#senior-leadership)', 1));
    assert.deepEqual(
      items.map((i) => [i.label, i.detail, i.documentation]),
      [
        ['senior-engineer', '## Senior Engineer', 'Line 6'],
        ['senior-leadership', '### Senior Leadership', 'Line 13'],
        ['leadership', '#### Leadership', 'Included from `assets/includes/careers/senior-leadership.md`'],
        ['senior-technical', '### Senior Technical', 'Line 17'],
        ['technical', '#### Technical', 'Included from `assets/includes/careers/senior-technical.md`'],
      ],
    );
    // - [Leadership](#senior-leadership): the fragment is columns 16-33 of line 10.
    assert.deepEqual(items[0].range, range(9, 16, 33));
    assert.deepEqual(
      items.map((i) => i.kind),
      ['anchor', 'anchor', 'anchor', 'anchor', 'anchor'],
    );
  });

  it('filters by the fragment typed so far', () => {
    const { host, workspace } = siteWorkspace();
    const s = text(host, SENIOR);
    assert.deepEqual(labels(completions(workspace, SENIOR, s, at(s, '#technical)', 4))), ['senior-technical', 'technical']);
  });

  it("offers another page's anchors for /path/# links and relative .md links (from the site index)", () => {
    const { host, workspace } = siteWorkspace();
    const h = text(host, HANDBOOK);
    const absolute = completions(workspace, HANDBOOK, h, at(h, '#senior-leadership)', 1));
    assert.deepEqual(
      absolute.map((i) => [i.label, i.detail]),
      [
        ['senior-engineer', '## Senior Engineer'],
        ['senior-leadership', '### Senior Leadership'],
        ['leadership', '#### Leadership'],
        ['senior-technical', '### Senior Technical'],
        ['technical', '#### Technical'],
      ],
    );
    assert.equal(
      absolute[2].documentation,
      'On `/handbook/careers/matrix/track/senior/` (`content/handbook/careers/matrix/track/senior.md`), included from `assets/includes/careers/senior-leadership.md`',
    );
    assert.deepEqual(absolute[0].range, range(4, 63, 80));
    const relative = completions(workspace, HANDBOOK, h, at(h, '#technical)', 1));
    assert.deepEqual(labels(relative), labels(absolute));
    assert.deepEqual(labels(completions(workspace, HANDBOOK, h, at(h, '#technical)', 5))), ['senior-technical', 'technical']);
  });

  it('offers nothing for a link to a page that does not exist', () => {
    const { host, workspace } = siteWorkspace();
    const h = text(host, HANDBOOK).replace('/track/senior/#', '/track/principal/#');
    assert.deepEqual(completions(workspace, HANDBOOK, h, at(h, '#senior-leadership)', 1)), []);
  });

  it('in an include file, offers the anchors of the pages that include it', () => {
    const { host, workspace } = siteWorkspace();
    const file = `${INC}/senior-leadership.md`;
    const t = text(host, file);
    assert.deepEqual(labels(completions(workspace, file, t, at(t, '#senior-leadership)', 1))), [
      'senior-engineer',
      'senior-leadership',
      'leadership',
      'senior-technical',
      'technical',
    ]);
  });
});

describe('completion: front matter', () => {
  it("offers the keys of the page kind's schema that the page does not have yet, with their documentation", () => {
    const { host, workspace } = siteWorkspace();
    const s = text(host, SENIOR).replace('---\ntitle', '---\n\ntitle');
    const items = completions(workspace, SENIOR, s, { line: 1, character: 0 });
    assert.ok(!items.some((i) => i.label === 'title' || i.label === 'description'));
    assert.deepEqual(labels(items).slice(0, 4), ['summary', 'linktitle', 'aliases', 'canonical_path']);
    const draft = items.find((i) => i.label === 'draft')!;
    assert.deepEqual(draft, {
      label: 'draft',
      kind: 'property',
      detail: 'true or false',
      documentation: 'A draft is not published unless Hugo runs with --buildDrafts.\n\nType: true or false.',
      insertText: 'draft: ',
      range: range(1, 0, 0),
      sortText: draft.sortText,
    });
  });

  it('marks required and expected keys and lists them first', () => {
    const { host, workspace } = siteWorkspace();
    const s = text(host, SENIOR).replace('title: "Senior Engineer"\ndescription: "Senior level."\n', 'ti\n');
    const items = completions(workspace, SENIOR, s, { line: 1, character: 2 });
    assert.deepEqual(
      items.map((i) => [i.label, i.detail, i.insertText, i.range]),
      [['title', 'required', 'title: ', range(1, 0, 2)]],
    );
    assert.match(items[0].documentation!, /^The page title\. .*\n\nRequired on career pages\. Type: text\.$/);
  });

  it('offers values for a boolean key', () => {
    const { host, workspace } = siteWorkspace();
    const s = text(host, SENIOR).replace('---\ntitle', '---\nnoindex: t\ntitle');
    assert.deepEqual(
      completions(workspace, SENIOR, s, { line: 1, character: 10 }).map((i) => [i.label, i.kind, i.range]),
      [['true', 'value', range(1, 9, 10)]],
    );
  });
});

describe('completion: responsibility terms and levels', () => {
  it('offers the terms the other levels of the track use, most used first, leaving out those already in the table', () => {
    const { host, workspace } = siteWorkspace();
    const s = text(host, SENIOR).replace('| Code review |', '| Code review |').trimEnd() + '\n| ';
    const items = completions(workspace, SENIOR, s, { line: 24, character: 2 });
    assert.deepEqual(
      items.map((i) => [i.label, i.kind, i.detail, i.range]),
      [
        ['Testing', 'term', 'used on intermediate, staff', range(24, 2, 2)],
        ['Architecture', 'term', 'used on staff', range(24, 2, 2)],
      ],
    );
    assert.equal(items[0].documentation, '**intermediate**: Writes tests.\n\n**staff**: Sets the test strategy.');
  });

  it('replaces the term being written in the first cell only', () => {
    const { host, workspace } = siteWorkspace();
    const s = text(host, SENIOR).replace('| Code review |', '| Te |');
    const items = completions(workspace, SENIOR, s, at(s, 'Te |', 2));
    assert.deepEqual(
      items.map((i) => [i.label, i.range]),
      [['Testing', range(23, 2, 4)]],
    );
    assert.deepEqual(completions(workspace, SENIOR, s, at(s, 'Reviews code', 3)), []);
  });

  it('offers the page\'s levels after "All of the responsibilities listed for", the level before first', () => {
    const { host, workspace } = siteWorkspace();
    const m = text(host, MANAGER);
    const items = completions(workspace, MANAGER, m, { line: 23, character: 41 });
    assert.deepEqual(
      items.map((i) => [i.label, i.kind, i.range]),
      [
        ['Senior Engineering Manager', 'level', range(23, 41, 41)],
        ['Engineering Manager', 'level', range(23, 41, 41)],
      ],
    );
    const typed = completions(workspace, MANAGER, m, at(m, 'Engineering Manager.', 3));
    assert.deepEqual(
      typed.map((i) => [i.label, i.range]),
      [
        ['Engineering Manager', range(17, 41, 60)],
        ['Director of Engineering', range(17, 41, 60)],
      ],
    );
  });
});
