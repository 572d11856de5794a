// Extension entry in VS Code's Node extension host (package.json "main", dist/client.js): the
// language server is a Node process (dist/server.js) over IPC. In a folder on disk it reads the
// files itself; in a virtual workspace (a folder that is not file:) it gets them from the extension
// (--client-files). Everything else is activation.ts, shared with the browser's entry (web/extension.ts).

import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateCareerPages, CLIENT_ID, CLIENT_NAME, type CareerPagesApi, deactivateCareerPages } from './activation';

export function activate(context: vscode.ExtensionContext): Promise<CareerPagesApi> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const clientFiles = (vscode.workspace.workspaceFolders ?? []).some((f) => f.uri.scheme !== 'file');
  const args = clientFiles ? ['--client-files'] : [];
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, args },
    debug: { module: serverModule, transport: TransportKind.ipc, args, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  return activateCareerPages(context, {
    clientFiles,
    createClient: async (clientOptions) => new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions),
  });
}

export function deactivate(): Promise<void> {
  return deactivateCareerPages();
}
