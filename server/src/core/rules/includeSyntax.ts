import type { Delimiter, ShortcodeProblem } from '../markdown/shortcodes';
import { type FixSpec, PAGE_KINDS_ONLY, replaceFix, type Rule } from './rule';

/** Include calls Hugo rejects or misreads: lexer errors, no path, a named path, a closing tag, extra parameters. */
export const includeSyntax: Rule = {
  code: 'include-syntax',
  defaultSeverity: 'error',
  summary: 'An include call is malformed: Hugo stops the build (or silently ignores part of it).',
  appliesTo: PAGE_KINDS_ONLY,
  check(ctx) {
    for (const { call } of ctx.model.shortcodes) {
      if (call.name !== 'include' || !call.closing) continue;
      ctx.report({
        span: call.span,
        message: 'include takes no inner content, so it has no closing tag: Hugo stops the build ("does not evaluate .Inner, yet a closing tag was provided").',
        fixes: [replaceFix('Remove the closing tag', call.span, '')],
      });
    }
    for (const inc of ctx.model.includes) {
      const { call } = inc;
      for (const p of call.problems)
        ctx.report({ span: p.span, message: p.message, severity: p.fatal ? undefined : 'warning', fixes: problemFixes(p, call.delimiter) });
      if (call.problems.some((p) => p.fatal)) continue;
      const named = call.params.find((p) => p.name !== undefined);
      if (!inc.argument) {
        ctx.report({
          span: named ? named.span : call.span,
          message: named
            ? `include takes the file path as its first, unnamed parameter ({{% include "includes/file.md" %}}), not ${named.name}=...: the include finds nothing and the build fails.`
            : 'include needs the path of a file under assets/, e.g. {{% include "includes/file.md" %}}.',
        });
        continue;
      }
      if (!inc.path.trim()) {
        ctx.report({ span: inc.argument.span, message: 'The include path is empty: Hugo finds nothing and the build fails.' });
        continue;
      }
      const extra = call.params.filter((p) => p !== inc.argument);
      if (extra.length) {
        const last = extra[extra.length - 1];
        ctx.report({
          span: { start: extra[0].span.start, end: last.span.end },
          severity: 'warning',
          tags: ['unnecessary'],
          message: `include reads only its first parameter; ${extra.length === 1 ? 'this one is' : 'these are'} ignored.`,
          fixes: [replaceFix('Remove the ignored parameters', { start: inc.argument.span.end, end: last.span.end }, '')],
        });
      }
      if (call.trailingDash) {
        ctx.report({
          span: call.trailingDash,
          severity: 'warning',
          tags: ['unnecessary'],
          message: 'Hugo shortcodes have no trim markers: this "-" is read as one more (ignored) parameter and trims nothing.',
          fixes: [
            replaceFix(
              'Remove the "-"',
              { start: call.trailingDash.start - (ctx.model.file.text[call.trailingDash.start - 1] === ' ' ? 1 : 0), end: call.trailingDash.end },
              '',
            ),
          ],
        });
      }
      if (inc.resolution.kind === 'found' && inc.resolution.leadingSlash) {
        const fixed = inc.path.replace(/^\/+/, '');
        ctx.report({
          span: inc.argument.valueSpan,
          severity: 'warning',
          message: `Hugo resolves include paths under assets/ and ignores the leading "/"; write "${fixed}" so it does not read as a file-system path.`,
          fixes: [replaceFix(`Change to "${fixed}"`, inc.argument.valueSpan, fixed)],
        });
      }
    }
  },
};

/** Fixes for lexer problems whose repair is certain. */
export function problemFixes(p: ShortcodeProblem, delimiter: Delimiter): FixSpec[] {
  if (p.kind === 'trim-marker') return [replaceFix('Remove the "-"', p.span, '')];
  if (p.kind === 'mismatched-delimiter') {
    const right = delimiter === '%' ? '%}}' : '>}}';
    return [replaceFix(`Close with ${right}`, p.span, right)];
  }
  return [];
}
