// "Disable <code> for this line / for this file": the edits that write our disable comments
// (model/directives.ts) so that they silence the finding and change nothing Hugo renders.
//
// A comment line is an HTML block, which ends a table, a paragraph, a block quote or a list that
// it interrupts (checked with Hugo: test/hugo/disableComments.test.ts). So the comment goes where
// a block may start anyway:
// - above a line that starts a block: `<!-- career-lint-disable-next-line CODE -->` with the
//   line's indentation and block-quote markers; above a list item that follows another, inside
//   that item (at its content's column), so that the list stays one list;
// - on a line inside a paragraph (a wrapped line, a list item's second line): at the end of the
//   line, `<!-- career-lint-disable-line CODE -->` (inline HTML, before a hard line break);
// - on a line inside a table, a code block, an HTML block or a setext heading, where no comment
//   may go, or a paragraph line whose end is inside a code span, a link or a call: around the
//   block, `<!-- career-lint-disable CODE -->` above it and `<!-- career-lint-enable CODE -->`
//   below it ("for this table").
// For the file, `<!-- career-lint-disable-file CODE -->` after the front matter, or the code added
// to the file's disable-file comment. A comment already there for the same line or block gets the
// code added. The file's line breaks are kept. Every edit is checked to silence the finding.

import type { Fix } from '../diagnostic';
import { blockTokens } from '../markdown/blocks';
import { codeSpans } from '../markdown/inline';
import type { PageModel } from '../model/pageModel';
import { isSuppressed, parseDirectives, type Directive } from '../model/directives';
import { bomLength, LineIndex, lineBreakOf, type Range } from '../text';
import { isMarkdownPath, type Workspace } from '../workspace';
import { applyEdits } from './fixAll';
import type { FileEdit } from './types';

/** Findings the disable comments cannot silence: failures of the tool itself are not the page's. */
const NOT_DISABLED = new Set(['internal-error']);

/** The fixes that disable `code` at the finding's line and in the whole file, in that order (either may be missing). */
export function disableFixes(workspace: Workspace, file: string, text: string, code: string, range: Range): Fix[] {
  if (NOT_DISABLED.has(code) || !isMarkdownPath(file)) return [];
  const model = workspace.model(file, text);
  if (!model || (model.frontmatter && !model.frontmatter.closed)) return [];
  const page = new PageText(model, text);
  const out: Fix[] = [];
  const line = lineFix(page, code, range.start.line);
  if (line && page.silences(line, code, range.start.line)) out.push(line);
  const whole = fileFix(page, code);
  if (page.silences(whole, code, range.start.line)) out.push(whole);
  return out;
}

class PageText {
  readonly lines: LineIndex;
  readonly eol: string;
  readonly directives: Directive[];
  /** The first line of the body (after the front matter). */
  readonly bodyLine: number;

  constructor(
    readonly model: PageModel,
    readonly text: string,
  ) {
    this.lines = new LineIndex(text);
    this.eol = lineBreakOf(text);
    this.directives = parseDirectives(text);
    this.bodyLine = this.endsWithBreak(model.bodyStart) ? this.lines.positionAt(model.bodyStart).line : this.lines.lineCount;
  }

  get file(): string {
    return this.model.file.path;
  }

  /** Whether the text before `offset` ends a line (or is empty): text inserted there starts a line. */
  endsWithBreak(offset: number): boolean {
    const c = this.text.charCodeAt(offset - 1);
    return offset <= bomLength(this.text) || c === 10 || c === 13;
  }

  edit(offset: number, newText: string): FileEdit {
    const at = this.lines.positionAt(offset);
    return { file: this.file, range: { start: at, end: at }, newText };
  }

  /** A whole comment line inserted at the start of `line` (or after the last line). */
  insertLine(line: number, content: string): FileEdit {
    if (line < this.lines.lineCount) return this.edit(line === 0 ? bomLength(this.text) : this.lines.lineStarts[line], content + this.eol);
    const end = this.text.length;
    return this.edit(end, (this.endsWithBreak(end) ? '' : this.eol) + content + this.eol);
  }

  /** Adds `code` to a directive's codes. */
  addCode(d: Directive, code: string): FileEdit {
    const codes = this.text.slice(d.start, d.codesEnd);
    return this.edit(d.codesEnd, (/,\s*\S+$/.test(codes) ? ', ' : ' ') + code);
  }

  directive(kind: Directive['kind'], line: number): Directive | undefined {
    return this.directives.find((d) => d.kind === kind && d.line === line && d.codes.length > 0);
  }

