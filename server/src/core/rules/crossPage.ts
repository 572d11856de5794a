// Shared by link-page and link-fragment: what page a link with a path leads to, from the site index.

import { resolveLinkTarget, type LinkTarget } from '../linkTargets';
import type { Link } from '../model/pageModel';
import { dirname } from '../paths';
import { pageUrl, type PageSummary } from '../siteIndex';
import type { RuleContext, SiteContext } from './rule';

export type LinkedPage =
  | { kind: 'page'; page: PageSummary; target: LinkTarget }
  | { kind: 'missing'; target: Extract<LinkTarget, { kind: 'page' | 'file' }>; shown: string };

/**
 * The page a link leads to, or why it leads nowhere; undefined when the link is not ours to check
 * (same page, another site, a static file, excluded by .hugolint.yaml, or the index is not complete).
 * `fromUrl` is the URL of the page the link appears on.
 */
export function linkedPage(ctx: RuleContext, link: Link, fromUrl: string): LinkedPage | undefined {
  const { index } = ctx.site;
  if (!index.complete || link.image) return undefined;
  const target = resolveLinkTarget(link.path, fromUrl, ctx.model.file.path, ctx.site.contentDir);
  if (target.kind !== 'page' && target.kind !== 'file') return undefined;
  if (target.kind === 'page') {
    const checked = target.url + (link.fragment !== undefined ? `#${link.fragment}` : '');
    if (ctx.site.isExcludedLink(checked) || ctx.site.isExcludedLink(link.target)) return undefined;
    const page = index.pageAt(target.url);
    return page ? { kind: 'page', page, target } : { kind: 'missing', target, shown: target.url };
  }
  // The render hook maps a Markdown file to its page; `x/index.md` also finds the section `x/_index.md`.
  const page = index.page(target.path) ?? index.pageAt(pageUrl(ctx.site.contentDir, target.path));
  if (page) return { kind: 'page', page, target };
  if (ctx.site.isExcludedLink(link.target)) return undefined;
  return { kind: 'missing', target, shown: link.path };
}

/**
 * The URLs a page's relative links resolve from: its own URL, or (relativeLinks "file", the
 * handbook's render hook) the URL of its file's folder; for an include file, those of the pages that
 * include it.
 */
export function linkBases(ctx: RuleContext): string[] {
  const pages = ctx.model.kind === 'include' ? ctx.includers() : [ctx.site.index.page(ctx.model.file.path)].filter((p) => p !== undefined);
  return baseUrls(ctx.site, pages);
}

/** The URLs relative links resolve from on these pages (a page, or the pages that include a file). */
export function baseUrls(site: Pick<SiteContext, 'options' | 'contentDir'>, pages: PageSummary[]): string[] {
  if (site.options.relativeLinks === 'page') return pages.map((p) => p.url);
  return pages.map((p) => (/(^|\/)_?index\.(md|markdown)$/i.test(p.path) ? p.url : pageUrl(site.contentDir, `${dirname(p.path)}/_index.md`)));
}
