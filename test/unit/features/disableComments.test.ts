// "Disable <code> for this line / for this file" and the quick-fix menu they join: the exact edit
// for each place a finding can be (where a comment line is safe, and where it is not: wrapped
// paragraph lines, list items, tables, code blocks, block quotes, front matter), merging into
// comments already there, the file's line breaks kept; and for every case, applying the edit and
// checking again silences exactly that finding and nothing else. (What Hugo renders before and
// after: test/hugo/disableComments.test.ts.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from '../../../server/src/core/diagnostic';
import { FIX_ALL_IN_FILE_TITLE, type QuickAction, quickActions } from '../../../server/src/core/features/codeActions';
import { disableFixes } from '../../../server/src/core/features/disableComments';
import { applyEdits, fixAll } from '../../../server/src/core/features/fixAll';
import { LineIndex } from '../../../server/src/core/text';
import type { Workspace } from '../../../server/src/core/workspace';
import { CASES, FM, PAGE } from './disableCases';
import { INC, ROOT, siteWorkspace } from './site';

/** A finding as something that survives edits elsewhere: its code, columns and the text it covers. */
function identity(text: string, d: Diagnostic): string {
  const lines = new LineIndex(text);
  return `${d.code} ${d.range.start.character}-${d.range.end.character} ${JSON.stringify(text.slice(lines.offsetAt(d.range.start), lines.offsetAt(d.range.end)))}`;
}

/** The page's finding of `code` on `line` (0-based), its disable fixes, and the text after each, checked again. */
function disable(workspace: Workspace, file: string, text: string, code: string, line: number) {
  const findings = workspace.lint(file, text).diagnostics;
  const target = findings.find((d) => d.code === code && d.range.start.line === line);
  assert.ok(target, `findings: ${JSON.stringify(findings.map((d) => `${d.code}@${d.range.start.line}`))}`);
  const fixes = disableFixes(workspace, file, text, code, target.range);
  return fixes.map((fix) => {
    const after = applyEdits(text, fix.edits);
    // For the line exactly that finding is gone, for a block the code's findings in it, for the file
    // all of the code's; every other finding is still there (moved down by a comment line, if any).
    const [from, to] = /for this line$/.test(fix.title)
      ? [line, line]
      : /for this file$/.test(fix.title)
        ? [0, Number.MAX_SAFE_INTEGER]
        : [fix.edits[0].range.start.line, fix.edits[1].range.start.line - 1];
    const silenced = (d: Diagnostic) => d === target || (d.code === code && d.range.start.line >= from && d.range.start.line <= to);
    const expected = findings
      .filter((d) => !silenced(d))
      .map((d) => identity(text, d))
      .sort();
    const now = workspace.lint(file, after).diagnostics;
    assert.deepEqual(now.map((d) => identity(after, d)).sort(), expected, `${fix.title}: ${after}`);
    return {
      title: fix.title,
      edits: fix.edits.map((e) => [e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character, e.newText]),
      after,
    };
  });
}

describe('disable comments: the exact edit, and only that finding is silenced', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const { workspace } = siteWorkspace({ [PAGE]: c.page });
      const results = disable(workspace, PAGE, c.page, c.code, c.line);
      const result = results.find((r) => r.title === c.title);
      assert.ok(result, `offered: ${JSON.stringify(results.map((r) => r.title))}`);
      assert.equal(result.after, c.after);
    });
  }

  it('offers the line and the file, in that order, with exact edits', () => {
    const page = `${FM}- one\n- [x](#nope)\n`;
    const { workspace } = siteWorkspace({ [PAGE]: page });
    assert.deepEqual(
      disable(workspace, PAGE, page, 'link-fragment', 5).map((r) => [r.title, r.edits]),
      [
        ['Disable link-fragment for this line', [[5, 0, 5, 0, '  <!-- career-lint-disable-next-line link-fragment -->\n']]],
        ['Disable link-fragment for this file', [[3, 0, 3, 0, '<!-- career-lint-disable-file link-fragment -->\n']]],
      ],
    );
  });

  it('a finding in the front matter: no line comment (it would break the YAML), the file comment after it', () => {
    const file = `${ROOT}/content/handbook/careers/matrix/track/principal.md`;
    const page = '---\ntitle: "Principal Engineer"\ndescripton: "Principal level."\n---\n\n## Principal Engineer\n';
    const { workspace } = siteWorkspace({ [file]: page });
    const results = disable(workspace, file, page, 'frontmatter-schema', 2);
    assert.deepEqual(
      results.map((r) => [r.title, r.edits]),
      [['Disable frontmatter-schema for this file', [[4, 0, 4, 0, '<!-- career-lint-disable-file frontmatter-schema -->\n']]]],
    );
  });

  it('an include file (no front matter): the file comment on its first line', () => {
    const file = `${INC}/broken.md`;
    const text = '#### Broken\n\n[x](#nope)\n';
    const { workspace } = siteWorkspace({ [file]: text, [PAGE]: `${FM}## A\n\n{{% include "includes/careers/broken.md" %}}\n` });
    const results = disable(workspace, file, text, 'link-fragment', 2);
    assert.deepEqual(
      results.map((r) => r.after),
      [
        '#### Broken\n\n<!-- career-lint-disable-next-line link-fragment -->\n[x](#nope)\n',
        '<!-- career-lint-disable-file link-fragment -->\n#### Broken\n\n[x](#nope)\n',
      ],
    );
  });

  it('a byte order mark stays first', () => {
    const file = `${INC}/bom.md`;
    const text = '\uFEFF[x](#nope)\n';
    const { workspace } = siteWorkspace({ [file]: text, [PAGE]: `${FM}{{% include "includes/careers/bom.md" %}}\n` });
    assert.deepEqual(
      disable(workspace, file, text, 'link-fragment', 0).map((r) => r.after),
      ['\uFEFF<!-- career-lint-disable-next-line link-fragment -->\n[x](#nope)\n', '\uFEFF<!-- career-lint-disable-file link-fragment -->\n[x](#nope)\n'],
    );
  });

  it('offers nothing for a failure of the tool, a file that is not Markdown, or unclosed front matter', () => {
    const { workspace } = siteWorkspace({ [PAGE]: `${FM}Text.\n` });
    const at = { start: { line: 4, character: 0 }, end: { line: 4, character: 1 } };
    assert.deepEqual(disableFixes(workspace, PAGE, `${FM}Text.\n`, 'internal-error', at), []);
    assert.deepEqual(disableFixes(workspace, `${ROOT}/.career-pages.jsonc`, '{}', 'config', at), []);
    assert.deepEqual(disableFixes(workspace, PAGE, '---\ntitle: T\n\n[x](#nope)\n', 'link-fragment', at), []);
  });
});

