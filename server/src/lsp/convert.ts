// Core results → LSP types. Nothing here decides anything.

import { URI } from 'vscode-uri';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { type Diagnostic, type Fix, INTERNAL_ERROR, RULES, ruleDocUrl, type Severity } from '../core';
import { fromCorePath, toCorePath } from '../node/nodeHost';

export const SOURCE = 'career-pages';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function uriToPath(uri: string): string | undefined {
  const u = URI.parse(uri);
  return u.scheme === 'file' ? toCorePath(u.fsPath) : undefined;
}

export function pathToUri(path: string): string {
  return URI.file(fromCorePath(path)).toString();
}

/** The codes with a page in docs/rules/ (a `config` finding of .career-pages.jsonc has none). */
const DOCUMENTED = new Set([...RULES.map((r) => r.code), INTERNAL_ERROR]);

/** What travels in an LSP diagnostic's `data`: the fixes, so that code actions never re-parse. */
export interface DiagnosticData {
  fixes?: Fix[];
  [key: string]: unknown;
}

export function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  const data: DiagnosticData = { ...(d.data ?? {}), fixes: d.fixes };
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    codeDescription: DOCUMENTED.has(d.code) ? { href: ruleDocUrl(d.code) } : undefined,
    source: SOURCE,
    message: d.message,
    relatedInformation: d.related?.map((r) => ({ location: { uri: pathToUri(r.file), range: r.range }, message: r.message })),
    tags: d.tags?.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated)),
    data,
  };
}
