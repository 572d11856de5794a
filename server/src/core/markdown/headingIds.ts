// Heading ids exactly as Hugo (Goldmark) builds them, checked against Hugo 0.111 builds (see
// test/hugo/). With autoHeadingIDType "github" (the default):
// - the id comes from the heading's raw source text (its last line for setext headings) with inline
//   markup left in: `[a](http://x)` contributes "ahttpx";
// - with enableEmoji, known `:emoji:` codes are replaced before anything else, and emoji are dropped
//   (a space beside one stays and becomes "-"); Hugo replaces them in the page's own source only, so
//   codes in text that an include brought in stay as they are;
// - letters (any script), digits and "_" are kept and lower-cased, " " and "-" become "-", anything
//   else is dropped; an empty result becomes "heading";
// - a repeated id gets "-1", "-2", ...; `{#custom}` ids are kept as written, never de-duplicated, but
//   reserve their id so that a later automatic one gets a suffix.
// "github-ascii" first removes accents (NFD, marks dropped) and then drops every character that is not
// ASCII; "blackfriday" keeps runs of letters and numbers (any script, \p{L} and \p{N}, no "_") joined
// by one "-" for whatever stands between them (Hugo's markup/goldmark/autoid.go).

import emojiCodes from './hugo-emoji-codes.json';

/** Hugo's markup.goldmark.parser.autoHeadingIDType. */
export type HeadingIdType = 'github' | 'github-ascii' | 'blackfriday';

const EMOJI = new Set<string>(emojiCodes as string[]);
const EMOJI_MAX = Math.max(...(emojiCodes as string[]).map((c) => c.length)) + 2;

/** Removes the `:code:` emoji Hugo knows (enableEmoji), mirroring its left-to-right scan; `replacement` stands for the emoji. */
export function stripEmojiCodes(text: string, replacement = ''): string {
  if (text.indexOf(':') < 0) return text;
  let out = '';
  let last = 0;
  let i = text.indexOf(':');
  while (i >= 0) {
    const j = text.indexOf(':', i + 1);
    if (j < 0 || j - i > EMOJI_MAX) break;
    const key = text.slice(i + 1, j);
    if (key && !/\s/.test(key) && EMOJI.has(key)) {
      out += text.slice(last, i) + replacement;
      last = j + 1;
      i = text.indexOf(':', j + 1);
    } else {
      i = j;
    }
  }
  return out + text.slice(last);
}

const LETTER_OR_DIGIT = /[\p{L}\p{Nd}_]/u;
// Go's unicode.IsSpace, which bytes.TrimSpace uses: unlike JavaScript's trim it takes U+0085 (NEL)
// and leaves U+FEFF (checked with Hugo 0.111).
const GO_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

/** A stretch of heading text, and whether Hugo replaced its `:emoji:` codes (page text) or not (included text). */
export interface HeadingTextPiece {
  text: string;
  emoji: boolean;
}

/** Hugo's github-style anchor for a heading text (without de-duplication). */
export function githubAnchor(raw: string | HeadingTextPiece[]): string {
  return headingAnchor(raw, 'github');
}

