// What the rest of the site needs to know about a page without its full model: its Hugo URL, its
// headings and anchors after include expansion, its links and the files it includes. The Workspace
// records a summary whenever it builds a page's model; `Workspace.indexSite` summarises every page
// (the CLI before it checks, the language server in the background). Site-wide rules read this
// index, never other pages' text.

import type { PageKind } from './config';
import type { PageModel } from './model/pageModel';
import type { PageUrls } from './pageUrls';
import { dirname, relativePath } from './paths';
import { own, type Range } from './text';

export interface HeadingSummary {
  id: string;
  text: string;
  level: number;
  /** The file it is written in (the page, or an included file). */
  file: string;
  range: Range;
}

export interface LinkSummary {
  /** As written. */
  target: string;
  /** The path part (before "#"), '' for same-page links. */
  path: string;
  fragment?: string;
  /** Where the destination is written in the page. */
  range: Range;
}

export interface PageSummary {
  path: string;
  kind: PageKind;
  /** The page's URL path as Hugo publishes it (`/handbook/engineering/`). */
  url: string;
  /** Old URLs Hugo redirects to this page (front matter `aliases`). */
  aliases: string[];
  title?: string;
  headings: HeadingSummary[];
  /** Every id a link can target on the rendered page (sorted). */
  anchors: string[];
  /** Files this page includes (resolved paths, {{% %}} and {{< >}} alike). */
  includes: string[];
  links: LinkSummary[];
  hasFootnotes: boolean;
  /** A page Hugo generates without a content file (the home page, a top-level section). */
  generated?: boolean;
  /**
   * The URL as Hugo publishes it when that is not `url` lower-cased: front matter `url` keeps its
   * letter case (`/Custom/Place/`), where the paths Hugo makes from file names are lower case.
   */
  exactUrl?: string;
}

/**
 * The URL Hugo gives a content file: `content/a/b.md` → `/a/b/`, `content/a/_index.md` and the leaf
 * bundle `content/a/index.md` → `/a/`; front matter `url` replaces it, `slug` replaces the last part.
 * Hugo lower-cases paths by default. Given the site's PageUrls (pageUrls.ts), its uglyURLs,
 * permalinks, languages and content folders apply too.
 */
export function pageUrl(contentDir: string | PageUrls, file: string, frontmatter?: Record<string, unknown>): string {
  if (typeof contentDir !== 'string') return normalizeUrlPath(contentDir.of(file, frontmatter));
  const url = frontmatter?.url;
  if (typeof url === 'string' && url.trim()) return normalizeUrlPath(url.trim());
  let rel = relativePath(contentDir, file).replace(/\.(md|markdown)$/i, '');
  const base = rel.split('/').pop()!;
  if (base === '_index' || base === 'index') rel = dirname(rel) === '.' ? '' : dirname(rel);
  else if (typeof frontmatter?.slug === 'string' && frontmatter.slug.trim()) {
    const dir = dirname(rel);
    rel = (dir === '.' ? '' : dir + '/') + frontmatter.slug.trim();
  }
  return normalizeUrlPath('/' + rel);
}

/** A site URL path as a browser asks for it: decoded, `index.html` dropped, one trailing slash for pages; letter case and every "/" kept. */
export function exactUrlPath(path: string): string {
  let p = path.split('?')[0].split('#')[0];
  try {
    p = decodeURI(p);
  } catch {
    // A malformed %-escape: keep it as written.
  }
  p = p.replace(/\/index\.html?$/i, '/');
  if (!p.startsWith('/')) p = '/' + p;
  if (!/\.[a-z0-9]+$/i.test(p) && !p.endsWith('/')) p += '/';
  return p;
}

/** normalizeUrlPath's answers so far: a site's links name the same few thousand URLs over and over. */
const normalizedUrls = new Map<string, string>();

/** A site URL path as a key: lower case, `index.html` dropped, one trailing slash for pages. */
export function normalizeUrlPath(path: string): string {
  let p = normalizedUrls.get(path);
  if (p === undefined) {
    p = normalize(path);
    if (normalizedUrls.size >= 100_000) normalizedUrls.clear();
    normalizedUrls.set(path, p);
  }
  return p;
}

