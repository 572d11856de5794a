// career-lint --cache: a re-run reuses what did not change. One cache file per site (default
// <site root>/node_modules/.cache/career-lint/cache.json; --cache-location FILE or FOLDER/) holds,
// per file:
//   - the digest of its content, the include arguments of its model, and its model digest: the
//     content with, for each include, where it resolves and the included file's content digest
//     (node/summaryDigests.ts, which the language server's persisted index uses too);
//   - for a page, its site-index entry (PageSummary): restored unread while the model digest is
//     the same, so a warm run parses only the pages that changed (or include what changed);
//   - its findings, with the reads its check made (core/lintReads.ts: other pages' index entries,
//     URL look-ups, includers, include resolutions, the include file list, ladder siblings' models),
//     each read's answer kept once per file as a digest. Findings are reused while the model digest
//     and every read's answer are the same.
// The configuration (options from .career-pages.jsonc or --config, the site's Hugo settings,
// .hugolint.yaml, the site's shortcode templates) and the tool (version and build) name the whole cache: any change of them
// and it starts again. Paths inside are written relative to the site root, so a checkout moved
// with its cache (a CI runner's build folder) keeps it.
//
// The file: a header line (what it is, for which tool and site, the length and SHA-256 of the
// body), then the body (JSON). Anything unexpected (truncated, damaged, another format, tool, build
// or site) and the file is ignored as a whole, and rewritten at the end of the run, atomically (a
// temporary file renamed over it). Findings are kept with each one's identity context
// (core/findingIdentity.ts), so fingerprints need no page read either.
//
// The index entries' headings, links and anchors (14 MB for the 4,000-page handbook; no check reads
// another page's headings or links, and anchors only of the pages a file checked again links to)
// live beside it in `<file>.pages`: one slice of compact JSON per page, each with its own digest,
// read only when something asks for it; new slices are appended, and the file is written anew when
// most of it is no longer used. A slice that is missing or fails its digest (a crash between the
// two writes, two runs at once) is read from the page instead.

import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  type Diagnostic,
  findingContext,
  INTERNAL_ERROR,
  type KnownContext,
  LintReads,
  type LintResult,
  pageFacet,
  type PageSummary,
  readAnswer,
  relativePath,
  type Site,
  type Workspace,
} from '../core';
import { fromCorePath, isSettledStamp, NodeHost, toCorePath } from '../node/nodeHost';
import { sha256, SiteDigests } from '../node/summaryDigests';
import { encodeSlice, parseSlice, type Slices, writeAtomically } from '../node/summaryFiles';

/** Bumped whenever what the file holds, or what a digest covers, changes meaning. */
const FORMAT = 3;
const TOOL = 'career-lint-cache';
export const DEFAULT_CACHE_FOLDER = 'node_modules/.cache/career-lint';
const FILE_NAME = 'cache.json';
/** The pages file is written anew when it holds this much more than what the cache uses. */
const PAGES_SLACK = 2;

export interface CacheOptions {
  /** The working directory (platform path): --cache-location is relative to it. */
  cwd: string;
  /** --cache-location as given. */
  location?: string;
  /** career-lint's version. */
  version: string;
  /** Says how much the cache saved, or what went wrong with it (the run goes on without it). */
  say(message: string): void;
}

/** The cache of a run: one file per site. */
export class LintCache {
  private readonly sites = new Map<string, SiteCache>();
  private readonly tool: string;
  private readonly contexts = new Map<Diagnostic, Context>();
  /** The identity contexts of reused findings (for fingerprints), whose files were not read. */
  readonly knownContext: KnownContext = (d) => this.contexts.get(d);

  constructor(
    private readonly workspace: Workspace,
    private readonly options: CacheOptions,
  ) {
    this.tool = toolIdentity(options.version);
  }

  /** The cache file of a site (a platform path). */
  fileFor(site: Site): string {
    const { location, cwd } = this.options;
    if (location === undefined) return path.join(fromCorePath(site.root), DEFAULT_CACHE_FOLDER, FILE_NAME);
    const abs = path.resolve(cwd, location);
    const isFolder = /[\\/]$/.test(location) || safeIsDirectory(abs);
    return isFolder ? path.join(abs, FILE_NAME) : abs;
  }

