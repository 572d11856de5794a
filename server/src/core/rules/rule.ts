// What a rule is and what it may use. A rule reads one file's model (and, through the context, the
// site around it) and reports findings as spans in that file; the engine turns spans into ranges,
// applies severities and disable comments. Rule authors never touch the engine.

import type { Options, PageKind } from '../config';
import type { Severity } from '../diagnostic';
import type { PageModel } from '../model/pageModel';
import type { SchemaFinding } from '../schema/schemaErrors';
import type { ResolverReader, SiteIndexReader } from '../lintReads';
import type { PageSummary } from '../siteIndex';
import type { Ladder } from '../model/ladder';
import type { ShortcodeCatalog } from '../shortcodeCatalog';
import type { LineIndex, Span } from '../text';

export interface FixSpec {
  title: string;
  /** Edits; `file` defaults to the file being checked. */
  edits: { file?: string; span: Span; newText: string }[];
  createFile?: { path: string; text: string };
  preferred?: boolean;
}

/** The preferred fix that puts `newText` in place of `span` (an empty text removes it, an empty span inserts). */
export function replaceFix(title: string, span: Span, newText: string): FixSpec {
  return { title, preferred: true, edits: [{ span, newText }] };
}

/** The span to remove to take out `span`: its whole line with the line break when nothing else is on that line, else the span itself. */
export function wholeLine(text: string, span: Span): Span {
  let start = span.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  let end = span.end;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  const atLineStart = start === 0 || text[start - 1] === '\n' || text[start - 1] === '\r';
  const atLineEnd = end === text.length || text[end] === '\n' || text[end] === '\r';
  if (!atLineStart || !atLineEnd) return span;
  if (text.startsWith('\r\n', end)) end += 2;
  else if (end < text.length) end++;
  return { start, end };
}

export interface FindingSpec {
  span: Span;
  /**
   * What is wrong and what to do, short enough for one line of a problems list (about 100
   * characters besides the names it quotes): a did-you-mean comes first or right after the problem.
   */
  message: string;
  /** Why, and what else there is to know: the hover on the finding shows it (and the rule's doc says it in general). */
  detail?: string;
  /** Lower than the rule's default for this instance; a configured severity overrides it. */
  severity?: Severity;
  related?: { file: string; span: Span; message: string }[];
  fixes?: FixSpec[];
  data?: Record<string, unknown>;
  tags?: ('unnecessary' | 'deprecated')[];
}

export interface SiteContext {
  root: string;
  options: Options;
  /** Read-only, and every look-up one that a cache can record (lintReads.ts). */
  resolver: ResolverReader;
  index: SiteIndexReader;
  contentDir: string;
  /** The shortcodes the site can use. */
  shortcodes(): ShortcodeCatalog;
  /** True when a link target matches the link checker's exclusions (.hugolint.yaml). */
  isExcludedLink(target: string): boolean;
  /** A path as the user reads it: relative to the site root. */
  label(file: string): string;
  /** The line index of any file the core has read (for related locations in other files). */
  lines(file: string): LineIndex | undefined;
}

export interface RuleContext {
  model: PageModel;
  site: SiteContext;
  /** Schema errors for this file, computed once and shared by the schema-backed rules. */
  schemaFindings(): SchemaFinding[];
  /** Front matter keys the page kind's schema knows, and whether it allows others. */
  frontmatterKeys(): { known: string[]; open: boolean };
  /** The career ladder this page belongs to (its sibling level pages), read on first use. */
  ladder(): Ladder;
  /**
   * The pages known to include this file (include files only), from the site index. With `current`,
   * their summaries are brought up to date first (an edit of this file changes their anchors); that
   * reads them again, so only rules that need their anchors ask for it.
   */
  includers(current?: boolean): PageSummary[];
  report(finding: FindingSpec): void;
}

export interface Rule {
  /** Stable identifier; once released it never changes meaning. */
  code: string;
  defaultSeverity: Severity;
  /** One line for listings and the rule's doc entry. */
  summary: string;
  /** Which kinds of file it checks. */
  appliesTo: PageKind[];
  /**
   * Its findings are about the whole file and their span only marks where to show them (the first
   * line): across versions of the file they are told apart by their message, not by the text there
   * (core/findingIdentity.ts).
   */
  wholeFile?: boolean;
  /**
   * It reads other pages through the site index (their URLs, anchors, who includes what), so it
   * needs every page indexed. A check of a whole site (Workspace.lintSite) runs a page's other rules
   * as soon as the page is read and these once the index is complete, on what the page's model keeps
   * after that (model/residual.ts): its links, headings, anchor ids, include calls, disable comments
   * and line starts, and its text only when its headings jump a level.
   */
  siteWide?: boolean;
  check(ctx: RuleContext): void;
}

export const PAGE_KINDS_ONLY: PageKind[] = ['career-page', 'job-family', 'page'];
export const ALL_KINDS: PageKind[] = ['career-page', 'job-family', 'page', 'include'];
