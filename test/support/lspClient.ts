// A minimal LSP client for tests: starts the real server (dist/server.js) over stdio and speaks
// JSON-RPC to it. Diagnostics are awaited as events, with a timeout, never with sleeps.
// startInProcessServer runs the same server (server/src/lsp/server.ts) in this process over a pair
// of in-memory streams, with a Host the test chooses (e.g. one that fails on purpose).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PassThrough, type Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageConnection,
  type ResponseMessage,
} from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { Host } from '../../server/src/core/host';
import { repoRoot } from './fixtureSite';

export interface TestServer {
  connection: MessageConnection;
  /** The server process (undefined for a server started in this process). */
  process: ChildProcessWithoutNullStreams | undefined;
  /** Latest diagnostics per URI. */
  diagnostics: Map<string, Diagnostic[]>;
  /** Every publishDiagnostics received, in order. */
  published: PublishDiagnosticsParams[];
  /** Every window/logMessage received, in order. */
  logs: { type: number; message: string }[];
  /** What the server process wrote to stderr so far. */
  stderr(): string;
  /** Writes bytes to the server's input as they are (framing is the caller's); await the connection's own sends first. */
  writeRaw(bytes: string | Buffer): Promise<void>;
  /**
   * The response to a request written with writeRaw (string ids are the raw requests'; the
   * connection's own are numbers), once the messages the server sent before it have been handled.
   */
  responseTo(id: string, timeoutMs?: number): Promise<ResponseMessage>;
  /** Resolves with the first publishDiagnostics (already received or coming) that satisfies `predicate`. */
  waitForPublished(predicate: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  settings: Record<string, unknown>;
  waitForDiagnostics(uri: string, predicate: (d: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  /** Resolves with the first notification of `method` (already received or coming) that satisfies `predicate`. */
  waitForNotification<T>(method: string, predicate?: (params: T) => boolean, timeoutMs?: number): Promise<T>;
  /** Resolves with the next notification of `method` that arrives after this call. */
  nextNotification<T>(method: string, timeoutMs?: number): Promise<T>;
  stop(): Promise<void>;
}

export function uriOf(file: string): string {
  return pathToFileURL(file).toString();
}

/** A throw-away copy of examples/handbook (or another folder). */
export function copyOfExample(from = path.join(repoRoot, 'examples/handbook')): { dir: string; dispose(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'career-lsp-'));
  cpSync(from, dir, { recursive: true });
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** One JSON-RPC message with its base-protocol header (Content-Length in bytes), as a client writes it. */
/** A reader that shows every message to `seen` before the connection gets it. */
class RecordingReader extends StreamMessageReader {
  constructor(
    readable: NodeJS.ReadableStream,
    private readonly seen: (message: Message) => void,
  ) {
    super(readable);
  }

  override listen(callback: DataCallback): Disposable {
    return super.listen((message) => {
      this.seen(message);
      callback(message);
    });
  }
}

export function frame(message: object | string): Buffer {
  const body = Buffer.from(typeof message === 'string' ? message : JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

export interface StartOptions {
  /** Extra arguments for node before the server script (e.g. --require a fault-injecting preload). */
  nodeArgs?: string[];
  /** Send initialize and initialized (default true). */
  initialize?: boolean;
  /** Client capabilities under textDocument besides publishDiagnostics (e.g. codeAction's resolveSupport, as VS Code sends it). */
  textDocument?: Record<string, unknown>;
  /** initialize's initializationOptions (e.g. indexStorage, the persisted index's folder). */
  initializationOptions?: Record<string, unknown>;
}

export async function startServer(rootDir: string, settings: Record<string, unknown> = {}, options: StartOptions = {}): Promise<TestServer> {
  // CAREER_SERVER_NODE_ARGS: node flags for every server a test or bench/lsp.ts starts (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
  const fromEnv = process.env.CAREER_SERVER_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...fromEnv, ...(options.nodeArgs ?? []), path.join(repoRoot, 'dist/server.js'), '--stdio'], { stdio: 'pipe' });
  const state = { stderr: '' };
  child.stderr.on('data', (d) => (state.stderr += String(d)));
  const responses = new Responses();
  const connection = createMessageConnection(new RecordingReader(child.stdout, responses.seen), new StreamMessageWriter(child.stdin));
  const server = connect(connection, child.stdin, child, state, responses, settings, async () => {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) resolve();
      else child.once('exit', () => resolve());
    });
    connection.dispose();
  });
  if (options.initialize !== false) await initialize(server, rootDir, process.pid, options.textDocument, options.initializationOptions);
  return server;
}

/**
 * The server of server/src/lsp/server.ts in this process, over in-memory streams, on `disk`. The
 * process id sent is null (the server would otherwise watch it), and stop() never sends `exit`
 * (the server would end this process).
 */
export async function startInProcessServer(rootDir: string, disk: Host, settings: Record<string, unknown> = {}): Promise<TestServer> {
  // Loaded here, so that the stdio tests never load the server's modules.
  const { createConnection } = await import('vscode-languageserver/node');
  const { startServer: startLanguageServer } = await import('../../server/src/lsp/server');
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const serverConnection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  startLanguageServer(serverConnection, { disk });
  const responses = new Responses();
  const connection = createMessageConnection(new RecordingReader(toClient, responses.seen), new StreamMessageWriter(toServer));
  const server = connect(connection, toServer, undefined, { stderr: '' }, responses, settings, async () => {
    await connection.sendRequest('shutdown');
    connection.dispose();
    serverConnection.dispose();
  });
  await initialize(server, rootDir, null);
  return server;
}

/** Responses to raw requests (string ids), kept until asked for. */
class Responses {
  private readonly byId = new Map<string, ResponseMessage>();
  private readonly waiting = new Map<string, (r: ResponseMessage) => void>();

