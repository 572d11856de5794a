// The command behind the language server's "included by N pages" code lens. The server can only send
// JSON (a URI string, a position, LSP locations); VS Code's references peek wants its own types.

import * as vscode from 'vscode';
import type { BaseLanguageClient, Location, Position } from 'vscode-languageclient';

/** Must match SHOW_REFERENCES_COMMAND in server/src/lsp/features.ts. */
export const SHOW_REFERENCES_COMMAND = 'careerPages.showReferences';

export function registerShowReferences(client: BaseLanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand(SHOW_REFERENCES_COMMAND, (uri: string, position: Position, locations: Location[]) => {
    const c = client.protocol2CodeConverter;
    return vscode.commands.executeCommand(
      'editor.action.showReferences',
      c.asUri(uri),
      c.asPosition(position),
      locations.map((l) => c.asLocation(l)),
    );
  });
}
