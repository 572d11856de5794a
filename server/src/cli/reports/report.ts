// What every report format is given: the run's findings with paths and fingerprints ready, so a
// format only lays them out.

import type { Diagnostic } from '../../core/diagnostic';
import { relativePath } from '../../core/paths';
import { fromCorePath } from '../../node/nodeHost';

export interface ReportInput {
  /** The working directory (core path): report paths are relative to it. */
  cwd: string;
  /** career-lint's version. */
  version: string;
  /** The files checked (core paths). */
  files: string[];
  /** The findings reported, sorted. */
  diagnostics: Diagnostic[];
  /** A finding's fingerprint: the same for the same finding from run to run (see fingerprints.ts). */
  fingerprint(d: Diagnostic): string;
}

/** A path as the report shows it: relative to the working directory, in the platform's form. */
export function displayPath(cwd: string, file: string): string {
  return fromCorePath(relativePath(cwd, file));
}
