// career-lint: the command-line linter on the same core as the language server.
//   career-lint [paths or globs...] [--config FILE] [--format text|json] [--output FILE]
// Exit status: 0 without errors, 1 with errors (a file the tool failed on is one, reported as
// internal-error), 2 on usage or configuration errors, 3 when the tool itself failed outside any file.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import picomatch from 'picomatch';
import { CONFIG_FILE_NAME } from '../core/config';
import { compareDiagnostics, internalError, type Diagnostic } from '../core/diagnostic';
import type { Host } from '../core/host';
import { relativePath } from '../core/paths';
import { RULES } from '../core/rules';
import { findSiteRoot, isSiteRoot } from '../core/site';
import { isMarkdownPath, Workspace, type LintResult, type Site } from '../core/workspace';
import { fromCorePath, NodeHost, toCorePath } from '../node/nodeHost';

export interface CliIo {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  version: string;
  /** The file system (default: the disk). Tests pass one that fails on purpose. */
  host?: Host;
}

export interface JsonReport {
  files: number;
  diagnostics: {
    file: string; line: number; column: number; endLine: number; endColumn: number;
    severity: string; code: string; message: string;
  }[];
}

const USAGE = `Usage: career-lint [paths or globs...] [options]

Checks career-framework, job-family and other pages of a Hugo handbook: includes, anchors,
responsibility tables, front matter and page structure, with Hugo's own semantics.
Without paths it checks the content/ and include folders of the Hugo site around the
current directory.

Options:
  --config FILE        use this configuration file instead of looking for ${CONFIG_FILE_NAME}
  --format text|json   output format (default: text)
  --output FILE        write the report to FILE instead of standard output
  --list-rules         print the rule codes with their default severity and exit
  -h, --help           show this help
  -v, --version        show the version

Exit status: 0 no errors, 1 errors found (internal-error on a file the tool failed on),
2 usage or configuration error, 3 the tool failed outright (please report it).`;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        config: { type: 'string' },
        format: { type: 'string', default: 'text' },
        output: { type: 'string' },
        'list-rules': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (e) {
    io.stderr(`career-lint: ${(e as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    io.stdout(USAGE + '\n');
    return 0;
  }
  if (values.version) {
    io.stdout(io.version + '\n');
    return 0;
  }
  if (values['list-rules']) {
    for (const r of RULES) io.stdout(`${r.code.padEnd(26)} ${r.defaultSeverity.padEnd(8)} ${r.summary}\n`);
    return 0;
  }
  if (values.format !== 'text' && values.format !== 'json') {
    io.stderr(`career-lint: --format must be "text" or "json", not "${values.format}".\n`);
    return 2;
  }
  const host = io.host ?? new NodeHost();
  let configFile: string | undefined;
  if (values.config) {
    configFile = toCorePath(path.resolve(io.cwd, values.config));
    if (host.exists(configFile) !== 'file') {
      io.stderr(`career-lint: configuration file not found: ${values.config}\n`);
      return 2;
    }
  }
  const workspace = new Workspace(host, { configFile });
  const cwd = toCorePath(io.cwd);

  let files: string[];
  if (positionals.length === 0) {
    const root = findSiteRoot(host, `${cwd}/.`);
    if (!root) {
      io.stderr('career-lint: no Hugo site here (no hugo.toml, config.* or content/ and assets/ in this folder or above). Pass the paths to check.\n');
      return 2;
    }
    files = siteFiles(workspace, root);
  } else {
    const found = expandPaths(host, workspace, cwd, positionals);
    if (found.missing.length) {
      io.stderr(found.missing.map((m) => `career-lint: no Markdown files match ${m}\n`).join(''));
      return 2;
    }
    files = found.files;
  }

  // Configuration problems stop the run: the results would not mean what the user asked for.
  const configProblems = new Map<string, Diagnostic[]>();
  for (const f of files) {
    const site = workspace.siteFor(f);
    if (site?.config?.diagnostics.length) configProblems.set(site.config.path, site.config.diagnostics);
  }
  if (configProblems.size) {
    for (const ds of configProblems.values()) for (const d of ds) io.stderr(formatText(d, cwd) + '\n');
    io.stderr('career-lint: fix the configuration file first.\n');
    return 2;
  }

  // The whole site is indexed first (URLs, anchors, who includes what), so that cross-page links,
  // unused include files and the ladder checks see every page; the models are kept for the checks.
  const sites = new Set<Site>();
  for (const f of files) {
    const site = workspace.siteFor(f);
    if (site) sites.add(site);
  }
  const diagnostics: Diagnostic[] = [];
  for (const site of sites) {
    try {
      workspace.indexSite(site);
    } catch (e) {
      // Without a complete index the site-wide checks are incomplete: say so, check the rest.
      diagnostics.push(internalError(site.root, 'indexing the site (links to other pages and unused include files are not checked)', e));
    }
  }
  // Pages, then include files: an include file's links are checked on the pages that include it.
  const ordered = [...files].sort((a, b) => Number(isIncludeFile(workspace, a)) - Number(isIncludeFile(workspace, b)) || a.localeCompare(b));
  let checked = 0;
  for (const f of ordered) {
    let result: LintResult;
    try {
      result = workspace.lint(f);
    } catch (e) {
      // A failure on one file is reported on that file; the run goes on.
      result = { file: f, diagnostics: [internalError(f, 'checking this file', e)] };
    }
    if (result.skipped) {
      io.stderr(`career-lint: skipped ${displayPath(cwd, f)}: ${result.skipped}\n`);
      continue;
    }
    checked++;
    diagnostics.push(...result.diagnostics);
  }
  diagnostics.sort(compareDiagnostics);

  const report = values.format === 'json' ? JSON.stringify(toJson(checked, diagnostics, cwd), null, 2) + '\n' : textReport(diagnostics, cwd);
  if (values.output) {
    try {
      fs.writeFileSync(path.resolve(io.cwd, values.output), report);
    } catch (e) {
      io.stderr(`career-lint: cannot write the report to ${values.output}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.\n`);
      return 2;
    }
  } else {
    io.stdout(report);
  }
  if (values.format === 'text' || values.output) io.stderr(summary(checked, diagnostics) + '\n');
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

function isIncludeFile(workspace: Workspace, file: string): boolean {
  const site = workspace.siteFor(file);
  return !!site && site.isUnderIncludeRoot(file);
}

/** The files `career-lint` checks in a site by default: Markdown under content/ and the include roots. */
export function siteFiles(workspace: Workspace, root: string): string[] {
  const site = workspace.siteFor(`${root}/.`)!;
  const dirs = [`${root}/content`, ...site.includeRoots];
  const out = new Set<string>();
  for (const d of dirs) for (const f of workspace.host.listFiles(d)) if (isMarkdownPath(f)) out.add(f);
  return [...out].sort();
}

function expandPaths(host: Host, workspace: Workspace, cwd: string, patterns: string[]): { files: string[]; missing: string[] } {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const p of patterns) {
    const abs = toCorePath(path.resolve(fromCorePath(cwd), p));
    const what = host.exists(abs);
    if (what === 'file') {
      files.add(abs);
      continue;
    }
    if (what === 'directory') {
      // A site root means the site's pages and include files; any other folder, the pages and
      // include files below it (README files and layouts are not pages).
      const before = files.size;
      const listed = isSiteRoot(host, abs) ? siteFiles(workspace, abs) : host.listFiles(abs).filter(isMarkdownPath);
      for (const f of listed) if (workspace.siteFor(f)?.isPageOrInclude(f) ?? true) files.add(f);
      if (files.size === before) missing.push(p);
      continue;
    }
    if (picomatch.scan(p).isGlob) {
      const scan = picomatch.scan(p);
      const base = toCorePath(path.resolve(fromCorePath(cwd), scan.base || '.'));
      const match = picomatch(toCorePath(path.resolve(fromCorePath(cwd), p)), { dot: false });
      const before = files.size;
      for (const f of host.listFiles(base)) if (isMarkdownPath(f) && match(f)) files.add(f);
      if (files.size === before) missing.push(p);
      continue;
    }
    missing.push(p);
  }
  return { files: [...files].sort(), missing };
}

function displayPath(cwd: string, file: string): string {
  return fromCorePath(relativePath(cwd, file));
}

export function formatText(d: Diagnostic, cwd: string): string {
  return `${displayPath(cwd, d.file)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`;
}

function textReport(diagnostics: Diagnostic[], cwd: string): string {
  return diagnostics.map((d) => formatText(d, cwd) + '\n').join('');
}

function summary(files: number, diagnostics: Diagnostic[]): string {
  const count = (s: string) => diagnostics.filter((d) => d.severity === s).length;
  const e = count('error');
  const w = count('warning');
  const other = diagnostics.length - e - w;
  return `${files} file${files === 1 ? '' : 's'} checked: ${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}` +
    (other ? `, ${other} other` : '') + '.';
}

export function toJson(files: number, diagnostics: Diagnostic[], cwd: string): JsonReport {
  return {
    files,
    diagnostics: diagnostics.map((d) => ({
      file: displayPath(cwd, d.file),
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
      severity: d.severity,
      code: d.code,
      message: d.message,
    })),
  };
}
