// Parsed pages, once per version of their text: one PageModel per file, the included files' texts
// read and parsed once and shared by every page that includes them, and which pages depend on which
// files (included files, the paths a missing include tried, a career page's ladder siblings), so a
// change drops exactly what it affects.

import type { PageKind } from './config';
import { describeUnreadable, type FileContent, type Host } from './host';
import { buildPageModel, sourceFile, type IncludeLookup, type PageModel, type SourceFile } from './model/pageModel';
import type { IncludeResolution, Site } from './site';
import { compactSummary, type PageSummary, summarize } from './siteIndex';
import type { LineIndex } from './text';

interface CachedModel {
  text: string;
  kind: PageKind;
  model: PageModel;
  /** The index entry made from it (pages only), in the index of this site. */
  summary?: PageSummary;
  site: Site;
}

/** What the host gave for a file: its version (NodeHost: a stamp of the file as it was opened). */
type Version = number | string | undefined;

interface IncludeText {
  content: FileContent | undefined;
  source?: SourceFile;
  /** The digest of its text, once asked for. */
  digest?: string;
}

/**
 * What an index entry was made from, for a store that keeps the index across runs (the language
 * server's persisted index): the page's text and each include call's resolution and included text,
 * each as the digest of the text and the version the host read it at. A store that saves these can
 * tell later, without parsing, whether the entry still holds.
 */
export interface SummarySource {
  digest: string;
  version: Version;
  /** The include calls with an argument, in order. `target` is the included text; none when none was read as text. */
  includes: { argument: string; resolution: IncludeResolution; target?: { digest: string; version: Version } }[];
}

/** What a summary was made from, recorded when it was (the texts' digests are taken only when asked for). */
interface Provenance {
  file: string;
  version: Version;
  /** The page's text's digest, taken when its model was dropped (while it is cached, from its text). */
  digest?: string;
  includes: { argument: string; resolution: IncludeResolution; text?: IncludeText }[];
}

export class ModelCache {
  private readonly models = new Map<string, CachedModel>();
  private readonly includeTexts = new Map<string, IncludeText>();
  /** path → pages whose model (or check) depends on it. */
  private readonly dependents = new Map<string, Set<string>>();
  /**
   * The last model of a file whose text (or an include) changed, until the file is built again: its
   * paragraph scans are reused (an editor's keystroke changes one paragraph of the page).
   */
  private readonly previous = new Map<string, PageModel>();
  /** What each index entry built here was made from (only with a `digest`). */
  private readonly provenance = new WeakMap<PageSummary, Provenance>();
  /**
   * The index entry built here for each page whose model was dropped while nothing it read changed
   * (isCurrent): it holds as long as the index still has it.
   */
  private readonly currentEntries = new Map<string, PageSummary>();

  constructor(
    private readonly host: Host,
    /** A digest of a text, for summarySource(); without one, nothing about sources is kept. */
    private readonly digest?: (text: string) => string,
    /** When a page's model is dropped, its index entry keeps its headings, links and anchors as text until read (siteIndex.ts, lazySummary). */
    private readonly compact = false,
  ) {}

  /** The model built last for a file, with the text and kind it was built from. */
  cached(file: string): CachedModel | undefined {
    return this.models.get(file);
  }

  /**
   * Whether the site index's entry of `file` is current: its model is cached, or the entry is the one
   * built here from a text that has not changed since, and nothing the model read has either (an
   * entry restored from a store, or whose include file changed, is not known to be).
   */
  isCurrent(site: Site, file: string): boolean {
    if (this.models.has(file)) return true;
    const entry = this.currentEntries.get(file);
    return entry !== undefined && site.index.page(file) === entry;
  }

  /** The line index of a file the cache has read: a page or an included file. */
  linesOf(file: string): LineIndex | undefined {
    return this.models.get(file)?.model.file.lines ?? this.includeTexts.get(file)?.source?.lines;
  }

  /**
   * The model of `file` with this text and kind: the cached one, or built now (and the page's index
   * entry updated). `version` is the host's version of the text, when it was read through the host.
   */
  build(site: Site, file: string, text: string, kind: PageKind, version?: number | string): PageModel {
    const cached = this.models.get(file);
    if (cached && cached.text === text && cached.kind === kind) return cached.model;
    // An include file read for a page and now opened as itself shares the same source text.
    const shared = this.includeTexts.get(file)?.source;
    const source = shared && shared.text === text ? shared : sourceFile(file, text);
    const model = buildPageModel(source, {
      kind,
      markup: site.markup,
      // A new version of a file built before (an editor's keystroke): its unchanged paragraphs are not scanned again.
      previous: cached?.model ?? this.previous.get(file),
      include: (argument): IncludeLookup => {
        const resolution = site.resolver.resolve(argument);
        if (resolution.kind === 'missing') for (const t of resolution.tried) this.depend(t, file);
        if (resolution.kind !== 'found' && resolution.kind !== 'case-mismatch') return { resolution };
        this.depend(resolution.path, file);
        const { content, source: target } = this.readInclude(resolution.path);
        if (!content) return { resolution: { kind: 'missing', tried: [resolution.path] } };
        if (!target) return { resolution, targetProblem: describeUnreadable(content) };
        return { resolution, target };
      },
    });
    const entry: CachedModel = { text, kind, model, site };
    this.models.set(file, entry);
    this.previous.delete(file);
    this.currentEntries.delete(file);
    if (kind !== 'include') {
      // A compact index writes the entry's headings, links and anchors out as text when the model
      // goes (drop): until then the model's text is there, and their strings may be views into it.
      const summary = (entry.summary = summarize(model, site.urls, this.compact ? asIs : undefined));
      site.index.update(summary);
      if (this.digest) this.provenance.set(summary, this.provenanceOf(file, model, version));
    }
    return model;
  }

