// Entry point of the language server process (dist/server.js): the LSP connection over the transport
// the client chose (IPC from VS Code, --stdio from other editors and tests), the core over Node's fs;
// with --client-files (the extension in a virtual workspace, whose folders are not on this disk) over
// the files the extension sends instead (lsp/clientFiles.ts), as in the browser's Web Worker.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { ClientFiles } from '../lsp/clientFiles';
import { startServer } from '../lsp/server';
import { PersistedIndexes, serverBuild } from './indexStore';
import { NodeHost } from './nodeHost';
import { MessageFraming } from './stdioFraming';

const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);

// A promise nobody waits for that fails (a notification the closing client no longer takes, a
// client request the client answers with an error) is logged, and the server goes on, as VS Code's
// own language servers do: nothing was half done. An exception that escapes every guard (each
// handler, each check, the indexer catch their own) is left to Node: it prints the stack on stderr
// and ends the process with status 1, and the client starts a fresh server. Node's documentation
// says why it must not be resumed (the state it left behind is unknown), and a server that stays up
// on wrong caches would show wrong diagnostics without saying so.
process.on('unhandledRejection', (reason) => {
  try {
    connection.console.error(`Career Pages: a promise failed and nobody handled it: ${reason instanceof Error ? reason.stack : String(reason)}`);
  } catch {
    process.stderr.write(`Career Pages: unhandled rejection: ${String(reason)}\n`);
  }
});

const clientFiles = process.argv.includes('--client-files') ? new ClientFiles(connection, (message) => connection.console.log(message)) : undefined;
const nodeHost = new NodeHost();
startServer(connection, {
  disk: clientFiles?.host ?? nodeHost,
  diskEvents: clientFiles,
  // The persisted index, in the folder the client names (files from the extension are not kept).
  indexStore: clientFiles
    ? undefined
    : (folder) =>
        new PersistedIndexes({ folder, disk: nodeHost, build: serverBuild(typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : 'dev', __filename) }),
  // dist/server.js → docs/rules/ in the installed extension or the checkout.
  docsBase: pathToFileURL(path.join(__dirname, '..', 'docs', 'rules')).toString(),
});

/**
 * Over stdio, the input goes through MessageFraming (a message with a wrong Content-Length is
 * dropped instead of leaving the connection deaf), and console output goes to the client's log, not
 * into the protocol stream (what vscode-languageserver does for its own --stdio connection).
 */
function stdioConnection(): Connection {
  // Told in the client's log, in order with the messages around it (the connection exists by the time input arrives).
  let warn = (message: string): void => {
    process.stderr.write(`${message}\n`);
  };
  const input = process.stdin.pipe(new MessageFraming((bytes, reason) => warn(`Career Pages: skipped ${bytes} bytes of input (${reason}).`)));
  const c = createConnection(ProposedFeatures.all, input, process.stdout);
  warn = (message) => c.console.warn(message);
  const log =
    (send: (message: string) => void) =>
    (...args: unknown[]) =>
      send(format(...args));
  console.log = log((m) => c.console.log(m));
  console.info = log((m) => c.console.info(m));
  console.warn = log((m) => c.console.warn(m));
  console.error = log((m) => c.console.error(m));
  console.debug = log((m) => c.console.log(m));
  return c;
}

declare const PACKAGE_VERSION: string;