/** A URL path already in the normal form: lower-case segments without dots, escapes or spaces, each with its slash. */
const NORMAL_URL_PATH = /^\/(?:[a-z0-9_~-]+\/)*$/;

function normalize(path: string): string {
  if (NORMAL_URL_PATH.test(path)) return path; // most links: nothing below would change it
  let p = path.split('?')[0].split('#')[0];
  try {
    p = decodeURI(p);
  } catch {
    // A malformed %-escape: keep it as written.
  }
  p = p.replace(/\/index\.html?$/i, '/').replace(/\/{2,}/g, '/');
  if (!p.startsWith('/')) p = '/' + p;
  if (!/\.[a-z0-9]+$/i.test(p) && !p.endsWith('/')) p += '/';
  return p.toLowerCase().replace(/ /g, '-');
}

/**
 * A page's index entry. Its strings are its own (the index outlives the models), one copy of each
 * string however many entries hold it (a link target, a heading): see own(). `keep` says how the
 * strings of its headings, links and anchors are kept: as they are for an entry that writes them
 * out as text before its model goes (a compact index: ModelCache.drop), when a copy would be work
 * for nothing.
 */
export function summarize(model: PageModel, contentDir: string | PageUrls, keep: (s: string) => string = own): PageSummary {
  const includes = new Set<string>();
  for (const inc of model.includes) {
    const r = inc.resolution;
    if (r.kind === 'found' || r.kind === 'case-mismatch') includes.add(r.path);
  }
  const data = model.frontmatter?.data;
  const aliases = Array.isArray(data?.aliases) ? (data.aliases as unknown[]).filter((a): a is string => typeof a === 'string').map(normalizeUrlPath) : [];
  const summary: PageSummary = {
    path: model.file.path,
    kind: model.kind,
    url: own(pageUrl(contentDir, model.file.path, data)),
    aliases: aliases.map(own),
    title: typeof data?.title === 'string' ? own(data.title) : undefined,
    headings: summaryHeadings(model, keep),
    anchors: [...model.anchors.keys()].sort().map(keep),
    includes: [...includes].sort(),
    links: summaryLinks(model, keep),
    hasFootnotes: model.hasFootnotes,
  };
  const exact = exactUrlOf(contentDir, model.file.path, data).exactUrl;
  if (exact !== undefined) summary.exactUrl = own(exact);
  return summary;
}

/** A page's headings as its index entry has them, from its model or what a checked page keeps of it (model/residual.ts). */
export function summaryHeadings(model: PageModel, keep: (s: string) => string = own): HeadingSummary[] {
  const lines = model.file.lines;
  const linesOf = (file: string) => (file === model.file.path ? lines : (model.includes.find((i) => i.target?.path === file)?.target?.lines ?? lines));
  return model.headings.map((h) => ({ id: keep(h.id), text: keep(h.text), level: h.level, file: h.file, range: linesOf(h.file).spanRange(h.span) }));
}

/** A page's links as its index entry has them, from its model or what a checked page keeps of it. */
export function summaryLinks(model: PageModel, keep: (s: string) => string = own): LinkSummary[] {
  const lines = model.file.lines;
  return model.links.map((l) => {
    const target = keep(l.target);
    // Most links have no fragment: their path is their target, one string for both.
    return {
      target,
      path: l.path === l.target ? target : keep(l.path),
      fragment: l.fragment === undefined ? undefined : keep(l.fragment),
      range: lines.spanRange(l.span),
    };
  });
}

/**
 * The entry `summary` (made from a page's model) with its headings and links made again from
 * `residual` (what the page's check kept of that model) when something first reads them: the same
 * values, and until then no second copy of what the residual holds (Workspace.lintSite).
 */
export function summaryOverResidual(summary: PageSummary, residual: PageModel): PageSummary {
  const { headings: _h, links: _l, anchors, ...fields } = summary;
  return lazySummary(fields, () => ({ headings: summaryHeadings(residual), links: summaryLinks(residual), anchors }));
}

