import { ALL_KINDS, type Rule } from './rule';

/**
 * GitHub-flavoured tables as Goldmark renders them: a delimiter row whose cell count differs from the
 * header's means no table at all (the lines render as a paragraph of pipes); a body row with more
 * cells than the header loses the extra ones; one with fewer is padded with empty cells.
 */
export const tableShape: Rule = {
  code: 'table-shape',
  defaultSeverity: 'error',
  summary: 'A table\'s delimiter row (or a body row) has a different number of cells than its header row.',
  appliesTo: ALL_KINDS,
  check(ctx) {
    for (const t of ctx.model.tables) {
      const n = t.header.cells.length;
      if (!t.rendered) {
        const m = t.delimiter.cells.length;
        ctx.report({
          span: { start: t.header.span.start, end: t.delimiter.span.end },
          message: `The delimiter row has ${m} cell${m === 1 ? '' : 's'} but the header row has ${n}: Hugo renders no table here, only a paragraph of pipes.`,
          related: [{ file: ctx.model.file.path, span: t.delimiter.span, message: `Delimiter row with ${m} cells.` }],
          fixes: [{
            title: `Make the delimiter row ${n} cells wide`, preferred: true,
            edits: [{ span: t.delimiter.span, newText: delimiterRow(t.delimiter.cells.map((c) => c.text), n) }],
          }],
          data: { header: n, delimiter: m },
        });
        continue;
      }
      for (const row of t.rows) {
        const k = row.cells.length;
        if (k === n) continue;
        ctx.report({
          span: row.span,
          severity: k > n ? undefined : 'warning',
          message: k > n
            ? `This row has ${k} cells but the header has ${n}: Hugo drops the last ${k - n}.`
            : `This row has ${k} cell${k === 1 ? '' : 's'} but the header has ${n}: Hugo fills in ${n - k} empty one${n - k === 1 ? '' : 's'}.`,
          data: { header: n, row: k },
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
