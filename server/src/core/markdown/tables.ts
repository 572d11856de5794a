// GitHub-flavoured pipe tables, found the way Goldmark finds them: inside paragraph text, a line
// that looks like a delimiter row (`| --- | :-: |`) under a line with pipes starts a table. The
// delimiter row sets the width (checked with Hugo 0.111): a header wider than it means no table at
// all; a narrower header, and any shorter body row, is padded with empty cells; a body row with more
// cells loses the extra ones. (GitHub renders no table unless header and delimiter row agree.) We
// keep broken tables too, so that `table-shape` can explain why no table appears.

import type { LineIndex, Span } from '../text';
import type { LineSpan } from './blocks';

export interface TableCell {
  /** Trimmed cell text, escapes left as written. */
  text: string;
  span: Span;
}

export interface TableRow {
  line: number;
  /** The row's text on its line, container prefix (block quote markers, indentation) excluded. */
  span: Span;
  cells: TableCell[];
}

export interface PipeTable {
  header: TableRow;
  delimiter: TableRow;
  rows: TableRow[];
  /** True when Goldmark renders it: the header is not wider than the delimiter row. */
  rendered: boolean;
}

const DELIMITER_ROW = /^\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const CONTAINER_PREFIX = /^(?:[ \t]*>[ \t]?)*[ \t]*/;

export function isDelimiterRow(rowText: string): boolean {
  return rowText.includes('|') && DELIMITER_ROW.test(rowText);
}

export function scanTables(text: string, lines: LineIndex, blocks: LineSpan[]): PipeTable[] {
  const tables: PipeTable[] = [];
  for (const block of blocks) {
    let l = block.line + 1;
    while (l <= block.endLine) {
      const delimiter = row(text, lines, l);
      const header = row(text, lines, l - 1);
      if (!isDelimiterRow(text.slice(delimiter.span.start, delimiter.span.end)) || !text.slice(header.span.start, header.span.end).includes('|')) {
        l++;
        continue;
      }
      // Goldmark renders the table unless the header is wider than the delimiter row; a narrower
      // header gets empty cells (checked with Hugo 0.111).
      const rendered = header.cells.length <= delimiter.cells.length;
      const rows: TableRow[] = [];
      let r = l + 1;
      // A rendered table takes every following line of its block; a broken one stays paragraph text,
      // of which we keep the lines that look like rows.
      while (r <= block.endLine) {
        const next = row(text, lines, r);
        if (!rendered && !text.slice(next.span.start, next.span.end).includes('|')) break;
        if (isDelimiterRow(text.slice(next.span.start, next.span.end))) break;
        rows.push(next);
        r++;
      }
      tables.push({ header, delimiter, rows, rendered });
      l = r + 1;
    }
  }
  return tables;
}

function row(text: string, lines: LineIndex, line: number): TableRow {
  const lineStart = lines.lineStarts[line];
  const lineEnd = lines.lineEnd(line);
  const raw = text.slice(lineStart, lineEnd);
  const prefix = CONTAINER_PREFIX.exec(raw)![0].length;
  let end = lineEnd;
  while (end > lineStart + prefix && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  const start = lineStart + prefix;
  return { line, span: { start, end }, cells: splitCells(text, start, end) };
}

/** Splits a row on unescaped pipes; a leading and a trailing pipe do not make cells. */
export function splitCells(text: string, start: number, end: number): TableCell[] {
  const pipes: number[] = [];
  for (let i = start; i < end; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '|') pipes.push(i);
  }
  let from = start;
  let to = end;
  if (pipes[0] === start) {
    from = start + 1;
    pipes.shift();
  }
  if (pipes.length && pipes[pipes.length - 1] === end - 1) {
    to = end - 1;
    pipes.pop();
  }
  const cells: TableCell[] = [];
  const cuts = [from - 1, ...pipes, to];
  for (let k = 0; k + 1 < cuts.length; k++) {
    let a = cuts[k] + 1;
    let b = cuts[k + 1];
    while (a < b && (text[a] === ' ' || text[a] === '\t')) a++;
    while (b > a && (text[b - 1] === ' ' || text[b - 1] === '\t')) b--;
    cells.push({ text: text.slice(a, b), span: { start: a, end: b } });
  }
  return cells;
}
