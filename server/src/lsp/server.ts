// The language server: LSP in, core, LSP out. Each handler translates and delegates; everything it
// knows about pages comes from the core's Workspace.

import {
  CodeActionKind, CodeLensRefreshRequest, DidChangeWatchedFilesNotification, FileChangeType, TextDocumentSyncKind, TextDocuments,
  type CodeAction, type Connection, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME } from '../core/config';
import type { Host } from '../core/host';
import { isMarkdownPath, Workspace } from '../core/workspace';
import { codeActions } from './codeActions';
import { registerCustomRequests } from './customRequests';
import { pathToUri, toLspDiagnostic, uriToPath } from './convert';
import { FEATURE_CAPABILITIES, registerFeatures } from './features';
import { OverlayHost } from './overlayHost';
import { settingsToOptions, type EditorSettings } from './settings';
import { SiteIndexer } from './siteIndexer';

/** Sent when a site's index is complete (or brought up to date): { root: uri, pages, ms }. */
export const SITE_INDEXED = 'careerPages/siteIndexed';

export interface ServerOptions {
  /** The file system as the core sees it (NodeHost in production, MemoryHost in tests). */
  disk: Host;
  /** Base URL of the rule documentation (docs/rules/), for the links on diagnostics. */
  docsBase?: string;
}

export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  const openByPath = new Map<string, TextDocument>();
  const host = new OverlayHost(options.disk, {
    textOf: (path) => {
      const doc = openByPath.get(path);
      return doc ? { text: doc.getText(), version: doc.version } : undefined;
    },
  });
  let workspace = new Workspace(host);
  let enabled = true;
  let canWatch = false;
  let canConfigure = false;
  let canRefreshLenses = false;
  let folders: string[] = [];
  // The site index is built in the background; when it is complete, open pages are checked again
  // (site-wide rules wait for it) and code lenses recount.
  const indexer = new SiteIndexer({
    workspace: () => workspace,
    host,
    isOpen: (path) => openByPath.has(path),
    onIndexed: (site, stats) => {
      void connection.sendNotification(SITE_INDEXED, { root: pathToUri(site.root), ...stats });
      schedule(documents.all().map((d) => d.uri));
      if (canRefreshLenses) void connection.sendRequest(CodeLensRefreshRequest.type);
    },
  });

  // Validation is coalesced per document: a burst of keystrokes costs one run, on the next turn.
  const pending = new Set<string>();
  let scheduled = false;
  const schedule = (uris: Iterable<string>) => {
    for (const u of uris) pending.add(u);
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      const batch = [...pending];
      pending.clear();
      for (const uri of batch) validate(uri);
    });
  };

  const validate = (uri: string) => {
    const doc = documents.get(uri);
    const path = uriToPath(uri);
    if (path && isConfigFile(path)) {
      validateConfig(path);
      return;
    }
    if (!doc || !path || !isMarkdownPath(path) || !enabled) {
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    const result = workspace.lint(path, doc.getText());
    // An editor may keep a deleted file's document open (VS Code disposes it later, without telling
    // us): it is still checked, but it is no longer a page of the site.
    if (options.disk.exists(path) !== 'file') workspace.siteFor(path)?.index.remove(path);
    void connection.sendDiagnostics({
      uri, version: doc.version,
      diagnostics: result.diagnostics.map((d) => {
        const lsp = toLspDiagnostic(d);
        if (options.docsBase) lsp.codeDescription = { href: `${options.docsBase}/${d.code}.md` };
        return lsp;
      }),
    });
  };

  const validateConfig = (path: string) => {
    void connection.sendDiagnostics({ uri: pathToUri(path), diagnostics: workspace.configDiagnostics(path).map(toLspDiagnostic) });
  };

  const loadSettings = async () => {
    if (!canConfigure) return;
    const s = (await connection.workspace.getConfiguration('careerPages')) as EditorSettings | null;
    enabled = s?.enable !== false;
    workspace.setSettings(settingsToOptions(s ?? undefined));
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canWatch = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    canConfigure = !!params.capabilities.workspace?.configuration;
    canRefreshLenses = !!params.capabilities.workspace?.codeLens?.refreshSupport;
    const roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    folders = roots.flatMap((u) => uriToPath(u) ?? []);
    workspace = new Workspace(host, { settings: settingsToOptions(params.initializationOptions?.settings as EditorSettings | undefined) });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
        ...FEATURE_CAPABILITIES,
      },
      serverInfo: { name: 'handbook-career-pages', version: typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : 'dev' },
    };
  });

  connection.onInitialized(async () => {
    if (canWatch) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{md,markdown}' }, { globPattern: '**/.career-pages.jsonc' }, { globPattern: '**/{hugo,config}.{toml,yaml,yml,json}' }],
      });
    }
    await loadSettings();
    schedule(documents.all().map((d) => d.uri));
    indexer.start(folders);
  });

  connection.onDidChangeConfiguration(async () => {
    await loadSettings();
    schedule(documents.all().map((d) => d.uri));
    if (canConfigure) indexer.restart(); // new settings: the workspace dropped its sites and their indexes
  });

  documents.onDidOpen((e) => {
    const path = uriToPath(e.document.uri);
    if (path) openByPath.set(path, e.document);
    schedule([e.document.uri]);
  });

  documents.onDidChangeContent((e) => {
    const path = uriToPath(e.document.uri);
    if (!path) return;
    openByPath.set(path, e.document);
    // An open include file being edited changes the pages that include it.
    const affected = workspace.fileChanged(path, 'changed');
    schedule([e.document.uri, ...urisOf(affected)]);
  });

  documents.onDidClose((e) => {
    const path = uriToPath(e.document.uri);
    if (path) {
      openByPath.delete(path);
      const affected = workspace.fileChanged(path, 'changed');
      schedule(urisOf(affected));
    }
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onDidChangeWatchedFiles((params) => {
    const uris = new Set<string>();
    let all = false;
    for (const change of params.changes) {
      const path = uriToPath(change.uri);
      if (!path) continue;
      const kind = change.type === FileChangeType.Created ? 'created' : change.type === FileChangeType.Deleted ? 'deleted' : 'changed';
      const affected = workspace.fileChanged(path, kind);
      if (affected === 'all') all = true;
      else for (const u of urisOf(affected)) uris.add(u);
      if (affected !== 'all') indexer.fileChanged(path, kind);
      if (isConfigFile(path)) validateConfig(path);
    }
    schedule(all ? documents.all().map((d) => d.uri) : uris);
    if (all) indexer.restart();
  });

  connection.onCodeAction((params) => codeActions(params, documents.get(params.textDocument.uri), workspace));
  registerFeatures({ connection, documents, workspace: () => workspace });
  registerCustomRequests({ connection, documents, workspace: () => workspace, sites: () => indexer.sites(), revalidate: (files) => schedule(urisOf(files)) });

  /** URIs of the open documents among the affected paths (as the client spelled them). */
  const urisOf = (affected: Set<string> | 'all'): string[] => {
    if (affected === 'all') return documents.all().map((d) => d.uri);
    return [...affected].flatMap((p) => {
      const doc = openByPath.get(p);
      return doc ? [doc.uri] : [];
    });
  };

  documents.listen(connection);
  connection.listen();
}

declare const PACKAGE_VERSION: string;

function isConfigFile(path: string): boolean {
  return path.endsWith('/' + CONFIG_FILE_NAME);
}

export type { CodeAction };
