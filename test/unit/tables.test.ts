import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBlocks } from '../../server/src/core/markdown/blocks';
import { isDelimiterRow, scanTables, splitCells } from '../../server/src/core/markdown/tables';
import { LineIndex } from '../../server/src/core/text';

const tables = (text: string) => {
  const lines = new LineIndex(text);
  return scanTables(text, lines, parseBlocks(text, lines.lineCount).paragraphs);
};

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
  });

  it('knows delimiter rows', () => {
    assert.ok(isDelimiterRow('| --- | :-: |'));
    assert.ok(isDelimiterRow('---|---'));
    assert.ok(!isDelimiterRow('---'));
    assert.ok(!isDelimiterRow('| a | b |'));
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
});
