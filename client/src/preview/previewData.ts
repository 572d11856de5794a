// What the preview's synchronous render needs from the language server, kept per open Markdown
// document: the server's answer to `careerPages/previewData` for one version of its text.
//
// When to ask: when the server has checked the document (its diagnostics arrive: after every open
// and change, and after a setting, a session page kind, the configuration file or an included file
// changed), and a little after an open or change in case no check comes first. JSON-RPC keeps the
// order of the server's messages: diagnostics that arrive while a request for the checked version
// is under way mean its answer comes from after the check; diagnostics that arrive otherwise mean
// a new request is needed.
//
// What a render gets: the answer for exactly the text it renders, or, while that is missing, no page
// (plain Markdown, shortcodes as written, no heading ids of ours, never those of another version),
// checked as a site page unless the server said the file is in no site. When an answer arrives that
// a render of the same text went without (or had another answer for), the previews are refreshed.
//
// No VS Code API and no Node modules (markdownPreview.ts wires it to the editor's events): the tests
// drive it directly, and it can run in a web extension host.

import { PREVIEW_DATA, type PreviewDataParams, type PreviewDataResult } from '../../../server/src/lsp/customProtocol';
import type { PreviewSource } from './includePreview';

/** What of the language client this needs (vscode-languageclient's node and browser clients both have it). */
export interface PreviewDataClient {
  sendRequest<R>(method: string, params: PreviewDataParams): Promise<R>;
}

export interface PreviewDataOptions {
  client: PreviewDataClient;
  /** The open document with this URI (its current version and text), if it is open. */
  document(uri: string): { version: number; getText(): string } | undefined;
  /** Re-renders the open previews (VS Code: `markdown.preview.refresh`). */
  refresh(): unknown;
  /** How long after an open or change to ask when no check of the server came first (ms, default 250). */
  fallbackDelayMs?: number;
  /** For tests: the timer (default setTimeout / clearTimeout). */
  timer?: { set(run: () => void, ms: number): unknown; clear(handle: unknown): void };
}

interface DocumentState {
  /** The last answer for this document, with the text it is for. */
  answer?: { text: string; result: PreviewDataResult };
  /** The server said whether the file is in a Hugo site (it does not change with the text). */
  inSite?: boolean;
  /** The version a request under way asks for. */
  asking?: number;
  /** The server checked the document since the last request was sent: ask again. */
  stale: boolean;
  timer?: unknown;
  /** The text of the last render, and the answer it used (undefined: none). */
  rendered?: { text: string; result: PreviewDataResult | undefined };
}

export class PreviewData {
  private readonly documents = new Map<string, DocumentState>();
  private readonly listeners = new Set<(uri: string) => void>();
  private refreshQueued = false;
  private readonly timer: NonNullable<PreviewDataOptions['timer']>;

  constructor(private readonly options: PreviewDataOptions) {
    this.timer = options.timer ?? { set: (run, ms) => setTimeout(run, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };
  }

  /** For the markdown-it plugin: the answer for exactly `text` of the document `uri`, or what to do without one. */
  lookup(uri: string | undefined, text: string): PreviewSource {
    if (!uri) return { inSite: false };
    const state = this.documents.get(uri);
    const answer = state?.answer?.text === text ? state.answer.result : undefined;
    if (state) state.rendered = { text, result: answer };
    if (answer) return answer.page ? { inSite: answer.inSite, page: answer.page } : { inSite: answer.inSite };
    // Not known yet: a file could be a site's page, so its HTML is checked.
    return { inSite: state?.inSite ?? uri.startsWith('file:') };
  }

  /** Whether the answer for this text of the document is here and nothing newer is on its way. */
  isCurrent(uri: string, text: string): boolean {
    const state = this.documents.get(uri);
    return !!state && state.asking === undefined && !state.stale && state.timer === undefined && state.answer?.text === text;
  }

  /** Calls `listener` with the URI each time an answer for a document was kept (tests wait on it). */
  onDidUpdate(listener: (uri: string) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }

  /** A Markdown file was opened or changed in the editor. */
  changed(uri: string): void {
    let state = this.documents.get(uri);
    if (!state) this.documents.set(uri, (state = { stale: true }));
    if (state.timer === undefined) this.schedule(uri, state, this.options.fallbackDelayMs ?? 250);
  }

  /** The server checked this document again (its diagnostics arrived). */
  serverChecked(uri: string): void {
    const state = this.documents.get(uri);
    if (!state) return;
    // An answer under way for the version checked comes from after the check.
    if (state.asking !== undefined && state.asking === this.options.document(uri)?.version) return;
    state.stale = true;
    if (state.asking === undefined) this.schedule(uri, state, 0);
  }

  closed(uri: string): void {
    const state = this.documents.get(uri);
    if (state?.timer !== undefined) this.timer.clear(state.timer);
    this.documents.delete(uri);
  }

  dispose(): void {
    for (const uri of [...this.documents.keys()]) this.closed(uri);
    this.listeners.clear();
  }

  private schedule(uri: string, state: DocumentState, delayMs: number): void {
    if (state.timer !== undefined) this.timer.clear(state.timer);
    state.timer = this.timer.set(() => {
      state.timer = undefined;
      void this.ask(uri, state);
    }, delayMs);
  }

  private async ask(uri: string, state: DocumentState): Promise<void> {
    const document = this.options.document(uri);
    if (!document || state.asking !== undefined) return;
    const text = document.getText();
    const version = document.version;
    state.asking = version;
    state.stale = false;
    let result: PreviewDataResult | undefined;
    try {
      result = await this.options.client.sendRequest<PreviewDataResult>(PREVIEW_DATA, { uri, version });
    } catch {
      // The server is restarting or stopped: its next diagnostics ask again.
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
    for (const listener of this.listeners) listener(uri);
  }

  /** One refresh for the answers that arrive in the same turn. */
  private queueRefresh(): void {
    if (this.refreshQueued) return;
    this.refreshQueued = true;
    queueMicrotask(() => {
      this.refreshQueued = false;
      // A refresh that fails (no Markdown extension) leaves the preview as it is: nothing to report.
      Promise.resolve()
        .then(() => this.options.refresh())
        .catch(() => undefined);
    });
  }
}
