// The data of the ladder matrix view. For a career page: the levels of its track as columns and the
// responsibility terms as rows (matched across levels as the ladder rules match them: termKey, and a
// near spelling of a long term), each cell the description at that level, with gaps and spelling
// drift marked. For a job-family page: its levels as columns, and rows for the job grade and the
// number of responsibilities and requirements. Every cell knows the source line it came from.

import { jobFamilyOf, type JobFamilyLevel, type Section } from '../model/jobFamily';
import { ladderOf, levelOfFile, proseKey, sameTermKey, termKey, type Ladder, type LadderPage } from '../model/ladder';
import type { PageModel } from '../model/pageModel';
import { basename, dirname } from '../paths';
import { responsibilityTables } from '../schema/instance';
import type { Span } from '../text';
import { isMarkdownPath, type Workspace } from '../workspace';
import { FeatureError } from './types';

/** A place to open: 0-based line and character. */
export interface MatrixLocation {
  file: string;
  line: number;
  character: number;
}

export type CellState =
  /** The term is there, spelled as on the lowest level that has it. */
  | 'present'
  /** The term is there, spelled differently (ladder-term-spelling). */
  | 'drift'
  /** A lower level has the term and this level does not, without saying why (ladder-missing-term). */
  | 'gap'
  /** A lower level has the term; this level leaves it out and the page mentions it outside the table. */
  | 'explained'
  /** The term starts at a higher level. */
  | 'not-yet'
  /** Job-family pages: a value. */
  | 'value'
  /** Job-family pages: the sub-section or grade is missing. */
  | 'missing';

export interface MatrixCell {
  state: CellState;
  /** The description (career pages) or the value (job-family pages). */
  text?: string;
  /** The term as this level writes it, when it drifts. */
  written?: string;
  /** Where the cell comes from, or where its row would go. */
  location?: MatrixLocation;
}

export interface MatrixColumn {
  label: string;
  /** The file name's level (career pages). */
  level?: string;
  file: string;
  location: MatrixLocation;
}

export interface MatrixRow {
  label: string;
  cells: MatrixCell[];
}

export interface LadderMatrix {
  kind: 'career-ladder' | 'job-family';
  /** What the matrix is of: the track's name, or the job-family page's title. */
  title: string;
  /** The track folder, or the job-family page. */
  subject: string;
  /** The header of the row-label column. */
  rowHeader: string;
  columns: MatrixColumn[];
  rows: MatrixRow[];
  counts: { gaps: number; drift: number; explained: number };
}

/** The matrix for a file: its track when it is a career page (or a track's _index.md), or its levels when it is a job-family page. */
export function ladderMatrix(workspace: Workspace, file: string): LadderMatrix {
  const site = workspace.siteFor(file);
  if (!site || !isMarkdownPath(file)) throw new FeatureError('The ladder matrix is for Markdown pages of a Hugo site.');
  const model = workspace.model(file);
  if (!model) throw new FeatureError(`${site.label(file)} cannot be read.`);
  if (model.kind === 'job-family') return jobFamilyMatrix(model, site.label(file));
  const ladder = trackOf(workspace, model);
  if (!ladder.pages.length) {
    throw new FeatureError(
      `${site.label(file)} is not part of a career track: the ladder matrix shows the level pages (intermediate.md, senior.md, ...) of a folder, or the levels of a job-family page.`,
    );
  }
  return careerMatrix(ladder, site.label(ladder.folder));
}

/** The ladder of a career page, or of the level pages beside any other page of the folder (its _index.md). */
function trackOf(workspace: Workspace, model: PageModel): Ladder {
  const folder = dirname(model.file.path);
  const siblings = workspace.host.listFiles(folder).filter((f) => dirname(f) === folder && isMarkdownPath(f));
  if (model.kind === 'career-page' && levelOfFile(model.file.path)) return ladderOf(model, siblings, (p) => workspace.model(p));
  const anchor = siblings.map((p) => (levelOfFile(p) ? workspace.model(p) : undefined)).find((m) => m?.kind === 'career-page');
  return anchor ? ladderOf(anchor, siblings, (p) => workspace.model(p)) : { folder, pages: [] };
}

interface RowBuild {
  key: string;
  label: string;
  cells: (MatrixCell | undefined)[];
}

