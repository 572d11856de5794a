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
        message: 'include has no closing tag: remove it.',
        detail: 'include takes no inner content: Hugo stops the build ("does not evaluate .Inner, yet a closing tag was provided").',
        fixes: [replaceFix('Remove the closing tag', call.span, '')],
      });
    }
    for (const inc of ctx.model.includes) {
      const { call } = inc;
      for (const p of call.problems)
        ctx.report({
          span: p.span,
          message: p.message,
          detail: p.detail,
          severity: p.fatal ? undefined : 'warning',
          fixes: problemFixes(p, call.delimiter),
        });
      if (call.problems.some((p) => p.fatal)) continue;
      const named = call.params.find((p) => p.name !== undefined);
      if (!inc.argument) {
        ctx.report({
          span: named ? named.span : call.span,
          message: named
            ? `Write the path without "${named.name}=": {{% include "includes/file.md" %}}.`
            : 'include needs a file path: {{% include "includes/file.md" %}}.',
          detail: named
            ? 'include reads its first, unnamed parameter: with a named one it finds nothing and the build fails.'
            : 'The path names a file under assets/ (the include roots); without one the build fails.',
        });
        continue;
      }
      if (!inc.path.trim()) {
        ctx.report({
          span: inc.argument.span,
          message: 'The include path is empty: name a file under assets/.',
          detail: 'Hugo finds nothing and the build fails.',
        });
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
          message: 'This "-" trims nothing: remove it.',
          detail: 'Hugo shortcodes have no trim markers: the "-" is read as one more (ignored) parameter.',
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
          message: `Write "${fixed}" without the leading "/".`,
          detail: 'Hugo resolves include paths under assets/ and ignores the leading "/"; without it the path does not read as a file-system path.',
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
