// Positions and ranges as the core reports them: 0-based lines and UTF-16 code-unit columns, which is
// what JavaScript string indices are and what LSP expects by default. The types are our own so that
// no LSP package leaks into the core; they are structurally identical to LSP's.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A half-open span of string offsets `[start, end)` in one file's text. */
export interface Span {
  start: number;
  end: number;
}

export function span(start: number, end: number): Span {
  return { start, end };
}

/** Maps offsets to line/column positions and back for one text. Handles LF, CRLF and CR. */
export class LineIndex {
  /** Offset of the first character of each line. */
  readonly lineStarts: number[];

  /**
   * @param lineStarts the line starts of a text with the same line breaks at the same offsets (a
   *   page whose front matter was blanked): shared, not computed again
   */
  constructor(
    readonly text: string,
    lineStarts?: readonly number[],
  ) {
    if (lineStarts) {
      this.lineStarts = lineStarts as number[];
      return;
    }
    const starts = [0];
    if (!text.includes('\r')) {
      // The common case: LF only, found by the engine's own search (several times faster than a loop).
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 /* \n */) starts.push(i + 1);
        else if (c === 13 /* \r */) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    const start = this.lineStarts[lo];
    // Between the CR and the LF of a CRLF is no position an editor has: the end of the line.
    if (o > start && this.text.charCodeAt(o) === 10 && this.text.charCodeAt(o - 1) === 13) return { line: lo, character: o - 1 - start };
    return { line: lo, character: o - start };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  /** Offset just after the line's last character, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 < this.lineStarts.length) {
      let end = this.lineStarts[line + 1] - 1;
      if (end > this.lineStarts[line] && this.text.charCodeAt(end) === 10 && this.text.charCodeAt(end - 1) === 13) end--;
      return end;
    }
    return this.text.length;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  spanRange(s: Span): Range {
    return this.range(s.start, s.end);
  }

  /** The range of a whole line, without its line break. */
  lineRange(line: number): Range {
    return this.range(this.lineStarts[line], this.lineEnd(line));
  }
}

/**
 * The positions of a text without a carriage return, kept without the text: its line starts (as
 * 32-bit integers) and its length, which is all that offsets and positions need when every line ends
 * with a lone "\n". What a page's model keeps once the page was checked (model/residual.ts).
 */
export class TextlessLineIndex extends LineIndex {
  override readonly lineStarts: number[];
  private readonly length: number;

  /** A copy of `lines`; undefined when its text has a "\r" (positions then need the text). */
  static of(lines: LineIndex): TextlessLineIndex | undefined {
    return lines.text.includes('\r') ? undefined : new TextlessLineIndex(lines);
  }

  private constructor(lines: LineIndex) {
    super('', []);
    // Indexed like an array by every reader; an Int32Array takes half the memory of a number[].
    this.lineStarts = Int32Array.from(lines.lineStarts) as unknown as number[];
    this.length = lines.text.length;
  }

  /** Its `text` is empty: there is no line text to give. */
  override lineText(line: number): string {
    throw new Error(`this line index keeps no text (line ${line})`);
  }

  override positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.lineStarts[lo] };
  }

  override offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.length;
    return Math.min(this.lineStarts[position.line] + Math.max(0, position.character), this.lineEnd(position.line));
  }

  override lineEnd(line: number): number {
    return line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] - 1 : this.length;
  }
}

/** Index of the first line break (\n or \r) at or after `from`, or the text's length. */
export function nextLineBreak(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/** The line break a text uses (its first one), for the text an edit inserts; '\n' when it has none. */
export function lineBreakOf(text: string): '\n' | '\r\n' | '\r' {
  const m = /\r\n|\r|\n/.exec(text);
  return (m?.[0] as '\n' | '\r\n' | '\r' | undefined) ?? '\n';
}

/** Length of a byte order mark at the start of a text (0 or 1): text inserted "at the start" goes after it. */
export function bomLength(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function rangeContains(r: Range, p: Position): boolean {
  return comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;
}

export function formatRange(r: Range): string {
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
}

/** An object without properties: own() looks strings up in it. */
const NAMES: Record<string, unknown> = Object.create(null);

/**
 * A string that keeps nothing else alive, one copy of its characters shared by every equal string
 * passed here. V8 makes a substring of 13 characters or more a view into the string it was cut
 * from, so a heading's text or a link's target kept in the index (siteIndex.ts) or in a checked
 * page's residual (model/residual.ts) would keep the page's whole text (and its expansion) in
 * memory: on the 4,000-page handbook about half of the index's heap. Looking a string up as a
 * property name makes V8 internalize it: it finds or makes the one flat copy in its string table
 * (in one byte per character when the characters allow, while a view into a page with one
 * character above U+00FF takes two) and turns the string itself into a reference to that copy,
 * which the next garbage collection puts in its place. The copy lives as long as something holds
 * it. (Other engines may keep the view; a browser's server holds every page's text anyway.)
 */
export function own(s: string): string {
  NAMES[s];
  return s;
}
