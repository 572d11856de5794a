// Wires the include preview (includePreview.ts) into VS Code's built-in Markdown preview: the
// extension's `extendMarkdownIt` export. Files are read from open editors first (unsaved edits of an
// included file show at once) and from disk otherwise; a fresh view is taken for every render.

import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import type { FileContent, Host } from '../../../server/src/core/host';
import { NodeHost, toCorePath } from '../../../server/src/node/nodeHost';
import { includePreviewPlugin } from './includePreview';

export function extendMarkdownIt(md: MarkdownIt): MarkdownIt {
  includePreviewPlugin(md, {
    host: () => new EditorHost(),
    // VS Code renders with env.currentDocument (a Uri); only file: documents have a site on disk.
    documentPath: (env) => {
      const uri = env.currentDocument as vscode.Uri | undefined;
      return uri?.scheme === 'file' ? toCorePath(uri.fsPath) : undefined;
    },
  });
  return md;
}

/** The disk, overlaid with the text of open (possibly unsaved) editors. */
class EditorHost implements Host {
  private readonly disk = new NodeHost();
  private readonly open = new Map<string, vscode.TextDocument>();

  constructor() {
    for (const d of vscode.workspace.textDocuments) if (d.uri.scheme === 'file') this.open.set(toCorePath(d.uri.fsPath), d);
  }

  readFile(path: string): FileContent | undefined {
    const doc = this.open.get(path);
    return doc ? { kind: 'text', text: doc.getText(), version: doc.version } : this.disk.readFile(path);
  }

  exists(path: string): 'file' | 'directory' | undefined {
    return this.open.has(path) ? 'file' : this.disk.exists(path);
  }

  listFiles(dir: string): string[] {
    return this.disk.listFiles(dir);
  }
}
