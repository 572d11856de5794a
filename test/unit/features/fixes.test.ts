// Quick fixes, one by one: each rule's fix gives the exact text expected, and applying it, checking
// again and applying the same fix again changes nothing. Then "fix all in file": one set of
// non-overlapping edits that fixes everything fixable, also what a first fix reveals, and is
// idempotent.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic, Fix } from '../../../server/src/core/diagnostic';
import { EditComposer, fixAll } from '../../../server/src/core/features/fixAll';
import type { MemoryHost } from '../../../server/src/core/host';
import type { Workspace } from '../../../server/src/core/workspace';
import { applyEdits, FILES, INC, MANAGER, ROOT, siteWorkspace, text, TRACK } from './site';

const PAGE = `${ROOT}/content/p.md`;
const CAREER = `${TRACK}/principal.md`;

/** Applies a fix to the host (edits and the file it creates) and tells the workspace. */
function apply(host: MemoryHost, workspace: Workspace, fix: Fix): void {
  if (fix.createFile && !host.readFile(fix.createFile.path)) {
    host.set(fix.createFile.path, fix.createFile.text);
    workspace.fileChanged(fix.createFile.path, 'created');
  }
  for (const file of new Set(fix.edits.map((e) => e.file))) {
    host.set(
      file,
      applyEdits(
        text(host, file),
        fix.edits.filter((e) => e.file === file),
      ),
    );
    workspace.fileChanged(file, 'changed');
  }
}

const fixesOf = (ds: Diagnostic[], code: string) => ds.filter((d) => d.code === code).flatMap((d) => d.fixes ?? []);

interface FixCase {
  name: string;
  code: string;
  file?: string;
  before: string;
  title: string;
  after: string;
  creates?: string;
}

const FM = '---\ntitle: T\n---\n\n';
const CAREER_FM = '---\ntitle: "Principal Engineer"\ndescription: "Principal level."\n---\n\n## Principal Engineer\n\n';

