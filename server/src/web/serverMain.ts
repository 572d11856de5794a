// Entry point of the language server in a Web Worker (dist/web/server.js), for the extension in the
// browser (vscode.dev, the GitLab Web IDE): the same server (lsp/server.ts) and core as the Node
// process, over postMessage, with the workspace's files sent by the extension (lsp/clientFiles.ts)
// instead of a disk it cannot read. No Node here (test/server/webBundle.test.ts bundles it for a
// browser and allows no Node built-in).
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { ClientFiles } from '../lsp/clientFiles';
import { startServer } from '../lsp/server';

/** The worker's global scope, as much of it as is used here (the project's types have no DOM). */
declare const self: {
  addEventListener(type: 'unhandledrejection', listener: (event: { reason: unknown; preventDefault(): void }) => void): void;
};

// Typed by the library as a DOM worker scope, which this project's types do not declare.
const scope = self as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(scope), new BrowserMessageWriter(scope));

// As in the Node process (node/serverMain.ts): a promise nobody waits for that fails is logged, and
// the server goes on.
self.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  connection.console.error(
    `Career Pages: a promise failed and nobody handled it: ${event.reason instanceof Error ? event.reason.stack : String(event.reason)}`,
  );
});

const files = new ClientFiles(connection, (message) => connection.console.log(message));
// No docsBase: diagnostics link the rule's page by the repository's URL, which the extension turns
// into its command that opens the packaged copy (client/src/ruleDocs.ts).
startServer(connection, { disk: files.host, diskEvents: files });
