// Heading ids exactly as Hugo (Goldmark, autoHeadingIDType "github") builds them, checked against
// Hugo 0.111 builds (see test/hugo/):
// - the id comes from the heading's raw source text (its last line for setext headings) with inline
//   markup left in: `[a](http://x)` contributes "ahttpx";
// - with enableEmoji, known `:emoji:` codes are replaced before anything else, and emoji are dropped;
// - letters (any script), digits and "_" are kept and lower-cased, " " and "-" become "-", anything
//   else is dropped; an empty result becomes "heading";
// - a repeated id gets "-1", "-2", ...; `{#custom}` ids are kept as written, never de-duplicated, but
//   reserve their id so that a later automatic one gets a suffix.

import emojiCodes from './hugo-emoji-codes.json';

const EMOJI = new Set<string>(emojiCodes as string[]);
const EMOJI_MAX = Math.max(...(emojiCodes as string[]).map((c) => c.length)) + 2;

/** Removes the `:code:` emoji Hugo knows (enableEmoji), mirroring its left-to-right scan. */
export function stripEmojiCodes(text: string): string {
  if (text.indexOf(':') < 0) return text;
  let out = '';
  let last = 0;
  let i = text.indexOf(':');
  while (i >= 0) {
    const j = text.indexOf(':', i + 1);
    if (j < 0 || j - i > EMOJI_MAX) break;
    const key = text.slice(i + 1, j);
    if (key && !/\s/.test(key) && EMOJI.has(key)) {
      out += text.slice(last, i);
      last = j + 1;
      i = text.indexOf(':', j + 1);
    } else {
      i = j;
    }
  }
  return out + text.slice(last);
}

const LETTER_OR_DIGIT = /[\p{L}\p{Nd}_]/u;

/** Hugo's github-style anchor for a heading text (without de-duplication). */
export function githubAnchor(raw: string): string {
  const text = stripEmojiCodes(raw).trim();
  let id = '';
  for (const ch of text) {
    if (ch === ' ' || ch === '-') id += '-';
    else if (LETTER_OR_DIGIT.test(ch)) {
      // Go lower-cases rune by rune: take one code point even where JavaScript's rules give more.
      const lower = ch.toLowerCase();
      id += lower.length > ch.length ? String.fromCodePoint(lower.codePointAt(0)!) : lower;
    }
  }
  return id;
}

/** The id namespace of one rendered page. */
export class AnchorRegistry {
  private readonly used = new Set<string>();

  /** A `{#custom}` id: kept as written. */
  custom(id: string): string {
    this.used.add(id);
    return id;
  }

  /** An automatic id for heading text, de-duplicated against every id handed out so far. */
  auto(rawText: string): string {
    const base = githubAnchor(rawText) || 'heading';
    if (!this.used.has(base)) {
      this.used.add(base);
      return base;
    }
    for (let n = 1; ; n++) {
      const candidate = `${base}-${n}`;
      if (!this.used.has(candidate)) {
        this.used.add(candidate);
        return candidate;
      }
    }
  }
}

export interface HeadingText {
  /** Text Hugo builds the id from (attributes and closing hashes removed). */
  text: string;
  /** Offsets of `text` within the given line. */
  start: number;
  end: number;
  /** `{#id}` from a trailing attribute block. */
  customId?: string;
  /** Offsets of the whole `{...}` attribute block within the line. */
  attributeStart?: number;
}

/**
 * Reads a heading's text from its source line. For ATX headings the line starts (after any container
 * prefix) with the hashes; `contentHint` is markdown-it's content, used to find where the text starts
 * inside containers such as list items and block quotes.
 */
export function headingText(line: string, atx: boolean, contentHint: string): HeadingText {
  let start: number;
  if (atx) {
    const m = /^(.*?)(#{1,6})(?=[ \t]|$)/.exec(line);
    start = m ? m[0].length : 0;
  } else {
    const firstWord = contentHint.split('\n').pop()!.trim().slice(0, 8);
    start = firstWord ? Math.max(0, line.indexOf(firstWord)) : 0;
  }
  let end = line.length;
  while (start < end && isBlank(line[start])) start++;
  while (end > start && isBlank(line[end - 1])) end--;
  let customId: string | undefined;
  let attributeStart: number | undefined;
  if (line[end - 1] === '}') {
    const open = line.lastIndexOf('{', end - 1);
    if (open >= start) {
      const attrs = parseAttributes(line.slice(open + 1, end - 1));
      if (attrs) {
        customId = attrs.id;
        attributeStart = open;
        end = open;
        while (end > start && isBlank(line[end - 1])) end--;
      }
    }
  }
  if (atx) {
    // A closing sequence of hashes, preceded by a space (or making up the whole text).
    let e = end;
    while (e > start && line[e - 1] === '#') e--;
    if (e < end && (e === start || isBlank(line[e - 1]))) {
      end = e;
      while (end > start && isBlank(line[end - 1])) end--;
    }
  }
  return { text: line.slice(start, end), start, end, customId, attributeStart };
}

function isBlank(c: string): boolean {
  return c === ' ' || c === '\t';
}

/** Parses Goldmark block attributes (`#id .class key=value key="v"`); undefined when it is not one. */
export function parseAttributes(inner: string): { id?: string; classes: string[] } | undefined {
  const classes: string[] = [];
  let id: string | undefined;
  let i = 0;
  const n = inner.length;
  const skip = () => {
    while (i < n && /\s/.test(inner[i])) i++;
  };
  skip();
  if (i === n) return undefined;
  while (i < n) {
    const c = inner[i];
    if (c === '#' || c === '.') {
      let j = i + 1;
      while (j < n && !/\s/.test(inner[j])) j++;
      const value = inner.slice(i + 1, j);
      if (!value) return undefined;
      if (c === '#') id = value;
      else classes.push(value);
      i = j;
    } else if (/[A-Za-z_:]/.test(c)) {
      let j = i;
      while (j < n && /[\w:.-]/.test(inner[j])) j++;
      if (inner[j] !== '=') return undefined;
      j++;
      if (inner[j] === '"' || inner[j] === "'") {
        const close = inner.indexOf(inner[j], j + 1);
        if (close < 0) return undefined;
        j = close + 1;
      } else {
        const s = j;
        while (j < n && !/[\s"'=<>`]/.test(inner[j])) j++;
        if (j === s) return undefined;
      }
      i = j;
    } else {
      return undefined;
    }
    if (i < n && !/\s/.test(inner[i])) return undefined;
    skip();
  }
  return { id, classes };
}
