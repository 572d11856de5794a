// What makes a finding the same finding from one version of a page to the next, without its
// position: CI reports (GitLab Code Quality, SARIF) and baselines match findings across runs by it,
// so a line added above a finding must not turn it into a new one. The CLI hashes these keys
// (server/src/cli/fingerprints.ts); the core only reads the page.

import type { Diagnostic } from './diagnostic';
import { compareDiagnostics } from './diagnostic';
import type { PageModel } from './model/pageModel';
import { basename } from './paths';
import { RULES_BY_CODE } from './rules';
import type { Workspace } from './workspace';

/**
 * An identity key per finding, made of:
 * - the file, relative to its site root (so the checkout's location does not count);
 * - the rule code;
 * - the text of the nearest heading at or above the finding written in the same file (a heading
 *   an include brings in does not count: an edit of another file never changes this file's keys);
 * - the text at the finding's range, whitespace-normalised; for a finding with an empty range, or
 *   of a rule whose findings are about the whole file (Rule.wholeFile: the span only marks the first
 *   line), its message instead;
 * - an occurrence counter among findings whose key is otherwise equal, in document order, so two
 *   identical findings on one page stay two.
 * Line and column numbers are never part of it. Severity is not either: a severity configured
 * otherwise leaves a finding the same finding.
 */
export function findingKeys(workspace: Workspace, diagnostics: readonly Diagnostic[], known?: KnownContext): Map<Diagnostic, string> {
  const keys = new Map<Diagnostic, string>();
  const seen = new Map<string, number>();
  const models = new Map<string, PageModel | undefined>();
  const modelOf = (file: string) => {
    if (!models.has(file)) models.set(file, readModel(workspace, file));
    return models.get(file);
  };
  for (const d of [...diagnostics].sort(compareDiagnostics)) {
    const base = [siteRelative(workspace, d.file), d.code, ...(known?.(d) ?? findingContext(modelOf(d.file), d))].join('\u0000');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    keys.set(d, `${base}\u0000${n}`);
  }
  return keys;
}

/**
 * Contexts already known, for findings whose file is not read again (the CLI's cache keeps each
 * reused finding's context with it: it depends on the file's own text only).
 */
export type KnownContext = (d: Diagnostic) => [heading: string, text: string] | undefined;

/** The nearest heading at or above the finding (in its own file) and the text it points at; what of a model it reads is the file and its headings. */
export function findingContext(model: Pick<PageModel, 'file' | 'headings'> | undefined, d: Diagnostic): [heading: string, text: string] {
  if (!model || RULES_BY_CODE.get(d.code)?.wholeFile) return ['', normalizeSpace(d.message)];
  const lines = model.file.lines;
  const start = lines.offsetAt(d.range.start);
  const end = lines.offsetAt(d.range.end);
  const text = normalizeSpace(model.file.text.slice(start, end));
  let heading = '';
  for (const h of model.headings) {
    if (h.file !== model.file.path) continue;
    if (h.lineSpan.start > start) break;
    heading = normalizeSpace(h.text);
  }
  return [heading, text || normalizeSpace(d.message)];
}

function readModel(workspace: Workspace, file: string): PageModel | undefined {
  try {
    return workspace.model(file);
  } catch {
    // A file the core fails to read already carries internal-error; its key falls back to the message.
    return undefined;
  }
}

/** The file relative to its site root; a site root itself (a finding about the whole site) is ".". */
function siteRelative(workspace: Workspace, file: string): string {
  const site = workspace.siteFor(file);
  if (site && file !== site.root) return site.relative(file);
  if (workspace.siteFor(`${file}/.`)?.root === file) return '.';
  return basename(file);
}

function normalizeSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
