// How a language server that cannot read the disk (the Web Worker's, in the browser) gets the
// workspace's files from the extension, beyond LSP: method names, the shapes that travel, and how a
// file's bytes become what the core reads. Shared by server/src/lsp/clientFiles.ts and
// client/src/workspaceFiles.ts; no Node, no VS Code.
//
// 1. After `initialized`, the server asks for the files once (WORKSPACE_FILES): every file of the
//    workspace folders (outside dot-folders and node_modules, as the disk host lists them), with the
//    content of those the core reads (pages, include files, configuration, shortcode templates); the
//    others are listed only and read when the core first asks for one (READ_FILES).
// 2. The extension then tells it of every change on disk (FILES_CHANGED), with the new content, in
//    the order they happened; a deleted folder is one change for the folder.
// Open documents travel as LSP's textDocument/* as usual and win over these contents.

import type { FileContent } from '../core';

/** A file's content as it travels: what the core's Host answers for it (never 'outside': no links here). */
export type FileWireContent = Exclude<FileContent, { kind: 'outside' }>;

export interface WorkspaceFile {
  uri: string;
  /** Absent: listed only; READ_FILES reads it. */
  content?: FileWireContent;
}

/** Server → client request, no params → WorkspaceFilesResult: the workspace's files. */
export const WORKSPACE_FILES = 'careerPages/workspaceFiles';
export interface WorkspaceFilesResult {
  files: WorkspaceFile[];
}

/** Server → client request {uris} → ReadFilesResult; a URI missing from the answer is no file (any more). */
export const READ_FILES = 'careerPages/readFiles';
export interface ReadFilesParams {
  uris: string[];
}
export interface ReadFilesResult {
  files: WorkspaceFile[];
}

/** Client → server notification {changes}: files created, changed or deleted on disk (a folder: everything below it). */
export const FILES_CHANGED = 'careerPages/filesChanged';
export type FileChangeKind = 'created' | 'changed' | 'deleted';
export interface FileChange {
  uri: string;
  type: FileChangeKind;
  /** For created and changed files the content, read after the change (absent: listed only). */
  content?: FileWireContent;
}
export interface FilesChangedParams {
  changes: FileChange[];
}

/** The disk host's limits (core MAX_TEXT_BYTES, NodeHost's sniff for NUL bytes): the same answer in the browser and in CI. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
export const BINARY_SNIFF_BYTES = 8000;

/**
 * What the core reads of a file with these bytes, as NodeHost decides it: too large, binary (a NUL
 * byte near the start), else UTF-8 text with bytes that are not UTF-8 as U+FFFD (what the
 * file-encoding rule reports) and a byte order mark kept (fixes keep it).
 */
export function contentOfBytes(bytes: Uint8Array): FileWireContent {
  if (bytes.length > MAX_FILE_BYTES) return { kind: 'too-large', size: bytes.length };
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { kind: 'binary', size: bytes.length };
  return { kind: 'text', text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}

/** Not listed (a findFiles exclude), as the disk host lists nothing there: dot-folders and node_modules. */
export const EXCLUDED = '{**/node_modules/**,**/.*/**}';

/**
 * The files the core reads, whose content goes with the listing: pages and include files,
 * .career-pages.jsonc, .hugolint.yaml, the Hugo configuration, shortcode templates (by URI path).
 * Other files are listed only; the server asks for one when the core reads it.
 */
export function readWithListing(path: string): boolean {
  return (
    /\.(md|markdown)$/i.test(path) ||
    /\/(\.career-pages\.jsonc|\.hugolint\.ya?ml|(hugo|config)\.(toml|ya?ml|json))$/.test(path) ||
    /\/config\/[^/]+\/[^/]+\.(toml|ya?ml|json)$/.test(path) ||
    /\/layouts\/_?shortcodes\//.test(path)
  );
}

/** True when a path relative to its workspace folder lies in a dot-folder or node_modules (the file's own name does not count). */
export function isExcluded(relative: string): boolean {
  return relative
    .split('/')
    .slice(0, -1)
    .some((d) => d.startsWith('.') || d === 'node_modules');
}
