// What an author does with a finding in the real editor (issue 13): the Ctrl+. menu next to a
// finding's own fix ("Fix all career-pages problems in this file", "Disable <code> for this line" /
// "... for this file") applied as VS Code applies them (fix all resolved with codeAction/resolve);
// the finding's explanation in the hover; the heading jump a competency file makes on every page,
// reported once in the include file with the fix there; the same include file included twice.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeAll, ours, waitForCount, waitForDiagnostics } from '../support/diagnostics';
import { Cleanup, closeWithoutSaving, INCLUDES, openPage, openPageCopy, PAGES, rangeOf } from '../support/workspace';

/**
 * The quick fixes VS Code's Ctrl+. menu gets for `range`, the first `resolve` of them resolved
 * (VS Code resolves the one chosen: codeAction/resolve fills in "fix all"'s edit).
 */
function quickFixes(uri: vscode.Uri, range: vscode.Range, resolve = 0): Thenable<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value, resolve);
}

function titled(actions: vscode.CodeAction[], title: string): vscode.CodeAction {
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `"${title}" not offered; actions: ${JSON.stringify(actions.map((a) => a.title))}`);
  return action;
}

async function apply(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit, `"${action.title}" carries no edit`);
  assert.ok(await vscode.workspace.applyEdit(action.edit), `the editor refused "${action.title}"`);
}

/** Waits until our diagnostics on `uri` are exactly `expected` (describeAll lines, in order). */
function waitForExactly(uri: vscode.Uri, expected: string[], timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, (ds) => JSON.stringify(describeAll(ds)) === JSON.stringify(expected), `exactly ${JSON.stringify(expected)}`, timeoutMs);
}

