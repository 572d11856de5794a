// Front matter as Hugo reads it: a YAML block between `---` lines at the very start of the file
// (TOML `+++` and JSON `{...}` blocks are found here and read by frontmatterData.ts, for the page's
// title, URL and aliases; they are not checked against the schemas). YAML is parsed with `yaml`,
// which keeps source ranges, so every key and value can be pointed at exactly. Hugo treats
// top-level keys case-insensitively (`Title` is the title), and so do we.

import { isMap, isPair, isScalar, isSeq, parseDocument, visit, YAMLParseError, type Document, type Node as YamlNode } from 'yaml';
import { escapePointer } from '../jsonPointer';
import { nextLineBreak, type Span } from '../text';

export interface FrontmatterLocation {
  keySpan?: Span;
  valueSpan: Span;
}

export interface FrontmatterProblem {
  /** What is wrong and what to do, in one line. */
  message: string;
  /** Why, for the hover. */
  detail?: string;
  span: Span;
  severity: 'error' | 'warning' | 'info';
}

export interface Frontmatter {
  format: 'yaml' | 'toml' | 'json';
  /** The whole block, fences included. */
  span: Span;
  /** The opening fence line. */
  openSpan: Span;
  /** Between the fences. */
  contentSpan: Span;
  closed: boolean;
  /** Parsed data when it is a YAML mapping; top-level keys lower-cased as Hugo does. */
  data?: Record<string, unknown>;
  /** JSON pointer (`/title`, `/menu/main/weight`, `/aliases/0`) → where it is written. */
  locations: Map<string, FrontmatterLocation>;
  problems: FrontmatterProblem[];
}

export interface FrontmatterSplit {
  frontmatter?: Frontmatter;
  /** Offset where the Markdown body starts. */
  bodyStart: number;
}

export interface SplitOptions {
  /** Read YAML with the parser even where the fast path for simple front matter applies (the tests that compare the two). */
  parser?: boolean;
}

export function splitFrontmatter(text: string, options: SplitOptions = {}): FrontmatterSplit {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fence = /^(---|\+\+\+)[ \t]*(?:\r?\n|\r|$)/.exec(text.slice(bom, bom + 8));
  if (!fence) {
    if (text[bom] === '{') return jsonFrontmatter(text, bom);
    return { bodyStart: 0 };
  }
  const marker = fence[1];
  const openEnd = bom + fence[1].length;
  const contentStart = bom + fence[0].length;
  const close = new RegExp(`^${marker === '---' ? '---' : '\\+\\+\\+'}[ \\t]*$`, 'm');
  const rest = text.slice(contentStart);
  const m = close.exec(rest);
  const format = marker === '---' ? 'yaml' : 'toml';
  if (!m) {
    const fm: Frontmatter = {
      format,
      span: { start: bom, end: text.length },
      openSpan: { start: bom, end: openEnd },
      contentSpan: { start: contentStart, end: text.length },
      closed: false,
      locations: new Map(),
      problems: [
        {
          severity: 'error',
          span: { start: bom, end: openEnd },
          message: `Front matter never closed: add a "${marker}" line after it.`,
          detail: 'Without its closing line the block takes in the whole page, and Hugo cannot read the page.',
        },
      ],
    };
    return { frontmatter: fm, bodyStart: text.length };
  }
  const contentEnd = contentStart + m.index;
  const blockEnd = contentEnd + m[0].length;
  let bodyStart = blockEnd;
  if (text[bodyStart] === '\r') bodyStart++;
  if (text[bodyStart] === '\n') bodyStart++;
  const fm: Frontmatter = {
    format,
    span: { start: bom, end: blockEnd },
    openSpan: { start: bom, end: openEnd },
    contentSpan: { start: contentStart, end: contentEnd },
    closed: true,
    locations: new Map(),
    problems: [],
  };
  // TOML's data is read by readFrontmatterData (frontmatterData.ts), which the page model calls.
  if (format === 'yaml') readYaml(text, fm, options);
  return { frontmatter: fm, bodyStart };
}

