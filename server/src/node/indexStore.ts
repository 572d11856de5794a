// The language server's persisted index: each site's index saved in the editor's storage folder for
// the workspace (VS Code's ExtensionContext.storageUri; never inside the site), and restored on the
// next start, so that a restart reads and parses only the pages that changed.
//
// One file per site, `index-<digest of the site root>.bin`: a header line (what it is, the format,
// the key, the lengths and SHA-256 of what follows), the body (JSON) and the entries' slices (their
// headings, links and anchors, node/summaryFiles.ts). The key names everything every entry depends on
// at once: the server's version and build, the site's options and its Hugo settings. Anything
// unexpected (another key, format or tool, a length or checksum that does not match, JSON that does
// not parse) and the file is ignored as a whole; the next save replaces it, atomically.
//
// Each entry is reused only while it still holds, checked as the indexer reaches its page, the same
// way career-lint's --cache checks its own (node/summaryDigests.ts): the page's content digest and
// its model digest (where each include argument resolves now and the included files' contents). A
// file's content digest is read from its bytes, except when the file's stamp (NodeHost.stamp) is the
// one saved with the digest: then it is taken as it was. A page open in the editor is read from the
// editor. A site whose permalinks use :sections (URLs that depend on which folders have an
// _index.md) is not saved.

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { encodeSummaryParts, lazySummary, type PageKind, type PageSummary, type Site, type SummaryFields, type SummaryParts, type Workspace } from '../core';
import type { IndexStore, RestoredIndex, SaveResult } from '../lsp/siteIndexer';
import { isSettledStamp, type NodeHost } from './nodeHost';
import { sha256, SiteDigests } from './summaryDigests';
import { writeAtomically } from './summaryFiles';

/** Bumped whenever what the file holds, or what a digest covers, changes meaning. */
const FORMAT = 1;
const TOOL = 'career-pages-index';
/** A site's file is not written past this size (the corpus's 4,000 pages take about 11 MB). */
const MAX_BYTES = 64 * 1024 * 1024;
/** Index files kept in the folder: the least recently written beyond these are removed. */
const MAX_SITES = 8;
/** Pages encoded per save step (the indexer runs steps between edits). */
const SAVE_STEP = 250;

type FileRow = [file: string, stamp: string | null, digest: string];
type PageRow = [
  file: string,
  kind: PageKind,
  model: string,
  includeArguments: string[],
  url: string,
  aliases: string[],
  title: string | null,
  includes: string[],
  hasFootnotes: 0 | 1,
  exactUrl: string | null,
  start: number,
  end: number,
  /** The slice's digest (checked when it is read). */
  slice: string,
];

interface Header {
  tool: string;
  format: number;
  key: string;
  /** Bytes of the body and of the slices after it, and the body's SHA-256 (each slice has its own digest). */
  body: number;
  slices: number;
  sha256: string;
}

interface Body {
  key: string;
  files: FileRow[];
  pages: PageRow[];
}

export interface IndexStoreOptions {
  /** The storage folder (a platform path). */
  folder: string;
  /** The disk, for stamps. */
  disk: NodeHost;
  /** The server's version and build: another one starts over. */
  build: string;
}

/** The persisted indexes of a workspace's sites, in one folder. */
export class PersistedIndexes implements IndexStore {
  readonly textDigest = sha256;

  constructor(private readonly options: IndexStoreOptions) {}

  fileFor(site: Site): string {
    return path.join(this.options.folder, `index-${sha256(site.root).replace(/[+/]/g, '_')}.bin`);
  }

  restore(workspace: Workspace, site: Site, isOpen: (path: string) => boolean): RestoredIndex | undefined {
    const key = this.keyOf(workspace, site);
    if (key === undefined) return undefined;
    return new Restored(workspace, site, this.options.disk, isOpen, this.fileFor(site), key);
  }

