// The text report: one line per finding, `path:line:column severity code message`, 1-based.

import type { Diagnostic } from '../../core';
import { displayPath, type ReportInput } from './report';

export function formatText(d: Diagnostic, cwd: string): string {
  return `${displayPath(cwd, d.file)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`;
}

export function textReport(input: ReportInput): string {
  return input.diagnostics.map((d) => formatText(d, input.cwd) + '\n').join('');
}

/** `25 files checked: 1 error, 20 warnings.` */
export function summary(files: number, diagnostics: Diagnostic[]): string {
  const count = (s: string) => diagnostics.filter((d) => d.severity === s).length;
  const e = count('error');
  const w = count('warning');
  const other = diagnostics.length - e - w;
  return (
    `${files} file${files === 1 ? '' : 's'} checked: ${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}` +
    (other ? `, ${other} other` : '') +
    '.'
  );
}
