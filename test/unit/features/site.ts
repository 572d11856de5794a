// An in-memory Hugo site for the editor-feature tests: a career track of three levels that include
// shared competency files, a handbook page that links into the track, a job-family page, and helpers
// to find positions by the text around them.
import { MemoryHost } from '../../../server/src/core/host';
import type { Position, Range } from '../../../server/src/core/text';
import { Workspace } from '../../../server/src/core/workspace';

export const ROOT = '/s';
export const TRACK = `${ROOT}/content/handbook/careers/matrix/track`;
export const SENIOR = `${TRACK}/senior.md`;
export const INTERMEDIATE = `${TRACK}/intermediate.md`;
export const STAFF = `${TRACK}/staff.md`;
export const HANDBOOK = `${ROOT}/content/handbook/_index.md`;
export const MANAGER = `${ROOT}/content/job-families/eng/manager.md`;
export const INC = `${ROOT}/assets/includes/careers`;

export const FILES: Record<string, string> = {
  [`${ROOT}/hugo.toml`]: 'title = "s"\n',
  [`${INC}/nav.md`]: '[Careers](/handbook/careers/matrix/)\n',
  [`${INC}/senior-leadership.md`]: '#### Leadership\n\n- Leads projects.\n- [Up](#senior-leadership)\n',
  [`${INC}/senior-technical.md`]: '#### Technical\n\n- Ships code.\n',
  [`${INC}/values.md`]: '#### Values\n\n- Lives them.\n',
  [`${ROOT}/assets/includes/other/notes.md`]: 'Notes.\n',
  [`${ROOT}/assets/js/app.js`]: 'x\n',
  [`${ROOT}/content/handbook/careers/matrix/_index.md`]: '---\ntitle: Matrix\n---\n\nThe matrix.\n',
  [SENIOR]: [
    '---',
    'title: "Senior Engineer"',
    'description: "Senior level."',
    '---',
    '',
    '## Senior Engineer',
    '',
    '{{% include "includes/careers/nav.md" %}}',
    '',
    '- [Leadership](#senior-leadership)',
    '- [Technical](#technical)',
    '',
    '### Senior Leadership',
    '',
    '{{% include "includes/careers/senior-leadership.md" %}}',
    '',
    '### Senior Technical',
    '',
    '{{% include "includes/careers/senior-technical.md" %}}',
    '',
    '| Responsibility | Description |',
    '| --- | --- |',
    '| Mentoring | Mentors the team. |',
    '| Code review | Reviews code across the stage. |',
    '',
  ].join('\n'),
  [INTERMEDIATE]: [
    '---',
    'title: "Intermediate Engineer"',
    'description: "Intermediate level."',
    '---',
    '',
    '## Intermediate Engineer',
    '',
    '{{% include "includes/careers/nav.md" %}}',
    '',
    '| Responsibility | Description |',
    '| --- | --- |',
    '| Mentoring | Helps others. |',
    '| Testing | Writes tests. |',
    '',
  ].join('\n'),
  [STAFF]: [
    '---',
    'title: "Staff Engineer"',
    'description: "Staff level."',
    '---',
    '',
    '## Staff Engineer',
    '',
    '| Responsibility | Description |',
    '| --- | --- |',
    '| Mentoring | Grows leaders. |',
    '| Testing | Sets the test strategy. |',
    '| Architecture | Designs systems. |',
    '',
  ].join('\n'),
  [HANDBOOK]: [
    '---',
    'title: Handbook',
    '---',
    '',
    'See [senior leadership](/handbook/careers/matrix/track/senior/#senior-leadership)',
    'and [the technical part](careers/matrix/track/senior.md#technical).',
    '',
  ].join('\n'),
  [MANAGER]: [
    '---',
    'title: "Engineering Manager"',
    'description: "Leads engineers."',
    '---',
    '',
    '## Levels',
    '',
    '### Engineering Manager',
    '',
    '#### Responsibilities',
    '',
    '- Leads a team.',
    '',
    '### Senior Engineering Manager',
    '',
    '#### Responsibilities',
    '',
    '- All of the responsibilities listed for Engineering Manager.',
    '',
    '### Director of Engineering',
    '',
    '#### Responsibilities',
    '',
    '- All of the responsibilities listed for ',
    '',
  ].join('\n'),
};

/** A fresh workspace over the site (plus `extra` files), with its index built. */
export function siteWorkspace(extra: Record<string, string> = {}): { host: MemoryHost; workspace: Workspace } {
  const host = new MemoryHost({ ...FILES, ...extra });
  const workspace = new Workspace(host);
  workspace.indexSite(workspace.siteFor(`${ROOT}/content/x.md`)!, false);
  return { host, workspace };
}

/** The text of a file of the site. */
export function text(host: MemoryHost, file: string): string {
  const c = host.readFile(file);
  if (c?.kind !== 'text') throw new Error(`no text for ${file}`);
  return c.text;
}

/** The position of the `n`th occurrence of `needle` in `text`, moved `delta` characters. */
export function at(text: string, needle: string, delta = 0, n = 1): Position {
  let i = -1;
  for (let k = 0; k < n; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`"${needle}" not found`);
  }
  const before = text.slice(0, i + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

export function range(line: number, from: number, to: number, endLine = line): Range {
  return { start: { line, character: from }, end: { line: endLine, character: to } };
}

/** Applies edits of one file (any order, non-overlapping) to its text. */
export function applyEdits(text: string, edits: { range: Range; newText: string }[]): string {
  const offset = (p: Position) => {
    const lines = text.split('\n');
    let o = 0;
    for (let l = 0; l < p.line; l++) o += lines[l].length + 1;
    return o + p.character;
  };
  const sorted = edits.map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), newText: e.newText })).sort((a, b) => b.start - a.start);
  for (let i = 1; i < sorted.length; i++) if (sorted[i].end > sorted[i - 1].start) throw new Error('overlapping edits');
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
