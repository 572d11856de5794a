// Building a site's index: every page summarised (URL, headings, anchors, links, includes), a few
// pages per step so that a server can answer requests between steps, and the pages Hugo publishes
// without a file (the home page, each top-level section's list page).

import type { Host } from './host';
import type { ModelCache } from './modelCache';
import type { PageModel } from './model/pageModel';
import { isInside, isMarkdownPath, relativePath } from './paths';
import type { Site } from './site';
import { type PageSummary, pageUrl } from './siteIndex';

/** Every page of a site (Markdown under its content folders, outside dot-folders, not ignored). */
export function sitePages(host: Host, site: Site): string[] {
  const dirs = site.contentRoots.map((r) => r.dir).filter((d, i, all) => !all.some((o, j) => j !== i && o !== d && isInside(o, d)) && all.indexOf(d) === i);
  const files = dirs.flatMap((d) => host.listFiles(d));
  if (dirs.length > 1) files.sort();
  return files.filter((f) => isMarkdownPath(f) && site.isPageOrInclude(f) && !site.classifier.isIgnored(site.relative(f)));
}

export interface IndexOptions {
  /** Pages per step (default 100). */
  batch?: number;
  /** Keep the models built for the index (the CLI checks every page next; an editor keeps only what it has open), or those of the files it says. */
  keepModels?: boolean | ((file: string) => boolean);
  /**
   * Called with each page's model, once it is built (or found cached) and before it is dropped
   * (Workspace.lintSite checks it), with the host's version of the text it was built from (none for
   * a model found cached). It may return what the page's index entry becomes once its model is
   * dropped (ModelCache.drop).
   */
  visit?: (file: string, model: PageModel, version: number | string | undefined) => ((summary: PageSummary) => PageSummary) | undefined;
  /**
   * Entries known to be current (the CLI's cache and the server's persisted index restore them,
   * checked against the pages' texts and includes): those pages go into the index as they are,
   * unread. Asked once per page that has no model, in page order; undefined means read the page.
   */
  summaries?: Pick<ReadonlyMap<string, PageSummary>, 'get'>;
  /** The site's pages (sitePages), when the caller has just listed them: not listed a second time. */
  pages?: readonly string[];
}

/** Summarises every page of the site into its index, `batch` pages per step. */
export function* indexSteps(host: Host, models: ModelCache, site: Site, options: IndexOptions = {}): Generator<{ done: number; total: number }> {
  const pages = options.pages ?? sitePages(host, site);
  const batch = options.batch ?? 100;
  const { keepModels, visit } = options;
  const keep = typeof keepModels === 'function' ? keepModels : () => keepModels === true;
  for (let i = 0; i < pages.length; i++) {
    const file = pages[i];
    const cached = models.cached(file);
    const restored = cached ? undefined : options.summaries?.get(file);
    if (restored) site.index.update(restored);
    else {
      let model = cached?.model;
      let version: number | string | undefined;
      if (!model || !site.index.page(file)) {
        try {
          const content = host.readFile(file);
          if (content?.kind === 'text') {
            version = content.version;
            model = models.build(site, file, content.text, site.kindOf(file), version);
          }
        } catch {
          // A page the core fails to read stays out of the index; lint() reports it as internal-error.
        }
      }
      const replace = model && visit ? visit(file, model, version) : undefined;
      if (!cached && !keep(file)) models.drop(file, replace);
    }
    if ((i + 1) % batch === 0) yield { done: i + 1, total: pages.length };
  }
  // Hugo always publishes the home page and a list page for each top-level section, with or
  // without an _index.md (at the URL an _index.md there would have).
  const lists = new Set([`${site.contentDir}/_index.md`]);
  for (const p of pages) {
    const root = site.urls.rootOf(p);
    if (!root) continue;
    const parts = relativePath(root.dir, p).split('/');
    lists.add(`${root.dir}/_index.md`);
    if (parts.length > 1) lists.add(`${root.dir}/${parts[0]}/_index.md`);
  }
  for (const path of [...lists].sort()) {
    const url = pageUrl(site.urls, path);
    if (site.index.pageAt(url)) continue;
    site.index.update({
      path,
      kind: 'page',
      url,
      aliases: [],
      headings: [],
      anchors: [],
      includes: [],
      links: [],
      hasFootnotes: false,
      generated: true,
    });
  }
  site.index.complete = true;
  yield { done: pages.length, total: pages.length };
}