const CASES: FixCase[] = [
  {
    name: 'did-you-mean include path',
    code: 'include-missing',
    before: `${FM}{{% include "includes/careers/navv.md" %}}\n`,
    title: 'Change to "includes/careers/nav.md"',
    after: `${FM}{{% include "includes/careers/nav.md" %}}\n`,
  },
  {
    name: 'create the missing include file',
    code: 'include-missing',
    before: `${FM}{{% include "includes/careers/brand-new.md" %}}\n`,
    title: 'Create assets/includes/careers/brand-new.md',
    after: `${FM}{{% include "includes/careers/brand-new.md" %}}\n`,
    creates: `${INC}/brand-new.md`,
  },
  {
    name: 'path case',
    code: 'include-case',
    before: `${FM}{{% include "includes/careers/NAV.md" %}}\n`,
    title: 'Change to "includes/careers/nav.md"',
    after: `${FM}{{% include "includes/careers/nav.md" %}}\n`,
  },
  {
    name: '{{< >}} to {{% %}}',
    code: 'include-delimiter',
    before: `${FM}{{< include "includes/careers/nav.md" >}}\n`,
    title: 'Use {{% %}}',
    after: `${FM}{{% include "includes/careers/nav.md" %}}\n`,
  },
  {
    name: 'closing tag of include',
    code: 'include-syntax',
    before: `${FM}{{% include "includes/careers/nav.md" %}}{{% /include %}}\n`,
    title: 'Remove the closing tag',
    after: `${FM}{{% include "includes/careers/nav.md" %}}\n`,
  },
  {
    name: 'ignored parameters',
    code: 'include-syntax',
    before: `${FM}{{% include "includes/careers/nav.md" "x" %}}\n`,
    title: 'Remove the ignored parameters',
    after: `${FM}{{% include "includes/careers/nav.md" %}}\n`,
  },
  {
    name: 'trim marker',
    code: 'include-syntax',
    before: `${FM}{{% include "includes/careers/nav.md" -%}}\n`,
    title: 'Remove the "-"',
    after: `${FM}{{% include "includes/careers/nav.md"%}}\n`,
  },
  {
    name: 'leading slash',
    code: 'include-syntax',
    before: `${FM}{{% include "/includes/careers/nav.md" %}}\n`,
    title: 'Change to "includes/careers/nav.md"',
    after: `${FM}{{% include "includes/careers/nav.md" %}}\n`,
  },
  {
    name: 'mismatched right delimiter',
    code: 'include-syntax',
    before: `${FM}{{% include "includes/careers/nav.md" >}}\n`,
    title: 'Close with %}}',
    after: `${FM}{{% include "includes/careers/nav.md" %}}\n`,
  },
  {
    name: 'escape a shortcode in code',
    code: 'shortcode-in-code',
    before: `${FM}\`{{% include "includes/careers/nav.md" %}}\`\n`,
    title: 'Escape the shortcode',
    after: `${FM}\`{{%/* include "includes/careers/nav.md" */%}}\`\n`,
  },
  {
    name: 'same-page fragment',
    code: 'link-fragment',
    before: `${FM}## Senior Leadership\n\n[x](#senior-leadershp)\n`,
    title: 'Change to "#senior-leadership"',
    after: `${FM}## Senior Leadership\n\n[x](#senior-leadership)\n`,
  },
  {
    name: 'fragment on another page',
    code: 'link-fragment',
    before: `${FM}[x](/handbook/careers/matrix/track/senior/#leadershp)\n`,
    title: 'Change to "#leadership"',
    after: `${FM}[x](/handbook/careers/matrix/track/senior/#leadership)\n`,
  },
  {
    name: 'fragment in an include file (an anchor every including page has)',
    code: 'link-fragment',
    file: `${INC}/senior-leadership.md`,
    before: '#### Leadership\n\n- [Up](#senior-leadershp)\n',
    title: 'Change to "#senior-leadership"',
    after: '#### Leadership\n\n- [Up](#senior-leadership)\n',
  },
  {
    name: 'no front matter',
    code: 'frontmatter-missing',
    before: '## Hello\n',
    title: 'Add front matter with a title',
    after: '---\ntitle: "Hello"\ndescription: ""\n---\n\n## Hello\n',
  },
  {
    name: 'missing required key',
    code: 'frontmatter-schema',
    file: CAREER,
    before: CAREER_FM.replace('title: "Principal Engineer"\n', ''),
    title: 'Add "title" to the front matter',
    after: CAREER_FM.replace('title: "Principal Engineer"', 'title: "Principal Engineer"'),
  },
  {
    name: 'unknown key (closed schema)',
    code: 'frontmatter-schema',
    file: CAREER,
    before: CAREER_FM.replace('description:', 'descripton:'),
    title: 'Rename "descripton" to "description"',
    after: CAREER_FM,
  },
  {
    name: 'unknown key (open schema)',
    code: 'frontmatter-schema',
    before: '---\ntitle: T\nweigth: 3\n---\n\nText.\n',
    title: 'Rename "weigth" to "weight"',
    after: '---\ntitle: T\nweight: 3\n---\n\nText.\n',
  },
  { name: 'heading level', code: 'heading-increment', before: `${FM}## A\n\n#### B\n`, title: 'Make it a level-3 heading', after: `${FM}## A\n\n### B\n` },
  {
    name: 'delimiter row width',
    code: 'table-shape',
    before: `${FM}| a | b |\n| :-- |\n| 1 | 2 |\n`,
    title: 'Make the delimiter row 2 cells wide',
    after: `${FM}| a | b |\n| :--- | --- |\n| 1 | 2 |\n`,
  },
  {
    name: 'short row',
    code: 'table-shape',
    before: `${FM}| a | b | c |\n| --- | --- | --- |\n| 1 | 2 |\n`,
    title: 'Add 1 empty cell',
    after: `${FM}| a | b | c |\n| --- | --- | --- |\n| 1 | 2 |  |\n`,
  },
  {
    name: 'short row without pipes at the ends',
    code: 'table-shape',
    before: `${FM}a | b | c\n--- | --- | ---\n1\n`,
    title: 'Add 2 empty cells',
    after: `${FM}a | b | c\n--- | --- | ---\n1 |  |  |\n`,
  },
];

