// Fingerprints: one stable identifier per finding, for CI reports (GitLab Code Quality, SARIF) and
// baselines. The core says what identifies a finding (core/findingIdentity.ts: the file relative to
// its site root, the rule, the nearest heading, the text at the range, an occurrence counter; never a
// line number); here that key is hashed, so a line inserted above a finding leaves its fingerprint as
// it was.

import { createHash } from 'node:crypto';
import { type Diagnostic, findingKeys, type KnownContext, type Workspace } from '../core';

/** 32 hex digits (128 bits of SHA-256), the length GitLab's own examples use. */
export function fingerprints(workspace: Workspace, diagnostics: Diagnostic[], known?: KnownContext): Map<Diagnostic, string> {
  const out = new Map<Diagnostic, string>();
  for (const [d, key] of findingKeys(workspace, diagnostics, known)) out.set(d, createHash('sha256').update(key).digest('hex').slice(0, 32));
  return out;
}