  private of(site: Site): SiteCache {
    let cache = this.sites.get(site.root);
    if (!cache) {
      cache = new SiteCache(this.workspace, site, this.fileFor(site), this.tool, this.contexts);
      // One file holds one site: a --cache-location given for files of several sites serves the first.
      if (this.options.location !== undefined && this.sites.size) {
        cache.disabled = true;
        this.options.say(`--cache-location holds the cache of one site; ${fromCorePath(site.root)} is checked without it`);
      }
      this.sites.set(site.root, cache);
    }
    return cache;
  }

  /** Index entries known to be current, to restore instead of reading those pages (Workspace.indexSite). */
  summaries(site: Site): ReadonlyMap<string, PageSummary> {
    return this.of(site).restorable();
  }

  /** The site's index could not be built: nothing of its cache is used or written this run. */
  indexFailed(site: Site): void {
    this.of(site).disabled = true;
  }

  /** A file's findings: the cached ones when nothing they depend on changed, else a new check's. */
  lint(file: string): LintResult {
    const site = this.workspace.siteFor(file);
    return site ? this.of(site).lint(file) : this.workspace.lint(file);
  }

  /** Writes each site's cache file and says what it saved; what cannot be written is said, and the run goes on. */
  save(): void {
    for (const cache of this.sites.values()) {
      if (cache.disabled) {
        cache.closePages();
        continue;
      }
      let problem: string | undefined;
      try {
        problem = cache.save();
      } catch (e) {
        problem = `cannot write the cache: ${(e as Error).message}`;
      } finally {
        cache.closePages();
      }
      const file = path.relative(this.options.cwd, cache.file) || cache.file;
      const { reused, checked, pages, read } = cache.stats;
      this.options.say(
        problem ??
          `cache ${file}: findings of ${reused} of ${reused + checked} file${reused + checked === 1 ? '' : 's'} reused, ${read} of ${pages} page${pages === 1 ? '' : 's'} read`,
      );
    }
  }
}

// ---- the file ----------------------------------------------------------------------------------

type Context = [heading: string, text: string];

interface Header {
  tool: string;
  format: number;
  /** career-lint's version and build. */
  build: string;
  /** The site root, relative to the cache file's folder. */
  site: string;
  /** The body's length in bytes and its SHA-256. */
  length: number;
  sha256: string;
}

interface Body {
  /** Digest of the site's configuration. */
  config: string;
  /** The pages file (in the cache file's folder) that the entries' slices are in. */
  pages: string;
  /** Every read some file's findings depend on, with the digest of the answer it got. */
  reads: [key: string, answer: string][];
  /** One entry per file, each on a line of its own: save() copies the lines of the entries that did not change. */
  files: [rel: string, entry: FileEntry][];
}

interface FileEntry {
  content: string;
  /** The file's stamp (NodeHost.stamp) taken before the read that gave `content`, when it may stand for it. */
  stamp?: string;
  model: string;
  /** The include arguments of the file's model, in order. */
  includes: string[];
  summary?: StoredSummary;
  lint?: { reads: number[]; diagnostics: Diagnostic[]; contexts: Context[] };
}

/** An index entry without its headings, links and anchors: those are the slice [start, end) of the pages file, with its digest. */
interface StoredSummary {
  kind: PageSummary['kind'];
  url: string;
  aliases: string[];
  title?: string;
  /** The URL's letter case, when front matter `url` has capitals (PageSummary.exactUrl). */
  exactUrl?: string;
  includes: string[];
  hasFootnotes: boolean;
  /** Digest of its pageFacet (what other files' checks read of it). */
  facet: string;
  slice: Slice;
}

type Slice = [start: number, end: number, digest: string];

interface Loaded {
  body: Body;
  /** The entries by file (core path). */
  entries: Map<string, FileEntry>;
  /** The body as read (relative paths), and where each entry's line starts in it. */
  bytes: Buffer;
  lines: Map<string, number>;
  /** Read index → key. */
  readKeys: string[];
}

/** An entry to write: the line it was read from when it did not change, else the entry and the keys of its reads. */
interface Row {
  rel: string;
  entry: FileEntry;
  keys: string[];
  /** Where its line starts in the old body. */
  line?: number;
}

const COMMA_NEWLINE = Buffer.from(',\n');

