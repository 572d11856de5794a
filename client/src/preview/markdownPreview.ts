// Wires the include preview (includePreview.ts) into VS Code's built-in Markdown preview: the
// extension's `extendMarkdownIt` export, and the data each render shows, which previewData.ts keeps
// from the language server, told of the editor's documents here. Nothing here reads files.

import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { includePreviewPlugin } from './includePreview';
import { PreviewData, type PreviewDataClient } from './previewData';

export function extendMarkdownIt(md: MarkdownIt, data: PreviewData): MarkdownIt {
  includePreviewPlugin(md, {
    // VS Code renders with env.currentDocument (a Uri); markdown.api.render of a string has none.
    source: (env, text) => data.lookup((env.currentDocument as vscode.Uri | undefined)?.toString(), text),
  });
  return md;
}

/**
 * The preview's data for the Markdown files open in the editor that the server checks (`checked`: by
 * their scheme), following their opening, edits and closing.
 */
export function editorPreviewData(client: PreviewDataClient, checked: (uri: vscode.Uri) => boolean): { data: PreviewData; disposable: vscode.Disposable } {
  const data = new PreviewData({
    client,
    document: (uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri),
    refresh: () => vscode.commands.executeCommand('markdown.preview.refresh'),
  });
  const changed = (d: vscode.TextDocument) => {
    if (d.languageId === 'markdown' && checked(d.uri)) data.changed(d.uri.toString());
  };
  const disposable = vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument(changed),
    vscode.workspace.onDidChangeTextDocument((e) => changed(e.document)),
    vscode.workspace.onDidCloseTextDocument((d) => data.closed(d.uri.toString())),
    { dispose: () => data.dispose() },
  );
  for (const d of vscode.workspace.textDocuments) changed(d);
  return { data, disposable };
}
