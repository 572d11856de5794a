import { closestWithin, TYPO_LIMITS } from '../suggest';
import { PAGE_KINDS_ONLY, replaceFix, type Rule } from './rule';

/**
 * A shortcode name with no template: Hugo stops the build ("template for shortcode ... not found").
 * Only checked when the site has shortcode templates of its own (layouts/shortcodes/), since a
 * theme module's shortcodes are not on disk: list those in `shortcodes` in .career-pages.jsonc.
 */
export const shortcodeUnknown: Rule = {
  code: 'shortcode-unknown',
  defaultSeverity: 'warning',
  summary: 'A shortcode name that neither the site, Hugo nor the configured theme list provides: Hugo would stop the build.',
  appliesTo: PAGE_KINDS_ONLY,
  check(ctx) {
    const catalog = ctx.site.shortcodes();
    if (!catalog.hasTemplates) return;
    const names = [...catalog.byName.keys()];
    for (const { call, context } of ctx.model.shortcodes) {
      if (!call.name || call.closing || context === 'code-block' || context === 'code-span' || catalog.byName.has(call.name)) continue;
      if (call.problems.some((p) => p.fatal)) continue;
      const suggestion = closestWithin(call.name, names, TYPO_LIMITS.name(call.name));
      ctx.report({
        span: call.nameSpan,
        message:
          `No shortcode "${call.name}"` +
          (suggestion ? `; did you mean "${suggestion}"?` : '; if the theme has it, list it in "shortcodes" (.career-pages.jsonc).'),
        detail:
          `Hugo stops the build ("template for shortcode ${JSON.stringify(call.name)} not found"). The site's shortcodes are its layouts/shortcodes/ templates, ` +
          'Hugo\'s built-ins and the configuration\'s "shortcodes" list.',
        fixes: suggestion ? [replaceFix(`Change to "${suggestion}"`, call.nameSpan, suggestion)] : [],
        data: { name: call.name, suggestion },
      });
    }
  },
};
