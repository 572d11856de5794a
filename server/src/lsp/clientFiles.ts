// The core's Host for a language server that cannot read the disk itself (the Web Worker's in the
// browser, or one whose workspace is a virtual file system): a snapshot of the workspace's files that
// the extension sends over the connection (workspaceFilesProtocol.ts) and keeps current. The Host is
// synchronous, so everything it answers comes from the snapshot: `FileSnapshot` holds it, `ClientFiles`
// fills it from the client and reports what changed, as the disk's file events would be.
//
// Paths are the core's (convert.ts maps every URI scheme); no symbolic links exist here, so nothing
// is 'outside'. A file listed without its content (not one the core usually reads) answers
// 'unreadable' once, is asked for, and is announced as changed when it arrives, so whatever read it
// reads it again.

import { dirname, type FileContent, type Host, isHiddenBelow } from '../core';
import { pathToUri, uriToPath } from './convert';
import { nextTurn } from './nextTurn';
import type { DiskChange, DiskEvents } from './server';
import {
  FILES_CHANGED,
  type FileChange,
  type FilesChangedParams,
  type FileWireContent,
  READ_FILES,
  type ReadFilesParams,
  type ReadFilesResult,
  WORKSPACE_FILES,
  type WorkspaceFile,
  type WorkspaceFilesResult,
} from './workspaceFilesProtocol';

/** What `readFile` answers for a file listed without its content, while it is being fetched. */
export const NOT_READ_YET = 'not read yet; the editor is sending it';

/** The workspace's files as the client last sent them: paths, and the content of each when known. */
export class FileSnapshot implements Host {
  /** Path → content; undefined: listed only. */
  private readonly files = new Map<string, FileWireContent | undefined>();
  /** Every folder above a file → how many files it holds (any depth). */
  private readonly folders = new Map<string, number>();
  private sorted: string[] | undefined;

  /** Called when the core reads a file listed without its content. */
  onUnread?: (path: string) => void;

  get size(): number {
    return this.files.size;
  }

  /**
   * Adds or replaces a file (content undefined: listed only); false when nothing changes: the path is
   * a folder here, or the file is there with the same content (one change reported twice, by the
   * watcher and by VS Code's own file operations).
   */
  set(path: string, content: FileWireContent | undefined): boolean {
    if (this.folders.has(path)) return false;
    if (this.files.has(path) && sameContent(this.files.get(path), content)) return false;
    if (!this.files.has(path)) {
      for (let dir = dirname(path); ; dir = dirname(dir)) {
        this.folders.set(dir, (this.folders.get(dir) ?? 0) + 1);
        if (dir === '/' || dir === '.') break;
      }
      this.sorted = undefined;
    }
    this.files.set(path, content);
    return true;
  }

  /** Removes a file, or a folder with every file below it; returns the files removed. */
  delete(path: string): string[] {
    const removed = this.files.has(path) ? [path] : this.folders.has(path) ? this.listAll(path) : [];
    for (const file of removed) {
      this.files.delete(file);
      for (let dir = dirname(file); ; dir = dirname(dir)) {
        const n = (this.folders.get(dir) ?? 1) - 1;
        if (n > 0) this.folders.set(dir, n);
        else this.folders.delete(dir);
        if (dir === '/' || dir === '.') break;
      }
    }
    if (removed.length) this.sorted = undefined;
    return removed;
  }

  /** True when the file is listed and its content known. */
  hasContent(path: string): boolean {
    return this.files.get(path) !== undefined;
  }

  readFile(path: string): FileContent | undefined {
    if (!this.files.has(path)) return undefined;
    const content = this.files.get(path);
    if (content) return content;
    this.onUnread?.(path);
    return { kind: 'unreadable', message: NOT_READ_YET };
  }

  exists(path: string): 'file' | 'directory' | undefined {
    if (this.files.has(path)) return 'file';
    return this.folders.has(path) ? 'directory' : undefined;
  }

  listFiles(dir: string): string[] {
    const prefix = dir.endsWith('/') ? dir : dir + '/';
    return this.listAll(dir).filter((p) => !isHiddenBelow(p.slice(prefix.length)));
  }

  /** Every file below `dir`, sorted, dot-folders included. */
  private listAll(dir: string): string[] {
    if (!this.folders.has(dir.length > 1 && dir.endsWith('/') ? dir.slice(0, -1) : dir)) return [];
    const prefix = dir.endsWith('/') ? dir : dir + '/';
    this.sorted ??= [...this.files.keys()].sort();
    // The files below a folder are one run of the sorted list: find its start by bisection.
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < this.sorted.length && this.sorted[i].startsWith(prefix); i++) out.push(this.sorted[i]);
    return out;
  }
}

function sameContent(a: FileWireContent | undefined, b: FileWireContent | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  switch (a.kind) {
    case 'text':
      return b.kind === 'text' && a.text === b.text;
    case 'unreadable':
      return b.kind === 'unreadable' && a.message === b.message;
    default:
      return b.kind === a.kind && a.size === (b as { size: number }).size;
  }
}

