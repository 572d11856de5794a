// Starts the language server's Web Worker from dist/web/server.js. Where the extension's files are
// served over http(s) (vscode.dev, @vscode/test-web) `new Worker(url)` works; a web-worker host
// whose extensions come from a remote (code-server, the GitLab Web IDE's vscode-remote: URIs) refuses
// it ("Creating workers from remote extensions is currently not supported."), so then the script is
// read through the workspace file system and started from a blob: URL.

import * as vscode from 'vscode';

/** The worker API of the browser, as much of it as is used here (the project's types have no DOM). */
interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
}
declare const Worker: new (url: string, options?: { name?: string }) => WorkerLike;

export const WORKER_NAME = 'Handbook Career Pages language server';

// The language client takes the browser's Worker; typed here as the little of it this file uses.
// biome-ignore lint/suspicious/noExplicitAny: the DOM's Worker type, which this project does not declare
export async function startServerWorker(extensionUri: vscode.Uri): Promise<any> {
  const script = vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'server.js');
  try {
    return new Worker(script.toString(true), { name: WORKER_NAME });
  } catch {
    const bytes = await vscode.workspace.fs.readFile(script);
    return new Worker(URL.createObjectURL(new Blob([bytes], { type: 'application/javascript' })), { name: WORKER_NAME });
  }
}
