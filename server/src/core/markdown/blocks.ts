// The block structure of a Markdown text (CommonMark + GFM tables), from markdown-it's block parser
// alone: the inline pass is switched off because everything inline that we need (links, code spans,
// heading ids) is read from the source with exact columns by the modules beside this one.

import MarkdownIt from 'markdown-it';
import { goldmarkSplit, lineShortcodes, type RowText } from './tables';

export const LineKind = {
  /** Blank line or a line no block claims (link reference definitions). */
  Other: 0,
  /** Inside a fenced or indented code block, fence lines included. */
  Code: 1,
  /** Inside an HTML block. */
  Html: 2,
  /** Paragraph, heading or table text: inline Markdown. */
  Inline: 3,
} as const;
export type LineKind = (typeof LineKind)[keyof typeof LineKind];

export interface HeadingBlock {
  level: number;
  /** First and last (inclusive) source lines: a setext heading spans its text and underline. */
  line: number;
  endLine: number;
  setext: boolean;
  /** The line that holds the text Hugo builds the id from: the ATX line, or a setext heading's last text line. */
  textLine: number;
  /** markdown-it's content: heading text without markers (setext lines joined with \n). */
  content: string;
}

export interface LineSpan {
  line: number;
  /** Inclusive. */
  endLine: number;
}

/** One line of a paragraph, where its text starts inside its container. */
export interface TableLine {
  line: number;
  /** Where the content starts in the line (after block quote and list markers and indentation). */
  column: number;
  /** Indentation relative to the container, in columns. */
  indent: number;
  /** A lazy continuation line: its container's markers or indentation left out. */
  lazy: boolean;
}

/** A paragraph as Goldmark reads it (one block until a blank line or another block), holding a delimiter row. */
export interface TableParagraph extends LineSpan {
  lines: TableLine[];
  /** The setext underline right below (`===`, `--`): not Goldmark's (it takes the table out first), a body row to GitHub. */
  underline?: TableLine;
}

export interface BlockStructure {
  headings: HeadingBlock[];
  lineKinds: Uint8Array;
  /** Paragraph-like blocks whose lines hold inline Markdown (paragraphs and valid tables). */
  paragraphs: LineSpan[];
  /** Tables Goldmark renders. */
  tables: LineSpan[];
  /** Paragraphs with a delimiter row after their first line, whether Goldmark makes a table of them or not (see tables.ts). */
  tableParagraphs: TableParagraph[];
  fences: (LineSpan & { info: string })[];
  htmlBlocks: LineSpan[];
  /** Top-level and nested lists, in document order. */
  lists: (LineSpan & { ordered: boolean })[];
}

type RuleBlock = Parameters<MarkdownIt['block']['ruler']['before']>[2];
type StateBlock = Parameters<RuleBlock>[0];

interface BlockEnv {
  tableParagraphs?: TableParagraph[];
  delimiterHints?: DelimiterHints;
}

/** Per line of the text: the first line from there on that may be a delimiter row, and the first blank line. */
interface DelimiterHints {
  delimiter: Int32Array;
  blank: Int32Array;
}

// What a line holding a delimiter row is made of, container prefixes included (`>`, list markers):
// `[ \t\v\f>+*.)0-9|:-]*` with a "-" in it, read a character at a time (isDelimiterRowChar).

// One pass over the text, so that asking at every paragraph (and at every list item: markdown-it's
// endLine is the list's) whether a delimiter row comes before the next blank line stays linear.
function delimiterHints(src: string): DelimiterHints {
  // Each line read in place, by character codes (no array of line strings).
  const starts = [0];
  for (let i = src.indexOf('\n'); i !== -1; i = src.indexOf('\n', i + 1)) starts.push(i + 1);
  const n = starts.length;
  const delimiter = new Int32Array(n + 1).fill(n);
  const blank = new Int32Array(n + 1).fill(n);
  for (let l = n - 1; l >= 0; l--) {
    const end = l + 1 < n ? starts[l + 1] - 1 : src.length;
    let onlyBlank = true;
    let onlyDelimiter = true;
    let dash = false;
    for (let i = starts[l]; i < end && (onlyBlank || onlyDelimiter); i++) {
      const c = src.charCodeAt(i);
      if (c !== 32 && c !== 9) onlyBlank = false;
      if (c === 45) dash = true;
      else if (!isDelimiterRowChar(c)) onlyDelimiter = false;
    }
    delimiter[l] = dash && onlyDelimiter ? l : delimiter[l + 1];
    blank[l] = onlyBlank ? l : blank[l + 1];
  }
  return { delimiter, blank };
}

