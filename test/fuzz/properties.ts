// The properties every document must keep, whatever it holds: nothing throws (no internal-error),
// every range lies inside its file, fixes keep the text they do not edit (and its line endings and
// BOM) and applying them again changes nothing, the same input gives the same result, and no
// document takes more than a second. A violation throws with a short description; fast-check then
// shrinks the document and prints the seed that replays it.
import assert from 'node:assert/strict';
import type MarkdownIt from 'markdown-it';
import type { Diagnostic } from '../../server/src/core/diagnostic';
import { completions } from '../../server/src/core/features/completion';
import { definition } from '../../server/src/core/features/definition';
import { documentLinks } from '../../server/src/core/features/documentLinks';
import { fixAll } from '../../server/src/core/features/fixAll';
import { foldingRanges } from '../../server/src/core/features/folding';
import { hover } from '../../server/src/core/features/hover';
import { includeLens } from '../../server/src/core/features/codeLens';
import { references } from '../../server/src/core/features/references';
import { prepareHeadingRename, renameHeading } from '../../server/src/core/features/rename';
import { documentSymbols } from '../../server/src/core/features/symbols';
import { FeatureError, type DocumentSymbol, type FileEdit } from '../../server/src/core/features/types';
import type { MemoryHost } from '../../server/src/core/host';
import { LineIndex, type Position, type Range } from '../../server/src/core/text';
import { Workspace } from '../../server/src/core/workspace';
import { FUZZ_INCLUDE, FUZZ_INCLUDER, FUZZ_PATHS, type FuzzCase } from './fuzzSite';

export const MAX_MS_PER_DOCUMENT = 1000;

export interface FuzzStats {
  documents: number;
  maxMs: number;
  /** The slowest document: its kind and length. */
  slowest?: string;
  totalMs: number;
  diagnostics: number;
  fixesChecked: number;
}

export function newStats(): FuzzStats {
  return { documents: 0, maxMs: 0, totalMs: 0, diagnostics: 0, fixesChecked: 0 };
}

export interface FuzzContext {
  host: MemoryHost;
  workspace: Workspace;
  stats: FuzzStats;
  /** A markdown-it with the preview plugin over `host`, when the preview is checked. */
  preview?: MarkdownIt;
}

/** The text a file has for the checks: the fuzzed document itself, or what the host holds. */
function textOf(ctx: FuzzContext, path: string, own: { path: string; text: string }): string | undefined {
  if (path === own.path) return own.text;
  const c = ctx.host.readFile(path);
  return c?.kind === 'text' ? c.text : undefined;
}

function rangeInside(lines: LineIndex, r: Range, what: string): void {
  const ok = (p: Position) => p.line >= 0 && p.line < lines.lineCount && p.character >= 0 && p.character <= lines.lineEnd(p.line) - lines.lineStarts[p.line];
  assert.ok(ok(r.start) && ok(r.end), `${what}: range ${JSON.stringify(r)} is not inside the file (${lines.lineCount} lines)`);
  assert.ok(
    r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character),
    `${what}: range ${JSON.stringify(r)} ends before it starts`,
  );
}

function rangeInFile(ctx: FuzzContext, own: { path: string; text: string; lines: LineIndex }, file: string, r: Range, what: string): void {
  if (file === own.path) {
    rangeInside(own.lines, r, what);
    return;
  }
  const text = textOf(ctx, file, own);
  assert.ok(text !== undefined, `${what}: points into ${file}, which does not exist`);
  rangeInside(new LineIndex(text), r, what);
}

/** Applies edits of one text (ranges of that text), checking that they do not overlap. */
export function applyEdits(text: string, edits: { range: Range; newText: string }[], what: string): string {
  const lines = new LineIndex(text);
  const spans = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i].start >= spans[i - 1].end, `${what}: edits overlap`);
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + text.slice(at);
}

/** The line breaks a text uses, as a set of '\n', '\r\n', '\r'. */
function lineBreaks(text: string): Set<string> {
  return new Set(text.match(/\r\n|\r|\n/g) ?? []);
}

/** A fix keeps the file's line endings (introduces no other kind) and its BOM. */
function keepsTextShape(before: string, after: string, what: string): void {
  if (before.startsWith('\uFEFF')) assert.ok(after.startsWith('\uFEFF'), `${what}: the BOM was removed`);
  const had = lineBreaks(before);
  if (had.size === 1) {
    for (const b of lineBreaks(after))
      assert.ok(had.has(b), `${what}: brought ${JSON.stringify(b)} line breaks into a file that only had ${JSON.stringify([...had][0])}`);
  }
}

