// A career ladder: the career pages of one track, one per level, as sibling files in one folder
// (`.../engineering-productivity/intermediate.md`, `senior.md`, ...). The ladder rules and the
// ladder matrix view read it.

import { distance } from 'fastest-levenshtein';
import { basename, dirname } from '../paths';
import { responsibilityTables } from '../schema/instance';
import type { Span } from '../text';
import type { PageModel } from './pageModel';

/** Career levels from the first to the most senior. */
export const LEVELS = ['intern', 'associate', 'intermediate', 'senior', 'staff', 'principal', 'distinguished', 'fellow'] as const;
export type Level = (typeof LEVELS)[number];

const LEVEL_WORD = new RegExp(`\\b(${LEVELS.join('|')})\\b`, 'gi');

/** The level a file name gives (`senior.md`, `senior-engineer.md`), if any. */
export function levelOfFile(path: string): Level | undefined {
  const name = basename(path)
    .replace(/\.(md|markdown)$/i, '')
    .toLowerCase();
  const first = name.split(/[-_]/)[0];
  return (LEVELS as readonly string[]).includes(first) ? (first as Level) : undefined;
}

/** Level words written in a text, in order, lower-cased. */
export function levelsIn(text: string): Level[] {
  return [...text.matchAll(LEVEL_WORD)].map((m) => m[1].toLowerCase() as Level);
}

export interface LadderTerm {
  /** As written. */
  text: string;
  description: string;
  span: Span;
  descriptionSpan: Span;
}

export interface LadderPage {
  path: string;
  level: Level;
  rank: number;
  model: PageModel;
  /** Responsibility terms in table order. */
  terms: LadderTerm[];
}

export interface Ladder {
  /** The track's folder. */
  folder: string;
  /** Sibling career pages with a level, from the first level to the most senior. */
  pages: LadderPage[];
}

/**
 * A level page's place in its ladder: the ladder's pages and the index of this one, or undefined for
 * a page that is not a level page (`ladder` is read only for a level page).
 */
export function placeInLadder(file: string, ladder: () => Ladder): { pages: LadderPage[]; index: number } | undefined {
  if (!levelOfFile(file)) return undefined;
  const { pages } = ladder();
  const index = pages.findIndex((p) => p.path === file);
  return index < 0 ? undefined : { pages, index };
}

/** Normalised for comparing terms across levels: case, spacing and punctuation do not count ("Dog-food use" is "Dogfood use"). */
export function termKey(term: string): string {
  return term.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The same term written two ways: equal keys, or a near spelling (two edits) of a long term. */
export function sameTermKey(a: string, b: string): boolean {
  return a === b || (b.length > 6 && distance(a, b) <= 2);
}

/** A page's text outside its responsibility tables, as a term key: where a page can say why a term is gone. */
export function proseKey(model: PageModel): string {
  let text = model.file.text;
  for (const t of responsibilityTables(model)) {
    const end = t.rows.at(-1)?.span.end ?? t.delimiter.span.end;
    text = text.slice(0, t.header.span.start) + ' '.repeat(end - t.header.span.start) + text.slice(end);
  }
  return termKey(text);
}

export function ladderPage(model: PageModel): LadderPage | undefined {
  const level = levelOfFile(model.file.path);
  if (!level) return undefined;
  const terms: LadderTerm[] = [];
  for (const table of responsibilityTables(model)) {
    for (const row of table.rows) {
      const [term, description] = row.cells;
      if (!term?.text || !description) continue;
      terms.push({ text: term.text, description: description.text, span: term.span, descriptionSpan: description.span });
    }
  }
  return { path: model.file.path, level, rank: LEVELS.indexOf(level), model, terms };
}

/**
 * The ladder of a career page, from the models of its sibling files (`modelOf` reads and caches
 * them; only the few files of one folder are touched).
 */
export function ladderOf(model: PageModel, siblings: string[], modelOf: (path: string) => PageModel | undefined): Ladder {
  const folder = dirname(model.file.path);
  const pages: LadderPage[] = [];
  for (const path of siblings) {
    if (dirname(path) !== folder || !levelOfFile(path)) continue;
    const m = path === model.file.path ? model : modelOf(path);
    const page = m && m.kind === 'career-page' ? ladderPage(m) : undefined;
    if (page) pages.push(page);
  }
  pages.sort((a, b) => a.rank - b.rank || a.path.localeCompare(b.path));
  return { folder, pages };
}
