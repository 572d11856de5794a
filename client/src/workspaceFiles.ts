// The workspace's files for a language server that cannot read them itself (the Web Worker's in the
// browser, or the Node one on a virtual file system): the listing and the contents it asks for
// (WORKSPACE_FILES, READ_FILES), then every change on disk (FILES_CHANGED), read through
// vscode.workspace.fs, so any file system VS Code has (vscode-vfs://, memfs:, vscode-remote://)
// works. The protocol is server/src/lsp/workspaceFilesProtocol.ts; the server side lsp/clientFiles.ts.

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  contentOfBytes,
  EXCLUDED,
  FILES_CHANGED,
  isExcluded,
  type FileChange,
  type FileChangeKind,
  type FilesChangedParams,
  type FileWireContent,
  READ_FILES,
  readWithListing,
  type ReadFilesParams,
  type ReadFilesResult,
  WORKSPACE_FILES,
  type WorkspaceFile,
  type WorkspaceFilesResult,
} from '../../server/src/lsp/workspaceFilesProtocol';

/** Files read at the same time. */
const READ_CONCURRENCY = 16;

export class WorkspaceFiles implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private watching = false;
  private readonly pending = new Map<string, { uri: vscode.Uri; type: FileChangeKind }>();
  private flushing: Promise<void> | undefined;

  constructor(private readonly client: BaseLanguageClient) {
    this.disposables.push(
      client.onRequest(WORKSPACE_FILES, () => this.listing()),
      client.onRequest(READ_FILES, (params: ReadFilesParams) => this.read(params)),
    );
  }

  /** Every file of the workspace folders, with the content of those the core reads. Starts watching first, so no change is missed. */
  async listing(): Promise<WorkspaceFilesResult> {
    this.watch();
    const uris: vscode.Uri[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) uris.push(...(await filesBelow(folder.uri)));
    const files = await mapLimited(
      uris,
      READ_CONCURRENCY,
      async (uri): Promise<WorkspaceFile> => (readWithListing(uri.path) ? { uri: uri.toString(), content: await contentOf(uri) } : { uri: uri.toString() }),
    );
    return { files };
  }

  /** The files the server asks for; one that is gone is left out. */
  async read(params: ReadFilesParams): Promise<ReadFilesResult> {
    const uris = (Array.isArray(params?.uris) ? params.uris : []).filter((u): u is string => typeof u === 'string').map((u) => vscode.Uri.parse(u));
    const files = await mapLimited(uris, READ_CONCURRENCY, async (uri): Promise<WorkspaceFile | undefined> => {
      const stat = await statOf(uri);
      return stat && stat.type !== vscode.FileType.Directory ? { uri: uri.toString(), content: await contentOf(uri) } : undefined;
    });
    return { files: files.filter((f): f is WorkspaceFile => f !== undefined) };
  }

  /**
   * File events, from the watcher and from VS Code's own file operations (a file system that cannot
   * watch still reports what the editor did): merged per file and sent in order, each batch read
   * after the events that made it.
   */
  private watch(): void {
    if (this.watching) return;
    this.watching = true;
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((u) => this.changed(u, 'created')),
      watcher.onDidChange((u) => this.changed(u, 'changed')),
      watcher.onDidDelete((u) => this.changed(u, 'deleted')),
      vscode.workspace.onDidCreateFiles((e) => {
        for (const u of e.files) this.changed(u, 'created');
      }),
      vscode.workspace.onDidDeleteFiles((e) => {
        for (const u of e.files) this.changed(u, 'deleted');
      }),
      vscode.workspace.onDidRenameFiles((e) => {
        for (const f of e.files) {
          this.changed(f.oldUri, 'deleted');
          this.changed(f.newUri, 'created');
        }
      }),
      vscode.workspace.onDidSaveTextDocument((d) => this.changed(d.uri, 'changed')),
    );
  }

  private changed(uri: vscode.Uri, type: FileChangeKind): void {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || isExcluded(uri.path.slice(folder.uri.path.length))) return;
    const key = uri.toString();
    const before = this.pending.get(key)?.type;
    // What is there is read when the batch goes; only "gone" and "new" need remembering.
    this.pending.set(key, { uri, type: type === 'changed' && before === 'created' ? 'created' : type });
    this.flushing ??= this.flush();
  }

  private async flush(): Promise<void> {
    try {
      // Lets the other events of the same operation (a folder moved: one per file) join the batch.
      await Promise.resolve();
      while (this.pending.size) {
        const batch = [...this.pending.values()];
        this.pending.clear();
        const changes = (await mapLimited(batch, READ_CONCURRENCY, (c) => changesOf(c.uri, c.type))).flat();
        if (changes.length && this.client.isRunning()) await this.client.sendNotification(FILES_CHANGED, { changes } satisfies FilesChangedParams);
      }
    } catch (e) {
      this.client.warn(`Career Pages could not send file changes to the language server: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      this.flushing = undefined;
    }
    if (this.pending.size) this.flushing ??= this.flush();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** A change as the server gets it: the file's content now, a created folder as its files, one that is gone as deleted. */
async function changesOf(uri: vscode.Uri, type: FileChangeKind): Promise<FileChange[]> {
  if (type === 'deleted') return [{ uri: uri.toString(), type }];
  const stat = await statOf(uri);
  if (!stat) return [{ uri: uri.toString(), type: 'deleted' }];
  if (stat.type & vscode.FileType.Directory) {
    if (type !== 'created') return [];
    const files = await filesBelow(uri);
    return mapLimited(files, READ_CONCURRENCY, async (f) => ({ uri: f.toString(), type, content: readWithListing(f.path) ? await contentOf(f) : undefined }));
  }
  return [{ uri: uri.toString(), type, content: readWithListing(uri.path) ? await contentOf(uri) : undefined }];
}

/** Every file below a folder, outside dot-folders and node_modules: findFiles, or where it fails, a walk. */
async function filesBelow(folder: vscode.Uri): Promise<vscode.Uri[]> {
  try {
    return await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*'), EXCLUDED);
  } catch {
    return walk(folder);
  }
}

async function walk(folder: vscode.Uri): Promise<vscode.Uri[]> {
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    return [];
  }
  const out: vscode.Uri[] = [];
  for (const [name, type] of entries) {
    const uri = vscode.Uri.joinPath(folder, name);
    if (type & vscode.FileType.Directory) {
      if (!name.startsWith('.') && name !== 'node_modules') out.push(...(await walk(uri)));
    } else out.push(uri);
  }
  return out;
}

async function statOf(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
}

async function contentOf(uri: vscode.Uri): Promise<FileWireContent> {
  try {
    return contentOfBytes(await vscode.workspace.fs.readFile(uri));
  } catch (e) {
    return { kind: 'unreadable', message: e instanceof Error ? e.message : String(e) };
  }
}

/** `map` with at most `limit` calls running, results in order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await map(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
