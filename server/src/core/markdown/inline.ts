// Inline Markdown read straight from the source with exact offsets: code spans (CommonMark backtick
// rules), link destinations (inline links, reference definitions, HTML `href`s) and HTML anchors
// (`id="..."`, `<a name="...">`). markdown-it's inline tokens carry no positions, hence this module.

import type { Span } from '../text';

/** Code spans in `text[start, end)`: runs of N backticks closed by the next run of exactly N. */
export function codeSpans(text: string, start: number, end: number): Span[] {
  const spans: Span[] = [];
  let i = text.indexOf('`', start);
  while (i >= 0 && i < end) {
    if (isEscaped(text, i, start)) {
      i = text.indexOf('`', i + 1);
      continue;
    }
    let n = i;
    while (n < end && text.charCodeAt(n) === 96) n++;
    const run = n - i;
    let j = text.indexOf('`', n);
    let closed = -1;
    while (j >= 0 && j < end) {
      let k = j;
      while (k < end && text.charCodeAt(k) === 96) k++;
      if (k - j === run) {
        closed = k;
        break;
      }
      j = text.indexOf('`', k);
    }
    if (closed < 0) {
      i = text.indexOf('`', n);
      continue;
    }
    spans.push({ start: i, end: closed });
    i = text.indexOf('`', closed);
  }
  return spans;
}

/** True when the character at `i` is preceded by an odd number of backslashes (within the block). */
function isEscaped(text: string, i: number, start: number): boolean {
  let k = i - 1;
  while (k >= start && text.charCodeAt(k) === 92) k--;
  return (i - 1 - k) % 2 === 1;
}

export interface LinkDestination {
  kind: 'inline' | 'definition' | 'html';
  /** The destination as written (without angle brackets). */
  target: string;
  span: Span;
  image: boolean;
}

/** A copy of `text[start, end)` with code spans blanked, offsets kept. */
function masked(text: string, start: number, end: number, spans: Span[]): string {
  let s = text.slice(start, end);
  for (const sp of spans) {
    if (sp.end <= start || sp.start >= end) continue;
    const a = Math.max(sp.start, start) - start;
    const b = Math.min(sp.end, end) - start;
    s = s.slice(0, a) + ' '.repeat(b - a) + s.slice(b);
  }
  return s;
}

/** Inline links and images `[text](destination "title")` in `text[start, end)`, code spans excluded. */
export function inlineLinks(text: string, start: number, end: number, code: Span[]): LinkDestination[] {
  const src = masked(text, start, end, code);
  const out: LinkDestination[] = [];
  let i = src.indexOf('](');
  while (i >= 0) {
    if (src[i - 1] === '\\') {
      i = src.indexOf('](', i + 2);
      continue;
    }
    const open = matchingBracket(src, i);
    let p = i + 2;
    while (src[p] === ' ' || src[p] === '\t' || src[p] === '\n') p++;
    let destStart = p;
    let destEnd: number;
    if (src[p] === '<') {
      destStart = p + 1;
      const close = src.indexOf('>', destStart);
      const nl = src.indexOf('\n', destStart);
      if (close < 0 || (nl >= 0 && nl < close)) {
        i = src.indexOf('](', i + 2);
        continue;
      }
      destEnd = close;
    } else {
      let depth = 0;
      destEnd = p;
      while (destEnd < src.length) {
        const ch = src[destEnd];
        if (ch === '\\') {
          destEnd += 2;
          continue;
        }
        if (ch === '(') depth++;
        else if (ch === ')') {
          if (depth === 0) break;
          depth--;
        } else if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') break;
        destEnd++;
      }
      destEnd = Math.min(destEnd, src.length);
    }
    if (open >= 0 && closesLink(src, destEnd + (src[destEnd] === '>' ? 1 : 0))) {
      out.push({
        kind: 'inline', target: src.slice(destStart, destEnd), span: { start: start + destStart, end: start + destEnd },
        image: src[open - 1] === '!',
      });
    }
    i = src.indexOf('](', destEnd);
  }
  return out;
}

