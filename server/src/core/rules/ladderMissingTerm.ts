import { placeInLadder, proseKey, termKey } from '../model/ladder';
import { responsibilityTables } from '../schema/instance';
import type { Rule } from './rule';

/**
 * A responsibility term of one level is still there at the next level up, unless the page says why
 * (mentions the term anywhere outside the table, e.g. "Dogfood build is owned by ... at this level").
 */
export const ladderMissingTerm: Rule = {
  code: 'ladder-missing-term',
  defaultSeverity: 'warning',
  summary: "A responsibility term of the level below is missing from this level's table, and the page does not say why.",
  appliesTo: ['career-page'],
  check(ctx) {
    const place = placeInLadder(ctx.model.file.path, ctx.ladder);
    if (!place || place.index === 0) return;
    const { pages, index: i } = place;
    const here = pages[i];
    const below = pages[i - 1];
    const tables = responsibilityTables(ctx.model);
    if (!tables.length || !below.terms.length) return;
    const have = new Set(here.terms.map((t) => termKey(t.text)));
    const explained = proseKey(ctx.model);
    for (const term of below.terms) {
      const key = termKey(term.text);
      if (have.has(key) || explained.includes(key)) continue;
      ctx.report({
        span: tables[0].header.span,
        message: `"${term.text}" (${below.level} level) is missing here: add its row, or say on the page why not.`,
        detail: `It is a responsibility at the ${below.level} level (${ctx.site.label(below.path)}). A page that mentions the term outside the table is taken to say why it no longer applies.`,
        related: [{ file: below.path, span: term.span, message: `"${term.text}" at the ${below.level} level.` }],
        data: { term: term.text, below: below.path },
      });
    }
  },
};
