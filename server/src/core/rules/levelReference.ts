import { closest } from 'fastest-levenshtein';
import { jobFamilyOf, normalizeName } from '../model/jobFamily';
import { LineKind } from '../markdown/blocks';
import { replaceFix, type Rule } from './rule';

// "All of the responsibilities listed for <level>", "All requirements of the <level> role", ...
const REFERENCE =
  /\b(?:responsibilities|requirements)\s+(?:listed\s+|described\s+|outlined\s+)?(?:for|of|in)\s+(?:the\s+|an?\s+)?([A-Z][^.;\n]*?)(?:\s+(?:role|level|position|job))?(?=[.;,]?\s*$|[.;])/gm;

/** "All of the responsibilities listed for X" on a job-family page must name one of its levels. */
export const levelReference: Rule = {
  code: 'level-reference',
  defaultSeverity: 'error',
  summary: 'A job-family page refers to the responsibilities or requirements of a level it does not have.',
  appliesTo: ['job-family'],
  check(ctx) {
    const { model } = ctx;
    const levels = jobFamilyOf(model).levels;
    if (!levels.length) return;
    const names = levels.map((l) => l.name);
    const text = model.file.text;
    for (const m of text.slice(model.bodyStart).matchAll(REFERENCE)) {
      const nameStart = model.bodyStart + m.index! + m[0].indexOf(m[1]);
      const exp = model.expanded.fromPage(nameStart);
      if (exp !== undefined && model.blocks.lineKinds[model.expanded.lines.positionAt(exp).line] === LineKind.Code) continue;
      const written = m[1].trim();
      if (names.some((n) => normalizeName(n) === normalizeName(written))) continue;
      // The level before the one whose section holds the reference is the usual meaning.
      const here = levels.findIndex((l) => nameStart >= l.body.start && nameStart < l.body.end);
      const suggestion = here > 0 ? names[here - 1] : closest(written, names);
      const span = { start: nameStart, end: nameStart + written.length };
      ctx.report({
        span,
        message: `"${written}" is not a level on this page; did you mean "${suggestion}"?`,
        detail: `Its levels are ${names.map((n) => `"${n}"`).join(', ')}.`,
        fixes: [replaceFix(`Change to "${suggestion}"`, span, suggestion)],
        data: { written, suggestion },
      });
    }
  },
};
