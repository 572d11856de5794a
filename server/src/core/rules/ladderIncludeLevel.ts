import { levelOfFile, levelsIn } from '../model/ladder';
import { basename } from '../paths';
import { replaceFix, type Rule } from './rule';

/** Each level page includes the competency files of its own level, not a neighbour's. */
export const ladderIncludeLevel: Rule = {
  code: 'ladder-include-level',
  defaultSeverity: 'error',
  summary: 'A level page includes a competency file of another level (e.g. senior.md including intermediate-leadership-competency.md).',
  appliesTo: ['career-page'],
  check(ctx) {
    const level = levelOfFile(ctx.model.file.path);
    if (!level) return;
    for (const inc of ctx.model.includes) {
      if (!inc.argument) continue;
      const named = levelsIn(basename(inc.path).replace(/[-_]/g, ' '));
      const other = named.find((n) => n !== level);
      if (!other || named.includes(level)) continue;
      const fixed = inc.path.replace(new RegExp(`(^|[/_-])${other}(?=[-_.])`, 'i'), (_match, pre: string) => `${pre}${level}`);
      const exists = fixed !== inc.path && ctx.site.resolver.resolve(fixed).kind === 'found';
      ctx.report({
        span: inc.argument.valueSpan,
        message: `The ${level} page includes ${other} competencies` + (exists ? `: include "${fixed}" instead.` : ` (${basename(inc.path)}).`),
        detail: `Each level page includes the competency files of its own level; ${basename(inc.path)} is a file of the ${other} level.`,
        fixes: exists ? [replaceFix(`Include "${fixed}"`, inc.argument.valueSpan, fixed)] : [],
        data: { level, other, suggestion: exists ? fixed : undefined },
      });
    }
  },
};
