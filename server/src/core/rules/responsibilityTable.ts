import { responsibilityTables } from '../schema/instance';
import { ALL_KINDS, type Rule } from './rule';

/**
 * `| Responsibility | Description |` tables: two columns, a term and a description in every row,
 * each term once (schema), and the same term not written twice with different case (here).
 */
export const responsibilityTable: Rule = {
  code: 'responsibility-table',
  defaultSeverity: 'error',
  summary: 'A "| Responsibility | Description |" table has an empty cell, a repeated term or the wrong columns.',
  appliesTo: ALL_KINDS,
  check(ctx) {
    for (const f of ctx.schemaFindings()) {
      if (f.code !== 'responsibility-table') continue;
      ctx.report({
        span: f.span,
        message: f.message,
        detail: f.detail,
        severity: f.severity,
        related: f.firstSpan ? [{ file: ctx.model.file.path, span: f.firstSpan, message: 'First written here.' }] : undefined,
        data: { pointer: f.pointer },
      });
    }
    for (const table of responsibilityTables(ctx.model)) {
      const seen = new Map<string, { text: string; span: { start: number; end: number } }>();
      for (const row of table.rows) {
        const cell = row.cells[0];
        if (!cell?.text) continue;
        const key = cell.text.toLowerCase().replace(/\s+/g, ' ');
        const first = seen.get(key);
        if (!first) seen.set(key, cell);
        else if (first.text !== cell.text) {
          ctx.report({
            span: cell.span,
            severity: 'warning',
            message: `"${cell.text}" repeats the term "${first.text}": keep one row per term.`,
            detail: 'The two differ only in capitals or spacing, so they name the same responsibility.',
            related: [{ file: ctx.model.file.path, span: first.span, message: 'First written here.' }],
          });
        }
      }
    }
  },
};