// An emoji stands for itself in the text the id is made from: no letter, digit or space (every
// style drops it, and blackfriday separates the words beside it).
const EMOJI_MARK = '\u2605';
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** Hugo's anchor for a heading text in the given autoHeadingIDType (without de-duplication). */
export function headingAnchor(raw: string | HeadingTextPiece[], type: HeadingIdType): string {
  const pieces = typeof raw === 'string' ? [{ text: raw, emoji: true }] : raw;
  // Hugo trims the text (Go's bytes.TrimSpace) after it replaced the codes in the page source: an
  // emoji at either end is not trimmed away, so the space beside it survives.
  const whole = pieces.map((p) => p.text).join('');
  let from = 0;
  let to = whole.length;
  while (from < to && GO_SPACE.test(whole[from])) from++;
  while (to > from && GO_SPACE.test(whole[to - 1])) to--;
  let text = '';
  let at = 0;
  for (const p of pieces) {
    const t = p.text.slice(Math.max(0, from - at), Math.max(0, to - at));
    text += p.emoji ? stripEmojiCodes(t, EMOJI_MARK) : t;
    at += p.text.length;
  }
  if (type === 'blackfriday') return blackfridayAnchor(text);
  if (ASCII_ONLY.test(text)) return asciiAnchor(text);
  const ascii = type === 'github-ascii';
  // Hugo removes accents (text.RemoveAccents: NFD, marks dropped, NFC) before it trims; the trim
  // above is the same, as marks are no spaces.
  if (ascii)
    text = text
      .normalize('NFD')
      .replace(/\p{Mn}/gu, '')
      .normalize('NFC');
  let id = '';
  for (const ch of text) {
    if (ascii && ch.charCodeAt(0) > 0x7f) continue;
    if (ch === ' ' || ch === '-') id += '-';
    else if (LETTER_OR_DIGIT.test(ch)) {
      // Go lower-cases rune by rune: take one code point even where JavaScript's rules give more.
      const lower = ch.toLowerCase();
      id += lower.length > ch.length ? String.fromCodePoint(lower.codePointAt(0)!) : lower;
    }
  }
  return id;
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * The github id of an ASCII text (most headings), by character code: the same as the general
 * loop, which tests each character against a Unicode class (accents to remove there are none).
 */
function asciiAnchor(text: string): string {
  let id = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x2d) id += '-';
    else if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f) id += text[i];
    else if (c >= 0x41 && c <= 0x5a) id += String.fromCharCode(c + 0x20);
  }
  return id;
}

/** blackfriday.SanitizedAnchorName: letters and numbers lower-cased, one "-" for each stretch of anything else between them. */
function blackfridayAnchor(text: string): string {
  let id = '';
  let dash = false;
  for (const ch of text) {
    if (LETTER_OR_NUMBER.test(ch)) {
      if (dash && id) id += '-';
      dash = false;
      const lower = ch.toLowerCase();
      id += lower.length > ch.length ? String.fromCodePoint(lower.codePointAt(0)!) : lower;
    } else dash = true;
  }
  return id;
}

/** The id namespace of one rendered page. */
export class AnchorRegistry {
  private readonly used = new Set<string>();

  constructor(private readonly type: HeadingIdType = 'github') {}

  /** A `{#custom}` id: kept as written. */
  custom(id: string): string {
    this.used.add(id);
    return id;
  }

  /** An automatic id for heading text, de-duplicated against every id handed out so far. */
  auto(rawText: string | HeadingTextPiece[]): string {
    const base = headingAnchor(rawText, this.type) || 'heading';
    if (!this.used.has(base)) {
      this.used.add(base);
      return base;
    }
    // Ids are never taken back, so every suffix below the last one given for this base is still
    // used: start there (a page with 20,000 equal headings would otherwise try 200 million ids).
    for (let n = this.lastSuffix.get(base) ?? 1; ; n++) {
      const candidate = `${base}-${n}`;
      if (!this.used.has(candidate)) {
        this.used.add(candidate);
        this.lastSuffix.set(base, n);
        return candidate;
      }
    }
  }

