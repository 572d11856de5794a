// Moving or renaming content pages (or a section folder) in the explorer: the edits, applied before
// the move, that keep every link working, as one set.
// - "update": every link to a moved page gets its new URL, in the form it was written (a URL from the
//   site root, a path relative to what the link resolves from, an `x.md` path), on every page and in
//   every include file (an include file's relative link when one path works on every page that
//   includes it, else the URL);
// - "alias": the old URL goes into the moved page's front matter `aliases` (Hugo redirects it), and
//   only the links that an alias cannot keep working change: `x.md` paths to the page (the link
//   render hook looks the file up).
// Either way the moved pages' own relative links are rewritten when the move changes what they
// resolve from. A page's new URL is the one Hugo gives the new path (pageUrls.ts): a front matter
// `url` keeps it, `slug` keeps its last part; links that reach a page through one of its aliases keep
// working and are left alone. Nothing is written for a move that changes no URL and no base.

import { resolveLinkTarget } from '../linkTargets';
import type { PageModel } from '../model/pageModel';
import { dirname, isInside, joinPath, normalizePath, relativePath } from '../paths';
import { normalizeUrlPath, pageUrl, type PageSummary } from '../siteIndex';
import type { Site, Workspace } from '../workspace';
import { isMarkdownPath } from '../workspace';
import { baseFor, isRelativePath, relativeFromAll, urlOf } from './linkForms';
import { linkedPageOf } from './linkActions';
import { movedFiles } from './rename';
import type { FileEdit, WorkspaceChange } from './types';

export type PageMoveMode = 'update' | 'alias';

export interface MovedPage {
  from: string;
  to: string;
  oldUrl: string;
  /** undefined: the page leaves the site's content folders (it will not be published). */
  newUrl?: string;
}

export interface PageMoveChange extends WorkspaceChange {
  /** The pages the move changes the URL of, or whose file moves. */
  moved: MovedPage[];
  /** Links from pages and include files that stay, to a moved page whose URL changes (or to its moved file). */
  incoming: number;
  /** Files with at least one of those links. */
  linkingFiles: number;
  /** What the edits cannot keep working, for the person moving the files. */
  notes: string[];
}

interface Move {
  from: string;
  to: string;
}

/** Where a page is after the move. */
interface After {
  path: string;
  url: string;
}

