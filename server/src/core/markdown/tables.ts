// GitHub-flavoured pipe tables, read the two ways that matter for a handbook page. Each statement
// below is a case of test/unit/tableCases.ts, which test/hugo/tableReadings.test.ts builds with
// Hugo 0.111 and renders with cmark-gfm (what GitHub shows).
//
// Hugo (Goldmark 1.5, Hugo 0.111) makes tables out of paragraphs after they are parsed: in a
// paragraph's lines (inside its container: after list markers and `>`, so `- | a | b |` starts a
// table in a list item; lazy continuation lines included) the first line after the first that
// looks like a delimiter row (`| --- | :-: |`, or `:--` alone, indented less than four columns
// into its container) decides. Its header, the line above, may not be wider than the delimiter row
// (then no table at all, and no later delimiter row is tried); a narrower header, and any shorter
// body row, is padded with empty cells; a longer body row loses its extra cells. Every later line
// of the paragraph is a body row, delimiter-like or not. A pipe splits cells unless a backslash is
// right before it (`\|` and `\\|` both stay in the cell), and a trailing pipe is dropped even when
// escaped. Hugo replaces shortcode calls before Goldmark reads the page, so a `|` inside
// `{{< x "a|b" >}}` splits nothing. A setext underline below the paragraph is not a row: Goldmark
// takes the table out and reads the underline again (blocks.ts).
//
// GitHub (cmark-gfm) starts a table at any line of a paragraph that is a delimiter row exactly as
// wide as the line above it (so it may find one further down a paragraph Hugo gave up on), never on
// a lazy line; a table ends at a lazy line, a line indented four columns or more, a line that is
// only a pipe, or a block that could not interrupt a paragraph (a list item `2. x` or an empty `+`,
// an HTML tag alone on its line); a setext underline `===` or `--` is one more row. It sees
// shortcodes as text, and takes the backslash off every `\|` before reading a cell (`\\|` shows `|`).
//
// We keep tables Hugo does not render too, so that `table-shape` can explain why none appears.

import type { LineIndex, Span } from '../text';
import type { TableParagraph } from './blocks';

export interface TableCell {
  /** Trimmed cell text, escapes left as written. */
  text: string;
  span: Span;
}

export interface TableRow {
  line: number;
  /** The row's text on its line, container prefix (block quote markers, list markers, indentation) excluded. */
  span: Span;
  cells: TableCell[];
  /**
   * The row ends inside a shortcode call that is not closed on it (an unclosed `{{% x`, or a call
   * over several lines): cells written at its end would be part of the call, so none can be added there.
   */
  endsInCall?: true;
}

/** What GitHub (cmark-gfm) shows of the same lines. */
export interface GitHubReading {
  /** GitHub shows this table (same header and delimiter row). */
  rendered: boolean;
  /** How many of the table's body rows (from the first) are rows of GitHub's table; the rest end it. */
  rows: number;
  /** Where GitHub does show a table further down the same lines (its delimiter row's line), when not here. */
  laterDelimiterLine?: number;
}

export interface PipeTable {
  header: TableRow;
  delimiter: TableRow;
  /** Hugo's body rows (every later line of the paragraph); for a table Hugo does not render, the lines below with pipes. */
  rows: TableRow[];
  /** True when Goldmark renders it: the header is not wider than the delimiter row. */
  rendered: boolean;
  github: GitHubReading;
}

// Characters a delimiter row is made of (Goldmark's isTableDelim; cmark-gfm's scanner agrees). A row
// of dashes alone is one too: Goldmark's all-dashes test sees the line with its newline, so it never
// refuses one, and such a line stays in a paragraph where it cannot be a setext underline (`> a`
// then a lazy `--`: a one-column table in Hugo).
export const DELIMITER_CHARS = /^[ \t\v\f|:-]*-[ \t\v\f|:-]*$/;
// A cell's blanks: Goldmark's regexps use Go's \s, without \v (then no table); cmark-gfm's take \v too.
const DELIMITER_CELL = { goldmark: /^[ \t\f]*:?-+:?[ \t\f]*$/, github: /^[ \t\v\f]*:?-+:?[ \t\v\f]*$/ };

export type TableReader = keyof typeof DELIMITER_CELL;

/** Alignment cells of a delimiter row (its text after the container prefix), or undefined when it is none. */
export function delimiterCells(rowText: string, reader: TableReader = 'goldmark'): number | undefined {
  if (!DELIMITER_CHARS.test(rowText)) return undefined;
  const cols = rowText.split('|');
  if (/^[ \t\v\f]*$/.test(cols[0])) cols.shift();
  if (cols.length && /^[ \t\v\f]*$/.test(cols[cols.length - 1])) cols.pop();
  const cell = DELIMITER_CELL[reader];
  if (!cols.length || !cols.every((c) => cell.test(c))) return undefined;
  return cols.length;
}

