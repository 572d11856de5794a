// Core results → LSP types. Nothing here decides anything.

import { URI } from 'vscode-uri';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { type Diagnostic, type Fix, INTERNAL_ERROR, normalizePath, RULES, ruleDocUrl, type Severity } from '../core';

export const SOURCE = 'career-pages';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

// URIs and the core's paths (absolute, POSIX), one mapping for every host, without Node:
// - file: the file's path as the disk host names it: /home/a/site/x.md; on Windows /c:/a/x.md (the
//   drive in lower case, as VS Code spells it), which NodeHost turns back into c:\a\x.md.
// - any other scheme with a path (a virtual workspace in the browser: vscode-vfs://github/o/r/x.md,
//   vscode-remote://host:8080/w/x.md, memfs:/x.md): the scheme and authority become the first
//   segment, /vscode-vfs:github/o/r/x.md, /memfs:/x.md, so every workspace folder is a tree of its
//   own and the way back is exact. A host that has no such files (NodeHost) finds nothing there.
// A first segment "<scheme of two or more characters>:<authority>" is read back as such a URI; a
// folder of that name at the disk's root would be misread (a drive letter is one character).

/** A URI scheme as RFC 3986 allows it, two characters or more (one is a Windows drive letter). */
const VIRTUAL_ROOT = /^\/([A-Za-z][A-Za-z0-9+.-]+):([^/]*)(\/.*)?$/;

export function uriToPath(uri: string): string | undefined {
  const u = URI.parse(uri);
  if (u.scheme === 'file') {
    const drive = /^\/([A-Za-z]):(\/|$)/.exec(u.path);
    const path = drive ? `/${drive[1].toLowerCase()}:${u.path.slice(3)}` : u.authority ? `/${u.authority}${u.path}` : u.path;
    return normalizePath(path || '/');
  }
  // untitled:Untitled-1 and the like have no path: no file of any site.
  if (!u.path.startsWith('/') || !/^[A-Za-z][A-Za-z0-9+.-]+$/.test(u.scheme)) return undefined;
  return normalizePath(`/${u.scheme}:${u.authority.replace(/%/g, '%25').replace(/\//g, '%2F')}${u.path}`);
}

export function pathToUri(path: string): string {
  const virtual = VIRTUAL_ROOT.exec(path);
  if (virtual && virtual[1].toLowerCase() !== 'file') {
    const authority = virtual[2].replace(/%2F/gi, '/').replace(/%25/g, '%');
    return URI.from({ scheme: virtual[1], authority, path: virtual[3] ?? '/' }).toString();
  }
  return URI.file(path).toString();
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
