// A minimal LSP client for tests: starts the real server (dist/server.js) over stdio and speaks
// JSON-RPC to it. Diagnostics are awaited as events, with a timeout, never with sleeps.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { repoRoot } from './fixtureSite';

export interface TestServer {
  connection: MessageConnection;
  process: ChildProcessWithoutNullStreams;
  /** Latest diagnostics per URI. */
  diagnostics: Map<string, Diagnostic[]>;
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

export async function startServer(rootDir: string, settings: Record<string, unknown> = {}): Promise<TestServer> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'dist/server.js'), '--stdio'], { stdio: 'pipe' });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const diagnostics = new Map<string, Diagnostic[]>();
  const waiters: { uri: string; predicate: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }[] = [];
  const received: { method: string; params: unknown }[] = [];
  const notificationWaiters: { method: string; predicate: (p: unknown) => boolean; resolve: (p: unknown) => void }[] = [];
  const server: TestServer = {
    connection, process: child, diagnostics, settings,
    waitForDiagnostics(uri, predicate, timeoutMs = 10000) {
      const now = diagnostics.get(uri);
      if (now && predicate(now)) return Promise.resolve(now);
      return new Promise((resolve, reject) => {
        const w = { uri, predicate, resolve: (d: Diagnostic[]) => { clearTimeout(timer); resolve(d); } };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(w), 1);
          reject(new Error(`timed out waiting for diagnostics on ${uri}; last: ${JSON.stringify(diagnostics.get(uri)?.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`))}; server stderr: ${stderr}`));
        }, timeoutMs);
        waiters.push(w);
      });
    },
    waitForNotification<T>(method: string, predicate: (p: T) => boolean = () => true, timeoutMs = 60000): Promise<T> {
      const seen = received.find((r) => r.method === method && predicate(r.params as T));
      if (seen) return Promise.resolve(seen.params as T);
      return new Promise((resolve, reject) => {
        const w = { method, predicate: predicate as (p: unknown) => boolean, resolve: (p: unknown) => { clearTimeout(timer); resolve(p as T); } };
        const timer = setTimeout(() => {
          notificationWaiters.splice(notificationWaiters.indexOf(w), 1);
          reject(new Error(`timed out waiting for ${method}; server stderr: ${stderr}`));
        }, timeoutMs);
        notificationWaiters.push(w);
      });
    },
    nextNotification<T>(method: string, timeoutMs = 60000): Promise<T> {
      const already = received.length;
      return server.waitForNotification<T>(method, (p) => received.findIndex((r) => r.params === p) >= already, timeoutMs);
    },
    async stop() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) resolve();
        else child.once('exit', () => resolve());
      });
      connection.dispose();
    },
  };
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    diagnostics.set(p.uri, p.diagnostics);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.predicate(p.diagnostics)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p.diagnostics);
      }
    }
  });
  connection.onNotification((method: string, params: unknown) => {
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
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: uriOf(rootDir),
    workspaceFolders: [{ uri: uriOf(rootDir), name: 'handbook' }],
    capabilities: {
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
    },
  });
  connection.sendNotification('initialized', {});
  return server;
}