  *save(workspace: Workspace, site: Site, restored?: RestoredIndex): Generator<void, SaveResult> {
    const key = this.keyOf(workspace, site);
    if (key === undefined) return { problem: 'not kept: its permalinks use :sections' };
    const old = restored instanceof Restored && restored.site === site ? restored : undefined;
    const digests = new SiteDigests(workspace, site, { knownIncludes: () => undefined });
    const files = new Map<string, [string | null, string]>();
    for (const [file, row] of old?.checkedFiles() ?? []) files.set(file, row);
    const pages: PageRow[] = [];
    // Each entry's bytes as they are (a restored entry's) or as text, written one after the other.
    const slices: (Buffer | string)[] = [];
    let at = 0;
    let count = 0;
    for (const page of [...site.index.all()]) {
      if (page.generated) continue;
      let row: PageRow | undefined;
      let slice: Buffer | string | undefined;
      const kept = old?.rowOf(page);
      if (kept) {
        row = [...kept];
        slice = old!.sliceOf(kept);
      } else {
        const source = workspace.summarySource(page);
        const model = source && digests.modelOfSource(source);
        if (source && model !== undefined) {
          const stampOf = (version: unknown) => (typeof version === 'string' ? version : null);
          files.set(page.path, [stampOf(source.version), source.digest]);
          for (const inc of source.includes) {
            const r = inc.resolution;
            if (inc.target && (r.kind === 'found' || r.kind === 'case-mismatch')) files.set(r.path, [stampOf(inc.target.version), inc.target.digest]);
          }
          // An entry kept as text (a page not open) is written as it is, without being read.
          const encoded = digests.relativize(encodeSummaryParts(page));
          slice = encoded;
          row = [
            page.path,
            page.kind,
            model,
            source.includes.map((i) => i.argument),
            page.url,
            page.aliases,
            page.title ?? null,
            page.includes,
            page.hasFootnotes ? 1 : 0,
            page.exactUrl ?? null,
            0,
            0,
            sha256(encoded),
          ];
        }
      }
      if (row && slice !== undefined) {
        row[10] = at;
        row[11] = at += Buffer.byteLength(slice);
        slices.push(slice);
        pages.push(row);
      }
      if (++count % SAVE_STEP === 0) yield;
    }
    const body = Buffer.from(
      digests.relativize(JSON.stringify({ key, files: [...files].map(([f, [stamp, digest]]) => [f, stamp, digest]), pages } satisfies Body)),
    );
    const header: Header = {
      tool: TOOL,
      format: FORMAT,
      key,
      body: body.length,
      slices: at,
      sha256: createHash('sha256').update(body).digest('base64'),
    };
    const head = Buffer.from(`${JSON.stringify(header)}\n`);
    const file = this.fileFor(site);
    const bytes = head.length + body.length + at;
    if (bytes > MAX_BYTES) return { problem: `it would take ${bytes} bytes, more than ${MAX_BYTES}` };
    const failed = writeAtomically(file, [head, body, ...slices]);
    if (failed !== undefined) return { problem: `cannot write ${file}: ${(failed as NodeJS.ErrnoException).code ?? (failed as Error).message}` };
    this.prune(file);
    return { file, pages: pages.length, bytes };
  }

  /** What every entry of a site depends on at once; undefined for a site that is not saved. */
  private keyOf(workspace: Workspace, site: Site): string | undefined {
    const hugo = Object.fromEntries(Object.entries(site.hugo.settings).map(([k, v]) => [k, (v as { value: unknown }).value]));
    if (Object.values(site.hugo.settings.permalinks.value).some((p) => p.includes(':sections'))) return undefined;
    const digests = new SiteDigests(workspace, site, { knownIncludes: () => undefined });
    return sha256(digests.relativize(JSON.stringify([TOOL, FORMAT, this.options.build, site.options, hugo])));
  }

