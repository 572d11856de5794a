// Hugo's view of a site: where its root is and where an include path leads. Observed with Hugo 0.111
// (see ../shared/HUGO-FACTS.md and test/hugo/): an include argument resolves with resources.Get,
// i.e. under the site's assets/ folder, exactly as written (no trimming, case-sensitive on Linux);
// a leading "/" is the assets folder itself, and ".." cannot climb above it there; without one,
// ".." may move around inside the folder, but a path that leaves it finds nothing; a missing file
// fails the build. Hugo follows symbolic links, out of the site too; the host never reads past a
// link out of the site (host.ts), and such an include is reported as leading outside.
import { parse as parseYaml } from 'yaml';
import { PathClassifier, type Options, type PageKind } from './config';
import type { ConfigState } from './configFile';
import type { Host } from './host';
import { type ContentRoot, type HugoConfig, ROOT_CONFIG_FILES as SITE_MARKERS } from './hugoConfig';
import type { MarkupOptions } from './model/pageModel';
import { PageUrls, schemeOf } from './pageUrls';
import { compileLinkPattern, parseLinkExclusions, type LinkPattern } from './linkTargets';
import { basename, dirname, isInside, isMarkdownPath, joinPath, normalizePath, relativePath } from './paths';
import type { SiteContext } from './rules/rule';
import { buildShortcodeCatalog, type ShortcodeCatalog } from './shortcodeCatalog';
import { SiteIndex } from './siteIndex';
import type { LineIndex } from './text';

