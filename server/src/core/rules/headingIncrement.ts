import type { Heading, PageModel } from '../model/pageModel';
import type { HeadingSummary } from '../siteIndex';
import type { Position } from '../text';
import { ALL_KINDS, type FixSpec, replaceFix, type Rule, type RuleContext } from './rule';

/**
 * Heading levels should go down one at a time in the rendered page. Included headings count where
 * they land. A jump is reported where it can be fixed:
 *
 * - a heading written in the file: there, with the fix to the level below the previous heading;
 * - an include file that lands under the same level on every page that includes it, and starts
 *   too deep for it (the handbook's competency files start at `#####` and are always included under
 *   a `###`: 124 of the 132 jumps on the handbook snapshot): once, in the include file, with the fix
 *   that moves its headings up on all those pages at once; the pages say nothing;
 * - an include file that lands under different levels: at the include call, with the fix on the page
 *   when one is safe (the heading above the call one level deeper), else naming the include file.
 *
 * A jump between two headings of the same include file is the include file's own (reported when it
 * is checked). markdownlint, which sees the page without includes, sees none of these.
 */
export const headingIncrement: Rule = {
  code: 'heading-increment',
  defaultSeverity: 'warning',
  summary: 'A heading is more than one level deeper than the heading before it, after include expansion.',
  siteWide: true,
  appliesTo: ALL_KINDS,
  check(ctx) {
    const { model } = ctx;
    if (model.kind === 'include') checkWhereIncluded(ctx);
    const reportedIncludes = new Set<number>();
    let previous: Heading | undefined;
    for (const [i, h] of model.headings.entries()) {
      const prev = previous;
      previous = h;
      if (!prev || h.level <= prev.level + 1) continue;
      if (h.include !== undefined) {
        if (prev.include === h.include || reportedIncludes.has(h.include)) continue;
        reportedIncludes.add(h.include);
        reportIncludedJump(ctx, prev, h, model.headings[i - 2]);
        continue;
      }
      const fixes: FixSpec[] = [];
      const hashes = h.setext ? undefined : headingMarker(model.file.text, h);
      if (hashes) fixes.push(replaceFix(`Make it a level-${prev.level + 1} heading`, hashes, '#'.repeat(prev.level + 1)));
      ctx.report({
        span: h.span,
        message: `Heading level jumps from ${prev.level} to ${h.level} after "${'#'.repeat(prev.level)} ${prev.text}"; make it level ${prev.level + 1}.`,
        detail:
          'Screen readers and the table of contents rely on heading levels going down one at a time.' +
          (prev.include !== undefined ? ` The previous heading is included from ${ctx.site.label(prev.file)}.` : ''),
        related: prev.include !== undefined ? [{ file: prev.file, span: prev.span, message: `The previous heading, level ${prev.level}.` }] : undefined,
        fixes,
        data: { from: prev.level, to: h.level },
      });
    }
  },
};

/** A jump into an included file's first heading `h`, after `prev` (and `beforePrev`, the heading before that). */
function reportIncludedJump(ctx: RuleContext, prev: Heading, h: Heading, beforePrev: Heading | undefined): void {
  const { model } = ctx;
  const includedFile = h.file;
  if (ctx.site.index.complete) {
    // Reported in the include file when one change there fixes it on every page (see checkWhereIncluded).
    const others = ctx.site.index
      .includersOf(includedFile)
      .filter((p) => p.path !== model.file.path)
      .map((p) => p.headings);
    if (includeShift(includedFile, [outlineOf(model), ...others])) return;
  }
  const inc = model.includes[h.include!];
  const label = ctx.site.label(includedFile);
  const want = h.level - 1;
  // The page's own fix: the heading above the call one level deeper, when that makes no jump itself.
  const marker = prev.include === undefined && !prev.setext && beforePrev && beforePrev.level >= want - 1 ? headingMarker(model.file.text, prev) : undefined;
  const jump = `Heading level jumps from ${prev.level} to ${h.level} at the included "${'#'.repeat(h.level)} ${h.text}"`;
  ctx.report({
    span: inc.call.span,
    message: marker ? `${jump}; make "${'#'.repeat(prev.level)} ${prev.text}" level ${want}.` : `${jump}; fix the levels in ${label} or above the call.`,
    detail:
      `${label} starts at level ${h.level} and lands under a level-${prev.level} heading here` +
      (prev.include !== undefined ? ` (included from ${ctx.site.label(prev.file)})` : '') +
      '. ' +
      (marker
        ? `Making the heading above the call level ${want} fixes this page alone. `
        : `On this page, a level-${prev.level + 1} heading above the call fixes it. `) +
      `Changing ${label} instead changes every page that includes it; the jump is reported there when one change fits them all.`,
    related: [{ file: h.file, span: h.span, message: `Level-${h.level} heading included here.` }],
    fixes: marker ? [replaceFix(`Make "${prev.text}" a level-${want} heading`, marker, '#'.repeat(want))] : [],
    data: { from: prev.level, to: h.level, includedFile },
  });
}

