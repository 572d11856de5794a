import { relativePath } from '../paths';
import { PAGE_KINDS_ONLY, type Rule } from './rule';

/** Found only because Hugo's resource lookup ignores case; editors, Git hosts and other tools do not. */
export const includeCase: Rule = {
  code: 'include-case',
  defaultSeverity: 'warning',
  summary: 'An include path matches its file only when case is ignored (Hugo does; most other tools do not).',
  appliesTo: PAGE_KINDS_ONLY,
  check(ctx) {
    for (const inc of ctx.model.includes) {
      const r = inc.resolution;
      if (r.kind !== 'case-mismatch' || !inc.argument) continue;
      const real = relativePath(r.root, r.path);
      ctx.report({
        span: inc.argument.valueSpan,
        message: `The file is ${ctx.site.label(r.path)}: "${inc.path}" finds it only because Hugo ignores case. Write "${real}".`,
        fixes: [{ title: `Change to "${real}"`, preferred: true, edits: [{ span: inc.argument.valueSpan, newText: real }] }],
      });
    }
  },
};
