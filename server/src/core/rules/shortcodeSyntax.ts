import { problemFixes } from './includeSyntax';
import { PAGE_KINDS_ONLY, type Rule } from './rule';

/** Shortcode calls (other than include, see include-syntax) that Hugo's shortcode lexer rejects. */
export const shortcodeSyntax: Rule = {
  code: 'shortcode-syntax',
  defaultSeverity: 'error',
  summary: 'A shortcode call is malformed (unclosed, mismatched delimiters, unquoted argument, ...): Hugo stops the build.',
  appliesTo: PAGE_KINDS_ONLY,
  check(ctx) {
    for (const { call } of ctx.model.shortcodes) {
      if (call.name === 'include') continue; // include-syntax's
      for (const p of call.problems) {
        ctx.report({ span: p.span, message: p.message, detail: p.detail, severity: p.fatal ? undefined : 'warning', fixes: problemFixes(p, call.delimiter) });
      }
    }
  },
};