  /**
   * What an index entry built here was made from; undefined for an entry made elsewhere (restored),
   * or whose model was dropped without its text's digest taken (options or a file it read changed).
   */
  sourceOf(summary: PageSummary): SummarySource | undefined {
    const p = this.provenance.get(summary);
    if (!p || !this.digest) return undefined;
    const cached = this.models.get(p.file);
    const digest = p.digest ?? (cached?.summary === summary ? this.digest(cached.text) : undefined);
    if (digest === undefined) return undefined;
    return {
      digest,
      version: p.version,
      includes: p.includes.map(({ argument, resolution, text }) => {
        if (!text?.source) return { argument, resolution };
        text.digest ??= this.digest!(text.source.text);
        return { argument, resolution, target: { digest: text.digest, version: text.content?.kind === 'text' ? text.content.version : undefined } };
      }),
    };
  }

  private provenanceOf(file: string, model: PageModel, version: Version): Provenance {
    const includes: Provenance['includes'] = [];
    for (const inc of model.includes) {
      if (!inc.argument) continue;
      const r = inc.resolution;
      const entry = (r.kind === 'found' || r.kind === 'case-mismatch') && inc.target ? this.includeTexts.get(r.path) : undefined;
      includes.push({ argument: inc.argument.value, resolution: r, text: entry?.source === inc.target ? entry : undefined });
    }
    return { file, version, includes };
  }

  /** Records that `page`'s model or check read `path`. */
  depend(path: string, page: string): void {
    let set = this.dependents.get(path);
    if (!set) this.dependents.set(path, (set = new Set()));
    set.add(page);
  }

  /** The files whose models (or checks) read `path` so far. */
  dependentsOf(path: string): string[] {
    return [...(this.dependents.get(path) ?? [])].sort();
  }

  /**
   * Forgets a file's model (an editor closed it, or it was only needed for the index); what other
   * files share stays. `replace` gives the index entry to keep instead of the one made from the model.
   */
  drop(file: string, replace?: (summary: PageSummary) => PageSummary): void {
    const cached = this.models.get(file);
    // The text goes: what a store needs of it is its digest.
    const p = cached?.summary && this.digest ? this.provenance.get(cached.summary) : undefined;
    if (p && p.digest === undefined) p.digest = this.digest!(cached!.text);
    if (cached?.summary && cached.site.index.page(file) === cached.summary) {
      const kept = replace ? replace(cached.summary) : this.compact ? compactSummary(cached.summary) : cached.summary;
      if (kept !== cached.summary) {
        if (p) this.provenance.set(kept, p);
        cached.site.index.update(kept);
      }
      this.currentEntries.set(file, kept);
    }
    this.models.delete(file);
    this.previous.delete(file);
  }

  /** Forgets every model (options changed); included texts stay, they do not depend on options. */
  dropModels(): void {
    this.models.clear();
    this.previous.clear();
    this.currentEntries.clear();
  }

  /**
   * `path` was created, changed or deleted: drops its own model and text and the models of the pages
   * that depend on it, and returns those pages. A file that appeared or disappeared can change where
   * include paths resolve: pages with a missing or case-mismatched include are dropped too.
   */
  changed(path: string, change: 'created' | 'changed' | 'deleted', sites: Iterable<Site>): Set<string> {
    const affected = new Set<string>();
    this.includeTexts.delete(path);
    this.forgetModel(path);
    this.currentEntries.delete(path);
    for (const page of this.dependents.get(path) ?? []) {
      affected.add(page);
      this.forgetModel(page);
      this.currentEntries.delete(page);
    }
    if (change !== 'changed') {
      // Where include paths resolve may have changed for any page.
      this.currentEntries.clear();
      for (const site of sites) site.resolver.reset();
      for (const [page, cached] of this.models) {
        if (cached.model.includes.some((i) => i.resolution.kind === 'case-mismatch' || i.resolution.kind === 'missing')) {
          affected.add(page);
          this.forgetModel(page);
        }
      }
    }
    affected.delete(path);
    return affected;
  }

  /** Drops a model that no longer holds, keeping it as the previous version (see `previous`). */
  private forgetModel(file: string): void {
    const cached = this.models.get(file);
    if (!cached) return;
    this.previous.set(file, cached.model);
    this.models.delete(file);
  }

  private readInclude(path: string): IncludeText {
    let entry = this.includeTexts.get(path);
    if (!entry) {
      const content = this.host.readFile(path);
      entry = { content, source: content?.kind === 'text' ? sourceFile(path, content.text) : undefined };
      this.includeTexts.set(path, entry);
    }
    return entry;
  }
}

const asIs = (s: string): string => s;
