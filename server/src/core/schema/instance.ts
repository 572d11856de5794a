// The JSON view of a page model that the schemas in schemas/ describe, with a map from every JSON
// pointer back to the source text, so that each schema error lands on the key, value or table cell
// it is about.

import { jobFamilyOf } from '../model/jobFamily';
import type { PageModel } from '../model/pageModel';
import type { PipeTable } from '../markdown/tables';
import type { Span } from '../text';

export interface Location {
  /** Where the value is written. */
  span: Span;
  /** Where its key is written (front matter keys). */
  keySpan?: Span;
}

export interface SchemaInstance {
  value: Record<string, unknown>;
  locations: Map<string, Location>;
  /** Fallback location for errors about the whole page. */
  pageSpan: Span;
}

/** Header cells of a responsibility table: "Responsibility | Description" (emphasis and case ignored). */
export function isResponsibilityHeader(cells: string[]): boolean {
  const first = plainCell(cells[0] ?? '');
  return (first === 'responsibility' || first === 'responsibilities') && plainCell(cells[1] ?? '') === 'description';
}

export function plainCell(text: string): string {
  return text.replace(/[*_`]/g, '').trim().toLowerCase();
}

export function responsibilityTables(model: PageModel): PipeTable[] {
  return model.tables.filter((t) => t.rendered && isResponsibilityHeader(t.header.cells.map((c) => c.text)));
}

export function buildInstance(model: PageModel): SchemaInstance {
  const locations = new Map<string, Location>();
  const value: Record<string, unknown> = { kind: model.kind };
  const fm = model.frontmatter;
  const pageSpan: Span = fm?.openSpan ?? { start: model.bodyStart, end: model.bodyStart };
  // TOML and JSON front matter give the page its title and URL; the schemas check YAML only.
  if (fm?.data && fm.format === 'yaml') {
    value.frontmatter = fm.data;
    locations.set('/frontmatter', { span: fm.openSpan });
    for (const [pointer, loc] of fm.locations) locations.set('/frontmatter' + pointer, { span: loc.valueSpan, keySpan: loc.keySpan });
  }

  // Headings of the rendered page; included ones point at their include call.
  const headings = model.headings.map((h, i) => {
    const span = h.include === undefined ? h.span : model.includes[h.include].call.span;
    locations.set(`/headings/${i}`, { span });
    locations.set(`/headings/${i}/level`, { span });
    locations.set(`/headings/${i}/text`, { span });
    return { level: h.level, text: h.text, id: h.id, included: h.include !== undefined };
  });
  value.headings = headings;
  locations.set('/headings', { span: pageSpan });
  const first = model.headings[0];
  if (first) {
    value.firstHeading = headings[0];
    const span = first.include === undefined ? first.span : model.includes[first.include].call.span;
    for (const p of ['/firstHeading', '/firstHeading/level', '/firstHeading/text']) locations.set(p, { span });
  }

  value.includes = model.includes.map((inc, i) => {
    locations.set(`/includes/${i}`, { span: inc.call.span });
    locations.set(`/includes/${i}/path`, { span: inc.argument?.valueSpan ?? inc.call.nameSpan });
    locations.set(`/includes/${i}/delimiter`, { span: inc.call.span });
    return { path: inc.path, delimiter: inc.call.delimiter };
  });

  value.responsibilityTables = responsibilityTables(model).map((t, ti) => {
    const base = `/responsibilityTables/${ti}`;
    locations.set(base, { span: t.header.span });
    locations.set(`${base}/terms`, { span: t.header.cells[0].span });
    locations.set(`${base}/rows`, { span: t.header.span });
    locations.set(`${base}/header`, { span: t.header.span });
    const rows: { term: string; description: string }[] = [];
    const terms: string[] = [];
    // Rows with a different cell count are table-shape's to report; they are left out here.
    for (const r of t.rows.filter((r) => r.cells.length === t.delimiter.cells.length && r.cells.length >= 2)) {
      const k = rows.length;
      locations.set(`${base}/rows/${k}`, { span: r.span });
      locations.set(`${base}/rows/${k}/term`, { span: r.cells[0].span.start === r.cells[0].span.end ? r.span : r.cells[0].span });
      locations.set(`${base}/rows/${k}/description`, { span: r.cells[1].span.start === r.cells[1].span.end ? r.span : r.cells[1].span });
      locations.set(`${base}/terms/${k}`, { span: r.cells[0].span });
      rows.push({ term: r.cells[0].text, description: r.cells[1]?.text ?? '' });
      terms.push(r.cells[0].text);
    }
    return { header: t.header.cells.map((c) => c.text), rows, terms };
  });

  if (model.kind === 'job-family') {
    const jf = jobFamilyOf(model);
    const firstHeading = model.headings.find((h) => h.include === undefined);
    locations.set('/jobFamily', { span: firstHeading?.span ?? pageSpan });
    locations.set('/jobFamily/sections', { span: firstHeading?.span ?? pageSpan });
    const levelsSection = jf.sections.find((x) => x.name === 'levels');
    locations.set('/jobFamily/levels', { span: levelsSection?.section.heading.span ?? firstHeading?.span ?? pageSpan });
    value.jobFamily = {
      sections: jf.sections.map((x) => x.name),
      levels: jf.levels.map((l, i) => {
        locations.set(`/jobFamily/levels/${i}`, { span: l.heading.span });
        locations.set(`/jobFamily/levels/${i}/subsections`, { span: l.heading.span });
        return { name: l.name, subsections: [...l.subsections.keys()], grade: l.grade?.value ?? null };
      }),
      ...(jf.hiringProcess ? { hiringProcess: { orderedList: jf.hiringProcess.orderedList } } : {}),
    };
    if (jf.hiringProcess) {
      locations.set('/jobFamily/hiringProcess', { span: jf.hiringProcess.heading.span });
      locations.set('/jobFamily/hiringProcess/orderedList', { span: jf.hiringProcess.heading.span });
    }
  }

  return { value, locations, pageSpan };
}

/** The nearest location for a pointer: itself, or the closest parent that has one. */
export function locate(instance: SchemaInstance, pointer: string): Location {
  let p = pointer;
  for (;;) {
    const loc = instance.locations.get(p);
    if (loc) return loc;
    const cut = p.lastIndexOf('/');
    if (cut <= 0) return { span: instance.pageSpan };
    p = p.slice(0, cut);
  }
}
