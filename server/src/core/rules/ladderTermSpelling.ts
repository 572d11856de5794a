import { placeInLadder, sameTermKey, termKey } from '../model/ladder';
import { replaceFix, type Rule } from './rule';

/** The same responsibility term keeps the same spelling on every level of a track. */
export const ladderTermSpelling: Rule = {
  code: 'ladder-term-spelling',
  defaultSeverity: 'warning',
  summary: 'A responsibility term is spelled differently than on the other levels of the track.',
  appliesTo: ['career-page'],
  check(ctx) {
    const place = placeInLadder(ctx.model.file.path, ctx.ladder);
    if (!place) return;
    const { pages } = place;
    const here = pages[place.index];
    // The spelling of the lowest level that has the term is the track's; later levels follow it.
    const lower = pages.filter((p) => p.rank < here.rank || (p.rank === here.rank && p.path < here.path));
    for (const term of here.terms) {
      const key = termKey(term.text);
      const first = lower.flatMap((p) => p.terms.map((t) => ({ page: p, term: t }))).find(({ term: t }) => sameTermKey(termKey(t.text), key));
      if (!first || first.term.text === term.text) continue;
      ctx.report({
        span: term.span,
        message: `"${term.text}" is written "${first.term.text}" at the ${first.page.level} level: use one spelling.`,
        detail: `As in ${ctx.site.label(first.page.path)}: the lowest level that has a term sets its spelling for the track.`,
        related: [{ file: first.page.path, span: first.term.span, message: `"${first.term.text}" at the ${first.page.level} level.` }],
        fixes: [replaceFix(`Write "${first.term.text}"`, term.span, first.term.text)],
        data: { term: term.text, elsewhere: first.term.text },
      });
    }
  },
};
