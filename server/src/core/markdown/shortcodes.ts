// Finds Hugo shortcode calls in a page body with exact spans, following the rules of Hugo's own
// shortcode lexer (parser/pageparser): `{{% name params %}}` and `{{< name params >}}`, closing
// tags `{{% /name %}}`, self-closing `{{< name />}}`, quoted ("...", with \" escapes) and raw
// (`...`) parameters, named parameters, line breaks between parameters, and the escaped form
// `{{</* ... */>}}` that Hugo prints literally.
//
// Hugo runs shortcodes wherever they appear in the body, code blocks and HTML comments included;
// whether a call sits in code is decided later from the Markdown structure (see pageModel.ts).
//
// The scanner is lenient where Hugo is strict: it still extracts the name and parameters of a call
// Hugo would reject (so the editor can help fix it) and records why Hugo rejects it in `problems`.

import { nextLineBreak, type Span } from '../text';

export type Delimiter = '%' | '<';

export interface ShortcodeParam {
  /** For named parameters (`key="value"`). */
  name?: string;
  nameSpan?: Span;
  value: string;
  /** The whole parameter, quotes and name included. */
  span: Span;
  /** The value without its quotes. */
  valueSpan: Span;
  quote: '"' | '`' | '';
}

export interface ShortcodeProblem {
  /** What is wrong and what to do, in one line. */
  message: string;
  /** Why (what Hugo says), for the hover. */
  detail?: string;
  span: Span;
  /** True when Hugo stops the build on this (its lexer errors); false for things Hugo tolerates. */
  fatal: boolean;
  kind:
    | 'unclosed'
    | 'mismatched-delimiter'
    | 'trim-marker'
    | 'unquoted'
    | 'unterminated-string'
    | 'mixed-params'
    | 'bad-character'
    | 'unclosed-comment'
    | 'missing-name'
    | 'dotted-name'
    | 'closing-params'
    | 'inline-nesting';
}

export interface ShortcodeCall {
  span: Span;
  delimiter: Delimiter;
  name: string;
  nameSpan: Span;
  closing: boolean;
  selfClosing: boolean;
  params: ShortcodeParam[];
  problems: ShortcodeProblem[];
  /** A trailing `-` before the right delimiter: Hugo reads it as one more positional parameter. */
  trailingDash?: Span;
}

export interface ShortcodeScan {
  calls: ShortcodeCall[];
  // Escaped {{</* ... */>}} and {{%/* ... */%}} forms: shown literally, never run.
  escaped: Span[];
}

/** How far a call may reach before we call it unclosed (Hugo would scan to the end of the page). */
const MAX_CALL_LENGTH = 4000;

const isNameChar = (c: string): boolean => /[\p{L}\p{Nd}_\-/]/u.test(c);
// Hugo 0.111 accepts letters, digits, "_", "-" and "." in unquoted parameters (checked by building).
const isParamChar = (c: string): boolean => /[\p{L}\p{Nd}_.-]/u.test(c);
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** Scan `text[start, end)` for shortcodes. Offsets in the result are offsets into `text`. */
export function scanShortcodes(text: string, start = 0, end = text.length): ShortcodeScan {
  const calls: ShortcodeCall[] = [];
  const escaped: Span[] = [];
  // Where each escaped form's "*/%}}" or "*/>}}" is next found, remembered so that many unclosed
  // "{{%/*" do not each search the rest of the page.
  const ends = new Map<string, number>();
  const escapeEnd = (right: string, from: number): number => {
    const known = ends.get(right);
    if (known !== undefined && (known < 0 || known >= from)) return known;
    const found = text.indexOf('*/' + right, from);
    ends.set(right, found);
    return found;
  };
  let i = text.indexOf('{{', start);
  while (i >= 0 && i < end) {
    const d = text[i + 2];
    if (d !== '%' && d !== '<') {
      i = text.indexOf('{{', i + 2);
      continue;
    }
    const delimiter = d as Delimiter;
    const right = delimiter === '%' ? '%}}' : '>}}';
    // The escaped form: {{</* ... */>}}
    if (text.startsWith('/*', i + 3)) {
      const close = escapeEnd(right, i + 5);
      if (close < 0 || close > end) {
        const lineEnd = endOfLine(text, i, end);
        calls.push(
          problemCall(i, lineEnd, delimiter, {
            kind: 'unclosed-comment',
            fatal: true,
            span: { start: i, end: lineEnd },
            message: `Escaped shortcode not closed: end it with */${right}.`,
            detail: 'Hugo stops the build ("comment must be closed").',
          }),
        );
        i = text.indexOf('{{', lineEnd);
        continue;
      }
      escaped.push({ start: i, end: close + 2 + right.length });
      i = text.indexOf('{{', close + 2 + right.length);
      continue;
    }
    const call = lexCall(text, i, delimiter, end);
    calls.push(call);
    i = text.indexOf('{{', Math.max(call.span.end, i + 3));
  }
  markInlineNesting(calls);
  return { calls, escaped };
}

