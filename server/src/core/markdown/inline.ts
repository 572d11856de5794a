// Inline Markdown read straight from the source with exact offsets: code spans (CommonMark backtick
// rules), link destinations (inline links, reference definitions, HTML `href`s) and HTML anchors
// (`id="..."`, `<a name="...">`). markdown-it's inline tokens carry no positions, hence this module.

import type { Span } from '../text';

/** Code spans in `text[start, end)`: runs of N backticks closed by the next run of exactly N. */
export function codeSpans(text: string, start: number, end: number): Span[] {
  // Every run of backticks in the block, then each opener is paired with the next run of the same
  // length (found by binary search per length), so a block full of unmatched backticks stays linear.
  // (Scanned by hand: indexOf would look past `end`, to the end of the page, once per block.)
  const runs: Span[] = [];
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) !== 96) continue;
    let n = i;
    while (n < end && text.charCodeAt(n) === 96) n++;
    runs.push({ start: i, end: n });
    i = n;
  }
  const byLength = new Map<number, number[]>();
  runs.forEach((r, k) => {
    const list = byLength.get(r.end - r.start);
    if (list) list.push(k);
    else byLength.set(r.end - r.start, [k]);
  });
  const spans: Span[] = [];
  for (let k = 0; k < runs.length; k++) {
    // A backslash before a run escapes its first backtick; the rest of the run can still open a span.
    const open = isEscaped(text, runs[k].start, start) ? runs[k].start + 1 : runs[k].start;
    const length = runs[k].end - open;
    if (length === 0) continue;
    const close = nextAfter(byLength.get(length), k);
    if (close === undefined) continue;
    spans.push({ start: open, end: runs[close].end });
    k = close;
  }
  return spans;
}

/** The first entry of a sorted list that is greater than `k`. */
function nextAfter(sorted: number[] | undefined, k: number): number | undefined {
  if (!sorted) return undefined;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= k) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo];
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
  const parts: string[] = [];
  let at = start;
  for (const sp of [...spans].sort((a, b) => a.start - b.start)) {
    const a = Math.max(sp.start, at);
    const b = Math.min(sp.end, end);
    if (b <= a) continue;
    parts.push(text.slice(at, a), ' '.repeat(b - a));
    at = b;
  }
  parts.push(text.slice(at, end));
  return parts.join('');
}

/**
 * Inline links and images `[text](destination "title")` in `text[start, end)` that Markdown renders
 * as links and images, with CommonMark's precedence: code spans, raw HTML tags and autolinks bind
 * tighter than brackets (no link closes inside `<b title="](x)">`), a link contains no other link
 * (in `[a [b](x)](y)` only `b` links), and what is inside an image's description is its alt text,
 * neither link nor image.
 */
export function inlineLinks(text: string, start: number, end: number, code: Span[]): LinkDestination[] {
  let src = masked(text, start, end, code);
  if (src.includes('<')) src = maskInlineHtml(src);
  const found: { link: LinkDestination; open: number; close: number }[] = [];
  // The "[" of the latest-opening link found so far: links close in order, so one that opens after a
  // bracket's "[" lies inside that bracket's text.
  let lastLinkOpen = -1;
  let brackets: Int32Array | undefined;
  // The next unescaped '<' or '>' or line break at or after a pointy destination's start (-1: none).
  let stop = -2;
  let i = src.indexOf('](');
  while (i >= 0) {
    if (src[i - 1] === '\\') {
      i = src.indexOf('](', i + 2);
      continue;
    }
    const open = (brackets ??= bracketPairs(src))[i];
    let p = i + 2;
    while (isBlank(src[p])) p++;
    let destStart = p;
    let destEnd: number;
    if (src[p] === '<') {
      // `<...>`: no line break and no unescaped '<' or '>' before the closing '>'.
      destStart = p + 1;
      if (stop !== -1 && stop < destStart) stop = pointyStop(src, destStart);
      if (stop < 0 || src[stop] !== '>') {
        i = src.indexOf('](', i + 2);
        continue;
      }
      destEnd = stop;
    } else destEnd = plainDestinationEnd(src, p);
    if (open >= 0 && closesLink(src, destEnd + (src[destEnd] === '>' ? 1 : 0))) {
      const image = src[open - 1] === '!';
      // A link's "[" opens no link around it: once a link closes, the brackets before it are text.
      if (image || lastLinkOpen < open) {
        found.push({
          open,
          close: i,
          link: { kind: 'inline', target: src.slice(destStart, destEnd), span: { start: start + destStart, end: start + destEnd }, image },
        });
        if (!image) lastLinkOpen = open;
      }
    }
    i = src.indexOf('](', destEnd);
  }
  return withoutAltText(found);
}