export function careerMatrix(ladder: Ladder, subject: string): LadderMatrix {
  const { pages } = ladder;
  const rows: RowBuild[] = [];
  pages.forEach((page, column) => {
    for (const term of page.terms) {
      const key = termKey(term.text);
      // Exact key first, then a near spelling of a long term (as ladder-term-spelling matches), but
      // never two terms of one level in one row.
      const row = rows.find((r) => r.key === key && !r.cells[column]) ?? rows.find((r) => !r.cells[column] && sameTermKey(r.key, key));
      const cell: MatrixCell = {
        state: 'present',
        text: term.description,
        location: locate(page.model, term.span),
      };
      if (row) {
        if (term.text !== row.label) {
          cell.state = 'drift';
          cell.written = term.text;
        }
        row.cells[column] = cell;
      } else {
        const cells: (MatrixCell | undefined)[] = new Array(pages.length).fill(undefined);
        cells[column] = cell;
        rows.push({ key, label: term.text, cells });
      }
    }
  });
  const counts = { gaps: 0, drift: 0, explained: 0 };
  const prose = pages.map((p) => proseKey(p.model));
  const out: MatrixRow[] = rows.map((r) => ({
    label: r.label,
    cells: r.cells.map((cell, column): MatrixCell => {
      if (cell) {
        if (cell.state === 'drift') counts.drift++;
        return cell;
      }
      const page = pages[column];
      const where = tableOrHeading(page.model);
      if (!r.cells.slice(0, column).some(Boolean)) return { state: 'not-yet', location: where };
      if (prose[column].includes(r.key)) {
        counts.explained++;
        return { state: 'explained', location: where };
      }
      counts.gaps++;
      return { state: 'gap', location: where };
    }),
  }));
  return {
    kind: 'career-ladder',
    title: trackTitle(pages, ladder.folder),
    subject,
    rowHeader: 'Responsibility',
    columns: pages.map((p) => ({ label: capitalize(p.level), level: p.level, file: p.path, location: tableOrHeading(p.model, true) })),
    rows: out,
    counts,
  };
}

/** The track's name: the role in the pages' first heading without the level word ("Backend Engineer, Engineering Productivity"), or the folder's name. */
function trackTitle(pages: LadderPage[], folder: string): string {
  for (const p of pages) {
    // The page's own heading that names its level ("## Senior Backend Engineer, ...").
    const level = new RegExp(`\\b${p.level}\\b\\s*`, 'i');
    const heading = p.model.headings.find((h) => h.include === undefined && level.test(h.text));
    const role = heading?.text.replace(level, '').trim();
    if (role) return role;
  }
  return basename(folder).split(/[-_]/).map(capitalize).join(' ');
}

/** Where a missing row would go: the page's first responsibility table (its header), else its first heading. */
function tableOrHeading(model: PageModel, headingFirst = false): MatrixLocation {
  const heading = model.headings.find((h) => h.include === undefined);
  const table = responsibilityTables(model)[0];
  const span = headingFirst ? (heading?.span ?? table?.header.span) : (table?.header.span ?? heading?.span);
  return locate(model, span ?? { start: 0, end: 0 });
}

function locate(model: PageModel, span: Span): MatrixLocation {
  const { line, character } = model.file.lines.positionAt(span.start);
  return { file: model.file.path, line, character };
}

// ---- job-family pages -----------------------------------------------------------------------

export function jobFamilyMatrix(model: PageModel, subject: string): LadderMatrix {
  const family = jobFamilyOf(model);
  if (!family.levels.length) throw new FeatureError(`${subject} has no "## Levels" section with "###" levels to compare.`);
  const counts = { gaps: 0, drift: 0, explained: 0 };
  const missing = (level: JobFamilyLevel): MatrixCell => {
    counts.gaps++;
    return { state: 'missing', location: locate(model, level.heading.span) };
  };
  const gradeCell = (level: JobFamilyLevel): MatrixCell => {
    if (!level.grade) {
      const section = level.subsections.get('job grade');
      counts.gaps++;
      return { state: 'missing', location: locate(model, (section ?? level).heading.span) };
    }
    return { state: 'value', text: String(level.grade.value), location: locate(model, level.grade.span) };
  };
  const countCell = (level: JobFamilyLevel, name: string): MatrixCell => {
    const section = level.subsections.get(name);
    if (!section) return missing(level);
    return { state: 'value', text: String(listItems(model, section)), location: locate(model, section.heading.span) };
  };
  const title = typeof model.frontmatter?.data?.title === 'string' ? model.frontmatter.data.title : basename(model.file.path);
  return {
    kind: 'job-family',
    title,
    subject,
    rowHeader: 'Level',
    columns: family.levels.map((l) => ({ label: l.name, file: model.file.path, location: locate(model, l.heading.span) })),
    rows: [
      { label: 'Job grade', cells: family.levels.map(gradeCell) },
      { label: 'Responsibilities', cells: family.levels.map((l) => countCell(l, 'responsibilities')) },
      { label: 'Requirements', cells: family.levels.map((l) => countCell(l, 'requirements')) },
    ],
    counts,
  };
}

/** Top-level list items of a section ("- ...", "* ...", "1. ..." at the start of a line). */
function listItems(model: PageModel, section: Section): number {
  const text = model.file.text.slice(section.lead.start, section.lead.end);
  return text.split(/\r?\n/).filter((line) => /^(?:[-*+]|\d{1,9}[.)])[ \t]+\S/.test(line)).length;
}

function capitalize(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
