// Lints a fixture site on disk the way the CLI does (pages first, then include files) and formats the
// diagnostics as `path:line:col-line:col severity code` (1-based, path relative to the fixture)
// with the message on the line below and its detail under it. Used by the rule fixtures and the CLI tests.
import * as path from 'node:path';
import type { Diagnostic } from '../../server/src/core/diagnostic';
import { siteLintFiles } from '../../server/src/core/features';
import { Workspace } from '../../server/src/core/workspace';
import { NodeHost, toCorePath } from '../../server/src/node/nodeHost';

export const repoRoot = path.resolve(__dirname, '../..');

export function lintSite(dir: string): { workspace: Workspace; diagnostics: Diagnostic[]; root: string } {
  const root = toCorePath(dir);
  const workspace = new Workspace(new NodeHost());
  const site = workspace.siteFor(`${root}/.`);
  if (!site) throw new Error(`no Hugo site at ${dir}`);
  workspace.indexSite(site);
  const files = siteLintFiles(workspace, site);
  files.sort((a, b) => Number(site.isUnderIncludeRoot(a)) - Number(site.isUnderIncludeRoot(b)) || a.localeCompare(b));
  const diagnostics = files.flatMap((f) => workspace.lint(f).diagnostics);
  return { workspace, diagnostics, root };
}

/**
 * `path:line:col-line:col severity code`, then the message on the next line (indented) and the
 * detail the hover shows on the one after (more indented), so a wording change shows in review.
 */
export function formatLine(d: Diagnostic, root: string): string {
  const r = d.range;
  const file = path.posix.relative(root, d.file);
  return (
    `${file}:${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${d.severity} ${d.code}\n    ${d.message}` +
    (d.detail ? `\n        ${d.detail}` : '')
  );
}
