import type { ShortcodeCall } from '../markdown/shortcodes';
import { PAGE_KINDS_ONLY, replaceFix, type Rule } from './rule';

/**
 * Paired shortcodes (templates that read .Inner) need their closing tag, and a closing tag needs its
 * opener: Hugo stops the build otherwise. Calls in code and escaped forms are not looked at.
 */
export const shortcodeUnclosed: Rule = {
  code: 'shortcode-unclosed',
  defaultSeverity: 'error',
  summary: 'A shortcode that takes inner content is never closed, or a closing tag has no opening call.',
  appliesTo: PAGE_KINDS_ONLY,
  check(ctx) {
    const catalog = ctx.site.shortcodes();
    // Every opener goes on the stack (a closing tag may belong to a shortcode we know nothing of);
    // only those known to take inner content are reported when left open.
    const open: ShortcodeCall[] = [];
    const paired = (c: ShortcodeCall) => catalog.byName.get(c.name)?.paired ?? false;
    for (const { call, context } of ctx.model.shortcodes) {
      if (!call.name || context === 'code-block' || context === 'code-span') continue;
      const broken = call.problems.some((p) => p.fatal); // shortcode-syntax's; still pairs with its closer
      if (broken && call.closing) continue;
      if (call.closing) {
        const k = open.map((o) => o.name).lastIndexOf(call.name);
        if (k < 0) {
          ctx.report({
            span: call.span,
            message: `This closes "${call.name}", which is not open here: remove it, or open "${call.name}" above.`,
            detail: `Hugo stops the build ("closing tag for shortcode '${call.name}' does not match start tag").`,
          });
          continue;
        }
        // popped[0] is the opener this closes; paired ones opened after it and still open are unclosed.
        const popped = open.splice(k);
        const info = catalog.byName.get(call.name);
        if (info?.template && !info.paired) {
          ctx.report({
            span: call.span,
            message: `"${call.name}" has no closing tag: remove it.`,
            detail: `"${call.name}" takes no inner content (its template does not read .Inner): Hugo stops the build on a closing tag.`,
            fixes: [replaceFix('Remove the closing tag', call.span, '')],
          });
        }
        for (const inner of popped.slice(1)) if (paired(inner) && !inner.problems.some((p) => p.fatal)) reportUnclosed(inner);
        continue;
      }
      if (!call.selfClosing) open.push(call);
    }
    for (const o of open) if (paired(o) && !o.problems.some((p) => p.fatal)) reportUnclosed(o);

    function reportUnclosed(o: ShortcodeCall) {
      const d = o.delimiter;
      ctx.report({
        span: o.span,
        message: `"${o.name}" is never closed: add {{${d} /${o.name} ${d === '<' ? '>' : '%'}}} after its content.`,
        detail: `"${o.name}" takes inner content (its template reads .Inner): Hugo stops the build when it is not closed.`,
        data: { name: o.name },
      });
    }
  },
};
