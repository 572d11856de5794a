// A page body as Hugo hands it to Goldmark: every `{{% include %}}` call replaced by the text of
// the file it names (shortcodes inside that text are not expanded), and the inner content of paired
// `{{< >}}` shortcodes taken out (Hugo renders it apart from the page). A segment map leads every
// offset back to the file it came from.

import { LineIndex, type Span } from '../text';

export interface Segment {
  /** Start in the expanded text. */
  start: number;
  length: number;
  /** -1 for the page itself, otherwise the index of the include call whose file this text comes from. */
  source: number;
  /** Start in the source file's text. */
  sourceStart: number;
}

export interface Replacement {
  /** The span of the page text that is replaced (an include call). */
  span: Span;
  /** The text put in its place. */
  text: string;
  /** Index of the include call. */
  source: number;
}

export class ExpandedDocument {
  readonly text: string;
  readonly lines: LineIndex;
  readonly segments: Segment[];

  /**
   * @param page the page text
   * @param bodyStart where the body starts (after front matter); earlier text is kept as blank lines
   *   so that line numbers stay the page's where no include intervenes
   * @param replacements sorted, non-overlapping
   * @param masked spans of the page text blanked out (line breaks kept)
   * @param pageLines the page's line index: with nothing replaced, the expanded text has the page's
   *   line breaks at the same offsets, and shares its line starts
   */
  constructor(page: string, bodyStart: number, replacements: Replacement[], masked: Span[] = [], pageLines?: LineIndex) {
    const parts: string[] = [];
    const segments: Segment[] = [];
    let length = 0;
    const push = (text: string, source: number, sourceStart: number) => {
      if (!text) return;
      segments.push({ start: length, length: text.length, source, sourceStart });
      parts.push(text);
      length += text.length;
    };
    const pageText = (from: number, to: number) => blank(page, from, to, masked);
    // The front matter becomes blank lines: no block can start in it.
    push(page.slice(0, bodyStart).replace(/[^\r\n]/g, ' '), -1, 0);
    let cursor = bodyStart;
    for (const r of replacements) {
      push(pageText(cursor, r.span.start), -1, cursor);
      push(r.text, r.source, 0);
      cursor = r.span.end;
    }
    push(pageText(cursor, page.length), -1, cursor);
    this.text = parts.join('');
    this.segments = segments;
    this.lines = new LineIndex(this.text, replacements.length === 0 && pageLines?.text === page ? pageLines.lineStarts : undefined);
  }

  /** The segment holding an expanded offset (the one starting there, at a boundary). */
  segmentAt(offset: number): Segment | undefined {
    let lo = 0;
    let hi = this.segments.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.segments[mid];
      if (offset < s.start) hi = mid - 1;
      else if (offset >= s.start + s.length) lo = mid + 1;
      else return s;
    }
    const last = this.segments[this.segments.length - 1];
    return last && offset === last.start + last.length ? last : undefined;
  }

  /** Maps an expanded span back to its source when it lies within one segment. */
  toSource(span: Span): { source: number; span: Span } | undefined {
    const seg = this.segmentAt(span.start);
    if (!seg || span.end > seg.start + seg.length) return undefined;
    const delta = seg.sourceStart - seg.start;
    return { source: seg.source, span: { start: span.start + delta, end: span.end + delta } };
  }

  /** Maps a span that may run into later segments to the part of it in the segment where it starts. */
  toSourceClipped(span: Span): { source: number; span: Span } | undefined {
    const seg = this.segmentAt(span.start);
    if (!seg) return undefined;
    return this.toSource({ start: span.start, end: Math.min(span.end, seg.start + seg.length) });
  }

  /** The text of an expanded span cut at segment boundaries, each piece with the source it comes from. */
  pieces(span: Span): { text: string; source: number }[] {
    const out: { text: string; source: number }[] = [];
    for (const s of this.segments) {
      const a = Math.max(s.start, span.start);
      const b = Math.min(s.start + s.length, span.end);
      if (a < b) out.push({ text: this.text.slice(a, b), source: s.source });
    }
    return out;
  }

  /**
   * The page's spans (sorted, not overlapping) that the expanded text holds whole, as spans of it; a
   * replaced span (an include call, whose place its file's text took) has none. Linear in both.
   */
  keptPageSpans(spans: readonly Span[]): Span[] {
    const out: Span[] = [];
    let k = 0;
    for (const s of spans) {
      while (k < this.segments.length && (this.segments[k].source !== -1 || this.segments[k].sourceStart + this.segments[k].length < s.end)) k++;
      const seg = this.segments[k];
      if (!seg) break;
      if (s.start >= seg.sourceStart) out.push({ start: seg.start + s.start - seg.sourceStart, end: seg.start + s.end - seg.sourceStart });
    }
    return out;
  }

  /** Maps a page offset (outside replaced spans) into the expanded text. */
  fromPage(offset: number): number | undefined {
    for (const s of this.segments) {
      if (s.source === -1 && offset >= s.sourceStart && offset <= s.sourceStart + s.length) return s.start + offset - s.sourceStart;
    }
    return undefined;
  }
}

function blank(text: string, from: number, to: number, masked: Span[]): string {
  let s = text.slice(from, to);
  for (const m of masked) {
    const a = Math.max(m.start, from);
    const b = Math.min(m.end, to);
    if (a >= b) continue;
    s = s.slice(0, a - from) + s.slice(a - from, b - from).replace(/[^\r\n]/g, ' ') + s.slice(b - from);
  }
  return s;
}