describe('the quick-fix menu of a finding', () => {
  const titles = (actions: QuickAction[]) => actions.map((a) => [a.title, a.preferred, a.findings]);

  it("the finding's own fixes first (preferred first), then fix all in the file, then the disables", () => {
    const page = `${FM}## A\n\n#### B\n\n{{% include "includes/careers/navv.md" %}}\n`;
    const { workspace } = siteWorkspace({ [PAGE]: page });
    const [missing] = workspace.lint(PAGE, page).diagnostics.filter((d) => d.code === 'include-missing');
    // The own fixes as a rule might list them: the preferred one last here.
    const fixes = [...missing.fixes!].reverse();
    const actions = quickActions(workspace, PAGE, page, [{ code: missing.code, range: missing.range, fixes }]);
    assert.deepEqual(titles(actions), [
      ['Change to "includes/careers/nav.md"', true, [0]],
      ['Create assets/includes/careers/navv.md', false, [0]],
      [FIX_ALL_IN_FILE_TITLE, false, [0]],
      ['Disable include-missing for this line', false, [0]],
      ['Disable include-missing for this file', false, [0]],
    ]);
    // Fix all carries no edits: they are fixAll's of the whole file (the heading too), computed when it is chosen.
    assert.equal(actions[2].fix, undefined);
    assert.equal(applyEdits(page, fixAll(workspace, PAGE, page).edits), `${FM}## A\n\n### B\n\n{{% include "includes/careers/nav.md" %}}\n`);
    // The disables carry their edits.
    assert.deepEqual(actions[3].fix!.edits, [
      {
        file: PAGE,
        range: { start: { line: 8, character: 0 }, end: { line: 8, character: 0 } },
        newText: '<!-- career-lint-disable-next-line include-missing -->\n',
      },
    ]);
  });

  it('fix all is offered while the file has a fixable finding, also next to one without a fix', () => {
    const page = `${FM}## A\n\n#### B\n\n[x](#nope)\n`;
    const { workspace } = siteWorkspace({ [PAGE]: page });
    const link = workspace.lint(PAGE, page).diagnostics.find((d) => d.code === 'link-fragment')!;
    assert.deepEqual(titles(quickActions(workspace, PAGE, page, [{ code: link.code, range: link.range, fixes: link.fixes }])), [
      [FIX_ALL_IN_FILE_TITLE, false, []],
      ['Disable link-fragment for this line', false, [0]],
      ['Disable link-fragment for this file', false, [0]],
    ]);
    const clean = `${FM}## A\n\n[x](#nope)\n`;
    assert.deepEqual(
      titles(
        quickActions(workspace, PAGE, clean, [{ code: link.code, range: { ...link.range, start: { line: 6, character: 4 }, end: { line: 6, character: 9 } } }]),
      ),
      [
        ['Disable link-fragment for this line', false, [0]],
        ['Disable link-fragment for this file', false, [0]],
      ],
    );
  });

  it('one disable for two findings of a code on one line; another line of the same code says its line', () => {
    const page = `${FM}## A\n\n[x](#nope) [y](#nada)\n[z](#none)\n`;
    const { workspace } = siteWorkspace({ [PAGE]: page });
    const links = workspace.lint(PAGE, page).diagnostics.filter((d) => d.code === 'link-fragment');
    assert.equal(links.length, 3);
    assert.deepEqual(titles(quickActions(workspace, PAGE, page, links)), [
      ['Disable link-fragment for this line', false, [0, 1]],
      ['Disable link-fragment for this file', false, [0, 1, 2]],
      ['Disable link-fragment for line 8', false, [2]],
    ]);
  });

  it('without the text (a file the editor does not hold): only the own fixes', () => {
    const page = `${FM}## A\n\n#### B\n`;
    const { workspace } = siteWorkspace({ [PAGE]: page });
    const [jump] = workspace.lint(PAGE, page).diagnostics;
    assert.deepEqual(titles(quickActions(workspace, PAGE, undefined, [jump])), [['Make it a level-3 heading', true, [0]]]);
  });
});
