// "Copy Link to Heading": the link Hugo renders for the heading at the cursor (or the section the
// cursor is in): the page's URL and the heading's anchor, `/handbook/values/#results`. Above the
// first heading, the page's URL alone. In an include file, one link per page that includes it (the
// anchor can differ from page to page).

import { pageUrl } from '../siteIndex';
import type { Position } from '../text';
import type { Workspace } from '../workspace';
import { openDocument } from './document';
import { urlOf } from './linkForms';

export interface HeadingLink {
  /** What to paste: `/handbook/values/#results`. */
  url: string;
  /** The page's file, relative to the site root. */
  page: string;
  /** The heading's text (none: the page's URL alone). */
  heading?: string;
}

export function headingLinks(workspace: Workspace, file: string, text: string, position: Position): HeadingLink[] {
  const doc = openDocument(workspace, file, text);
  if (!doc) return [];
  const { model, site } = doc;
  const lineEnd = model.file.lines.lineEnd(position.line);
  // The heading on the cursor's line, or the last one above it.
  const heading = model.headings.filter((h) => h.file === file && h.include === undefined && h.lineSpan.start <= lineEnd).pop();
  if (model.kind !== 'include') {
    const summary = site.index.page(file);
    const url = summary ? urlOf(summary) : pageUrl(site.urls, file, model.frontmatter?.data);
    return [heading ? { url: `${url}#${heading.id}`, page: site.label(file), heading: heading.text } : { url, page: site.label(file) }];
  }
  if (!heading) return [];
  const at = model.file.lines.positionAt(heading.span.start);
  return site.index.includersOf(file).flatMap((p) => {
    const h = p.headings.find((x) => x.file === file && x.range.start.line === at.line && x.range.start.character === at.character);
    return h ? [{ url: `${urlOf(p)}#${h.id}`, page: site.label(p.path), heading: h.text }] : [];
  });
}
