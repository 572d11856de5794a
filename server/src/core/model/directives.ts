// Inline disable comments for our rule codes, in markdownlint's style:
//   <!-- career-lint-disable include-delimiter -->  ... <!-- career-lint-enable include-delimiter -->
//   <!-- career-lint-disable-next-line link-fragment -->
//   <!-- career-lint-disable-line -->            (no codes: every rule)
//   <!-- career-lint-disable-file table-shape -->
// markdownlint's own comments (<!-- markdownlint-disable MD051 -->) do not silence our rules.

import { LineIndex } from '../text';

export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';
  /** Codes named; empty means every code. */
  codes: string[];
  /** 0-based line of the comment. */
  line: number;
  /** Offsets of the comment in the text, and just after its last code (or its keyword): where another code goes. */
  start: number;
  end: number;
  codesEnd: number;
}

const DIRECTIVE = /<!--\s*career-lint-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*?)-->/g;

export function parseDirectives(text: string): Directive[] {
  if (!text.includes('career-lint-')) return [];
  const lines = new LineIndex(text);
  const out: Directive[] = [];
  for (const m of text.matchAll(DIRECTIVE)) {
    out.push({
      kind: m[1] as Directive['kind'],
      codes: m[2].split(/[\s,]+/).filter(Boolean),
      line: lines.positionAt(m.index!).line,
      start: m.index!,
      end: m.index! + m[0].length,
      codesEnd: m.index! + m[0].length - 3 - (m[2].length - m[2].trimEnd().length),
    });
  }
  return out;
}

/** Whether a diagnostic with `code` starting on `line` is silenced by the directives. */
export function isSuppressed(directives: Directive[], code: string, line: number): boolean {
  if (!directives.length) return false;
  const names = (d: Directive) => d.codes.length === 0 || d.codes.includes(code);
  let disabled = false;
  for (const d of directives) {
    if (!names(d)) continue;
    switch (d.kind) {
      case 'disable-file':
        return true;
      case 'disable-line':
        if (d.line === line) return true;
        break;
      case 'disable-next-line':
        if (d.line + 1 === line) return true;
        break;
      case 'disable':
        if (d.line <= line) disabled = true;
        break;
      case 'enable':
        if (d.line <= line) disabled = false;
        break;
    }
  }
  return disabled;
}
