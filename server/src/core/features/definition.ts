// Go to definition: from an include path to the file; from a link's fragment to the heading it names,
// on this page (also when an include brings the heading in) or on another page of the site; from a
// link to another page without a fragment, to that page.

import type { Link } from '../model/pageModel';
import type { Position } from '../text';
import type { Workspace } from '../workspace';
import { includeAt, includedFile, linesIn, openDocument, START, touches, type OpenDocument } from './document';
import { headingOn, pageOfLink } from './links';
import type { Location } from './types';

export function definition(workspace: Workspace, file: string, text: string, position: Position): Location[] {
  const doc = openDocument(workspace, file, text);
  if (!doc) return [];
  const offset = doc.model.file.lines.offsetAt(position);
  const inc = includeAt(doc.model, offset);
  if (inc) {
    const target = includedFile(inc);
    return target ? [{ file: target, range: START }] : [];
  }
  const link = doc.model.links.find((l) => touches(l.span, offset));
  return link ? linkDefinition(doc, link) : [];
}

function linkDefinition(doc: OpenDocument, link: Link): Location[] {
  const id = link.fragment;
  if (link.path === '') {
    if (id === undefined) return [];
    if (doc.model.kind === 'include') {
      // The link lands on each page that includes this file.
      return doc.site.index.includersOf(doc.file).flatMap((p) => {
        const h = headingOn(p, id);
        return h ? [{ file: h.file, range: h.range }] : [];
      });
    }
    const target = doc.model.anchors.get(id)?.[0];
    const lines = target && linesIn(doc, target.file);
    return target && lines ? [{ file: target.file, range: lines.spanRange(target.span) }] : [];
  }
  const page = pageOfLink(doc.workspace, doc.site, doc.file, link.path);
  if (!page) return [];
  const h = id ? headingOn(page, id) : undefined;
  return [h ? { file: h.file, range: h.range } : { file: page.path, range: START }];
}