function jsonFrontmatter(text: string, start: number): FrontmatterSplit {
  // Hugo's JSON front matter: a JSON object at the start, ending with a "}" line.
  const m = /^\}[ \t]*$/m.exec(text.slice(start));
  if (!m) return { bodyStart: 0 };
  const end = start + m.index + 1;
  const fm: Frontmatter = {
    format: 'json',
    span: { start, end },
    openSpan: { start, end: start + 1 },
    contentSpan: { start, end },
    closed: true,
    locations: new Map(),
    problems: [],
  };
  let bodyStart = end;
  if (text[bodyStart] === '\r') bodyStart++;
  if (text[bodyStart] === '\n') bodyStart++;
  return { frontmatter: fm, bodyStart };
}

/**
 * How deep front matter may nest (mappings, sequences, flow collections) before it is refused. The
 * handbook's deepest is 4; the YAML parser recurses once per level, and a stack that overflows deep
 * inside it can take the whole process down, so a page never gets that far.
 */
export const MAX_FRONTMATTER_DEPTH = 64;

/** How many times aliases may copy anchored values in one front matter (Hugo's YAML reader refuses "excessive aliasing" too). */
export const MAX_FRONTMATTER_ALIASES = 100;

function readYaml(text: string, fm: Frontmatter, options: SplitOptions): void {
  const base = fm.contentSpan.start;
  // YAML breaks lines at CR too, the yaml package only at LF and CRLF: a lone CR becomes LF (same length, same offsets).
  const source = text.slice(base, fm.contentSpan.end).replace(/\r(?!\n)/g, '\n');
  if (!options.parser && readSimpleYaml(source, base, fm)) return;
  const deep = excessiveNesting(source, MAX_FRONTMATTER_DEPTH);
  if (deep !== undefined) {
    const key = topLevelKeyBefore(source, deep);
    fm.problems.push({
      severity: 'warning',
      span: { start: base + key.start, end: base + key.end },
      message: `This value nests more than ${MAX_FRONTMATTER_DEPTH} levels deep: flatten it.`,
      detail: "Such a value is not read, so the page's front matter is not checked.",
    });
    return;
  }
  let doc = parseYamlDocument(source);
  // Hugo's YAML reader accepts quoted values whose continuation lines are not indented (the
  // handbook has several); the yaml package does not. Retry with those lines indented by one space
  // and map offsets back.
  let shift: (offset: number) => number = (o) => o;
  if (doc.errors.some((e) => e.code === 'MISSING_CHAR' || e.code === 'MULTILINE_IMPLICIT_KEY')) {
    const lenient = indentQuotedContinuations(source);
    if (lenient) {
      const retry = parseYamlDocument(lenient.text);
      if (!retry.errors.length) {
        doc = retry;
        shift = lenient.toOriginal;
      }
    }
  }
  for (const e of doc.errors) {
    const [a, b] = e.pos.map(shift);
    fm.problems.push({
      severity: 'error',
      span: errorSpan(source, e.code, a, b, base),
      message: `Invalid YAML in front matter: ${firstLine(e.message)}.`,
      detail: 'Hugo fails to build this page.',
    });
  }
  for (const w of doc.warnings) {
    const [a, b] = w.pos.map(shift);
    fm.problems.push({ severity: 'warning', span: { start: base + a, end: base + Math.max(b, a + 1) }, message: `YAML: ${firstLine(w.message)}` });
  }
  if (doc.errors.length) return;
  const offsets: Offsets = { at: (o) => base + shift(o) };
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
    fm.data = {};
    return;
  }
  if (!isMap(root)) {
    fm.problems.push({
      severity: 'error',
      span: trimEnd(text, nodeSpan(root as YamlNode, offsets) ?? fm.openSpan),
      message: 'Front matter must be a mapping of keys to values (like "title: ...").',
    });
    return;
  }
  const data: Record<string, unknown> = {};
  let js: Record<string, unknown>;
  try {
    js = doc.toJS({ maxAliasCount: MAX_FRONTMATTER_ALIASES }) as Record<string, unknown>;
  } catch (e) {
    // Aliases that copy anchored values too many times ("billion laughs"): point at the first key whose value does it.
    const culprit = root.items.find((item) => {
      try {
        (item.value as YamlNode | null)?.toJS(doc, { maxAliasCount: MAX_FRONTMATTER_ALIASES });
        return false;
      } catch {
        return true;
      }
    });
    const keySpan = nodeSpan(culprit?.key as YamlNode | null, offsets) ?? fm.openSpan;
    const aliases = e instanceof ReferenceError;
    fm.problems.push({
      severity: 'error',
      span: keySpan,
      message: aliases
        ? `This value's aliases (*name) copy anchored values more than ${MAX_FRONTMATTER_ALIASES} times: write the values out.`
        : `This front matter cannot be read (${firstLine(e instanceof Error ? e.message : String(e))}).`,
      ...(aliases ? { detail: 'Hugo refuses such front matter ("excessive aliasing") and fails to build the page.' } : {}),
    });
    return;
  }
  // A key "__proto__" is a key like any other (an assignment would set the object's prototype).
  for (const [k, v] of Object.entries(js)) Object.defineProperty(data, k.toLowerCase(), { value: v, enumerable: true, writable: true, configurable: true });
  for (const item of root.items) {
    if (!isPair(item)) continue;
    const keyNode = item.key as YamlNode | null;
    const rawKey = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const key = rawKey.toLowerCase();
    const value = item.value as YamlNode | null;
    const pointer = '/' + escapePointer(key);
    const keySpan = nodeSpan(keyNode, offsets);
    fm.locations.set(pointer, { keySpan, valueSpan: nodeSpan(value, offsets) ?? keySpan ?? fm.openSpan });
    if (value) collectLocations(value, pointer, offsets, fm.locations);
  }
  fm.data = data;
}

