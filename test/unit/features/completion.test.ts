// Completion over an in-memory site: include paths, anchors (this page, included headings, other
// pages, include files), front matter keys and values, responsibility terms, job-family levels.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completions } from '../../../server/src/core/features/completion';
import { applyEdits } from '../../../server/src/core/features/fixAll';
import type { Workspace } from '../../../server/src/core/workspace';
import { at, HANDBOOK, INC, MANAGER, ROOT, range, SENIOR, siteWorkspace, text } from './site';

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

describe('completion: include paths keep the call whole', () => {
  // A page whose last line is the call being typed; `|` marks the cursor.
  const PAGE = `${ROOT}/content/typing.md`;
  const HEAD = '---\ntitle: T\n---\n\n';
  const SPACES = { [`${ROOT}/assets/includes/my notes/a b.md`]: 'Spaced.\n' };

  /** The page's text with the cursor's `|` taken out, and the cursor's position. */
  function typing(line: string, lineBreak = '\n'): { text: string; position: { line: number; character: number } } {
    const head = HEAD.replace(/\n/g, lineBreak);
    return { text: `${head}${line.replace('|', '')}${lineBreak}Next line.${lineBreak}`, position: { line: 4, character: line.indexOf('|') } };
  }

  /** Accepts the item labelled `label` as an editor does (its edit and its additional edits); returns the new text and the item. */
  function accept(workspace: Workspace, t: ReturnType<typeof typing>, label: string) {
    const items = completions(workspace, PAGE, t.text, t.position);
    const item = items.find((i) => i.label === label);
    assert.ok(item, `offered: ${JSON.stringify(items.map((i) => i.label))}`);
    return { item, text: applyEdits(t.text, [{ range: item.range, newText: item.insertText }, ...(item.additionalEdits ?? [])]) };
  }

  /** The findings that say Hugo cannot build the call (none: a valid call of a file that exists). */
  function includeFindings(workspace: Workspace, after: string): string[] {
    return workspace
      .lint(PAGE, after)
      .diagnostics.filter((d) => ['include-syntax', 'include-missing', 'shortcode-syntax', 'shortcode-unclosed'].includes(d.code))
      .map((d) => `${d.code} ${d.range.start.line}`);
  }

  const CASES: { name: string; line: string; label: string; after: string }[] = [
    {
      name: 'nothing after the cursor: the closing quote and " %}}" are added',
      line: '{{% include "includes/careers/na|',
      label: 'nav.md',
      after: '{{% include "includes/careers/nav.md" %}}',
    },
    {
      name: 'an auto-closed "}}" after the cursor: it is kept, and completed',
      line: '{{% include "includes/careers/na|}}',
      label: 'nav.md',
      after: '{{% include "includes/careers/nav.md" %}}',
    },
    { name: '"%}}" right after the cursor', line: '{{% include "includes/careers/na|%}}', label: 'nav.md', after: '{{% include "includes/careers/nav.md" %}}' },
    {
      name: 'white space before "}}": the delimiter goes before the "}}"',
      line: '{{% include "includes/careers/na| }}',
      label: 'nav.md',
      after: '{{% include "includes/careers/nav.md" %}}',
    },
    {
      name: '" %}} already there: only the name changes',
      line: '{{% include "includes/careers/na|" %}}',
      label: 'nav.md',
      after: '{{% include "includes/careers/nav.md" %}}',
    },
    {
      name: 'a closing quote already there: nothing is added',
      line: '{{% include "includes/careers/na|"',
      label: 'nav.md',
      after: '{{% include "includes/careers/nav.md"',
    },
    {
      name: 'the name after the cursor is replaced, the closing kept',
      line: '{{% include "includes/careers/n|xx.md" %}}',
      label: 'nav.md',
      after: '{{% include "includes/careers/nav.md" %}}',
    },
    {
      name: '{{< >}}, nothing after the cursor',
      line: '{{< include "includes/careers/na|',
      label: 'nav.md',
      after: '{{< include "includes/careers/nav.md" >}}',
    },
    {
      name: '{{< >}}, auto-closed ">}}" after the cursor',
      line: '{{< include "includes/careers/na|>}}',
      label: 'nav.md',
      after: '{{< include "includes/careers/nav.md" >}}',
    },
    { name: 'a backquoted path', line: '{{% include `includes/careers/na|}}', label: 'nav.md', after: '{{% include `includes/careers/nav.md` %}}' },
    {
      name: 'an unquoted path gets quoted (Hugo refuses "/" unquoted)',
      line: '{{% include includes/careers/na|}}',
      label: 'nav.md',
      after: '{{% include "includes/careers/nav.md" %}}',
    },
    { name: 'an unquoted name at the start of the value', line: '{{% include inc|', label: 'includes/', after: '{{% include "includes/' },
    {
      name: 'a path with spaces, auto-closed',
      line: '{{% include "includes/my notes/a|}}',
      label: 'a b.md',
      after: '{{% include "includes/my notes/a b.md" %}}',
    },
    {
      name: 'a path with spaces, closed',
      line: '{{% include "includes/my notes/a| b.md" %}}',
      label: 'a b.md',
      after: '{{% include "includes/my notes/a b.md" %}}',
    },
  ];

  for (const c of CASES) {
    it(c.name, () => {
      const { workspace } = siteWorkspace(SPACES);
      const t = typing(c.line);
      const { text: after } = accept(workspace, t, c.label);
      assert.equal(after, `${HEAD}${c.after}\nNext line.\n`);
      // The edit covers the path only: never a quote or the call's end.
      const { item } = accept(workspace, t, c.label);
      const covered = c.line.replace('|', '').slice(item.range.start.character, item.range.end.character);
      assert.doesNotMatch(covered, /["`}%>]/, `the edit covers ${JSON.stringify(covered)}`);
      if (c.after.endsWith('}}')) assert.deepEqual(includeFindings(workspace, after), []);
    });
  }

  it('a folder keeps the call open for the next segment (and asks again); its file then closes it', () => {
    const { workspace } = siteWorkspace(SPACES);
    const first = accept(workspace, typing('{{% include "includes/ca|}}'), 'careers/');
    assert.equal(first.item.insertText, 'careers/');
    assert.equal(first.item.retrigger, true);
    assert.equal(first.item.additionalEdits, undefined);
    assert.equal(first.text, `${HEAD}{{% include "includes/careers/}}\nNext line.\n`);
    const line = '{{% include "includes/careers/|}}';
    const second = accept(workspace, { text: first.text, position: { line: 4, character: line.indexOf('|') } }, 'values.md');
    assert.equal(second.text, `${HEAD}{{% include "includes/careers/values.md" %}}\nNext line.\n`);
    assert.deepEqual(includeFindings(workspace, second.text), []);
  });

  it('a folder with spaces, and a folder segment edited in the middle of a path, add no closing', () => {
    const { workspace } = siteWorkspace(SPACES);
    const spaced = accept(workspace, typing('{{% include "includes/my|'), 'my notes/');
    assert.equal(spaced.text, `${HEAD}{{% include "includes/my notes/\nNext line.\n`);
    const middle = accept(workspace, typing('{{% include "includes/ca|reers/}}'), 'careers/');
    assert.equal(middle.item.insertText, 'careers');
    assert.equal(middle.item.retrigger, false);
    assert.equal(middle.text, `${HEAD}{{% include "includes/careers/}}\nNext line.\n`);
    // A file picked for a segment that a later one follows does not close the call there either.
    const file = accept(workspace, typing('{{% include "includes/careers/na|/x}}'), 'nav.md');
    assert.equal(file.text, `${HEAD}{{% include "includes/careers/nav.md/x}}\nNext line.\n`);
  });

  it('keeps CRLF line breaks: the edits stay on the line and the result is exact', () => {
    const { workspace } = siteWorkspace(SPACES);
    for (const [line, after] of [
      ['{{% include "includes/careers/na|}}', '{{% include "includes/careers/nav.md" %}}'],
      ['{{% include "includes/careers/na|', '{{% include "includes/careers/nav.md" %}}'],
      ['{{< include "includes/careers/na| }}', '{{< include "includes/careers/nav.md" >}}'],
    ]) {
      const result = accept(workspace, typing(line, '\r\n'), 'nav.md');
      assert.equal(result.text, `---\r\ntitle: T\r\n---\r\n\r\n${after}\r\nNext line.\r\n`);
    }
  });

  it('the item for " }}" carries the delimiter as an additional edit after the path\'s edit, not touching it', () => {
    const { workspace } = siteWorkspace(SPACES);
    const { item } = accept(workspace, typing('{{% include "includes/careers/na| }}'), 'nav.md');
    assert.deepEqual([item.insertText, item.range, item.additionalEdits], ['nav.md"', range(4, 30, 32), [{ range: range(4, 33, 33), newText: '%' }]]);
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
