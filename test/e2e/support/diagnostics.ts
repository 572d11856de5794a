// Waiting for and describing the extension's diagnostics. Everything waits on
// vscode.languages.onDidChangeDiagnostics with a timeout; nothing sleeps.

import * as vscode from 'vscode';

/** The `source` of every diagnostic the language server publishes. */
export const SOURCE = 'career-pages';

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

/** Our diagnostics on a document right now (other extensions' are left out). */
export function ours(uri: vscode.Uri, code?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE && (code === undefined || codeOf(d) === code));
}

const SEVERITY_NAMES = ['error', 'warning', 'info', 'hint'];

/** "include-missing error 7:23-7:59": one line per diagnostic, 0-based, for readable assertions. */
export function describeDiagnostic(d: vscode.Diagnostic): string {
  const r = d.range;
  return `${codeOf(d)} ${SEVERITY_NAMES[d.severity]} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

export function describeAll(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map(describeDiagnostic);
}

/**
 * Resolves with our diagnostics on `uri` as soon as `accept` returns true for them (checked now and
 * on every change event for that document); rejects after `timeoutMs` naming what was awaited and
 * what was there.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    let subscription: vscode.Disposable | undefined;
    const timer = setTimeout(() => {
      subscription?.dispose();
      reject(
        new Error(
          `timed out after ${timeoutMs} ms waiting for ${what} on ${vscode.workspace.asRelativePath(uri)}; ` +
            `diagnostics now: ${JSON.stringify(describeAll(ours(uri)))}`,
        ),
      );
    }, timeoutMs);
    const check = (): boolean => {
      const now = ours(uri);
      if (!accept(now)) return false;
      clearTimeout(timer);
      subscription?.dispose();
      resolve(now);
      return true;
    };
    if (check()) return;
    subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
  });
}

/** Waits until the document has at least one diagnostic with `code` (optionally matching `where`). */
export function waitForCode(uri: vscode.Uri, code: string, where: (d: vscode.Diagnostic) => boolean = () => true, timeoutMs?: number) {
  return waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === code && where(d)), `a ${code} diagnostic`, timeoutMs).then((ds) =>
    ds.filter((d) => codeOf(d) === code),
  );
}

/** Waits until the document has no diagnostic with `code` (optionally: none matching `where`). */
export function waitForNoCode(uri: vscode.Uri, code: string, where: (d: vscode.Diagnostic) => boolean = () => true, timeoutMs?: number) {
  return waitForDiagnostics(uri, (ds) => !ds.some((d) => codeOf(d) === code && where(d)), `no ${code} diagnostic`, timeoutMs);
}

/** Waits until exactly `count` diagnostics with `code` are present (and all match `where`). */
export function waitForCount(uri: vscode.Uri, code: string, count: number, where: (d: vscode.Diagnostic) => boolean = () => true, timeoutMs?: number) {
  return waitForDiagnostics(
    uri,
    (ds) => {
      const mine = ds.filter((d) => codeOf(d) === code);
      return mine.length === count && mine.every(where);
    },
    `${count} ${code} diagnostic(s)`,
    timeoutMs,
  ).then((ds) => ds.filter((d) => codeOf(d) === code));
}
