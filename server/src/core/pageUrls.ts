// The URL Hugo 0.111 publishes a content file at, with the site's settings (core/hugoConfig.ts),
// each case checked with Hugo builds (test/hugo/siteConfig.test.ts):
// - `content/a/b.md` → `/a/b/`; a section's `_index.md` and a leaf bundle's `index.md` → their
//   folder (`/a/`); `slug` replaces the last part, `url` the whole path;
// - uglyURLs: `/a/b.html`, a section `/a.html` (the home page stays `/`), a permalink too (its
//   trailing "/" dropped: `/:year/:title/` gives `/2021/title.html`);
// - permalinks (per top-level section, regular pages only): `:year` `:month` `:monthname` `:day`
//   `:weekday` `:weekdayname` `:yearday` (from `date`), `:section`, `:sections` (the folders that are
//   sections: the top one and those with an `_index.md`), `:title`, `:slug` (the title without one),
//   `:filename` (a bundle's folder name), `:slugorfilename`;
// - languages: a page is in its content folder's language (per-language contentDir, a mount's
//   lang), or in the one its file name says (`a.fr.md`), or in defaultContentLanguage; every
//   language but the default one (and that one too with defaultContentLanguageInSubdir) is
//   published under `/<lang>/`, on a site with two languages or more (one language: no prefix);
//   defaultContentLanguage is compared as written (Hugo 0.111 does not lower-case it).
// Hugo lower-cases paths; normalizeUrlPath (siteIndex.ts) makes the key.

import type { ContentRoot, UrlSettings } from './hugoConfig';
import { isInside, relativePath } from './paths';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export interface UrlScheme {
  roots: ContentRoot[];
  uglyURLs: boolean;
  permalinks: Record<string, string>;
  defaultContentLanguage: string;
  defaultContentLanguageInSubdir: boolean;
  languages: string[];
}

/** Plain Hugo: one content folder, one language, pretty URLs, no permalinks. */
export function plainScheme(contentDir: string): UrlScheme {
  return {
    roots: [{ dir: contentDir, prefix: '' }],
    uglyURLs: false,
    permalinks: {},
    defaultContentLanguage: 'en',
    defaultContentLanguageInSubdir: false,
    languages: [],
  };
}

export function schemeOf(roots: ContentRoot[], s: UrlSettings): UrlScheme {
  return {
    roots,
    uglyURLs: s.uglyURLs.value,
    permalinks: s.permalinks.value,
    defaultContentLanguage: s.defaultContentLanguage.value,
    defaultContentLanguageInSubdir: s.defaultContentLanguageInSubdir.value,
    languages: s.languages,
  };
}

export class PageUrls {
  constructor(
    readonly scheme: UrlScheme,
    /** True when a content folder (absolute) is a section: it has an _index.md (for `:sections`). */
    private readonly hasIndex: (dir: string) => boolean = () => false,
  ) {}

  /** The content root a file lies in (the deepest one), if any. */
  rootOf(file: string): ContentRoot | undefined {
    let best: ContentRoot | undefined;
    for (const r of this.scheme.roots) if (isInside(r.dir, file) && (!best || r.dir.length > best.dir.length)) best = r;
    return best;
  }

  /** True for a file under one of the content folders. */
  isContent(file: string): boolean {
    return this.rootOf(file) !== undefined;
  }