const span = (r: vscode.Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
const markdownOf = (hovers: vscode.Hover[]) => hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');

const SENIOR_LINKS = ['link-fragment warning 11:28-11:52', 'link-fragment warning 12:27-12:50', 'link-fragment warning 13:21-13:38'];
const INTERMEDIATE = [
  'include-delimiter warning 7:0-7:63',
  'link-fragment warning 12:28-12:52',
  'link-fragment warning 13:27-13:50',
  'link-fragment warning 14:21-14:38',
  'include-delimiter warning 21:0-21:84',
  'include-delimiter warning 25:0-25:83',
  'include-delimiter warning 42:0-42:67',
];

suite('findings: code actions, hover, include files', () => {
  const cleanup = new Cleanup();
  teardown(() => cleanup.run());

  test('the Ctrl+. menu of a finding: its fix first, then fix all in the file, then the two disables', async () => {
    const { document: doc } = await openPageCopy(cleanup, PAGES.intermediate);
    const [first] = await waitForCount(doc.uri, 'include-delimiter', 4);
    const actions = await quickFixes(doc.uri, first.range);
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind?.value, a.isPreferred ?? false]),
      [
        ['Use {{% %}}', 'quickfix', true],
        ['Fix all career-pages problems in this file', 'quickfix', false],
        ['Disable include-delimiter for this line', 'quickfix', false],
        ['Disable include-delimiter for this file', 'quickfix', false],
      ],
    );
  });

  test('"Fix all career-pages problems in this file", resolved and applied, leaves the page with no finding', async () => {
    const { document: doc } = await openPageCopy(cleanup, PAGES.intermediate);
    const original = doc.getText();
    await waitForExactly(doc.uri, INTERMEDIATE);
    const [first] = ours(doc.uri, 'include-delimiter');
    const unresolved = titled(await quickFixes(doc.uri, first.range), 'Fix all career-pages problems in this file');
    // The menu gets it without its edit (fixAll runs only when it is chosen) ...
    assert.equal(unresolved.edit, undefined);
    // ... and VS Code resolves the chosen one: the same list, every item resolved.
    const actions = await quickFixes(doc.uri, first.range, 10);
    await apply(titled(actions, 'Fix all career-pages problems in this file'));
    // What `career-lint --fix` makes of the page: {{% %}} includes, the nav anchors of this level,
    // and the markdownlint MD051 comments the repaired links no longer need.
    const expected = original
      .replace(/\{\{< (include "[^"]+") >\}\}/g, '{{% $1 %}}')
      .replace(/\]\(#(leadership-competencies|technical-competencies|values-alignment)\)/g, '](#intermediate-$1)')
      .replace('<!-- markdownlint-disable MD051 -->\n', '')
      .replace('<!-- markdownlint-enable MD051 -->\n', '');
    assert.notEqual(expected, original);
    assert.equal(doc.getText(), expected);
    await waitForExactly(doc.uri, []);
  });

  test('"Disable link-fragment for this line" writes the comment above the list item and silences exactly that finding', async () => {
    const { document: doc } = await openPageCopy(cleanup, PAGES.senior);
    const [first] = await waitForExactly(doc.uri, SENIOR_LINKS);
    const actions = await quickFixes(doc.uri, first.range);
    assert.deepEqual(
      actions.map((a) => a.title),
      [
        'Change to "#senior-leadership-competencies"',
        'Fix all career-pages problems in this file',
        'Disable link-fragment for this line',
        'Disable link-fragment for this file',
      ],
    );
    await apply(titled(actions, 'Disable link-fragment for this line'));
    assert.deepEqual(
      [10, 11, 12].map((l) => doc.lineAt(l).text),
      ['', '<!-- career-lint-disable-next-line link-fragment -->', '- [Leadership Competencies](#leadership-competencies)'],
    );
    await waitForExactly(doc.uri, ['link-fragment warning 13:27-13:50', 'link-fragment warning 14:21-14:38']);
  });

  test('"Disable include-delimiter for this file" writes one comment after the front matter; the other rules still report', async () => {
    const { document: doc } = await openPageCopy(cleanup, PAGES.intermediate);
    await waitForExactly(doc.uri, INTERMEDIATE);
    const last = ours(doc.uri, 'include-delimiter')[3];
    await apply(titled(await quickFixes(doc.uri, last.range), 'Disable include-delimiter for this file'));
    assert.deepEqual(
      [3, 4, 5].map((l) => doc.lineAt(l).text),
      ['---', '<!-- career-lint-disable-file include-delimiter -->', ''],
    );
    await waitForExactly(doc.uri, ['link-fragment warning 13:28-13:52', 'link-fragment warning 14:27-14:50', 'link-fragment warning 15:21-15:38']);
  });

  test('an include file that starts too deep on every page that includes it: one finding there, its explanation in the hover, and its fix', async () => {
    const { document: include } = await openPage(INCLUDES.seniorLeadership);
    cleanup.defer(() => closeWithoutSaving(include.uri));
    // Once the index has let go of the page copies earlier tests deleted: one page includes it.
    const message = 'Heading level jumps from 3 to 5 on the page that includes this file; start it at level 4.';
    const [jump] = await waitForDiagnostics(include.uri, (ds) => ds.length === 1 && ds[0].message === message, `the one finding "${message}"`);
    assert.deepEqual(describeAll([jump]), ['heading-increment warning 0:6-0:17']);
    assert.deepEqual(jump.relatedInformation ?? [], []);
    // The hover on it: below what the heading's hover says, the explanation the message leaves out.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', include.uri, jump.range.start.translate(0, 2));
    const parts = markdownOf(hovers).split('\n\n---\n\n');
    assert.equal(
      parts[parts.length - 1],
      `*heading-increment*: Every page that includes this file puts it under a level-3 heading (${PAGES.senior}), ` +
        "so the fix belongs here: moving this file's headings up 1 level fixes all of them, and those pages report nothing.",
    );
    assert.ok(!markdownOf(hovers).includes(jump.message), 'the hover does not repeat the message');

    const actions = await quickFixes(include.uri, jump.range);
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred ?? false]),
      [
        ['Start the file at level 4 (every heading 1 level up)', true],
        ['Fix all career-pages problems in this file', false],
        ['Disable heading-increment for this line', false],
        ['Disable heading-increment for this file', false],
      ],
    );
    await apply(actions[0]);
    assert.equal(include.lineAt(0).text, '#### Engineering');
    await waitForExactly(include.uri, []);
    // The page that includes it had nothing to report, and still has not.
    const { document: page } = await openPage(PAGES.senior);
    await waitForExactly(page.uri, SENIOR_LINKS);
  });

  test('the same include file twice on a page: include-repeated at the second call, pointing at the first, with a fix removing it', async () => {
    const call = '{{% include "includes/engineering-careers/senior-leadership-competency.md" %}}';
    const { document: doc } = await openPageCopy(cleanup, PAGES.senior, (t) => t.replace(`${call}\n`, `${call}\n\n${call}\n`));
    const [repeated] = await waitForCount(doc.uri, 'include-repeated', 1);
    assert.deepEqual(describeAll([repeated]), ['include-repeated warning 21:0-21:78']);
    assert.equal(doc.getText(repeated.range), call);
    assert.equal(
      repeated.message,
      'assets/includes/engineering-careers/senior-leadership-competency.md is already included on line 20: its headings and ids repeat.',
    );
    assert.deepEqual(
      (repeated.relatedInformation ?? []).map((r) => [r.location.uri.toString(), span(r.location.range), r.message]),
      [[doc.uri.toString(), '19:0-19:78', 'First included here.']],
    );
    const fix = titled(await quickFixes(doc.uri, repeated.range), 'Remove this include');
    await apply(fix);
    assert.equal(doc.getText(rangeOf(doc, call)), call);
    assert.equal(doc.getText().split(call).length, 2, 'one call left');
    await waitForCount(doc.uri, 'include-repeated', 0);
  });
});
