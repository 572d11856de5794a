// What the Hugo oracle tests compare: Hugo's rendered pages (hugoSite.ts) against the models our
// core builds over the same temporary site.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from '../../server/src/core/diagnostic';
import { LineIndex, type Range } from '../../server/src/core/text';
import { Workspace } from '../../server/src/core/workspace';
import { NodeHost, toCorePath } from '../../server/src/node/nodeHost';
import { repoRoot } from '../support/fixtureSite';
import { HugoSite, hugoVersion, type HugoBuild } from './hugoSite';

export { repoRoot };

export const corpusDir = path.resolve(repoRoot, '../shared/corpus/gitlab-handbook-2025-12');
export const fixturesDir = path.join(__dirname, 'fixtures');

/** Why Hugo tests cannot run here, or false. */
export function hugoSkip(): string | false {
  return hugoVersion() ? false : "`hugo` is not on PATH (CI installs Debian's hugo 0.111 via .ci/run)";
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

// Hugo's typographer (on by default) turns `---` into an em dash, and so on: back to the source.
const TYPOGRAPHER: Record<string, string> = {
  '&mdash;': '---',
  '&ndash;': '--',
  '&hellip;': '...',
  '&lsquo;': "'",
  '&rsquo;': "'",
  '&ldquo;': '"',
  '&rdquo;': '"',
};

/**
 * The pipe tables of rendered HTML (Goldmark's or cmark-gfm's, which write them alike; a raw HTML
 * table written the same way is among them), in document order: rows (header first) of each
 * cell's inner HTML, with the typographer's entities back as the source wrote them.
 */
export function pipeTables(html: string): string[][][] {
  return [...html.matchAll(/<table>(?=\n<thead>\n<tr>\n<th)([\s\S]*?)<\/table>/g)].map((t) =>
    [...t[1].matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
      [...r[1].matchAll(/<t[hd](?: [^>]*)?>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1].replace(/&(?:[mn]dash|hellip|[lr][sd]quo);/g, (e) => TYPOGRAPHER[e])),
    ),
  );
}

/** Every table-shape finding of the site: pages first, then include files (they need their includers' models). */
export function tableShapeFindings(workspace: Workspace, site: HugoSite, pages: string[]): Diagnostic[] {
  const files = [
    ...pages.map((p) => toCorePath(site.pagePath(p))),
    ...workspace.host.listFiles(toCorePath(path.join(site.root, 'assets'))).filter((f) => f.endsWith('.md')),
  ];
  return files.flatMap((f) => workspace.lint(f).diagnostics).filter((d) => d.code === 'table-shape');
}

export interface TableClaim {
  /** The finding's file (a page, or an include file) relative to the site root, and its 1-based line. */
  where: string;
  header: number;
  delimiter: number;
  /** The page whose tables were counted (the finding's page, or a page that includes the file). */
  page: string;
  /** Goldmark tables on that page once the finding's quick fix is applied, minus before: 1 when no table rendered there. */
  tablesAdded: number;
}

/**
 * Checks each table-shape finding that says "no table" against Hugo: builds one variant of the page per
 * finding with the finding's quick fix applied (for an include file: a fixed copy of the file, included
 * by a copy of one page that includes it) and counts Goldmark's tables before and after. A claim is
 * right when the fix adds exactly the tables the page gets from that spot.
 */
export async function checkNoTableClaims(site: HugoSite, build: HugoBuild, workspace: Workspace, findings: Diagnostic[]): Promise<TableClaim[]> {
  const root = toCorePath(site.root);
  const assets = `${root}/assets/`;
  const variant = new HugoSite({ copy: [{ from: path.join(site.root, 'assets'), to: 'assets' }] });
  try {
    const plans: { claim: Omit<TableClaim, 'tablesAdded'>; variantPage: string; expected: number }[] = [];
    findings.forEach((d, k) => {
      const text = readFileSync(d.file, 'utf8');
      const fixed = applyEdits(
        text,
        d.fixes![0].edits.filter((e) => e.file === d.file),
      );
      const data = d.data as { header: number; delimiter: number };
      const where = `${path.posix.relative(root, d.file)}:${d.range.start.line + 1}`;
      const folder = `oracle-fix-${k}`;
      if (d.file.startsWith(assets)) {
        const argument = d.file.slice(assets.length);
        // A page that renders the file as its own Markdown: a {{% include %}} call names it.
        const calls = new RegExp(`(\\{\\{%\\s*include\\s+")/?${escapeRegExp(argument)}(")`, 'g');
        const includer = workspace
          .includersOf(d.file)
          .map((p) => p.path)
          .find((p) => new RegExp(calls.source).test(readFileSync(p, 'utf8')));
        if (!includer) throw new Error(`${where}: no page includes it with {{% %}}`);
        const page = path.posix.relative(toCorePath(site.contentDir), includer);
        const pageText = readFileSync(includer, 'utf8');
        const expected = pageText.match(calls)?.length ?? 0;
        variant.add({
          assets: { [`${folder}/${argument}`]: fixed },
          pages: { [`${folder}/${page}`]: pageText.replace(calls, `$1${folder}/${argument}$2`) },
        });
        plans.push({ claim: { where, ...data, page }, variantPage: `${folder}/${page}`, expected });
      } else {
        const page = path.posix.relative(toCorePath(site.contentDir), d.file);
        variant.add({ pages: { [`${folder}/${page}`]: fixed } });
        plans.push({ claim: { where, ...data, page }, variantPage: `${folder}/${page}`, expected: 1 });
      }
    });
    const fixedBuild = await variant.build();
    if (fixedBuild.exitCode !== 0) throw new Error(`the build with the fixes applied failed:\n${fixedBuild.log}`);
    return plans.map(({ claim, variantPage, expected }) => {
      const before = goldmarkTableCount(build.pages.get(claim.page)!.html);
      const after = goldmarkTableCount(fixedBuild.pages.get(variantPage)!.html);
      // Normalised to "per spot": an include file's table shows up once per include call.
      return { ...claim, tablesAdded: expected ? (after - before) / expected : Number.NaN };
    });
  } finally {
    variant.dispose();
  }
}

export function applyEdits(text: string, edits: { range: Range; newText: string }[]): string {
  const lines = new LineIndex(text);
  const spans = edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText }));
  spans.sort((a, b) => b.start - a.start);
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
