// What the core reports. Structurally close to LSP's Diagnostic, but our own type: the LSP layer
// translates, the CLI formats, tests compare.

import type { Range } from './text';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export interface RelatedLocation {
  file: string;
  range: Range;
  message: string;
}

/** One way to fix a diagnostic: edits (and possibly a file to create), applied together. */
export interface Fix {
  title: string;
  edits: { file: string; range: Range; newText: string }[];
  /** A file the fix creates (never overwrites an existing one). */
  createFile?: { path: string; text: string };
  preferred?: boolean;
}

export interface Diagnostic {
  file: string;
  code: string;
  severity: Severity;
  message: string;
  /** The explanation behind the message (why, where else to look), for the hover on its range. */
  detail?: string;
  range: Range;
  related?: RelatedLocation[];
  /** Ways to fix it, carried with the diagnostic so that the code-action provider never re-parses. */
  fixes?: Fix[];
  /** Anything else a later feature wants back (e.g. the missing include path). */
  data?: Record<string, unknown>;
  tags?: ('unnecessary' | 'deprecated')[];
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.file.localeCompare(b.file) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.code.localeCompare(b.code) ||
    a.message.localeCompare(b.message)
  );
}

/** The project's home: its issues, and its rule documentation (docs/rules/). */
export const PROJECT_URL = 'https://github.com/handbook-career-pages/handbook-career-pages';

/** Where authors report a failure of the tool itself. */
export const REPORT_URL = `${PROJECT_URL}/issues`;

/** The documentation page of a rule (docs/rules/<code>.md), as editors and CI reports link it. */
export function ruleDocUrl(code: string): string {
  return `${PROJECT_URL}/blob/main/docs/rules/${code}.md`;
}

/** The code of a failure of the tool itself (never of the page); see docs/rules/internal-error.md. */
export const INTERNAL_ERROR = 'internal-error';

/**
 * One diagnostic for a failure of the tool on one file (a rule, the page model, an editor feature):
 * the page's other checks keep working, and the author is told what failed and where to report it.
 */
export function internalError(file: string, what: string, error: unknown): Diagnostic {
  const raw = error instanceof Error ? error.message : String(error);
  const first = raw.split('\n')[0].trim();
  const detail = first.length > 120 ? first.slice(0, 119) + '…' : first;
  return {
    file,
    code: INTERNAL_ERROR,
    severity: 'error',
    message: `Career Pages failed while ${what}${detail ? ` (${detail})` : ''}. Please report it with this file at ${REPORT_URL}.`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  };
}
