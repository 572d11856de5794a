import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBlocks } from '../../server/src/core/markdown/blocks';
import { githubCells, githubTables, isDelimiterRow, scanTables, splitCells, type TableRow } from '../../server/src/core/markdown/tables';
import { buildPageModel, sourceFile } from '../../server/src/core/model/pageModel';
import { LineIndex } from '../../server/src/core/text';
import { fitRows, renderCell, TABLE_CASES } from './tableCases';

const read = (text: string) => {
  const lines = new LineIndex(text);
  return { lines, paragraphs: parseBlocks(text, lines.lineCount).tableParagraphs };
};
const tables = (text: string) => {
  const { lines, paragraphs } = read(text);
  return scanTables(text, lines, paragraphs);
};

/** A row as [line, its text, each cell as [text, the text at its span]]. */
const rowOf = (text: string, r: TableRow) => [r.line, text.slice(r.span.start, r.span.end), r.cells.map((c) => [c.text, text.slice(c.span.start, c.span.end)])];

describe('tables', () => {
  it('splits cells on unescaped pipes, with exact cell spans', () => {
    const row = '| a | `x\\|y` | c |';
    assert.deepEqual(
      splitCells(row, 0, row.length).map((c) => [c.text, row.slice(c.span.start, c.span.end)]),
      [
        ['a', 'a'],
        ['`x\\|y`', '`x\\|y`'],
        ['c', 'c'],
      ],
    );
    assert.deepEqual(
      splitCells('a | b', 0, 5).map((c) => c.text),
      ['a', 'b'],
    );
    assert.deepEqual(
      splitCells('| a |  |', 0, 8).map((c) => c.text),
      ['a', ''],
    );
    // `\\|` keeps its pipe in the cell; a trailing pipe closes the row even when escaped (Goldmark).
    assert.deepEqual(
      splitCells('| x \\\\| y | z |', 0, 15).map((c) => c.text),
      ['x \\\\| y', 'z'],
    );
    assert.deepEqual(
      splitCells('| a | b \\|', 0, 10).map((c) => c.text),
      ['a', 'b \\'],
    );
    // GitHub keeps an escaped trailing pipe in its cell, and counts an empty cell before a closing pipe.
    assert.deepEqual(
      githubCells('| a | b \\|', 0, 10).map((c) => c.text),
      ['a', 'b \\|'],
    );
    assert.deepEqual([splitCells('|a||', 0, 4).length, githubCells('|a||', 0, 4).length], [1, 2]);
  });

  it('knows delimiter rows', () => {
    assert.ok(isDelimiterRow('| --- | :-: |'));
    assert.ok(isDelimiterRow('---|---'));
    assert.ok(isDelimiterRow(':--'));
    // Dashes alone are one cell: Goldmark reads a lazy `--` under `> a` as a delimiter row (tableCases.ts).
    assert.ok(isDelimiterRow('---'));
    assert.ok(!isDelimiterRow('| a | b |'));
    assert.ok(!isDelimiterRow('| | - |'));
    assert.ok(!isDelimiterRow('|'));
    // A vertical tab in a cell: Go's \s has none (no table in Hugo), cmark-gfm's blanks do.
    assert.ok(!isDelimiterRow('| -\v |'));
    assert.ok(isDelimiterRow('| -\v |', 'github'));
  });

  it('finds rendered and broken tables, also inside a paragraph and a block quote', () => {
    const text = '| A | B |\n| --- | --- |\n| 1 | 2 |\n\nIntro\n| H | I |\n|---|\n\n> | Q | R |\n> | - | - |\n';
    const found = tables(text);
    assert.deepEqual(
      found.map((t) => [t.header.line, t.rendered, t.header.cells.length, t.delimiter.cells.length, t.rows.length]),
      [
        [0, true, 2, 2, 1],
        [5, false, 2, 1, 0],
        [8, true, 2, 2, 0],
      ],
    );
  });

  it('ignores pipes in code blocks', () => {
    assert.deepEqual(tables('```\n| a | b |\n| --- |\n```\n'), []);
  });

  for (const c of TABLE_CASES) {
    it(`reads as Hugo and GitHub do: ${c.name}`, () => {
      const { lines, paragraphs } = read(c.markdown);
      const hugo = scanTables(c.markdown, lines, paragraphs)
        .filter((t) => t.rendered)
        .map((t) =>
          fitRows(
            [t.header, ...t.rows].map((r) => r.cells.map((x) => renderCell(x.text, 'goldmark'))),
            t.delimiter.cells.length,
          ),
        );
      const github = githubTables(c.markdown, lines, paragraphs).map((t) =>
        fitRows(
          [t.header, ...t.rows].map((r) => r.cells.map((x) => renderCell(x.text, 'github'))),
          t.delimiter.cells.length,
        ),
      );
      assert.deepEqual({ hugo, github }, { hugo: c.hugo, github: c.github });
    });
  }

  it('a table on a list marker line: rows start after the marker and the content indentation', () => {
    const text = '- | a | b |\n  | - | - |\n  | 1 | 2 |\n\n1. | c |\n   | :-: |\n';
    const [bullet, ordered] = tables(text);
    assert.deepEqual(
      [bullet.header, bullet.delimiter, ...bullet.rows].map((r) => rowOf(text, r)),
      [
        [
          0,
          '| a | b |',
          [
            ['a', 'a'],
            ['b', 'b'],
          ],
        ],
        [
          1,
          '| - | - |',
          [
            ['-', '-'],
            ['-', '-'],
          ],
        ],
        [
          2,
          '| 1 | 2 |',
          [
            ['1', '1'],
            ['2', '2'],
          ],
        ],
      ],
    );
    assert.deepEqual(
      [bullet.header.span, bullet.delimiter.span, bullet.rows[0].span],
      [
        { start: 2, end: 11 },
        { start: 14, end: 23 },
        { start: 26, end: 35 },
      ],
    );
    assert.deepEqual([ordered.header.span, ordered.delimiter.span, ordered.rendered], [{ start: 40, end: 45 }, { start: 49, end: 56 }, true]);
    assert.deepEqual(bullet.github, { rendered: true, rows: 1 });
  });

  it('a second delimiter-like row is a body row, with its own cells', () => {
    const text = '| a | b |\n| - | - |\n| 1 | 2 |\n| - | - | - |\n| 3 |\n';
    const [t] = tables(text);
    assert.deepEqual(
      t.rows.map((r) => rowOf(text, r)),
      [
        [
          2,
          '| 1 | 2 |',
          [
            ['1', '1'],
            ['2', '2'],
          ],
        ],
        [
          3,
          '| - | - | - |',
          [
            ['-', '-'],
            ['-', '-'],
            ['-', '-'],
          ],
        ],
        [4, '| 3 |', [['3', '3']]],
      ],
    );
    assert.deepEqual(t.rows[1].span, { start: 30, end: 43 });
  });

  it('no table where the delimiter row is indented four columns, in a list item too', () => {
    for (const text of ['| a | b |\n    | - | - |\n', '| a | b |\n\t| - | - |\n', '- | a | b |\n      | - | - |\n', '>     | a |\n> | - |\n']) {
      assert.deepEqual(tables(text), [], JSON.stringify(text));
    }
    // Three columns in is still a delimiter row; its span starts at its first pipe.
    const text = '| a | b |\n   | - | - |\n';
    assert.deepEqual(tables(text)[0].delimiter.span, { start: 13, end: 22 });
  });

  it('a delimiter row without a pipe makes a one-column table', () => {
    const text = 'a\n:--\nb\n';
    const [t] = tables(text);
    assert.deepEqual(
      [t.header, t.delimiter, ...t.rows].map((r) => rowOf(text, r)),
      [
        [0, 'a', [['a', 'a']]],
        [1, ':--', [[':--', ':--']]],
        [2, 'b', [['b', 'b']]],
      ],
    );
    assert.equal(t.rendered, true);
  });

  it('tables in block quotes and nested lists: spans after every marker', () => {
    const text = '> | a | b |\n> | - | - |\n| 1 | 2 |\n\n- x\n  - > | c |\n    > | - |\n';
    const [quoted, nested] = tables(text);
    assert.deepEqual(
      [quoted.header, quoted.delimiter, ...quoted.rows].map((r) => [r.line, r.span]),
      [
        [0, { start: 2, end: 11 }],
        [1, { start: 14, end: 23 }],
        [2, { start: 24, end: 33 }],
      ],
    );
    // The last row is a lazy line: a body row in Hugo, not on GitHub.
    assert.deepEqual(quoted.github, { rendered: true, rows: 0 });
    assert.deepEqual(
      [nested.header, nested.delimiter].map((r) => rowOf(text, r)),
      [
        [5, '| c |', [['c', 'c']]],
        [6, '| - |', [['-', '-']]],
      ],
    );
  });

  it('a header wider than the first delimiter row: no table in Hugo, GitHub shows the later one', () => {
    const [t] = tables('| a | b | c |\n| - | - |\n| x | y |\n| - | - |\n| 1 | 2 |\n');
    assert.equal(t.rendered, false);
    assert.deepEqual(t.github, { rendered: false, rows: 0, laterDelimiterLine: 3 });
  });

  it('a pipe inside a shortcode call splits no cell, also after an include call its file replaced', () => {
    // Shorter than the call: a span of the call's length would reach into the table below.
    const included = sourceFile('/s/assets/includes/nav.md', 'Nav.\n');
    const text = '---\ntitle: T\n---\n\n{{% include "includes/nav.md" %}}\n\n| Name | Value |\n| --- | --- |\n| {{< icon "a|b" >}} | 1 |\n';
    const model = buildPageModel(sourceFile('/s/content/p.md', text), {
      kind: 'page',
      include: () => ({ resolution: { kind: 'found', path: included.path, root: '/s/assets', leadingSlash: false }, target: included }),
    });
    assert.deepEqual(model.includes[0].expandedSpan, { start: 18, end: 23 });
    assert.deepEqual(
      [model.tables[0].header, ...model.tables[0].rows].map((r) => r.cells.map((c) => [c.text, text.slice(c.span.start, c.span.end)])),
      [
        [
          ['Name', 'Name'],
          ['Value', 'Value'],
        ],
        [
          ['{{< icon "a|b" >}}', '{{< icon "a|b" >}}'],
          ['1', '1'],
        ],
      ],
    );
  });

  it('marks the lines Goldmark makes a table of, and a setext heading under one after it', () => {
    const text = 'x\n| a | b |\n| - | - |\n| 1 | 2 |\n---\n\ny\n| a |\n| - |\n===\n';
    const blocks = parseBlocks(text, new LineIndex(text).lineCount);
    assert.deepEqual(blocks.tables, [
      { line: 1, endLine: 3 },
      { line: 7, endLine: 8 },
    ]);
    // Goldmark takes the table out of the heading's lines: what is left above it is the heading.
    assert.deepEqual(
      blocks.headings.map((h) => [h.level, h.line, h.textLine, h.content]),
      [
        [2, 0, 0, 'x'],
        [1, 6, 6, 'y'],
      ],
    );
  });
});
