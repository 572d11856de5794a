import { escapePointer } from '../jsonPointer';
import { didYouMean } from '../schema/schemaErrors';
import { lineBreakOf } from '../text';
import { type FixSpec, PAGE_KINDS_ONLY, replaceFix, type Rule } from './rule';

/** Front matter checked against the page kind's JSON Schema (schemas/*.schema.json). */
export const frontmatterSchema: Rule = {
  code: 'frontmatter-schema',
  defaultSeverity: 'error',
  summary: "Front matter breaks the page kind's schema: a required key is missing, a key is unknown, or a value has the wrong type.",
  appliesTo: PAGE_KINDS_ONLY,
  check(ctx) {
    const fm = ctx.model.frontmatter;
    for (const f of ctx.schemaFindings()) {
      if (f.code !== 'frontmatter-schema') continue;
      const fixes: FixSpec[] = [];
      if (f.unknownKey?.suggestion) {
        fixes.push({
          title: `Rename "${f.unknownKey.key}" to "${f.unknownKey.suggestion}"`,
          preferred: true,
          edits: [{ span: f.unknownKey.keySpan, newText: f.unknownKey.suggestion }],
        });
      }
      if (f.missingKey && fm && f.pointer === '/frontmatter') {
        const text = ctx.model.file.text;
        const eol = lineBreakOf(text);
        const value = f.missingKey === 'title' ? JSON.stringify(ctx.model.headings.find((h) => h.include === undefined)?.text ?? '') : '""';
        fixes.push({
          title: `Add "${f.missingKey}" to the front matter`,
          preferred: f.severity !== 'warning',
          edits: [{ span: { start: fm.contentSpan.start, end: fm.contentSpan.start }, newText: `${f.missingKey}: ${value}${eol}` }],
        });
      }
      ctx.report({
        span: f.span,
        message: f.message,
        detail: f.detail,
        severity: f.severity,
        fixes,
        data: { pointer: f.pointer, unknownKey: f.unknownKey?.key, suggestion: f.unknownKey?.suggestion, missingKey: f.missingKey },
      });
    }
    // Kinds whose schema allows any key (plain handbook pages) still deserve a word about a likely
    // typo of a key the schema knows ("decription"): Hugo would silently ignore it.
    const { known, open } = ctx.frontmatterKeys();
    if (!open || !fm?.data) return;
    for (const key of Object.keys(fm.data)) {
      if (known.includes(key)) continue;
      const suggestion = didYouMean(key, known);
      const loc = fm.locations.get('/' + escapePointer(key));
      if (!suggestion || !loc?.keySpan) continue;
      ctx.report({
        span: loc.keySpan,
        severity: 'warning',
        message: `Unknown front matter key "${key}"; did you mean "${suggestion}"?`,
        detail: 'Hugo ignores keys it does not know, so the value is lost.',
        fixes: [replaceFix(`Rename "${key}" to "${suggestion}"`, loc.keySpan, suggestion)],
        data: { unknownKey: key, suggestion },
      });
    }
  },
};
