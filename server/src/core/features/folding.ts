// Folding ranges: the front matter block and every section of the page (a heading down to the line
// before the next heading of the same or a higher level).

import type { Workspace } from '../workspace';
import { openDocument } from './document';
import { sectionEnd } from './symbols';
import type { FoldingRange } from './types';

export function foldingRanges(workspace: Workspace, file: string, text: string): FoldingRange[] {
  const doc = openDocument(workspace, file, text);
  if (!doc) return [];
  const { model } = doc;
  const lines = model.file.lines;
  const out: FoldingRange[] = [];
  const fm = model.frontmatter;
  if (fm) {
    const start = lines.positionAt(fm.span.start).line;
    const end = lines.positionAt(Math.max(fm.span.start, fm.span.end - 1)).line;
    if (end > start) out.push({ startLine: start, endLine: end });
  }
  const own = model.headings.filter((h) => h.file === file && h.include === undefined);
  for (const h of own) {
    const start = lines.positionAt(h.lineSpan.start).line;
    const end = lines.positionAt(sectionEnd(doc, own, h)).line;
    if (end > start) out.push({ startLine: start, endLine: end });
  }
  return out;
}
