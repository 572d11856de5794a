// The report formats, by name (the values of --format).

import type { ReportFormat } from '../options';
import { codeQualityReport } from './codequality';
import { jsonReport } from './json';
import { junitReport } from './junit';
import type { ReportInput } from './report';
import { sarifReport } from './sarif';
import { textReport } from './text';

export const REPORTS: Record<ReportFormat, (input: ReportInput) => string> = {
  text: textReport,
  json: jsonReport,
  codequality: codeQualityReport,
  sarif: sarifReport,
  junit: junitReport,
};

export type { ReportInput } from './report';
