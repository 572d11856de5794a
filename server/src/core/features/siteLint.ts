// "Lint Workspace": every page and include file of a site checked, a few files per step so that a
// server can answer other requests between steps. Site-wide rules need the complete site index, so
// it is built first (also in steps).

import type { Diagnostic } from '../diagnostic';
import { isMarkdownPath, type LintResult, type Site, type Workspace } from '../workspace';

/** The files "Lint Workspace" checks in a site: its pages (as listed, unless given), then the Markdown files under its include folders. */
export function siteLintFiles(workspace: Workspace, site: Site, pages: readonly string[] = workspace.sitePages(site)): string[] {
  const seen = new Set(pages);
  const includes: string[] = [];
  for (const root of site.includeRoots) {
    for (const f of workspace.host.listFiles(root)) {
      if (seen.has(f) || !isMarkdownPath(f) || !site.isUnderIncludeRoot(f) || site.classifier.isIgnored(site.relative(f))) continue;
      seen.add(f);
      includes.push(f);
    }
  }
  return [...pages, ...includes.sort()];
}

export interface SiteLintStep {
  phase: 'index' | 'lint';
  done: number;
  total: number;
  /** Files checked in this step (phase 'lint'). */
  results: LintResult[];
}

/**
 * Checks every file of a site, `batch` files per step. `keep(file)` says whose model stays cached
 * (the editor's open files); the others are forgotten once checked, so a large site does not stay in
 * memory.
 */
export function* siteLintSteps(workspace: Workspace, site: Site, options: { batch?: number; keep?: (file: string) => boolean } = {}): Generator<SiteLintStep> {
  const batch = options.batch ?? 25;
  if (!site.index.complete) {
    for (const step of workspace.indexSteps(site, { batch, keepModels: false })) yield { phase: 'index', ...step, results: [] };
  }
  const files = siteLintFiles(workspace, site);
  let results: LintResult[] = [];
  for (let i = 0; i < files.length; i++) {
    results.push(workspace.lint(files[i]));
    if (!options.keep?.(files[i])) workspace.forget(files[i]);
    if ((i + 1) % batch === 0 || i === files.length - 1) {
      yield { phase: 'lint', done: i + 1, total: files.length, results };
      results = [];
    }
  }
}

export interface SiteLintSummary {
  files: number;
  errors: number;
  warnings: number;
  /** Information and hints. */
  others: number;
  /** Files with at least one diagnostic. */
  filesWithProblems: number;
}

export function summarizeDiagnostics(results: { diagnostics: Diagnostic[] }[]): SiteLintSummary {
  const summary: SiteLintSummary = { files: results.length, errors: 0, warnings: 0, others: 0, filesWithProblems: 0 };
  for (const r of results) {
    if (r.diagnostics.length) summary.filesWithProblems++;
    for (const d of r.diagnostics) {
      if (d.severity === 'error') summary.errors++;
      else if (d.severity === 'warning') summary.warnings++;
      else summary.others++;
    }
  }
  return summary;
}
