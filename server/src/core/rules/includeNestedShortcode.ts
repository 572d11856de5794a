import { ALL_KINDS, type Rule } from './rule';

/** Hugo does not process shortcodes in an included file's text: they reach the page as literal text. */
export const includeNestedShortcode: Rule = {
  code: 'include-nested-shortcode',
  defaultSeverity: 'warning',
  summary: 'An include file contains a shortcode; Hugo does not run shortcodes in included text, so it shows literally on the page.',
  appliesTo: ALL_KINDS,
  check(ctx) {
    const { model } = ctx;
    if (model.kind !== 'include') return;
    for (const { call, context } of model.shortcodes) {
      if (context === 'code-block' || context === 'code-span') continue;
      const what = call.name ? `{{${call.delimiter} ${call.closing ? '/' : ''}${call.name} ${call.delimiter === '<' ? '>' : '%'}}}` : 'this shortcode';
      ctx.report({
        span: call.span,
        message:
          call.name === 'include'
            ? `${what} does not run in an included file: include that file from the page instead.`
            : `${what} shows as literal text: Hugo does not run shortcodes in included files.`,
        detail:
          `Hugo does not run shortcodes inside included files: ${what} appears as written on every page that includes this file.` +
          (call.name === 'include' ? ' Includes do not nest.' : ' Write what it would produce, or move the shortcode to the pages.'),
        data: { name: call.name },
      });
    }
    for (const e of model.escapedShortcodes) {
      if (e.context === 'code-block' || e.context === 'code-span') continue;
      ctx.report({
        span: e.span,
        message: 'This escaped shortcode shows with its /* */ markers: write it as plain text or in code.',
        detail: 'Included text is not processed, so the escape is not removed.',
      });
    }
  },
};
