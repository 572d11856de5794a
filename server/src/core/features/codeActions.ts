// The quick fixes offered for findings (the editor's Ctrl+. menu), in the order they are shown:
// each finding's own fixes (the preferred one first; a `link-page` finding adds the pages closest to
// the broken link, linkActions.ts), then "Fix all career-pages problems in this
// file" (the same fixAll as the source action and career-lint --fix, offered while a finding has a
// fix that it applies), then for each finding "Disable <code> for this line" and "... for this
// file" (disableComments.ts). An action that two findings share (the same code on the same line)
// is offered once, for both.

import type { Fix } from '../diagnostic';
import type { Range } from '../text';
import type { Workspace } from '../workspace';
import { disableFixes } from './disableComments';
import { canFixAll } from './fixAll';
import { closestPageFixes } from './linkActions';

export const FIX_ALL_IN_FILE_TITLE = 'Fix all career-pages problems in this file';

/** A finding as the editor hands it back: its code, where it is, the fixes it carries. */
export interface FindingRef {
  code: string;
  range: Range;
  fixes?: Fix[];
}

export interface QuickAction {
  title: string;
  /**
   * The edits. None for "fix all in this file": fixAll computes them when the action is chosen (it
   * checks the file again, round after round: too slow for every menu the editor asks for).
   */
  fix?: Fix;
  preferred: boolean;
  /** Indices of the findings the action is about (none: the whole file). */
  findings: number[];
}

/**
 * The quick fixes for `findings` of `file`. Without the text (a file the editor does not hold),
 * only the findings' own fixes.
 */
export function quickActions(workspace: Workspace, file: string, text: string | undefined, findings: readonly FindingRef[]): QuickAction[] {
  const actions: QuickAction[] = [];
  findings.forEach((f, i) => {
    const fixes = [...(f.fixes ?? [])].sort((a, b) => Number(b.preferred ?? false) - Number(a.preferred ?? false));
    for (const fix of fixes) actions.push({ title: fix.title, fix, preferred: fix.preferred ?? false, findings: [i] });
    if (f.code === 'link-page' && text !== undefined) {
      const offered = new Set(fixes.flatMap((x) => x.edits.map((e) => e.newText)));
      // The best of them is preferred only when the rule itself had nothing to suggest.
      closestPageFixes(workspace, file, text, f.range, offered).forEach((fix, k) => {
        const preferred = k === 0 && !fixes.length;
        actions.push({ title: fix.title, fix: { ...fix, preferred }, preferred, findings: [i] });
      });
    }
  });
  if (text === undefined || !findings.length) return actions;

  if (canFixAll(workspace, file, text)) {
    const fixable = findings.flatMap((f, i) => (f.fixes?.some((x) => x.preferred && !x.createFile) ? [i] : []));
    actions.push({ title: FIX_ALL_IN_FILE_TITLE, preferred: false, findings: fixable });
  }

  const disables = new Map<string, QuickAction>();
  findings.forEach((f, i) => {
    for (const fix of disableFixes(workspace, file, text, f.code, f.range)) {
      const key = JSON.stringify(fix.edits);
      const same = disables.get(key);
      if (same) {
        same.findings.push(i);
        continue;
      }
      // Two lines of one code in the menu: say which line each is for.
      const title = [...disables.values()].some((a) => a.title === fix.title) ? fix.title.replace(/this line$/, `line ${f.range.start.line + 1}`) : fix.title;
      disables.set(key, { title, fix: { ...fix, title }, preferred: false, findings: [i] });
    }
  });
  actions.push(...disables.values());
  return actions;
}