/** A call between an inline shortcode (`{{< name.inline >}}`) and its closing tag: Hugo stops the build. */
function markInlineNesting(calls: ShortcodeCall[]): void {
  let open: ShortcodeCall | undefined;
  for (const c of calls) {
    if (!open) {
      if (c.name.endsWith('.inline') && !c.closing && !c.selfClosing) open = c;
      continue;
    }
    if (c.closing && c.name === open.name) {
      open = undefined;
      continue;
    }
    c.problems.push({
      kind: 'inline-nesting',
      fatal: true,
      span: c.span,
      message: `An inline shortcode holds no other shortcode call: move this one out of "${open.name}".`,
      detail: 'Hugo stops the build ("inline shortcodes do not support nesting").',
    });
  }
}

function endOfLine(text: string, from: number, end: number): number {
  return Math.min(nextLineBreak(text, from), end);
}

function problemCall(start: number, end: number, delimiter: Delimiter, problem: ShortcodeProblem): ShortcodeCall {
  return {
    span: { start, end },
    delimiter,
    name: '',
    nameSpan: { start: start + 3, end: start + 3 },
    closing: false,
    selfClosing: false,
    params: [],
    problems: [problem],
  };
}

function lexCall(text: string, start: number, delimiter: Delimiter, end: number): ShortcodeCall {
  const right = delimiter === '%' ? '%}}' : '>}}';
  const wrongRight = delimiter === '%' ? '>}}' : '%}}';
  const limit = Math.min(end, start + MAX_CALL_LENGTH);
  const problems: ShortcodeProblem[] = [];
  const params: ShortcodeParam[] = [];
  let name = '';
  let nameSpan: Span = { start: start + 3, end: start + 3 };
  let closing = false;
  let selfClosing = false;
  let trailingDash: Span | undefined;
  let named: boolean | undefined;
  let p = start + 3;

  const skipSpace = () => {
    while (p < limit && isSpace(text[p])) p++;
  };
  const finish = (endOffset: number): ShortcodeCall => ({
    span: { start, end: endOffset },
    delimiter,
    name,
    nameSpan,
    closing,
    selfClosing,
    params,
    problems,
    trailingDash,
  });

  skipSpace();
  if (text[p] === '-' && p < limit) {
    // The whole run of dashes, so that removing it leaves none ("{{%--" is the same mistake).
    let run = p + 1;
    while (text[run] === '-' && run < limit) run++;
    problems.push({
      kind: 'trim-marker',
      fatal: true,
      span: { start: p, end: run },
      message: `"{{${delimiter}-" is not a trim marker: remove the "-".`,
      detail: `Hugo shortcodes have no trim markers: Hugo stops the build ("unrecognized character in shortcode action: U+002D '-'").`,
    });
    p = run;
    skipSpace();
  }
  if (text[p] === '/') {
    closing = true;
    p++;
    skipSpace();
  }
  const nameStart = p;
  while (p < limit && (isNameChar(text[p]) || (text[p] === '.' && text.startsWith('.inline', p)))) {
    if (text[p] === '.') p += '.inline'.length;
    else p++;
  }
  // A trailing "/" belongs to a self-closing marker, not to the name: {{< name />}}
  while (p > nameStart && text[p - 1] === '/' && (text.startsWith(right, p) || text.startsWith(wrongRight, p))) p--;
  name = text.slice(nameStart, p);
  nameSpan = { start: nameStart, end: p };
  if (name && text[p] === '.') {
    // {{< name.Inline >}}, {{< name.x >}}: the lexer reads the "." as part of the name.
    let dotted = p;
    while (dotted < limit && (isNameChar(text[dotted]) || text[dotted] === '.')) dotted++;
    problems.push({
      kind: 'dotted-name',
      fatal: true,
      span: { start: nameStart, end: dotted },
      message: `"${text.slice(nameStart, dotted)}" is no shortcode name: a "." is only for an inline shortcode ("${name}.inline").`,
      detail: 'Hugo stops the build ("period in shortcode name only allowed for inline identifiers").',
    });
    p = dotted;
  }
  if (!name) {
    problems.push({
      kind: 'missing-name',
      fatal: true,
      span: { start, end: Math.max(p, start + 3) },
      message: 'Shortcode call without a name: name the shortcode, or remove the braces.',
      detail: 'Hugo stops the build on a call with no shortcode name.',
    });
  }

  for (;;) {
    skipSpace();
    if (p >= limit) {
      const lineEnd = endOfLine(text, start, end);
      // An unterminated string already says why the call never closes.
      if (problems.some((x) => x.kind === 'unterminated-string')) return finish(Math.max(lineEnd, nameSpan.end));
      problems.push({
        kind: 'unclosed',
        fatal: true,
        span: { start, end: lineEnd },
        message: `Shortcode not closed: end it with ${right}.`,
        detail: 'Hugo stops the build ("unclosed shortcode action").',
      });
      return finish(Math.max(lineEnd, nameSpan.end));
    }
    if (text.startsWith(right, p)) {
      if (closing && params.length) {
        problems.push({
          kind: 'closing-params',
          fatal: true,
          span: { start: params[0].span.start, end: params[params.length - 1].span.end },
          message: `A closing tag takes no parameters: remove ${params.length === 1 ? 'this one' : 'these'}.`,
          detail: 'Hugo stops the build ("unclosed shortcode").',
        });
      }
      return finish(p + 3);
    }
    if (text.startsWith(wrongRight, p)) {
      problems.push({
        kind: 'mismatched-delimiter',
        fatal: true,
        span: { start: p, end: p + 3 },
        message: `Opened with {{${delimiter} but closed with ${wrongRight}: close it with ${right}.`,
        detail: 'Hugo stops the build on a call whose delimiters do not match.',
      });
      return finish(p + 3);
    }
    if (text[p] === '/' && (text.startsWith(right, p + 1) || text.startsWith(wrongRight, p + 1))) {
      selfClosing = true;
      p++;
      continue;
    }
    if (text[p] === '-' && (text.startsWith(right, p + 1) || isSpace(text[p + 1] ?? ''))) {
      // Hugo lexes a lone "-" as a positional parameter, so "-%}}" passes; remember it for a style hint.
      trailingDash = { start: p, end: p + 1 };
      p++;
      continue;
    }
    const paramStart = p;
    let paramName: string | undefined;
    let paramNameSpan: Span | undefined;
    if (isParamChar(text[p])) {
      let q = p;
      while (q < limit && isParamChar(text[q])) q++;
      // Hugo allows spaces around "=": role = "x".
      let e = q;
      while (e < limit && (text[e] === ' ' || text[e] === '\t')) e++;
      if (text[e] === '=') {
        paramName = text.slice(p, q);
        paramNameSpan = { start: p, end: q };
        p = e + 1;
        while (p < limit && (text[p] === ' ' || text[p] === '\t')) p++;
      }
    }
    const value = lexValue(text, p, limit, right, wrongRight, problems);
    p = value.end;
    if (named !== undefined && named !== (paramName !== undefined) && !problems.some((x) => x.kind === 'mixed-params')) {
      problems.push({
        kind: 'mixed-params',
        fatal: true,
        span: { start: paramStart, end: p },
        message: 'Named and positional parameters mixed in one call: use one kind.',
        detail: 'Hugo stops the build when one shortcode call has both.',
      });
    }
    named ??= paramName !== undefined;
    params.push({
      name: paramName,
      nameSpan: paramNameSpan,
      value: value.value,
      span: { start: paramStart, end: value.end },
      valueSpan: value.valueSpan,
      quote: value.quote,
    });
  }
}

