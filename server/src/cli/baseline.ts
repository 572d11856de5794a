// Baselines: a file of the findings a site already has, by fingerprint, so that CI fails only on new
// ones while the old ones are fixed at leisure. --write-baseline FILE records this run's findings;
// --baseline FILE reports (and fails on) only the findings it does not list and names its entries
// that are now fixed. Fingerprints survive unrelated edits (fingerprints.ts), so a line added above
// an old finding does not make it new.
//
// The file is small, versioned JSON, one entry per finding, readable in review:
//   { "format": "career-lint baseline", "version": 1, "toolVersion": "0.1.0",
//     "findings": [{ "fingerprint": "…", "file": "content/a.md", "code": "link-page", "message": "…" }] }
// `file` is relative to the repository root (as in the CI reports); only `fingerprint` is matched.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Diagnostic, INTERNAL_ERROR, relativePath } from '../core';

export const BASELINE_FORMAT = 'career-lint baseline';
export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  fingerprint: string;
  file: string;
  code: string;
  message: string;
}

export interface BaselineFile {
  format: typeof BASELINE_FORMAT;
  version: typeof BASELINE_VERSION;
  toolVersion: string;
  findings: BaselineEntry[];
}

/** What a baseline did to a run. */
export interface BaselineOutcome {
  /** The baseline file as given on the command line. */
  file: string;
  /** Findings of this run that the baseline lists (not reported). */
  known: number;
  /** Baseline entries this run no longer finds. */
  fixed: BaselineEntry[];
}

/** Reads and checks a baseline; anything but a well-formed one is a usage error, never "no baseline". */
export function readBaseline(cwd: string, file: string): { baseline: BaselineFile } | { error: string } {
  const where = `the baseline ${file}`;
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(cwd, file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: `${where} does not exist (write one with --write-baseline ${file}).` };
    return { error: `cannot read ${where}: ${code ?? (e as Error).message}.` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { error: `${where} is not valid JSON (${(e as Error).message}).` };
  }
  const obj = data as Partial<BaselineFile> | null;
  if (!obj || typeof obj !== 'object' || Array.isArray(obj) || obj.format !== BASELINE_FORMAT) {
    return { error: `${where} is not a career-lint baseline (it has no "format": "${BASELINE_FORMAT}").` };
  }
  if (obj.version !== BASELINE_VERSION) {
    return {
      error: `${where} has version ${JSON.stringify(obj.version)}; this career-lint reads version ${BASELINE_VERSION} (write it again with --write-baseline).`,
    };
  }
  if (!Array.isArray(obj.findings)) return { error: `${where} is malformed: "findings" is not an array.` };
  for (const [i, f] of obj.findings.entries()) {
    for (const key of ['fingerprint', 'file', 'code', 'message'] as const) {
      if (typeof (f as Partial<BaselineEntry> | null)?.[key] !== 'string') return { error: `${where} is malformed: findings[${i}] has no "${key}" string.` };
    }
  }
  return { baseline: obj as BaselineFile };
}

/**
 * The findings a baseline does not list (these are reported and decide the exit status), and what it
 * accounted for. A failure of the tool itself (internal-error) is never taken as known. Only entries
 * of the files this run checked (`checked`, relative to the root) can be fixed: a run over some files
 * (paths, --changed-since) says nothing of the others.
 */
export function compareWithBaseline(
  baseline: BaselineFile,
  file: string,
  diagnostics: Diagnostic[],
  fingerprint: (d: Diagnostic) => string,
  checked: ReadonlySet<string>,
): { reported: Diagnostic[]; outcome: BaselineOutcome } {
  const listed = new Set(baseline.findings.map((f) => f.fingerprint));
  const current = new Set(diagnostics.map(fingerprint));
  const reported = diagnostics.filter((d) => d.code === INTERNAL_ERROR || !listed.has(fingerprint(d)));
  const fixed = baseline.findings.filter((f) => checked.has(f.file) && !current.has(f.fingerprint));
  return { reported, outcome: { file, known: diagnostics.length - reported.length, fixed } };
}

/**
 * The baseline of this run's findings (internal-error left out: a failure of the tool is never
 * accepted), keeping the entries of `previous` (the --baseline given) for files this run did not check.
 */
export function baselineOf(
  root: string,
  toolVersion: string,
  diagnostics: Diagnostic[],
  fingerprint: (d: Diagnostic) => string,
  checked: ReadonlySet<string>,
  previous?: BaselineFile,
): BaselineFile {
  const kept = (previous?.findings ?? []).filter((f) => !checked.has(f.file));
  return {
    format: BASELINE_FORMAT,
    version: BASELINE_VERSION,
    toolVersion,
    findings: [
      ...kept,
      ...diagnostics
        .filter((d) => d.code !== INTERNAL_ERROR)
        .map((d) => ({
          fingerprint: fingerprint(d),
          file: relativePath(root, d.file),
          code: d.code,
          message: d.message,
        })),
    ].sort((a, b) => a.file.localeCompare(b.file) || a.fingerprint.localeCompare(b.fingerprint)),
  };
}

export function writeBaseline(cwd: string, file: string, baseline: BaselineFile): { error: string } | undefined {
  try {
    fs.writeFileSync(path.resolve(cwd, file), JSON.stringify(baseline, null, 2) + '\n');
    return undefined;
  } catch (e) {
    return { error: `cannot write the baseline to ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.` };
  }
}

/** What standard error says about a baseline that was applied: how many findings it held back, which entries are fixed. */
export function describeOutcome(outcome: BaselineOutcome): string {
  const n = (k: number, one: string, many = one + 's') => `${k} ${k === 1 ? one : many}`;
  let out =
    `career-lint: ${n(outcome.known, 'finding')} listed in the baseline ${outcome.file} ${outcome.known === 1 ? 'is' : 'are'} not reported; ` +
    `${n(outcome.fixed.length, 'baseline entry', 'baseline entries')} ${outcome.fixed.length === 1 ? 'is' : 'are'} fixed${outcome.fixed.length ? ':' : '.'}\n`;
  for (const f of outcome.fixed) out += `  fixed: ${f.file} ${f.code} ${f.message}\n`;
  return out;
}

/**
 * Whether the run fails: on a reported error finding. With --write-baseline alone the run records
 * the findings rather than judging them, so only a failure of the tool itself (internal-error, never
 * recorded) fails it; with --baseline too, the findings new to that baseline decide.
 */
export function failsRun(options: { baseline?: string; writeBaseline?: string }, reported: Diagnostic[]): boolean {
  const recordingOnly = options.writeBaseline !== undefined && options.baseline === undefined;
  return reported.some((d) => d.severity === 'error' && (!recordingOnly || d.code === INTERNAL_ERROR));
}
