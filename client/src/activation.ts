// What the extension does when it activates, in either extension host: the Node one
// (client/src/extension.ts, the server a Node process) and the browser's Web Worker
// (client/src/web/extension.ts, the server a nested Web Worker). An entry only says how its language
// client reaches its server; everything else (settings, file changes, preview, commands, views) is
// here, once. Nothing here is Node-only (test/server/webBundle.test.ts bundles it for a browser).

import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { BuiltinMarkdownDuplicates, builtinMarkdownMiddleware } from './builtinMarkdown';
import { registerCommandsAndViews, type CareerPagesUi } from './commands';
import { registerPageMoves } from './pageMoves';
import { editorPreviewData, extendMarkdownIt } from './preview/markdownPreview';
import type { PreviewData } from './preview/previewData';
import { RuleDocs } from './ruleDocs';
import { registerShowReferences } from './showReferences';
import { WorkspaceFiles } from './workspaceFiles';

/** The language client's id and name (the output channel, `careerPages.trace.server`); the same in both hosts. */
export const CLIENT_ID = 'careerPages';
export const CLIENT_NAME = 'Handbook Career Pages';

/** How an entry reaches its language server. */
export interface ServerLauncher {
  /**
   * True when the server gets the workspace's files from this extension (client/src/workspaceFiles.ts):
   * always in the browser, and in Node for a virtual workspace (a folder that is not file:).
   */
  clientFiles: boolean;
  createClient(options: LanguageClientOptions): Promise<BaseLanguageClient>;
}

export interface CareerPagesApi {
  client: BaseLanguageClient;
  extendMarkdownIt: (md: MarkdownIt) => MarkdownIt;
  ui: CareerPagesUi;
  preview: PreviewData;
}

/**
 * The URI schemes of the documents the server checks: file:, and with the files from the client
 * also those of the workspace folders (vscode-vfs:, vscode-remote:, memfs:, ...).
 */
export function checkedSchemes(clientFiles: boolean): string[] {
  return [...new Set(['file', ...(clientFiles ? (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme) : [])])];
}

let running: BaseLanguageClient | undefined;

export async function activateCareerPages(context: vscode.ExtensionContext, launcher: ServerLauncher): Promise<CareerPagesApi> {
  // A diagnostic's code link opens the rule's doc rendered, read-only (client/src/ruleDocs.ts).
  const ruleDocs = new RuleDocs(context.extensionUri);
  context.subscriptions.push(ruleDocs);
  const schemes = checkedSchemes(launcher.clientFiles);
  // Menus and the Command Palette show the page commands for these schemes (package.json's when clauses).
  void vscode.commands.executeCommand('setContext', 'careerPages.schemes', schemes);
  const clientOptions: LanguageClientOptions = {
    documentSelector: schemes.flatMap((scheme) => [
      { scheme, language: 'markdown' },
      { scheme, pattern: '**/.career-pages.jsonc' },
    ]),
    synchronize: { configurationSection: 'careerPages' },
    // pageMoves: this extension asks for the links of moved pages itself (client/src/pageMoves.ts).
    // The settings as plain JSON: a Web Worker's postMessage clones its message and refuses the
    // configuration object's methods ("could not be cloned"), where Node's IPC dropped them.
    // indexStorage: the folder VS Code keeps for this workspace, where the server saves the site index
    // to restore on its next start (server/src/node/indexStore.ts); only on disk (a browser has none).
    initializationOptions: () => ({
      settings: JSON.parse(JSON.stringify(vscode.workspace.getConfiguration('careerPages'))),
      pageMoves: 'client',
      indexStorage: context.storageUri?.scheme === 'file' ? context.storageUri.fsPath : undefined,
    }),
    middleware: {
      // The server checked a document again: what the preview shows of it may have changed.
      handleDiagnostics: (uri, diagnostics, next) => {
        ruleDocs.link(diagnostics);
        next(uri, diagnostics);
        preview.serverChecked(uri.toString());
      },
      // One answer per feature beside VS Code's built-in Markdown features (client/src/builtinMarkdown.ts).
      ...builtinMarkdownMiddleware(),
    },
  };
  const client = await launcher.createClient(clientOptions);
  running = client;
  // What the Markdown preview renders, from the server (client/src/preview/).
  const { data: preview, disposable } = editorPreviewData(client, (uri) => schemes.includes(uri.scheme));
  context.subscriptions.push(disposable);
  context.subscriptions.push(new BuiltinMarkdownDuplicates(context, client));
  // Before the start: the server asks for the files as soon as it is initialized.
  if (launcher.clientFiles) context.subscriptions.push(new WorkspaceFiles(client));
  await client.start();
  context.subscriptions.push({ dispose: () => void client.stop() });
  context.subscriptions.push(registerShowReferences(client));
  // Links follow moved and renamed pages (careerPages.links.onMove).
  context.subscriptions.push(registerPageMoves(client));
  // Commands, the ladder matrix view and the page-kind status bar item (client/src/commands/).
  const ui = registerCommandsAndViews(context, client);
  // extendMarkdownIt: VS Code's Markdown preview calls it (contributes.markdown.markdownItPlugins).
  return { client, extendMarkdownIt: (md: MarkdownIt) => extendMarkdownIt(md, preview), ui, preview };
}

export async function deactivateCareerPages(): Promise<void> {
  await running?.stop();
  running = undefined;
}
