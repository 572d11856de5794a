// What the editor features return: plain core types (positions, ranges and paths as the rest of the
// core uses them). The LSP layer translates them; nothing here knows LSP.

import type { Range } from '../text';

export type { Position, Range } from '../text';

/** A place in a file. */
export interface Location {
  file: string;
  range: Range;
}

/** A text replacement in one file. */
export interface FileEdit {
  file: string;
  range: Range;
  newText: string;
}

/** Edits across files, applied together or not at all. */
export interface WorkspaceChange {
  edits: FileEdit[];
  /** Files to create (never overwriting an existing one). */
  creates?: { file: string; text: string }[];
}

/** A request a feature refuses, with the reason to show the person (e.g. a rename that cannot be done safely). */
export class FeatureError extends Error {}

export type CompletionKind = 'file' | 'folder' | 'anchor' | 'property' | 'value' | 'term' | 'level' | 'page' | 'section';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  /** One line beside the label. */
  detail?: string;
  /** Markdown shown in the details pane. */
  documentation?: string;
  /** Replaces `range`. */
  insertText: string;
  range: Range;
  /** Edits elsewhere on the line, applied with the item (never touching `range`). */
  additionalEdits?: { range: Range; newText: string }[];
  sortText?: string;
  /** Ask for completions again after inserting (a folder: continue with its files). */
  retrigger?: boolean;
}

export interface Hover {
  /** Markdown. */
  contents: string;
  range: Range;
}

export interface DocumentLink {
  range: Range;
  file: string;
  tooltip: string;
}

export type SymbolKind = 'heading' | 'include';

export interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: SymbolKind;
  /** The whole section (or call). */
  range: Range;
  /** What to reveal: the heading text, the include path. */
  selectionRange: Range;
  children: DocumentSymbol[];
}

export interface FoldingRange {
  startLine: number;
  endLine: number;
  kind?: 'region' | 'comment';
}

export interface IncludeLens {
  range: Range;
  /** Pages that include the file (from the site index). */
  pages: number;
  /** False while the site index is still being built: the count may grow. */
  complete: boolean;
  title: string;
}
