// The structure of a job-family page (seed 002): `## Levels` with one `###` section per level, each
// with `#### Job Grade`, `#### Responsibilities` and `#### Requirements`; then
// `## Performance Indicators` and `## Hiring Process` (an ordered list). Read from the page's own
// headings; the schema (schemas/job-family.schema.json) and the job-family rules use it.

import type { Span } from '../text';
import { type Heading, insideSpan, type Link, type PageModel } from './pageModel';

export interface Section {
  heading: Heading;
  /** Text from the end of the heading line to the next heading of the same or a higher level. */
  body: Span;
  /** Text up to the next heading of any level. */
  lead: Span;
}

export interface JobFamilyLevel extends Section {
  name: string;
  /** `####` sub-sections by lower-case name ("job grade", "responsibilities", "requirements"). */
  subsections: Map<string, Section>;
  grade?: { value: number; span: Span; link?: Link };
}

export interface JobFamily {
  /** Lower-case names of the `##` sections, in order. */
  sections: { name: string; section: Section }[];
  levels: JobFamilyLevel[];
  hiringProcess?: Section & { orderedList: boolean };
}

export const normalizeName = (s: string): string => s.replace(/[*_`]/g, '').trim().toLowerCase().replace(/\s+/g, ' ');

export function sectionsOf(model: PageModel): Section[] {
  const own = model.headings.filter((h) => h.include === undefined);
  const text = model.file.text;
  const lines = model.file.lines;
  // The start of the line after the one that holds `offset` (LF, CRLF or CR).
  const lineEnd = (offset: number) => {
    const line = lines.positionAt(offset).line;
    return line + 1 < lines.lineCount ? lines.lineStarts[line + 1] : text.length;
  };
  return own.map((h, i) => {
    const start = lineEnd(h.span.end);
    const nextAny = own[i + 1];
    const nextSame = own.slice(i + 1).find((n) => n.level <= h.level);
    return {
      heading: h,
      lead: { start, end: nextAny ? nextAny.lineSpan.start : text.length },
      body: { start, end: nextSame ? nextSame.lineSpan.start : text.length },
    };
  });
}

export function jobFamilyOf(model: PageModel): JobFamily {
  const all = sectionsOf(model);
  const text = model.file.text;
  const top = all.filter((s) => s.heading.level === 2);
  const levelsSection = top.find((s) => normalizeName(s.heading.text) === 'levels');
  const levels: JobFamilyLevel[] = [];
  if (levelsSection) {
    const inside = all.filter((s) => s.heading.span.start > levelsSection.heading.span.start && s.heading.span.start < levelsSection.body.end);
    for (const s of inside.filter((x) => x.heading.level === 3)) {
      const subsections = new Map<string, Section>();
      for (const sub of inside.filter((x) => x.heading.level === 4 && x.heading.span.start > s.heading.span.start && x.heading.span.start < s.body.end)) {
        subsections.set(normalizeName(sub.heading.text), sub);
      }
      const level: JobFamilyLevel = { ...s, name: s.heading.text.trim(), subsections };
      const gradeSection = subsections.get('job grade');
      if (gradeSection) {
        const body = text.slice(gradeSection.lead.start, gradeSection.lead.end);
        // The first grade the page shows: one inside an HTML comment is not on it.
        const m = [...body.matchAll(/\bgrade\s+(\d+)/gi)].find((g) => !insideSpan(model.comments, gradeSection.lead.start + g.index));
        if (m) {
          const at = gradeSection.lead.start + m.index;
          const span = { start: at, end: at + m[0].length };
          const link = model.links.find((l) => l.span.start >= gradeSection.lead.start && l.span.end <= gradeSection.lead.end);
          level.grade = { value: Number(m[1]), span, link };
        }
      }
      levels.push(level);
    }
  }
  const hiring = top.find((s) => normalizeName(s.heading.text) === 'hiring process');
  let hiringProcess: JobFamily['hiringProcess'];
  if (hiring) {
    const lines = model.file.lines;
    const from = lines.positionAt(hiring.body.start).line;
    const to = lines.positionAt(hiring.body.end).line;
    // Block lines are expanded-document lines; without includes in this section they are the page's.
    const orderedList = model.blocks.lists.some((l) => l.ordered && expandedLineInPage(model, l.line, from, to));
    hiringProcess = { ...hiring, orderedList };
  }
  return { sections: top.map((s) => ({ name: normalizeName(s.heading.text), section: s })), levels, hiringProcess };
}

function expandedLineInPage(model: PageModel, expandedLine: number, from: number, to: number): boolean {
  const offset = model.expanded.lines.lineStarts[expandedLine];
  const mapped = model.expanded.toSource({ start: offset, end: offset });
  if (!mapped || mapped.source !== -1) return false;
  const line = model.file.lines.positionAt(mapped.span.start).line;
  return line >= from && line <= to;
}