/** The characters of a delimiter row besides "-": spaces, tabs, \v, \f, ">", "+", "*", ".", ")", digits, "|", ":". */
function isDelimiterRowChar(c: number): boolean {
  return (
    c === 32 || c === 9 || c === 11 || c === 12 || c === 62 || c === 43 || c === 42 || c === 46 || c === 41 || (c >= 48 && c <= 57) || c === 124 || c === 58
  );
}

function tableLine(state: StateBlock, l: number): TableLine {
  const pos = state.bMarks[l] + state.tShift[l];
  const lineStart = state.src.lastIndexOf('\n', pos - 1) + 1;
  const lazy = state.sCount[l] < state.blkIndent;
  // A lazy line in a block quote has sCount -1 (markdown-it's marker for it): its own indentation counts.
  const indent = lazy ? (state.sCount[l] < 0 ? state.tShift[l] : state.sCount[l]) : state.sCount[l] - state.blkIndent;
  return { line: l, column: pos - lineStart, indent, lazy };
}

/**
 * Tables as Goldmark makes them: out of a whole paragraph, after it is read (markdown-it's own table
 * rule interrupts paragraphs and ends tables where Goldmark's paragraph goes on). Runs where a
 * paragraph or setext heading would start; finds the paragraph's lines as those rules do, and when
 * a delimiter row is among them records the paragraph (env.tableParagraphs) and, if Goldmark
 * renders a table, emits the lines above the header as a paragraph and the rest as the table. Under
 * a setext underline Goldmark takes the table out first and makes a heading of the lines above it
 * (none: the underline is read again, as a thematic break or text).
 */
const goldmarkTable: RuleBlock = (state, startLine, endLine, silent) => {
  if (silent || state.sCount[startLine] - state.blkIndent >= 4) return false;
  // No line before the next blank one could be a delimiter row: a plain paragraph, left to markdown-it.
  const env = state.env as BlockEnv;
  env.delimiterHints ??= delimiterHints(state.src);
  if (env.delimiterHints.delimiter[startLine + 1] >= Math.min(env.delimiterHints.blank[startLine + 1], endLine)) return false;
  const terminators = state.md.block.ruler.getRules('paragraph');
  const oldParentType = state.parentType;
  state.parentType = 'paragraph';
  let next = startLine + 1;
  let underline = 0;
  for (; next < endLine && !state.isEmpty(next); next++) {
    if (state.sCount[next] - state.blkIndent > 3) continue;
    if (state.sCount[next] >= state.blkIndent) {
      const at = state.bMarks[next] + state.tShift[next];
      const c = state.src.charCodeAt(at);
      if ((c === 0x2d || c === 0x3d) && state.skipSpaces(state.skipChars(at, c)) >= state.eMarks[next]) {
        underline = c;
        break;
      }
    }
    if (state.sCount[next] < 0) continue;
    if (terminators.some((t) => t(state, next, endLine, true))) break;
  }
  state.parentType = oldParentType;
  const lines: TableLine[] = [];
  const rows: RowText[] = [];
  for (let l = startLine; l < next; l++) {
    const info = tableLine(state, l);
    let end = state.eMarks[l];
    const start = Math.min(state.bMarks[l] + state.tShift[l], end);
    while (end > start && /[ \t\v\f]/.test(state.src[end - 1])) end--;
    lines.push(info);
    rows.push({ start, end, indent: info.indent, lazy: info.lazy });
  }
  const opaque = rows.flatMap((r) => lineShortcodes(state.src, r.start, r.end));
  const split = goldmarkSplit(state.src, rows, opaque);
  if (!split) return false;
  env.tableParagraphs?.push({ line: startLine, endLine: next - 1, lines, ...(underline ? { underline: tableLine(state, next) } : {}) });
  if (!split.rendered) return false;
  const headerLine = startLine + split.delimiter - 1;
  if (headerLine > startLine && !underline) {
    const open = state.push('paragraph_open', 'p', 1);
    open.map = [startLine, headerLine];
    const inline = state.push('inline', '', 0);
    inline.content = state.getLines(startLine, headerLine, state.blkIndent, false).trim();
    inline.map = [startLine, headerLine];
    inline.children = [];
    state.push('paragraph_close', 'p', -1);
  }
  const table = state.push('table_open', 'table', 1);
  table.map = [headerLine, next];
  state.push('table_close', 'table', -1);
  state.line = next;
  if (underline) {
    if (headerLine === startLine) return true;
    const tag = underline === 0x3d ? 'h1' : 'h2';
    const open = state.push('heading_open', tag, 1);
    open.markup = String.fromCharCode(underline);
    open.map = [startLine, headerLine];
    open.meta = { textLine: headerLine - 1 };
    const inline = state.push('inline', '', 0);
    inline.content = state.getLines(startLine, headerLine, state.blkIndent, false).trim();
    inline.map = [startLine, headerLine];
    inline.children = [];
    state.push('heading_close', tag, -1).markup = open.markup;
    state.line = next + 1;
  }
  return true;
};

