// Pipe tables as Hugo 0.111 (Goldmark) and GitHub (cmark-gfm) read the same lines: shared by the unit
// tests (our reading, core/markdown/tables.ts, must give these tables) and the oracles
// (test/hugo/tableReadings.test.ts builds every case with Hugo and renders it with `cmark-gfm -e
// table`, and both must give them too).

export interface TableCase {
  name: string;
  /** A page body. */
  markdown: string;
  /** Goldmark's tables in page order: each row (header first) as its cells' HTML, padded and cut to the delimiter row's width as Goldmark does. */
  hugo: string[][][];
  /** cmark-gfm's tables, the same way. */
  github: string[][][];
}

const AB_12 = [
  ['a', 'b'],
  ['1', '2'],
];

export const TABLE_CASES: TableCase[] = [
  // A table on a list item's marker line: the marker is the list's, not a cell.
  { name: 'on a bullet marker line', markdown: '- | a | b |\n  | - | - |\n  | 1 | 2 |\n', hugo: [AB_12], github: [AB_12] },
  { name: 'on an ordered marker line', markdown: '1. | a | b |\n   | - | - |\n   | 1 | 2 |\n', hugo: [AB_12], github: [AB_12] },
  { name: 'on a marker line, header wider than the delimiter row: none', markdown: '- | a | b | c |\n  | - | - |\n', hugo: [], github: [] },
  {
    name: 'on a marker line, delimiter row wider: Goldmark pads the header, GitHub shows none',
    markdown: '* | a |\n  | - | - |\n  | 1 | 2 |\n',
    hugo: [
      [
        ['a', ''],
        ['1', '2'],
      ],
    ],
    github: [],
  },
  // Every line after the delimiter row is a body row, a delimiter-like one too.
  {
    name: 'a second delimiter-like row in the body',
    markdown: '| a | b |\n| - | - |\n| 1 | 2 |\n| - | - | - |\n| 3 |\n',
    hugo: [
      [
        ['a', 'b'],
        ['1', '2'],
        ['-', '-'],
        ['3', ''],
      ],
    ],
    github: [
      [
        ['a', 'b'],
        ['1', '2'],
        ['-', '-'],
        ['3', ''],
      ],
    ],
  },
  // Indented four columns or more (relative to the container), a delimiter row is paragraph text.
  { name: 'delimiter row indented four spaces: none', markdown: '| a | b |\n    | - | - |\n| 1 | 2 |\n', hugo: [], github: [] },
  { name: 'delimiter row indented by a tab: none', markdown: '| a | b |\n\t| - | - |\n', hugo: [], github: [] },
  { name: 'delimiter row four columns into a list item: none', markdown: '- | a | b |\n      | - | - |\n', hugo: [], github: [] },
  {
    name: 'delimiter row three spaces in',
    markdown: '| a | b |\n   | - | - |\n| 1 | 2 |\n',
    hugo: [AB_12],
    github: [AB_12],
  },
  // A delimiter row needs no pipe: one column.
  {
    name: 'a delimiter row without a pipe',
    markdown: 'a\n:--\nb\n',
    hugo: [[['a'], ['b']]],
    github: [[['a'], ['b']]],
  },
  { name: 'a delimiter row without a pipe, right-aligned', markdown: 'a\n--:\n', hugo: [[['a']]], github: [[['a']]] },
  {
    name: 'rows without outer pipes',
    markdown: 'a | b\n--|--\nc | d\n',
    hugo: [
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    github: [
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
  },
  {
    name: 'dashes alone on a lazy line of a block quote: a one-column table in Hugo only',
    markdown: '> a\n--\n',
    hugo: [[['a']]],
    github: [],
  },
  // Escaped pipes: a backslash right before a pipe keeps it in the cell, `\\|` too; GitHub takes the
  // backslash away first, Goldmark leaves `\\` to the inline parser.
  {
    name: 'escaped pipes',
    markdown: '| a | b |\n| - | - |\n| x \\| y | z |\n| x \\\\| y | z |\n| `c\\|d` | e |\n| `f|g` | h |\n',
    hugo: [
      [
        ['a', 'b'],
        ['x | y', 'z'],
        ['x \\| y', 'z'],
        ['<code>c|d</code>', 'e'],
        ['`f', 'g`'],
      ],
    ],
    github: [
      [
        ['a', 'b'],
        ['x | y', 'z'],
        ['x | y', 'z'],
        ['<code>c|d</code>', 'e'],
        ['`f', 'g`'],
      ],
    ],
  },
  {
    name: 'an escaped pipe at the end of a row still closes it in Goldmark',
    markdown: '| a | b \\|\n| - | - |\n',
    hugo: [[['a', 'b \\']]],
    github: [[['a', 'b |']]],
  },
  { name: 'an escaped pipe at the start of a row', markdown: '\\| a | b |\n| - | - |\n', hugo: [[['| a', 'b']]], github: [[['| a', 'b']]] },
  // Block quotes and nested lists.
  { name: 'in a block quote', markdown: '> | a | b |\n> | - | - |\n> | 1 | 2 |\n', hugo: [AB_12], github: [AB_12] },
  {
    name: 'a lazy line in a block quote: a body row in Hugo, the end of the table on GitHub',
    markdown: '> | a | b |\n> | - | - |\n| 1 | 2 |\n',
    hugo: [AB_12],
    github: [[['a', 'b']]],
  },
  {
    name: 'a lazy line in a list item: a body row in Hugo, the end of the table on GitHub',
    markdown: '- | a | b |\n  | - | - |\n| 1 | 2 |\n',
    hugo: [AB_12],
    github: [[['a', 'b']]],
  },
  { name: 'a lazy delimiter row in a list item: a table in Hugo only', markdown: '- | a | b |\n| - | - |\n', hugo: [[['a', 'b']]], github: [] },
  { name: 'in a nested list', markdown: '- item\n  - | a | b |\n    | - | - |\n    | 1 | 2 |\n', hugo: [AB_12], github: [AB_12] },
  { name: 'in a list in a block quote', markdown: '> - | a | b |\n>   | - | - |\n>   | 1 | 2 |\n', hugo: [AB_12], github: [AB_12] },
  { name: 'in a block quote in a list', markdown: '- > | a | b |\n  > | - | - |\n  > | 1 | 2 |\n', hugo: [AB_12], github: [AB_12] },
  {
    name: 'in a block quote in nested lists, aligned, with a longer row',
    markdown: '1. x\n   - y\n     > | a | b |\n     > | :-: | --: |\n     > | 1 | 2 | 3 |\n',
    hugo: [AB_12],
    github: [AB_12],
  },
  // Where a table ends: with its paragraph in Goldmark; GitHub also ends it at blocks that cannot
  // interrupt a paragraph.
  { name: 'ended by a heading', markdown: '| a | b |\n| - | - |\n| 1 | 2 |\n# H\n', hugo: [AB_12], github: [AB_12] },
  { name: 'ended by a bullet list', markdown: '| a | b |\n| - | - |\n| 1 | 2 |\n- x\n', hugo: [AB_12], github: [AB_12] },
  { name: 'ended by a block quote', markdown: '| a | b |\n| - | - |\n> q\n', hugo: [[['a', 'b']]], github: [[['a', 'b']]] },
  { name: 'ended by a fence', markdown: '| a | b |\n| - | - |\n```\ncode\n```\n', hugo: [[['a', 'b']]], github: [[['a', 'b']]] },
  {
    name: 'a list item starting at 2: a body row in Goldmark, a list on GitHub',
    markdown: '| a | b |\n| - | - |\n| 1 | 2 |\n2. x\n',
    hugo: [
      [
        ['a', 'b'],
        ['1', '2'],
        ['2. x', ''],
      ],
    ],
    github: [AB_12],
  },
  {
    name: 'an empty list item: a body row in Goldmark, a list on GitHub',
    markdown: '| a | b |\n| - | - |\n*\n| 3 | 4 |\n',
    hugo: [
      [
        ['a', 'b'],
        ['*', ''],
        ['3', '4'],
      ],
    ],
    github: [[['a', 'b']]],
  },
  {
    name: 'an HTML tag alone on its line: a body row in Goldmark, an HTML block on GitHub',
    markdown: '| a | b |\n| - | - |\n<custom-el>\n| 1 | 2 |\n',
    hugo: [
      [
        ['a', 'b'],
        ['<custom-el>', ''],
        ['1', '2'],
      ],
    ],
    github: [[['a', 'b']]],
  },
  {
    name: 'an indented body row: a body row in Goldmark, code on GitHub',
    markdown: '| a | b |\n| - | - |\n    | 1 | 2 |\n| 3 | 4 |\n',
    hugo: [
      [
        ['a', 'b'],
        ['1', '2'],
        ['3', '4'],
      ],
    ],
    github: [[['a', 'b']]],
  },
  {
    name: 'a row that is only a pipe: empty cells in Goldmark, the end on GitHub',
    markdown: '| a | b |\n| - | - |\n|\n| 1 | 2 |\n',
    hugo: [
      [
        ['a', 'b'],
        ['', ''],
        ['1', '2'],
      ],
    ],
    github: [[['a', 'b']]],
  },
  {
    name: 'a plain line is a body row',
    markdown: '| a | b |\n| - | - |\nplain text\n| 1 | 2 |\n',
    hugo: [
      [
        ['a', 'b'],
        ['plain text', ''],
        ['1', '2'],
      ],
    ],
    github: [
      [
        ['a', 'b'],
        ['plain text', ''],
        ['1', '2'],
      ],
    ],
  },
  // Where a table starts: at the first delimiter row of a paragraph in Goldmark, which gives up when
  // the header is wider; GitHub goes on looking.
  { name: 'after a line of the same paragraph', markdown: 'Intro\n| a | b |\n| - | - |\n| 1 | 2 |\n', hugo: [AB_12], github: [AB_12] },
  {
    name: 'a header wider than the first delimiter row: no table in Goldmark, a later one on GitHub',
    markdown: '| a | b | c |\n| - | - |\n| x | y |\n| - | - |\n| 1 | 2 |\n',
    hugo: [],
    github: [
      [
        ['x', 'y'],
        ['1', '2'],
      ],
    ],
  },
  // A setext underline under the table's paragraph.
  { name: 'dashes under the table: a thematic break', markdown: '| a | b |\n| - | - |\n| 1 | 2 |\n---\n', hugo: [AB_12], github: [AB_12] },
  {
    name: 'equals signs under the table: text in Goldmark, a body row on GitHub',
    markdown: '| a | b |\n| - | - |\n===\n',
    hugo: [[['a', 'b']]],
    github: [
      [
        ['a', 'b'],
        ['===', ''],
      ],
    ],
  },
  {
    name: 'two dashes under the table: text in Goldmark, a body row on GitHub',
    markdown: '| a | b |\n| - | - |\n| 1 | 2 |\n--\n',
    hugo: [AB_12],
    github: [
      [
        ['a', 'b'],
        ['1', '2'],
        ['--', ''],
      ],
    ],
  },
  { name: 'a dash under the table: an empty list item', markdown: '| a | b |\n| - | - |\n-\n', hugo: [[['a', 'b']]], github: [[['a', 'b']]] },
  {
    name: 'an underline under a header wider than its delimiter row: a heading, no table',
    markdown: '| a | b | c |\n| - | - |\n| x |\n--\n',
    hugo: [],
    github: [],
  },
];

/** A cell's HTML from its text, for the Markdown these cases hold: code spans and backslash escapes. */
export function renderCell(text: string, reader: 'goldmark' | 'github'): string {
  // cmark-gfm takes the backslash off every escaped pipe before the inline parser sees the cell;
  // Goldmark does so inside code spans only.
  const cell = reader === 'github' ? text.replace(/\\\|/g, '|') : text;
  return cell
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 ? `<code>${part.slice(1, -1).replace(/\\\|/g, '|')}</code>` : part.replace(/\\([!-/:-@[-`{-~])/g, '$1')))
    .join('');
}

/** Rows cut and padded to `width` cells. */
export function fitRows(rows: string[][], width: number): string[][] {
  return rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
}
