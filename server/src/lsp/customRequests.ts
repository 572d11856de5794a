// The requests behind the extension's commands, ladder matrix view and status bar (method names and
// shapes in customProtocol.ts). Like the other handlers: URIs in, a core call, URIs out.

import type { CancellationToken, Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Level, LEVELS, PAGE_KINDS, type Site, type Workspace } from '../core';
import {
  careerTrackFolders,
  convertIncludeDelimiters,
  DEFAULT_JOB_FAMILY_LEVELS,
  FeatureError,
  headingLinks,
  jobFamilyFolders,
  ladderMatrix,
  type LadderMatrix,
  levelChoices,
  type MatrixLocation as CoreLocation,
  newCareerPage,
  newJobFamilyPage,
  type NewPage,
  pageMoveEdits,
  pageInfo,
  type PageInfo,
  permanentKindAdvice,
  previewModel,
  siteLintSteps,
  summarizeDiagnostics,
} from '../core/features';
import { pathToUri, toLspDiagnostic, uriToPath } from './convert';
import { toWorkspaceEdit } from './features';
import { cancelled, failedRequest, type Failures, type Refusal } from './failures';
import { nextTurn } from './nextTurn';
import {
  CONVERT_DELIMITERS,
  HEADING_LINK,
  LADDER_MATRIX,
  LEVEL_CHOICES,
  LINT_WORKSPACE,
  NEW_CAREER_PAGE,
  NEW_JOB_FAMILY_PAGE,
  NEW_PAGE_CHOICES,
  PAGE_INFO,
  PAGE_MOVE_EDIT,
  PERMANENT_KIND,
  PREVIEW_DATA,
  SET_PAGE_KIND,
  type ConvertDelimitersResult,
  type HeadingLinkParams,
  type HeadingLinkResult,
  type LadderMatrixResult,
  type LevelChoiceResult,
  type LintWorkspaceParams,
  type LintWorkspaceResult,
  type NewCareerPageParams,
  type NewJobFamilyPageParams,
  type NewPageChoices,
  type NewPageResult,
  type PageInfoResult,
  type PageMoveParams,
  type PageMoveResult,
  type PermanentKindParams,
  type PermanentKindResult,
  type PreviewDataParams,
  type PreviewDataResult,
  type SetPageKindParams,
  type UriParams,
} from './customProtocol';

export interface CustomRequestContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  workspace(): Workspace;
  /** The Hugo sites of the workspace folders the server was started with. */
  sites(): Site[];
  /** Check these files again and publish their diagnostics (open documents). */
  revalidate(files: Set<string> | 'all'): void;
  failures: Failures;
}