  readonly seen = (message: Message): void => {
    const r = message as ResponseMessage;
    if (typeof r.id !== 'string' || 'method' in message) return;
    const resolve = this.waiting.get(r.id);
    if (resolve) {
      this.waiting.delete(r.id);
      resolve(r);
    } else this.byId.set(r.id, r);
  };

  responseTo(id: string, timeoutMs: number, stderr: () => string): Promise<ResponseMessage> {
    const r = this.byId.get(id);
    if (r) return Promise.resolve(r);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`timed out waiting for the response to ${id}; server stderr: ${stderr()}`));
      }, timeoutMs);
      this.waiting.set(id, (m) => {
        clearTimeout(timer);
        resolve(m);
      });
    });
  }
}

function connect(
  connection: MessageConnection,
  input: Writable,
  child: ChildProcessWithoutNullStreams | undefined,
  state: { stderr: string },
  responses: Responses,
  settings: Record<string, unknown>,
  stop: () => Promise<void>,
): TestServer {
  const stderr = () => state.stderr;
  const diagnostics = new Map<string, Diagnostic[]>();
  const waiters: { uri: string; predicate: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }[] = [];
  const received: { method: string; params: unknown }[] = [];
  const notificationWaiters: { method: string; predicate: (p: unknown) => boolean; resolve: (p: unknown) => void }[] = [];
  const published: PublishDiagnosticsParams[] = [];
  const logs: { type: number; message: string }[] = [];
  const writeRaw = async (bytes: string | Buffer) => {
    await new Promise<void>((resolve, reject) => input.write(bytes, (e) => (e ? reject(e) : resolve())));
  };
  const publishWaiters: { predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  const server: TestServer = {
    connection,
    process: child,
    diagnostics,
    published,
    logs,
    settings,
    writeRaw,
    stderr,
    responseTo: async (id, timeoutMs = 10000) => {
      const response = await responses.responseTo(id, timeoutMs, stderr);
      // Raw responses are seen as they are read, before the connection handles the notifications that
      // came first; the answer to one more request is handled after them.
      await connection.sendRequest('$/careerPagesTest/settle').catch(() => undefined);
      return response;
    },
    waitForPublished(predicate, timeoutMs = 10000) {
      const seen = published.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const w = {
          predicate,
          resolve: (p: PublishDiagnosticsParams) => {
            clearTimeout(timer);
            resolve(p);
          },
        };
        const timer = setTimeout(() => {
          publishWaiters.splice(publishWaiters.indexOf(w), 1);
          reject(new Error(`timed out waiting for a publishDiagnostics; last: ${JSON.stringify(published.at(-1)?.version)}; server stderr: ${stderr()}`));
        }, timeoutMs);
        publishWaiters.push(w);
      });
    },
    waitForDiagnostics(uri, predicate, timeoutMs = 10000) {
      const now = diagnostics.get(uri);
      if (now && predicate(now)) return Promise.resolve(now);
      return new Promise((resolve, reject) => {
        const w = {
          uri,
          predicate,
          resolve: (d: Diagnostic[]) => {
            clearTimeout(timer);
            resolve(d);
          },
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(w), 1);
          reject(
            new Error(
              `timed out waiting for diagnostics on ${uri}; last: ${JSON.stringify(diagnostics.get(uri)?.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`))}; server stderr: ${stderr()}`,
            ),
          );
        }, timeoutMs);
        waiters.push(w);
      });
    },
    waitForNotification<T>(method: string, predicate: (p: T) => boolean = () => true, timeoutMs = 60000): Promise<T> {
      const seen = received.find((r) => r.method === method && predicate(r.params as T));
      if (seen) return Promise.resolve(seen.params as T);
      return new Promise((resolve, reject) => {
        const w = {
          method,
          predicate: predicate as (p: unknown) => boolean,
          resolve: (p: unknown) => {
            clearTimeout(timer);
            resolve(p as T);
          },
        };
        const timer = setTimeout(() => {
          notificationWaiters.splice(notificationWaiters.indexOf(w), 1);
          reject(new Error(`timed out waiting for ${method}; server stderr: ${stderr()}`));
        }, timeoutMs);
        notificationWaiters.push(w);
      });
    },
    nextNotification<T>(method: string, timeoutMs = 60000): Promise<T> {
      const already = received.length;
      return server.waitForNotification<T>(method, (p) => received.findIndex((r) => r.params === p) >= already, timeoutMs);
    },
    stop,
  };
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    diagnostics.set(p.uri, p.diagnostics);
    for (const w of [...publishWaiters]) {
      if (w.predicate(p)) {
        publishWaiters.splice(publishWaiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.predicate(p.diagnostics)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p.diagnostics);
      }
    }
  });
  connection.onNotification((method: string, params: unknown) => {
    if (method === 'window/logMessage') logs.push(params as { type: number; message: string });
    received.push({ method, params });
    for (const w of [...notificationWaiters]) {
      if (w.method === method && w.predicate(params)) {
        notificationWaiters.splice(notificationWaiters.indexOf(w), 1);
        w.resolve(params);
      }
    }
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map(() => server.settings));
  connection.listen();
  return server;
}

async function initialize(
  server: TestServer,
  rootDir: string,
  processId: number | null,
  textDocument: Record<string, unknown> = {},
  initializationOptions?: Record<string, unknown>,
): Promise<void> {
  await server.connection.sendRequest('initialize', {
    processId,
    ...(initializationOptions ? { initializationOptions } : {}),
    rootUri: uriOf(rootDir),
    workspaceFolders: [{ uri: uriOf(rootDir), name: 'handbook' }],
    capabilities: {
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true }, ...textDocument },
    },
  });
  await server.connection.sendNotification('initialized', {});
}
