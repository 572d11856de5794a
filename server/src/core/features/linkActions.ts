// Code actions on links to other pages of the site:
// - at the cursor (refactors): write a relative link as the page's URL, or a URL as a path relative
//   to what the link resolves from (linkForms.ts), and replace a URL that reaches its page through
//   front matter `aliases` (a redirect) by the page's current URL;
// - for a `link-page` finding: the pages the link most probably meant, closest by URL and by title
//   (the rule itself carries at most one suggestion, the one `career-lint --fix` applies).
// The path part of the link is replaced; its `#fragment` and `?query` stay as written.

import { distance } from 'fastest-levenshtein';
import type { Fix } from '../diagnostic';
import { resolveLinkTarget } from '../linkTargets';
import type { Link } from '../model/pageModel';
import { dirname, relativePath } from '../paths';
import { pageUrl, type PageSummary } from '../siteIndex';
import type { Range } from '../text';
import type { Site, Workspace } from '../workspace';
import { openDocument, touches, type OpenDocument } from './document';
import { basesOf, isRelativePath, relativeFromAll, urlOf } from './linkForms';

/** A link action at the cursor: a refactor that changes how the link is written, not where it leads. */
export interface LinkAction {
  title: string;
  fix: Fix;
}

/** How many other pages a `link-page` finding offers as fixes. */
export const CLOSEST_PAGES = 5;

/** The page a link leads to (the same from every base it is read from), and whether it gets there through an alias. */
export interface LinkedPage {
  page: PageSummary;
  /** The link's URL is one of the page's aliases, not its URL. */
  alias?: string;
}

/** The page a link written in `file` leads to, from every URL it resolves from; undefined when it leads nowhere (or to different pages). */
export function linkedPageOf(site: Site, file: string, link: Pick<Link, 'path' | 'kind'>): LinkedPage | undefined {
  if (!link.path) return undefined;
  let found: LinkedPage | undefined;
  for (const base of basesOf(site, file, link.kind === 'html')) {
    const target = resolveLinkTarget(link.path, base, file, site.contentDir);
    let r: LinkedPage | undefined;
    if (target.kind === 'page') {
      const page = site.index.pageAt(target.url);
      if (page) r = page.url !== target.url && page.aliases.includes(target.url) ? { page, alias: target.url } : { page };
    } else if (target.kind === 'file') {
      const page = site.index.page(target.path) ?? site.index.pageAt(pageUrl(site.urls, target.path));
      if (page) r = { page };
    }
    if (!r || (found && found.page.path !== r.page.path)) return undefined;
    found ??= r;
  }
  return found;
}

/** The link actions for the links the range touches. */
export function linkActions(workspace: Workspace, file: string, text: string, range: Range): LinkAction[] {
  const doc = openDocument(workspace, file, text);
  if (!doc?.site.index.complete) return [];
  const lines = doc.model.file.lines;
  const from = lines.offsetAt(range.start);
  const to = lines.offsetAt(range.end);
  const out: LinkAction[] = [];
  for (const link of doc.model.links) {
    // The link at the cursor, or every link inside the selection.
    if (link.image || !link.path || !(touches(link.span, from) || (link.span.start >= from && link.span.end <= to))) continue;
    out.push(...actionsFor(doc, link));
  }
  return out;
}

function actionsFor(doc: OpenDocument, link: Link): LinkAction[] {
  const { site, file } = doc;
  const linked = linkedPageOf(site, file, link);
  if (!linked) return [];
  const written = link.path.split('?')[0];
  const replace = (title: string, newPath: string): LinkAction => ({
    title,
    fix: {
      title,
      edits: [{ file, range: doc.model.file.lines.spanRange({ start: link.span.start, end: link.span.start + written.length }), newText: newPath }],
    },
  });
  const url = urlOf(linked.page);
  const bases = basesOf(site, file, link.kind === 'html');
  const out: LinkAction[] = [];
  if (linked.alias) {
    const now = isRelativePath(written) ? (relativeFromAll(site, bases, url, file) ?? url) : url;
    out.push(replace(`Replace the alias ${linked.alias} with the page's URL ${url}`, now));
  }
  if (isRelativePath(written)) {
    out.push(replace(`Convert to the absolute URL ${url}`, url));
  } else {
    const relative = relativeFromAll(site, bases, url, file);
    if (relative !== undefined && relative !== written) out.push(replace(`Convert to the relative link ${relative}`, relative));
  }
  return out;
}

// ---- link-page: the closest pages ----------------------------------------------------------------

/**
 * Fixes for a `link-page` finding at `range` (the link's path): the pages closest to the link's
 * URL and to its text, best first, written as the link is (relative or absolute, `x.md`). `skip`:
 * paths already offered (the rule's own suggestion).
 */
