// What the rest of the site needs to know about a page without its full model: its anchors and the
// files it includes. The Workspace records a summary whenever it builds a page's model; the CLI's
// worker threads send theirs back; a language server fills it in the background. Site-wide rules
// read this index, never other pages' text.

import type { PageKind } from './config';
import type { PageModel } from './model/pageModel';

export interface PageSummary {
  path: string;
  kind: PageKind;
  /** Every id a link can target on the rendered page (sorted). */
  anchors: string[];
  /** Files this page includes (resolved paths, {{% %}} and {{< >}} alike). */
  includes: string[];
  hasFootnotes: boolean;
}

export function summarize(model: PageModel): PageSummary {
  const includes = new Set<string>();
  for (const inc of model.includes) {
    const r = inc.resolution;
    if (r.kind === 'found' || r.kind === 'case-mismatch') includes.add(r.path);
  }
  return {
    path: model.file.path,
    kind: model.kind,
    anchors: [...model.anchors.keys()].sort(),
    includes: [...includes].sort(),
    hasFootnotes: model.hasFootnotes,
  };
}

export class SiteIndex {
  private readonly pages = new Map<string, PageSummary>();
  private readonly anchorSets = new Map<string, Set<string>>();
  private readonly includers = new Map<string, Set<string>>();

  update(summary: PageSummary): void {
    this.remove(summary.path);
    this.pages.set(summary.path, summary);
    this.anchorSets.set(summary.path, new Set(summary.anchors));
    for (const inc of summary.includes) {
      let set = this.includers.get(inc);
      if (!set) this.includers.set(inc, (set = new Set()));
      set.add(summary.path);
    }
  }

  remove(path: string): void {
    const old = this.pages.get(path);
    if (!old) return;
    for (const inc of old.includes) this.includers.get(inc)?.delete(path);
    this.pages.delete(path);
    this.anchorSets.delete(path);
  }

  page(path: string): PageSummary | undefined {
    return this.pages.get(path);
  }

  /** Pages that include `file`, in path order. */
  includersOf(file: string): PageSummary[] {
    return [...(this.includers.get(file) ?? [])].sort().map((p) => this.pages.get(p)!);
  }

  hasAnchor(page: string, id: string): boolean {
    return this.anchorSets.get(page)?.has(id) ?? false;
  }

  get size(): number {
    return this.pages.size;
  }
}
