import { levelOfFile, levelsIn } from '../model/ladder';
import type { Span } from '../text';
import { replaceFix, type Rule } from './rule';

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

/** A level page's file name, title, description and first heading name the same level. */
export const ladderLevel: Rule = {
  code: 'ladder-level',
  defaultSeverity: 'warning',
  summary: "A career page's title, description or first heading names another level than its file name (or none).",
  appliesTo: ['career-page'],
  check(ctx) {
    const { model } = ctx;
    const level = levelOfFile(model.file.path);
    if (!level) return;
    const text = model.file.text;
    const places: { what: string; span: Span | undefined }[] = [
      { what: 'title', span: model.frontmatter?.locations.get('/title')?.valueSpan },
      { what: 'description', span: model.frontmatter?.locations.get('/description')?.valueSpan },
      { what: 'first heading', span: model.headings.find((h) => h.include === undefined)?.span },
    ];
    for (const { what, span } of places) {
      if (!span) continue;
      const written = text.slice(span.start, span.end);
      const named = levelsIn(written);
      if (named.includes(level)) continue;
      const other = named.find((n) => n !== level);
      ctx.report({
        span,
        message: other
          ? `The ${what} says ${cap(other)}, but this is the ${cap(level)} page: change it.`
          : `The ${what} does not name this page's level, ${cap(level)}.`,
        detail: `The file name makes this the ${cap(level)} page; its title, description and first heading name that level.`,
        fixes: other
          ? [
              replaceFix(
                `Change "${cap(other)}" to "${cap(level)}"`,
                span,
                written.replace(new RegExp(`\\b${other}\\b`, 'gi'), (m) => (m[0] === m[0].toUpperCase() ? cap(level) : level)),
              ),
            ]
          : [],
        data: { level, other },
      });
    }
  },
};
