// Links between pages as the editor features need them: the page a link leads to, the heading an
// anchor names there, and every link in the site that targets one anchor. Other pages are read from
// the site index (summaries), never parsed on the keystroke path; a page the index does not know yet
// (indexing still running) is summarised on demand, one page at a time.

import { resolveLinkTarget } from '../linkTargets';
import type { Link } from '../model/pageModel';
import { dirname } from '../paths';
import { pageUrl, type HeadingSummary, type LinkSummary, type PageSummary } from '../siteIndex';
import type { Range, Span } from '../text';
import { isMarkdownPath, type Site, type Workspace } from '../workspace';
import type { Location } from './types';

/** The URL a page's relative links resolve from (the site's `relativeLinks` option). */
export function linkBase(site: Site, page: { path: string; url: string }): string {
  if (site.options.relativeLinks === 'page') return page.url;
  return /(^|\/)_?index\.(md|markdown)$/i.test(page.path) ? page.url : pageUrl(site.contentDir, `${dirname(page.path)}/_index.md`);
}

/** The URLs a file's relative links resolve from: its page's, or for an include file those of the pages that include it. */
export function linkBases(site: Site, file: string): string[] {
  if (site.isUnderIncludeRoot(file)) {
    const bases = site.index.includersOf(file).map((p) => linkBase(site, p));
    return bases.length ? bases : ['/'];
  }
  return [linkBase(site, site.index.page(file) ?? { path: file, url: pageUrl(site.urls, file) })];
}

/** The page a link path (the part before "#") written in `file` leads to, if it is a page of the site. */
export function pageOfLink(workspace: Workspace, site: Site, file: string, linkPath: string): PageSummary | undefined {
  for (const base of linkBases(site, file)) {
    const target = resolveLinkTarget(linkPath, base, file, site.contentDir);
    let page: PageSummary | undefined;
    if (target.kind === 'page') page = site.index.pageAt(target.url) ?? summariseUrl(workspace, site, target.url);
    else if (target.kind === 'file') page = site.index.page(target.path) ?? summariseFile(workspace, site, target.path);
    else return undefined;
    if (page) return page;
  }
  return undefined;
}

/** Before the index is complete, a page it lacks may simply not be summarised yet: look at the files its URL could come from. */
function summariseUrl(workspace: Workspace, site: Site, url: string): PageSummary | undefined {
  if (site.index.complete) return undefined;
  const base = `${site.contentDir}${url.replace(/\/$/, '')}`;
  for (const candidate of [`${base}.md`, `${base}/_index.md`, `${base}/index.md`]) {
    const page = summariseFile(workspace, site, candidate);
    if (page && page.url === url) return page;
  }
  return undefined;
}

function summariseFile(workspace: Workspace, site: Site, file: string): PageSummary | undefined {
  if (site.index.complete || !isMarkdownPath(file) || !site.urls.isContent(file) || workspace.host.exists(file) !== 'file') return undefined;
  workspace.model(file);
  return site.index.page(file);
}

/** The heading an anchor names on a summarised page. */
export function headingOn(page: PageSummary, id: string): HeadingSummary | undefined {
  return page.headings.find((h) => h.id === id);
}

/** Where the fragment (after "#", as written) of a summarised link is. */
export function fragmentRange(link: LinkSummary): Range {
  const hash = link.target.indexOf('#');
  const raw = hash < 0 ? '' : link.target.slice(hash + 1);
  const { start, end } = link.range;
  if (start.line !== end.line) return link.range;
  return { start: { line: end.line, character: end.character - raw.length }, end };
}

export interface AnchorLink extends Location {
  /** The fragment as written (what a rename replaces). */
  written: string;
}

/**
 * Every link in the site to `id` on the page `pagePath`: same-page links on the page and in the files
 * it includes, and links with a path on other pages and in include files (resolved through the index).
 */
export function linksToAnchor(workspace: Workspace, site: Site, pagePath: string, id: string): AnchorLink[] {
  const out: AnchorLink[] = [];
  const seen = new Set<string>();
  const add = (file: string, range: Range, written: string) => {
    const key = `${file}:${range.start.line}:${range.start.character}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ file, range, written });
  };
  const fromModel = (file: string, links: Link[], lines: { spanRange(s: Span): Range }, text: string, accept: (l: Link) => boolean) => {
    for (const l of links) {
      if (l.fragment !== id || !l.fragmentSpan || !accept(l)) continue;
      add(file, lines.spanRange(l.fragmentSpan), text.slice(l.fragmentSpan.start, l.fragmentSpan.end));
    }
  };

  const page = workspace.model(pagePath);
  if (page) {
    fromModel(pagePath, page.links, page.file.lines, page.file.text, (l) => l.path === '');
    for (const inc of page.includes) {
      if (!inc.target || inc.expandedSpan === undefined) continue;
      const included = workspace.model(inc.target.path);
      if (included) fromModel(inc.target.path, included.links, included.file.lines, included.file.text, (l) => l.path === '');
    }
  }
  for (const summary of site.index.all()) {
    for (const l of summary.links) {
      if (l.fragment !== id || !l.path) continue;
      if (pageOfLink(workspace, site, summary.path, l.path)?.path !== pagePath) continue;
      const range = fragmentRange(l);
      add(summary.path, range, l.target.slice(l.target.indexOf('#') + 1));
    }
  }
  for (const file of [...site.index.includedFiles()].sort()) {
    const included = workspace.model(file);
    if (!included) continue;
    fromModel(
      file,
      included.links,
      included.file.lines,
      included.file.text,
      (l) => l.path !== '' && pageOfLink(workspace, site, file, l.path)?.path === pagePath,
    );
  }
  return out.sort((a, b) => a.file.localeCompare(b.file) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