function checkDiagnostics(ctx: FuzzContext, own: { path: string; text: string; lines: LineIndex }, diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) {
    assert.notEqual(d.code, 'internal-error', `internal-error: ${d.message}`);
    rangeInFile(ctx, own, d.file, d.range, `${d.code} diagnostic`);
    for (const r of d.related ?? []) rangeInFile(ctx, own, r.file, r.range, `${d.code} related location`);
    for (const fix of d.fixes ?? []) {
      const what = `${d.code} fix "${fix.title}"`;
      for (const e of fix.edits) rangeInFile(ctx, own, e.file, e.range, what);
      if (fix.createFile) assert.equal(ctx.host.exists(fix.createFile.path), undefined, `${what}: would overwrite ${fix.createFile.path}`);
      const own_ = fix.edits.filter((e) => e.file === own.path);
      if (own_.length) {
        const after = applyEdits(own.text, own_, what);
        keepsTextShape(own.text, after, what);
        ctx.stats.fixesChecked++;
      }
    }
  }
}

function checkEdits(ctx: FuzzContext, own: { path: string; text: string; lines: LineIndex }, edits: FileEdit[], what: string): void {
  const byFile = new Map<string, FileEdit[]>();
  for (const e of edits) {
    rangeInFile(ctx, own, e.file, e.range, what);
    byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  }
  for (const [file, list] of byFile) applyEdits(textOf(ctx, file, own)!, list, `${what} in ${file}`);
}

function checkSymbols(own: { lines: LineIndex }, symbols: DocumentSymbol[]): void {
  for (const s of symbols) {
    rangeInside(own.lines, s.range, `symbol ${s.name}`);
    rangeInside(own.lines, s.selectionRange, `symbol ${s.name} selection`);
    checkSymbols(own, s.children);
  }
}

/** Puts the case's files into the host and tells the workspace, as the editor would. */
export function place(ctx: FuzzContext, c: FuzzCase): string {
  const path = FUZZ_PATHS[c.kind];
  for (const [file, text] of [
    [FUZZ_INCLUDE, c.include],
    [path, c.text],
  ]) {
    const change = ctx.host.exists(file) === 'file' ? 'changed' : 'created'; // what a file watcher would say
    ctx.host.set(file, text);
    ctx.workspace.fileChanged(file, change);
  }
  return path;
}

/** Positions to try features at: inside the text, at its end, and past it. */
export function positionsFor(lines: LineIndex, fractions: number[]): Position[] {
  const out = fractions.map((f) => lines.positionAt(Math.floor(f * (lines.text.length + 1))));
  out.push({ line: lines.lineCount + 3, character: 0 }, { line: 0, character: 10_000 });
  return out;
}

/**
 * A preferred quick fix, applied, solves its problem: linting the fixed text does not offer the same
 * fix again, i.e. the same title with the same replacements at the place where the first one wrote.
 */
