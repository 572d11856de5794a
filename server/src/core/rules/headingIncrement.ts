import { ALL_KINDS, type FixSpec, replaceFix, type Rule } from './rule';

/**
 * Heading levels should go down one at a time in the rendered page. Included headings count where
 * they land: a jump they cause is reported at the include call, with the heading in the included
 * file as related information (markdownlint, which sees the page without includes, cannot see it).
 */
export const headingIncrement: Rule = {
  code: 'heading-increment',
  defaultSeverity: 'warning',
  summary: 'A heading is more than one level deeper than the heading before it, after include expansion.',
  appliesTo: ALL_KINDS,
  check(ctx) {
    const { model } = ctx;
    const reportedIncludes = new Set<number>();
    let previous: (typeof model.headings)[number] | undefined;
    for (const h of model.headings) {
      const prev = previous;
      previous = h;
      if (!prev || h.level <= prev.level + 1) continue;
      const from = `"${'#'.repeat(prev.level)} ${prev.text}"`;
      if (h.include !== undefined) {
        if (reportedIncludes.has(h.include)) continue;
        reportedIncludes.add(h.include);
        const inc = model.includes[h.include];
        ctx.report({
          span: inc.call.span,
          message: `Heading level jumps from ${prev.level} to ${h.level}: the included "${'#'.repeat(h.level)} ${h.text}" (${ctx.site.label(h.file)}) follows ${from}${prev.include === h.include ? '' : prev.include !== undefined ? ' (also included)' : ''}.`,
          related: [{ file: h.file, span: h.span, message: `Level-${h.level} heading included here.` }],
          data: { from: prev.level, to: h.level, includedFile: h.file },
        });
        continue;
      }
      const fixes: FixSpec[] = [];
      const text = model.file.text;
      if (!h.setext) {
        const hashes = /#{1,6}/.exec(text.slice(h.lineSpan.start, h.span.start));
        if (hashes) {
          const start = h.lineSpan.start + hashes.index;
          fixes.push(replaceFix(`Make it a level-${prev.level + 1} heading`, { start, end: start + hashes[0].length }, '#'.repeat(prev.level + 1)));
        }
      }
      ctx.report({
        span: h.span,
        message: `Heading level jumps from ${prev.level} to ${h.level} after ${from}${prev.include !== undefined ? ` (included from ${ctx.site.label(prev.file)})` : ''}; use level ${prev.level + 1}.`,
        related: prev.include !== undefined ? [{ file: prev.file, span: prev.span, message: `The previous heading, level ${prev.level}.` }] : undefined,
        fixes,
        data: { from: prev.level, to: h.level },
      });
    }
  },
};