  /** Removes the least recently written index files beyond MAX_SITES (and temporary files left by a crash). */
  private prune(kept: string): void {
    const { folder } = this.options;
    try {
      const entries = fs
        .readdirSync(folder)
        .filter((n) => /^index-.*\.bin(\..*\.tmp)?$/.test(n))
        .map((n) => {
          const p = path.join(folder, n);
          return { p, tmp: n.endsWith('.tmp'), mtime: fs.statSync(p).mtimeMs };
        });
      const old = entries.filter((e) => e.tmp && Date.now() - e.mtime > 60_000);
      const files = entries.filter((e) => !e.tmp && e.p !== kept).sort((a, b) => b.mtime - a.mtime);
      for (const e of [...old, ...files.slice(MAX_SITES - 1)]) fs.rmSync(e.p, { force: true });
    } catch {
      // The folder is the editor's; what cannot be listed or removed stays.
    }
  }
}

/** A site's saved entries, each checked when the indexer asks for its page. */
class Restored implements RestoredIndex {
  reused = 0;
  rebuilt = 0;
  /** Why nothing was restored (no file yet, or one that is not usable), if so. */
  readonly ignored?: string;
  private readonly pages = new Map<string, PageRow>();
  private readonly files = new Map<string, { stamp: string | null; digest: string }>();
  private readonly digests: SiteDigests;
  private blob: Buffer = Buffer.alloc(0);
  /** Files whose content digest this run worked out, with a stamp that may be saved with it (null: none). */
  private readonly checked = new Map<string, string | null>();
  private readonly rows = new WeakMap<PageSummary, PageRow>();

  constructor(
    private readonly workspace: Workspace,
    readonly site: Site,
    private readonly disk: NodeHost,
    private readonly isOpen: (path: string) => boolean,
    readonly file: string,
    key: string,
  ) {
    this.digests = new SiteDigests(workspace, site, {
      knownIncludes: (file, content) => (this.files.get(file)?.digest === content ? this.pages.get(file)?.[3] : undefined),
      knownContent: (file) => this.knownContent(file),
    });
    this.ignored = this.load(key);
  }

  get(file: string): PageSummary | undefined {
    const row = this.pages.get(file);
    let current = false;
    try {
      current =
        row !== undefined &&
        // The configured kind is the one saved (the options are in the key); only a session's choice differs.
        (this.workspace.kindOverride(file) ?? row[1]) === row[1] &&
        this.digests.content(file) === this.files.get(file)?.digest &&
        this.digests.model(file) === row[2];
    } catch {
      current = false; // what cannot be checked is read again
    }
    if (!current) {
      this.rebuilt++;
      return undefined;
    }
    this.reused++;
    const summary = this.summaryOf(row!);
    this.rows.set(summary, row!);
    return summary;
  }

  /** The saved row of an entry this restored (for the next save). */
  rowOf(summary: PageSummary): PageRow | undefined {
    return this.rows.get(summary);
  }

  sliceOf(row: PageRow): Buffer {
    return this.blob.subarray(row[10], row[11]);
  }

  /** The files checked, as [stamp, digest] to save. */
  *checkedFiles(): Generator<[string, [string | null, string]]> {
    for (const [file, stamp] of this.checked) yield [file, [stamp, this.digests.content(file)]];
  }

  /** A file's content digest without reading it, when its stamp is the one saved with the digest. */
  private knownContent(file: string): string | undefined {
    if (this.isOpen(file)) {
      this.checked.set(file, null);
      return undefined; // the editor's text (SiteDigests reads it through the workspace's host)
    }
    const stamp = this.disk.stamp(file);
    const saved = this.files.get(file);
    if (stamp !== undefined && saved?.stamp === stamp) {
      this.checked.set(file, stamp);
      return saved.digest;
    }
    // Taken before SiteDigests reads the file: a write after it changes the stamp.
    this.checked.set(file, stamp !== undefined && isSettledStamp(stamp) ? stamp : null);
    return undefined;
  }