/** `exactUrl` for a page whose front matter `url` has capitals (see PageSummary). */
function exactUrlOf(contentDir: string | PageUrls, file: string, data: Record<string, unknown> | undefined): { exactUrl?: string } {
  if (typeof data?.url !== 'string' || !/[A-Z]/.test(data.url)) return {};
  const exact = exactUrlPath(typeof contentDir === 'string' ? data.url.trim() : contentDir.of(file, data)).replace(/\/{2,}/g, '/');
  return exact === pageUrl(contentDir, file, data) ? {} : { exactUrl: exact };
}

/** An index entry's headings, links and anchors as one JSON text (arrays, a heading written in the page itself naming no file). */
type CompactHeading = [id: string, text: string, level: number, file: string | 0, sl: number, sc: number, el: number, ec: number];
type CompactLink = [target: string, path: string, fragment: string | null, sl: number, sc: number, el: number, ec: number];
export type SummaryParts = Pick<PageSummary, 'headings' | 'links' | 'anchors'>;
/** An entry without its headings, links and anchors. */
export type SummaryFields = Omit<PageSummary, 'headings' | 'links' | 'anchors'>;

/** The JSON text of a summary's headings, links and anchors (what decodeSummaryParts reads back). */
export function encodeSummaryParts(page: PageSummary): string {
  const known = compactTexts.get(page);
  if (known !== undefined) return known;
  const r = (x: { range: Range }) => [x.range.start.line, x.range.start.character, x.range.end.line, x.range.end.character] as const;
  const headings: CompactHeading[] = page.headings.map((h) => [h.id, h.text, h.level, h.file === page.path ? 0 : h.file, ...r(h)]);
  const links: CompactLink[] = page.links.map((l) => [l.target, l.path, l.fragment ?? null, ...r(l)]);
  return JSON.stringify([headings, links, page.anchors]);
}

/** The headings, links and anchors of the page `file` from encodeSummaryParts' text, as summarize() makes them. */
export function decodeSummaryParts(file: string, text: string): SummaryParts {
  const [headings, links, anchors] = JSON.parse(text) as [CompactHeading[], CompactLink[], string[]];
  const range = (sl: number, sc: number, el: number, ec: number): Range => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });
  return {
    headings: headings.map(([id, text, level, f, sl, sc, el, ec]) => ({ id, text, level, file: f === 0 ? file : f, range: range(sl, sc, el, ec) })),
    links: links.map(([target, path, fragment, sl, sc, el, ec]) => ({ target, path, fragment: fragment ?? undefined, range: range(sl, sc, el, ec) })),
    anchors,
  };
}

/** The JSON text lazy entries were made from (for a store saving them without reading them). */
const compactTexts = new WeakMap<PageSummary, string>();

/**
 * An entry whose headings, links and anchors are made when something first reads one of them (then
 * kept): from `parts`, JSON text as encodeSummaryParts writes it, or the parts themselves. Most
 * entries of a large site are only ever asked for their URL, title and includes; as text, the
 * 4,000-page handbook's index takes 37 MB of heap instead of 66 MB.
 */
export function lazySummary(fields: SummaryFields, parts: () => string | SummaryParts, text?: string): PageSummary {
  let decoded: SummaryParts | undefined;
  const file = fields.path;
  const decode = (): SummaryParts => {
    if (!decoded) {
      const p = parts();
      decoded = typeof p === 'string' ? decodeSummaryParts(file, p) : p;
    }
    return decoded;
  };
  const summary: PageSummary = {
    ...fields,
    get headings() {
      return decode().headings;
    },
    get links() {
      return decode().links;
    },
    get anchors() {
      return decode().anchors;
    },
  };
  if (text !== undefined) compactTexts.set(summary, text);
  return summary;
}

/** The same entry with its headings, links and anchors kept as text until read (see lazySummary). */
export function compactSummary(page: PageSummary): PageSummary {
  const { headings: _h, links: _l, anchors: _a, ...fields } = page;
  const text = encodeSummaryParts(page);
  return lazySummary(fields, () => text, text);
}

