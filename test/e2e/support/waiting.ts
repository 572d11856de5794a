// Waiting in a real editor for what arrives with no event to await: the language server's answers
// after its background index, file events reaching it, another extension's server starting. Only
// the `vscode` API: the web-worker suite (test/e2e-web) uses these too.

import * as vscode from 'vscode';

export interface EventuallyOptions {
  /** Fails after this long (default 15 s). */
  timeoutMs?: number;
  /** What to show of the state when it times out (e.g. the outline as it is). */
  describe?: () => Promise<unknown>;
}

/**
 * Asks again every 100 ms until `check` gives a value (a check that throws is asked again too; its
 * last error is in the timeout's message).
 */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, options: EventuallyOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) {
      const now = options.describe ? `; now: ${JSON.stringify(await options.describe())}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}${now}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Resolves when the document's text satisfies `accept` (now or after a change); the timeout's message shows the text. */
export function waitForText(doc: vscode.TextDocument, accept: (text: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
  return new Promise((resolve, reject) => {
    if (accept(doc.getText())) return resolve(doc.getText());
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what} in ${vscode.workspace.asRelativePath(doc.uri)}: ${JSON.stringify(doc.getText().slice(0, 2000))}`));
    }, timeoutMs);
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document !== doc || !accept(doc.getText())) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(doc.getText());
    });
  });
}
