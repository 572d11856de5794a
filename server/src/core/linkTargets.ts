// Where a link leads in a Hugo site: another site, a static file, a page (by URL, the way a browser
// resolves it from the page's own URL), or a Markdown file (`x.md` links, which the handbook's link
// render hook turns into page links). Cross-page rules use it with the site index.

import { RE2JS } from 're2js';
import { dirname, joinPath, normalizePath } from './paths';
import { normalizeUrlPath } from './siteIndex';

export type LinkTarget =
  | { kind: 'same-page' }
  | { kind: 'external' }
  | { kind: 'static'; url: string }
  | { kind: 'page'; url: string; written?: string }
  | { kind: 'file'; path: string };

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const PAGE_EXTENSIONS = /\.(html?|md|markdown)$/i;

/**
 * @param linkPath the part of the destination before "#"
 * @param pageUrl the URL of the page the link is on (`/handbook/a/b/`)
 * @param file the file the link is written in (for `x.md` links)
 * @param contentDir the site's content folder
 */
export function resolveLinkTarget(linkPath: string, pageUrl: string, file: string, contentDir: string): LinkTarget {
  const p = linkPath.trim().split('?')[0];
  if (!p) return { kind: 'same-page' };
  if (SCHEME.test(p) || p.startsWith('//')) return { kind: 'external' };
  if (/\.(md|markdown)$/i.test(p)) {
    const path = p.startsWith('/') ? joinPath(contentDir, safeDecode(p).replace(/^\/+/, '')) : joinPath(dirname(file), safeDecode(p));
    return { kind: 'file', path: normalizePath(path) };
  }
  // Pages end in "/", so a relative link resolves against the page's own URL as a folder; an ugly
  // URL (`/a/b.html`, uglyURLs) against its folder, as a browser does.
  const base = pageUrl.endsWith('/') ? pageUrl : dirname(pageUrl);
  const absolute = p.startsWith('/') ? p : normalizePath(joinPath(base, p)) + (p.endsWith('/') ? '/' : '');
  const last = absolute.split('/').pop() ?? '';
  if (last.includes('.') && !PAGE_EXTENSIONS.test(last)) return { kind: 'static', url: absolute };
  return { kind: 'page', url: normalizeUrlPath(absolute), written: absolute };
}

function safeDecode(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

/** A link-exclusion pattern, compiled for a linear-time engine. */
export interface LinkPattern {
  source: string;
  test(target: string): boolean;
}

/**
 * Compiles a link-exclusion pattern (regular expression syntax of RE2: no backreferences, no
 * look-around). Matching takes time linear in the link, whatever the pattern, so a pattern from a
 * repository can never hang the checks the way `(a+)+$` hangs a backtracking engine. Throws with a
 * readable message when the pattern is not valid.
 */
export function compileLinkPattern(source: string): LinkPattern {
  let re: RE2JS;
  try {
    re = RE2JS.compile(source);
  } catch (e) {
    throw new Error(String((e as Error).message).replace(/^error parsing regexp: /, ''));
  }
  // Most patterns start with a fixed path ("^/handbook/x/"): a link that does not is no match,
  // whatever the engine would find (most links of a site; the engine is slow beside startsWith).
  const prefix = literalPrefix(source);
  return { source, test: (target) => target.startsWith(prefix) && re.test(target) };
}

/**
 * The text every match of an RE2 pattern starts with, read from its start: after a leading "^",
 * the characters that match only themselves, up to the first that does anything else ('' when there
 * is no "^" at the start or there is a "|" anywhere, which may make the "^" apply to one branch only).
 * A character followed by a repetition ("?", "*", "+", "{") may not be there, and is left out.
 */
export function literalPrefix(source: string): string {
  if (!source.startsWith('^') || source.includes('|')) return '';
  let i = 1;
  while (i < source.length && /[A-Za-z0-9/_#~%=&,;:@! -]/.test(source[i])) i++;
  if (i < source.length && '?*+{'.includes(source[i])) i--;
  return source.slice(1, i);
}

/** Exclusion patterns of the handbook's link checker (`.hugolint.yaml`: exclude: - pattern: '^/x/'). */
export function parseLinkExclusions(yamlText: string, parse: (text: string) => unknown): LinkPattern[] {
  let doc: unknown;
  try {
    doc = parse(yamlText);
  } catch {
    return []; // a file the YAML reader refuses excludes nothing (the link checker cannot read it either)
  }
  const exclude = (doc as { exclude?: unknown } | null)?.exclude;
  const out: LinkPattern[] = [];
  for (const e of Array.isArray(exclude) ? exclude : []) {
    const pattern = (e as { pattern?: unknown } | null)?.pattern;
    if (typeof pattern !== 'string') continue;
    try {
      out.push(compileLinkPattern(pattern));
    } catch {
      // An invalid pattern excludes nothing (the link checker would reject it too).
    }
  }
  return out;
}