export class SiteIndex {
  private readonly pages = new Map<string, PageSummary>();
  /** A page's anchors as a set, made when first asked (most pages are never linked to with a fragment). */
  private readonly anchorSets = new Map<string, Set<string>>();
  private readonly includers = new Map<string, Set<string>>();
  private readonly byUrl = new Map<string, string>();
  private readonly byAlias = new Map<string, string>();
  /** True once every page of the site has been summarised (site-wide rules wait for it). */
  complete = false;
  private urlLookup?: { byLast: Map<string, string[]>; byParts: Map<string, string[]>; byParent: Map<string, string[]> };
  update(summary: PageSummary): void {
    // A page summarised again at the same URL (every keystroke on an open page) leaves the set of
    // URLs, and so the look-up similarUrls() built from it, as it was.
    const lookup = this.pages.get(summary.path)?.url === summary.url ? this.urlLookup : undefined;
    this.remove(summary.path);
    this.urlLookup = lookup;
    this.pages.set(summary.path, summary);
    for (const inc of summary.includes) {
      let set = this.includers.get(inc);
      if (!set) this.includers.set(inc, (set = new Set()));
      set.add(summary.path);
    }
    this.byUrl.set(summary.url, summary.path);
    for (const a of summary.aliases) this.byAlias.set(a, summary.path);
  }

  remove(path: string): void {
    const old = this.pages.get(path);
    if (!old) return;
    this.urlLookup = undefined;
    for (const inc of old.includes) this.includers.get(inc)?.delete(path);
    if (this.byUrl.get(old.url) === path) this.byUrl.delete(old.url);
    for (const a of old.aliases) if (this.byAlias.get(a) === path) this.byAlias.delete(a);
    this.pages.delete(path);
    this.anchorSets.delete(path);
  }

  page(path: string): PageSummary | undefined {
    return this.pages.get(path);
  }

  /** The page published at a URL path (or redirected from it by an alias). */
  pageAt(url: string): PageSummary | undefined {
    const key = normalizeUrlPath(url);
    const path = this.byUrl.get(key) ?? this.byAlias.get(key);
    return path ? this.pages.get(path) : undefined;
  }

  /**
   * Page URLs that a broken URL probably meant, best first: the same parts in another order
   * (".../intermediate/fullstack/" for ".../fullstack/intermediate/"), the same last part (a moved
   * page), then pages in the same folder. Built once per index version, so a lookup is cheap.
   */
  similarUrls(url: string): { sameParts: string[]; sameLast: string[]; siblings: string[] } {
    if (!this.urlLookup) {
      const byLast = new Map<string, string[]>();
      const byParts = new Map<string, string[]>();
      const byParent = new Map<string, string[]>();
      const add = (m: Map<string, string[]>, k: string, v: string) => {
        const list = m.get(k);
        if (list) list.push(v);
        else m.set(k, [v]);
      };
      for (const u of [...this.byUrl.keys()].sort()) {
        const parts = u.split('/').filter(Boolean);
        add(byLast, parts[parts.length - 1] ?? '', u);
        add(byParts, [...parts].sort().join('/'), u);
        add(byParent, parts.slice(0, -1).join('/'), u);
      }
      this.urlLookup = { byLast, byParts, byParent };
    }
    const parts = normalizeUrlPath(url).split('/').filter(Boolean);
    const { byLast, byParts, byParent } = this.urlLookup;
    return {
      sameParts: byParts.get([...parts].sort().join('/')) ?? [],
      sameLast: byLast.get(parts[parts.length - 1] ?? '') ?? [],
      siblings: byParent.get(parts.slice(0, -1).join('/')) ?? [],
    };
  }

  all(): IterableIterator<PageSummary> {
    return this.pages.values();
  }

  /** Pages that include `file`, in path order. */
  includersOf(file: string): PageSummary[] {
    return [...(this.includers.get(file) ?? [])].sort().map((p) => this.pages.get(p)!);
  }

  /** Every included file with at least one page that includes it. */
  includedFiles(): Set<string> {
    return new Set([...this.includers.entries()].filter(([, pages]) => pages.size > 0).map(([f]) => f));
  }

  hasAnchor(page: string, id: string): boolean {
    let set = this.anchorSets.get(page);
    if (!set) {
      const summary = this.pages.get(page);
      if (!summary) return false;
      this.anchorSets.set(page, (set = new Set(summary.anchors)));
    }
    return set.has(id);
  }

  get size(): number {
    return this.pages.size;
  }
}
