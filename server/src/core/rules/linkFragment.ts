import type { Heading, Link, PageModel } from '../model/pageModel';
import type { Span } from '../text';
import { closestWithin, TYPO_LIMITS } from '../suggest';
import { basesFor, htmlLinkBases, linkBases, linkedPage } from './crossPage';
import { ALL_KINDS, replaceFix, type Rule, type RuleContext } from './rule';

/**
 * Same-page links (`[text](#anchor)`, `[ref]: #anchor`, `<a href="#anchor">`) whose anchor is not on
 * the rendered page: no heading id (included headings count, with Hugo's de-duplication), no HTML
 * id. `<!-- markdownlint-disable MD051 -->` silences markdownlint only, not this rule.
 */
export const linkFragment: Rule = {
  code: 'link-fragment',
  defaultSeverity: 'warning',
  summary: 'A same-page link points to an anchor that no heading or HTML id on the rendered page has (included headings count).',
  siteWide: true,
  appliesTo: ALL_KINDS,
  check(ctx) {
    const { model } = ctx;
    checkOtherPages(ctx);
    const samePage = model.links.filter((l) => l.path === '' && l.fragment !== undefined && l.fragmentSpan && !isAlwaysValid(l.fragment, model));
    if (!samePage.length) return;
    // An include file's links land on the pages that include it; check against those pages. With
    // no known includer there is no page to check against (include-unused reports such files).
    const pages = model.kind === 'include' ? ctx.includers(true) : [];
    if (model.kind === 'include' && !pages.length) return;
    // Only an anchor every including page has fixes a link for all of them.
    const common = pages.length
      ? pages.slice(1).reduce((ids, p) => {
          const has = new Set(p.anchors);
          return ids.filter((id) => has.has(id));
        }, pages[0].anchors)
      : [];
    const pageIds = pages.length ? common : [...model.anchors.keys()];
    const suggest = suggester();
    const ownHeadings = model.headings.filter((h) => h.include === undefined);
    for (const link of samePage) {
      const fragment = link.fragment!;
      const span = { start: link.fragmentSpan!.start - 1, end: link.fragmentSpan!.end };
      if (pages.length) {
        const missingOn = pages.filter((p) => !ctx.site.index.hasAnchor(p.path, fragment) && !(p.hasFootnotes && /^fn(ref)?:/.test(fragment)));
        if (!missingOn.length) continue;
        // In a heading of this file, the link is part of the id the including pages give it (below).
        const suggestion = headingAround(ownHeadings, link.fragmentSpan!) ? undefined : suggest(fragment, pageIds);
        ctx.report({
          span,
          message:
            `No anchor "#${fragment}" on ${missingOn.length === pages.length ? (pages.length === 1 ? 'the page that includes' : 'the pages that include') : `${missingOn.length} of the ${pages.length} pages that include`} this file` +
            (suggestion ? `; did you mean "#${suggestion}"?` : '.'),
          detail: `Missing on ${missingOn.map((p) => ctx.site.label(p.path)).join(', ')}. A link in an include file lands on every page that includes it.`,
          fixes: suggestion ? [replaceFix(`Change to "#${suggestion}"`, link.fragmentSpan!, suggestion)] : [],
          data: { fragment, pages: missingOn.map((p) => p.path), suggestion },
        });
        continue;
      }
      if (hasAnchor(model, fragment)) continue;
      // A link written in a heading is part of that heading's id (Goldmark keeps the URL's letters):
      // changing it renames the anchor too, so there is no fix to offer (two such links would keep
      // chasing each other's ids).
      const suggestion = headingAround(ownHeadings, link.fragmentSpan!) ? undefined : suggest(fragment, pageIds);
      ctx.report({
        span,
        message: `No anchor "#${fragment}" here` + (suggestion ? `; did you mean "#${suggestion}"?` : '.'),
        detail:
          'No heading or HTML id of this page as Hugo renders it has this id' +
          (model.includes.length ? ' (headings from included files count, in their place in the id sequence).' : '.'),
        fixes: suggestion ? [replaceFix(`Change to "#${suggestion}"`, link.fragmentSpan!, suggestion)] : [],
        data: { fragment, suggestion },
      });
    }
  },
};