  /** Whether the fix's text silences `code` on what was `line`. */
  silences(fix: Fix, code: string, line: number): boolean {
    const lineStart = line === 0 ? bomLength(this.text) : (this.lines.lineStarts[line] ?? this.text.length);
    let shift = 0;
    for (const e of fix.edits) {
      if (this.lines.offsetAt(e.range.start) <= lineStart && e.newText.endsWith(this.eol)) shift += 1;
    }
    const after = applyEdits(this.text, fix.edits);
    return isSuppressed(parseDirectives(after), code, line + shift);
  }
}

// ---- for this line --------------------------------------------------------------------------------

type Token = ReturnType<typeof blockTokens>[number];

const LEAVES = new Set(['paragraph_open', 'heading_open', 'table_open', 'fence', 'code_block', 'html_block', 'hr']);
const BLOCK_NAMES: Record<string, string> = {
  paragraph_open: 'paragraph',
  heading_open: 'heading',
  table_open: 'table',
  fence: 'code block',
  code_block: 'code block',
  html_block: 'HTML block',
};

/** Where a line sits in the page's own text: the innermost block holding it, and the list item whose first line it is. */
interface LineContext {
  leaf?: Token;
  /** The leaf is inside a list item. */
  leafInItem?: boolean;
  /** The line is a list item's first line; `previous` is the first line of the item before it in the same list. */
  item?: { previous?: number };
}

class Blocks {
  private readonly tokens: Token[];

  constructor(private readonly page: PageText) {
    // The page's own text (includes are not expanded: the comment goes into this file), front matter blanked.
    const { text, model } = page;
    this.tokens = blockTokens(text.slice(0, model.bodyStart).replace(/[^\r\n]/g, ' ') + text.slice(model.bodyStart));
  }

  at(line: number): LineContext {
    const lists: { last?: number }[] = [];
    let items = 0;
    const ctx: LineContext = {};
    for (const t of this.tokens) {
      if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') lists.push({});
      else if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') lists.pop();
      else if (t.type === 'list_item_close') items--;
      else if (t.type === 'list_item_open' && t.map) {
        items++;
        const list = lists[lists.length - 1];
        if (t.map[0] === line) ctx.item = { previous: list?.last };
        if (list) list.last = t.map[0];
      } else if (LEAVES.has(t.type) && t.map && t.map[0] <= line && line < t.map[1]) {
        // Later leaves are nested deeper.
        ctx.leaf = t;
        ctx.leafInItem = items > 0;
      }
    }
    return ctx;
  }

  /**
   * What a comment line inserted above `line` (which starts a block) begins with: the line's
   * indentation and block-quote markers; above a list item that follows another, that item's
   * content column (the comment joins it; at the marker's column it would end the list).
   */
  prefixAbove(line: number): string {
    const ctx = this.at(line);
    const text = this.page.lines.lineText(line);
    if (ctx.item) {
      if (ctx.item.previous !== undefined) return contentPrefix(this.page.lines.lineText(ctx.item.previous));
      return LIST_MARKER.exec(text)?.[1] ?? leading(text);
    }
    return ctx.leaf?.type === 'code_block' ? outdented(leading(text)) : leading(text);
  }

  /** What a comment line right after the block that starts at `first` begins with: the block's container's indentation. */
  prefixBelow(first: number, leaf: Token): string {
    const text = this.page.lines.lineText(first);
    if (this.at(first).item) return contentPrefix(text);
    return leaf.type === 'code_block' ? outdented(leading(text)) : leading(text);
  }
}

/** Block-quote markers and indentation at the start of a line. */
const leading = (text: string) => /^[ \t>]*/.exec(text)![0];
const LIST_MARKER = /^([ \t>]*)([-+*]|\d{1,9}[.)])([ \t]*)/;

/** What a line inside a list item starts with: the item's markers, its marker as spaces up to the item's content. */
function contentPrefix(markerLine: string): string {
  const m = LIST_MARKER.exec(markerLine);
  if (!m) return leading(markerLine);
  const spaces = m[3].length;
  // CommonMark: 1-4 spaces after the marker set the content column; none or more than 4 count as one.
  return m[1] + ' '.repeat(m[2].length + (spaces >= 1 && spaces <= 4 ? spaces : 1));
}

/** An indented code block's indentation less the four columns that make it code. */
function outdented(prefix: string): string {
  return prefix.replace(/(?: {1,4}|\t)$/, '');
}

