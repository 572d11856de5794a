// Extension entry: starts the language server (dist/server.js) and keeps it informed of settings
// and file changes. Features of the client itself (preview, commands, views) live beside this file.

import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { BuiltinMarkdownDuplicates, builtinMarkdownMiddleware } from './builtinMarkdown';
import { registerCommandsAndViews, type CareerPagesUi } from './commands';
import { editorPreviewData, extendMarkdownIt } from './preview/markdownPreview';
import type { PreviewData } from './preview/previewData';
import { RuleDocs } from './ruleDocs';
import { registerPageMoves } from './pageMoves';
import { registerShowReferences } from './showReferences';

let client: LanguageClient | undefined;

export async function activate(
  context: vscode.ExtensionContext,
): Promise<{ client: LanguageClient; extendMarkdownIt: (md: MarkdownIt) => MarkdownIt; ui: CareerPagesUi; preview: PreviewData }> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  // A diagnostic's code link opens the rule's doc rendered, read-only (client/src/ruleDocs.ts).
  const ruleDocs = new RuleDocs(context.extensionUri);
  context.subscriptions.push(ruleDocs);
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', pattern: '**/.career-pages.jsonc' },
    ],
    synchronize: { configurationSection: 'careerPages' },
    // pageMoves: this extension asks for the links of moved pages itself (client/src/pageMoves.ts).
    initializationOptions: { settings: vscode.workspace.getConfiguration('careerPages'), pageMoves: 'client' },
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
  client = new LanguageClient('careerPages', 'Handbook Career Pages', serverOptions, clientOptions);
  // What the Markdown preview renders, from the server (client/src/preview/).
  const { data: preview, disposable } = editorPreviewData(client);
  context.subscriptions.push(disposable);
  context.subscriptions.push(new BuiltinMarkdownDuplicates(context, client));
  await client.start();
  context.subscriptions.push({ dispose: () => void client?.stop() });
  context.subscriptions.push(registerShowReferences(client));
  // Links follow moved and renamed pages (careerPages.links.onMove).
  context.subscriptions.push(registerPageMoves(client));
  // Commands, the ladder matrix view and the page-kind status bar item (client/src/commands/).
  const ui = registerCommandsAndViews(context, client);
  // extendMarkdownIt: VS Code's Markdown preview calls it (contributes.markdown.markdownItPlugins).
  return { client, extendMarkdownIt: (md: MarkdownIt) => extendMarkdownIt(md, preview), ui, preview };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