/** `/handbook/x/#anchor` and `other.md#anchor`: the anchor must be on that page (from the site index). */
function checkOtherPages(ctx: RuleContext): void {
  const all = { markdown: linkBases(ctx), html: htmlLinkBases(ctx) };
  const suggest = suggester();
  const file = ctx.model.file.path;
  let ownHeadings: Heading[] | undefined;
  for (const link of ctx.model.links) {
    if (!link.path || link.fragment === undefined || !link.fragmentSpan || link.fragment === '' || link.fragment === 'top' || isTextFragment(link.fragment))
      continue;
    for (const base of basesFor(link, all)) {
      const r = linkedPage(ctx, link, base);
      if (r?.kind !== 'page') continue;
      const { page } = r;
      if (ctx.site.index.hasAnchor(page.path, link.fragment) || (page.hasFootnotes && /^fn(ref)?:/.test(link.fragment))) continue;
      // A link in a heading of a page that shows this file's headings (the page itself, a page that
      // includes this file) is part of that heading's id: no fix, as for a same-page link below.
      const shown = page.path === file || page.includes.includes(file);
      ownHeadings ??= ctx.model.headings.filter((h) => h.include === undefined);
      const suggestion = shown && headingAround(ownHeadings, link.fragmentSpan) ? undefined : suggest(link.fragment, page.anchors);
      ctx.report({
        span: { start: link.fragmentSpan.start - 1, end: link.fragmentSpan.end },
        message: `No anchor "#${link.fragment}" on ${page.url}` + (suggestion ? `; did you mean "#${suggestion}"?` : '.'),
        detail: `No heading or HTML id of ${ctx.site.label(page.path)}, the page at ${page.url}, has this id (its included headings count).`,
        fixes: suggestion ? [replaceFix(`Change to "#${suggestion}"`, link.fragmentSpan, suggestion)] : [],
        data: { fragment: link.fragment, page: page.path, suggestion },
      });
      break;
    }
  }
}

/** The heading (of a list in document order) whose text holds the span, by binary search. */
function headingAround(headings: Heading[], span: Span): Heading | undefined {
  let lo = 0;
  let hi = headings.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const h = headings[mid];
    if (span.start < h.span.start) hi = mid - 1;
    else if (span.start >= h.span.end) lo = mid + 1;
    else return span.end <= h.span.end ? h : undefined;
  }
  return undefined;
}

/** `#:~:text=...` asks the browser to find text, not an element: nothing to check. */
function isTextFragment(fragment: string): boolean {
  return fragment.startsWith(':~:');
}

function isAlwaysValid(fragment: string, model: PageModel): boolean {
  if (fragment === '' || fragment === 'top' || isTextFragment(fragment)) return true;
  return model.hasFootnotes && /^fn(ref)?:/.test(fragment);
}

export function hasAnchor(model: PageModel, fragment: string): boolean {
  return model.anchors.has(fragment);
}

/**
 * How many broken fragments of one page get a suggestion. Each suggestion compares the fragment with
 * every anchor of the target page, so without a bound a page with thousands of broken links to
 * thousands of headings takes time that grows with the square of its size.
 */
const MAX_SUGGESTIONS_PER_PAGE = 200;

/** suggestAnchor, remembered per fragment and candidate list, for at most MAX_SUGGESTIONS_PER_PAGE fragments. */
function suggester(): (fragment: string, ids: string[]) => string | undefined {
  const memo = new Map<string[], Map<string, string | undefined>>();
  let left = MAX_SUGGESTIONS_PER_PAGE;
  return (fragment, ids) => {
    let known = memo.get(ids);
    if (!known) memo.set(ids, (known = new Map()));
    if (known.has(fragment)) return known.get(fragment);
    if (left <= 0) return undefined;
    left--;
    const suggestion = suggestAnchor(fragment, ids);
    known.set(fragment, suggestion);
    return suggestion;
  };
}

/** The anchor a broken fragment most likely meant: one that contains it or that it contains, else the closest. */
export function suggestAnchor(fragment: string, ids: string[]): string | undefined {
  if (!ids.length) return undefined;
  const f = fragment.toLowerCase();
  const containing = ids.filter((id) => id.toLowerCase() === f || id.includes(f) || (id.length > 3 && f.includes(id)));
  if (containing.length) return containing.sort((a, b) => Math.abs(a.length - f.length) - Math.abs(b.length - f.length) || a.localeCompare(b))[0];
  return closestWithin(f, ids, TYPO_LIMITS.anchor(f));
}

export type { Link };
