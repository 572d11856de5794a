// What one file's check read of the site besides its own model, so that a cache (the CLI's --cache,
// server/src/cli/cache.ts) can reuse its findings for as long as every read would get the same answer.
// Workspace.lint(file, text, reads) records each look-up a rule (or the engine for it) makes as a key:
//
//   page:<path>        an index entry: page(), hasAnchor()          answer: the entry's facet
//   url:<url>          the page published at a URL: pageAt()        answer: that entry's facet
//   similar:<url>      the URLs a broken URL probably meant          answer: similarUrls()
//   includers:<file>   the pages that include an include file:       answer: their facets
//                      includers(), includersOf()
//   resolve:<argument> where an include path leads                   answer: the resolution
//   include-files      every file under the include roots            answer: the list
//   ladder:<folder>    the Markdown files of a career ladder's folder answer: the list
//   model:<path>       another file's model (a ladder sibling)       answer: the caller's to give (its text
//                      and what it includes, which the core does not hash)
//
// The file's own model (its text, its include calls' resolutions and the included texts) is not a
// read: the caller knows it. Everything else a check depends on is the configuration (options,
// .hugolint.yaml, the site's shortcode templates) and the tool itself. Rules reach the site only
// through SiteContext, whose index and resolver are the read-only views below, so a look-up that is
// not recorded does not compile.

import type { IncludeResolver } from './site';
import type { PageSummary, SiteIndex } from './siteIndex';

/** The site index as a check may read it (SiteContext.index). */
export type SiteIndexReader = Pick<SiteIndex, 'complete' | 'page' | 'pageAt' | 'similarUrls' | 'hasAnchor' | 'includersOf'>;
/** Include resolution as a check may use it (SiteContext.resolver). */
export type ResolverReader = Pick<IncludeResolver, 'roots' | 'resolve' | 'allFiles'>;

export type ReadKind = 'page' | 'url' | 'similar' | 'includers' | 'resolve' | 'include-files' | 'ladder' | 'model';

export class LintReads {
  /** `kind:argument`, in the order first read. */
  readonly keys = new Set<string>();

  add(kind: ReadKind, argument = ''): void {
    this.keys.add(`${kind}:${argument}`);
  }
}

/** The recording views of an index and a resolver. */
export function recordingReaders(index: SiteIndexReader, resolver: ResolverReader, reads: LintReads): { index: SiteIndexReader; resolver: ResolverReader } {
  return {
    index: {
      get complete() {
        return index.complete;
      },
      page: (path) => (reads.add('page', path), index.page(path)),
      pageAt: (url) => (reads.add('url', url), index.pageAt(url)),
      similarUrls: (url) => (reads.add('similar', url), index.similarUrls(url)),
      hasAnchor: (path, id) => (reads.add('page', path), index.hasAnchor(path, id)),
      includersOf: (file) => (reads.add('includers', file), index.includersOf(file)),
    },
    resolver: {
      roots: resolver.roots,
      resolve: (argument) => (reads.add('resolve', argument), resolver.resolve(argument)),
      allFiles: () => (reads.add('include-files'), resolver.allFiles()),
    },
  };
}

/**
 * What a check of another file may read of a page's index entry: everything but its links and its
 * headings' texts and ranges (which move with every edit above them; the editor's references, rename
 * and completion read those, no check does). Of the headings, the outline counts: each one's level
 * and, for an included one, its file (heading-increment reads where an include file lands on the
 * pages that include it). Restored entries compare by this.
 */
export function pageFacet(page: PageSummary | undefined): string {
  if (!page) return 'null';
  const outline = page.headings.map((h) => (h.file === page.path ? h.level : [h.level, h.file]));
  return JSON.stringify([
    page.path,
    page.kind,
    page.url,
    page.aliases,
    page.title ?? null,
    page.anchors,
    page.includes,
    page.hasFootnotes,
    !!page.generated,
    outline,
  ]);
}

/** What the site needs to answer a read now (a Workspace's Site). */
export interface ReadSource {
  index: Pick<SiteIndex, 'page' | 'pageAt' | 'similarUrls' | 'includersOf'>;
  resolver: ResolverReader;
  /** The Markdown files of a folder, as the ladder reads them. */
  ladderFiles(folder: string): string[];
}

/**
 * The answer a read gets now: for `page:`, `url:` and `includers:` reads, the index entries it is
 * made of (compare their pageFacet); for the others, a string to compare with the answer it got;
 * undefined for `model:` reads.
 */
export function readAnswer(site: ReadSource, key: string): { pages: (PageSummary | undefined)[] } | string | undefined {
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon) as ReadKind;
  const argument = key.slice(colon + 1);
  switch (kind) {
    case 'page':
      return { pages: [site.index.page(argument)] };
    case 'url':
      return { pages: [site.index.pageAt(argument)] };
    case 'includers':
      return { pages: site.index.includersOf(argument) };
    case 'similar':
      return JSON.stringify(site.index.similarUrls(argument));
    case 'resolve':
      return JSON.stringify(site.resolver.resolve(argument));
    case 'include-files':
      return JSON.stringify(site.resolver.allFiles());
    case 'ladder':
      return JSON.stringify(site.ladderFiles(argument));
    default:
      return undefined;
  }
}
