import { PAGE_KINDS_ONLY, type Rule, wholeLine } from './rule';

/**
 * The same file included twice on one page. Hugo accepts it, and a file that brings no heading and
 * no id (a row of nav links at the top and the bottom of a page) may well be meant twice; one that
 * brings headings or ids repeats them: the outline and the table of contents list them twice, the
 * second copy's ids become "-1", and links to them land on the first copy.
 */
export const includeRepeated: Rule = {
  code: 'include-repeated',
  defaultSeverity: 'warning',
  summary: 'A page includes the same file twice, and its headings or ids repeat on the page.',
  appliesTo: PAGE_KINDS_ONLY,
  check(ctx) {
    const { model } = ctx;
    const first = new Map<string, number>();
    const lines = model.file.lines;
    const anchors = [...model.anchors.values()].flat();
    for (const inc of model.includes) {
      const r = inc.resolution;
      if (r.kind !== 'found' && r.kind !== 'case-mismatch') continue;
      const headings = model.headings.filter((h) => h.include === inc.index);
      const ids = headings.length || anchors.some((a) => a.include === inc.index);
      const earlier = first.get(r.path);
      if (earlier === undefined) {
        if (ids) first.set(r.path, inc.index);
        continue;
      }
      if (!ids) continue;
      const before = model.includes[earlier];
      const line = lines.positionAt(before.call.span.start).line + 1;
      ctx.report({
        span: inc.call.span,
        message: `${ctx.site.label(r.path)} is already included on line ${line}: its ${headings.length ? 'headings and ids' : 'ids'} repeat.`,
        detail:
          'Hugo renders the file twice: the outline and the table of contents list its headings twice, ' +
          (headings.length ? `this copy's first heading gets the id "#${headings[0].id}", ` : '') +
          'and links to them land on the first copy. Remove one of the calls, or include the part that differs from its own file.',
        related: [{ file: model.file.path, span: before.call.span, message: 'First included here.' }],
        fixes: [
          {
            title: 'Remove this include',
            edits: [{ span: wholeLine(model.file.text, inc.call.span), newText: '' }],
          },
        ],
        data: { file: r.path, first: line },
      });
    }
  },
};