  private readonly lastSuffix = new Map<string, number>();
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
 * inside containers such as list items and block quotes. Without `titleAttributes` (Hugo's
 * markup.goldmark.parser.attribute.title false) a trailing `{#id}` is part of the text.
 */
export function headingText(line: string, atx: boolean, contentHint: string, titleAttributes = true): HeadingText {
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
  const trimEnd = (e: number) => {
    while (e > start && isBlank(line[e - 1])) e--;
    return e;
  };
  let customId: string | undefined;
  let attributeStart: number | undefined;
  let hasId = false;
  const useAttributes = (open: number, attrs: { id?: string }) => {
    attributeStart = open;
    if (attrs.id !== undefined) {
      customId = attrs.id;
      hasId = true;
    }
  };
  if (atx) {
    // Goldmark (Hugo 0.111) first tries "text ## {attrs}": the first closing-looking run of hashes
    // followed by nothing but an attribute block.
    const closing = titleAttributes ? firstClosingSequence(line, start, end) : undefined;
    const attrs = closing ? trailingAttributes(line, closing.end, end, true) : undefined;
    if (closing && attrs) {
      useAttributes(attrs.open, attrs.attributes);
      end = trimEnd(closing.start);
    } else {
      // Otherwise a closing sequence of hashes, preceded by a space (or making up the whole text), goes.
      let e = end;
      while (e > start && line[e - 1] === '#') e--;
      if (e < end && (e === start || isBlank(line[e - 1]))) end = trimEnd(e);
    }
  }
  // Then, unless it has an id already, an attribute block at the end of the (last) line.
  if (!hasId && titleAttributes) {
    const attrs = trailingAttributes(line, start, end, false);
    if (attrs) {
      useAttributes(attrs.open, attrs.attributes);
      end = trimEnd(attrs.open);
    }
  }
  return { text: line.slice(start, end), start, end, customId, attributeStart };
}

/** The first run of hashes preceded by a blank in line[start, end) (escaped characters skipped). */
function firstClosingSequence(line: string, start: number, end: number): { start: number; end: number } | undefined {
  for (let j = start; j < end - 1; j++) {
    if (line[j] === '\\' && isAsciiPunctuation(line[j + 1])) {
      j++;
      continue;
    }
    if (isBlank(line[j]) && line[j + 1] === '#') {
      let k = j + 1;
      while (k < end && line[k] === '#') k++;
      return { start: j + 1, end: k };
    }
  }
  return undefined;
}

/**
 * An attribute block that ends line[from, end): with `leading`, it must start the stretch (after
 * blanks); otherwise it is the last unescaped `{` of the stretch, as Goldmark's last-line scan takes it.
 */
function trailingAttributes(
  line: string,
  from: number,
  end: number,
  leading: boolean,
): { open: number; attributes: { id?: string; classes: string[] } } | undefined {
  if (line[end - 1] !== '}') return undefined;
  let open: number;
  if (leading) {
    open = from;
    while (open < end && isBlank(line[open])) open++;
    if (line[open] !== '{') return undefined;
  } else {
    open = line.lastIndexOf('{', end - 1);
    if (open < from || line[open - 1] === '\\') return undefined;
  }
  const attributes = parseAttributes(line.slice(open + 1, end - 1));
  return attributes ? { open, attributes } : undefined;
}

function isBlank(c: string): boolean {
  return c === ' ' || c === '\t';
}

function isAsciiPunctuation(c: string | undefined): boolean {
  return c !== undefined && /[!-/:-@[-`{-~]/.test(c);
}

/**
 * Parses what is between the braces of a Goldmark block attribute list, as Goldmark 1.5 (Hugo 0.111)
 * does: `#id` and `.class` values run up to a blank or ASCII punctuation other than `_ - : .` (and
 * may be empty); `name=value` names start with a letter, `_` or `:`, values are double-quoted strings,
 * numbers or bare words; attributes are separated by blanks or a comma; `{}` is an empty list and
 * `{ }` is not one. Undefined when it is not an attribute list.
 */
export function parseAttributes(inner: string): { id?: string; classes: string[] } | undefined {
  const classes: string[] = [];
  let id: string | undefined;
  let i = 0;
  const n = inner.length;
  const skip = () => {
    while (i < n && isBlank(inner[i])) i++;
  };
  while (i < n) {
    skip();
    const c = inner[i];
    if (c === '#' || c === '.') {
      let j = i + 1;
      while (j < n && !isBlank(inner[j]) && (!isAsciiPunctuation(inner[j]) || '_-:.'.includes(inner[j]))) j++;
      const value = inner.slice(i + 1, j);
      if (c === '#') id = value;
      else classes.push(value);
      i = j;
    } else if (c !== undefined && /[A-Za-z_:]/.test(c)) {
      while (i < n && /[A-Za-z0-9_:.-]/.test(inner[i])) i++;
      skip();
      if (inner[i] !== '=') return undefined;
      i++;
      skip();
      const v = attributeValueEnd(inner, i);
      if (v === undefined) return undefined;
      i = v;
    } else {
      return undefined;
    }
    skip();
    if (inner[i] === ',') {
      i++;
      skip();
    }
  }
  return { id, classes };
}

/** Where a Goldmark attribute value starting at `i` ends: a "string", a number or a bare word. */
function attributeValueEnd(s: string, i: number): number | undefined {
  if (s[i] === '"') {
    for (let j = i + 1; j < s.length; j++) {
      if (s[j] === '\\') j++;
      else if (s[j] === '"') return j + 1;
    }
    return undefined;
  }
  const m = /^[-+]?[0-9][0-9.eE+-]*|^[A-Za-z_:][A-Za-z0-9_:.-]*/.exec(s.slice(i));
  return m ? i + m[0].length : undefined;
}