/** The Hugo site root for a file: the nearest folder up with a Hugo config, or with both content/ and assets/. */
export function findSiteRoot(host: Pick<Host, 'exists'>, file: string): string | undefined {
  let dir = dirname(file);
  for (;;) {
    if (isSiteRoot(host, dir)) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function isSiteRoot(host: Pick<Host, 'exists'>, dir: string): boolean {
  for (const m of SITE_MARKERS) if (host.exists(joinPath(dir, m)) === 'file') return true;
  if (host.exists(joinPath(dir, 'config/_default')) === 'directory') return true;
  return host.exists(joinPath(dir, 'content')) === 'directory' && host.exists(joinPath(dir, 'assets')) === 'directory';
}

export type IncludeResolution =
  /** Found: `path` is the file that Hugo includes. */
  | { kind: 'found'; path: string; root: string; leadingSlash: boolean }
  /** Found only because Hugo ignores case: `path` is the real file. */
  | { kind: 'case-mismatch'; path: string; root: string; written: string }
  | {
      kind: 'missing';
      tried: string[];
      /** The path with its surrounding spaces removed names a file. */ trimmed?: string;
      /** A character no one means to put in a path (a control character, an unpaired surrogate), described. */ oddCharacter?: string;
      /** What stands at the path instead of a file, as the host says (a symbolic link to nothing). */ entry?: string;
    }
  | { kind: 'directory'; path: string }
  | {
      kind: 'outside';
      reason: 'url' | 'escapes' | 'absolute' | 'symlink';
      detail: string;
      /** For 'symlink': where the path really leads (an absolute path outside the site). */ realPath?: string;
    }
  | { kind: 'empty' };

export class IncludeResolver {
  /** Lower-cased path → real path, per include root, filled on first case-insensitive look-up. */
  private caseIndex = new Map<string, Map<string, string>>();

  constructor(
    private readonly host: Host,
    readonly siteRoot: string,
    /** Absolute include roots, in look-up order. */
    readonly roots: string[],
  ) {}

  /** Forget directory listings (after files were created or deleted). */
  reset(): void {
    this.caseIndex.clear();
  }

  resolve(argument: string): IncludeResolution {
    // An unpaired surrogate can only be in an editor's buffer: saved as UTF-8 it is U+FFFD, and that is what Hugo reads.
    const arg = argument.replace(UNPAIRED_SURROGATE, '\uFFFD');
    if (!arg.trim()) return { kind: 'empty' };
    if (/^[a-z][a-z0-9+.-]*:/i.test(arg) || arg.startsWith('//')) {
      return { kind: 'outside', reason: 'url', detail: 'Include paths name files under assets/; URLs and drive letters are never fetched.' };
    }
    if (arg.startsWith('~')) return { kind: 'outside', reason: 'absolute', detail: 'A home-folder path is not a site path.' };
    const oddCharacter = describeOddCharacter(argument);
    // No file name holds a NUL: nothing is looked up (Hugo's lookup fails with "invalid argument").
    if (arg.includes('\0')) return { kind: 'missing', tried: [], oddCharacter };
    const leadingSlash = arg.startsWith('/');
    // "/x" is cleaned as an absolute path (".." stops at the top) and then looked up under assets/.
    const relative = leadingSlash ? normalizePath(arg).slice(1) : arg;
    const tried: string[] = [];
    let entry: string | undefined;
    for (const root of this.roots) {
      const candidate = normalizePath(joinPath(root, relative));
      if (!isInside(root, candidate)) {
        return {
          kind: 'outside',
          reason: 'escapes',
          detail: `It leads to ${relativePath(this.siteRoot, candidate)}, outside ${relativePath(this.siteRoot, root)}/, where Hugo finds nothing.`,
        };
      }
      tried.push(candidate);
      const what = this.host.exists(candidate);
      if (what === 'file') return { kind: 'found', path: candidate, root, leadingSlash };
      if (what === 'directory') return { kind: 'directory', path: candidate };
      // Nothing readable there; the host may still say what stands there: a link out of the site
      // (where Hugo would look next, so say so) or a link to nothing.
      const there = this.host.readFile(candidate);
      if (there?.kind === 'outside') return outsideLink(there.realPath);
      if (there?.kind === 'unreadable' && entry === undefined) entry = there.message;
      const real = this.caseInsensitive(root, candidate);
      if (real && real !== candidate) {
        const target = this.host.exists(real) === undefined ? this.host.readFile(real) : undefined;
        return target?.kind === 'outside' ? outsideLink(target.realPath) : { kind: 'case-mismatch', path: real, root, written: arg };
      }
    }
    if (leadingSlash) {
      return {
        kind: 'outside',
        reason: 'absolute',
        detail: `Hugo looks for it under ${this.roots.map((r) => relativePath(this.siteRoot, r) + '/').join(', ')} (${tried.map((t) => relativePath(this.siteRoot, t)).join(', ')}), where there is no such file; files outside the site are never read.`,
      };
    }
    if (arg !== arg.trim()) {
      const trimmed = this.resolve(arg.trim());
      if (trimmed.kind === 'found') return { kind: 'missing', tried, trimmed: arg.trim() };
    }
    return { kind: 'missing', tried, ...(oddCharacter ? { oddCharacter } : {}), ...(entry ? { entry } : {}) };
  }

  /** Every file under the include roots (for completion and did-you-mean). */
  allFiles(): string[] {
    return this.roots.flatMap((r) => [...this.index(r).values()]);
  }

  private caseInsensitive(root: string, candidate: string): string | undefined {
    return this.index(root).get(candidate.toLowerCase());
  }

  private index(root: string): Map<string, string> {
    let idx = this.caseIndex.get(root);
    if (!idx) {
      idx = new Map();
      for (const f of this.host.listFiles(root)) idx.set(f.toLowerCase(), f);
      this.caseIndex.set(root, idx);
    }
    return idx;
  }
}

/** An include that leads through a symbolic link out of the site: nothing was read. */
function outsideLink(realPath: string): IncludeResolution {
  return {
    kind: 'outside',
    reason: 'symlink',
    realPath,
    detail: `Its real path is ${realPath}, and files outside the site are never read. Hugo follows the link, so the page depends on a file outside the site: move the file into the site, or point the link inside it.`,
  };
}

const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const ODD_CHARACTER = /[\u0000-\u001f\u007f-\u009f\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The first control character, unpaired surrogate or U+FFFD of a path, described for a message. */
export function describeOddCharacter(path: string): string | undefined {
  const c = ODD_CHARACTER.exec(path)?.[0];
  if (c === undefined) return undefined;
  const code = `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  if (c === '\0') return `a NUL character (${code}), which no file name can hold`;
  if (c === '\t') return `a tab (${code})`;
  if (c === '\ufffd') return `a replacement character (${code}), the mark left where a file's bytes are not UTF-8 text`;
  if (c >= '\ud800') return `an unpaired surrogate (${code}), which is saved as U+FFFD`;
  return `a control character (${code})`;
}

/** A path with its control characters written as escapes (\t, \u0001) and unpaired surrogates as U+FFFD (as it is saved), for messages. */
export function printablePath(path: string): string {
  return path
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) =>
      c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
}

/** The include argument that names `file` from the first include root that contains it. */
export function includeArgumentFor(file: string, roots: string[]): string | undefined {
  for (const root of roots) if (isInside(root, file) && file !== root) return relativePath(root, file);
  return undefined;
}

export function fileLabel(siteRoot: string, file: string): string {
  return isInside(siteRoot, file) ? relativePath(siteRoot, file) : basename(file);
}

/** The site root for each folder asked about, remembered for it and each folder walked through. */
export class SiteRoots {
  private readonly roots = new Map<string, string | null>();
  /** By file: a run asks for the site of each of its files several times, and a file's folder is a new string each time. */
  private readonly files = new Map<string, string | null>();

  constructor(private readonly host: Pick<Host, 'exists' | 'entryNames'>) {}

  /** The site root of a folder, or null outside any site. */
  of(dir: string): string | null {
    const known = this.roots.get(dir);
    if (known !== undefined) return known;
    let root: string | null;
    if (this.mayBeSiteRoot(dir) && isSiteRoot(this.host, dir)) root = dir;
    else {
      const parent = dirname(dir);
      root = parent === dir ? null : this.of(parent);
    }
    this.roots.set(dir, root);
    return root;
  }

  /** The site root of a file's folder, or null outside any site. */
  ofFile(file: string): string | null {
    let root = this.files.get(file);
    if (root === undefined) this.files.set(file, (root = this.of(dirname(file))));
    return root;
  }

  clear(): void {
    this.roots.clear();
    this.files.clear();
  }

  /** False when the folder's listing holds none of the names isSiteRoot looks for (letter case aside, for file systems that ignore it). */
  private mayBeSiteRoot(dir: string): boolean {
    const names = this.host.entryNames?.(dir);
    return names === undefined || names.some((n) => SITE_ROOT_NAMES.has(n.toLowerCase()));
  }
}

/** The entries of a folder that can make it a site root (isSiteRoot): a Hugo config file, config/ (for config/_default), content/. */
const SITE_ROOT_NAMES = new Set([...SITE_MARKERS, 'config', 'content']);

/** The handbook's link checker configuration, whose exclusions cross-page link checks honour. */
export const LINK_CHECKER_CONFIG = '.hugolint.yaml';

/** What a Site asks of the engine that holds it. */
export interface SiteServices {
  /** The line index of a file the engine has read (for ranges in related locations). */
  linesOf(file: string): LineIndex | undefined;
  /** A page kind chosen for this file for the session (core/features/pageInfo.ts), if any. */
  kindOverride(file: string): PageKind | undefined;
}

/**
 * One Hugo site with its options and its Hugo configuration (hugoConfig.ts): which files are pages
 * and include files and of what kind, where includes resolve, how its Markdown renders, its URLs,
 * its shortcodes and link exclusions, and the index of its pages. A Site's options never change;
 * new options (or a changed Hugo configuration) make a new Site.
 */
export class Site implements SiteContext {
  readonly classifier: PathClassifier;
  readonly resolver: IncludeResolver;
  readonly includeRoots: string[];
  /** Summaries of the site's pages: URLs, anchors, links, includes (see siteIndex.ts). */
  readonly index = new SiteIndex();
  /** The content folder of the default language (the first of contentRoots that is). */
  readonly contentDir: string;
  /** Every content folder (contentDir, per-language contentDir, module mounts). */
  readonly contentRoots: ContentRoot[];
  /** How the site's Markdown renders (enableEmoji, autoHeadingID, ..., from its Hugo configuration). */
  readonly markup: MarkupOptions;
  /** Where each page is published (uglyURLs, permalinks, languages). */
  readonly urls: PageUrls;

  constructor(
    readonly root: string,
    readonly options: Options,
    readonly config: ConfigState | undefined,
    readonly hugo: HugoConfig,
    private readonly host: Host,
    private readonly services: SiteServices,
  ) {
    this.classifier = new PathClassifier(options);
    this.includeRoots = options.includeRoots.map((r) => joinPath(root, r));
    this.resolver = new IncludeResolver(host, root, this.includeRoots);
    const s = hugo.settings;
    this.contentRoots = s.contentRoots.value;
    const main =
      this.contentRoots.find((r) => r.lang === s.defaultContentLanguage.value && !r.prefix) ??
      this.contentRoots.find((r) => r.lang === undefined && !r.prefix) ??
      this.contentRoots[0];
    this.contentDir = main.dir;
    this.markup = {
      enableEmoji: s.enableEmoji.value,
      autoHeadingID: s.autoHeadingID.value,
      autoHeadingIDType: s.autoHeadingIDType.value,
      attributeTitle: s.attributeTitle.value,
      attributeBlock: s.attributeBlock.value,
      unsafe: s.unsafe.value,
    };
    const sections = new Map<string, boolean>();
    this.urls = new PageUrls(schemeOf(this.contentRoots, s), (dir) => {
      let known = sections.get(dir);
      if (known === undefined) sections.set(dir, (known = host.exists(`${dir}/_index.md`) === 'file'));
      return known;
    });
  }

  private exclusions?: LinkPattern[];
  /** Targets already matched against the exclusions, and the answer. */
  private readonly excludedLinks = new Map<string, boolean>();
  private catalog?: ShortcodeCatalog;

  /** The shortcodes this site can use (its templates, Hugo's, and the configured ones). */
  shortcodes(): ShortcodeCatalog {
    return (this.catalog ??= buildShortcodeCatalog(this.host, this.root, this.options.shortcodes));
  }

  /** The link checker's exclusions (`.hugolint.yaml` at the site root): links matching them are not checked. */
  linkExclusions(): LinkPattern[] {
    if (!this.exclusions) {
      const content = this.host.readFile(`${this.root}/${LINK_CHECKER_CONFIG}`);
      this.exclusions = content?.kind === 'text' ? parseLinkExclusions(content.text, (t) => parseYaml(t, { strict: false })) : [];
      for (const pattern of this.options.linkExclusions) {
        try {
          this.exclusions.push(compileLinkPattern(pattern));
        } catch {
          // Reported on the configuration file (configFile.ts), which then contributes no options.
        }
      }
    }
    return this.exclusions;
  }

  isExcludedLink(target: string): boolean {
    // Most link targets recur across the site: each is matched against the patterns once.
    let excluded = this.excludedLinks.get(target);
    if (excluded === undefined) {
      excluded = this.linkExclusions().some((re) => re.test(target));
      if (this.excludedLinks.size >= 100_000) this.excludedLinks.clear();
      this.excludedLinks.set(target, excluded);
    }
    return excluded;
  }

  /** The Markdown files directly in a folder: the level pages a career ladder is made of. */
  ladderFiles(folder: string): string[] {
    return this.host.listFiles(folder).filter((f) => dirname(f) === folder && isMarkdownPath(f));
  }

  label(file: string): string {
    return isInside(this.root, file) ? relativePath(this.root, file) : file;
  }

  lines(file: string): LineIndex | undefined {
    return this.services.linesOf(file);
  }

  relative(file: string): string {
    return relativePath(this.root, file);
  }

  isUnderIncludeRoot(file: string): boolean {
    return this.includeRoots.some((r) => isInside(r, file) && r !== file);
  }

  /** Hugo renders Markdown under its content folders (not in dot-folders); include files live under the include roots. */
  isPageOrInclude(file: string): boolean {
    if (this.isUnderIncludeRoot(file)) return true;
    const root = this.urls.rootOf(file);
    return root !== undefined && !file.slice(root.dir.length).includes('/.');
  }

  kindOf(file: string): PageKind {
    return this.services.kindOverride(file) ?? this.configuredKindOf(file);
  }

  /** The kind the configuration (pageKinds globs, include roots) gives a file, ignoring session overrides. */
  configuredKindOf(file: string): PageKind {
    // Remembered per file: a Site's options never change (new options make a new Site).
    let kind = this.configuredKinds.get(file);
    if (!kind) {
      kind = this.classifier.kindOf(this.relative(file), this.isUnderIncludeRoot(file));
      this.configuredKinds.set(file, kind);
    }
    return kind;
  }

  private readonly configuredKinds = new Map<string, PageKind>();
}
