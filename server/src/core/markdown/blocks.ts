// The block structure of a Markdown text (CommonMark + GFM tables), from markdown-it's block parser
// alone: the inline pass is switched off because everything inline that we need (links, code spans,
// heading ids) is read from the source with exact columns by the modules beside this one.

import MarkdownIt from 'markdown-it';

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

export interface BlockStructure {
  headings: HeadingBlock[];
  lineKinds: Uint8Array;
  /** Paragraph-like blocks whose lines hold inline Markdown (paragraphs and valid tables). */
  paragraphs: LineSpan[];
  tables: LineSpan[];
  fences: (LineSpan & { info: string })[];
  htmlBlocks: LineSpan[];
  /** Top-level and nested lists, in document order. */
  lists: (LineSpan & { ordered: boolean })[];
}

const md = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
md.core.ruler.enableOnly(['normalize', 'block']);
// markdown-it's normalize rule runs its replacements over every text; most pages have no CR and no
// NUL, and then there is nothing to replace. Same result, checked first.
md.core.ruler.at('normalize', (state) => {
  // A byte order mark is not text (Hugo and VS Code drop it): "\uFEFF# Title" is a heading. Blocks are read by line, so offsets stay right.
  if (state.src.charCodeAt(0) === 0xfeff) state.src = state.src.slice(1);
  if (state.src.includes('\r')) state.src = state.src.replace(/\r\n?/g, '\n');
  if (state.src.includes('\0')) state.src = state.src.replace(/\0/g, '\uFFFD');
});

/** markdown-it's block tokens of a text, nesting included (containers, list items): for features that need more than the structure below. */
export function blockTokens(text: string): ReturnType<MarkdownIt['parse']> {
  return md.parse(text, {});
}

export function parseBlocks(text: string, lineCount: number): BlockStructure {
  const tokens = md.parse(text, {});
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
          textLine: setext ? to - 2 : from,
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
  return { headings, lineKinds, paragraphs, tables, fences, htmlBlocks, lists };
}