/**
 * A paragraph as markdown-it's own rule finds it (up to a blank line, or a line another block rule
 * may start a block on, lazy continuation lines included), without its text: nothing here reads a
 * paragraph's inline content (inline scans read the page's lines), and joining every paragraph's
 * lines into one more string was a tenth of what reading a page allocated.
 */
const paragraphLines: RuleBlock = (state, startLine, endLine) => {
  const terminators = state.md.block.ruler.getRules('paragraph');
  const oldParentType = state.parentType;
  state.parentType = 'paragraph';
  let next = startLine + 1;
  for (; next < endLine && !state.isEmpty(next); next++) {
    // Indented as code, or a lazy line of a block quote: a continuation whatever it holds.
    if (state.sCount[next] - state.blkIndent > 3 || state.sCount[next] < 0) continue;
    if (terminators.some((t) => t(state, next, endLine, true))) break;
  }
  state.parentType = oldParentType;
  state.line = next;
  state.push('paragraph_open', 'p', 1).map = [startLine, next];
  const inline = state.push('inline', '', 0);
  inline.map = [startLine, next];
  inline.children = [];
  state.push('paragraph_close', 'p', -1);
  return true;
};

const md = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
md.core.ruler.enableOnly(['normalize', 'block']);
md.block.ruler.disable('table');
md.block.ruler.before('lheading', 'goldmark_table', goldmarkTable);
md.block.ruler.at('paragraph', paragraphLines);
// markdown-it's normalize rule runs its replacements over every text; most pages have no CR and no
// NUL, and then there is nothing to replace. Same result, checked first.
md.core.ruler.at('normalize', (state) => {
  // A byte order mark is not text (Hugo and VS Code drop it): "\uFEFF# Title" is a heading. Blocks are read by line, so offsets stay right.
  if (state.src.charCodeAt(0) === 0xfeff) state.src = state.src.slice(1);
  if (state.src.includes('\r')) state.src = state.src.replace(/\r\n?/g, '\n');
  if (state.src.includes('\0')) state.src = state.src.replace(/\0/g, '\uFFFD');
});

/**
 * markdown-it's block tokens of a text, nesting included (containers, list items): for features that
 * need more than the structure below. A paragraph's inline token has no content (paragraphLines).
 */
export function blockTokens(text: string): ReturnType<MarkdownIt['parse']> {
  return md.parse(text, {});
}

export function parseBlocks(text: string, lineCount: number): BlockStructure {
  const env: BlockEnv = { tableParagraphs: [] };
  const tokens = md.parse(text, env);
  const lineKinds = new Uint8Array(lineCount);
  const headings: HeadingBlock[] = [];
  const paragraphs: LineSpan[] = [];
  const tables: LineSpan[] = [];
  const fences: (LineSpan & { info: string })[] = [];
  const htmlBlocks: LineSpan[] = [];
  const lists: (LineSpan & { ordered: boolean })[] = [];
  const mark = (from: number, to: number, kind: LineKind) => {
    for (let l = from; l < to && l < lineCount; l++) lineKinds[l] = kind;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t.map) continue;
    const [from, to] = t.map;
    switch (t.type) {
      case 'heading_open': {
        const inline = tokens[i + 1];
        const setext = t.markup === '=' || t.markup === '-';
        headings.push({
          level: Number(t.tag.slice(1)),
          line: from,
          endLine: to - 1,
          setext,
          textLine: (t.meta as { textLine?: number } | null)?.textLine ?? (setext ? to - 2 : from),
          content: inline?.content ?? '',
        });
        mark(from, to, LineKind.Inline);
        break;
      }
      case 'paragraph_open':
        paragraphs.push({ line: from, endLine: to - 1 });
        mark(from, to, LineKind.Inline);
        break;
      case 'table_open':
        tables.push({ line: from, endLine: to - 1 });
        paragraphs.push({ line: from, endLine: to - 1 });
        mark(from, to, LineKind.Inline);
        break;
      case 'fence':
        fences.push({ line: from, endLine: to - 1, info: t.info });
        mark(from, to, LineKind.Code);
        break;
      case 'code_block':
        mark(from, to, LineKind.Code);
        break;
      case 'ordered_list_open':
      case 'bullet_list_open':
        lists.push({ line: from, endLine: to - 1, ordered: t.type === 'ordered_list_open' });
        break;
      case 'html_block':
        htmlBlocks.push({ line: from, endLine: to - 1 });
        mark(from, to, LineKind.Html);
        break;
    }
  }
  return { headings, lineKinds, paragraphs, tables, tableParagraphs: env.tableParagraphs!, fences, htmlBlocks, lists };
}
