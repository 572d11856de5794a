// The core's Host as the language server sees the world: open documents win over the disk, so a
// page is checked against the include file as it is being edited, not as last saved.

import type { FileContent, Host } from '../core/host';

export interface OpenDocuments {
  /** Text of an open document by core path, or undefined when it is not open. */
  textOf(path: string): { text: string; version: number } | undefined;
}

export class OverlayHost implements Host {
  constructor(private readonly disk: Host, private readonly open: OpenDocuments) {}

  readFile(path: string): FileContent | undefined {
    const doc = this.open.textOf(path);
    if (doc) return { kind: 'text', text: doc.text, version: doc.version };
    return this.disk.readFile(path);
  }

  exists(path: string): 'file' | 'directory' | undefined {
    return this.open.textOf(path) ? 'file' : this.disk.exists(path);
  }

  listFiles(dir: string): string[] {
    return this.disk.listFiles(dir);
  }
}
