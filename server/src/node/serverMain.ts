// Entry point of the language server process (dist/server.js): the LSP connection over the transport
// the client chose (IPC from VS Code, --stdio from other editors and tests), the core over Node's fs.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../lsp/server';
import { NodeHost } from './nodeHost';

const connection = createConnection(ProposedFeatures.all);
startServer(connection, {
  disk: new NodeHost(),
  // dist/server.js → docs/rules/ in the installed extension or the checkout.
  docsBase: pathToFileURL(path.join(__dirname, '..', 'docs', 'rules')).toString(),
});
