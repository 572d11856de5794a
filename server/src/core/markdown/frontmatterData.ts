// The data of TOML (`+++`) and JSON (`{...}`) front matter, as Hugo reads it: the page's title, URL,
// slug and aliases come from it as from YAML. Not checked against the schemas (only YAML front matter
// is: it alone keeps a position for every key), which an `info` finding says. A separate module from
// frontmatter.ts, which the preview's client bundle uses to find the block and which needs neither
// parser.

import { type ParseError, parse as parseJson, printParseErrorCode } from 'jsonc-parser';
import { parse as parseToml } from 'smol-toml';
import { LineIndex, nextLineBreak } from '../text';
import type { Frontmatter } from './frontmatter';

/** Reads a TOML or JSON block's data (or says where it does not parse) into `fm`; YAML is read already. */
export function readFrontmatterData(text: string, fm: Frontmatter): void {
  if (!fm.closed || fm.data !== undefined) return;
  if (fm.format === 'toml') readToml(text, fm);
  else if (fm.format === 'json') readJson(text, fm);
}

const NOT_CHECKED = (format: string) => `${format} front matter is read for the page's title, URL and aliases, but only YAML front matter is checked.`;

/** Top-level keys lower-cased (Hugo reads them case-insensitively), dates as ISO text. */
function frontmatterData(value: unknown): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const plain = (v: unknown): unknown =>
    v instanceof Date
      ? v.toISOString()
      : Array.isArray(v)
        ? v.map(plain)
        : typeof v === 'object' && v !== null
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]))
          : v;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.toLowerCase(), plain(v)]));
}

function readToml(text: string, fm: Frontmatter): void {
  const content = text.slice(fm.contentSpan.start, fm.contentSpan.end);
  try {
    fm.data = frontmatterData(parseToml(content));
    fm.problems.push({ severity: 'info', span: fm.openSpan, message: NOT_CHECKED('TOML') });
  } catch (e) {
    const error = tomlError(content, e);
    const at = Math.min(fm.contentSpan.start + error.at, fm.contentSpan.end);
    const end = Math.max(at, Math.min(nextLineBreak(text, at), fm.contentSpan.end));
    const message = error.message;
    fm.problems.push({
      severity: 'error',
      span: { start: at, end: end > at ? end : Math.min(at + 1, text.length) },
      message: `Invalid TOML in front matter: ${message.replace(/\.$/, '')}.`,
      detail: 'Hugo fails to build this page.',
    });
  }
}

/** Where smol-toml stopped reading `source` (it gives a 1-based line and column), and why. */
export function tomlError(source: string, e: unknown): { at: number; message: string } {
  const err = e as { line?: number; column?: number; message?: string };
  const lines = new LineIndex(source);
  const line = Math.max(0, (err.line ?? 1) - 1);
  const at = line < lines.lineCount ? lines.lineStarts[line] + Math.max(0, (err.column ?? 1) - 1) : source.length;
  const message = String(err.message ?? e)
    .split('\n')[0]
    .replace(/^Invalid TOML document: /, '');
  return { at: Math.min(at, source.length), message };
}

function readJson(text: string, fm: Frontmatter): void {
  const { start, end } = fm.span;
  const errors: ParseError[] = [];
  const value = parseJson(text.slice(start, end), errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length) {
    const e = errors[0];
    fm.problems.push({
      severity: 'error',
      span: { start: start + e.offset, end: Math.min(end, start + e.offset + Math.max(1, e.length)) },
      message: `Invalid JSON in front matter: ${printParseErrorCode(e.error)}.`,
      detail: 'Hugo fails to build this page.',
    });
    return;
  }
  fm.data = frontmatterData(value);
  fm.problems.push({ severity: 'info', span: fm.openSpan, message: NOT_CHECKED('JSON') });
}
