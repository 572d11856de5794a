// Find references: from an include file (or an include path) to every include call that names it, on
// every page of the site (the pages come from the site index); from a heading (or a link to one) to
// every link to its anchor, on the page, in the files it includes and on other pages.

import type { Heading } from '../model/pageModel';
import type { Position } from '../text';
import type { Site, Workspace } from '../workspace';
import { includeAt, includedFile, linesIn, openDocument, rangeOf, touches, type OpenDocument } from './document';
import { headingOn, linksToAnchor, pageOfLink } from './links';
import type { Location } from './types';

export function references(workspace: Workspace, file: string, text: string, position: Position, includeDeclaration = true): Location[] {
  const doc = openDocument(workspace, file, text);
  if (!doc) return [];
  const offset = doc.model.file.lines.offsetAt(position);
  const inc = includeAt(doc.model, offset);
  if (inc) {
    const target = includedFile(inc);
    return target ? includeCallsOf(workspace, target) : [];
  }
  const heading = doc.model.headings.find((h) => h.file === file && touches(h.lineSpan, offset));
  if (heading) return headingReferences(doc, heading, includeDeclaration);
  const link = doc.model.links.find((l) => l.fragment !== undefined && touches(l.span, offset));
  if (link) {
    const id = link.fragment!;
    if (link.path === '') {
      if (doc.model.kind === 'include') return anchorOnIncluders(doc, (p) => (headingOn(p, id) || p.anchors.includes(id) ? id : undefined), includeDeclaration);
      const target = doc.model.anchors.get(id)?.[0];
      const declaration = target && includeDeclaration ? [{ file: target.file, range: linesIn(doc, target.file)!.spanRange(target.span) }] : [];
      return target ? [...declaration, ...linksToAnchor(workspace, doc.site, file, id).map(toLocation)] : [];
    }
    const page = pageOfLink(workspace, doc.site, file, link.path);
    if (!page) return [];
    const h = headingOn(page, id);
    return [...(h && includeDeclaration ? [{ file: h.file, range: h.range }] : []), ...linksToAnchor(workspace, doc.site, page.path, id).map(toLocation)];
  }
  if (doc.site.isUnderIncludeRoot(file)) return includeCallsOf(workspace, file);
  return [];
}

/** Every include call in the site that names `file`: its path argument, on each page that includes it. */
export function includeCallsOf(workspace: Workspace, file: string): Location[] {
  const site = workspace.siteFor(file);
  if (!site) return [];
  const out: Location[] = [];
  for (const page of site.index.includersOf(file)) {
    const model = workspace.model(page.path);
    if (!model) continue;
    for (const inc of model.includes) {
      if (includedFile(inc) === file && inc.argument) out.push({ file: page.path, range: model.file.lines.spanRange(inc.argument.valueSpan) });
    }
  }
  return out;
}

function headingReferences(doc: OpenDocument, heading: Heading, includeDeclaration: boolean): Location[] {
  const declaration = includeDeclaration ? [{ file: doc.file, range: rangeOf(doc, heading.span) }] : [];
  if (doc.model.kind !== 'include') return [...declaration, ...linksToAnchor(doc.workspace, doc.site, doc.file, heading.id).map(toLocation)];
  // In an include file the heading's id is the one it gets on each page that includes the file.
  const at = doc.model.file.lines.positionAt(heading.span.start);
  return [
    ...declaration,
    ...anchorOnIncluders(
      doc,
      (p) => p.headings.find((h) => h.file === doc.file && h.range.start.line === at.line && h.range.start.character === at.character)?.id,
      false,
    ),
  ];
}

/** Links to the anchor `idOn(page)` on every page that includes this (include) file, without duplicates. */
function anchorOnIncluders(
  doc: OpenDocument,
  idOn: (page: ReturnType<Site['index']['includersOf']>[number]) => string | undefined,
  includeDeclaration: boolean,
): Location[] {
  const out: Location[] = [];
  const seen = new Set<string>();
  for (const page of doc.site.index.includersOf(doc.file)) {
    const id = idOn(page);
    if (id === undefined) continue;
    const h = includeDeclaration ? headingOn(page, id) : undefined;
    for (const loc of [...(h ? [{ file: h.file, range: h.range }] : []), ...linksToAnchor(doc.workspace, doc.site, page.path, id)]) {
      const key = `${loc.file}:${loc.range.start.line}:${loc.range.start.character}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ file: loc.file, range: loc.range });
    }
  }
  return out;
}

const toLocation = (l: Location): Location => ({ file: l.file, range: l.range });
