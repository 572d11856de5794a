// Completion of page URLs in a link's destination, from the site index: after `](/` the pages by
// their URL, after `](../` or `](` a path relative to the URL the link resolves from (the
// `relativeLinks` mode's base; a raw HTML `<a href="` resolves from the page's own URL), and in a
// reference definition `[x]: `. Sections (list pages) come before the pages beside them, the title
// is the detail, and what is typed matches fuzzily (fuzzy.ts). The edit covers the path only, never
// the `#fragment` or the `)` after it; typing `#` then completes that page's anchors (completion.ts).

import type { PageSummary } from '../siteIndex';
import type { Position, Range } from '../text';
import { code, type OpenDocument } from './document';
import { fuzzyMatch } from './fuzzy';
import { basesOf, RelativeLinks, urlOf } from './linkForms';
import type { CompletionItem } from './types';

/** At most this many items at once; the list is marked incomplete, so the editor asks again as more is typed. */
export const MAX_URL_ITEMS = 100;

export interface UrlCompletionList {
  items: CompletionItem[];
  /** More pages match than were sent. */
  incomplete: boolean;
}

// A destination being typed, up to the cursor, before any "#": inline `](`, a reference definition, an HTML href.
const LINK_PATH: { re: RegExp; html: boolean }[] = [
  { re: /\]\(\s*<?([^\s()<>#]*)$/, html: false },
  { re: /^\s{0,3}\[(?!\^)[^\]]+\]:\s*<?([^\s<>#]*)$/, html: false },
  { re: /<a\s[^>]*?\bhref\s*=\s*["']([^"'#\s]*)$/i, html: true },
];

/** Page URL items for the line up to the cursor, or undefined when the cursor is not in a link's path. */
export function urlCompletions(doc: OpenDocument, line: string, position: Position): UrlCompletionList | undefined {
  const before = line.slice(0, position.character);
  let typed: string | undefined;
  let html = false;
  for (const p of LINK_PATH) {
    const m = p.re.exec(before);
    if (m) {
      typed = m[1];
      html = p.html;
      break;
    }
  }
  if (typed === undefined) return undefined;
  const none = { items: [], incomplete: false };
  // Another site, a query, a protocol-relative URL, an image (a static file, not a page).
  if (/[:?]/.test(typed) || typed.startsWith('//') || (!html && isImage(before))) return none;
  const rest = line.slice(position.character);
  const end = position.character + (/^[^\s)#"'<>?]*/.exec(rest)?.[0].length ?? 0);
  const replace: Range = { start: { line: position.line, character: position.character - typed.length }, end: { line: position.line, character: end } };

  const { site } = doc;
  const absolute = typed.startsWith('/');
  const bases = absolute ? [] : basesOf(site, doc.file, html);
  const dot = typed.startsWith('./') ? './' : '';
  // The folder typed so far: pages directly below it come first.
  const typedDepth = depth(typed.slice(0, typed.lastIndexOf('/') + 1));
  const relative = absolute ? undefined : new RelativeLinks(site, bases, doc.file);
  // Sorted by `rank`, then label: the pages that start with what is typed (nearest the typed folder
  // first, sections before pages), then the fuzzy matches (best first, sections before pages).
  const candidates: { page: PageSummary; label: string; rank: number; section: boolean }[] = [];
  for (const page of site.index.all()) {
    let label = urlOf(page);
    if (relative) {
      const rel = relative.to(label);
      if (rel === undefined) continue;
      label = dot && !rel.startsWith('.') ? dot + rel : rel;
    }
    const match = fuzzyMatch(typed, label);
    if (!match) continue;
    const section = isSection(page);
    const rank = match.prefix ? (depth(label) - typedDepth) * 2 + (section ? 0 : 1) : 1e6 + Math.round((1000 - match.score) * 100) * 2 + (section ? 0 : 1);
    candidates.push({ page, label, rank, section });
  }
  candidates.sort((a, b) => a.rank - b.rank || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const items = candidates.slice(0, MAX_URL_ITEMS).map((c, i): CompletionItem => {
    const at = c.label === urlOf(c.page) ? '' : ` at ${code(urlOf(c.page))}`;
    const file = c.page.generated ? 'made by Hugo, without a file' : code(site.label(c.page.path));
    return {
      label: c.label,
      kind: c.section ? 'section' : 'page',
      detail: c.page.title ?? (c.page.url === '/' ? 'Home page' : undefined),
      documentation: `${c.section ? 'Section' : 'Page'}${at}: ${file}`,
      insertText: c.label,
      range: replace,
      sortText: String(i).padStart(5, '0'),
    };
  });
  return { items, incomplete: candidates.length > items.length };
}

/** A list page: a section's `_index.md` (or one Hugo makes without a file). */
function isSection(page: PageSummary): boolean {
  return page.generated === true || /(^|\/)_index\.(md|markdown)$/i.test(page.path);
}

/** How many parts a URL path has ("../" counts as one): the non-empty runs between its "/"s. */
function depth(path: string): number {
  let n = 0;
  for (let i = 0; i < path.length; i++) if (path.charCodeAt(i) !== 47 && (i === 0 || path.charCodeAt(i - 1) === 47)) n++;
  return n;
}

/** True when the "](" that ends `before` closes the text of an image (`![alt](`). */
function isImage(before: string): boolean {
  const close = before.lastIndexOf('](');
  let level = 0;
  for (let i = close; i >= 0; i--) {
    const c = before[i];
    if (c === ']' && before[i - 1] !== '\\') level++;
    else if (c === '[' && before[i - 1] !== '\\' && --level === 0) return before[i - 1] === '!';
  }
  return false;
}
