import { PAGE_KINDS_ONLY, replaceFix, type Rule } from './rule';

// Hugo runs shortcodes before Markdown, so a shortcode in a code block, in inline code or in an HTML
// comment still runs (observed with Hugo 0.111: an include in a fence is replaced by the file's text;
// a missing one fails the build). To show a shortcode literally, Hugo's escaped form is
// {{</* name */>}} / {{%/* name */%}}.
export const shortcodeInCode: Rule = {
  code: 'shortcode-in-code',
  defaultSeverity: 'warning',
  summary: 'A shortcode inside code or an HTML comment still runs in Hugo; escape it to show it literally.',
  appliesTo: PAGE_KINDS_ONLY,
  check(ctx) {
    const text = ctx.model.file.text;
    for (const { call, context } of ctx.model.shortcodes) {
      if (context === 'text' || call.problems.some((p) => p.fatal)) continue;
      const where = context === 'code-block' ? 'in a code block' : context === 'code-span' ? 'in inline code' : 'in an HTML comment';
      const effect =
        context === 'html-comment'
          ? 'Its output is hidden by the comment, but it still runs (and a missing include still fails the build).'
          : 'Its output replaces it in the code.';
      const d = call.delimiter;
      const original = text.slice(call.span.start, call.span.end);
      const inner = original.slice(3, -3);
      ctx.report({
        span: call.span,
        message: `This shortcode runs even ${where}: escape it as {{${d}/* … */${d === '<' ? '>' : '%'}}} to show it.`,
        detail: `Hugo runs shortcodes before it reads Markdown, so code and comments do not stop them. ${effect}`,
        fixes: original.endsWith('}}') ? [replaceFix('Escape the shortcode', call.span, `{{${d}/*${inner}*/${d === '<' ? '>' : '%'}}}`)] : [],
        data: { context },
      });
    }
  },
};
