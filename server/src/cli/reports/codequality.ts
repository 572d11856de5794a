// The GitLab Code Quality report (`artifacts:reports:codequality`): a JSON array with one object per
// finding, in the subset of the Code Climate format that GitLab reads (docs.gitlab.com, "Code
// Quality report format"): description, check_name, fingerprint, severity (GitLab's words) and
// location.path (relative to the repository) with location.lines.begin. No byte order mark: GitLab's
// parser refuses one. Findings with equal fingerprints show as one entry in GitLab's merge request
// widget, so each finding has its own (fingerprints.ts), and a line added above a finding does not
// make GitLab see it as fixed and new.

import type { Severity } from '../../core';
import { repositoryPath, type ReportInput } from './report';

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number } };
}

/**
 * Errors (the Hugo build fails or the page is broken) are `major`, warnings `minor`, info and hints
 * `info`. `critical` and `blocker` are left to tools that find security problems.
 */
export const CODE_QUALITY_SEVERITY: Record<Severity, CodeQualityIssue['severity']> = {
  error: 'major',
  warning: 'minor',
  info: 'info',
  hint: 'info',
};

export function toCodeQuality(input: ReportInput): CodeQualityIssue[] {
  return input.diagnostics.map((d) => ({
    description: d.message,
    check_name: d.code,
    fingerprint: input.fingerprint(d),
    severity: CODE_QUALITY_SEVERITY[d.severity],
    location: { path: repositoryPath(input, d.file), lines: { begin: d.range.start.line + 1 } },
  }));
}

export function codeQualityReport(input: ReportInput): string {
  return JSON.stringify(toCodeQuality(input), null, 2) + '\n';
}