/**
 * Links and images written in an image's description are its alt text. Brackets nest, so one is in
 * a description when its "[" is: found by a sweep in the order the "[" come, with the "]" of the
 * images still open on a stack.
 */
function withoutAltText(found: { link: LinkDestination; open: number; close: number }[]): LinkDestination[] {
  if (!found.some((f) => f.link.image)) return found.map((f) => f.link);
  const alt = new Set<(typeof found)[number]>();
  const images: number[] = [];
  for (const f of [...found].sort((a, b) => a.open - b.open)) {
    while (images.length && images[images.length - 1] < f.open) images.pop();
    if (images.length) alt.add(f);
    if (f.link.image) images.push(f.close);
  }
  return found.filter((f) => !alt.has(f)).map((f) => f.link);
}

/** The first line break, or '<' or '>' not escaped by a backslash, at or after `from` (-1: none). */
function pointyStop(src: string, from: number): number {
  for (let k = from; k < src.length; k++) {
    const c = src.charCodeAt(k);
    if (c === 92) k++;
    else if (c === 60 || c === 62 || c === 10 || c === 13) return k;
  }
  return -1;
}

// Raw HTML as CommonMark reads it inline (open and closing tags, comments, processing instructions,
// declarations, CDATA) and autolinks (a URI or an e-mail address in angle brackets). Whitespace in a
// tag may hold one line break (a blank line ends the paragraph). Each stretch of blanks can be read
// one way only, so a failed match gives up in time linear in its length.
const BLANKS = String.raw`(?:[ \t]*(?:\n[ \t]*)?)`;
const SOME_BLANKS = String.raw`(?:[ \t]+(?:\n[ \t]*)?|\n[ \t]*)`;
const ATTRIBUTE = String.raw`${SOME_BLANKS}[A-Za-z_:][A-Za-z0-9_.:-]*(?:${BLANKS}=${BLANKS}(?:[^ \t\n"'=<>\x60]+|'[^']*'|"[^"]*"))?`;
const INLINE_HTML = new RegExp(
  [
    String.raw`<[A-Za-z][A-Za-z0-9-]*(?:${ATTRIBUTE})*${BLANKS}\/?>`,
    String.raw`<\/[A-Za-z][A-Za-z0-9-]*${BLANKS}>`,
    String.raw`<!--[\s\S]*?-->`,
    String.raw`<\?[\s\S]*?\?>`,
    '<![A-Za-z][^>]*>',
    String.raw`<!\[CDATA\[[\s\S]*?\]\]>`,
    String.raw`<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\x00-\x20<>]*>`,
    String.raw`<[A-Za-z0-9.!#$%&'*+/=?^_\x60{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>`,
  ].join('|'),
  'y',
);
/** Longer raw HTML than this is not looked for (it keeps a paragraph full of "<" linear). */
const MAX_INLINE_HTML = 4000;

/**
 * `src` with its raw HTML and autolinks blanked (offsets kept), except a "<" in what may be a link's
 * destination (`](<b>)`, `](/x<y>)`), which the link reads first.
 */
