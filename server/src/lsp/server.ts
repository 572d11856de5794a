// The language server: LSP in, core, LSP out. Each handler translates and delegates; everything it
// knows about pages comes from the core's Workspace.

import {
  CodeLensRefreshRequest,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type InitializeParams,
  type InitializeResult,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME, type Diagnostic, type Host, internalError, isMarkdownPath, OverlayHost, Workspace } from '../core';
import { CODE_ACTION_OPTIONS, codeActions, resolveCodeAction, resolvesEdits } from './codeActions';
import { registerCustomRequests } from './customRequests';
import { pathToUri, toLspDiagnostic, uriToPath } from './convert';
import { Failures } from './failures';
import { FEATURE_CAPABILITIES, registerFeatures } from './features';
import { settingsToOptions, type EditorSettings } from './settings';
import { type IndexStore, SiteIndexer } from './siteIndexer';
import { ValidationQueue } from './validationQueue';

/**
 * Sent when a site's index is complete (or brought up to date): { root: uri, pages, ms }, and with a
 * persisted index, after a whole run, `restored` (entries taken from it) and `rebuilt` (pages read).
 */
export const SITE_INDEXED = 'careerPages/siteIndexed';

export interface ServerOptions {
  /** The file system as the core sees it (NodeHost in production, MemoryHost in tests, ClientFiles' snapshot in a Web Worker). */
  disk: Host;
  /** Base URL of the rule documentation (docs/rules/), for the links on diagnostics. */
  docsBase?: string;
  /** For a disk that learns of its changes itself instead of from LSP file events (clientFiles.ts). */
  diskEvents?: DiskEvents;
  /**
   * The persisted index (node/indexStore.ts), in the storage folder the client names in its
   * initializationOptions (`indexStorage`: a path; VS Code's storage folder for the workspace). None
   * named, nothing is persisted.
   */
  indexStore?: (folder: string) => IndexStore;
}

/** A file created, changed or deleted on disk, by its core path. */
export interface DiskChange {
  path: string;
  kind: 'created' | 'changed' | 'deleted';
}

/**
 * A disk host that must first be filled and then reports its own changes (the files the extension
 * sends a Web Worker's server): nothing is checked or indexed before `ready()` resolves (a page
 * checked against an empty disk would show every include missing), no LSP file watchers are
 * registered, and each change it reports is followed as a client's file event is.
 */
export interface DiskEvents {
  ready(): Promise<void>;
  onDidChange(listener: (changes: readonly DiskChange[]) => void): void;
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
  let store: IndexStore | undefined;
  const newWorkspace = (settings: EditorSettings | undefined) =>
    new Workspace(host, { settings: settingsToOptions(settings), textDigest: store && ((text) => store!.textDigest(text)), compactIndex: true });
  let workspace = new Workspace(host);
  let initialSettings: EditorSettings | undefined;
  /** False until the disk can answer (options.diskEvents): until then nothing is checked. */
  let diskReady = !options.diskEvents;
  let enabled = true;
  let canWatch = false;
  let canConfigure = false;
  let canRefreshLenses = false;
  let canResolveActions = false;
  let folders: string[] = [];
  /** The client asks for the links of moved pages itself (careerPages/pageMoveEdit). */
  let clientMovesPages = false;

  // What was last published per URI: the check's diagnostics, to which a feature's internal-error is added.
  const checked = new Map<string, { version?: number; diagnostics: LspDiagnostic[] }>();
  const toPublished = (d: Diagnostic): LspDiagnostic => {
    const lsp = toLspDiagnostic(d);
    if (options.docsBase) lsp.codeDescription = { href: `${options.docsBase}/${d.code}.md` };
    return lsp;
  };
  const publish = (uri: string) => {
    const last = checked.get(uri);
    const failure = failures.diagnosticOf(uri);
    const diagnostics = [...(last?.diagnostics ?? []), ...(failure ? [toPublished(failure)] : [])];
    sendDiagnostics({ uri, version: last?.version ?? documents.get(uri)?.version, diagnostics });
  };
  /** Sends without throwing: a connection that is closing (the client went away) refuses to send. */
  const sendDiagnostics = (params: PublishDiagnosticsParams) => {
    try {
      connection.sendDiagnostics(params).catch(() => undefined);
    } catch {
      // closed: nobody to tell
    }
  };
  const failures = new Failures({ log: (message) => connection.console.error(message), changed: publish });

