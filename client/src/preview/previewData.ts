// What the preview's synchronous render needs from the language server, kept per open Markdown
// document: the server's answer to `careerPages/previewData` for one version of its text.
//
// When to ask: after the server has checked the document (its diagnostics arrive: after every open
// and change, and after a setting, a session page kind, the configuration file or an included file
// changed), and a little after an open or change in case no check follows. An answer computed
// before such a check may be outdated; one computed after it is not. JSON-RPC keeps the order of
// the server's messages, so diagnostics that arrive while a request is under way mean its answer
// comes from after the check, and diagnostics that arrive with no request under way mean a new one
// is needed.
//
// What a render gets: the answer for exactly the text it renders, or, while that is missing, no page
// (plain Markdown, shortcodes as written, no heading ids of ours, never ids of another version) with
// the HTML checks of a site page unless the server said the file is not in one. When an answer
// arrives that a render of the same text went without, the preview is refreshed.
//
// Only the VS Code API and the request (no Node modules): this can run in a web extension host.

import * as vscode from 'vscode';
import { PREVIEW_DATA, type PreviewDataParams, type PreviewDataResult } from '../../../server/src/lsp/customProtocol';
import type { PreviewSource } from './includePreview';

/** What of the language client this needs (vscode-languageclient's node and browser clients both have it). */
export interface PreviewDataClient {
  sendRequest<R>(method: string, params: PreviewDataParams): Promise<R>;
}

export interface PreviewDataOptions {
  /** Re-renders the open previews (default: VS Code's `markdown.preview.refresh`). */
  refresh?: () => unknown;
  /** How long after an open or change to ask when no check of the server came first (ms). */
  fallbackDelayMs?: number;
}

interface DocumentState {
  /** The last answer for this document, with the text it is for. */
  answer?: { text: string; result: PreviewDataResult };
  /** The server said whether the file is in a Hugo site (it does not change with the text). */
  inSite?: boolean;
  /** The version a request under way asks for. */
  asking?: number;
  /** The server checked the document after the last request was answered (or for a version it did not ask for): ask again. */
  stale: boolean;
  timer?: ReturnType<typeof setTimeout>;
  /** The text of the last render, and the answer it used (undefined: none). */
  rendered?: { text: string; result: PreviewDataResult | undefined };
}

export class PreviewData implements vscode.Disposable {
  private readonly documents = new Map<string, DocumentState>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly updated = new vscode.EventEmitter<string>();
  /** Fires with the URI after an answer for a document was kept (tests wait on it). */
  readonly onDidUpdate = this.updated.event;
  private refreshQueued = false;
  private readonly refresh: () => unknown;
  private readonly fallbackDelayMs: number;

  constructor(private readonly client: PreviewDataClient, options: PreviewDataOptions = {}) {
    this.refresh = options.refresh ?? (() => vscode.commands.executeCommand('markdown.preview.refresh'));
    this.fallbackDelayMs = options.fallbackDelayMs ?? 250;
    this.disposables.push(
      this.updated,
      vscode.workspace.onDidOpenTextDocument((d) => this.changed(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.changed(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri.toString())),
    );
    for (const d of vscode.workspace.textDocuments) this.changed(d);
  }

  /** For the markdown-it plugin: the answer for exactly `text` of the document `uri`, or what to do without one. */
  lookup(uri: string | undefined, text: string): PreviewSource {
    if (!uri) return { inSite: false };
    const state = this.documents.get(uri);
    const answer = state?.answer?.text === text ? state.answer.result : undefined;
    if (state) state.rendered = { text, result: answer };
    if (answer) return { inSite: answer.inSite, page: answer.page };
    // Not known yet, or a file: document of a site: checked as a site page.
    return { inSite: state?.inSite ?? uri.startsWith('file:') };
  }

  /** Whether the answer for the document's current text is here and nothing newer is on its way. */
  isCurrent(document: vscode.TextDocument): boolean {
    const state = this.documents.get(document.uri.toString());
    return !!state && state.asking === undefined && !state.stale && !state.timer && state.answer?.text === document.getText();
  }

  /** The server checked this document again (its diagnostics arrived). */
  serverChecked(uri: string): void {
    const state = this.documents.get(uri);
    if (!state) return;
    // An answer under way for the version checked comes from after the check.
    if (state.asking !== undefined && state.asking === this.documentOf(uri)?.version) return;
    state.stale = true;
    if (state.asking === undefined) this.schedule(uri, state, 0);
  }

  dispose(): void {
    for (const state of this.documents.values()) clearTimeout(state.timer);
    this.documents.clear();
    for (const d of this.disposables) d.dispose();
  }

  private changed(document: vscode.TextDocument): void {
    if (document.languageId !== 'markdown' || document.uri.scheme !== 'file') return;
    const uri = document.uri.toString();
    let state = this.documents.get(uri);
    if (!state) this.documents.set(uri, (state = { stale: true }));
    if (!state.timer) this.schedule(uri, state, this.fallbackDelayMs);
  }

  private forget(uri: string): void {
    clearTimeout(this.documents.get(uri)?.timer);
    this.documents.delete(uri);
  }

  private schedule(uri: string, state: DocumentState, delayMs: number): void {
    clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      void this.ask(uri, state);
    }, delayMs);
  }

  private documentOf(uri: string): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  }

  private async ask(uri: string, state: DocumentState): Promise<void> {
    const document = this.documentOf(uri);
    if (!document || state.asking !== undefined) return;
    const text = document.getText();
    const version = document.version;
    state.asking = version;
    state.stale = false;
    let result: PreviewDataResult | undefined;
    try {
      result = await this.client.sendRequest<PreviewDataResult>(PREVIEW_DATA, { uri, version });
    } catch {
      // The server is restarting or stopped: its diagnostics will ask again.
    } finally {
      state.asking = undefined;
    }
    if (this.documents.get(uri) !== state) return; // closed meanwhile
    if (state.stale) this.schedule(uri, state, 0);
    // An answer for another version (or none: the server failed) is not kept.
    if (!result || result.version !== version) return;
    state.answer = { text, result };
    state.inSite = result.inSite;
    const rendered = state.rendered;
    if (rendered?.text === text && JSON.stringify(rendered.result) !== JSON.stringify(result)) this.queueRefresh();
    this.updated.fire(uri);
  }

  /** One refresh for the answers that arrive in the same turn. */
  private queueRefresh(): void {
    if (this.refreshQueued) return;
    this.refreshQueued = true;
    queueMicrotask(() => {
      this.refreshQueued = false;
      void Promise.resolve(this.refresh()).catch(() => undefined);
    });
  }
}