/** Characters the fast path leaves to the parser: tabs, control characters, backslashes, BOMs, non-characters and line separators. */
const NOT_SIMPLE = /[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\\\u2028\u2029\ufeff\ufffe\uffff]/;
/** Plain scalars the YAML 1.2 core schema reads as something other than a string (null, booleans, numbers). */
const NOT_A_STRING =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
/** The first characters of a plain scalar that make it something else (YAML's indicators). */
const INDICATORS = '-?:,[]{}#&*!|>\'"%@`';

/**
 * The front matter most pages have, read without the YAML parser: top-level `key: value` lines
 * (keys of letters, digits, `_` and `-`), each value on its line and one of a double-quoted string
 * without escapes, a single-quoted one without `''`, `true` or `false`, a plain scalar the core
 * schema reads as a string, or a flow list of such double-quoted strings; blank lines and comments
 * between them; or a key alone on its line with a block list of such values below it (blockList).
 * On four thousand pages the parser takes most of the time front matter costs, for
 * two or three lines each. Anything else (an empty value, an indented line, a number, a duplicate
 * key, a comment after a plain value, ...) returns false before touching `fm`, and the parser
 * reads it. What it sets is what the parser's path sets, data and ranges alike
 * (test/unit/frontmatterFast.test.ts compares them on every page of the handbook snapshot and on
 * generated front matter).
 */
