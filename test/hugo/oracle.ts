// What the Hugo oracle tests compare: Hugo's rendered pages (hugoSite.ts) against the models our
// core builds over the same temporary site.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Workspace } from '../../server/src/core/workspace';
import { NodeHost, toCorePath } from '../../server/src/node/nodeHost';
import { repoRoot } from '../support/fixtureSite';
import { hugoVersion, type HugoBuild, type HugoSite } from './hugoSite';

export { repoRoot };

export const corpusDir = path.resolve(repoRoot, '../shared/corpus/gitlab-handbook-2025-12');
export const fixturesDir = path.join(__dirname, 'fixtures');

/** Why Hugo tests cannot run here, or false. */
export function hugoSkip(): string | false {
  return hugoVersion() ? false : '`hugo` is not on PATH (CI installs Debian\'s hugo 0.111 via .ci/run)';
}

export function corpusSkip(): string | false {
  return hugoSkip() || (existsSync(corpusDir) ? false : `the handbook snapshot is not at ${corpusDir} (it is in CI)`);
}

/** content-relative path → text of every Markdown page under `contentDir`, dot-folders left out as Hugo does. */
export function readPages(contentDir: string): Record<string, string> {
  const pages: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md')) pages[path.relative(contentDir, p).split(path.sep).join('/')] = readFileSync(p, 'utf8');
    }
  };
  walk(contentDir);
  return Object.fromEntries(Object.entries(pages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A workspace over the file system (and so over a temporary site), as the CLI builds it. */
export function newWorkspace(): Workspace {
  return new Workspace(new NodeHost());
}

export function modelOf(workspace: Workspace, site: HugoSite, page: string) {
  const model = workspace.model(toCorePath(site.pagePath(page)));
  if (!model) throw new Error(`no model for ${page}`);
  return model;
}

export interface AnchorComparison {
  pages: number;
  headings: number;
  /** Pages Hugo rendered nothing for (their ids cannot be compared). */
  unrendered: string[];
  mismatches: { page: string; hugo: string[]; ours: string[] }[];
}

/** Compares, page by page, the ids of Hugo's Markdown headings with our model's heading ids (in order). */
export function compareAnchors(site: HugoSite, build: HugoBuild, pages: string[], workspace = newWorkspace()): AnchorComparison {
  const result: AnchorComparison = { pages: 0, headings: 0, unrendered: [], mismatches: [] };
  for (const page of pages) {
    const rendered = build.pages.get(page);
    if (!rendered) {
      result.unrendered.push(page);
      continue;
    }
    const hugo = rendered.headings.map((h) => h.id);
    const ours = modelOf(workspace, site, page).headings.map((h) => h.id);
    result.pages++;
    result.headings += hugo.length;
    if (hugo.length !== ours.length || hugo.some((id, i) => id !== ours[i])) result.mismatches.push({ page, hugo, ours });
  }
  return result;
}

/** One block per page: Hugo's id list beside ours, differing lines marked. */
export function formatMismatches(mismatches: AnchorComparison['mismatches']): string {
  return mismatches
    .map(({ page, hugo, ours }) => {
      const rows = Array.from({ length: Math.max(hugo.length, ours.length) }, (_, i) => {
        const mark = hugo[i] === ours[i] ? '   ' : ' ≠ ';
        return `${mark}hugo ${JSON.stringify(hugo[i] ?? null)}  ours ${JSON.stringify(ours[i] ?? null)}`;
      });
      return [`${page}: Hugo ${JSON.stringify(hugo)}`, `${' '.repeat(page.length)}  ours ${JSON.stringify(ours)}`, ...rows].join('\n');
    })
    .join('\n\n');
}

/** Tables Goldmark rendered (raw HTML tables in a page look different: Goldmark writes exactly this). */
export function goldmarkTableCount(html: string): number {
  return html.match(/<table>\n<thead>\n<tr>\n<th/g)?.length ?? 0;
}
