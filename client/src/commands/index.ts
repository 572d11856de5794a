// The "Career Pages" commands, the ladder matrix view and the page-kind status bar item, registered
// once the language client runs. Each command takes optional arguments that skip its questions (the
// explorer's context menu passes a folder; the e2e tests pass everything) and returns what it did.

import * as vscode from 'vscode';
import { LSPErrorCodes, ResponseError, type BaseLanguageClient } from 'vscode-languageclient';
import type { Level, PageKind } from '../../../server/src/lsp/customProtocol';
import { PageKindStatus } from '../statusBar';
import { LadderMatrixPanel } from '../views/ladderMatrixPanel';
import { COMMANDS } from './choices';
import { copyLinkToHeading } from './copyLink';
import { newCareerPage, newJobFamilyPage } from './newPage';
import { convertIncludeDelimiters, lintWorkspace } from './siteCommands';

export interface CareerPagesUi {
  pageKindStatus: PageKindStatus;
  ladderMatrix: LadderMatrixPanel;
}

export function registerCommandsAndViews(context: vscode.ExtensionContext, client: BaseLanguageClient): CareerPagesUi {
  const pageKindStatus = new PageKindStatus(client);
  const ladderMatrix = new LadderMatrixPanel(client, context.extensionUri);
  const register = <A extends unknown[]>(id: string, run: (...args: A) => Promise<unknown>) =>
    vscode.commands.registerCommand(id, (...args: A) => run(...args).catch(reportRefusal));
  context.subscriptions.push(
    pageKindStatus,
    ladderMatrix,
    register(COMMANDS.newCareerPage, (folder?: vscode.Uri, level?: Level) => newCareerPage(client, asUri(folder), level)),
    register(COMMANDS.newJobFamilyPage, (folder?: vscode.Uri, role?: string, levels?: Level[]) => newJobFamilyPage(client, asUri(folder), role, levels)),
    register(COMMANDS.lintWorkspace, () => lintWorkspace(client)),
    register(COMMANDS.convertIncludeDelimiters, (uri?: vscode.Uri) => convertIncludeDelimiters(client, asUri(uri))),
    register(COMMANDS.showLadderMatrix, (uri?: vscode.Uri) => ladderMatrix.show(asUri(uri))),
    register(COMMANDS.changePageKind, (uri?: vscode.Uri, kind?: PageKind | null) => pageKindStatus.changeKind(asUri(uri), kind)),
    register(COMMANDS.copyLinkToHeading, (uri?: vscode.Uri, position?: vscode.Position) =>
      copyLinkToHeading(client, asUri(uri), position instanceof vscode.Position ? position : undefined),
    ),
  );
  return { pageKindStatus, ladderMatrix };
}

/** Menus pass a Uri; anything else (a string from a keybinding, nothing) counts as none. */
function asUri(value: unknown): vscode.Uri | undefined {
  return value instanceof vscode.Uri ? value : undefined;
}

/** The server's refusals (no Hugo site, no ladder for this page, ...) are shown as warnings; a cancel is quiet; anything else is a bug. */
function reportRefusal(e: unknown): undefined {
  if (e instanceof ResponseError && e.code === LSPErrorCodes.RequestCancelled) return undefined;
  if (e instanceof ResponseError && e.code === LSPErrorCodes.RequestFailed) {
    void vscode.window.showWarningMessage(e.message);
    return undefined;
  }
  void vscode.window.showErrorMessage(`Career Pages: ${e instanceof Error ? e.message : String(e)}`);
  throw e;
}
