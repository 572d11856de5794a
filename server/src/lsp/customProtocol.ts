// The requests the extension's commands, views and status bar send to the language server, beyond
// LSP: method names and the shapes that travel (URIs, 0-based positions). Shared by
// server/src/lsp/customRequests.ts and client/src/; types and strings only, so the client bundle
// pulls in nothing of the server.

import type { WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { Level, PageKind } from '../core';
import type { CellState, PageInfo, PreviewModel } from '../core/features';

export type { CellState, Level, PageKind };
export type { PreviewIncludedFile, PreviewInclude, PreviewPage, PreviewShortcode } from '../core/features/previewModel';

export interface UriParams {
  uri: string;
}

/** `careerPages/pageInfo` {uri} → PageInfoResult | null (null: not a Markdown file of a Hugo site). */
export const PAGE_INFO = 'careerPages/pageInfo';
/** A core PageInfo with URIs for its paths. */
export type PageInfoResult = Omit<PageInfo, 'file' | 'siteRoot' | 'configFile'> & {
  uri: string;
  siteRootUri: string;
  configUri?: string;
};

/**
 * `careerPages/previewData` {uri, version} → PreviewDataResult: what the Markdown preview renders of an
 * open document, computed by the engine with the workspace's settings and session page kinds
 * (core/features/previewModel.ts). Answered for the text the server has; `version` says which.
 */
export const PREVIEW_DATA = 'careerPages/previewData';
export interface PreviewDataParams extends UriParams {
  /** The version the client is about to render. */
  version: number;
}
export interface PreviewDataResult extends PreviewModel {
  uri: string;
  /** The version of the open document the data is for; null when the server has no open document for the URI, or failed (then `inSite` is true, so the preview still checks the page's HTML). */
  version: number | null;
}

/** `careerPages/setPageKind` {uri, kind} → PageInfoResult | null; kind null goes back to the configured kind. The file is checked again. */
export const SET_PAGE_KIND = 'careerPages/setPageKind';
export interface SetPageKindParams extends UriParams {
  kind: PageKind | null;
}

/** `careerPages/permanentKind` {uri, kind} → PermanentKindResult | null: how to write the choice into .career-pages.jsonc. */
export const PERMANENT_KIND = 'careerPages/permanentKind';
export interface PermanentKindParams extends UriParams {
  kind: PageKind;
}
export interface PermanentKindResult {
  configUri: string;
  exists: boolean;
  snippet?: string;
  explanation: string;
}

/** `careerPages/ladderMatrix` {uri} → LadderMatrixResult (an error with the reason when the page has no ladder). */
export const LADDER_MATRIX = 'careerPages/ladderMatrix';
export interface MatrixLocation {
  uri: string;
  line: number;
  character: number;
}
export interface LadderMatrixResult {
  kind: 'career-ladder' | 'job-family';
  title: string;
  subject: string;
  rowHeader: string;
  columns: { label: string; level?: string; uri: string; location: MatrixLocation }[];
  rows: { label: string; cells: { state: CellState; text?: string; written?: string; location?: MatrixLocation }[] }[];
  counts: { gaps: number; drift: number; explained: number };
}

/** `careerPages/lintWorkspace` {folders, workDoneToken} → LintWorkspaceResult; publishes diagnostics of every file it checks. */
export const LINT_WORKSPACE = 'careerPages/lintWorkspace';
export interface LintWorkspaceParams {
  /** Workspace folders (or files) whose sites to check; empty: the sites the server found at start. */
  folders: string[];
  workDoneToken?: string | number;
}
export interface LintWorkspaceResult {
  sites: string[];
  files: number;
  errors: number;
  warnings: number;
  others: number;
  filesWithProblems: number;
  ms: number;
}

/** `careerPages/convertIncludeDelimiters` {uri} → ConvertDelimitersResult: edits of the open document's text. */
export const CONVERT_DELIMITERS = 'careerPages/convertIncludeDelimiters';
export interface ConvertDelimitersResult {
  to: '%' | '<';
  edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[];
  converted: number;
  skipped: number;
}

/** `careerPages/newPageChoices` {uri} → NewPageChoices | null: where new pages can go, for the site of a file or folder. */
export const NEW_PAGE_CHOICES = 'careerPages/newPageChoices';
export interface NewPageChoices {
  siteRootUri: string;
  contentUri: string;
  /** Career tracks: folders with level pages, the one of the given file first. */
  tracks: { uri: string; relative: string; levels: Level[] }[];
  /** Folders for job-family pages (content/job-families and the folders below it that hold pages). */
  jobFamilyFolders: { uri: string; relative: string }[];
  levels: Level[];
  defaultJobFamilyLevels: Level[];
}

/** `careerPages/levelChoices` {uri of a folder} → { level, uri, exists }[]. */
export const LEVEL_CHOICES = 'careerPages/levelChoices';
export interface LevelChoiceResult {
  level: Level;
  uri: string;
  exists: boolean;
}

/** `careerPages/newCareerPage` {folderUri, level} → NewPageResult (never overwrites: exists true and no text when the file is there). */
export const NEW_CAREER_PAGE = 'careerPages/newCareerPage';
export interface NewCareerPageParams {
  folderUri: string;
  level: Level;
}

/** `careerPages/newJobFamilyPage` {folderUri, role, levels} → NewPageResult. */
export const NEW_JOB_FAMILY_PAGE = 'careerPages/newJobFamilyPage';
export interface NewJobFamilyPageParams {
  folderUri: string;
  role: string;
  levels?: Level[];
}

export interface NewPageResult {
  uri: string;
  text: string;
  exists: boolean;
  notes: string[];
}

/**
 * `careerPages/headingLink` {uri, position} → HeadingLinkResult: the link Hugo renders for the heading
 * at (or above) the position, `/handbook/values/#results`; in an include file one per page that
 * includes it; none when the file is no page of a site.
 */
export const HEADING_LINK = 'careerPages/headingLink';
export interface HeadingLinkParams extends UriParams {
  position: { line: number; character: number };
}
export interface HeadingLinkResult {
  links: { url: string; page: string; heading?: string }[];
}

/**
 * `careerPages/pageMoveEdit` {files, mode} → PageMoveResult: the edit that keeps links working when
 * content pages (or folders of them) move as `files` say, computed before the move
 * (core/features/pageMoves.ts). "update" rewrites the links to the new URLs, "alias" adds the old URL
 * to each moved page's aliases instead. The extension asks for it from workspace.onWillRenameFiles; a
 * client that sets initializationOptions.pageMoves to "client" gets no page links in the LSP
 * willRenameFiles answer (which then updates include paths only).
 */
export const PAGE_MOVE_EDIT = 'careerPages/pageMoveEdit';
export interface PageMoveParams {
  files: { oldUri: string; newUri: string }[];
  mode: 'update' | 'alias';
}
export interface PageMoveResult {
  /** null: nothing to change. */
  edit: WorkspaceEdit | null;
  /** Pages whose file moves, with their URL before and after (none after: the page leaves the content folders). */
  moved: { oldUri: string; newUri: string; oldUrl: string; newUrl?: string }[];
  /** Links from files that stay that lead to a moved page whose URL changes (or to its moved file). */
  incoming: number;
  /** Files with such links. */
  linkingFiles: number;
  notes: string[];
}
