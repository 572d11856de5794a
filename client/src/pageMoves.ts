// Moving or renaming content pages in the explorer: before the move, the language server computes
// the edit that keeps the links to them working (careerPages/pageMoveEdit; core/features/pageMoves.ts)
// and VS Code applies it with the move (workspace.onWillRenameFiles). `careerPages.links.onMove` says
// what to do with the links that lead to a moved page: update them to its new URL, add the old URL
// to its aliases, or ask (only when links lead to it). The include paths of moved include files
// come from the server's LSP willRenameFiles answer, as before.

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { PAGE_MOVE_EDIT, type PageMoveParams, type PageMoveResult } from '../../server/src/lsp/customProtocol';
import { ADD_ALIAS, pageMoveQuestion, UPDATE_LINKS } from './commands/choices';
import { serverChecks } from './serverChecks';

export type OnMove = 'ask' | 'update' | 'alias';

export function registerPageMoves(client: BaseLanguageClient): vscode.Disposable {
  return vscode.workspace.onWillRenameFiles((event) => {
    const files = event.files.filter((f) => serverChecks(client, f.oldUri) && serverChecks(client, f.newUri));
    if (files.length) event.waitUntil(pageMoveEdit(client, files, event.token));
  });
}

async function pageMoveEdit(client: BaseLanguageClient, files: readonly { oldUri: vscode.Uri; newUri: vscode.Uri }[], token: vscode.CancellationToken) {
  const setting = vscode.workspace.getConfiguration('careerPages', files[0].oldUri).get<OnMove>('links.onMove', 'ask');
  const request = (mode: PageMoveParams['mode']) =>
    client.sendRequest<PageMoveResult>(
      PAGE_MOVE_EDIT,
      { files: files.map((f) => ({ oldUri: f.oldUri.toString(), newUri: f.newUri.toString() })), mode } satisfies PageMoveParams,
      token,
    );
  let result = await request(setting === 'alias' ? 'alias' : 'update');
  if (setting === 'ask' && result.incoming > 0) {
    const { message, detail } = pageMoveQuestion(result);
    const choice = await vscode.window.showInformationMessage(message, { modal: true, detail }, UPDATE_LINKS, ADD_ALIAS);
    // Cancel: the files move, the links stay as they are.
    if (choice === undefined) return new vscode.WorkspaceEdit();
    if (choice === ADD_ALIAS) result = await request('alias');
  }
  for (const note of result.notes) void vscode.window.showWarningMessage(`Career Pages: ${note}`);
  return result.edit ? client.protocol2CodeConverter.asWorkspaceEdit(result.edit) : new vscode.WorkspaceEdit();
}