  // The site index is built in the background; when it is complete, open pages are checked again
  // (site-wide rules wait for it) and code lenses recount.
  const indexer = new SiteIndexer({
    workspace: () => workspace,
    host,
    isOpen: (path) => openByPath.has(path),
    onIndexed: (site, stats) => {
      void connection.sendNotification(SITE_INDEXED, { root: pathToUri(site.root), ...stats });
      // The site's Hugo configuration was read with it: its problems show on their files (a change
      // to one of them validates it again, which clears what was fixed).
      for (const f of new Set(site.hugo.diagnostics.map((d) => d.file))) validateConfig(f);
      schedule(documents.all().map((d) => d.uri));
      if (canRefreshLenses) {
        connection
          .sendRequest(CodeLensRefreshRequest.type)
          .catch((e) => failures.log(`Career Pages could not ask the client to refresh code lenses: ${e instanceof Error ? e.message : String(e)}`));
      }
    },
    // Logged only: the page is not open (checking it reports the failure when it is).
    failed: (what, path, error) => failures.logFailure(what, path, error),
    editsWaiting: () => queue.size > 0,
    store: () => store,
    log: (message) => connection.console.info(message),
  });

  // A burst of changes is checked once, at its latest version (see validationQueue.ts).
  const queue = new ValidationQueue({ validate: (uri) => validate(uri) });
  const schedule = (uris: Iterable<string>) => {
    if (diskReady) queue.add(uris); // else every open document is checked once it is
  };

  const validate = (uri: string) => {
    const doc = documents.get(uri);
    const path = uriToPath(uri);
    try {
      if (path && isConfigFile(path)) {
        checked.set(uri, { diagnostics: workspace.configDiagnostics(path).map(toLspDiagnostic) });
      } else if (path && workspace.isHugoConfigFile(path)) {
        // Part of a site's Hugo configuration: a file that does not parse, a value of the wrong type.
        checked.set(uri, { diagnostics: workspace.hugoConfigDiagnostics(path).map(toLspDiagnostic) });
      } else if (!doc || !path || !isMarkdownPath(path) || !enabled) {
        // Not checked (closed, not Markdown, or turned off): nothing to keep.
        checked.delete(uri);
      } else {
        const result = workspace.lint(path, doc.getText());
        // An editor may keep a deleted file's document open (VS Code disposes it later, without telling
        // us): it is still checked, but it is no longer a page of the site.
        if (options.disk.exists(path) !== 'file') workspace.siteFor(path)?.index.remove(path);
        checked.set(uri, { version: doc.version, diagnostics: result.diagnostics.map(toPublished) });
      }
    } catch (e) {
      // The core catches its own failures per rule and per page; this is for anything else.
      failures.logFailure('checking this file', path ?? uri, e);
      checked.set(uri, { version: doc?.version, diagnostics: path ? [toPublished(internalError(path, 'checking this file', e))] : [] });
    }
    publish(uri);
  };

  const validateConfig = (path: string) => validate(pathToUri(path));

  const loadSettings = async () => {
    if (!canConfigure) return;
    let s: EditorSettings | null;
    try {
      s = (await connection.workspace.getConfiguration('careerPages')) as EditorSettings | null;
    } catch (e) {
      // The client refused (or failed) to answer: keep the settings we have.
      failures.log(`Career Pages could not read the careerPages settings from the client: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    enabled = s?.enable !== false;
    workspace.setSettings(settingsToOptions(s ?? undefined));
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canWatch = !!params.capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    canConfigure = !!params.capabilities?.workspace?.configuration;
    canRefreshLenses = !!params.capabilities?.workspace?.codeLens?.refreshSupport;
    canResolveActions = resolvesEdits(params.capabilities);
    const roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    folders = roots.flatMap((u) => uriToPath(u) ?? []);
    initialSettings = params.initializationOptions?.settings as EditorSettings | undefined;
    const storage = params.initializationOptions?.indexStorage;
    if (typeof storage === 'string' && storage && options.indexStore) store = options.indexStore(storage);
    workspace = newWorkspace(initialSettings);
    clientMovesPages = params.initializationOptions?.pageMoves === 'client';
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        codeActionProvider: CODE_ACTION_OPTIONS,
        ...FEATURE_CAPABILITIES,
      },
      serverInfo: { name: 'handbook-career-pages', version: typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : 'dev' },
    };
  });

  connection.onInitialized(async () => {
    if (canWatch && !options.diskEvents) {
      try {
        await connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [
            { globPattern: '**/*.{md,markdown}' },
            { globPattern: '**/.career-pages.jsonc' },
            { globPattern: '**/{hugo,config}.{toml,yaml,yml,json}' },
            { globPattern: '**/config/*/*.{toml,yaml,yml,json}' },
          ],
        });
      } catch (e) {
        failures.log(`Career Pages could not watch the workspace's files (the client refused): ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    if (options.diskEvents) {
      await options.diskEvents.ready();
      // What was asked before the disk could answer (sites found empty) is forgotten.
      workspace = newWorkspace(initialSettings);
      diskReady = true;
    }
    await loadSettings();
    schedule(documents.all().map((d) => d.uri));
    failures.run('indexing the workspace', undefined, () => indexer.start(folders));
  });

