// The browser's language server (dist/web/server.js) as a Web Worker runs it, without a browser: the
// bundle is evaluated in a fresh V8 context whose globals are a worker's (self, postMessage, timers,
// TextDecoder, URL, crypto, ...) and nothing of Node (no process, require, Buffer, setImmediate),
// and messages travel as postMessage carries them (structured clones). The test is the extension:
// it answers the server's file requests from an in-memory workspace of URIs, as
// client/src/workspaceFiles.ts does from vscode.workspace.fs.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  createMessageConnection,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import {
  contentOfBytes,
  FILES_CHANGED,
  type FileChange,
  READ_FILES,
  type ReadFilesParams,
  readWithListing,
  WORKSPACE_FILES,
  type WorkspaceFile,
} from '../../server/src/lsp/workspaceFilesProtocol';
import { repoRoot } from './fixtureSite';

/** Globals a dedicated worker has that the server may use; Node's own are left out on purpose. */
const WORKER_GLOBALS = {
  console,
  setTimeout,
  clearTimeout,
  setInterval,
  clearInterval,
  queueMicrotask,
  structuredClone,
  TextEncoder,
  TextDecoder,
  URL,
  URLSearchParams,
  MessageChannel,
  crypto,
  performance,
  atob,
  btoa,
};

class PortReader extends AbstractMessageReader {
  private callback: DataCallback | undefined;
  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    return { dispose: () => (this.callback = undefined) };
  }
  deliver(message: Message): void {
    this.callback?.(message);
  }
}

class PortWriter extends AbstractMessageWriter {
  constructor(private readonly send: (message: Message) => void) {
    super();
  }
  async write(message: Message): Promise<void> {
    this.send(message);
  }
  end(): void {}
}

export interface WorkerServer {
  connection: MessageConnection;
  /** The workspace the test plays: URI → file bytes (as text). */
  files: Map<string, string>;
  /** Latest diagnostics per URI. */
  diagnostics: Map<string, Diagnostic[]>;
  /** Every request of READ_FILES the server made, in order. */
  readRequests: string[][];
  /** Messages the server logged (window/logMessage). */
  logs: string[];
  /** Errors the worker's code let out (an error event, an unhandled rejection). */
  errors: string[];
  waitForDiagnostics(uri: string, predicate: (d: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  waitForNotification<T>(method: string, predicate?: (params: T) => boolean, timeoutMs?: number): Promise<T>;
  /** Changes the workspace and tells the server, as the extension's watcher does. */
  change(changes: { uri: string; type: FileChange['type']; text?: string }[]): void;
  stop(): Promise<void>;
}

/** A copy of a folder on disk as a workspace of URIs under `rootUri` (e.g. vscode-vfs://github/acme/handbook). */
export function workspaceOf(folder: string, rootUri: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name), `${rel}/${e.name}`);
      else files.set(`${rootUri}${rel}/${encodeURIComponent(e.name)}`, readFileSync(path.join(dir, e.name), 'utf8'));
    }
  };
  walk(folder, '');
  return files;
}

