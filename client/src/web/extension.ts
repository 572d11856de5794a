// Extension entry in the browser's extension host (package.json "browser", dist/web/client.js;
// vscode.dev, the GitLab Web IDE): the language server is a nested Web Worker (dist/web/server.js)
// running the same server and core, and it gets the workspace's files from this extension
// (client/src/workspaceFiles.ts). Everything else is activation.ts, shared with the Node entry.

import type * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateCareerPages, CLIENT_ID, CLIENT_NAME, type CareerPagesApi, deactivateCareerPages } from '../activation';
import { startServerWorker } from './serverWorker';

export function activate(context: vscode.ExtensionContext): Promise<CareerPagesApi> {
  return activateCareerPages(context, {
    clientFiles: true,
    createClient: async (clientOptions) => new LanguageClient(CLIENT_ID, CLIENT_NAME, clientOptions, await startServerWorker(context.extensionUri)),
  });
}

export function deactivate(): Promise<void> {
  return deactivateCareerPages();
}