  connection.onDidChangeConfiguration(async () => {
    await loadSettings();
    schedule(documents.all().map((d) => d.uri));
    if (canConfigure) failures.run('indexing the workspace', undefined, () => indexer.restart()); // new settings: the workspace dropped its sites and their indexes
  });

  documents.onDidOpen((e) => {
    const path = uriToPath(e.document.uri);
    if (path) openByPath.set(path, e.document);
    failures.clear(e.document.uri);
    schedule([e.document.uri]);
  });

  documents.onDidChangeContent((e) => {
    const uri = e.document.uri;
    const path = uriToPath(uri);
    if (!path) return;
    openByPath.set(path, e.document);
    failures.clear(uri);
    schedule([uri]);
    // An open include file being edited changes the pages that include it.
    failures.run('finding the pages this change affects', uri, () => schedule(urisOf(workspace.fileChanged(path, 'changed'))));
  });

  documents.onDidClose((e) => {
    const uri = e.document.uri;
    const path = uriToPath(uri);
    failures.clear(uri);
    checked.delete(uri);
    if (path) {
      openByPath.delete(path);
      failures.run('finding the pages this change affects', undefined, () => schedule(urisOf(workspace.fileChanged(path, 'changed'))));
    }
    sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onDidChangeWatchedFiles((params) => {
    const changes: DiskChange[] = [];
    for (const change of params.changes ?? []) {
      failures.run('following a change on disk', undefined, () => {
        const path = uriToPath(change.uri);
        if (!path) return;
        changes.push({ path, kind: change.type === FileChangeType.Created ? 'created' : change.type === FileChangeType.Deleted ? 'deleted' : 'changed' });
      });
    }
    diskChanged(changes);
  });
  options.diskEvents?.onDidChange((changes) => diskChanged(changes));

  function diskChanged(changes: readonly DiskChange[]): void {
    const uris = new Set<string>();
    let all = false;
    for (const { path, kind } of changes) {
      failures.run('following a change on disk', undefined, () => {
        const affected = workspace.fileChanged(path, kind);
        if (affected === 'all') all = true;
        else for (const u of urisOf(affected)) uris.add(u);
        if (affected !== 'all') indexer.fileChanged(path, kind);
        if (isConfigFile(path) || workspace.isHugoConfigFile(path)) validateConfig(path);
      });
    }
    schedule(all ? documents.all().map((d) => d.uri) : uris);
    if (all) failures.run('indexing the workspace', undefined, () => indexer.restart());
  }

  connection.onCodeAction(
    failures.request(
      'computing the code actions',
      (p) => p.textDocument.uri,
      () => [],
      (params) => codeActions(params, documents.get(params.textDocument.uri), workspace, canResolveActions),
    ),
  );
  connection.onCodeActionResolve(
    failures.request(
      'fixing all problems of the file',
      (a) => (a.data as { careerPagesFixAll?: string } | undefined)?.careerPagesFixAll,
      (a) => a,
      (action) => resolveCodeAction(action, (uri) => documents.get(uri), workspace),
    ),
  );
  registerFeatures({
    connection,
    documents,
    workspace: () => workspace,
    sites: () => indexer.sites(),
    pageMovesInWillRename: () => !clientMovesPages,
    failures,
  });
  registerCustomRequests({
    connection,
    documents,
    workspace: () => workspace,
    sites: () => indexer.sites(),
    revalidate: (files) => schedule(urisOf(files)),
    failures,
  });

  /** URIs of the open documents among the affected paths (as the client spelled them). */
  const urisOf = (affected: Set<string> | 'all'): string[] => {
    if (affected === 'all') return documents.all().map((d) => d.uri);
    return [...affected].flatMap((p) => {
      const doc = openByPath.get(p);
      return doc ? [doc.uri] : [];
    });
  };

  // What the index learnt since it was last saved is saved before the process ends.
  connection.onShutdown(() => failures.run('saving the index', undefined, () => indexer.saveNow()));

  documents.listen(connection);
  connection.listen();
}

declare const PACKAGE_VERSION: string;

function isConfigFile(path: string): boolean {
  return path.endsWith('/' + CONFIG_FILE_NAME);
}

export type { CodeAction };
