// The status bar item that shows the active Markdown file's page kind (the schema it is checked
// against), from `careerPages/pageInfo`; clicking it offers to change the kind for this file for the
// session (`careerPages/setPageKind`) or shows how to make it permanent. It also sets the context key
// `careerPages.pageKind` that menus use.

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { PAGE_INFO, PERMANENT_KIND, SET_PAGE_KIND, type PageInfoResult, type PageKind, type PermanentKindResult } from '../../server/src/lsp/customProtocol';
import { COMMANDS, kindChoices, KIND_LABELS, statusFor, type KindAction } from './commands/choices';
import { serverChecks } from './serverChecks';

export class PageKindStatus implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  /** Bumped on every refresh: an answer to an older one is dropped. */
  private generation = 0;
  private info: PageInfoResult | null = null;
  private readonly changed = new vscode.EventEmitter<PageInfoResult | null>();
  /** Fires after each refresh with what the item shows (tests wait on it). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: BaseLanguageClient) {
    this.item = vscode.window.createStatusBarItem('careerPages.pageKind', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Career Pages: Page Kind';
    this.item.command = COMMANDS.changePageKind;
    this.disposables.push(
      this.item,
      this.changed,
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('careerPages')) void this.refresh();
      }),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (d.uri.path.endsWith('/.career-pages.jsonc')) void this.refresh();
      }),
    );
    void this.refresh();
  }

  /** What the item shows now: its text, or undefined while hidden. */
  get text(): string | undefined {
    return statusFor(this.info)?.text;
  }

  async refresh(): Promise<PageInfoResult | null> {
    const generation = ++this.generation;
    const doc = vscode.window.activeTextEditor?.document;
    const info =
      doc && doc.languageId === 'markdown' && serverChecks(this.client, doc.uri)
        ? await this.client.sendRequest<PageInfoResult | null>(PAGE_INFO, { uri: doc.uri.toString() })
        : null;
    if (generation !== this.generation) return info;
    this.show(info);
    return info;
  }

  private show(info: PageInfoResult | null): void {
    this.info = info;
    const status = statusFor(info);
    void vscode.commands.executeCommand('setContext', 'careerPages.pageKind', info?.checked ? info.kind : '');
    if (!status) this.item.hide();
    else {
      this.item.text = status.text;
      this.item.tooltip = status.tooltip;
      this.item.show();
    }
    this.changed.fire(info);
  }

  /** The status bar's command: a quick pick, or straight to `kind` (null: back to the configured kind) when given. */
  async changeKind(uri?: vscode.Uri, kind?: PageKind | null): Promise<PageInfoResult | null | undefined> {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!target) return undefined;
    const info = await this.client.sendRequest<PageInfoResult | null>(PAGE_INFO, { uri: target.toString() });
    if (!info) {
      void vscode.window.showInformationMessage('This file is not a Markdown file of a Hugo site: it has no page kind.');
      return undefined;
    }
    let action: KindAction | undefined = kind === undefined ? undefined : kind === null ? { reset: true } : { kind };
    if (!action) {
      const picked = await vscode.window.showQuickPick(kindChoices(info), {
        title: `Page kind of ${info.relativePath}`,
        placeHolder: `Now: ${info.label} (schemas/${info.schema})`,
      });
      action = picked?.value;
    }
    if (!action) return undefined;
    if ('permanent' in action) {
      await this.explainPermanent(target, info);
      return info;
    }
    const updated = await this.client.sendRequest<PageInfoResult | null>(SET_PAGE_KIND, {
      uri: target.toString(),
      kind: 'reset' in action ? null : action.kind,
    });
    await this.refresh();
    return updated;
  }

  private async explainPermanent(uri: vscode.Uri, info: PageInfoResult): Promise<void> {
    const kind = info.kind;
    const advice = await this.client.sendRequest<PermanentKindResult | null>(PERMANENT_KIND, { uri: uri.toString(), kind });
    if (!advice) return;
    const buttons = [...(advice.snippet ? ['Copy Entry'] : []), advice.exists ? 'Open .career-pages.jsonc' : 'Create .career-pages.jsonc'];
    const choice = await vscode.window.showInformationMessage(
      `To keep ${info.relativePath} a ${KIND_LABELS[kind].toLowerCase()}: ${advice.explanation}`,
      // Modal: only a modal message shows its detail, the entry to copy.
      { modal: true, detail: advice.snippet },
      ...buttons,
    );
    const configUri = vscode.Uri.parse(advice.configUri);
    if (choice === 'Copy Entry' && advice.snippet) await vscode.env.clipboard.writeText(advice.snippet);
    else if (choice === 'Open .career-pages.jsonc') await vscode.window.showTextDocument(configUri);
    else if (choice === 'Create .career-pages.jsonc') {
      const edit = new vscode.WorkspaceEdit();
      const text = `// Handbook Career Pages: settings shared by the editor and the career-lint CLI.\n${advice.snippet ?? '{}'}\n`;
      edit.createFile(configUri, { overwrite: false, ignoreIfExists: true, contents: new TextEncoder().encode(text) });
      await vscode.workspace.applyEdit(edit);
      await vscode.window.showTextDocument(configUri);
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
