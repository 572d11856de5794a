import { closestWithin, TYPO_LIMITS } from '../suggest';
import { relativePath } from '../paths';
import { basesFor, htmlLinkBases, linkBases, linkedPage, type LinkedPage } from './crossPage';
import { ALL_KINDS, replaceFix, type Rule } from './rule';

/**
 * Links to other pages of the site (`/handbook/...`, relative links, `x.md` files) that lead to no
 * page: checked against the site index (Hugo URLs from content paths, `_index.md`, bundles, `slug`,
 * `url`, `aliases`), honouring the exclusions of the site's `.hugolint.yaml`.
 */
export const linkPage: Rule = {
  code: 'link-page',
  defaultSeverity: 'warning',
  summary: "A link to another page of the site leads to no page (checked against every page's Hugo URL).",
  siteWide: true,
  appliesTo: ALL_KINDS,
  check(ctx) {
    const all = { markdown: linkBases(ctx), html: htmlLinkBases(ctx) };
    if (!all.markdown.length || !ctx.site.index.complete) return;
    for (const link of ctx.model.links) {
      if (!link.path) continue;
      const bases = basesFor(link, all);
      // An include file's relative link is resolved from every page that includes it.
      const results = bases.map((b) => linkedPage(ctx, link, b)).filter((x): x is LinkedPage => x !== undefined);
      const inexact = results.find((x) => x.kind === 'inexact');
      const r = results.find((x) => x.kind === 'missing');
      if (inexact?.kind === 'inexact' && r === undefined) {
        const span = { start: link.span.start, end: link.span.start + link.path.split('?')[0].length };
        const why = /\/\//.test(link.path) ? 'a doubled "/"' : 'Hugo publishes lower-case URLs, and the web server finds a page only as it is written';
        ctx.report({
          span,
          message: `No page at ${inexact.shown}; did you mean ${inexact.path}?`,
          detail: `The page ${ctx.site.label(inexact.page.path)} is at ${inexact.page.url}, not at the URL as written (${why}).`,
          fixes: [replaceFix(`Change to ${inexact.path}`, span, inexact.path)],
          data: { url: inexact.shown, suggestion: inexact.path },
        });
        continue;
      }
      if (r?.kind !== 'missing') continue;
      const suggestion = r.target.kind === 'page' ? suggestUrl(r.target.url, ctx.site.index.similarUrls(r.target.url)) : undefined;
      const pathEnd = link.span.start + link.path.length;
      ctx.report({
        span: { start: link.span.start, end: pathEnd },
        message: suggestion ? `No page at ${r.shown}; did you mean ${suggestion}?` : `No page at ${r.shown} in this site.`,
        detail: 'Links are checked against the URL Hugo gives every page of the site (its path, _index.md, bundles, slug, url and aliases).',
        fixes: suggestion
          ? [replaceFix(`Change to ${suggestion}`, { start: link.span.start, end: pathEnd }, rewriteLike(link.path, suggestion, bases[0]))]
          : [],
        data: { url: r.shown, suggestion },
      });
    }
  },
};

/** The best of the index's similar URLs: same parts reordered, then same last part, then a close sibling. */
export function suggestUrl(url: string, similar: { sameParts: string[]; sameLast: string[]; siblings: string[] }): string | undefined {
  if (similar.sameParts.length) return similar.sameParts[0];
  if (similar.sameLast.length) return closestWithin(url, similar.sameLast, TYPO_LIMITS.movedUrl(url));
  return closestWithin(url, similar.siblings, TYPO_LIMITS.siblingUrl());
}

/** Keeps a relative link relative when suggesting another page. */
function rewriteLike(written: string, url: string, base: string): string {
  if (written.startsWith('/')) return url;
  const rel = relativePath(base, url);
  return rel === '.' ? './' : rel + '/';
}
