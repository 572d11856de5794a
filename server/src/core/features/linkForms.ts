// How a link to a page is written: its URL as Hugo publishes it (`/handbook/values/`), or a path
// relative to the URL the link resolves from (`../values/`), and what a link of each kind resolves
// from: a Markdown link from the base of the site's `relativeLinks` mode (links.ts), a raw HTML
// `<a href>` from the page's own URL, as a browser resolves it. Shared by URL completion, the link
// code actions and the edits that follow a moved page.

import { resolveLinkTarget } from '../linkTargets';
import { dirname } from '../paths';
import { normalizeUrlPath, pageUrl, type PageSummary } from '../siteIndex';
import type { Site } from '../workspace';
import { linkBase, linkBases } from './links';

/** A page's URL as a link writes it: the exact one when front matter `url` has capitals. */
export function urlOf(page: Pick<PageSummary, 'url' | 'exactUrl'>): string {
  return page.exactUrl ?? page.url;
}

/**
 * The relative path from the URL a link resolves from (`base`, a page URL: a folder when it ends in
 * "/", else the folder it is in) to `url`: `../values/`, `senior/`, `./` for the base itself.
 */
export function relativeUrl(base: string, url: string): string {
  return relativeFrom(folderOf(base), url);
}

/** The folder a base URL resolves from, with its "/": `/a/b/` for `/a/b/` and for `/a/b.html`. */
function folderOf(base: string): string {
  return base.endsWith('/') ? base : `${dirname(base)}/`.replace(/^\/\/$/, '/');
}

/** The relative path from `folder` (ends in "/") to `url`, by string (it runs for every page of the site). */
function relativeFrom(folder: string, url: string): string {
  const n = Math.min(folder.length, url.length);
  let i = 0;
  while (i < n && folder.charCodeAt(i) === url.charCodeAt(i)) i++;
  const cut = folder.lastIndexOf('/', i - 1);
  let ups = 0;
  for (let k = cut + 1; k < folder.length; k++) if (folder.charCodeAt(k) === 47) ups++;
  return '../'.repeat(ups) + url.slice(cut + 1) || './';
}

/** True when a link path is relative: not a URL from the site root, another site or a fragment alone. */
export function isRelativePath(path: string): boolean {
  return path !== '' && !path.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(path);
}

/** The URLs a link of this kind, written in `file`, resolves from (an include file: one per page that includes it). */
export function basesOf(site: Site, file: string, html: boolean): string[] {
  if (!html) return linkBases(site, file);
  if (site.isUnderIncludeRoot(file)) {
    const urls = site.index.includersOf(file).map((p) => p.url);
    return urls.length ? urls : ['/'];
  }
  return [site.index.page(file)?.url ?? pageUrl(site.urls, file)];
}

/** The base of a Markdown link on a page at `url` written in `path` (a page that is not in the index yet, e.g. one being moved). */
export function baseFor(site: Site, page: { path: string; url: string }, html: boolean): string {
  return html ? page.url : linkBase(site, page);
}

/**
 * The relative form of a link to `url` that works from every one of `bases` (an include file's
 * link is read on every page that includes it), or undefined when the bases need different paths.
 */
export function relativeFromAll(site: Site, bases: string[], url: string, file: string): string | undefined {
  return new RelativeLinks(site, bases, file).to(url);
}

/** relativeFromAll for many URLs from the same bases (URL completion: every page of the site), the bases split once. */
export class RelativeLinks {
  private readonly first: string;
  private readonly others: { base: string; depth: number }[];

  constructor(
    private readonly site: Site,
    bases: string[],
    private readonly file: string,
  ) {
    this.first = folderOf(bases[0]);
    this.others = bases.slice(1).map((base) => ({ base, depth: folderOf(base).split('/').length - 2 }));
  }

  to(url: string): string | undefined {
    const rel = relativeFrom(this.first, url);
    if (!this.others.length) return rel;
    const ups = rel.match(/^(\.\.\/)*/)![0].length / 3;
    for (const { base, depth } of this.others) {
      // A path that climbs above the site's root works only because the browser stops there: not offered.
      if (ups > depth) return undefined;
      const t = resolveLinkTarget(rel, base, this.file, this.site.contentDir);
      if (t.kind !== 'page' || t.url !== normalizeUrlPath(url)) return undefined;
    }
    return rel;
  }
}
