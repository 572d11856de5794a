// The JSON report: {"files": <files checked>, "diagnostics": [...]}, positions 1-based, paths
// relative to the working directory; with --baseline also "baseline": {"file", "known" (findings it
// lists, not reported), "fixed": [its entries no longer found]}.

import type { BaselineOutcome } from '../baseline';
import { displayPath, type ReportInput } from './report';

export interface JsonReport {
  files: number;
  diagnostics: {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: string;
    code: string;
    message: string;
  }[];
  baseline?: BaselineOutcome;
}

export function toJson(input: ReportInput): JsonReport {
  return {
    files: input.files.length,
    diagnostics: input.diagnostics.map((d) => ({
      file: displayPath(input.cwd, d.file),
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
      severity: d.severity,
      code: d.code,
      message: d.message,
    })),
    ...(input.baseline ? { baseline: input.baseline } : {}),
  };
}

export function jsonReport(input: ReportInput): string {
  return JSON.stringify(toJson(input), null, 2) + '\n';
}
