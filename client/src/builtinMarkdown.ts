// Beside VS Code's built-in Markdown language features (the "Markdown Language Features" extension,
// vscode.markdown-language-features), which run on every Markdown file, in a Hugo site or not. In
// VS Code 1.100 an extension can turn none of its providers off; the built-in's own settings turn off
// only its link completion (markdown.suggest.paths.enabled) and its link validation
// (markdown.validate.enabled, off by default). Its outline, go to definition, references, folding and
// document links have no setting. So, in a Hugo site (README, "Beside VS Code's built-in Markdown
// features"):
// - completion: once per workspace, when the server has indexed a Hugo site, offer to write those two
//   settings as false into the workspace's settings (never silently; the command does the same);
// - go to definition: a location of ours on one line spans that whole line, as the built-in's heading
//   locations do, so VS Code takes the two answers for one and F12 jumps instead of opening a peek;
// - outline: the built-in's always answers, so ours answers only when asked to
//   (careerPages.outline.includes) or when the built-in extension is disabled.

import * as vscode from 'vscode';
import type { BaseLanguageClient, Middleware } from 'vscode-languageclient';
import { COMMANDS } from './commands/choices';

export const BUILTIN_MARKDOWN_EXTENSION = 'vscode.markdown-language-features';
export const TURN_OFF_DUPLICATES_COMMAND = COMMANDS.turnOffBuiltinMarkdownDuplicates;
/** Must match SITE_INDEXED in server/src/lsp/server.ts. */
const SITE_INDEXED = 'careerPages/siteIndexed';
/** workspaceState key: the offer was made in this workspace (it is made once). */
const OFFERED = 'careerPages.builtinMarkdown.offered';

/** The built-in's settings that make it repeat what we do in a Hugo site, and what each turns off. */
export const DUPLICATE_SETTINGS: readonly { key: string; what: string }[] = [
  { key: 'suggest.paths.enabled', what: 'its link completion (headings after "#", without the included ones, and file paths)' },
  { key: 'validate.enabled', what: 'its link validation (which does not know included headings or Hugo URLs)' },
];

/** The client middleware that keeps one answer per feature (see the top of this file). */
export function builtinMarkdownMiddleware(): Middleware {
  return {
    provideDefinition: async (document, position, token, next) => {
      const result = await next(document, position, token);
      if (!result) return result;
      const locations = Array.isArray(result) ? result : [result];
      const lines = new LineReader();
      const out: vscode.Location[] = [];
      for (const l of locations) {
        if (!(l instanceof vscode.Location)) return result; // links already: leave the answer as it is
        out.push(await wholeLines(l, lines));
      }
      return out;
    },
    provideDocumentSymbols: (document, token, next) => (ownOutline(document.uri) ? next(document, token) : []),
  };
}

/** Our outline answers only when the built-in's does not, or when the settings ask for both. */
export function ownOutline(uri: vscode.Uri): boolean {
  return (
    vscode.workspace.getConfiguration('careerPages', uri).get<boolean>('outline.includes') === true ||
    vscode.extensions.getExtension(BUILTIN_MARKDOWN_EXTENSION) === undefined
  );
}

/**
 * A location on one line (a heading's text) widened to that whole line: what the built-in answers for
 * a heading. VS Code's list of definitions drops an entry whose file and range equal the one before it
 * (as it shows it: the selection range of a link), so the two answers are one and F12 jumps, to the
 * start of the heading's line. Empty ranges (the start of an included file or a page) stay as they
 * are: the built-in has no answer for them.
 */
async function wholeLines(l: vscode.Location, lines: LineReader): Promise<vscode.Location> {
  if (l.range.isEmpty || !l.range.isSingleLine) return l;
  const text = await lines.line(l.uri, l.range.end.line);
  return text === undefined ? l : new vscode.Location(l.uri, new vscode.Range(l.range.start.line, 0, l.range.end.line, text.length));
}

/** Lines of files, from the open document or else from disk, each file read once. */
class LineReader {
  private readonly files = new Map<string, Promise<string[] | undefined>>();

  line(uri: vscode.Uri, line: number): Promise<string | undefined> {
    let lines = this.files.get(uri.toString());
    if (!lines) this.files.set(uri.toString(), (lines = readLines(uri)));
    return lines.then((ls) => ls?.[line]);
  }
}

async function readLines(uri: vscode.Uri): Promise<string[] | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText().split(/\r\n|\r|\n/);
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)).split(/\r\n|\r|\n/);
  } catch {
    return undefined; // gone or unreadable: the location is shown as the server gave it
  }
}

/** The offer to turn the built-in's duplicates off in this workspace, and the command that does it. */
export class BuiltinMarkdownDuplicates implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private offered = false;

  constructor(
    private readonly context: vscode.ExtensionContext,
    client: BaseLanguageClient,
  ) {
    this.disposables.push(
      vscode.commands.registerCommand(TURN_OFF_DUPLICATES_COMMAND, () => this.turnOff()),
      // Registered before the client starts: the first site may be indexed right after.
      client.onNotification(SITE_INDEXED, () => void this.offer()),
    );
  }

  /** The duplicate settings that are on for this workspace now. */
  on(): { key: string; what: string }[] {
    const markdown = vscode.workspace.getConfiguration('markdown');
    return DUPLICATE_SETTINGS.filter((s) => markdown.get<boolean>(s.key) === true);
  }

  /** Writes each duplicate setting that is on as false into the workspace's settings; returns their full names. */
  async turnOff(): Promise<string[]> {
    if (!vscode.workspace.workspaceFolders?.length) {
      void vscode.window.showWarningMessage('Career Pages: open a folder first; the settings are written to its workspace settings.');
      return [];
    }
    const on = this.on();
    const markdown = vscode.workspace.getConfiguration('markdown');
    for (const s of on) await markdown.update(s.key, false, vscode.ConfigurationTarget.Workspace);
    const names = on.map((s) => `markdown.${s.key}`);
    void vscode.window.showInformationMessage(
      names.length
        ? `Career Pages: set ${names.map((n) => `"${n}": false`).join(' and ')} in this workspace's settings. To undo, remove ${names.length > 1 ? 'them' : 'it'} there.`
        : "Career Pages: VS Code's built-in Markdown link completion and validation are already off in this workspace.",
    );
    return names;
  }

  /** Once per workspace, in a Hugo site, while a duplicate setting is on. */
  private async offer(): Promise<void> {
    if (this.offered || this.context.workspaceState.get(OFFERED)) return;
    const on = this.on();
    if (!on.length) return;
    this.offered = true;
    await this.context.workspaceState.update(OFFERED, true);
    const turnOff = 'Turn Off in This Workspace';
    const answer = await vscode.window.showInformationMessage(
      "Career Pages: VS Code's built-in Markdown features also complete and check links in this Hugo site, so " +
        '"[x](#" lists each heading twice (the built-in without the included headings). ' +
        `Turn off ${on.map((s) => s.what).join(' and ')} in this workspace? ` +
        `This writes ${on.map((s) => `"markdown.${s.key}": false`).join(' and ')} to the workspace's settings.`,
      turnOff,
      'Keep Both',
    );
    if (answer === turnOff) await this.turnOff();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