/** After a destination: optional whitespace, an optional quoted or parenthesised title, then ")". */
function closesLink(src: string, p: number): boolean {
  const rest = src.slice(p, p + 2000);
  return /^[ \t]*(?:\n[ \t]*)?(?:(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\))[ \t]*(?:\n[ \t]*)?)?\)/.test(rest);
}

function matchingBracket(src: string, close: number): number {
  let depth = 0;
  for (let j = close - 1; j >= 0; j--) {
    const ch = src[j];
    if (src[j - 1] === '\\') continue;
    if (ch === ']') depth++;
    else if (ch === '[') {
      if (depth === 0) return j;
      depth--;
    } else if (ch === '\n' && src[j - 1] === '\n') return -1;
  }
  return -1;
}

const REFERENCE_DEFINITION = /^((?:[ \t]*>[ \t]?|[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)*[ \t]{0,3}\[((?:[^\]\\]|\\.)+)\]:[ \t]*)(<[^>\n]*>|\S+)/;

/** A link reference definition `[label]: destination` on a line no block claims. */
export function referenceDefinition(line: string, lineStart: number): (LinkDestination & { label: string }) | undefined {
  const m = REFERENCE_DEFINITION.exec(line);
  if (!m) return undefined;
  let dest = m[3];
  let offset = m[1].length;
  if (dest.startsWith('<')) {
    dest = dest.slice(1, -1);
    offset++;
  }
  return {
    kind: 'definition', label: m[2], target: dest, image: false,
    span: { start: lineStart + offset, end: lineStart + offset + dest.length },
  };
}

const HREF = /<a\b[^>]*?\bhref\s*=\s*(["'])(.*?)\1/gis;

/** `<a href="...">` destinations in `text[start, end)`, code spans excluded. */
export function htmlLinks(text: string, start: number, end: number, code: Span[]): LinkDestination[] {
  const src = masked(text, start, end, code);
  const out: LinkDestination[] = [];
  for (const m of src.matchAll(HREF)) {
    const valueStart = start + m.index! + m[0].length - 1 - m[2].length;
    out.push({ kind: 'html', target: m[2], span: { start: valueStart, end: valueStart + m[2].length }, image: false });
  }
  return out;
}

const ID_ATTRIBUTE = /<[a-z][\w-]*\b[^>]*?\bid\s*=\s*(["'])(.*?)\1/gis;
const NAME_ATTRIBUTE = /<a\b[^>]*?\bname\s*=\s*(["'])(.*?)\1/gis;

/** Ids that HTML in `text[start, end)` adds to the page: `id="x"` on any element, `name="x"` on `<a>`. */
export function htmlAnchors(text: string, start: number, end: number, code: Span[]): { id: string; span: Span }[] {
  const src = masked(text, start, end, code);
  const out: { id: string; span: Span }[] = [];
  for (const re of [ID_ATTRIBUTE, NAME_ATTRIBUTE]) {
    for (const m of src.matchAll(re)) {
      const valueStart = start + m.index! + m[0].length - 1 - m[2].length;
      out.push({ id: m[2], span: { start: valueStart, end: valueStart + m[2].length } });
    }
  }
  return out;
}

/** Splits a destination into path and fragment; the fragment is percent-decoded where possible. */
export function splitDestination(target: string): { path: string; fragment?: string; fragmentOffset?: number } {
  const hash = target.indexOf('#');
  if (hash < 0) return { path: target };
  const raw = target.slice(hash + 1);
  let fragment = raw;
  try {
    fragment = decodeURIComponent(raw);
  } catch {
    // A malformed %-escape: compare the fragment as written.
  }
  return { path: target.slice(0, hash), fragment, fragmentOffset: hash + 1 };
}