function checkFixSolves(ctx: FuzzContext, path: string, text: string, d: Diagnostic): void {
  const fix = d.fixes?.find((f) => f.preferred && !f.createFile && f.edits.length && f.edits.every((e) => e.file === path));
  if (!fix) return;
  const fixed = applyEdits(text, fix.edits, `${d.code} fix "${fix.title}"`);
  if (fixed === text) return;
  const before = new LineIndex(text);
  let shift = 0;
  const written = fix.edits
    .map((e) => ({ start: before.offsetAt(e.range.start), end: before.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => a.start - b.start)
    .map((e) => {
      const at = e.start + shift; // where the replacement stands in the fixed text
      shift += e.newText.length - (e.end - e.start);
      return `${at}→${JSON.stringify(e.newText)}`;
    })
    .join('|');
  const after = new LineIndex(fixed);
  const same = (f: { title: string; edits: { file: string; range: Range; newText: string }[] }) =>
    f.title === fix.title &&
    f.edits.every((e) => e.file === path) &&
    f.edits
      .map((e) => ({ start: after.offsetAt(e.range.start), end: after.offsetAt(e.range.end), newText: e.newText }))
      .sort((a, b) => a.start - b.start)
      .map((e) => `${e.start}→${JSON.stringify(e.newText)}`)
      .join('|') === written;
  const again = ctx.workspace.lint(path, fixed).diagnostics.some((x) => x.code === d.code && x.fixes?.some(same));
  ctx.workspace.model(path, text); // the editor's text is the real one again (as fix all leaves it)
  assert.ok(!again, `${d.code} fix "${fix.title}" did not solve the problem: the fixed text is offered the same fix again`);
  ctx.stats.fixesChecked++;
}

/** Lints the case (and, for an include file, the page that includes it) with every check above. */
export function checkLint(ctx: FuzzContext, c: FuzzCase): Diagnostic[] {
  const path = place(ctx, c);
  const own = { path, text: c.text, lines: new LineIndex(c.text) };
  const first = ctx.workspace.lint(path, c.text);
  checkDiagnostics(ctx, own, first.diagnostics);
  const again = ctx.workspace.lint(path, c.text);
  assert.deepEqual(again.diagnostics, first.diagnostics, 'the same text linted twice gave different diagnostics');
  for (const d of first.diagnostics.filter((x) => x.fixes?.some((f) => f.preferred)).slice(0, 3)) checkFixSolves(ctx, path, c.text, d);
  if (c.kind === 'include') {
    const includer = ctx.workspace.lint(FUZZ_INCLUDER);
    const text = textOf(ctx, FUZZ_INCLUDER, own)!;
    checkDiagnostics(ctx, { path: FUZZ_INCLUDER, text, lines: new LineIndex(text) }, includer.diagnostics);
  }
  ctx.stats.diagnostics += first.diagnostics.length;
  return first.diagnostics;
}

/**
 * What the long-lived workspace answers after all the earlier cases (caches, the site index kept up
 * to date by fileChanged) equals what a new workspace over the same files answers.
 */
export function checkLikeFresh(ctx: FuzzContext, c: FuzzCase, diagnostics: Diagnostic[]): void {
  const fresh = new Workspace(ctx.host);
  fresh.indexSite(fresh.siteFor(FUZZ_PATHS[c.kind])!);
  assert.deepEqual(fresh.lint(FUZZ_PATHS[c.kind], c.text).diagnostics, diagnostics, "the editor's long-lived workspace and a new one disagree on this page");
}

/** Fix all: valid, non-overlapping edits that keep line endings and the BOM; applying them and asking again gives nothing to do. */
export function checkFixAll(ctx: FuzzContext, c: FuzzCase): void {
  const path = place(ctx, c);
  const own = { path, text: c.text, lines: new LineIndex(c.text) };
  const result = fixAll(ctx.workspace, path, c.text);
  checkEdits(ctx, own, result.edits, 'fix all');
  if (!result.edits.length) return;
  const fixed = applyEdits(c.text, result.edits, 'fix all');
  keepsTextShape(c.text, fixed, 'fix all');
  const second = fixAll(ctx.workspace, path, fixed);
  assert.deepEqual(second.applied, [], `fix all, applied twice, changed the text again: ${second.applied.slice(0, 3).join('; ').slice(0, 400)}`);
  ctx.workspace.model(path, c.text);
}

/** Every editor feature at a few positions: answers whose ranges lie inside their files, or a refusal (FeatureError), never a throw. */
export function checkFeatures(ctx: FuzzContext, c: FuzzCase, fractions: number[]): void {
  const path = place(ctx, c);
  const own = { path, text: c.text, lines: new LineIndex(c.text) };
  const ws = ctx.workspace;
  for (const p of positionsFor(own.lines, fractions)) {
    for (const item of completions(ws, path, c.text, p)) rangeInside(own.lines, item.range, `completion "${item.label}"`);
    const h = hover(ws, path, c.text, p);
    if (h) rangeInside(own.lines, h.range, 'hover');
    for (const l of definition(ws, path, c.text, p)) rangeInFile(ctx, own, l.file, l.range, 'definition');
    for (const l of references(ws, path, c.text, p)) rangeInFile(ctx, own, l.file, l.range, 'reference');
    const target = prepareHeadingRename(ws, path, c.text, p);
    if (target) {
      rangeInside(own.lines, target.range, 'rename target');
      try {
        checkEdits(ctx, own, renameHeading(ws, path, c.text, p, `${target.placeholder} renamed`).edits, 'rename');
      } catch (e) {
        if (!(e instanceof FeatureError)) throw e;
      }
    }
  }
  checkSymbols(own, documentSymbols(ws, path, c.text));
  for (const f of foldingRanges(ws, path, c.text)) {
    assert.ok(
      f.startLine >= 0 && f.startLine <= f.endLine && f.endLine < own.lines.lineCount,
      `folding range ${JSON.stringify(f)} outside ${own.lines.lineCount} lines`,
    );
  }
  for (const l of documentLinks(ws, path, c.text)) rangeInside(own.lines, l.range, 'document link');
  const lens = includeLens(ws, path);
  if (lens) rangeInside(own.lines, lens.range, 'code lens');
}

/** The preview renders the page (its includes expanded) without throwing, and the same way twice. */
export function checkPreview(ctx: FuzzContext, c: FuzzCase): void {
  const path = place(ctx, c);
  const html = ctx.preview!.render(c.text, { careerPagesPath: path });
  assert.equal(typeof html, 'string');
  assert.equal(ctx.preview!.render(c.text, { careerPagesPath: path }), html, 'the preview rendered the same page differently');
}

/** Runs `check` on a case, counting it and enforcing the per-document time limit (CPU time of this process). */
export function timed(ctx: FuzzContext, c: FuzzCase, check: () => void): void {
  const before = process.cpuUsage();
  check();
  const used = process.cpuUsage(before);
  const ms = (used.user + used.system) / 1000;
  ctx.stats.documents++;
  ctx.stats.totalMs += ms;
  if (ms > ctx.stats.maxMs) {
    ctx.stats.maxMs = ms;
    ctx.stats.slowest = `${c.kind}, ${c.text.length} characters, include ${c.include.length}`;
  }
  assert.ok(ms < MAX_MS_PER_DOCUMENT, `took ${ms.toFixed(0)} ms (limit ${MAX_MS_PER_DOCUMENT} ms)`);
}
