// "Fix all in file": the preferred fix of every diagnostic, applied together as one set of
// non-overlapping edits of the original text. Fixes that overlap one already chosen wait for the next
// round, and some fixes reveal the next problem (a heading moved up a level makes the one under it
// jump); so the file is fixed, re-checked and fixed again until nothing changes (a few rounds at
// most), and the rounds are composed into edits of the text as it was. Applying the result and asking
// again gives nothing to do.

import type { Diagnostic, Fix } from '../diagnostic';
import { LineIndex, type Range } from '../text';
import type { Workspace } from '../workspace';
import type { FileEdit } from './types';

export interface FixAllResult {
  /** Edits of the file as it was given, sorted and non-overlapping. */
  edits: FileEdit[];
  /** The fixes applied, in the order they were applied: `code: title`. */
  applied: string[];
}

/** Rounds of fixing before giving up; a chain of fixes that each reveal the next (many heading jumps in a row) needs one round each. */
const MAX_ROUNDS = 32;

interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

export function fixAll(workspace: Workspace, file: string, text: string): FixAllResult {
  const composer = new EditComposer(text);
  const applied: string[] = [];
  const seen = new Set<string>([text]);
  let current = text;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const lines = new LineIndex(current);
    const chosen: OffsetEdit[] = [];
    for (const d of workspace.lint(file, current).diagnostics) {
      const fix = fixAllFix(d, file);
      if (!fix) continue;
      const edits = fix.edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText }));
      // Touching counts as overlapping: two insertions at one place have no agreed order.
      if (edits.some((e) => chosen.some((c) => e.start <= c.end && c.start <= e.end))) continue;
      chosen.push(...edits);
      applied.push(`${d.code}: ${fix.title}`);
    }
    if (!chosen.length) break;
    current = composer.apply(current, chosen);
    if (seen.has(current)) break; // a cycle: fixes undoing each other
    seen.add(current);
  }
  // The rounds above left the hypothetical texts in the workspace's cache and the site index.
  if (current !== text) workspace.model(file, text);
  const lines = new LineIndex(text);
  return {
    edits: composer.edits().map((e) => ({ file, range: lines.range(e.start, e.end), newText: e.text })),
    applied,
  };
}

/** The fix fixAll applies for a diagnostic of `file`: its preferred one, when it only edits the file. */
export function fixAllFix(d: Diagnostic, file: string): Fix | undefined {
  return d.fixes?.find((f) => f.preferred && !f.createFile && f.edits.length && f.edits.every((e) => e.file === file));
}

/** Whether fixAll has something to do in the file: a diagnostic with such a fix (from the check of this text, which the workspace keeps). */
export function canFixAll(workspace: Workspace, file: string, text: string): boolean {
  return workspace.lint(file, text).diagnostics.some((d) => fixAllFix(d, file));
}

/**
 * The text with edits of it applied (the result of fixAll, for instance), as an editor applies them:
 * a position past a line's end stands for its end. The command line writes what this gives.
 */
export function applyEdits(text: string, edits: readonly { range: Range; newText: string }[]): string {
  const lines = new LineIndex(text);
  const spans = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.start < at) throw new Error('edits overlap');
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + text.slice(at);
}

/**
 * Keeps the edits made so far as edits of the original text. A new edit, given in the coordinates
 * of the current text, either falls in unedited text (it maps straight back) or touches earlier
 * edits (they merge into one edit covering both).
 */
export class EditComposer {
  private recorded: OffsetEdit[] = [];

  constructor(private readonly original: string) {}

  /** Applies non-overlapping edits of `current` (the original with every recorded edit applied); returns the new current text. */
  apply(current: string, edits: OffsetEdit[]): string {
    // Last first: an edit never moves the text before it, so the earlier ones keep their offsets.
    for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
      this.record(current, e);
      current = current.slice(0, e.start) + e.text + current.slice(e.end);
    }
    return current;
  }

  edits(): OffsetEdit[] {
    return this.recorded.filter((e) => this.original.slice(e.start, e.end) !== e.text);
  }

  private record(current: string, e: OffsetEdit): void {
    let delta = 0;
    let first = -1;
    let last = -1;
    let deltaBeforeFirst = 0;
    let firstStart = 0;
    let lastEnd = 0;
    for (let i = 0; i < this.recorded.length; i++) {
      const r = this.recorded[i];
      const cs = r.start + delta;
      const ce = cs + r.text.length;
      if (ce < e.start) {
        delta += r.text.length - (r.end - r.start);
        continue;
      }
      if (cs > e.end) break;
      if (first < 0) {
        first = i;
        deltaBeforeFirst = delta;
        firstStart = cs;
      }
      last = i;
      lastEnd = ce;
      delta += r.text.length - (r.end - r.start);
    }
    if (first < 0) {
      // Only edits before it moved its text: map straight back.
      this.recorded.push({ start: e.start - delta, end: e.end - delta, text: e.text });
      this.recorded.sort((x, y) => x.start - y.start || x.end - y.end);
      return;
    }
    const a = this.recorded[first];
    const b = this.recorded[last];
    const unionStart = Math.min(e.start, firstStart);
    const unionEnd = Math.max(e.end, lastEnd);
    const merged: OffsetEdit = {
      start: e.start < firstStart ? e.start - deltaBeforeFirst : a.start,
      end: e.end > lastEnd ? b.end + (e.end - lastEnd) : b.end,
      text: current.slice(unionStart, e.start) + e.text + current.slice(e.end, unionEnd),
    };
    this.recorded.splice(first, last - first + 1, merged);
  }
}
