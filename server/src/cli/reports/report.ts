// What every report format is given: the run's findings with paths and fingerprints ready, so a
// format only lays them out.

import { existsSync } from 'node:fs';
import { type Diagnostic, dirname, relativePath } from '../../core';
import { fromCorePath } from '../../node/nodeHost';
import type { BaselineOutcome } from '../baseline';

export interface ReportInput {
  /** The working directory (core path): report paths are relative to it. */
  cwd: string;
  /** Where the paths of CI reports (Code Quality, SARIF, JUnit) and baselines start: see reportRoot(). */
  root: string;
  /** career-lint's version. */
  version: string;
  /** The files checked (core paths). */
  files: string[];
  /** The findings reported, sorted (with --baseline, those the baseline does not list). */
  diagnostics: Diagnostic[];
  /** A finding's fingerprint: the same for the same finding from run to run (see fingerprints.ts). */
  fingerprint(d: Diagnostic): string;
  /** With --baseline: how many findings it held back and which of its entries are fixed. */
  baseline?: BaselineOutcome;
}

/** A path as the report shows it: relative to the working directory, in the platform's form. */
export function displayPath(cwd: string, file: string): string {
  return fromCorePath(relativePath(cwd, file));
}

/**
 * The repository root: the nearest folder at or above the working directory that holds `.git` (a
 * folder, or a file in a worktree), else the working directory. GitLab and GitHub read report paths
 * relative to the repository, wherever in it career-lint was started.
 */
export function reportRoot(cwd: string): string {
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (existsSync(fromCorePath(`${dir}/.git`))) return dir;
    if (dirname(dir) === dir) return cwd;
  }
}

/** A path relative to the report root, with `/` on every platform (what CI servers match against the repository). */
export function repositoryPath(input: Pick<ReportInput, 'root'>, file: string): string {
  return relativePath(input.root, file);
}