export function readSimpleYaml(source: string, base: number, fm: Frontmatter): boolean {
  if (NOT_SIMPLE.test(source)) return false;
  const data: Record<string, unknown> = {};
  const entries: [string, FrontmatterLocation][] = [];
  const keys = new Set<string>();
  const n = source.length;
  let pos = 0;
  while (pos < n) {
    let eol = source.indexOf('\n', pos);
    if (eol < 0) eol = n;
    const end = eol > pos && source.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
    let i = pos;
    while (i < end && source.charCodeAt(i) === 32) i++;
    if (i === end || source.charCodeAt(i) === 35) {
      // A blank line or a comment.
      pos = eol + 1;
      continue;
    }
    if (i !== pos || !isKeyStart(source.charCodeAt(pos))) return false;
    let k = pos + 1;
    while (k < end && isKeyChar(source.charCodeAt(k))) k++;
    if (source.charCodeAt(k) !== 58) return false;
    const key = source.slice(pos, k);
    const lower = key.toLowerCase();
    if (keys.has(key) || lower === '__proto__' || lower === 'null' || lower === 'true' || lower === 'false') return false;
    keys.add(key);
    const pointer = '/' + escapePointer(lower);
    const keySpan = { start: base + pos, end: base + k };
    if (skipSpaces(source, k + 1, end) === end) {
      // `key:` and nothing else on its line: a list of items on the lines below, or the parser's.
      const list = blockList(source, eol + 1);
      if (!list) return false;
      data[lower] = list.values;
      entries.push([pointer, { keySpan, valueSpan: { start: base + list.start, end: base + list.end } }]);
      for (const [j, item] of list.items.entries()) entries.push([`${pointer}/${j}`, { valueSpan: { start: base + item.start, end: base + item.end } }]);
      pos = list.end;
      continue;
    }
    // `key: value`, the value on the same line.
    if (source.charCodeAt(k + 1) !== 32) return false;
    let v = k + 2;
    while (v < end && source.charCodeAt(v) === 32) v++;
    const value = simpleValue(source, v, end);
    if (!value) return false;
    data[lower] = value.value;
    entries.push([pointer, { keySpan, valueSpan: { start: base + v, end: base + value.end } }]);
    for (const [j, item] of (value.items ?? []).entries()) entries.push([`${pointer}/${j}`, { valueSpan: { start: base + item.start, end: base + item.end } }]);
    pos = eol + 1;
  }
  for (const [pointer, location] of entries) fm.locations.set(pointer, location);
  fm.data = data;
  return true;
}

/**
 * A block list of the fast path's scalars from `from` on: lines `- value`, all at the same indent,
 * one after the other, followed by the end or by a line that starts a key at the margin. The list's
 * span runs from its first "-" to the end of its last line, line break included, as the parser's
 * does; undefined for anything else (a blank line or a comment among or right after the items, a
 * nested list, an empty item, ...).
 */
function blockList(source: string, from: number): { values: unknown[]; items: Span[]; start: number; end: number } | undefined {
  const n = source.length;
  const values: unknown[] = [];
  const items: Span[] = [];
  let indent = -1;
  let start = 0;
  let pos = from;
  while (pos < n) {
    let eol = source.indexOf('\n', pos);
    if (eol < 0) eol = n;
    const end = eol > pos && source.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
    const i = skipSpaces(source, pos, end);
    if (source.charCodeAt(i) !== 45 || source.charCodeAt(i + 1) !== 32) break; // not `- ` after the indent
    if (indent < 0) {
      indent = i - pos;
      start = i;
    } else if (i - pos !== indent) return undefined;
    const v = skipSpaces(source, i + 2, end);
    const value = simpleValue(source, v, end);
    if (!value || Array.isArray(value.value)) return undefined;
    values.push(value.value);
    items.push({ start: v, end: value.end });
    pos = eol < n ? eol + 1 : n;
  }
  if (!values.length || (pos < n && !isKeyStart(source.charCodeAt(pos)))) return undefined;
  return { values, items, start, end: pos };
}

function isKeyStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isKeyChar(c: number): boolean {
  return isKeyStart(c) || (c >= 48 && c <= 57) || c === 45;
}

