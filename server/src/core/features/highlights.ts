// Document highlights: with the cursor on a heading, or on a link to one, the heading and every
// link to it in this file light up (the same-page `#id` links, and links that reach this page by its
// URL or `x.md` path); on a link to another page's heading, the links in this file to that heading.
// In an include file the heading's anchor is the one it gets on the pages that include it.

import type { Link } from '../model/pageModel';
import type { Position, Range } from '../text';
import type { Workspace } from '../workspace';
import { openDocument, rangeOf, touches, type OpenDocument } from './document';
import { pageOfLink } from './links';

export interface DocumentHighlight {
  range: Range;
  /** `write`: the heading that defines the anchor; `read`: a link to it. */
  kind: 'read' | 'write';
}

export function documentHighlights(workspace: Workspace, file: string, text: string, position: Position): DocumentHighlight[] {
  const doc = openDocument(workspace, file, text);
  if (!doc) return [];
  const offset = doc.model.file.lines.offsetAt(position);
  const target = targetAt(doc, offset);
  if (!target) return [];
  const out: DocumentHighlight[] = [];
  const onThisFile = target.pages.some((p) => p === file || doc.site.index.includersOf(file).some((i) => i.path === p));
  if (onThisFile) {
    for (const h of doc.model.headings) {
      if (h.file === file && h.include === undefined && target.ids.has(h.id)) out.push({ range: rangeOf(doc, h.span), kind: 'write' });
    }
  }
  for (const link of doc.model.links) {
    if (link.fragment === undefined || !link.fragmentSpan || !target.ids.has(link.fragment)) continue;
    if (!leadsTo(doc, link, target.pages)) continue;
    out.push({ range: rangeOf(doc, link.fragmentSpan), kind: 'read' });
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** The pages (paths) and anchors the cursor names: a heading of this file, or a link's fragment. */
function targetAt(doc: OpenDocument, offset: number): { pages: string[]; ids: Set<string> } | undefined {
  const { model, file, site } = doc;
  const heading = model.headings.find((h) => h.file === file && h.include === undefined && touches(h.lineSpan, offset));
  if (heading) {
    if (model.kind !== 'include') return { pages: [file], ids: new Set([heading.id]) };
    // In an include file: the id the heading gets on each page that includes the file.
    const at = model.file.lines.positionAt(heading.span.start);
    const pages = site.index.includersOf(file);
    const ids = new Set(
      pages.flatMap((p) =>
        p.headings.filter((h) => h.file === file && h.range.start.line === at.line && h.range.start.character === at.character).map((h) => h.id),
      ),
    );
    return pages.length ? { pages: pages.map((p) => p.path), ids } : { pages: [file], ids: new Set([heading.id]) };
  }
  const link = model.links.find((l) => l.fragment !== undefined && touches(l.span, offset));
  if (!link) return undefined;
  const pages = pagesOf(doc, link);
  return pages.length ? { pages, ids: new Set([link.fragment!]) } : undefined;
}

/** The pages a link leads to: this page (or the pages that include this file) for "#id", else the page its path names. */
function pagesOf(doc: OpenDocument, link: Link): string[] {
  if (link.path === '')
    return doc.model.kind === 'include'
      ? doc.site.index
          .includersOf(doc.file)
          .map((p) => p.path)
          .concat(doc.file)
      : [doc.file];
  const page = pageOfLink(doc.workspace, doc.site, doc.file, link.path);
  return page ? [page.path] : [];
}

function leadsTo(doc: OpenDocument, link: Link, pages: string[]): boolean {
  return pagesOf(doc, link).some((p) => pages.includes(p));
}
