// Files of the test workspace for the web suite, through vscode.workspace.fs (a web worker has no
// file system of its own; here the folder is a vscode-remote: one on code-server's disk). The same
// moves as test/e2e/support/workspace.ts, asynchronous, each registering its undo with a Cleanup.

import * as vscode from 'vscode';
import { type Cleanup, closeWithoutSaving, once, siteUri } from '../../e2e/support/editor';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export async function readSiteFile(relativePath: string): Promise<string | undefined> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(siteUri(relativePath)));
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return undefined;
    throw e;
  }
}

/**
 * Writes a file of the site (not through the editor; parent folders are created). Returns the undo
 * (restore what was there, or delete the file), which `cleanup` also runs if the test did not.
 */
export async function writeSiteFile(cleanup: Cleanup, relativePath: string, text: string): Promise<() => Thenable<void> | undefined> {
  const uri = siteUri(relativePath);
  const before = await readSiteFile(relativePath);
  await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
  return once(cleanup, () =>
    before === undefined ? vscode.workspace.fs.delete(uri, { useTrash: false }) : vscode.workspace.fs.writeFile(uri, encoder.encode(before)),
  );
}

/** Deletes a file of the site. Returns the undo (write it back), which `cleanup` also runs if the test did not. */
export async function deleteSiteFile(cleanup: Cleanup, relativePath: string): Promise<() => Thenable<void> | undefined> {
  const uri = siteUri(relativePath);
  const before = await vscode.workspace.fs.readFile(uri);
  await vscode.workspace.fs.delete(uri, { useTrash: false });
  return once(cleanup, () => vscode.workspace.fs.writeFile(uri, before));
}

/**
 * Writes a copy of a page beside it (same folder: the same page kind in the same site), with `edit`
 * applied to its text, and opens it; returns the editor and the copy's path relative to the site.
 * The copy is closed and deleted by `cleanup`.
 */
export async function openPageCopy(
  cleanup: Cleanup,
  relativePath: string,
  edit: (text: string) => string = (t) => t,
): Promise<{ editor: vscode.TextEditor; path: string }> {
  const original = await readSiteFile(relativePath);
  if (original === undefined) throw new Error(`no ${relativePath} in the test workspace`);
  const tag = [...crypto.getRandomValues(new Uint8Array(4))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const copy = relativePath.replace(/\.md$/, `-e2e-${tag}.md`);
  await writeSiteFile(cleanup, copy, edit(original));
  const uri = siteUri(copy);
  cleanup.defer(() => closeWithoutSaving(uri));
  const doc = await vscode.workspace.openTextDocument(uri);
  return { editor: await vscode.window.showTextDocument(doc, { preview: false }), path: copy };
}