/** A value of the fast path at `v` on a line ending at `end`, or undefined: see readSimpleYaml. */
function simpleValue(source: string, v: number, end: number): { value: unknown; end: number; items?: Span[] } | undefined {
  const c = source[v];
  if (v >= end) return undefined;
  if (c === '"' || c === "'") {
    const close = source.indexOf(c, v + 1);
    if (close < 0 || close >= end || (c === "'" && source[close + 1] === "'")) return undefined;
    return onlyCommentAfter(source, close + 1, end) ? { value: source.slice(v + 1, close), end: close + 1 } : undefined;
  }
  if (c === '[') {
    const values: string[] = [];
    const items: Span[] = [];
    let i = skipSpaces(source, v + 1, end);
    if (source[i] !== ']') {
      for (;;) {
        if (source[i] !== '"') return undefined;
        const close = source.indexOf('"', i + 1);
        if (close < 0 || close >= end) return undefined;
        values.push(source.slice(i + 1, close));
        items.push({ start: i, end: close + 1 });
        i = skipSpaces(source, close + 1, end);
        if (source[i] === ']') break;
        if (source[i] !== ',') return undefined;
        i = skipSpaces(source, i + 1, end);
      }
    }
    return onlyCommentAfter(source, i + 1, end) ? { value: values, end: i + 1, items } : undefined;
  }
  if (INDICATORS.includes(c)) return undefined;
  let last = end;
  while (source.charCodeAt(last - 1) === 32) last--;
  const text = source.slice(v, last);
  if (text.includes(' #') || text.includes(': ') || text.endsWith(':')) return undefined;
  if (NOT_A_STRING.test(text)) return text === 'true' ? { value: true, end: last } : text === 'false' ? { value: false, end: last } : undefined;
  return { value: text, end: last };
}

function skipSpaces(source: string, i: number, end: number): number {
  while (i < end && source.charCodeAt(i) === 32) i++;
  return i;
}

/** True when the rest of a line after a value is spaces, or spaces and a comment. */
function onlyCommentAfter(source: string, i: number, end: number): boolean {
  const after = skipSpaces(source, i, end);
  return after === end || (after > i && source.charCodeAt(after) === 35);
}

/**
 * Parses with the yaml package, then reports duplicate keys itself: the package's own check compares
 * each key with every earlier one (20,000 keys took 4 s), this one uses a set per mapping. Same
 * error, same place.
 */
function parseYamlDocument(source: string): Document.Parsed {
  const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: false, strict: true });
  const duplicates: YAMLParseError[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = pair.key as YamlNode | null;
        const id = isScalar(key) ? (typeof key.value === 'string' ? 's:' + key.value : key.value) : key;
        if (seen.has(id) && key?.range) duplicates.push(new YAMLParseError([key.range[0], key.range[0] + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
        seen.add(id);
      }
    },
  });
  if (duplicates.length) {
    doc.errors.push(...duplicates);
    doc.errors.sort((a, b) => a.pos[0] - b.pos[0]);
  }
  return doc;
}

function collectLocations(node: YamlNode, pointer: string, base: Offsets, out: Map<string, FrontmatterLocation>): void {
  if (isMap(node)) {
    for (const item of node.items) {
      const keyNode = item.key as YamlNode | null;
      const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      const p = `${pointer}/${escapePointer(key)}`;
      const keySpan = nodeSpan(keyNode, base);
      const value = item.value as YamlNode | null;
      out.set(p, { keySpan, valueSpan: nodeSpan(value, base) ?? keySpan ?? { start: base.at(0), end: base.at(0) } });
      if (value) collectLocations(value, p, base, out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const p = `${pointer}/${i}`;
      const span = nodeSpan(item as YamlNode, base);
      if (span) out.set(p, { valueSpan: span });
      if (item) collectLocations(item as YamlNode, p, base, out);
    });
  }
}

function nodeSpan(node: YamlNode | null | undefined, base: Offsets): Span | undefined {
  const r = (node as { range?: [number, number, number] } | null | undefined)?.range;
  if (!r) return undefined;
  return { start: base.at(r[0]), end: base.at(r[1]) };
}

/**
 * A readable span for a YAML error: an unclosed quote points at the quote that opens the value; a
 * one-character position grows to the word there (a duplicate key points at the key); trailing
 * line breaks are left out.
 */
