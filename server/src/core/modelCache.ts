// Parsed pages, once per version of their text: one PageModel per file, the included files' texts
// read and parsed once and shared by every page that includes them, and which pages depend on which
// files (included files, the paths a missing include tried, a career page's ladder siblings), so a
// change drops exactly what it affects.

import type { PageKind } from './config';
import { describeUnreadable, type FileContent, type Host } from './host';
import { buildPageModel, sourceFile, type IncludeLookup, type PageModel, type SourceFile } from './model/pageModel';
import type { Site } from './site';
import { summarize } from './siteIndex';
import type { LineIndex } from './text';

interface CachedModel {
  text: string;
  kind: PageKind;
  model: PageModel;
}

export class ModelCache {
  private readonly models = new Map<string, CachedModel>();
  private readonly includeTexts = new Map<string, { content: FileContent | undefined; source?: SourceFile }>();
  /** path → pages whose model (or check) depends on it. */
  private readonly dependents = new Map<string, Set<string>>();

  constructor(private readonly host: Host) {}

  /** The model built last for a file, with the text and kind it was built from. */
  cached(file: string): CachedModel | undefined {
    return this.models.get(file);
  }

  /** The line index of a file the cache has read: a page or an included file. */
  linesOf(file: string): LineIndex | undefined {
    return this.models.get(file)?.model.file.lines ?? this.includeTexts.get(file)?.source?.lines;
  }

  /** The model of `file` with this text and kind: the cached one, or built now (and the page's index entry updated). */
  build(site: Site, file: string, text: string, kind: PageKind): PageModel {
    const cached = this.models.get(file);
    if (cached && cached.text === text && cached.kind === kind) return cached.model;
    // An include file read for a page and now opened as itself shares the same source text.
    const shared = this.includeTexts.get(file)?.source;
    const source = shared && shared.text === text ? shared : sourceFile(file, text);
    const model = buildPageModel(source, {
      kind,
      markup: site.markup,
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
    this.models.set(file, { text, kind, model });
    if (kind !== 'include') site.index.update(summarize(model, site.urls));
    return model;
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

  /** Forgets a file's model (an editor closed it, or it was only needed for the index); what other files share stays. */
  drop(file: string): void {
    this.models.delete(file);
  }

  /** Forgets every model (options changed); included texts stay, they do not depend on options. */
  dropModels(): void {
    this.models.clear();
  }

  /**
   * `path` was created, changed or deleted: drops its own model and text and the models of the pages
   * that depend on it, and returns those pages. A file that appeared or disappeared can change where
   * include paths resolve: pages with a missing or case-mismatched include are dropped too.
   */
  changed(path: string, change: 'created' | 'changed' | 'deleted', sites: Iterable<Site>): Set<string> {
    const affected = new Set<string>();
    this.includeTexts.delete(path);
    this.models.delete(path);
    for (const page of this.dependents.get(path) ?? []) {
      affected.add(page);
      this.models.delete(page);
    }
    if (change !== 'changed') {
      for (const site of sites) site.resolver.reset();
      for (const [page, cached] of this.models) {
        if (cached.model.includes.some((i) => i.resolution.kind === 'case-mismatch' || i.resolution.kind === 'missing')) {
          affected.add(page);
          this.models.delete(page);
        }
      }
    }
    affected.delete(path);
    return affected;
  }

  private readInclude(path: string): { content: FileContent | undefined; source?: SourceFile } {
    let entry = this.includeTexts.get(path);
    if (!entry) {
      const content = this.host.readFile(path);
      entry = { content, source: content?.kind === 'text' ? sourceFile(path, content.text) : undefined };
      this.includeTexts.set(path, entry);
    }
    return entry;
  }
}
