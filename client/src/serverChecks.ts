// Which documents the language server checks: those its document selector names by scheme (file:,
// and where the server gets the files from the extension, the workspace folders' schemes; see
// activation.ts). Commands, the status bar and page moves ask this instead of assuming file:.

import type * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';

export function serverChecks(client: BaseLanguageClient, uri: vscode.Uri): boolean {
  return (client.clientOptions.documentSelector ?? []).some((filter) => typeof filter !== 'string' && 'scheme' in filter && filter.scheme === uri.scheme);
}