function errorSpan(source: string, code: string, a: number, b: number, base: number): Span {
  if (code === 'MISSING_CHAR') {
    const opened = lastOpeningQuote(source, a);
    if (opened >= 0) {
      return { start: base + opened, end: base + nextLineBreak(source, opened) };
    }
  }
  let start = Math.min(a, source.length);
  let end = Math.max(b, start + 1);
  if (end - start <= 1) {
    while (end < source.length && /[^\s:,[\]{}]/.test(source[end])) end++;
  }
  while (end > start + 1 && /\s/.test(source[end - 1])) end--;
  if (start >= source.length) start = Math.max(0, source.length - 1);
  return { start: base + start, end: base + Math.min(end, source.length) };
}

/** Offset of the quote that opens the value the parser was reading at `pos`, or -1. */
function lastOpeningQuote(source: string, pos: number): number {
  for (let i = Math.min(pos, source.length) - 1; i >= 0; i--) {
    const c = source[i];
    if (
      (c === '"' || c === "'") &&
      /(^|[:\-[,{]\s*)$/.test(
        source
          .slice(Math.max(0, i - 3), i)
          .replace(/^.*\n/, '\n')
          .replace(/^\n/, ''),
      )
    )
      return i;
  }
  return -1;
}

function trimEnd(text: string, span: Span): Span {
  let end = span.end;
  while (end > span.start + 1 && /\s/.test(text[end - 1])) end--;
  return { start: span.start, end };
}

function firstLine(s: string): string {
  return s
    .split('\n')[0]
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/\.$/, '');
}

interface Offsets {
  /** The page offset of an offset into the parsed YAML text. */
  at(offset: number): number;
}

/**
 * Indents by one space every line that continues a quoted scalar but starts at column 0, so that the
 * yaml package reads what Hugo reads. Undefined when there is nothing to change.
 */
export function indentQuotedContinuations(source: string): { text: string; toOriginal: (offset: number) => number } | undefined {
  const inserted: number[] = []; // offsets in the new text where a space was inserted
  let out = '';
  let quote: '"' | "'" | undefined;
  let lineStart = true;
  let atValueStart = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quote && lineStart && c !== '\n' && c !== ' ' && c !== '\t') {
      inserted.push(out.length);
      out += ' ';
    }
    lineStart = false;
    out += c;
    if (c === '\n') {
      lineStart = true;
      atValueStart = false;
      continue;
    }
    if (quote) {
      if (quote === '"' && c === '\\') {
        out += source[++i] ?? '';
      } else if (c === quote) {
        if (quote === "'" && source[i + 1] === "'") out += source[++i];
        else quote = undefined;
      }
      continue;
    }
    if (c === ':' && (source[i + 1] === ' ' || source[i + 1] === '\t')) atValueStart = true;
    else if ((c === '"' || c === "'") && atValueStart) quote = c;
    else if (c !== ' ' && c !== '\t' && c !== '-') atValueStart = false;
  }
  if (!inserted.length) return undefined;
  return {
    text: out,
    toOriginal: (offset) => {
      let k = 0;
      while (k < inserted.length && inserted[k] < offset) k++;
      return offset - k;
    },
  };
}

/**
 * The offset where YAML text nests deeper than `limit` (block indentation levels, `- ` items and
 * flow brackets together), or undefined. A conservative scan, not a parser: quoted strings,
 * comments and block scalars (`|`, `>`) are skipped, so their text never counts.
 */
