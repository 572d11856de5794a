// The open document as the features see it: its site, its model (built from the editor's text, cached
// by the Workspace per version of that text) and positions in it.

import type { IncludeCall, PageModel } from '../model/pageModel';
import type { LineIndex, Position, Range, Span } from '../text';
import type { Site, Workspace } from '../workspace';

export interface OpenDocument {
  workspace: Workspace;
  site: Site;
  model: PageModel;
  file: string;
}

export function openDocument(workspace: Workspace, file: string, text: string): OpenDocument | undefined {
  const site = workspace.siteFor(file);
  if (!site) return undefined;
  const model = workspace.model(file, text);
  return model ? { workspace, site, model, file } : undefined;
}

/** The line index of a file the model shows: the page itself or one of its included files. */
export function linesIn(doc: OpenDocument, file: string): LineIndex | undefined {
  if (file === doc.model.file.path) return doc.model.file.lines;
  return doc.model.includes.find((i) => i.target?.path === file)?.target?.lines ?? doc.site.lines(file);
}

export function rangeOf(doc: OpenDocument, span: Span): Range {
  return doc.model.file.lines.spanRange(span);
}

export function offsetOf(doc: OpenDocument, position: Position): number {
  return doc.model.file.lines.offsetAt(position);
}

/** True when `offset` is inside the span or at either end of it (where a cursor typing it stands). */
export function touches(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

/** The include call whose path argument holds the offset. */
export function includeAt(model: PageModel, offset: number): IncludeCall | undefined {
  return model.includes.find((i) => i.argument && touches(i.argument.valueSpan, offset));
}

/** The file an include call names, when it exists. */
export function includedFile(inc: IncludeCall): string | undefined {
  const r = inc.resolution;
  return r.kind === 'found' || r.kind === 'case-mismatch' ? r.path : undefined;
}

export const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Markdown code text that cannot break out of its backticks. */
export function code(text: string): string {
  const ticks = text.includes('`') ? '``' : '`';
  return `${ticks}${ticks === '``' ? ' ' : ''}${text}${ticks === '``' ? ' ' : ''}${ticks}`;
}
