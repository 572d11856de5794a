// The ladder matrix webview: one panel beside the editor, showing the matrix of the page it was
// opened for (data from `careerPages/ladderMatrix`, HTML from ladderMatrixHtml.ts). It follows edits:
// saving any page of the matrix renders it again. A click in the view opens the cell's source line;
// the message is checked against the locations this panel rendered, nothing else is opened.

import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LADDER_MATRIX, type LadderMatrixResult, type MatrixLocation } from '../../../server/src/lsp/customProtocol';
import { matrixTitle, parseMatrixMessage, renderLadderMatrixHtml } from './ladderMatrixHtml';

export const LADDER_MATRIX_VIEW = 'careerPages.ladderMatrix';

export class LadderMatrixPanel implements vscode.Disposable {
  private panel?: vscode.WebviewPanel;
  private page?: vscode.Uri;
  private matrix?: LadderMatrixResult;
  private targets: readonly MatrixLocation[] = [];
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly client: LanguageClient,
    private readonly extensionUri: vscode.Uri,
  ) {
    this.disposables.push(
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (this.panel && this.matrix?.columns.some((c) => c.uri === d.uri.toString())) void this.render();
      }),
    );
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
      this.panel = vscode.window.createWebviewPanel(
        LADDER_MATRIX_VIEW,
        'Ladder Matrix',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        {
          enableScripts: true,
          // Forms would otherwise be on with scripts; the view has none (its CSP says form-action 'none' too).
          enableForms: false,
          enableCommandUris: false,
          localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
        },
      );
      this.panel.onDidDispose(
        () => {
          this.panel = undefined;
          this.matrix = undefined;
          this.targets = [];
        },
        undefined,
        this.disposables,
      );
      this.panel.webview.onDidReceiveMessage((message: unknown) => void this.open(message), undefined, this.disposables);
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
    const matrix = await this.client.sendRequest<LadderMatrixResult>(LADDER_MATRIX, { uri: this.page.toString() });
    if (!this.panel) return; // closed meanwhile
    const webview = this.panel.webview;
    const { html, targets } = renderLadderMatrixHtml(matrix, {
      cspSource: webview.cspSource,
      nonce: randomBytes(18).toString('base64'),
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
