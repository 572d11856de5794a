// Wires the include preview (includePreview.ts) into VS Code's built-in Markdown preview: the
// extension's `extendMarkdownIt` export. What each render shows comes from the language server's
// engine, kept per document by previewData.ts; nothing here reads files.

import type MarkdownIt from 'markdown-it';
import type * as vscode from 'vscode';
import { includePreviewPlugin } from './includePreview';
import type { PreviewData } from './previewData';

export function extendMarkdownIt(md: MarkdownIt, data: PreviewData): MarkdownIt {
  includePreviewPlugin(md, {
    // VS Code renders with env.currentDocument (a Uri); markdown.api.render of a string has none.
    source: (env, text) => data.lookup((env.currentDocument as vscode.Uri | undefined)?.toString(), text),
  });
  return md;
}