function lexValue(
  text: string,
  p: number,
  limit: number,
  right: string,
  wrongRight: string,
  problems: ShortcodeProblem[],
): { value: string; valueSpan: Span; quote: '"' | '`' | ''; end: number } {
  const c = text[p];
  if (c === '"' || (c === '\\' && text[p + 1] === '"')) {
    // Opened with \" (as in a shortcode call written inside a Go template string), \" closes it too;
    // opened with ", a \" is a quote inside.
    const escapedOpen = c === '\\';
    const open = escapedOpen ? p + 1 : p;
    let q = open + 1;
    let value = '';
    while (q < limit) {
      const ch = text[q];
      if (ch === '\\' && text[q + 1] === '"') {
        if (escapedOpen) return { value, valueSpan: { start: open + 1, end: q }, quote: '"', end: q + 2 };
        value += '"';
        q += 2;
        continue;
      }
      // A line break ends the string (Hugo: "unterminated quoted string"); a lone CR is kept, as Hugo keeps it.
      if (ch === '"' || ch === '\n' || (ch === '\r' && text[q + 1] === '\n')) break;
      value += ch;
      q++;
    }
    if (text[q] !== '"') {
      problems.push({
        kind: 'unterminated-string',
        fatal: true,
        span: { start: open, end: q },
        message: 'Quoted parameter not closed: end it with " on the same line.',
        detail: 'Hugo stops the build ("unterminated quoted string").',
      });
      return { value, valueSpan: { start: open + 1, end: q }, quote: '"', end: q };
    }
    return { value, valueSpan: { start: open + 1, end: q }, quote: '"', end: q + 1 };
  }
  if (c === '`') {
    const close = text.indexOf('`', p + 1);
    if (close < 0 || close >= limit) {
      const stop = Math.min(nextLineBreak(text, p), limit);
      problems.push({
        kind: 'unterminated-string',
        fatal: true,
        span: { start: p, end: stop },
        message: 'Raw string parameter not closed: end it with `.',
        detail: 'Hugo stops the build ("unterminated raw string").',
      });
      return { value: text.slice(p + 1, stop), valueSpan: { start: p + 1, end: stop }, quote: '`', end: stop };
    }
    return { value: text.slice(p + 1, close), valueSpan: { start: p + 1, end: close }, quote: '`', end: close + 1 };
  }
  // Unquoted: Hugo accepts letters, digits, "_" and "-" only.
  let q = p;
  while (q < limit && !isSpace(text[q]) && !text.startsWith(right, q) && !text.startsWith(wrongRight, q)) {
    if (text[q] === '/' && (text.startsWith(right, q + 1) || text.startsWith(wrongRight, q + 1))) break;
    q++;
  }
  if (q === p) {
    // A character that starts nothing Hugo knows (e.g. a stray quote mark); skip it.
    problems.push({
      kind: 'bad-character',
      fatal: true,
      span: { start: p, end: p + 1 },
      message: `Unexpected character ${JSON.stringify(text[p])} in a shortcode call: remove it.`,
      detail: 'Hugo stops the build on a character that starts no parameter.',
    });
    return { value: '', valueSpan: { start: p, end: p + 1 }, quote: '', end: p + 1 };
  }
  const value = text.slice(p, q);
  if (![...value].every(isParamChar)) {
    problems.push({
      kind: 'unquoted',
      fatal: true,
      span: { start: p, end: q },
      message: `Quote this parameter: ${JSON.stringify(value)}.`,
      detail: 'Hugo accepts only letters, digits, "_", "-" and "." unquoted, and stops the build on anything else.',
    });
  }
  return { value, valueSpan: { start: p, end: q }, quote: '', end: q };
}
