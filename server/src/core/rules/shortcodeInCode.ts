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
      const where = context === 'code-block' ? 'inside a code block' : context === 'code-span' ? 'inside inline code' : 'inside an HTML comment';
      const effect =
        context === 'html-comment'
          ? 'its output is hidden, but it still runs (and a missing include still fails the build)'
          : 'its output replaces it in the code';
      const d = call.delimiter;
      const original = text.slice(call.span.start, call.span.end);
      const inner = original.slice(3, -3);
      ctx.report({
        span: call.span,
        message: `Hugo runs shortcodes ${where} too: ${effect}. To show it literally, write it as {{${d}/* ... */${d === '<' ? '>' : '%'}}}.`,
        fixes: original.endsWith('}}') ? [replaceFix('Escape the shortcode', call.span, `{{${d}/*${inner}*/${d === '<' ? '>' : '%'}}}`)] : [],
        data: { context },
      });
    }
  },
};
