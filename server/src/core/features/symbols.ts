// The outline: the page's headings nested by level, each include call where it stands with the
// headings it brings in nested under it (marked as included), as the rendered page shows them.

import type { Heading, IncludeCall } from '../model/pageModel';
import type { Workspace } from '../workspace';
import { includedFile, openDocument, rangeOf, type OpenDocument } from './document';
import type { DocumentSymbol } from './types';

export function documentSymbols(workspace: Workspace, file: string, text: string): DocumentSymbol[] {
  const doc = openDocument(workspace, file, text);
  if (!doc) return [];
  const { model } = doc;
  const own = model.headings.filter((h) => h.file === file && h.include === undefined);
  type Event = { at: number; heading?: Heading; include?: IncludeCall };
  const events: Event[] = [
    ...own.map((h) => ({ at: h.lineSpan.start, heading: h })),
    ...model.includes.map((inc) => ({ at: inc.call.span.start, include: inc })),
  ].sort((a, b) => a.at - b.at);

  const roots: DocumentSymbol[] = [];
  const stack: { level: number; symbol: DocumentSymbol }[] = [];
  const addTo = (s: DocumentSymbol) => (stack.length ? stack[stack.length - 1].symbol.children : roots).push(s);
  for (const e of events) {
    if (e.heading) {
      const h = e.heading;
      while (stack.length && stack[stack.length - 1].level >= h.level) stack.pop();
      const symbol: DocumentSymbol = {
        name: h.text || '(empty heading)',
        detail: `#${h.id}`,
        kind: 'heading',
        range: rangeOf(doc, { start: h.lineSpan.start, end: sectionEnd(doc, own, h) }),
        selectionRange: rangeOf(doc, h.span),
        children: [],
      };
      addTo(symbol);
      stack.push({ level: h.level, symbol });
    } else if (e.include) {
      addTo(includeSymbol(doc, e.include));
    }
  }
  return roots;
}

function includeSymbol(doc: OpenDocument, inc: IncludeCall): DocumentSymbol {
  const target = includedFile(inc);
  const range = rangeOf(doc, inc.call.span);
  const selectionRange = inc.argument ? rangeOf(doc, inc.argument.valueSpan) : range;
  const from = target ? doc.site.label(target) : undefined;
  const symbol: DocumentSymbol = {
    name: `include ${inc.path || '(no path)'}`,
    detail: !target ? 'not found' : inc.expandedSpan === undefined ? `${from} (not rendered as part of the page)` : from,
    kind: 'include',
    range,
    selectionRange,
    children: [],
  };
  const stack: { level: number; symbol: DocumentSymbol }[] = [];
  for (const h of doc.model.headings.filter((x) => x.include === inc.index)) {
    while (stack.length && stack[stack.length - 1].level >= h.level) stack.pop();
    const child: DocumentSymbol = {
      name: h.text || '(empty heading)',
      detail: `included from ${doc.site.label(h.file)}`,
      kind: 'heading',
      range,
      selectionRange,
      children: [],
    };
    (stack.length ? stack[stack.length - 1].symbol.children : symbol.children).push(child);
    stack.push({ level: h.level, symbol: child });
  }
  return symbol;
}

/** Where a heading's section ends in the page: before the next heading of the same or a higher level, trailing blank lines excluded. */
export function sectionEnd(doc: OpenDocument, own: Heading[], h: Heading): number {
  const lines = doc.model.file.lines;
  const next = own.find((n) => n.lineSpan.start > h.lineSpan.start && n.level <= h.level);
  const first = lines.positionAt(h.lineSpan.start).line;
  // (Never before the heading's own line: a heading an include call completes can share it with the next one.)
  let line = Math.max(first, next ? lines.positionAt(next.lineSpan.start).line - 1 : lines.lineCount - 1);
  while (line > first && !lines.lineText(line).trim()) line--;
  return lines.lineEnd(line);
}