  private summaryOf(row: PageRow): PageSummary {
    const [file, kind, , , url, aliases, title, includes, hasFootnotes, exactUrl] = row;
    const fields: SummaryFields = { path: file, kind, url, aliases, includes, hasFootnotes: hasFootnotes === 1 };
    if (title !== null) fields.title = title;
    if (exactUrl !== null) fields.exactUrl = exactUrl;
    return lazySummary(fields, () => this.partsOf(row));
  }

  /** A restored entry's headings, links and anchors: its slice, or when that is damaged, the page's own. */
  private partsOf(row: PageRow): string | SummaryParts {
    const bytes = this.sliceOf(row);
    if (sha256(bytes) === row[12]) return this.digests.absolutize(bytes.toString('utf8'));
    this.workspace.model(row[0]);
    if (!this.isOpen(row[0])) this.workspace.forget(row[0]);
    const page = this.site.index.page(row[0]);
    return { headings: page?.headings ?? [], links: page?.links ?? [], anchors: page?.anchors ?? [] };
  }

  /** Reads the file; says why nothing is restored when it cannot be used. */
  private load(key: string): string | undefined {
    let data: Buffer;
    try {
      data = fs.readFileSync(this.file);
    } catch {
      return 'no saved index';
    }
    try {
      const newline = data.indexOf(10);
      if (newline < 0) return 'not an index file';
      const header = JSON.parse(data.toString('utf8', 0, newline)) as Header;
      if (header?.tool !== TOOL || header.format !== FORMAT) return 'another format';
      if (header.key !== key) return 'saved with other settings or another build';
      if (!isInt(header.body) || !isInt(header.slices) || data.length !== newline + 1 + header.body + header.slices) return 'cut short';
      const body = data.subarray(newline + 1, newline + 1 + header.body);
      const blob = data.subarray(newline + 1 + header.body);
      if (header.sha256 !== createHash('sha256').update(body).digest('base64')) return 'damaged';
      const parsed = JSON.parse(this.digests.absolutize(body.toString('utf8'))) as Body;
      if (parsed?.key !== key || !Array.isArray(parsed.files) || !Array.isArray(parsed.pages)) return 'damaged';
      for (const f of parsed.files) {
        if (isFileRow(f)) this.files.set(f[0], { stamp: f[1], digest: f[2] });
      }
      for (const p of parsed.pages) {
        if (isPageRow(p, blob.length)) this.pages.set(p[0], p);
      }
      this.blob = blob;
      return undefined;
    } catch {
      this.files.clear();
      this.pages.clear();
      return 'damaged';
    }
  }
}

const isInt = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;
const isString = (x: unknown): x is string => typeof x === 'string';
const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every(isString);
const KINDS = new Set(['career-page', 'job-family', 'page', 'include']);

function isFileRow(x: unknown): x is FileRow {
  return Array.isArray(x) && x.length === 3 && isString(x[0]) && (x[1] === null || isString(x[1])) && isString(x[2]);
}

function isPageRow(x: unknown, blobLength: number): x is PageRow {
  return (
    Array.isArray(x) &&
    x.length === 13 &&
    isString(x[0]) &&
    KINDS.has(x[1]) &&
    isString(x[2]) &&
    isStrings(x[3]) &&
    isString(x[4]) &&
    isStrings(x[5]) &&
    (x[6] === null || isString(x[6])) &&
    isStrings(x[7]) &&
    (x[8] === 0 || x[8] === 1) &&
    (x[9] === null || isString(x[9])) &&
    isInt(x[10]) &&
    isInt(x[11]) &&
    x[10] <= x[11] &&
    x[11] <= blobLength &&
    isString(x[12])
  );
}

/** The server's version and the build that runs (another build of the same version may summarise differently). */
export function serverBuild(version: string, script: string): string {
  try {
    return `${version} ${createHash('sha256').update(fs.readFileSync(script)).digest('base64')}`;
  } catch {
    return version;
  }
}
