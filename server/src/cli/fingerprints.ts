// Fingerprints: one stable identifier per finding, for CI reports (GitLab Code Quality, SARIF) and
// baselines. (Replaced by a content-based fingerprint that survives unrelated edits: issue 11.)

import { createHash } from 'node:crypto';
import type { Diagnostic } from '../core/diagnostic';
import { relativePath } from '../core/paths';

/** Fingerprints for every finding of a run, relative to `root` so that they do not depend on where the checkout is. */
export function fingerprints(root: string, diagnostics: Diagnostic[]): Map<Diagnostic, string> {
  const out = new Map<Diagnostic, string>();
  for (const d of diagnostics) {
    const key = `${relativePath(root, d.file)}\0${d.code}\0${d.range.start.line}\0${d.range.start.character}\0${d.message}`;
    out.set(d, createHash('sha256').update(key).digest('hex').slice(0, 32));
  }
  return out;
}