describe('quick fixes: exact result, and applying again changes nothing', () => {
  for (const c of CASES) {
    it(`${c.code}: ${c.name}`, () => {
      const file = c.file ?? PAGE;
      const { host, workspace } = siteWorkspace({ [file]: c.before });
      const fix = fixesOf(workspace.lint(file).diagnostics, c.code).find((f) => f.title === c.title);
      assert.ok(fix, `offered: ${JSON.stringify(workspace.lint(file).diagnostics.map((d) => [d.code, d.fixes?.map((f) => f.title)]))}`);
      if (c.creates) assert.deepEqual(fix.createFile, { path: c.creates, text: '' });
      apply(host, workspace, fix);
      assert.equal(text(host, file), c.after);
      if (c.creates) assert.equal(text(host, c.creates), '');
      // Checked again: the same fix is no longer offered (or would change nothing).
      const again = fixesOf(workspace.lint(file).diagnostics, c.code).filter((f) => f.title === c.title);
      for (const f of again) {
        apply(host, workspace, f);
        assert.equal(text(host, file), c.after, `"${f.title}" changed the file a second time`);
      }
      assert.deepEqual(again, []);
    });
  }

  it('the create-file fix is not offered once the file exists, so it never overwrites it', () => {
    const file = PAGE;
    const { host, workspace } = siteWorkspace({ [file]: `${FM}{{% include "includes/careers/brand-new.md" %}}\n` });
    host.set(`${INC}/brand-new.md`, 'Written by someone.\n');
    workspace.fileChanged(`${INC}/brand-new.md`, 'created');
    assert.deepEqual(
      workspace.lint(file).diagnostics.filter((d) => d.code === 'include-missing'),
      [],
    );
  });

  it('every fix any rule offers on a page full of problems is idempotent', () => {
    const pages: Record<string, string> = {
      [PAGE]: `${FM}## A\n\n#### B\n\n{{< include "includes/careers/NAV.md" "x" >}}\n\n[x](#bb) [y](/handbook/careers/matrix/track/senior/#leadershp)\n\n| a | b |\n| --- |\n`,
      [CAREER]: CAREER_FM.replace('description:', 'descripton:') + '#### Skipped\n\n{{% include "includes/careers/senior-leadershp.md" %}}\n',
      [MANAGER]: FILES[MANAGER].replace('listed for Engineering Manager.', 'listed for Engineering Managr.'),
    };
    let checked = 0;
    for (const [file, content] of Object.entries(pages)) {
      const probe = siteWorkspace({ [file]: content });
      const offered = probe.workspace.lint(file).diagnostics.flatMap((d) => (d.fixes ?? []).map((f) => ({ code: d.code, title: f.title })));
      for (const { code, title } of offered) {
        const { host, workspace } = siteWorkspace({ [file]: content });
        const fix = fixesOf(workspace.lint(file).diagnostics, code).find((f) => f.title === title)!;
        apply(host, workspace, fix);
        const once = text(host, file);
        for (const f of fixesOf(workspace.lint(file).diagnostics, code).filter((x) => x.title === title)) apply(host, workspace, f);
        assert.equal(text(host, file), once, `${code}: "${title}" changed ${file} again`);
        checked++;
      }
    }
    assert.ok(checked >= 10, `only ${checked} fixes checked`);
  });
});

describe('fix all in file', () => {
  it('applies every preferred fix in one set of non-overlapping edits, including what a first fix reveals', () => {
    const before = `${FM}## A\n\n#### B\n\n##### C\n\n{{< include "includes/careers/NAV.md" >}}\n\n[x](#bb)\n\n| a | b |\n| --- |\n`;
    const { host, workspace } = siteWorkspace({ [PAGE]: before });
    const result = fixAll(workspace, PAGE, before);
    assert.deepEqual(result.applied, [
      'heading-increment: Make it a level-3 heading',
      'include-delimiter: Use {{% %}}',
      'include-case: Change to "includes/careers/nav.md"',
      'link-fragment: Change to "#b"',
      'table-shape: Make the delimiter row 2 cells wide',
      'heading-increment: Make it a level-4 heading',
    ]);
    const after = applyEdits(before, result.edits);
    assert.equal(after, `${FM}## A\n\n### B\n\n#### C\n\n{{% include "includes/careers/nav.md" %}}\n\n[x](#b)\n\n| a | b |\n| --- | --- |\n`);
    assert.deepEqual(
      result.edits.map((e) => [e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character, e.newText]),
      [
        [6, 0, 6, 4, '###'],
        [8, 0, 8, 5, '####'],
        [10, 0, 10, 3, '{{%'],
        [10, 13, 10, 36, 'includes/careers/nav.md'],
        [10, 38, 10, 41, '%}}'],
        [12, 5, 12, 7, 'b'],
        [15, 0, 15, 7, '| --- | --- |'],
      ],
    );
    // The workspace's model is the text as given again (the rounds did not leak).
    assert.equal(workspace.model(PAGE)!.file.text, before);
    host.set(PAGE, after);
    workspace.fileChanged(PAGE, 'changed');
    assert.deepEqual(fixAll(workspace, PAGE, after), { edits: [], applied: [] });
  });

  it('has nothing to do on a page without fixable problems', () => {
    const { host, workspace } = siteWorkspace();
    const file = `${TRACK}/senior.md`;
    assert.deepEqual(fixAll(workspace, file, text(host, file)).edits, []);
  });
});

describe('edit composer', () => {
  it('maps later rounds back to the original text, merging edits that touch', () => {
    const original = 'abcdefghij';
    const composer = new EditComposer(original);
    let current = composer.apply(original, [
      { start: 1, end: 2, text: 'BB' },
      { start: 5, end: 5, text: '+' },
    ]);
    assert.equal(current, 'aBBcde+fghij');
    current = composer.apply(current, [
      { start: 2, end: 4, text: 'X' },
      { start: 10, end: 12, text: '' },
    ]);
    assert.equal(current, 'aBXde+fgh');
    assert.deepEqual(composer.edits(), [
      { start: 1, end: 3, text: 'BX' },
      { start: 5, end: 5, text: '+' },
      { start: 8, end: 10, text: '' },
    ]);
    let replay = original;
    for (const e of [...composer.edits()].reverse()) replay = replay.slice(0, e.start) + e.text + replay.slice(e.end);
    assert.equal(replay, current);
  });
});