/** The part of the LSP connection ClientFiles uses (the real one, or a test's). */
export interface ClientFilesConnection {
  sendRequest<R>(method: string, params: unknown): Promise<R>;
  onNotification(method: string, handler: (params: FilesChangedParams) => void): void;
}

/**
 * The snapshot, filled from the client: `ready()` asks for the workspace's files once (the server
 * checks and indexes nothing before), and FILES_CHANGED notifications keep it current; each applied
 * change is reported to the listener of `onDidChange`, which invalidates as for the disk's file
 * events. Changes that arrive before the files are applied on top of them, in order, unreported
 * (nothing was checked yet).
 */
export class ClientFiles implements DiskEvents {
  readonly host = new FileSnapshot();
  private loading?: Promise<void>;
  private loaded = false;
  private readonly early: FileChange[][] = [];
  private listener?: (changes: DiskChange[]) => void;
  private readonly unread = new Set<string>();
  private fetchScheduled = false;

  constructor(
    private readonly connection: ClientFilesConnection,
    private readonly log: (message: string) => void = () => undefined,
  ) {
    this.host.onUnread = (path) => this.fetchLater(path);
    connection.onNotification(FILES_CHANGED, (params) => {
      const changes = Array.isArray(params?.changes) ? params.changes : [];
      if (!this.loaded) this.early.push(changes);
      else this.report(this.apply(changes));
    });
  }

  /** Resolves once the workspace's files are in the snapshot (or the client could not send them: then it holds what came since). */
  ready(): Promise<void> {
    this.loading ??= this.load();
    return this.loading;
  }

  onDidChange(listener: (changes: DiskChange[]) => void): void {
    this.listener = listener;
  }

  private async load(): Promise<void> {
    try {
      const result = await this.connection.sendRequest<WorkspaceFilesResult>(WORKSPACE_FILES, {});
      for (const file of result?.files ?? []) this.put(file);
      this.log(`Career Pages: ${this.host.size} files of the workspace received from the editor.`);
    } catch (e) {
      this.log(
        `Career Pages could not get the workspace's files from the editor; only open documents are checked: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
    this.loaded = true;
    for (const changes of this.early.splice(0)) this.apply(changes);
  }

  /** Applies the client's changes to the snapshot; returns them per file (a deleted folder: one per file it held). */
  apply(changes: readonly FileChange[]): DiskChange[] {
    const out: DiskChange[] = [];
    for (const change of changes) {
      const path = typeof change?.uri === 'string' ? uriToPath(change.uri) : undefined;
      if (!path) continue;
      if (change.type === 'deleted') {
        for (const removed of this.host.delete(path)) out.push({ path: removed, kind: 'deleted' });
        this.unread.delete(path);
      } else if (change.type === 'created' || change.type === 'changed') {
        const isNew = this.host.exists(path) !== 'file';
        if (this.put({ uri: change.uri, content: change.content })) out.push({ path, kind: isNew ? 'created' : 'changed' });
      }
    }
    return out;
  }

  private put(file: WorkspaceFile): boolean {
    const path = typeof file?.uri === 'string' ? uriToPath(file.uri) : undefined;
    if (!path) return false;
    this.unread.delete(path);
    return this.host.set(path, file.content);
  }

  private report(changes: DiskChange[]): void {
    if (changes.length) this.listener?.(changes);
  }

  /** Asks the client for files read before their content came, a batch per turn; each is announced as changed when it arrives. */
  private fetchLater(path: string): void {
    if (this.unread.has(path)) return;
    this.unread.add(path);
    if (this.fetchScheduled) return;
    this.fetchScheduled = true;
    nextTurn(() => {
      this.fetchScheduled = false;
      const paths = [...this.unread];
      void this.fetch(paths);
    });
  }

  private async fetch(paths: string[]): Promise<void> {
    let result: ReadFilesResult | undefined;
    try {
      result = await this.connection.sendRequest<ReadFilesResult>(READ_FILES, { uris: paths.map(pathToUri) } satisfies ReadFilesParams);
    } catch (e) {
      this.log(`Career Pages could not read ${paths.length} file(s) from the editor: ${e instanceof Error ? e.message : String(e)}`);
      result = { files: paths.map((p) => ({ uri: pathToUri(p), content: { kind: 'unreadable', message: e instanceof Error ? e.message : String(e) } })) };
    }
    const answered = new Set<string>();
    const changes: FileChange[] = [];
    for (const file of result?.files ?? []) {
      const path = typeof file?.uri === 'string' ? uriToPath(file.uri) : undefined;
      // Only what was asked, and still waiting (a change on disk meanwhile brought a newer content, or removed it).
      if (!path || !paths.includes(path) || !this.unread.has(path)) continue;
      answered.add(path);
      changes.push({ uri: file.uri, type: 'changed', content: file.content ?? { kind: 'unreadable', message: 'the editor could not read it' } });
    }
    for (const path of paths) if (this.unread.has(path) && !answered.has(path)) changes.push({ uri: pathToUri(path), type: 'deleted' });
    for (const path of paths) this.unread.delete(path);
    this.report(this.apply(changes));
  }
}
