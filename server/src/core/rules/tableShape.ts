import { ALL_KINDS, replaceFix, type Rule } from './rule';

/**
 * Tables as Goldmark (Hugo 0.111) renders them, where the delimiter row sets the width: a header
 * wider than it means no table at all (the lines render as a paragraph of pipes); a narrower header
 * gets empty cells, and GitHub and other GFM renderers show no table; a body row with more cells
 * than the delimiter row loses the extra ones; one with fewer is padded with empty cells.
 */
export const tableShape: Rule = {
  code: 'table-shape',
  defaultSeverity: 'error',
  summary: "A table's delimiter row (or a body row) has a different number of cells than its header row.",
  appliesTo: ALL_KINDS,
  check(ctx) {
    for (const t of ctx.model.tables) {
      const n = t.header.cells.length;
      const m = t.delimiter.cells.length;
      if (n !== m) {
        ctx.report({
          span: { start: t.header.span.start, end: t.delimiter.span.end },
          severity: t.rendered ? 'warning' : undefined,
          message: t.rendered
            ? `Delimiter row has ${m} cells, header row ${n}: GitHub shows no table; make them match.`
            : `Delimiter row has ${m} cell${m === 1 ? '' : 's'}, header row ${n}: Hugo renders no table; make them match.`,
          detail: t.rendered
            ? `Hugo adds ${m - n} empty header cell${m - n === 1 ? '' : 's'}; GitHub and other Markdown renderers show no table at all.`
            : 'Hugo renders the lines as a paragraph of pipes.',
          related: [{ file: ctx.model.file.path, span: t.delimiter.span, message: `Delimiter row with ${m} cell${m === 1 ? '' : 's'}.` }],
          fixes: [
            {
              title: `Make the delimiter row ${n} cells wide`,
              preferred: true,
              edits: [
                {
                  span: t.delimiter.span,
                  newText: delimiterRow(
                    t.delimiter.cells.map((c) => c.text),
                    n,
                  ),
                },
              ],
            },
          ],
          data: { header: n, delimiter: m, rendered: t.rendered },
        });
      }
      if (!t.rendered) continue;
      // Body rows are measured against the delimiter row, which sets the rendered width.
      for (const row of t.rows) {
        // An empty last cell written "||" is not one of Goldmark's cells, but the empty cell it pads
        // the row with is the same: count it as written.
        const k = row.cells.length + (row.cells.length < m && /(^|[^\\])\|\|$/.test(ctx.model.file.text.slice(row.span.start, row.span.end)) ? 1 : 0);
        // With a header that disagrees with the delimiter row, that one finding covers the short rows.
        if (k === m || (n !== m && k < m)) continue;
        ctx.report({
          span: row.span,
          severity: k > m ? undefined : 'warning',
          message:
            k > m
              ? `This row has ${k} cells but the table has ${m} columns: Hugo drops the last ${k - m}.`
              : `This row has ${k} cell${k === 1 ? '' : 's'} but the table has ${m} columns: Hugo fills in ${m - k} empty one${m - k === 1 ? '' : 's'}.`,
          detail: 'The delimiter row sets how many columns the table has.',
          // Writing the empty cells Hugo adds anyway is safe; which cells are extra is not knowable.
          // Not at the end of a row that ends inside a shortcode call: the cells would join the call.
          fixes:
            k < m && !row.endsInCall
              ? [
                  replaceFix(
                    `Add ${m - k} empty cell${m - k === 1 ? '' : 's'}`,
                    row.span,
                    paddedRow(ctx.model.file.text.slice(row.span.start, row.span.end), m - k),
                  ),
                ]
              : [],
          data: { columns: m, row: k },
        });
      }
    }
  },
};

/** A delimiter row of `n` cells that keeps the alignment of the existing cells where there is one. */
export function delimiterRow(existing: string[], n: number): string {
  const cells = Array.from({ length: n }, (_, i) => {
    const c = existing[i]?.trim() ?? '';
    const left = c.startsWith(':');
    const right = c.endsWith(':') && c.length > 1;
    return `${left ? ':' : ''}---${right ? ':' : ''}`;
  });
  return `| ${cells.join(' | ')} |`;
}

/** A row with `missing` empty cells added at its end (closed with a pipe first when it has none). */
export function paddedRow(row: string, missing: number): string {
  const text = row.trimEnd();
  const closed = /(^|[^\\])\|$/.test(text) ? text : `${text} |`;
  return closed + '  |'.repeat(missing);
}
