// Which files career-lint checks: the pages and include files of a site, or of the paths and globs
// given (each resolved against the working directory).

import * as path from 'node:path';
import picomatch from 'picomatch';
import { type Host, isMarkdownPath, isSiteRoot, type Site, type Workspace } from '../core';
import { siteLintFiles } from '../core/features';
import { fromCorePath, toCorePath } from '../node/nodeHost';

/** Each site's pages as listed while choosing the files, for indexing (Workspace.indexSite) not to list them again. */
export type SiteListings = Map<Site, readonly string[]>;

/** The files `career-lint` checks in a site by default: the ones "Lint Workspace" checks (its pages, then its include files; ignored files left out). */
export function siteFiles(workspace: Workspace, root: string, listings?: SiteListings): string[] {
  const site = workspace.siteFor(`${root}/.`)!;
  const pages = workspace.sitePages(site);
  listings?.set(site, pages);
  return siteLintFiles(workspace, site, pages).sort();
}

/** The Markdown files that paths, folders and globs name; `missing` lists those that name none. */
export function expandPaths(
  host: Host,
  workspace: Workspace,
  cwd: string,
  patterns: string[],
  listings?: SiteListings,
): { files: string[]; missing: string[] } {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const p of patterns) {
    const abs = toCorePath(path.resolve(fromCorePath(cwd), p));
    const what = host.exists(abs);
    if (what === 'file') {
      files.add(abs);
      continue;
    }
    if (what === 'directory') {
      // A site root means the site's pages and include files; any other folder, the pages and
      // include files below it (README files and layouts are not pages).
      const before = files.size;
      const listed = isSiteRoot(host, abs) ? siteFiles(workspace, abs, listings) : host.listFiles(abs).filter(isMarkdownPath);
      for (const f of listed) if (workspace.siteFor(f)?.isPageOrInclude(f) ?? true) files.add(f);
      if (files.size === before) missing.push(p);
      continue;
    }
    if (picomatch.scan(p).isGlob) {
      const scan = picomatch.scan(p);
      const base = toCorePath(path.resolve(fromCorePath(cwd), scan.base || '.'));
      const match = picomatch(toCorePath(path.resolve(fromCorePath(cwd), p)), { dot: false });
      const before = files.size;
      for (const f of host.listFiles(base)) if (isMarkdownPath(f) && match(f)) files.add(f);
      if (files.size === before) missing.push(p);
      continue;
    }
    missing.push(p);
  }
  return { files: [...files].sort(), missing };
}

/** Include files sort after pages: an include file's links are checked on the pages that include it. */
export function checkOrder(workspace: Workspace, files: string[]): string[] {
  const includes = new Set(files.filter((f) => workspace.siteFor(f)?.isUnderIncludeRoot(f)));
  const byName = new Intl.Collator().compare; // what localeCompare does, without a collator per call
  return [...files].sort((a, b) => Number(includes.has(a)) - Number(includes.has(b)) || byName(a, b));
}