  /** The URL path of a content file (not yet normalised). */
  of(file: string, frontmatter?: Record<string, unknown>): string {
    const s = this.scheme;
    const root = this.rootOf(file) ?? s.roots[0];
    let rel = relativePath(root.dir, file).replace(/\.(md|markdown)$/i, '');
    if (root.prefix) rel = `${root.prefix}/${rel}`;
    const parts = rel.split('/');
    let name = parts.pop()!;
    let lang = root.lang;
    const dot = name.lastIndexOf('.');
    if (dot > 0 && s.languages.includes(name.slice(dot + 1).toLowerCase())) {
      lang = name.slice(dot + 1).toLowerCase();
      name = name.slice(0, dot);
    }
    lang ??= s.defaultContentLanguage;
    // Only a multilingual site (two languages or more) has language folders in its URLs: with one,
    // defaultContentLanguageInSubdir changes nothing (checked with Hugo).
    const langPrefix = s.languages.length > 1 && (lang !== s.defaultContentLanguage || s.defaultContentLanguageInSubdir) ? `/${lang}` : '';
    const url = frontmatter?.url;
    if (typeof url === 'string' && url.trim()) return url.trim();
    const dir = parts.join('/');
    if (name === '_index') {
      // The home page or a section's list page.
      if (!dir) return `${langPrefix}/`;
      return s.uglyURLs ? `${langPrefix}/${dir}.html` : `${langPrefix}/${dir}/`;
    }
    const bundle = name === 'index';
    const pageParts = bundle ? parts.slice(0, -1) : parts;
    const fileName = bundle ? (parts[parts.length - 1] ?? '') : name;
    const slug = typeof frontmatter?.slug === 'string' && frontmatter.slug.trim() ? frontmatter.slug.trim() : undefined;
    const section = parts[0] && (parts.length > 1 || !bundle) ? parts[0] : '';
    const pattern = pageParts.length > 0 || bundle ? s.permalinks[section.toLowerCase()] : undefined;
    let path: string;
    if (pattern && section) {
      path = this.expand(pattern, { file, root, parts: pageParts, fileName, slug, frontmatter });
      // Hugo joins the expanded pattern as a path (its trailing "/" goes), so with uglyURLs
      // `/:year/:title/` is `/2021/hello.html` (checked with Hugo).
      if (s.uglyURLs) path = path.replace(/\/+$/, '');
    } else {
      if (bundle && parts.length === 0) return `${langPrefix}/`; // content/index.md: the home page
      path = `/${[...pageParts, slug ?? fileName].join('/')}`;
    }
    path = path.replace(/\/{2,}/g, '/');
    if (!path.startsWith('/')) path = `/${path}`;
    if (s.uglyURLs && !path.endsWith('/')) path += '.html';
    else if (!path.endsWith('/')) path += '/';
    return langPrefix + path;
  }

  private expand(
    pattern: string,
    p: { file: string; root: ContentRoot; parts: string[]; fileName: string; slug?: string; frontmatter?: Record<string, unknown> },
  ): string {
    const title = typeof p.frontmatter?.title === 'string' ? p.frontmatter.title : '';
    const date = dateOf(p.frontmatter?.date);
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    // The top-level folder is always a section; below it, folders count up to the first without an _index.md.
    const sections = () => {
      const gap = p.parts.findIndex((_, i) => i > 0 && !this.hasIndex(`${p.root.dir}/${p.parts.slice(0, i + 1).join('/')}`));
      return (gap < 0 ? p.parts : p.parts.slice(0, gap)).join('/');
    };
    const tokens: Record<string, () => string> = {
      // Go's strconv.Itoa: not padded (the zero time's year is "1").
      year: () => String(date.getUTCFullYear()),
      month: () => pad(date.getUTCMonth() + 1),
      monthname: () => MONTHS[date.getUTCMonth()],
      day: () => pad(date.getUTCDate()),
      weekday: () => String(date.getUTCDay()),
      weekdayname: () => DAYS[date.getUTCDay()],
      yearday: () => String(Math.floor((date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / 86400000) + 1),
      section: () => p.parts[0] ?? '',
      sections,
      title: () => urlize(title),
      slug: () => urlize(p.slug ?? title),
      filename: () => p.fileName,
      slugorfilename: () => (p.slug ? urlize(p.slug) : p.fileName),
    };
    return pattern.replace(/:([a-z]+)/g, (all, token: string) => tokens[token]?.() ?? all);
  }
}

/** A front matter date (YAML gives a Date or a string); Go's zero time when there is none. */
function dateOf(v: unknown): Date {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v;
  if (typeof v === 'string') {
    const d = new Date(/^\d{4}-\d\d-\d\d$/.test(v.trim()) ? `${v.trim()}T00:00:00Z` : v);
    if (!Number.isNaN(d.getTime())) return d;
  }
  const zero = new Date(Date.UTC(2000, 0, 1));
  zero.setUTCFullYear(1);
  return zero;
}

/** Hugo's urlize: spaces become "-", characters a path should not hold are dropped, lower-cased. */
export function urlize(s: string): string {
  let out = '';
  let prevDash = false;
  for (const ch of s.trim()) {
    if (/[\p{L}\p{N}\p{M}%./\\_\-#+~]/u.test(ch)) {
      out += ch;
      prevDash = ch === '-';
    } else if (/\s/.test(ch)) {
      if (!prevDash) out += '-';
      prevDash = true;
    }
  }
  return out.toLowerCase();
}
