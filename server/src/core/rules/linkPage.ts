import { closestWithin, TYPO_LIMITS } from '../suggest';
import { relativePath } from '../paths';
import { linkBases, linkedPage, type LinkedPage } from './crossPage';
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
  appliesTo: ALL_KINDS,
  check(ctx) {
    const bases = linkBases(ctx);
    if (!bases.length || !ctx.site.index.complete) return;
    for (const link of ctx.model.links) {
      if (!link.path) continue;
      // An include file's relative link is resolved from every page that includes it.
      const results = bases.map((b) => linkedPage(ctx, link, b)).filter((x): x is LinkedPage => x !== undefined);
      const r = results.find((x) => x.kind === 'missing');
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