/**
 * In an include file: the jump its first heading makes on the pages that include it, when it lands
 * under the same level on all of them. One finding here replaces one on each of those pages.
 */
function checkWhereIncluded(ctx: RuleContext): void {
  const { model } = ctx;
  const own = model.headings.filter((h) => h.include === undefined);
  if (!own.length || !ctx.site.index.complete) return;
  const pages = ctx.includers(true);
  const outlines = pages.map((p) => withOwnHeadings(model.file.path, p.headings, own));
  const shift = includeShift(model.file.path, outlines);
  if (!shift) return;
  const first = own[0];
  const text = model.file.text;
  const markers = own.map((h) => (h.setext ? undefined : headingMarker(text, h)));
  const where = pages.filter((_, k) => outlines[k].some((h) => h.file === model.file.path));
  const n = where.length;
  const names = where.slice(0, 3).map((p) => ctx.site.label(p.path));
  ctx.report({
    span: first.span,
    message: `Heading level jumps from ${shift.above} to ${first.level} on the ${n === 1 ? 'page that includes' : `${n} pages that include`} this file; start it at level ${shift.above + 1}.`,
    detail:
      `Every page that includes this file puts it under a level-${shift.above} heading (${names.join(', ')}${n > names.length ? `, and ${n - names.length} more` : ''}), ` +
      `so the fix belongs here: moving this file's headings up ${shift.by} level${shift.by === 1 ? '' : 's'} fixes all of them, and those pages report nothing.`,
    fixes: markers.every((m) => m !== undefined)
      ? [
          {
            title: `Start the file at level ${shift.above + 1} (every heading ${shift.by} level${shift.by === 1 ? '' : 's'} up)`,
            preferred: true,
            edits: own.map((h, k) => ({ span: markers[k]!, newText: '#'.repeat(h.level - shift.by) })),
          },
        ]
      : [],
    data: { from: shift.above, to: first.level, pages: n },
  });
}

interface OutlineEntry {
  level: number;
  file: string;
}

/**
 * A page's outline with the include file's headings as the text being checked has them. The pages'
 * summaries hold the include file's text as the host has it (on disk, or open in the editor); fix-all
 * checks texts that are neither (each round's), and without this its second round would find the
 * jump it just fixed again, and move the headings up again (down to no heading at all). Each copy of
 * the file on the page (a run of its headings, starting again where one follows a later one of the
 * same file) becomes the file's headings now.
 */
function withOwnHeadings(file: string, outline: readonly HeadingSummary[], own: readonly Heading[]): OutlineEntry[] {
  const out: OutlineEntry[] = [];
  for (const [i, h] of outline.entries()) {
    if (h.file !== file) {
      out.push(h);
      continue;
    }
    const prev = outline[i - 1];
    const startsCopy = !prev || prev.file !== file || !isBefore(prev.range.start, h.range.start);
    if (startsCopy) for (const o of own) out.push({ level: o.level, file });
  }
  return out;
}

function isBefore(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function outlineOf(model: PageModel): OutlineEntry[] {
  return model.headings;
}

/**
 * How far an include file's headings move up so that it fits every page that includes it, when one
 * move does: on every page where its headings render, it lands under a heading of the same level,
 * its first heading jumps there on at least one, and after the move no heading of the file goes
 * above level 1 and none after it on a page jumps. Undefined otherwise (no jump, or the pages differ).
 */
export function includeShift(file: string, outlines: OutlineEntry[][]): { above: number; by: number } | undefined {
  let above: number | undefined;
  let first: number | undefined;
  const runs: { top: number; last: number; next?: number }[] = [];
  for (const outline of outlines) {
    for (let i = 0; i < outline.length; i++) {
      if (outline[i].file !== file || (i > 0 && outline[i - 1].file === file)) continue;
      // A run of the file's headings: from i to just before end.
      let end = i;
      let top = outline[i].level;
      while (end < outline.length && outline[end].file === file) top = Math.min(top, outline[end++].level);
      if (i === 0) return undefined; // nothing above it on that page: no level to fit
      const level = outline[i - 1].level;
      if ((above !== undefined && level !== above) || (first !== undefined && outline[i].level !== first)) return undefined;
      above = level;
      first = outline[i].level;
      runs.push({ top, last: outline[end - 1].level, next: outline[end]?.level });
    }
  }
  if (above === undefined || first === undefined || first <= above + 1) return undefined;
  const by = first - above - 1;
  for (const r of runs) {
    if (r.top - by < 1) return undefined;
    if (r.next !== undefined && r.next > r.last - by + 1 && r.next <= r.last + 1) return undefined;
  }
  return { above, by };
}

/** The span of an ATX heading's "#" run, in the file it is written in. */
function headingMarker(text: string, h: Heading): { start: number; end: number } | undefined {
  const hashes = /#{1,6}/.exec(text.slice(h.lineSpan.start, h.span.start));
  return hashes ? { start: h.lineSpan.start + hashes.index, end: h.lineSpan.start + hashes.index + hashes[0].length } : undefined;
}
