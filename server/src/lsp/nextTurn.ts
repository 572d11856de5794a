// "Later, after what is already queued": the scheduler the language server's connection itself
// uses between two messages (vscode-jsonrpc's runtime: setImmediate under Node, a zero timeout in a
// browser's Web Worker, where there is no setImmediate). Background work (the site indexer, the
// validation queue, Lint Workspace) yields with it, so messages are read between its slices in
// either host.

import { RAL } from 'vscode-languageserver';

export function nextTurn(run: () => void): void {
  RAL().timer.setImmediate(run);
}
