// The core's Host as the language server sees the world: open documents win over the disk, so a
// page is checked against the include file as it is being edited, not as last saved. The disk's
// failures stop here (the Host contract has no exceptions): a file that cannot be read is
// 'unreadable' (the file-unreadable diagnostic says why), a path that cannot be looked at is not
// there (e.g. an include path that goes through a file: ENOTDIR), a folder that cannot be listed is
// empty.

import type { FileContent, Host } from '../core';

export interface OpenDocuments {
  /** Text of an open document by core path, or undefined when it is not open. */
  textOf(path: string): { text: string; version: number } | undefined;
}

export class OverlayHost implements Host {
  constructor(private readonly disk: Host, private readonly open: OpenDocuments) {}

  readFile(path: string): FileContent | undefined {
    const doc = this.open.textOf(path);
    if (doc) return { kind: 'text', text: doc.text, version: doc.version };
    try {
      return this.disk.readFile(path);
    } catch (e) {
      return { kind: 'unreadable', message: e instanceof Error ? e.message : String(e) };
    }
  }

  exists(path: string): 'file' | 'directory' | undefined {
    if (this.open.textOf(path)) return 'file';
    try {
      return this.disk.exists(path);
    } catch {
      return undefined;
    }
  }

  listFiles(dir: string): string[] {
    try {
      return this.disk.listFiles(dir);
    } catch {
      return [];
    }
  }
}