export function closestPageFixes(workspace: Workspace, file: string, text: string, range: Range, skip: ReadonlySet<string>): Fix[] {
  const doc = openDocument(workspace, file, text);
  if (!doc?.site.index.complete) return [];
  const lines = doc.model.file.lines;
  const start = lines.offsetAt(range.start);
  const link = doc.model.links.find((l) => l.span.start === start);
  if (!link?.path) return [];
  const { site } = doc;
  const bases = basesOf(site, file, link.kind === 'html');
  const written = link.path.split('?')[0];
  const wanted = wantedUrl(site, file, link, bases[0]);
  if (!wanted) return [];
  const words = linkText(text, lines.offsetAt(range.start));
  const ranked = closestPages(site.index.all(), wanted, words);
  const fixes: Fix[] = [];
  const editRange = lines.spanRange({ start: link.span.start, end: link.span.start + written.length });
  for (const { page } of ranked) {
    const newPath = writtenLike(site, file, written, page, bases);
    if (newPath === undefined || skip.has(newPath) || newPath === written) continue;
    const title = `Change to ${newPath}${page.title ? ` ("${page.title}")` : ''}`;
    fixes.push({ title, edits: [{ file, range: editRange, newText: newPath }] });
    if (fixes.length === CLOSEST_PAGES) break;
  }
  return fixes;
}

/** The URL a broken link asks for (a `x.md` link: the URL that file would have). */
function wantedUrl(site: Site, file: string, link: Link, base: string): string | undefined {
  const t = resolveLinkTarget(link.path, base, file, site.contentDir);
  if (t.kind === 'page') return t.url;
  if (t.kind === 'file') return pageUrl(site.urls, t.path);
  return undefined;
}

/** A link to `page` written the way `written` is: a URL, a relative path, or a relative `x.md` file path. */
function writtenLike(site: Site, file: string, written: string, page: PageSummary, bases: string[]): string | undefined {
  if (page.generated && /\.(md|markdown)$/i.test(written)) return undefined;
  if (/\.(md|markdown)$/i.test(written) && !site.isUnderIncludeRoot(file)) {
    return written.startsWith('/') ? `/${relativePath(site.contentDir, page.path)}` : relativePath(dirname(file), page.path);
  }
  if (!isRelativePath(written)) return urlOf(page);
  return relativeFromAll(site, bases, urlOf(page), file) ?? urlOf(page);
}

/** The words of the link's text (`[the team page](...)`: "the team page"), read back from the "](" before the destination. */
function linkText(text: string, destinationStart: number): string {
  const close = text.lastIndexOf('](', destinationStart);
  if (close < 0 || destinationStart - close > 3) return '';
  const open = text.lastIndexOf('[', close);
  const line = text.lastIndexOf('\n', close);
  return open > line ? text.slice(open + 1, close) : '';
}

const wordsOf = (s: string) =>
  new Set(
    s
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 1),
  );
const similarity = (a: string, b: string) => (a || b ? 1 - distance(a, b) / Math.max(a.length, b.length) : 0);

/** Shared words over all words (Jaccard); 0 when either side has none. */
function overlap(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Pages ranked by how close they are to `url` and to the link's text: the same parts in another
 * order first (".../intermediate/fullstack/" for ".../fullstack/intermediate/"), then a score of the
 * parts the two URLs share (a moved page keeps most of them), the last part (a renamed page keeps
 * most of its name), the URL as a whole, and the words of the title beside those of the link's text
 * and last part. Pages below 0.45 (of 1, the best possible score) are left out.
 */
export function closestPages(pages: Iterable<PageSummary>, url: string, text: string): { page: PageSummary; score: number }[] {
  const parts = url.split('/').filter(Boolean);
  const last = parts[parts.length - 1] ?? '';
  const partSet = new Set(parts);
  const sorted = [...parts].sort().join('/');
  const textWords = wordsOf(`${text} ${last}`);
  const out: { page: PageSummary; score: number }[] = [];
  for (const page of pages) {
    if (page.url === url) continue;
    const theirs = page.url.split('/').filter(Boolean);
    if (theirs.length === parts.length && [...theirs].sort().join('/') === sorted) {
      out.push({ page, score: 1 });
      continue;
    }
    const theirLast = theirs[theirs.length - 1] ?? '';
    let shared = 0;
    for (const p of theirs) if (partSet.has(p)) shared++;
    const cheap =
      0.35 * (shared / Math.max(parts.length, theirs.length, 1)) +
      0.2 * similarity(last, theirLast) +
      0.2 * Math.max(overlap(textWords, wordsOf(page.title ?? '')), overlap(textWords, wordsOf(theirLast)));
    // The whole URL's distance, the costly part, only where it can still lift the page over the bar.
    if (cheap + 0.25 < 0.45) continue;
    const score = cheap + 0.25 * similarity(url, page.url);
    if (score >= 0.45) out.push({ page, score });
  }
  return out.sort((a, b) => b.score - a.score || (a.page.url < b.page.url ? -1 : 1));
}