/** JSON text with every character past ASCII escaped (the same value): a reader decodes ASCII byte for byte. */
function toAscii(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

class SiteCache {
  disabled = false;
  private readonly siteName: string;
  private readonly config: string;
  private readonly old: Loaded | undefined;
  /** The files' content and model digests (shared with the server's persisted index). */
  private readonly digests: SiteDigests;
  private readonly answers = new Map<string, string>();
  /** Files whose content digest this run worked out, with the stamp that may be saved with it (null: none). */
  private readonly stamps = new Map<string, string | null>();
  private readonly facets = new WeakMap<PageSummary, string>();
  private restored?: Map<string, PageSummary>;
  private pagesBytes?: Buffer;
  /** The pages file, open for reading the slices asked for (null: it cannot be opened). */
  private pagesFd?: number | null;
  /** Files checked this run, with the reads their findings depend on (and, when reused, their contexts). */
  private readonly checked = new Map<string, { keys: string[]; diagnostics: Diagnostic[]; contexts?: Context[] }>();
  private readonly rootSlash: string;

  /** What this run reused: files whose findings were reused or checked, pages of the index and how many were read. */
  readonly stats = { reused: 0, checked: 0, pages: 0, read: 0 };

  constructor(
    private readonly workspace: Workspace,
    private readonly site: Site,
    readonly file: string,
    private readonly tool: string,
    private readonly contexts: Map<Diagnostic, Context>,
  ) {
    this.rootSlash = site.root === '/' ? '/' : `${site.root}/`;
    // Inside the file, the site root is a NUL character (which JSON text never holds raw).
    this.digests = new SiteDigests(workspace, site, {
      knownIncludes: (file, content) => {
        const entry = this.oldEntry(file);
        return entry && entry.content === content ? entry.includes : undefined;
      },
      knownContent: (file) => this.knownContent(file),
    });
    this.siteName = relativePath(toCorePath(path.dirname(file)), site.root);
    this.config = this.configDigest();
    this.old = this.load();
  }

  // ---- digests ----

  private configDigest(): string {
    const catalog = this.site.shortcodes();
    const shortcodes = [...catalog.byName.values()].map((s) => [s.name, s.paired, s.template ?? null]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    return sha256(
      this.relativize(
        JSON.stringify([this.site.options, this.hugoSettings(), catalog.hasTemplates, shortcodes, this.contentDigest(`${this.site.root}/.hugolint.yaml`)]),
      ),
    );
  }

  /** The site's Hugo settings as read (heading ids, emoji, raw HTML, URLs, mounts): a change of hugo.toml changes ids and URLs. */
  private hugoSettings(): Record<string, unknown> {
    return Object.fromEntries(Object.entries(this.site.hugo.settings).map(([k, v]) => [k, (v as { value: unknown }).value]));
  }

  /** What reading a file gives now, as a digest (its text's, or what stands there instead). */
  private contentDigest(file: string): string {
    return this.digests.content(file);
  }

  /**
   * A file's content digest without reading it, when its stamp is the one kept with the digest (as
   * git's index does). Otherwise the stamp taken here, before SiteDigests reads the file, is kept
   * with the digest it reads when it is settled (NodeHost.stamp): a write after it changes the stamp.
   */
  private knownContent(file: string): string | undefined {
    const { host } = this.workspace;
    if (!(host instanceof NodeHost)) return undefined;
    const stamp = host.stamp(file);
    const entry = this.oldEntry(file);
    if (stamp !== undefined && entry?.stamp === stamp) {
      this.stamps.set(file, stamp);
      return entry.content;
    }
    this.stamps.set(file, stamp !== undefined && isSettledStamp(stamp) ? stamp : null);
    return undefined;
  }

  /** The include arguments of a file's model now: the cached ones for the same content, else the model's. */
  private argumentsOf(file: string): string[] {
    return this.digests.includeArguments(file);
  }

  /** The file's content, where each include argument resolves now, and the included contents. */
  private modelDigest(file: string): string {
    return this.digests.model(file);
  }

  /** The digest of the answer a read gets now. */
  private answer(key: string): string {
    let digest = this.answers.get(key);
    if (digest === undefined) {
      if (key.startsWith('model:')) digest = this.modelDigest(key.slice('model:'.length));
      else if (key.startsWith('resolve:')) digest = this.digests.resolution(key.slice('resolve:'.length));
      else {
        const answer = readAnswer(this.site, key) ?? '';
        digest = typeof answer === 'string' ? sha256(this.relativize(answer)) : answer.pages.map((p) => this.facetDigest(p)).join(' ');
      }
      this.answers.set(key, digest);
    }
    return digest;
  }

  /** The digest of what other files' checks read of an index entry (once per entry: many links lead to one page). */
  private facetDigest(page: PageSummary | undefined): string {
    if (!page) return '-';
    let digest = this.facets.get(page);
    if (digest === undefined) {
      digest = sha256(this.relativize(pageFacet(page)));
      this.facets.set(page, digest);
    }
    return digest;
  }

  private relativize(text: string): string {
    return this.digests.relativize(text);
  }

  private absolutize(text: string): string {
    return this.digests.absolutize(text);
  }

  /** A site file's path relative to the root (entries are keyed by it). */
  private rel(file: string): string {
    return file.startsWith(this.rootSlash) ? file.slice(this.rootSlash.length) : relativePath(this.site.root, file);
  }

  // ---- reuse ----

  /** The file an entry is for: a page or include file of the site, named plainly (whatever else the file says). */
  private fileOf(rel: string): string | undefined {
    if (hasOddSegment(rel)) return undefined;
    const file = this.rootSlash + rel;
    return this.site.isPageOrInclude(file) ? file : undefined;
  }

  private oldEntry(file: string): FileEntry | undefined {
    return this.old?.entries.get(file);
  }

  /** An old entry whose model is the file's model now. */
  private currentEntry(file: string): FileEntry | undefined {
    const entry = this.oldEntry(file);
    if (!entry || entry.content !== this.contentDigest(file) || entry.model !== this.modelDigest(file)) return undefined;
    return entry;
  }

  /** The old entry's findings, when every read they depend on gets the answer it got. */
  private reusable(file: string): FileEntry['lint'] {
    const entry = this.currentEntry(file);
    if (!entry?.lint) return undefined;
    const { readKeys, body } = this.old!;
    return entry.lint.reads.every((i) => this.answer(readKeys[i]) === body.reads[i][1]) ? entry.lint : undefined;
  }

  restorable(): ReadonlyMap<string, PageSummary> {
    if (!this.restored) {
      this.restored = new Map();
      for (const [page, entry] of this.old?.entries ?? []) {
        if (entry.summary && this.currentEntry(page)) this.restored.set(page, this.restoreSummary(page, entry.summary));
      }
    }
    return this.restored;
  }

  private restoreSummary(file: string, s: StoredSummary): PageSummary {
    let decoded: Slices | undefined;
    const decode = () => (decoded ??= this.decodeSlice(file, s.slice));
    const summary: PageSummary = {
      path: file,
      kind: s.kind,
      url: s.url,
      aliases: s.aliases,
      includes: s.includes,
      hasFootnotes: s.hasFootnotes,
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
    if (s.title !== undefined) summary.title = s.title;
    if (s.exactUrl !== undefined) summary.exactUrl = s.exactUrl;
    this.facets.set(summary, s.facet);
    return summary;
  }

  /** The pages file the old body names, read once, when a slice of it is first needed. */
  private pagesFile(): Buffer {
    if (!this.pagesBytes) {
      try {
        this.pagesBytes = fs.readFileSync(path.join(path.dirname(this.file), this.old!.body.pages));
      } catch {
        this.pagesBytes = Buffer.alloc(0); // gone: every slice is read from its page
      }
    }
    return this.pagesBytes;
  }

  /**
   * The bytes [start, end) of the old pages file (fewer when it is shorter): read alone, since a run
   * after one page changed decodes a few dozen of its 4,000 slices.
   */
  private sliceBytes(start: number, end: number): Buffer {
    if (this.pagesBytes) return this.pagesBytes.subarray(start, end);
    if (this.pagesFd === undefined) {
      try {
        this.pagesFd = fs.openSync(path.join(path.dirname(this.file), this.old!.body.pages), 'r');
      } catch {
        this.pagesFd = null; // gone: every slice is read from its page
      }
    }
    if (this.pagesFd === null) return Buffer.alloc(0);
    const bytes = Buffer.alloc(end - start);
    let length = 0;
    try {
      for (let n = -1; n !== 0 && length < bytes.length; length += n) n = fs.readSync(this.pagesFd, bytes, length, bytes.length - length, start + length);
    } catch {
      return Buffer.alloc(0);
    }
    return bytes.subarray(0, length);
  }

  /** Closes the pages file if a slice was read from it (before it is written, and at the end of the run). */
  closePages(): void {
    if (typeof this.pagesFd === 'number') fs.closeSync(this.pagesFd);
    this.pagesFd = undefined;
  }

  /** A restored entry's headings and links; from the page itself when its slice is not what was written. */
  private decodeSlice(file: string, [start, end, digest]: Slice): Slices {
    const bytes = this.sliceBytes(start, end);
    try {
      if (bytes.length === end - start && shortDigest(bytes) === digest) return parseSlice(file, this.absolutize(bytes.toString('utf8')));
    } catch {
      // Not the JSON that was written: read the page.
    }
    this.workspace.model(file);
    const page = this.site.index.page(file);
    return { headings: page?.headings ?? [], links: page?.links ?? [], anchors: page?.anchors ?? [] };
  }

  lint(file: string): LintResult {
    if (this.disabled) return this.workspace.lint(file);
    const reused = this.reusable(file);
    if (reused) {
      this.stats.reused++;
      reused.diagnostics.forEach((d, i) => {
        this.contexts.set(d, reused.contexts[i]);
      });
      this.checked.set(file, { keys: reused.reads.map((i) => this.old!.readKeys[i]), diagnostics: reused.diagnostics, contexts: reused.contexts });
      // No kind: nothing of career-lint reads it, and working it out (the pageKinds globs) for 4,000 reused files costs 15 ms.
      return { file, diagnostics: reused.diagnostics };
    }
    const reads = new LintReads();
    const result = this.workspace.lint(file, undefined, reads);
    if (!result.skipped) this.stats.checked++;
    // A skipped file has nothing to keep; a failure of the tool is not kept either (it may not happen again).
    // The file's own index entry is made from its own model, which the entry's model digest covers.
    reads.keys.delete(`page:${file}`);
    if (!result.skipped && !result.diagnostics.some((d) => d.code === INTERNAL_ERROR)) {
      this.checked.set(file, { keys: [...reads.keys], diagnostics: result.diagnostics });
    }
    return result;
  }

  // ---- loading and saving ----

  private load(): Loaded | undefined {
    let data: Buffer;
    try {
      data = fs.readFileSync(this.file);
    } catch {
      return undefined; // no cache yet (or none that can be read): a cold run
    }
    try {
      const newline = data.indexOf(10);
      if (newline < 0) return undefined;
      const header = JSON.parse(data.toString('utf8', 0, newline)) as Header;
      if (header?.tool !== TOOL || header.format !== FORMAT || header.build !== this.tool || header.site !== this.siteName || !isInt(header.length))
        return undefined;
      if (data.length !== newline + 1 + header.length) return undefined;
      const bodyBytes = data.subarray(newline + 1);
      if (header.sha256 !== createHash('sha256').update(bodyBytes).digest('base64')) return undefined;
      // Written as ASCII (see toAscii): decoded byte for byte, which is several times faster than UTF-8.
      const text = isAscii(bodyBytes) ? bodyBytes.toString('latin1') : bodyBytes.toString('utf8');
      const body = JSON.parse(this.absolutize(text)) as Body;
      if (body?.config !== this.config || !isBody(body, this.pagesName)) return undefined;
      const entries = new Map<string, FileEntry>();
      const lines = new Map<string, number>();
      // Each entry is a line of its own (after the line that ends with `"files":[`), as save() wrote it.
      let at = bodyBytes.indexOf(10);
      for (const [rel, entry] of body.files) {
        const file = this.fileOf(rel);
        if (file) {
          entries.set(file, entry);
          lines.set(file, at + 1);
        }
        if (at >= 0) at = bodyBytes.indexOf(10, at + 1);
      }
      return { body, entries, bytes: bodyBytes, lines: at < 0 ? new Map() : lines, readKeys: body.reads.map(([key]) => key) };
    } catch {
      return undefined; // not JSON where JSON belongs: ignored, and rewritten at the end
    }
  }

  /**
   * Writes the cache file (atomically); returns the problem when it cannot. An entry that is what it
   * was (the same content, stamp and model, its index entry restored and its findings reused) is
   * written as the bytes it was read from: a re-run after one page changed encodes a few entries, not
   * 4,000. So the reads keep their numbers: new ones are added at the end, and the table is written
   * anew, with only the reads still used, once most of it is no longer used.
   */
  save(): string | undefined {
    if (this.disabled) return undefined;
    const kept: StoredSummary[] = [];
    const fresh: { summary: StoredSummary; bytes: Buffer }[] = [];
    const rows: Row[] = [];
    const pages = new Map<string, PageSummary>();
    for (const page of this.site.index.all()) if (!page.generated) pages.set(page.path, page);
    this.stats.pages = pages.size;
    this.stats.read = [...pages].filter(([file, page]) => this.restored?.get(file) !== page).length;
    const candidates = new Set([...pages.keys(), ...this.checked.keys()]);
    for (const file of this.old?.entries.keys() ?? []) candidates.add(file);
    for (const file of [...candidates].sort()) {
      const content = this.contentDigest(file);
      if (content === 'absent') continue;
      const entry: FileEntry = { content, model: this.modelDigest(file), includes: this.argumentsOf(file) };
      // Only a text's digest stands for a stamp: what stands there instead (a link out of the site, a
      // binary file) is read again each run.
      const stamp = this.stamps.get(file);
      if (stamp && !content.startsWith('{')) entry.stamp = stamp;
      const old = this.oldEntry(file);
      let same =
        old !== undefined &&
        old.content === entry.content &&
        old.stamp === entry.stamp &&
        old.model === entry.model &&
        old.includes.join('\u0000') === entry.includes.join('\u0000');
      const page = pages.get(file);
      if (page) {
        // A restored entry keeps its slice of the pages file; a new one gets one.
        const oldSummary = this.restored?.get(file) === page ? old?.summary : undefined;
        const summary: StoredSummary = {
          kind: page.kind,
          url: page.url,
          aliases: page.aliases,
          includes: page.includes,
          hasFootnotes: page.hasFootnotes,
          facet: oldSummary?.facet ?? this.facetDigest(page),
          slice: oldSummary ? [...oldSummary.slice] : [0, 0, ''],
        };
        if (page.title !== undefined) summary.title = page.title;
        if (page.exactUrl !== undefined) summary.exactUrl = page.exactUrl;
        if (oldSummary) kept.push(summary);
        else fresh.push({ summary, bytes: Buffer.from(this.relativize(encodeSlice(page))) });
        entry.summary = summary;
        same &&= oldSummary !== undefined;
      } else same &&= old?.summary === undefined;
      const lint = this.checked.get(file) ?? this.stillValid(file);
      if (lint) entry.lint = { reads: [], diagnostics: lint.diagnostics, contexts: lint.contexts ?? this.contextsOf(file, lint.diagnostics) };
      same &&= lint ? lint.contexts !== undefined && old?.lint !== undefined : old?.lint === undefined;
      if (entry.summary || entry.lint) rows.push({ rel: this.rel(file), entry, keys: lint?.keys ?? [], line: same ? this.old?.lines.get(file) : undefined });
    }
    const written = this.writePages(kept, fresh);
    if (typeof written === 'string') return written;

    // The reads: the old table while most of it is still used (and no kept slice moved), else a new one.
    const used = new Set<string>();
    for (const row of rows) for (const key of row.keys) used.add(key);
    const oldKeys = this.old?.readKeys ?? [];
    const unused = oldKeys.reduce((n, key) => n + (used.has(key) ? 0 : 1), 0);
    const keepTable = this.old !== undefined && !written.moved && unused <= Math.max(1000, used.size / 2);
    const reads: [string, string][] = keepTable ? this.old!.body.reads.map(([key, answer]) => [key, answer]) : [];
    const readIndex = new Map<string, number>(keepTable ? oldKeys.map((key, i) => [key, i]) : []);
    const indexOf = (key: string) => {
      let i = readIndex.get(key);
      if (i === undefined) readIndex.set(key, (i = reads.length));
      // The answer now: a read no entry used may be stale, and an entry written anew may use it.
      reads[i] = [key, this.answer(key)];
      return i;
    };
    const lines: Buffer[] = [];
    // Lines that followed each other in the old file are copied as one piece: [start, end) of its body.
    let copy: [number, number] | undefined;
    const flush = () => {
      if (copy) lines.push(this.old!.bytes.subarray(copy[0], copy[1]), COMMA_NEWLINE);
      copy = undefined;
    };
    for (const row of rows) {
      const start = keepTable ? row.line : undefined;
      if (start === undefined) {
        flush();
        if (row.entry.lint) row.entry.lint.reads = row.keys.map(indexOf);
        lines.push(Buffer.from(toAscii(this.relativize(JSON.stringify([row.rel, row.entry]))), 'latin1'), COMMA_NEWLINE);
        continue;
      }
      const bytes = this.old!.bytes;
      const newline = bytes.indexOf(10, start);
      const end = bytes[newline - 1] === 44 ? newline - 1 : newline; // without the comma
      if (copy && copy[1] + COMMA_NEWLINE.length === start) copy[1] = end;
      else {
        flush();
        copy = [start, end];
      }
    }
    flush();
    if (lines.length) lines.pop();
    const meta = JSON.stringify({ config: this.config, pages: this.pagesName, reads, files: [] } satisfies Body);
    // `…,"files":[` on the first line, then one entry per line.
    const body = Buffer.concat([Buffer.from(toAscii(this.relativize(meta.slice(0, -2))) + '\n', 'latin1'), ...lines, Buffer.from('\n]}')]);
    const header: Header = {
      tool: TOOL,
      format: FORMAT,
      build: this.tool,
      site: this.siteName,
      length: body.length,
      sha256: createHash('sha256').update(body).digest('base64'),
    };
    const failed = writeAtomically(this.file, [Buffer.from(JSON.stringify(header) + '\n'), body]);
    return failed === undefined ? undefined : this.cannotWrite(failed);
  }

  private get pagesName(): string {
    return `${path.basename(this.file)}.pages`;
  }

  /**
   * Gives the new slices their place in the pages file: appended to it, or, when the old one is gone
   * or mostly unused, in a new one with the kept slices first. Written before the cache file, so that
   * the cache file never names slices that are not there (a slice another run moved fails its digest).
   */
  private writePages(kept: StoredSummary[], fresh: { summary: StoredSummary; bytes: Buffer }[]): string | { moved: boolean } {
    this.closePages();
    const file = path.join(path.dirname(this.file), this.pagesName);
    for (const f of fresh) f.summary.slice[2] = shortDigest(f.bytes);
    const keptBytes = kept.reduce((n, k) => n + k.slice[1] - k.slice[0], 0);
    let size: number | undefined;
    try {
      size = this.old ? fs.statSync(file).size : undefined;
    } catch {
      size = undefined;
    }
    const append = size !== undefined && size <= PAGES_SLACK * keptBytes + (1 << 20);
    if (append && !fresh.length) return { moved: false };
    const parts: Buffer[] = [];
    let at = 0;
    const place = (summary: StoredSummary, bytes: Buffer) => {
      summary.slice[0] = at;
      summary.slice[1] = at += bytes.length;
      parts.push(bytes);
    };
    if (append) {
      try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const fd = fs.openSync(file, 'a');
        try {
          at = fs.fstatSync(fd).size;
          for (const f of fresh) place(f.summary, f.bytes);
          fs.writeSync(fd, Buffer.concat(parts));
        } finally {
          fs.closeSync(fd);
        }
        return { moved: false };
      } catch (e) {
        return this.cannotWrite(e);
      }
    }
    const old = kept.length ? this.pagesFile() : Buffer.alloc(0);
    for (const k of kept) place(k, old.subarray(k.slice[0], k.slice[1]));
    for (const f of fresh) place(f.summary, f.bytes);
    const failed = writeAtomically(file, parts);
    return failed === undefined ? { moved: kept.length > 0 } : this.cannotWrite(failed);
  }

  private cannotWrite(e: unknown): string {
    return `cannot write the cache to ${this.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
  }

  /** The old findings of a file not checked this run, while they still hold. */
  private stillValid(file: string): { keys: string[]; diagnostics: Diagnostic[]; contexts: Context[] } | undefined {
    const lint = this.reusable(file);
    return lint && { keys: lint.reads.map((i) => this.old!.readKeys[i]), diagnostics: lint.diagnostics, contexts: lint.contexts };
  }

  /** The identity contexts of a file's new findings, from its model (which its check just built). */
  private contextsOf(file: string, diagnostics: Diagnostic[]): Context[] {
    let model: ReturnType<Workspace['model']>;
    try {
      model = this.workspace.model(file);
    } catch {
      model = undefined; // as fingerprints do: the context then comes from the message
    }
    return diagnostics.map((d) => findingContext(model, d));
  }
}

// ---- helpers -------------------------------------------------------------------------------------

/** True when a relative path has an empty, "." or ".." segment (or is absolute, or empty): not how an entry names a file. */
function hasOddSegment(rel: string): boolean {
  for (let start = 0; start <= rel.length; ) {
    let end = rel.indexOf('/', start);
    if (end < 0) end = rel.length;
    const length = end - start;
    if (length === 0 || (length <= 2 && rel.charCodeAt(start) === 46 && (length === 1 || rel.charCodeAt(start + 1) === 46))) return true;
    start = end + 1;
  }
  return false;
}

const shortDigest = sha256;

/** The version, and the build that runs (a development build of the same version has other rules). */
function toolIdentity(version: string): string {
  let build = '';
  try {
    build = createHash('sha256').update(fs.readFileSync(__filename)).digest('base64');
  } catch {
    // Not readable: the version alone names the tool.
  }
  return `${version} ${build}`;
}

function safeIsDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

// ---- the body's shape (a file that parses is still not trusted) -------------------------------

const isString = (x: unknown): x is string => typeof x === 'string';
const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every(isString);
const isInt = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);
const KINDS = new Set(['career-page', 'job-family', 'page', 'include']);

function isPosition(x: unknown): boolean {
  return isObject(x) && isInt(x.line) && isInt(x.character);
}

function isRange(x: unknown): boolean {
  return isObject(x) && isPosition(x.start) && isPosition(x.end);
}

function isDiagnostic(x: unknown): x is Diagnostic {
  if (!isObject(x) || !isString(x.file) || !isString(x.code) || !isString(x.message) || !SEVERITIES.has(x.severity as string) || !isRange(x.range))
    return false;
  if (
    x.related !== undefined &&
    !(Array.isArray(x.related) && x.related.every((r) => isObject(r) && isString(r.file) && isString(r.message) && isRange(r.range)))
  )
    return false;
  if (
    x.fixes !== undefined &&
    !(
      Array.isArray(x.fixes) &&
      x.fixes.every(
        (f) =>
          isObject(f) &&
          isString(f.title) &&
          Array.isArray(f.edits) &&
          f.edits.every((e) => isObject(e) && isString(e.file) && isString(e.newText) && isRange(e.range)),
      )
    )
  )
    return false;
  return (x.data === undefined || isObject(x.data)) && (x.tags === undefined || isStrings(x.tags));
}

function isSummary(x: unknown): x is StoredSummary {
  if (!isObject(x) || !KINDS.has(x.kind as string) || !isString(x.url) || !isStrings(x.aliases) || !isStrings(x.includes)) return false;
  if (typeof x.hasFootnotes !== 'boolean' || (x.title !== undefined && !isString(x.title)) || !isString(x.facet)) return false;
  if (x.exactUrl !== undefined && !isString(x.exactUrl)) return false;
  const t = x.slice;
  return Array.isArray(t) && t.length === 3 && isInt(t[0]) && isInt(t[1]) && t[0] <= t[1] && isString(t[2]);
}

function isBody(x: unknown, pages: string): x is Body {
  if (!isObject(x) || x.pages !== pages || !Array.isArray(x.reads) || !Array.isArray(x.files)) return false;
  if (!x.reads.every((r) => Array.isArray(r) && r.length === 2 && isString(r[0]) && isString(r[1]))) return false;
  const readCount = x.reads.length;
  for (const row of x.files) {
    if (!Array.isArray(row) || row.length !== 2 || !isString(row[0])) return false;
    const e: unknown = row[1];
    if (!isObject(e) || !isString(e.content) || !isString(e.model) || !isStrings(e.includes)) return false;
    if (e.stamp !== undefined && !isString(e.stamp)) return false;
    if (e.summary !== undefined && !isSummary(e.summary)) return false;
    if (e.lint !== undefined) {
      const lint = e.lint;
      if (!isObject(lint) || !Array.isArray(lint.reads) || !lint.reads.every((i) => isInt(i) && i < readCount)) return false;
      if (!Array.isArray(lint.diagnostics) || !lint.diagnostics.every(isDiagnostic)) return false;
      if (!Array.isArray(lint.contexts) || lint.contexts.length !== lint.diagnostics.length || !lint.contexts.every((c) => isStrings(c) && c.length === 2))
        return false;
    }
  }
  return true;
}