export function isDelimiterRow(rowText: string, reader: TableReader = 'goldmark'): boolean {
  return delimiterCells(rowText, reader) !== undefined;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\v' || c === '\f' || c === '\r' || c === '\n';

/** Whether offset `i` lies inside one of the sorted call spans that goes on past `end` or is not closed (runs to its line's end). */
function inOpenCall(text: string, spans: readonly Span[], i: number, end: number): boolean {
  for (const s of spans) {
    if (s.start > i) return false;
    if (s.end > i) return s.end > end || !/[%>]\}\}$/.test(text.slice(Math.max(s.start, s.end - 3), s.end));
  }
  return false;
}

/** Whether offset `i` lies inside one of the sorted spans. */
function inside(spans: readonly Span[], i: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= i) lo = mid + 1;
    else if (spans[mid].start > i) hi = mid - 1;
    else return true;
  }
  return false;
}

function trimmedCell(text: string, a: number, b: number): TableCell {
  while (a < b && isSpace(text[a])) a++;
  while (b > a && isSpace(text[b - 1])) b--;
  return { text: text.slice(a, b), span: { start: a, end: b } };
}

/**
 * Goldmark's cells of a row `text[start, end)`: a leading and a trailing pipe (escaped or not) do
 * not make cells; a pipe with a backslash right before it, or inside one of the `opaque` spans
 * (shortcode calls Hugo replaces first), splits nothing.
 */
export function splitCells(text: string, start: number, end: number, opaque: readonly Span[] = []): TableCell[] {
  let pos = start;
  let limit = end;
  while (pos < limit && isSpace(text[pos])) pos++;
  while (limit > pos && isSpace(text[limit - 1])) limit--;
  if (pos < limit && text[pos] === '|') pos++;
  if (limit > start && text[limit - 1] === '|' && limit - 1 >= pos) limit--;
  const cells: TableCell[] = [];
  while (pos < limit) {
    let closure = pos;
    while (closure < limit && !(text[closure] === '|' && text[closure - 1] !== '\\' && !inside(opaque, closure))) closure++;
    cells.push(trimmedCell(text, pos, closure));
    pos = closure + 1;
  }
  return cells;
}

/** cmark-gfm's cells of a row (none when it is no row: only a pipe and blanks, or nothing). */
export function githubCells(text: string, start: number, end: number): TableCell[] {
  const pipeRun = (at: number) => {
    if (text[at] !== '|') return 0;
    let k = at + 1;
    while (k < end && (text[k] === ' ' || text[k] === '\t' || text[k] === '\v' || text[k] === '\f')) k++;
    return k - at;
  };
  let offset = start + pipeRun(start);
  const cells: TableCell[] = [];
  while (offset < end) {
    let k = offset;
    // A cell runs to the first pipe without a backslash right before it (cmark-gfm's longest match).
    while (k < end && !(text[k] === '|' && (k === offset || text[k - 1] !== '\\'))) k++;
    const pipe = pipeRun(k);
    if (k > offset || pipe) cells.push(trimmedCell(text, offset, k));
    offset = k + pipe;
    if (!pipe) break;
  }
  return cells;
}

/** A `{{< >}}`-like call on one line, for when no scan of the page's shortcodes is at hand. */
const SHORTCODE_ON_LINE = /\{\{([<%])(?!\/\*)[\s\S]*?\1\}\}/g;

/** Spans of the shortcode calls written on `text[start, end)`. */
export function lineShortcodes(text: string, start: number, end: number): Span[] {
  const slice = text.slice(start, end);
  if (!slice.includes('{{')) return [];
  return [...slice.matchAll(SHORTCODE_ON_LINE)].map((m) => ({ start: start + m.index!, end: start + m.index! + m[0].length }));
}

export interface RowText {
  /** Offsets of the row's content (container prefix and indentation excluded, trailing blanks excluded). */
  start: number;
  end: number;
  /** Indentation relative to the container, in columns. */
  indent: number;
  /** A lazy continuation line (its container's markers left out). */
  lazy: boolean;
}

export interface GoldmarkSplit {
  /** Index of the delimiter row among the paragraph's lines; the header is the line before it. */
  delimiter: number;
  columns: number;
  /** The header is not wider than the delimiter row: Goldmark renders a table. */
  rendered: boolean;
}

/** Goldmark's verdict on a paragraph's lines: where the table starts, if a delimiter row is there at all. */
export function goldmarkSplit(text: string, rows: readonly RowText[], opaque: readonly Span[]): GoldmarkSplit | undefined {
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i];
    if (r.indent > 3) continue;
    const columns = delimiterCells(text.slice(r.start, r.end));
    if (columns === undefined) continue;
    const header = rows[i - 1];
    const width = splitCells(text, header.start, header.end, opaque).length;
    return { delimiter: i, columns, rendered: width <= columns };
  }
  return undefined;
}

// Inside a table cmark-gfm starts any block a line begins; in a paragraph's lines only those that
// cannot interrupt a paragraph are left, and they end GitHub's table where Goldmark reads a body
// row: a list item (`2. x`, an empty `+`), an HTML tag alone on its line (`<custom-el>`, CommonMark's
// kind 7), indented code.
const LIST_ITEM = /^(?:\d{1,9}[.)]|[-+*])(?:[ \t]|$)/;
const HTML_TAG_LINE =
  /^(?:<[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \t]*=[ \t]*(?:[^ \t"'=<>`]+|'[^']*'|"[^"]*"))?)*[ \t]*\/?>|<\/[A-Za-z][A-Za-z0-9-]*[ \t]*>)[ \t]*$/;
