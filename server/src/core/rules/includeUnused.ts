import type { Rule } from './rule';

/** An include file no page includes (workspace-wide: needs the whole site indexed). */
export const includeUnused: Rule = {
  code: 'include-unused',
  defaultSeverity: 'warning',
  summary: 'No page of the site includes this include file.',
  siteWide: true,
  appliesTo: ['include'],
  wholeFile: true,
  check(ctx) {
    const { index } = ctx.site;
    if (!index.complete || ctx.includers().length) return;
    const firstLineEnd = ctx.model.file.lines.lineEnd(0);
    ctx.report({
      span: { start: 0, end: firstLineEnd },
      message: `No page includes ${ctx.site.label(ctx.model.file.path)}: delete it, or include it where it belongs.`,
      tags: ['unnecessary'],
    });
  },
};