function lineFix(page: PageText, code: string, line: number): Fix | undefined {
  if (line < page.bodyLine || line >= page.lines.lineCount) return undefined;
  const title = `Disable ${code} for this line`;
  const blocks = new Blocks(page);
  const { leaf, item } = blocks.at(line);
  const [first, end] = leaf?.map ?? [line, line + 1];
  if (first === line && !item && tableAfterBlankInItem(page, blocks, line)) return around(page, blocks, code, leaf!, first, end - 1);
  if (item || first === line) {
    const existing = line > 0 ? page.directive('disable-next-line', line - 1) : undefined;
    if (existing) return { title, edits: [page.addCode(existing, code)] };
    return { title, edits: [page.insertLine(line, `${blocks.prefixAbove(line)}<!-- career-lint-disable-next-line ${code} -->`)] };
  }
  if (leaf?.type === 'paragraph_open') {
    const fix = trailing(page, code, title, line, first, end - 1);
    if (fix) return fix;
  }
  return leaf && around(page, blocks, code, leaf, first, end - 1);
}

/** The comment at the end of a paragraph line, where that is still text: not inside a code span, a link or a shortcode call that goes on. */
function trailing(page: PageText, code: string, title: string, line: number, first: number, last: number): Fix | undefined {
  const { lines, text } = page;
  const lineText = lines.lineText(line);
  const eol = lines.lineEnd(line);
  if (codeSpans(text, lines.lineStarts[first], lines.lineEnd(last)).some((s) => s.start < eol && eol < s.end)) return undefined;
  if (/\]\([^)]*$/.test(lineText) || /<[A-Za-z/!?][^>]*$/.test(lineText) || lineText.lastIndexOf('{{') > lineText.lastIndexOf('}}')) return undefined;
  const existing = page.directive('disable-line', line);
  if (existing) return { title, edits: [page.addCode(existing, code)] };
  // Before trailing white space and a backslash line break, which must stay at the end.
  const content = lineText.replace(/[ \t]+$/, '');
  let at = content.length;
  let backslashes = 0;
  while (content[at - 1 - backslashes] === '\\') backslashes++;
  if (content.length === lineText.length && backslashes % 2 === 1) at--;
  const space = at > 0 && /[ \t]/.test(content[at - 1]) ? '' : ' ';
  return { title, edits: [page.edit(lines.lineStarts[line] + at, `${space}<!-- career-lint-disable-line ${code} -->`)] };
}

const isBlank = (text: string) => /^[ \t>]*$/.test(text);

/**
 * A table after a blank line inside a list item: Goldmark keeps such a list tight (it does not count
 * the blank line before a table), but an HTML block after the blank line makes it loose (its items'
 * text becomes paragraphs). A comment line goes before the blank line there.
 */
function tableAfterBlankInItem(page: PageText, blocks: Blocks, first: number): boolean {
  const ctx = blocks.at(first);
  return ctx.leaf?.type === 'table_open' && !!ctx.leafInItem && first > 0 && isBlank(page.lines.lineText(first - 1));
}

/** disable above the block and enable below it. */
function around(page: PageText, blocks: Blocks, code: string, leaf: Token, first: number, last: number): Fix {
  const title = `Disable ${code} for this ${BLOCK_NAMES[leaf.type] ?? 'block'}`;
  const before = first > 0 ? page.directive('disable', first - 1) : undefined;
  const after = page.directive('enable', last + 1);
  if (before && after && before.codes.join(' ') === after.codes.join(' ')) {
    return { title, edits: [page.addCode(before, code), page.addCode(after, code)] };
  }
  let at = first;
  if (tableAfterBlankInItem(page, blocks, first)) while (at > page.bodyLine && isBlank(page.lines.lineText(at - 1))) at--;
  return {
    title,
    edits: [
      page.insertLine(at, `${blocks.prefixAbove(first)}<!-- career-lint-disable ${code} -->`),
      page.insertLine(last + 1, `${blocks.prefixBelow(first, leaf)}<!-- career-lint-enable ${code} -->`),
    ],
  };
}

// ---- for this file ----------------------------------------------------------------------------------

function fileFix(page: PageText, code: string): Fix {
  const title = `Disable ${code} for this file`;
  const existing = page.directives.find((d) => d.kind === 'disable-file' && d.codes.length > 0);
  if (existing) return { title, edits: [page.addCode(existing, code)] };
  const comment = `<!-- career-lint-disable-file ${code} -->`;
  const { model, text } = page;
  if (!model.frontmatter) return { title, edits: [page.edit(bomLength(text), comment + page.eol)] };
  // Right after the front matter's closing line.
  const at = model.bodyStart;
  return { title, edits: [page.edit(at, (page.endsWithBreak(at) ? '' : page.eol) + comment + page.eol)] };
}
