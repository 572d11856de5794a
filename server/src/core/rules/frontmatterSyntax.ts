import { PAGE_KINDS_ONLY, type Rule } from './rule';

/** Front matter Hugo cannot read: invalid YAML, an unclosed block, something other than a mapping. */
export const frontmatterSyntax: Rule = {
  code: 'frontmatter-syntax',
  defaultSeverity: 'error',
  summary: 'The front matter is not valid YAML (or is not closed): Hugo fails to build the page.',
  appliesTo: PAGE_KINDS_ONLY,
  check(ctx) {
    for (const p of ctx.model.frontmatter?.problems ?? []) {
      ctx.report({ span: p.span, message: p.message, detail: p.detail, severity: p.severity });
    }
  },
};
