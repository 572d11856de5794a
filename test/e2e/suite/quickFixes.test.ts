// Quick fixes offered through the editor's code action machinery, applied as a person would.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitForCount } from '../support/diagnostics';
import { Cleanup, openPageCopy, PAGES } from '../support/workspace';

function codeActions(uri: vscode.Uri, range: vscode.Range, kind: vscode.CodeActionKind): Thenable<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind.value);
}

suite('quick fixes', () => {
  const cleanup = new Cleanup();
  teardown(() => cleanup.run());

  test('include-delimiter offers "Use {{% %}}" and applying it rewrites both delimiters', async () => {
    const { document: doc } = await openPageCopy(cleanup, PAGES.intermediate);
    const [first] = await waitForCount(doc.uri, 'include-delimiter', 4);
    const actions = await codeActions(doc.uri, first.range, vscode.CodeActionKind.QuickFix);
    const fix = actions.find((a) => a.title === 'Use {{% %}}');
    assert.ok(fix, `actions offered: ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(fix.isPreferred, true);
    assert.ok(fix.edit, 'the fix carries its edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(doc.lineAt(7).text, '{{% include "includes/engineering-careers/ep-career-nav.md" %}}');
    const left = await waitForCount(doc.uri, 'include-delimiter', 3);
    assert.ok(left.every((d) => d.range.start.line !== 7));
  });

  test('"fix all" rewrites every {{< >}} include in the file', async () => {
    const { document: doc } = await openPageCopy(cleanup, PAGES.intermediate);
    await waitForCount(doc.uri, 'include-delimiter', 4);
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const actions = await codeActions(doc.uri, whole, vscode.CodeActionKind.SourceFixAll.append('careerPages'));
    const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.careerPages');
    assert.ok(fixAll?.edit, `actions offered: ${JSON.stringify(actions.map((a) => `${a.kind?.value}: ${a.title}`))}`);
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    assert.equal((doc.getText().match(/\{\{</g) ?? []).length, 0);
    await waitForCount(doc.uri, 'include-delimiter', 0);
  });
});
