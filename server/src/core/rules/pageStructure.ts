import { ALL_KINDS, type Rule } from './rule';

/** The outline (after include expansion) checked against the page kind's schema. */
export const pageStructure: Rule = {
  code: 'page-structure',
  defaultSeverity: 'warning',
  summary: "The page outline breaks its kind's schema (e.g. a career page that does not start with a level-2 role heading).",
  appliesTo: ALL_KINDS,
  check(ctx) {
    for (const f of ctx.schemaFindings()) {
      if (f.code === 'page-structure') ctx.report({ span: f.span, message: f.message, detail: f.detail, severity: f.severity, data: { pointer: f.pointer } });
    }
  },
};
