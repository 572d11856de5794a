// Shared by link-page and link-fragment: what page a link with a path leads to, from the site index.

import { resolveLinkTarget, type LinkTarget } from '../linkTargets';
import type { Link } from '../model/pageModel';
import { dirname, relativePath } from '../paths';
import { exactUrlPath, pageUrl, type PageSummary } from '../siteIndex';
import type { RuleContext, SiteContext } from './rule';

export type LinkedPage =
  | { kind: 'page'; page: PageSummary; target: LinkTarget }
  | { kind: 'missing'; target: Extract<LinkTarget, { kind: 'page' | 'file' }>; shown: string }
  /**
   * The page is there, but not at the URL as written: Hugo publishes lower-case paths and a web
   * server looks them up as they are (`/a/SKUs/` is not `/a/skus/`), and a doubled "/" is no path
   * Hugo writes. `path` is the link's path written right.
   */
  | { kind: 'inexact'; page: PageSummary; target: Extract<LinkTarget, { kind: 'page' }>; shown: string; path: string };

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
    if (!page) return { kind: 'missing', target, shown: target.url };
    const written = link.path.split('?')[0];
    if (page.exactUrl !== undefined && target.written !== undefined) {
      // A front matter `url` with capitals: the page is there as written, and only there.
      if (exactUrlPath(target.written) === page.exactUrl || page.aliases.includes(target.url)) return { kind: 'page', page, target };
      return { kind: 'inexact', page, target, shown: target.written, path: page.exactUrl };
    }
    const path = exactPath(written);
    if (path !== written) return { kind: 'inexact', page, target, shown: target.written ?? target.url, path };
    return { kind: 'page', page, target };
  }
  // A relative `x.md` path that climbs out of the content folder is no page, whatever file it names.
  if (!link.path.startsWith('/') && climbsOut(relativePath(ctx.site.contentDir, dirname(ctx.model.file.path)), link.path)) {
    return { kind: 'missing', target, shown: link.path };
  }
  // The render hook maps a Markdown file to its page; `x/index.md` also finds the section `x/_index.md`.
  const page = index.page(target.path) ?? index.pageAt(pageUrl(ctx.site.contentDir, target.path));
  if (page) return { kind: 'page', page, target };
  if (ctx.site.isExcludedLink(link.target)) return undefined;
  return { kind: 'missing', target, shown: link.path };
}

/** True when a relative path, followed from `dir` (relative to the content folder), goes above it on the way. */
function climbsOut(dir: string, path: string): boolean {
  let depth = dir === '' || dir === '.' ? 0 : dir.split('/').length;
  if (dir.startsWith('..')) return true;
  for (const part of path.split('/')) {
    if (part === '..') depth--;
    else if (part !== '.' && part !== '') depth++;
    if (depth < 0) return true;
  }
  return false;
}

/** Lower-case letters, digits and "/._~-" without a doubled "/": a path exactPath() gives back as it is. */
const PLAIN_PATH = /^(?:[a-z0-9._~-]|\/(?!\/))*$/;

/** A link path as Hugo would write it: lower case (outside %-escapes), no doubled "/". */
function exactPath(written: string): string {
  if (PLAIN_PATH.test(written)) return written; // most links: nothing below would change it
  return written.replace(/(?<!:)\/{2,}/g, '/').replace(/%[0-9a-f]{2}|[^%]+/gi, (part) => (part.startsWith('%') ? part : part.toLowerCase()));
}

/**
 * The URLs a page's relative links resolve from: its own URL, or (relativeLinks "file", the
 * handbook's render hook) the URL of its file's folder; for an include file, those of the pages that
 * include it.
 */
export function linkBases(ctx: RuleContext): string[] {
  return baseUrls(ctx.site, basePages(ctx));
}

/**
 * The URLs a raw HTML link (`<a href>`) resolves from: the pages' own URLs, as the browser resolves
 * it (the handbook's render hook sees Markdown links only).
 */
export function htmlLinkBases(ctx: RuleContext): string[] {
  return basePages(ctx).map((p) => p.url);
}

/** The bases for a link of the page or include file being checked. */
export function basesFor(link: Link, bases: { markdown: string[]; html: string[] }): string[] {
  return link.kind === 'html' ? bases.html : bases.markdown;
}

function basePages(ctx: RuleContext): PageSummary[] {
  return ctx.model.kind === 'include' ? ctx.includers() : [ctx.site.index.page(ctx.model.file.path)].filter((p) => p !== undefined);
}

/** The URLs relative links resolve from on these pages (a page, or the pages that include a file). */
export function baseUrls(site: Pick<SiteContext, 'options' | 'contentDir'>, pages: PageSummary[]): string[] {
  if (site.options.relativeLinks === 'page') return pages.map((p) => p.url);
  return pages.map((p) => (/(^|\/)_?index\.(md|markdown)$/i.test(p.path) ? p.url : pageUrl(site.contentDir, `${dirname(p.path)}/_index.md`)));
}
