// The code link of a diagnostic (issue 13, item 4) opens the rule's doc rendered and read-only: a
// locked Markdown preview of the doc packaged with the extension, not its raw text in an editor tab.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitForCode } from '../support/diagnostics';
import { Cleanup, openPageCopy, PAGES } from '../support/workspace';

/** Every tab of the window. */
const allTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
const isPreview = (t: vscode.Tab) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('markdown.preview');

/** Resolves with the first tab that `accept` takes (open now or opened later); rejects after `timeoutMs`. */
function waitForTab(accept: (t: vscode.Tab) => boolean, what: string, timeoutMs = 15_000): Promise<vscode.Tab> {
  return new Promise((resolve, reject) => {
    const now = allTabs().find(accept);
    if (now) return resolve(now);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; tabs: ${JSON.stringify(allTabs().map((t) => t.label))}`));
    }, timeoutMs);
    const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
      const tab = allTabs().find(accept);
      if (!tab) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(tab);
    });
  });
}

suite('rule documentation', () => {
  const cleanup = new Cleanup();
  teardown(() => cleanup.run());

  test("a diagnostic's code link opens the rule's doc in a read-only Markdown preview", async () => {
    const { document: doc } = await openPageCopy(cleanup, PAGES.senior, (t) => `${t}\n{{% include "includes/engineering-careers/e2e-missing.md" %}}\n`);
    const [d] = await waitForCode(doc.uri, 'include-missing');
    const code = d.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'include-missing');
    // A command link, with its arguments as VS Code's command links carry them (JSON in the query).
    assert.equal(code.target.scheme, 'command');
    assert.equal(code.target.path, 'careerPages.showRuleDoc');
    const args = JSON.parse(decodeURIComponent(code.target.query));
    assert.deepEqual(args, ['include-missing']);

    // What the Problems view and the hover do with a command link on a code: run the command.
    const extension = vscode.extensions.getExtension('handbook-career-pages.handbook-career-pages')!;
    const packaged = path.join(extension.extensionPath, 'docs', 'rules', 'include-missing.md');
    const opened = waitForTab((t) => isPreview(t) && t.label === '[Preview] include-missing.md', 'the preview of include-missing.md');
    assert.equal(await vscode.commands.executeCommand(code.target.path, ...args), true);
    const tab = await opened;
    // A tab object goes stale when its tab changes: close what is there at the end.
    cleanup.defer(() => vscode.window.tabGroups.close(allTabs().filter(isPreview)));
    // Beside the page, and no editor tab on the packaged Markdown.
    assert.notEqual(
      tab.group.viewColumn,
      vscode.window.tabGroups.all.find((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === doc.uri.toString()))
        ?.viewColumn,
    );
    assert.deepEqual(
      allTabs().filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.fsPath === packaged),
      [],
    );
  });

  test('the command refuses what is not a rule code, and a code without a doc', async () => {
    assert.equal(await vscode.commands.executeCommand('careerPages.showRuleDoc', '../../package'), false);
    assert.equal(await vscode.commands.executeCommand('careerPages.showRuleDoc', 'no-such-rule'), false);
  });
});