export async function startWorkerServer(rootUri: string, files: Map<string, string>, settings: Record<string, unknown> = {}): Promise<WorkerServer> {
  const source = readFileSync(path.join(repoRoot, 'dist/web/server.js'), 'utf8');
  const reader = new PortReader();
  const errors: string[] = [];
  const listeners = new Map<string, ((event: unknown) => void)[]>();
  const scope: Record<string, unknown> = {
    ...WORKER_GLOBALS,
    onmessage: null,
    postMessage: (message: Message) => reader.deliver(structuredClone(message)),
    addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, [...(listeners.get(type) ?? []), listener]),
    removeEventListener: () => undefined,
    close: () => undefined,
  };
  scope.self = scope;
  const context = vm.createContext(scope, { name: 'web worker' });
  // A rejection nobody handles inside the worker reaches its 'unhandledrejection' listeners, as in a browser.
  const onRejection = (reason: unknown, promise: Promise<unknown>) => {
    void promise;
    for (const l of listeners.get('unhandledrejection') ?? []) l({ reason, preventDefault: () => undefined });
    errors.push(`unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`);
  };
  process.on('unhandledRejection', onRejection);
  vm.runInContext(source, context, { filename: 'dist/web/server.js' });
  const toWorker = (message: Message) => {
    const onmessage = scope.onmessage as ((event: { data: unknown }) => void) | null;
    if (!onmessage) throw new Error('the worker listens to no messages');
    onmessage({ data: structuredClone(message) });
  };
  const connection = createMessageConnection(reader, new PortWriter(toWorker));
  const diagnostics = new Map<string, Diagnostic[]>();
  const published: PublishDiagnosticsParams[] = [];
  const notifications: { method: string; params: unknown }[] = [];
  const waiters: (() => void)[] = [];
  const wake = () => {
    for (const w of waiters.splice(0)) w();
  };
  const logs: string[] = [];
  const readRequests: string[][] = [];
  const fileOf = (uri: string): WorkspaceFile => {
    const text = files.get(uri);
    const decoded = decodeURIComponent(new URL(uri).pathname);
    return readWithListing(decoded) && text !== undefined ? { uri, content: contentOfBytes(new TextEncoder().encode(text)) } : { uri };
  };
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    diagnostics.set(p.uri, p.diagnostics);
    wake();
  });
  connection.onNotification('window/logMessage', (p: { message: string }) => logs.push(p.message));
  connection.onNotification((method, params) => {
    notifications.push({ method, params });
    wake();
  });
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/codeLens/refresh', () => null);
  connection.onRequest(WORKSPACE_FILES, () => ({ files: [...files.keys()].map(fileOf) }));
  connection.onRequest(READ_FILES, (p: ReadFilesParams) => {
    readRequests.push(p.uris);
    return {
      files: p.uris.flatMap((uri) => {
        const text = files.get(uri);
        return text === undefined ? [] : [{ uri, content: contentOfBytes(new TextEncoder().encode(text)) }];
      }),
    };
  });
  connection.listen();

  const until = <T>(found: () => T | undefined, what: string, timeoutMs: number): Promise<T> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
      const check = () => {
        const value = found();
        if (value !== undefined) {
          clearTimeout(timer);
          resolve(value);
        } else waiters.push(check);
      };
      check();
    });

  await connection.sendRequest('initialize', {
    processId: null,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'handbook' }],
    capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }, window: { workDoneProgress: true } },
    initializationOptions: { settings },
  });
  await connection.sendNotification('initialized', {});

  return {
    connection,
    files,
    diagnostics,
    readRequests,
    logs,
    errors,
    waitForDiagnostics: (uri, predicate, timeoutMs = 10_000) =>
      until(
        () => {
          const d = diagnostics.get(uri);
          return d && predicate(d) ? d : undefined;
        },
        `diagnostics of ${uri}`,
        timeoutMs,
      ),
    waitForNotification: <T>(method: string, predicate: (params: T) => boolean = () => true, timeoutMs = 10_000) =>
      until(() => notifications.find((n) => n.method === method && predicate(n.params as T))?.params as T | undefined, method, timeoutMs),
    change(changes) {
      const sent: FileChange[] = [];
      for (const c of changes) {
        if (c.type === 'deleted') {
          for (const uri of [...files.keys()]) if (uri === c.uri || uri.startsWith(`${c.uri}/`)) files.delete(uri);
          sent.push({ uri: c.uri, type: 'deleted' });
        } else {
          files.set(c.uri, c.text ?? '');
          const f = fileOf(c.uri);
          sent.push({ uri: c.uri, type: c.type, content: f.content });
        }
      }
      void connection.sendNotification(FILES_CHANGED, { changes: sent });
    },
    async stop() {
      await connection.sendRequest('shutdown');
      connection.dispose();
      process.off('unhandledRejection', onRejection);
    },
  };
}
