// "Lint Workspace" (every page and include file of the site into the Problems view, with progress)
// and "Convert Include Delimiters in File" (one undoable edit of the active editor). The language
// server does the work (server/src/core/features/siteLint.ts, convertDelimiters.ts).

import * as vscode from 'vscode';
import { WorkDoneProgress, type BaseLanguageClient } from 'vscode-languageclient';
import { CONVERT_DELIMITERS, LINT_WORKSPACE, type ConvertDelimitersResult, type LintWorkspaceResult } from '../../../server/src/lsp/customProtocol';
import { lintSummary, ProgressIncrements } from './choices';
import { serverChecks } from '../serverChecks';

export async function lintWorkspace(client: BaseLanguageClient): Promise<LintWorkspaceResult | undefined> {
  if (vscode.workspace.getConfiguration('careerPages').get('enable') === false) {
    void vscode.window.showWarningMessage('Career pages checks are turned off (careerPages.enable).');
    return undefined;
  }
  const folders = (vscode.workspace.workspaceFolders ?? [])
    .map((f) => f.uri)
    .filter((u) => serverChecks(client, u))
    .map((u) => u.toString());
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Career Pages: Lint Workspace', cancellable: true },
    async (progress, cancellation) => {
      const token = crypto.randomUUID();
      const increments = new ProgressIncrements();
      const listening = client.onProgress(WorkDoneProgress.type, token, (value) => {
        if (value.kind === 'end') return;
        progress.report({ message: value.message, increment: increments.next(value.percentage) });
      });
      try {
        return await client.sendRequest<LintWorkspaceResult>(LINT_WORKSPACE, { folders, workDoneToken: token }, cancellation);
      } finally {
        listening.dispose();
      }
    },
  );
  const message = lintSummary(result);
  if (result.errors + result.warnings + result.others > 0) {
    void vscode.window.showInformationMessage(message, 'Show Problems').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
  } else {
    void vscode.window.showInformationMessage(message);
  }
  return result;
}

/** Returns the number of include calls converted. */
export async function convertIncludeDelimiters(client: BaseLanguageClient, uri?: vscode.Uri): Promise<number> {
  const editor = uri ? await vscode.window.showTextDocument(uri) : vscode.window.activeTextEditor;
  if (editor?.document.languageId !== 'markdown') {
    void vscode.window.showWarningMessage('Open a Markdown page to convert its include delimiters.');
    return 0;
  }
  const doc = editor.document;
  const version = doc.version;
  const result = await client.sendRequest<ConvertDelimitersResult>(CONVERT_DELIMITERS, { uri: doc.uri.toString() });
  const target = result.to === '%' ? '{{% include %}}' : '{{< include >}}';
  if (doc.version !== version) {
    void vscode.window.showWarningMessage('The file changed while the conversion was computed; run the command again.');
    return 0;
  }
  if (!result.edits.length) {
    void vscode.window.showInformationMessage(
      `Every include in this file already uses ${target}${result.skipped ? ` (${result.skipped} malformed call(s) left as they are)` : ''}.`,
    );
    return 0;
  }
  // One workspace edit: one step to undo.
  const edit = new vscode.WorkspaceEdit();
  for (const e of result.edits) edit.replace(doc.uri, client.protocol2CodeConverter.asRange(e.range), e.newText);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage('The editor refused the edit.');
    return 0;
  }
  void vscode.window.showInformationMessage(
    `Converted ${result.converted} include${result.converted === 1 ? '' : 's'} to ${target}${result.skipped ? `; ${result.skipped} malformed call(s) left as they are` : ''}.`,
  );
  return result.converted;
}