export function excessiveNesting(source: string, limit: number): number | undefined {
  const indents: number[] = []; // the block levels open at this point, by their indentation
  let flow = 0; // open flow brackets
  let blockScalarIndent = -1; // inside a | or > scalar: the indentation of its parent line
  let pos = 0;
  while (pos < source.length) {
    let eol = nextLineBreak(source, pos);
    let i = pos;
    while (i < eol && source[i] === ' ') i++;
    const indent = i - pos;
    const blank = i >= eol || (source[i] === '#' && flow === 0);
    if (blockScalarIndent >= 0 && (blank || indent > blockScalarIndent)) {
      pos = afterLineBreak(source, eol);
      continue;
    }
    blockScalarIndent = -1;
    if (blank) {
      pos = afterLineBreak(source, eol);
      continue;
    }
    if (flow === 0) {
      while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      // Compact sequence items ("- - x") each open a level.
      while (source[i] === '-' && (source[i + 1] === ' ' || i + 1 >= eol)) {
        indents.push(indent + 1 + (i - pos - indent));
        i += 2;
        while (i < eol && source[i] === ' ') i++;
      }
      if (indents.length > limit) return i;
    }
    // The rest of the line: quotes, comments, flow brackets, and the start of a block scalar.
    let valueStart = flow === 0;
    for (; i < eol; i++) {
      const c = source[i];
      if (c === '"' || c === "'") {
        if (flow === 0 && !valueStart) continue; // a quote inside a plain scalar is text
        i = skipQuoted(source, i);
        // A string that goes on over more lines: go on after it, on the line where it closes.
        if (i >= eol) eol = nextLineBreak(source, i);
        valueStart = false;
        continue;
      }
      if (flow === 0 && valueStart && (c === '&' || c === '!')) {
        // An anchor or a tag before the value: the value still starts after it.
        while (i + 1 < eol && source[i + 1] !== ' ') i++;
        continue;
      }
      if (c === '#' && (i === pos || source[i - 1] === ' ' || source[i - 1] === '\t')) break;
      if (c === ' ' || c === '\t') continue;
      if (flow === 0 && !valueStart) {
        if (c === ':' && (source[i + 1] === ' ' || source[i + 1] === '\t' || i + 1 >= eol)) valueStart = true;
        continue;
      }
      if (c === '[' || c === '{') {
        flow++;
        if (indents.length + flow > limit) return i;
        continue;
      }
      if ((c === ']' || c === '}') && flow > 0) {
        flow--;
        continue;
      }
      if (flow === 0 && (c === '|' || c === '>') && /^[|>][-+0-9]*[ \t]*(#.*)?$/.test(source.slice(i, eol))) {
        blockScalarIndent = indent;
        break;
      }
      if (flow === 0) valueStart = c === '-' || c === '?' ? valueStart : false;
    }
    pos = afterLineBreak(source, eol);
  }
  return undefined;
}

/** Index of the next line's start, given the index of a line break (CRLF is one break). */
function afterLineBreak(source: string, eol: number): number {
  return eol + (source[eol] === '\r' && source[eol + 1] === '\n' ? 2 : 1);
}

/** Index just past a quoted scalar that opens at `i` (quoted scalars may span lines). */
function skipQuoted(source: string, i: number): number {
  const q = source[i];
  for (let j = i + 1; j < source.length; j++) {
    if (q === '"' && source[j] === '\\') j++;
    else if (source[j] === q) {
      if (q === "'" && source[j + 1] === "'") j++;
      else return j;
    }
  }
  return source.length;
}

/** The top-level key line at or before `offset` (its key, or the whole line when it has none). */
function topLevelKeyBefore(source: string, offset: number): Span {
  const startOf = (at: number) => Math.max(source.lastIndexOf('\n', at), source.lastIndexOf('\r', at)) + 1;
  let lineStart = startOf(offset - 1);
  while (lineStart > 0 && /^[ \t-]/.test(source.slice(lineStart, lineStart + 1)))
    lineStart = startOf(lineStart - 1 - (source.slice(lineStart - 2, lineStart) === '\r\n' ? 2 : 1));
  const line = source.slice(lineStart, nextLineBreak(source, lineStart));
  const colon = /^[^\s#][^:]*?(?=:(\s|$))/.exec(line);
  return { start: lineStart, end: lineStart + (colon ? colon[0].length : Math.max(1, line.length)) };
}
