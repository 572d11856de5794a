import { relativePath } from '../paths';
import { PAGE_KINDS_ONLY, replaceFix, type Rule } from './rule';

/**
 * A path that names its file only when case is ignored. Hugo 0.111 looks include paths up
 * case-sensitively on Linux (and caches look-ups under a case-folded key, so the outcome can depend on
 * which page renders first): the build fails, or worse, fails sometimes.
 */
export const includeCase: Rule = {
  code: 'include-case',
  defaultSeverity: 'error',
  summary: 'An include path names its file only when letter case is ignored: Hugo looks it up case-sensitively and the build fails.',
  appliesTo: PAGE_KINDS_ONLY,
  check(ctx) {
    for (const inc of ctx.model.includes) {
      const r = inc.resolution;
      if (r.kind !== 'case-mismatch' || !inc.argument) continue;
      const real = relativePath(r.root, r.path);
      ctx.report({
        span: inc.argument.valueSpan,
        message: `No file "${inc.path}" (letter case differs); write "${real}".`,
        detail: `The file is ${ctx.site.label(r.path)}. Hugo looks include paths up case-sensitively and fails the build (its look-up cache can even make it pass or fail by page order).`,
        fixes: [replaceFix(`Change to "${real}"`, inc.argument.valueSpan, real)],
      });
    }
  },
};