// A thematic break: below a table's paragraph only as the setext underline `---` (see TableParagraph).
const THEMATIC_BREAK = /^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const startsBlock = (row: string) => LIST_ITEM.test(row) || THEMATIC_BREAK.test(row) || (row.startsWith('<') && HTML_TAG_LINE.test(row));

/**
 * GitHub's reading of a paragraph's lines: the delimiter row it starts a table at (from `from`, before
 * `until`: a setext underline is one to GitHub as well), and how many rows follow.
 */
function githubTable(text: string, rows: readonly RowText[], from: number, until: number): { delimiter: number; rows: number } | undefined {
  for (let k = Math.max(1, from); k < until; k++) {
    const r = rows[k];
    if (r.lazy || r.indent > 3) continue;
    const columns = delimiterCells(text.slice(r.start, r.end), 'github');
    if (columns === undefined) continue;
    const header = rows[k - 1];
    if (githubCells(text, header.start, header.end).length !== columns) continue;
    let n = 0;
    for (let j = k + 1; j < rows.length; j++) {
      const b = rows[j];
      if (b.lazy || b.indent > 3) break;
      if (startsBlock(text.slice(b.start, b.end)) || githubCells(text, b.start, b.end).length === 0) break;
      n++;
    }
    return { delimiter: k, rows: n };
  }
  return undefined;
}

/** The rows of a paragraph's lines; `github`: with the setext underline below them, which GitHub reads as a row. */
function paragraphRows(text: string, lines: LineIndex, p: TableParagraph, github = false): RowText[] {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return (github && p.underline ? [...p.lines, p.underline] : p.lines).map((l) => {
    const lineStart = lines.lineStarts[l.line] + (l.line === 0 ? bom : 0);
    let end = lines.lineEnd(l.line);
    const start = Math.min(lineStart + l.column, end);
    while (end > start && isSpace(text[end - 1])) end--;
    return { start, end, indent: l.indent, lazy: l.lazy };
  });
}

/**
 * The tables of the paragraphs the block scanner marked (those with a delimiter-like line), with
 * Hugo's and GitHub's reading. `opaque`: sorted spans Hugo replaces before Goldmark reads the page
 * (shortcode calls); undefined reads the shortcode calls off each row.
 */
export function scanTables(text: string, lines: LineIndex, paragraphs: readonly TableParagraph[], opaque?: readonly Span[]): PipeTable[] {
  const tables: PipeTable[] = [];
  for (const p of paragraphs) {
    const rows = paragraphRows(text, lines, p);
    const spans = opaque ?? rows.flatMap((r) => lineShortcodes(text, r.start, r.end));
    const split = goldmarkSplit(text, rows, spans);
    if (!split) continue;
    const row = (i: number): TableRow => {
      const r: TableRow = {
        line: p.lines[i].line,
        span: { start: rows[i].start, end: rows[i].end },
        cells: splitCells(text, rows[i].start, rows[i].end, spans),
      };
      if (rows[i].end > rows[i].start && inOpenCall(text, spans, rows[i].end - 1, rows[i].end)) r.endsInCall = true;
      return r;
    };
    const i = split.delimiter;
    const body: TableRow[] = [];
    for (let j = i + 1; j < rows.length; j++) {
      // A table Hugo does not render stays paragraph text: keep the lines below that look like rows.
      if (!split.rendered && !text.slice(rows[j].start, rows[j].end).includes('|')) break;
      body.push(row(j));
    }
    const gh = githubTable(text, p.underline ? paragraphRows(text, lines, p, true) : rows, i, rows.length);
    const github: GitHubReading =
      gh?.delimiter === i ? { rendered: true, rows: gh.rows } : { rendered: false, rows: 0, laterDelimiterLine: gh ? p.lines[gh.delimiter].line : undefined };
    tables.push({ header: row(i - 1), delimiter: row(i), rows: body, rendered: split.rendered, github });
  }
  return tables;
}

export interface GitHubTable {
  header: TableRow;
  delimiter: TableRow;
  rows: TableRow[];
}

/** The tables GitHub (cmark-gfm) shows of the same paragraphs, cells split as it splits them: the first of each paragraph. */
export function githubTables(text: string, lines: LineIndex, paragraphs: readonly TableParagraph[]): GitHubTable[] {
  const tables: GitHubTable[] = [];
  for (const p of paragraphs) {
    const rows = paragraphRows(text, lines, p, true);
    const gh = githubTable(text, rows, 1, p.lines.length);
    if (!gh) continue;
    const row = (i: number): TableRow => ({
      line: (p.lines[i] ?? p.underline).line,
      span: { start: rows[i].start, end: rows[i].end },
      cells: githubCells(text, rows[i].start, rows[i].end),
    });
    tables.push({
      header: row(gh.delimiter - 1),
      delimiter: row(gh.delimiter),
      rows: Array.from({ length: gh.rows }, (_, n) => row(gh.delimiter + 1 + n)),
    });
  }
  return tables;
}
