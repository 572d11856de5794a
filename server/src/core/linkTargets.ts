// Where a link leads in a Hugo site: another site, a static file, a page (by URL, the way a browser
// resolves it from the page's own URL), or a Markdown file (`x.md` links, which the handbook's link
// render hook turns into page links). Cross-page rules use it with the site index.

import { dirname, joinPath, normalizePath } from './paths';
import { normalizeUrlPath } from './siteIndex';

export type LinkTarget =
  | { kind: 'same-page' }
  | { kind: 'external' }
  | { kind: 'static'; url: string }
  | { kind: 'page'; url: string }
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
  // Pages end in "/", so a relative link resolves against the page's own URL as a folder.
  const absolute = p.startsWith('/') ? p : normalizePath(joinPath(pageUrl, p)) + (p.endsWith('/') ? '/' : '');
  const last = absolute.split('/').pop() ?? '';
  if (last.includes('.') && !PAGE_EXTENSIONS.test(last)) return { kind: 'static', url: absolute };
  return { kind: 'page', url: normalizeUrlPath(absolute) };
}

function safeDecode(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

/** Exclusion patterns of the handbook's link checker (`.hugolint.yaml`: exclude: - pattern: '^/x/'). */
export function parseLinkExclusions(yamlText: string, parse: (text: string) => unknown): RegExp[] {
  const doc = parse(yamlText) as { exclude?: { pattern?: unknown }[] } | null;
  const out: RegExp[] = [];
  for (const e of doc?.exclude ?? []) {
    if (typeof e?.pattern !== 'string') continue;
    try {
      out.push(new RegExp(e.pattern));
    } catch {
      // An invalid pattern excludes nothing (the link checker would reject it too).
    }
  }
  return out;
}
