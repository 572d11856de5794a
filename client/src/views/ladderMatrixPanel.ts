// The ladder matrix webview: one panel beside the editor, showing the matrix of the page it was
// opened for (data from `careerPages/ladderMatrix`, HTML from ladderMatrixHtml.ts). It follows edits:
// saving any page of the matrix renders it again. A click in the view opens the cell's source line;
// the message is checked against the locations this panel rendered, nothing else is opened. The
// panel survives a window reload: the webview keeps the page's URI (its state), and the serializer
// registered here renders that page's matrix again into the panel VS Code restores
// (activation event onWebviewPanel:careerPages.ladderMatrix).

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { LADDER_MATRIX, type LadderMatrixResult, type MatrixLocation } from '../../../server/src/lsp/customProtocol';
import { matrixTitle, parseMatrixMessage, parseMatrixState, renderLadderMatrixHtml } from './ladderMatrixHtml';

export const LADDER_MATRIX_VIEW = 'careerPages.ladderMatrix';

/** The webview's options, for a new panel and a restored one alike. */
const webviewOptions = (extensionUri: vscode.Uri): vscode.WebviewOptions => ({
  enableScripts: true,
  // Forms would otherwise be on with scripts; the view has none (its CSP says form-action 'none' too).
  enableForms: false,
  enableCommandUris: false,
  localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
});

export class LadderMatrixPanel implements vscode.Disposable {
  private panel?: vscode.WebviewPanel;
  private page?: vscode.Uri;
  private matrix?: LadderMatrixResult;
  private targets: readonly MatrixLocation[] = [];
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly extensionUri: vscode.Uri,
  ) {
    this.disposables.push(
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (this.panel && this.matrix?.columns.some((c) => c.uri === d.uri.toString())) void this.render();
      }),
      vscode.window.registerWebviewPanelSerializer(LADDER_MATRIX_VIEW, { deserializeWebviewPanel: (panel, state) => this.restore(panel, state) }),
    );
  }

  /**
   * A panel VS Code brings back after a reload, with the state its webview saved: it shows the
   * matrix of that page again (and takes the place of this view's panel). Closed when the state says
   * no page, or the page has no matrix any more (the server's reason is shown).
   */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const saved = parseMatrixState(state);
    if (!saved || this.panel) {
      panel.dispose();
      return;
    }
    panel.webview.options = webviewOptions(this.extensionUri);
    this.adopt(panel);
    this.page = vscode.Uri.parse(saved.page);
    try {
      await this.render();
    } catch (e) {
      panel.dispose();
      void vscode.window.showWarningMessage(
        `Career Pages: the ladder matrix of ${vscode.workspace.asRelativePath(this.page)} cannot be shown again: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.onDidDispose(
      () => {
        if (this.panel !== panel) return;
        this.panel = undefined;
        this.matrix = undefined;
        this.targets = [];
      },
      undefined,
      this.disposables,
    );
    panel.webview.onDidReceiveMessage((message: unknown) => void this.open(message), undefined, this.disposables);
  }

  /** The panel's title, while it is open (tests read it). */
  get title(): string | undefined {
    return this.panel?.title;
  }

  /** Shows the matrix of `page` (default: the active editor's). Errors from the server (no track) reach the caller. */
  async show(page?: vscode.Uri): Promise<LadderMatrixResult | undefined> {
    page ??= vscode.window.activeTextEditor?.document.uri;
    if (!page) {
      void vscode.window.showInformationMessage('Open a career page or a job-family page to see its ladder matrix.');
      return undefined;
    }
    this.page = page;
    if (!this.panel) {
      this.adopt(
        vscode.window.createWebviewPanel(
          LADDER_MATRIX_VIEW,
          'Ladder Matrix',
          { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
          webviewOptions(this.extensionUri),
        ),
      );
    }
    try {
      await this.render();
    } catch (e) {
      // No matrix for this page: do not leave an empty panel behind.
      if (!this.matrix) this.panel?.dispose();
      throw e;
    }
    this.panel?.reveal(undefined, true);
    return this.matrix;
  }

  private async render(): Promise<void> {
    if (!this.panel || !this.page) return;
    const page = this.page;
    const matrix = await this.client.sendRequest<LadderMatrixResult>(LADDER_MATRIX, { uri: page.toString() });
    if (!this.panel) return; // closed meanwhile
    const webview = this.panel.webview;
    const { html, targets } = renderLadderMatrixHtml(matrix, {
      cspSource: webview.cspSource,
      nonce: newNonce(),
      state: { page: page.toString() },
      styleUris: [webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'ladderMatrix.css')).toString()],
    });
    this.matrix = matrix;
    this.targets = targets;
    this.panel.title = matrixTitle(matrix);
    webview.html = html;
  }

  private async open(message: unknown): Promise<void> {
    const location = parseMatrixMessage(message, this.targets);
    if (!location) return; // not a message this view sends
    const position = new vscode.Position(location.line, location.character);
    const column = vscode.window.visibleTextEditors.find((e) => e.viewColumn !== this.panel?.viewColumn)?.viewColumn ?? vscode.ViewColumn.One;
    await vscode.window.showTextDocument(vscode.Uri.parse(location.uri), { viewColumn: column, selection: new vscode.Range(position, position) });
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** 18 random bytes in base64: the script's nonce, new for every render (Web Crypto: the same in Node and in a browser). */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(18))));
}
