// Editor intelligence in a real editor: completion offered and applied, hover shown, definition
// opened, references and the code lens of an include file, the outline with included headings, a
// heading renamed with its links, and an include file renamed with the includes that name it.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { codeOf, describeAll, ours, waitForCode } from '../support/diagnostics';
import {
  Cleanup,
  closeWithoutSaving,
  INCLUDES,
  openPage,
  openPageCopy,
  PAGES,
  rangeOf,
  setSetting,
  sitePath,
  siteUri,
  writeSiteFile,
} from '../support/workspace';
import { eventually, waitForText } from '../support/waiting';

const markdownOf = (hovers: vscode.Hover[]) => hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');

suite('editor features', () => {
  const cleanup = new Cleanup();
  teardown(() => cleanup.run());

  test('completion offers include paths inside the quotes, and applying one completes the call', async () => {
    const { document: doc } = await openPageCopy(cleanup, PAGES.senior, (t) => `${t}\n{{% include "includes/engineering-careers/sen" %}}\n`);
    // The language server has the page once it has checked it.
    await waitForCode(doc.uri, 'include-missing');
    const line = doc.lineCount - 2;
    const at = new vscode.Position(line, doc.lineAt(line).text.indexOf('sen"') + 3);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at, '/');
    const ours = list.items.filter((i) => i.kind === vscode.CompletionItemKind.File);
    const label = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);
    assert.deepEqual(
      ours.map(label),
      ['senior-leadership-competency.md', 'senior-technical-competency.md'],
      `offered: ${JSON.stringify(list.items.map((i) => [label(i), i.kind]))} at ${at.line}:${at.character} of ${JSON.stringify(doc.lineAt(line).text)}`,
    );
    const item = ours[0];
    const edit = new vscode.WorkspaceEdit();
    const range = item.range instanceof vscode.Range ? item.range : item.range!.replacing;
    edit.replace(doc.uri, range, typeof item.insertText === 'string' ? item.insertText : item.insertText!.value);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(doc.lineAt(line).text, '{{% include "includes/engineering-careers/senior-leadership-competency.md" %}}');
  });

  test('typing an include call: the editor auto-closes "}}", and accepting a file in the suggest widget completes the call', async () => {
    const editor = await openPageCopy(cleanup, PAGES.senior, (t) => `${t}\n`);
    const doc = editor.document;
    await waitForCode(doc.uri, 'link-fragment'); // the language server has the page
    const line = doc.lineCount - 1;
    editor.selection = new vscode.Selection(line, 0, line, 0);
    // Typed as keys are: VS Code's Markdown auto-closes each "{" (not the quote).
    const typing = '{{% include "includes/engineering-careers/senior-lea';
    await vscode.commands.executeCommand('type', { text: typing });
    assert.equal(doc.lineAt(line).text, `${typing}}}`);
    assert.deepEqual(editor.selection.active, new vscode.Position(line, typing.length));
    // The suggest widget, as Ctrl+Space opens it; Enter (acceptSelectedSuggestion) takes the selected
    // item once the list has loaded (no event says so: ask until the text changes).
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    const typed = doc.getText();
    await eventually(async () => {
      await vscode.commands.executeCommand('acceptSelectedSuggestion');
      return doc.getText() !== typed || undefined;
    }, 'the suggestion to be accepted');
    // The path completed, the quote closed, "%" before the auto-closed "}}": one valid call.
    const call = '{{% include "includes/engineering-careers/senior-leadership-competency.md" %}}';
    assert.equal(doc.lineAt(line).text, call);
    assert.deepEqual(editor.selection.active, new vscode.Position(line, call.length - 2));
    // Hugo reads it as a call of the file (no include-syntax or include-missing): the page includes
    // that competency file a second time, which include-repeated reports at this call.
    const [repeated] = await waitForCode(doc.uri, 'include-repeated');
    assert.deepEqual(describeAll([repeated]), [`include-repeated warning ${line}:0-${line}:${call.length}`]);
    assert.deepEqual(describeAll(ours(doc.uri).filter((d) => /^include-(syntax|missing)$/.test(codeOf(d) ?? ''))), []);
  });

  test('hover on an include path shows the file and its first lines', async () => {
    const { document: doc } = await openPageCopy(cleanup, PAGES.senior);
    const at = rangeOf(doc, 'ep-career-nav.md').start;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
    const text = markdownOf(hovers);
    assert.match(text, /\*\*Include\*\* `assets\/includes\/engineering-careers\/ep-career-nav\.md`/);
    assert.match(text, /\[Engineering Framework\]\(\/handbook\/engineering\/careers\/matrix\/\)/);
  });

  test('go to definition on an include path opens the included file', async () => {
    const editor = await openPageCopy(cleanup, PAGES.senior);
    const at = rangeOf(editor.document, 'ep-career-nav.md').start;
    editor.selection = new vscode.Selection(at, at);
    const target = sitePath(INCLUDES.nav);
    const opened = new Promise<vscode.TextEditor>((resolve, reject) => {
      const timer = setTimeout(() => {
        sub.dispose();
        reject(new Error(`timed out waiting for ${target} to open; active: ${vscode.window.activeTextEditor?.document.uri.fsPath}`));
      }, 15_000);
      const sub = vscode.window.onDidChangeActiveTextEditor((e) => {
        if (e?.document.uri.fsPath !== target) return;
        clearTimeout(timer);
        sub.dispose();
        resolve(e);
      });
    });
    await vscode.commands.executeCommand('editor.action.revealDefinition');
    const shown = await opened;
    cleanup.defer(() => closeWithoutSaving(shown.document.uri));
    assert.equal(shown.document.uri.fsPath, target);
  });

  test('an include file shows "included by N pages" and finds the include calls', async () => {
    const { document: nav } = await openPage(INCLUDES.nav);
    cleanup.defer(() => closeWithoutSaving(nav.uri));
    let lensTitles: string[] = [];
    const lens = await eventually(async () => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', nav.uri, 10);
      lensTitles = lenses.map((l) => l.command?.title ?? '(unresolved)');
      return lenses.find((l) => l.command?.title === 'included by 3 pages');
    }, 'the code lens "included by 3 pages"').catch(async (e: Error) => {
      const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', nav.uri, new vscode.Position(0, 0));
      throw new Error(
        `${e.message}; lenses: ${JSON.stringify(lensTitles)}; references: ${JSON.stringify(refs.map((r) => vscode.workspace.asRelativePath(r.uri, false)))}`,
      );
    });
    assert.equal(lens.command!.command, 'careerPages.showReferences');
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', nav.uri, new vscode.Position(0, 0));
    assert.deepEqual(refs.map((r) => vscode.workspace.asRelativePath(r.uri, false)).sort(), [
      `${PAGES.senior.replace(/senior\.md$/, '_index.md')}`,
      PAGES.intermediate,
      PAGES.senior,
    ]);
    // The lens's command opens the references peek (the client turns the server's JSON into VS Code types).
    await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []));
  });

  test('the outline nests included headings under their include call', async () => {
    // Ours answers beside the built-in Markdown outline only when asked to (builtinMarkdown.test.ts).
    await setSetting(cleanup, 'outline.includes', true);
    const { document: doc } = await openPageCopy(cleanup, PAGES.senior);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    const all = (ss: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] => ss.flatMap((s) => [s, ...all(s.children)]);
    const include = all(symbols).find((s) => s.name === 'include includes/engineering-careers/senior-leadership-competency.md');
    assert.ok(include, `symbols: ${JSON.stringify(all(symbols).map((s) => s.name))}`);
    assert.deepEqual(
      include.children.map((c) => [c.name, c.detail]),
      [['Engineering', 'included from assets/includes/engineering-careers/senior-leadership-competency.md']],
    );
  });

  test('renaming a heading updates the links to its anchor', async () => {
    const { document: doc } = await openPageCopy(cleanup, PAGES.senior, (t) => t.replace('](#leadership-competencies)', '](#senior-leadership-competencies)'));
    await waitForCode(doc.uri, 'link-fragment');
    const at = rangeOf(doc, 'Senior Leadership Competencies').start.translate(0, 2);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, at, 'Senior Leadership Skills');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(doc.getText().includes('### Senior Leadership Skills\n'));
    assert.ok(doc.getText().includes('- [Leadership Competencies](#senior-leadership-skills)\n'));
  });

  test('renaming an include file updates the include calls that name it', async () => {
    writeSiteFile(cleanup, 'assets/includes/engineering-careers/e2e-move-me.md', 'Text that moves.\n');
    const renamed = sitePath('assets/includes/engineering-careers/e2e-moved.md');
    cleanup.defer(() => fs.rmSync(renamed, { force: true }));
    const { document: page } = await openPageCopy(cleanup, PAGES.senior, (t) => `${t}\n{{% include "includes/engineering-careers/e2e-move-me.md" %}}\n`);
    const from = siteUri('assets/includes/engineering-careers/e2e-move-me.md');
    // The index must know the page includes the file before the move.
    await eventually(async () => {
      const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', from, new vscode.Position(0, 0));
      return refs.some((r) => r.uri.toString() === page.uri.toString()) || undefined;
    }, 'the page to be known as including e2e-move-me.md');
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(from, vscode.Uri.file(renamed));
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForText(page, (t) => t.includes('{{% include "includes/engineering-careers/e2e-moved.md" %}}'), 'the include call naming the new path');
  });
});