export function registerCustomRequests({ connection, documents, workspace, sites, revalidate, failures }: CustomRequestContext): void {
  const openPaths = () => new Set(documents.all().flatMap((d) => uriToPath(d.uri) ?? []));
  const pathOf = (uri: string): string => {
    const path = uriToPath(uri);
    if (!path) throw new FeatureError(`Only files on disk (file: URIs) can be used, not ${uri}.`);
    return path;
  };

  /**
   * Registers a handler (see Failures.request: a refusal of the core, FeatureError, is a request error
   * with its reason). When it fails, requests whose result may be empty answer null; the others, whose
   * commands need a result, answer the internal-error message, which the command shows.
   */
  const handle = <P, R>(method: string, what: string, emptyResult: R | undefined, run: (params: P, token: CancellationToken) => R | Promise<R>) => {
    const fallback = (_params: P, error: unknown): R | Refusal => (emptyResult !== undefined ? emptyResult : failedRequest(what, error));
    connection.onRequest(
      method,
      failures.request<P, R>(what, (p) => (p as Partial<UriParams> | undefined)?.uri, fallback, run),
    );
  };

  handle<UriParams, PageInfoResult | null>(PAGE_INFO, 'finding the kind of this file', null, ({ uri }) => {
    const path = uriToPath(uri);
    return path ? toPageInfoResult(pageInfo(workspace(), path)) : null;
  });

  // A failure answers "in a site, no page" for no version: the client keeps what it has and still checks the page's HTML.
  connection.onRequest(
    PREVIEW_DATA,
    failures.request<PreviewDataParams, PreviewDataResult>(
      'preparing the preview',
      (p) => p?.uri,
      (p) => ({ uri: String(p?.uri), version: null, inSite: true }),
      ({ uri }) => {
        const path = uriToPath(uri);
        const doc = documents.get(uri);
        if (!path || !doc) return { uri, version: null, inSite: !!path && !!workspace().siteFor(path) };
        return { uri, version: doc.version, ...previewModel(workspace(), path, doc.getText()) };
      },
    ),
  );

  handle<SetPageKindParams, PageInfoResult | null>(SET_PAGE_KIND, 'changing the kind of this file', null, ({ uri, kind }) => {
    const path = pathOf(uri);
    if (kind !== null && !PAGE_KINDS.includes(kind)) throw new FeatureError(`Unknown page kind "${String(kind)}" (known: ${PAGE_KINDS.join(', ')}).`);
    if (!workspace().siteFor(path)) return null;
    revalidate(workspace().setKindOverride(path, kind ?? undefined));
    return toPageInfoResult(pageInfo(workspace(), path));
  });

  handle<PermanentKindParams, PermanentKindResult | null>(PERMANENT_KIND, 'writing the advice for a permanent page kind', null, ({ uri, kind }) => {
    const path = pathOf(uri);
    const site = workspace().siteFor(path);
    if (!site) return null;
    const advice = permanentKindAdvice(site, path, kind);
    return { configUri: pathToUri(advice.configFile), exists: advice.exists, snippet: advice.snippet, explanation: advice.explanation };
  });

  handle<UriParams, LadderMatrixResult>(LADDER_MATRIX, 'building the ladder matrix', undefined, ({ uri }) =>
    toMatrixResult(ladderMatrix(workspace(), pathOf(uri))),
  );

  handle<UriParams, ConvertDelimitersResult>(CONVERT_DELIMITERS, 'converting the include delimiters', undefined, ({ uri }) => {
    const doc = documents.get(uri);
    if (!doc) throw new FeatureError('Open the file first: the conversion edits the text in the editor.');
    const { to, edits, converted, skipped } = convertIncludeDelimiters(workspace(), pathOf(uri), doc.getText());
    return { to, edits: edits.map((e) => ({ range: e.range, newText: e.newText })), converted, skipped };
  });

  handle<HeadingLinkParams, HeadingLinkResult>(HEADING_LINK, 'finding the link to this heading', undefined, ({ uri, position }) => {
    const path = pathOf(uri);
    const doc = documents.get(uri);
    const content = doc ? undefined : workspace().host.readFile(path);
    const text = doc?.getText() ?? (content?.kind === 'text' ? content.text : undefined);
    return { links: text === undefined ? [] : headingLinks(workspace(), path, text, position) };
  });

  handle<PageMoveParams, PageMoveResult>(PAGE_MOVE_EDIT, 'updating the links to the moved pages', undefined, ({ files, mode }) => {
    if (mode !== 'update' && mode !== 'alias') throw new FeatureError(`Unknown mode "${String(mode)}" (known: update, alias).`);
    const moves = (files ?? []).flatMap((f) => {
      const from = uriToPath(f.oldUri);
      const to = uriToPath(f.newUri);
      return from && to ? [{ from, to }] : [];
    });
    const change = pageMoveEdits(workspace(), moves, mode);
    return {
      edit: change.edits.length ? toWorkspaceEdit(change.edits, documents) : null,
      moved: change.moved.map((m) => ({ oldUri: pathToUri(m.from), newUri: pathToUri(m.to), oldUrl: m.oldUrl, newUrl: m.newUrl })),
      incoming: change.incoming,
      linkingFiles: change.linkingFiles,
      notes: change.notes,
    };
  });

  handle<LintWorkspaceParams, LintWorkspaceResult>(LINT_WORKSPACE, 'checking the workspace', undefined, async ({ folders, workDoneToken }, token) => {
    const started = Date.now();
    const chosen = sitesOf(folders ?? []);
    const progress = connection.window.attachWorkDoneProgress(workDoneToken);
    progress.begin('Checking career pages', 0, `${chosen.length} site${chosen.length === 1 ? '' : 's'}`, true);
    const open = openPaths();
    const results = [];
    try {
      for (const site of chosen) {
        // Ten files a step: on the 4,000-page handbook a step holds the event loop 5 ms (median), about 100 ms at worst.
        const steps = siteLintSteps(workspace(), site, { batch: 10, keep: (f) => open.has(f) });
        // The token is looked at before each step: a $/cancelRequest is read between steps (while this
        // handler waits for the next turn), or before the request started.
        for (;;) {
          if (token.isCancellationRequested) throw cancelled();
          const step = steps.next();
          if (step.done) break;
          const { phase, done, total, results: checked } = step.value;
          for (const r of checked) {
            results.push(r);
            // Open documents have their diagnostics from the usual validation, with their version.
            if (!open.has(r.file)) void connection.sendDiagnostics({ uri: pathToUri(r.file), diagnostics: r.diagnostics.map(toLspDiagnostic) });
          }
          progress.report(
            Math.round((100 * done) / Math.max(1, total)),
            `${phase === 'index' ? 'Indexing' : 'Checking'} ${site.label(site.contentDir)}: ${done} of ${total} files`,
          );
          // Yield to the event loop between steps: keystrokes and other requests are answered meanwhile.
          await new Promise<void>((resolve) => nextTurn(resolve));
        }
      }
    } finally {
      progress.done();
    }
    return { sites: chosen.map((s) => pathToUri(s.root)), ...summarizeDiagnostics(results), ms: Date.now() - started };
  });

  handle<UriParams, NewPageChoices | null>(NEW_PAGE_CHOICES, 'listing where new pages can go', null, ({ uri }) => {
    const site = sitesOf([uri])[0];
    if (!site) return null;
    const near = uriToPath(uri);
    return {
      siteRootUri: pathToUri(site.root),
      contentUri: pathToUri(site.contentDir),
      tracks: careerTrackFolders(workspace(), site, near).map((t) => ({ uri: pathToUri(t.folder), relative: t.relative, levels: t.levels })),
      jobFamilyFolders: jobFamilyFolders(workspace(), site).map((f) => ({ uri: pathToUri(f.folder), relative: f.relative })),
      levels: [...LEVELS],
      defaultJobFamilyLevels: DEFAULT_JOB_FAMILY_LEVELS,
    };
  });

  handle<UriParams, LevelChoiceResult[]>(LEVEL_CHOICES, 'listing the levels of this track', undefined, ({ uri }) =>
    levelChoices(workspace().host, pathOf(uri)).map((c) => ({ level: c.level, uri: pathToUri(c.file), exists: c.exists })),
  );

  handle<NewCareerPageParams, NewPageResult>(NEW_CAREER_PAGE, 'writing the new career page', undefined, ({ folderUri, level }) => {
    if (!LEVELS.includes(level)) throw new FeatureError(`Unknown level "${String(level)}" (known: ${LEVELS.join(', ')}).`);
    return toNewPageResult(newCareerPage(workspace(), pathOf(folderUri), level));
  });

  handle<NewJobFamilyPageParams, NewPageResult>(NEW_JOB_FAMILY_PAGE, 'writing the new job-family page', undefined, ({ folderUri, role, levels }) => {
    const unknown = (levels ?? []).filter((l) => !LEVELS.includes(l));
    if (unknown.length) throw new FeatureError(`Unknown level(s): ${unknown.join(', ')} (known: ${LEVELS.join(', ')}).`);
    return toNewPageResult(newJobFamilyPage(workspace(), pathOf(folderUri), String(role ?? ''), levels as Level[] | undefined));
  });

  /** The sites of the given files or folders (a folder inside a site, or the sites found below it); none given: the workspace's. */
  const sitesOf = (uris: string[]): Site[] => {
    const found = new Map<string, Site>();
    const all = sites();
    for (const uri of uris) {
      const path = uriToPath(uri);
      if (!path) continue;
      const own = workspace().host.exists(path) === 'directory' ? workspace().siteFor(`${path}/.`) : workspace().siteFor(path);
      if (own) found.set(own.root, own);
      else for (const s of all) if (s.root.startsWith(`${path}/`)) found.set(s.root, s);
    }
    if (!uris.length) for (const s of all) found.set(s.root, s);
    return [...found.values()];
  };
}

function toPageInfoResult(info: PageInfo | undefined): PageInfoResult | null {
  if (!info) return null;
  const { file, siteRoot, configFile, ...rest } = info;
  return { ...rest, uri: pathToUri(file), siteRootUri: pathToUri(siteRoot), configUri: configFile ? pathToUri(configFile) : undefined };
}

function toNewPageResult(page: NewPage): NewPageResult {
  return { uri: pathToUri(page.file), text: page.text, exists: page.exists, notes: page.notes };
}

/** The matrix with file URIs for paths (what travels to the client). */
export function toMatrixResult(m: LadderMatrix): LadderMatrixResult {
  const at = (l: CoreLocation) => ({ uri: pathToUri(l.file), line: l.line, character: l.character });
  return {
    kind: m.kind,
    title: m.title,
    subject: m.subject,
    rowHeader: m.rowHeader,
    counts: m.counts,
    columns: m.columns.map((c) => ({ label: c.label, level: c.level, uri: pathToUri(c.file), location: at(c.location) })),
    rows: m.rows.map((r) => ({
      label: r.label,
      cells: r.cells.map((c) => ({ state: c.state, text: c.text, written: c.written, location: c.location && at(c.location) })),
    })),
  };
}
