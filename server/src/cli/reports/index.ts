// The report formats, by name (the values of --format).

import type { ReportFormat } from '../options';
import { jsonReport } from './json';
import type { ReportInput } from './report';
import { textReport } from './text';

export const REPORTS: Record<ReportFormat, (input: ReportInput) => string> = {
  text: textReport,
  json: jsonReport,
};

export type { ReportInput } from './report';