export function pageMoveEdits(workspace: Workspace, moves: readonly Move[], mode: PageMoveMode): PageMoveChange {
  const out: PageMoveChange = { edits: [], moved: [], incoming: 0, linkingFiles: 0, notes: [] };
  const bySite = new Map<Site, Map<string, MovedPage>>();
  for (const move of moves) {
    const moved = movedFiles(workspace, move);
    if (!moved) continue;
    const { site, files } = moved;
    for (const [from, to] of files) {
      const page = isMarkdownPath(from) ? site.index.page(from) : undefined;
      if (!page || page.generated) continue;
      const model = workspace.model(from);
      const inContent = isMarkdownPath(to) && site.urls.isContent(to) && !site.isUnderIncludeRoot(to);
      const moved: MovedPage = { from, to, oldUrl: page.url, newUrl: inContent ? pageUrl(site.urls, to, model?.frontmatter?.data) : undefined };
      let map = bySite.get(site);
      if (!map) bySite.set(site, (map = new Map()));
      map.set(from, moved);
      out.moved.push(moved);
    }
  }
  for (const [site, moved] of bySite) siteEdits(workspace, site, moved, mode, out);
  out.edits.sort((a, b) => a.file.localeCompare(b.file) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return out;
}

function siteEdits(workspace: Workspace, site: Site, moved: Map<string, MovedPage>, mode: PageMoveMode, out: PageMoveChange): void {
  const after = (page: Pick<PageSummary, 'path' | 'url'>): After => {
    const m = moved.get(page.path);
    return m ? { path: m.to, url: m.newUrl ?? m.oldUrl } : { path: page.path, url: page.url };
  };
  const urlChanged = (path: string) => {
    const m = moved.get(path);
    return m !== undefined && m.newUrl !== undefined && m.newUrl !== m.oldUrl;
  };
  for (const m of moved.values()) {
    if (m.newUrl === undefined)
      out.notes.push(`${site.label(m.from)} leaves the site's content folders: Hugo will not publish it, and links to it will lead nowhere.`);
    else if (m.newUrl !== m.oldUrl) {
      const taken = site.index.pageAt(m.newUrl);
      if (taken && !moved.has(taken.path)) out.notes.push(`${site.label(taken.path)} is already at ${m.newUrl}, where ${site.label(m.from)} moves to.`);
    }
  }

  const linking = new Set<string>();
  const edit = (file: string, e: Omit<FileEdit, 'file'>) => out.edits.push({ file, ...e });

  // Pages: the moved ones, and those with a link that reaches a moved page (read from the index first;
  // a link whose last part names no moved page is not even resolved).
  const names = movedNames(site, moved);
  // (A snapshot: building a model brings the page's entry in the index up to date, which would visit it again.)
  for (const summary of [...site.index.all()]) {
    if (summary.generated) continue;
    const isMoved = moved.has(summary.path);
    if (!isMoved && !summary.links.some((l) => l.path && names.has(lastPart(l.path)) && mayReach(site, summary, l.path, moved))) continue;
    const model = workspace.model(summary.path);
    if (!model) continue;
    const bases = (html: boolean) => [baseFor(site, after(summary), html)];
    rewriteLinks(site, model, bases, after, urlChanged, moved, mode, isMoved, linking, edit, out);
  }
  // Include files: their links resolve from every page that includes them.
  for (const file of [...site.index.includedFiles()].sort()) {
    const model = workspace.model(file);
    if (!model) continue;
    const includers = site.index.includersOf(file);
    const basesMove = includers.some((p) => moved.has(p.path));
    const bases = (html: boolean) => includers.map((p) => baseFor(site, after(p), html));
    rewriteLinks(site, model, bases, after, urlChanged, moved, mode, basesMove, linking, edit, out);
  }
  out.linkingFiles += linking.size;

  if (mode === 'alias') {
    for (const m of moved.values()) {
      if (!urlChanged(m.from)) continue;
      const model = workspace.model(m.from);
      const summary = site.index.page(m.from);
      if (!model || !summary) continue;
      const alias = aliasEdit(model, urlOf(summary));
      if (typeof alias === 'string') out.notes.push(`${site.label(m.from)}: ${alias}`);
      else edit(m.from, alias);
    }
  }
}

/**
 * The last parts a link to a moved page can end in: of its URL and aliases, of its file name (its
 * folder's for `_index.md` and `index.md`), and "." and ".." (which can name any section).
 */
function movedNames(site: Site, moved: Map<string, MovedPage>): Set<string> {
  const names = new Set(['', '.', '..']);
  for (const m of moved.values()) {
    const page = site.index.page(m.from);
    for (const url of [m.oldUrl, ...(page?.aliases ?? []), page?.exactUrl ?? '']) names.add(lastPart(url));
    names.add(lastPart(m.from));
    names.add(lastPart(dirname(m.from)));
  }
  return names;
}

/** The last part of a link path, as a key: lower case, without "index.html", the extension or the trailing "/". (Runs on every link of the site: no regular expression on the common path.) */
function lastPart(path: string): string {
  let end = path.indexOf('?');
  if (end < 0) end = path.length;
  while (end > 0 && path[end - 1] === '/') end--;
  let start = path.lastIndexOf('/', end - 1) + 1;
  let last = path.slice(start, end);
  if (/^_?index\.(?:html?|md|markdown)$/i.test(last)) {
    end = start - 1;
    while (end > 0 && path[end - 1] === '/') end--;
    start = path.lastIndexOf('/', end - 1) + 1;
    last = path.slice(start, Math.max(start, end));
  }
  const dot = last.lastIndexOf('.');
  if (dot > 0 && /^\.(?:html?|md|markdown)$/i.test(last.slice(dot))) last = last.slice(0, dot);
  if (last.includes('%')) last = safeDecode(last);
  return last.toLowerCase().replace(/ /g, '-');
}

/** A cheap look at a link of the index: could it lead to a moved page (from the page's URL or its folder's)? */
function mayReach(site: Site, page: PageSummary, path: string, moved: Map<string, MovedPage>): boolean {
  for (const base of [page.url, baseFor(site, page, false)]) {
    const t = resolveLinkTarget(path, base, page.path, site.contentDir);
    if (t.kind === 'page') {
      const p = site.index.pageAt(t.url);
      if (p && moved.has(p.path)) return true;
    } else if (t.kind === 'file') {
      const p = site.index.page(t.path) ?? site.index.pageAt(pageUrl(site.urls, t.path));
      if (p && moved.has(p.path)) return true;
    }
  }
  return false;
}

function rewriteLinks(
  site: Site,
  model: PageModel,
  basesAfter: (html: boolean) => string[],
  after: (page: Pick<PageSummary, 'path' | 'url'>) => After,
  urlChanged: (path: string) => boolean,
  moved: Map<string, MovedPage>,
  mode: PageMoveMode,
  basesMove: boolean,
  linking: Set<string>,
  edit: (file: string, e: Omit<FileEdit, 'file'>) => void,
  out: PageMoveChange,
): void {
  const file = model.file.path;
  const fileAfter = moved.get(file)?.to ?? file;
  for (const link of model.links) {
    if (link.image || !link.path) continue;
    const linked = linkedPageOf(site, file, link);
    if (!linked) continue;
    const target = linked.page;
    const targetMoves = moved.has(target.path);
    if (!targetMoves && !basesMove) continue;
    const written = link.path.split('?')[0];
    const isFile = /\.(md|markdown)$/i.test(written);
    // A link the move breaks unless something is done: to a new URL, or to a file that moves.
    if (targetMoves && (urlChanged(target.path) || isFile) && !linked.alias && !moved.has(file)) {
      out.incoming++;
      linking.add(file);
    }
    // What an alias keeps working: a URL to the page's old place, from a page that does not move.
    if (mode === 'alias' && !isFile && !basesMove && !moved.has(file)) continue;
    const next = newPath(site, written, isFile, linked.alias, target, after, fileAfter, basesAfter(link.kind === 'html'));
    if (next === undefined || next === written) continue;
    const lines = model.file.lines;
    edit(file, { range: lines.spanRange({ start: link.span.start, end: link.span.start + written.length }), newText: next });
  }
}

/** How the link is written after the move (undefined: as it is). */
function newPath(
  site: Site,
  written: string,
  isFile: boolean,
  alias: string | undefined,
  target: PageSummary,
  after: (page: Pick<PageSummary, 'path' | 'url'>) => After,
  fileAfter: string,
  bases: string[],
): string | undefined {
  const t = after(target);
  if (isFile) {
    if (site.isUnderIncludeRoot(fileAfter) && !written.startsWith('/')) {
      // An include file's `x.md` path is read from its own folder (which does not move).
      const still = normalizePath(joinPath(dirname(fileAfter), safeDecode(written)));
      return still === t.path ? undefined : relativePath(dirname(fileAfter), t.path);
    }
    if (written.startsWith('/')) {
      const p = `/${relativePath(site.contentDir, t.path)}`;
      return isInside(site.contentDir, t.path) ? p : undefined;
    }
    const still = normalizePath(joinPath(dirname(fileAfter), safeDecode(written)));
    return still === t.path ? undefined : relativePath(dirname(fileAfter), t.path);
  }
  // The URL the link must reach: the alias it goes through (which stays), or the page's new URL.
  const url = alias ?? (target.exactUrl && t.url === target.url ? target.exactUrl : t.url);
  // A URL from the site root changes only with its page's URL (an alias stays where it is).
  if (!isRelativePath(written)) return alias || t.url === target.url ? undefined : url;
  if (bases.every((b) => reaches(site, written, b, fileAfter, url))) return undefined;
  return relativeFromAll(site, bases, url, fileAfter) ?? url;
}

function reaches(site: Site, written: string, base: string, file: string, url: string): boolean {
  const r = resolveLinkTarget(written, base, file, site.contentDir);
  return r.kind === 'page' && r.url === normalizeUrlPath(url);
}

function safeDecode(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

/** The edit that adds `url` to the page's `aliases` (YAML or TOML front matter, or a new one), or why it cannot. */
export function aliasEdit(model: PageModel, url: string): Omit<FileEdit, 'file'> | string {
  const lines = model.file.lines;
  const text = model.file.text;
  const fm = model.frontmatter;
  const nl = /\r\n/.test(text) ? '\r\n' : '\n';
  const at = (offset: number) => lines.spanRange({ start: offset, end: offset });
  const insert = (offset: number, newText: string) => ({ range: at(offset), newText });
  if (!fm) return insert(0, `---${nl}aliases:${nl}  - ${url}${nl}---${nl}`);
  if (!fm.closed) return 'its front matter is not closed, so the old URL was not added to its aliases.';
  if (fm.format === 'json') return `its front matter is JSON: add "${url}" to its aliases by hand.`;
  const content = text.slice(fm.contentSpan.start, fm.contentSpan.end);
  if (fm.format === 'toml') {
    const m = /^aliases\s*=\s*\[([^\]]*)\]/m.exec(content);
    if (!m) return insert(fm.contentSpan.end, `aliases = ["${url}"]${nl}`);
    const close = fm.contentSpan.start + m.index + m[0].length - 1;
    return insert(close, `${m[1].trim() ? ', ' : ''}"${url}"`);
  }
  const list = fm.locations.get('/aliases');
  const data = fm.data?.aliases;
  if (!list || data === undefined || data === null) {
    if (list) return { range: lines.spanRange(list.valueSpan), newText: `${text[list.valueSpan.start - 1] === ':' ? ' ' : ''}[${url}]` };
    return insert(fm.contentSpan.end, `aliases:${nl}  - ${url}${nl}`);
  }
  if (!Array.isArray(data)) return 'its aliases are not a list, so the old URL was not added.';
  if (data.map((a) => normalizeUrlPath(String(a))).includes(normalizeUrlPath(url))) return `${url} is one of its aliases already.`;
  const value = text.slice(list.valueSpan.start, list.valueSpan.end);
  if (value.trimStart().startsWith('[')) {
    const close = list.valueSpan.start + value.lastIndexOf(']');
    return insert(close, `${data.length ? ', ' : ''}${url}`);
  }
  // A block list: a new item after the last one, written as it is.
  const last = fm.locations.get(`/aliases/${data.length - 1}`);
  if (!last) return 'its aliases are written in a way the old URL could not be added to.';
  const line = lines.positionAt(last.valueSpan.start).line;
  const prefix = lines.lineText(line).slice(0, lines.positionAt(last.valueSpan.start).character);
  return insert(lines.lineEnd(line), `${nl}${prefix}${url}`);
}
