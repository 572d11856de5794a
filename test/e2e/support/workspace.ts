// The test workspace (a temporary copy of examples/handbook opened as the only folder) and the
// moves a test makes in it: open a page, open an edited copy of a page, edit through the editor,
// change files on disk, change settings. Every change registers its undo with a Cleanup, which a
// suite's teardown runs, so tests stay independent.

import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type Cleanup, closeWithoutSaving, once, siteUri } from './editor';

export * from './editor';

export function sitePath(relativePath: string): string {
  return siteUri(relativePath).fsPath;
}

/**
 * Writes a copy of a page beside it (same folder, so it is the same page kind in the same site),
 * with `edit` applied to its text, and opens it. The copy is closed and deleted by `cleanup`.
 */
export async function openPageCopy(cleanup: Cleanup, relativePath: string, edit: (text: string) => string = (t) => t): Promise<vscode.TextEditor> {
  const source = sitePath(relativePath);
  const original = fs.readFileSync(source, 'utf8');
  const text = edit(original);
  // Each suite file is its own bundle, so a counter would repeat across suites: use a random tag.
  const copy = path.join(path.dirname(source), `${path.basename(source, '.md')}-e2e-${randomBytes(4).toString('hex')}.md`);
  fs.writeFileSync(copy, text);
  const uri = vscode.Uri.file(copy);
  cleanup.defer(() => fs.rmSync(copy, { force: true }));
  cleanup.defer(() => closeWithoutSaving(uri));
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

/**
 * Writes a file of the site on disk (not through the editor). Returns the undo (restore what was
 * there, or delete the file), which `cleanup` also runs if the test did not.
 */
export function writeSiteFile(cleanup: Cleanup, relativePath: string, text: string): () => void {
  const file = sitePath(relativePath);
  const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return once(cleanup, () => (before === undefined ? fs.rmSync(file, { force: true }) : fs.writeFileSync(file, before)));
}

/** Deletes a file of the site on disk. Returns the undo (write it back), which `cleanup` also runs if the test did not. */
export function deleteSiteFile(cleanup: Cleanup, relativePath: string): () => void {
  const file = sitePath(relativePath);
  const before = fs.readFileSync(file, 'utf8');
  fs.rmSync(file);
  return once(cleanup, () => fs.writeFileSync(file, before));
}
