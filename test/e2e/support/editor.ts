// What the real-editor suites share whichever extension host runs them (Node, or the web worker of
// test/e2e-web): the example handbook's pages, undo steps, opening and editing documents, settings.
// Nothing here touches the file system directly (test/e2e/support/workspace.ts does for the Node
// suite, test/e2e-web/support/siteFiles.ts through vscode.workspace.fs for the web one).

import * as vscode from 'vscode';

export const EXTENSION_ID = 'handbook-career-pages.handbook-career-pages';

/** Pages and include files of examples/handbook, relative to the site root. */
const TRACK = 'content/handbook/engineering/careers/matrix/quality/engineering-productivity';
export const PAGES = {
  intermediate: `${TRACK}/intermediate.md`,
  senior: `${TRACK}/senior.md`,
  jobFamily: 'content/job-families/engineering/infrastructure/engineering-productivity-manager.md',
} as const;
export const INCLUDES = {
  nav: 'assets/includes/engineering-careers/ep-career-nav.md',
  values: 'assets/includes/engineering-careers/values-competency.md',
  seniorLeadership: 'assets/includes/engineering-careers/senior-leadership-competency.md',
} as const;

export function siteRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the e2e tests need a workspace folder (a copy of examples/handbook)');
  return folder.uri;
}

export function siteUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(siteRoot(), ...relativePath.split('/'));
}

/** Undo steps collected during a test, run in reverse order by the suite's teardown. */
export class Cleanup {
  private readonly steps: (() => unknown)[] = [];

  defer(step: () => unknown): void {
    this.steps.push(step);
  }

  async run(): Promise<void> {
    const errors: unknown[] = [];
    while (this.steps.length) {
      const step = this.steps.pop()!;
      // Every undo step runs even when one fails; the failures are reported together.
      await Promise.resolve()
        .then(step)
        .catch((e: unknown) => errors.push(e));
    }
    if (errors.length) throw new AggregateError(errors, `${errors.length} cleanup step(s) failed: ${errors.map(String).join('; ')}`);
  }
}

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed in this editor`);
  await ext.activate();
  return ext;
}

export async function openPage(relativePath: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(siteUri(relativePath));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Closes every editor on `uri`, dropping unsaved changes (no "save?" dialog). */
export async function closeWithoutSaving(uri: vscode.Uri): Promise<void> {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!doc) return;
  await vscode.window.showTextDocument(doc, { preview: false });
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

/** The range of the `occurrence`-th (1-based) appearance of `needle` in the document. */
export function rangeOf(doc: vscode.TextDocument, needle: string, occurrence = 1): vscode.Range {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" occurs fewer than ${occurrence} time(s) in ${doc.uri.fsPath}`);
  }
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + needle.length));
}

/** Replaces a range through the editor (an unsaved edit, as a person typing would make). */
export async function replaceRange(doc: vscode.TextDocument, range: vscode.Range, newText: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, range, newText);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`the editor refused the edit of ${doc.uri.fsPath}`);
}

/**
 * Sets `careerPages.<key>` in the workspace settings (.vscode/settings.json of the test workspace).
 * Returns the undo (the previous value back), which `cleanup` also runs if the test did not.
 */
export async function setSetting(cleanup: Cleanup, key: string, value: unknown): Promise<() => unknown> {
  const config = vscode.workspace.getConfiguration('careerPages');
  const before = config.inspect(key)?.workspaceValue;
  await config.update(key, value, vscode.ConfigurationTarget.Workspace);
  return once(cleanup, () => vscode.workspace.getConfiguration('careerPages').update(key, before, vscode.ConfigurationTarget.Workspace));
}

/** Wraps an undo step so it runs at most once, whether the test or the cleanup calls it first. */
export function once<T>(cleanup: Cleanup, undo: () => T): () => T | undefined {
  let done = false;
  const step = () => {
    if (done) return undefined;
    done = true;
    return undo();
  };
  cleanup.defer(step);
  return step;
}
