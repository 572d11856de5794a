// examples/handbook as an in-memory site (root /h), so a test can delete or change files freely, and
// a lint helper that reports every diagnostic of a file as `line:col severity code` (1-based).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { MemoryHost } from '../../../server/src/core/host';
import { Workspace } from '../../../server/src/core/workspace';

export const REPO = path.resolve(__dirname, '../../..');
export const ROOT = '/h';
export const EP = `${ROOT}/content/handbook/engineering/careers/matrix/quality/engineering-productivity`;
export const JOB_FAMILY = `${ROOT}/content/job-families/engineering/infrastructure/engineering-productivity-manager.md`;
export const INCLUDES = `${ROOT}/assets/includes/engineering-careers`;

export function exampleFiles(): Record<string, string> {
  const base = path.join(REPO, 'examples/handbook');
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else files[`${ROOT}/${path.relative(base, p).split(path.sep).join('/')}`] = readFileSync(p, 'utf8');
    }
  };
  walk(base);
  return files;
}

/** A workspace over examples/handbook with `changes` applied (a null value deletes the file), its index built. */
export function exampleWorkspace(changes: Record<string, string | null> = {}): { host: MemoryHost; workspace: Workspace } {
  const host = new MemoryHost(exampleFiles());
  for (const [file, text] of Object.entries(changes)) {
    if (text === null) host.delete(file);
    else host.set(file, text);
  }
  const workspace = new Workspace(host);
  workspace.indexSite(workspace.siteFor(`${ROOT}/content/x.md`)!, false);
  return { host, workspace };
}

/** Every diagnostic of `file` with `text` (as if written there), as `line:col severity code`. */
export function findings(workspace: Workspace, file: string, text?: string): string[] {
  return workspace.lint(file, text).diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code}`);
}