function maskInlineHtml(src: string): string {
  let out: string[] | undefined;
  let at = 0;
  const zones = new DestinationZones(src);
  for (let q = src.indexOf('<'); q >= 0; q = src.indexOf('<', q + 1)) {
    if (isEscaped(src, q, 0) || zones.holds(q)) continue;
    const window = src.slice(q, q + MAX_INLINE_HTML);
    INLINE_HTML.lastIndex = 0;
    const m = INLINE_HTML.exec(window);
    if (!m) continue;
    (out ??= []).push(src.slice(at, q), src.slice(q, q + m[0].length).replace(/[^\n]/g, ' '));
    at = q + m[0].length;
    q = at - 1;
  }
  if (!out) return src;
  out.push(src.slice(at));
  return out.join('');
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** The end of a destination not in angle brackets that starts at `p`: a blank, or the ")" that closes the link. */
function plainDestinationEnd(src: string, p: number): number {
  let depth = 0;
  let k = p;
  while (k < src.length) {
    const ch = src[k];
    if (ch === '\\') {
      k += 2;
      continue;
    }
    if (ch === '(') depth++;
    else if (ch === ')') {
      if (depth === 0) break;
      depth--;
    } else if (isBlank(ch)) break;
    k++;
  }
  return Math.min(k, src.length);
}

/**
 * Where link destinations may be: from each "](" over blanks to the end of a destination there
 * (its ">" when it starts with "<", else a blank or the ")" that closes the link). Asked
 * about positions in increasing order, it walks the text once (a "](" inside the stretch of the one
 * before shares its end).
 */
class DestinationZones {
  private next: number;
  private start = -1;
  private end = -1;

  constructor(private readonly src: string) {
    this.next = src.indexOf('](');
  }

  holds(q: number): boolean {
    while (this.next >= 0 && this.next + 2 <= q) {
      const from = this.next + 2;
      if (from > this.end) {
        let k = from;
        while (isBlank(this.src[k])) k++;
        if (this.src[k] === '<') {
          while (k < this.src.length && this.src[k] !== '>' && this.src[k] !== '\n') k++;
        } else k = plainDestinationEnd(this.src, k);
        this.end = k + 1;
      }
      this.start = from;
      this.next = this.src.indexOf('](', from);
    }
    return q >= this.start && q < this.end;
  }
}

/** After a destination: optional whitespace, an optional quoted or parenthesised title, then ")". */
function closesLink(src: string, p: number): boolean {
  const rest = src.slice(p, p + 2000);
  return /^[ \t]*(?:\n[ \t]*)?(?:(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\))[ \t]*(?:\n[ \t]*)?)?\)/.test(rest);
}

/**
 * For every "]" of the text, the "[" that opens it (-1 when none does), matched in one pass with a
 * stack: a blank line closes every open bracket, a backslash escapes the character after it.
 */
function bracketPairs(src: string): Int32Array {
  const out = new Int32Array(src.length).fill(-1);
  const open: number[] = [];
  // Character codes, not one-character strings: this reads every character of a linked paragraph.
  let before = -1; // the code before j
  let before2 = -1; // the one before that
  for (let j = 0; j < src.length; j++) {
    const ch = src.charCodeAt(j);
    if (!(before === 92 && before2 !== 92)) {
      if (ch === 91) open.push(j);
      else if (ch === 93) out[j] = open.length ? open.pop()! : -1;
      else if (ch === 10 && before === 10) open.length = 0;
    }
    before2 = before;
    before = ch;
  }
  return out;
}

// The container prefix (block quote markers, list markers) is matched one marker at a time, each
// taken whole (`(?=(...))\2`: JavaScript's way to write an atomic group), which matches what the
// plain repetition matches but cannot backtrack: the spaces between two markers could otherwise be
// split between them in exponentially many ways before a line like "  -   -   - ... ]: x" fails
// (test/unit/inline.test.ts compares it with the plain form on generated lines).
const REFERENCE_DEFINITION = /^((?:(?=([ \t]*>[ \t]?|[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+))\2)*[ \t]{0,3}\[((?:[^\]\\]|\\.)+)\]:[ \t]*)(<[^>\n]*>|\S+)/;

/** A link reference definition `[label]: destination` on a line no block claims. */
export function referenceDefinition(line: string, lineStart: number): (LinkDestination & { label: string }) | undefined {
  const m = REFERENCE_DEFINITION.exec(line);
  if (!m) return undefined;
  let dest = m[4];
  let offset = m[1].length;
  if (dest.startsWith('<')) {
    dest = dest.slice(1, -1);
    offset++;
  }
  return {
    kind: 'definition',
    label: m[3],
    target: dest,
    image: false,
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
