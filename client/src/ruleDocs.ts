// The code link of a diagnostic (its `code.target`) opens the rule's documentation rendered and
// read-only: VS Code's Markdown preview of the doc packaged with the extension (docs/rules/<code>.md),
// which works offline and matches the installed version. The server links the packaged file (or, for
// the diagnostics of .career-pages.jsonc, the repository's page); opened as it is, VS Code would show
// the raw Markdown inside the extension's folder in an editable tab. So the client turns each such
// link into a command URI (the Problems view and the hover open command links on a diagnostic's code,
// VS Code 1.100) whose command opens a locked preview beside the page.

import * as vscode from 'vscode';
import { COMMANDS } from './commands/choices';

export const SHOW_RULE_DOC_COMMAND = COMMANDS.showRuleDoc;
/** What a rule code looks like; anything else is refused (a command URI can come from anywhere). */
const RULE_CODE = /^[a-z][a-z0-9-]*$/;

export class RuleDocs implements vscode.Disposable {
  private readonly folder: vscode.Uri;
  private readonly command: vscode.Disposable;

  constructor(extensionUri: vscode.Uri) {
    this.folder = vscode.Uri.joinPath(extensionUri, 'docs', 'rules');
    this.command = vscode.commands.registerCommand(SHOW_RULE_DOC_COMMAND, (code: unknown) => this.show(code));
  }

  /** The packaged doc of a rule code. */
  docOf(code: string): vscode.Uri {
    return vscode.Uri.joinPath(this.folder, `${code}.md`);
  }

  /**
   * Points the code link of each diagnostic that links its rule's doc (the packaged file, or the same
   * page of the project's repository: docs/rules/<code>.md) at the preview command.
   */
  link(diagnostics: vscode.Diagnostic[]): void {
    for (const d of diagnostics) {
      const code = d.code;
      if (typeof code !== 'object' || typeof code.value !== 'string' || !RULE_CODE.test(code.value)) continue;
      if (!code.target.path.endsWith(`/docs/rules/${code.value}.md`)) continue;
      d.code = { value: code.value, target: ruleDocCommandUri(code.value) };
    }
  }

  /** Opens the rule's doc in a locked Markdown preview beside the active editor. */
  async show(code: unknown): Promise<boolean> {
    if (typeof code !== 'string' || !RULE_CODE.test(code)) {
      void vscode.window.showErrorMessage(`Career Pages: ${JSON.stringify(code)} is not a rule code.`);
      return false;
    }
    const doc = this.docOf(code);
    try {
      await vscode.workspace.fs.stat(doc);
    } catch {
      void vscode.window.showErrorMessage(`Career Pages: this extension has no documentation for "${code}".`);
      return false;
    }
    await vscode.commands.executeCommand('markdown.showLockedPreviewToSide', doc);
    return true;
  }

  dispose(): void {
    this.command.dispose();
  }
}

/** command:careerPages.showRuleDoc?["<code>"], as VS Code's command links carry their arguments. */
export function ruleDocCommandUri(code: string): vscode.Uri {
  return vscode.Uri.parse(`command:${SHOW_RULE_DOC_COMMAND}?${encodeURIComponent(JSON.stringify([code]))}`);
}
