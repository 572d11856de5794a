// career-lint: the command-line linter on the same core as the language server. This file runs
// the steps in order; each lives in its own module: options.ts (the command line), files.ts (what
// to check), fingerprints.ts, reports/ (one file per --format).
// Exit status: 0 without errors, 1 with errors (a file the tool failed on is one, reported as
// internal-error), 2 on usage or configuration errors, 3 when the tool itself failed outside any file.

import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  compareDiagnostics,
  type Diagnostic,
  findSiteRoot,
  type Host,
  internalError,
  type KnownContext,
  type LintResult,
  relativePath,
  RULES,
  type Site,
  Workspace,
} from '../core';
import { toCorePath } from '../node/nodeHost';
import { baselineOf, compareWithBaseline, describeOutcome, failsRun, readBaseline, writeBaseline } from './baseline';
import { LintCache } from './cache';
import { CliHost } from './cliHost';
import { changedFiles } from './changed';
import { checkOrder, expandPaths, siteFiles, type SiteListings } from './files';
import { fixFiles } from './fix';
import { fingerprints } from './fingerprints';
import { parseOptions, USAGE, type CliOptions } from './options';
import { defaultJobs, lintInParallel } from './parallel';
import { REPORTS } from './reports';
import { displayPath, reportRoot } from './reports/report';
import { formatText, summary } from './reports/text';

export type { JsonReport } from './reports/json';

export interface CliIo {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  version: string;
  /** This program's own script (dist/cli.js), which worker threads run; without it the run stays on one thread. */
  workerScript?: string;
  /** The file system (default: the disk). Tests pass one that fails on purpose. */
  host?: Host;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const options = parseOptions(argv);
  if ('error' in options) {
    io.stderr(`career-lint: ${options.error}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    io.stdout(USAGE + '\n');
    return 0;
  }
  if (options.version) {
    io.stdout(io.version + '\n');
    return 0;
  }
  if (options.listRules) {
    for (const r of RULES) io.stdout(`${r.code.padEnd(26)} ${r.defaultSeverity.padEnd(8)} ${r.summary}\n`);
    return 0;
  }
  // Read before anything is checked: a missing or malformed baseline is a usage error (baseline.ts).
  const baseline = options.baseline === undefined ? undefined : readBaseline(io.cwd, options.baseline);
  if (baseline && 'error' in baseline) {
    io.stderr(`career-lint: ${baseline.error}\n`);
    return 2;
  }
  const host = io.host ?? new CliHost();
  const cwd = toCorePath(io.cwd);
  let configFile: string | undefined;
  if (options.configFile) {
    configFile = toCorePath(path.resolve(io.cwd, options.configFile));
    if (host.exists(configFile) !== 'file') {
      io.stderr(`career-lint: configuration file not found: ${options.configFile}\n`);
      return 2;
    }
  }
  const workspace = new Workspace(host, { configFile });
  // The disk is taken as it is for the run: each site's pages, listed while choosing the files, are
  // what indexing walks (--fix reads the disk again with a new workspace, whose sites are not in it).
  const listings: SiteListings = new Map();
  const selected = selectFiles(host, workspace, cwd, options, listings);
  if ('error' in selected) {
    io.stderr(selected.error);
    return 2;
  }
  let { files } = selected;

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

  // --cache (cache.ts): findings of files whose content and dependencies did not change are reused.
  const cacheOptions = { cwd: io.cwd, location: options.cacheLocation, version: io.version, say: (m: string) => io.stderr(`career-lint: ${m}.\n`) };
  const cache = options.cache ? new LintCache(workspace, cacheOptions) : undefined;
  // --changed-since (changed.ts): the files changed since the ref, and those whose findings they can change.
  if (options.changedSince !== undefined) {
    const changed = changedFiles({
      cwd: io.cwd,
      ref: options.changedSince,
      files,
      workspace,
      configFile,
      index: (site) => workspace.indexSite(site, true, cache?.summaries(site), listings.get(site)),
    });
    if ('error' in changed) {
      io.stderr(`career-lint: ${changed.error}\n`);
      return 2;
    }
    io.stderr(
      `career-lint: ${changed.changed} path${changed.changed === 1 ? '' : 's'} changed since ${options.changedSince}: checking ${changed.files.length} of ${files.length} files.\n`,
    );
    files = changed.files;
  }

  // --fix (fix.ts) changes the files first; the report is then of what it left, read by a new workspace.
  const fixed = options.fix ? fixFiles({ host, configFile, files, cwd, dryRun: options.dryRun, stdout: io.stdout, stderr: io.stderr }) : undefined;
  if (fixed && host instanceof CliHost) host.forgetNames(); // the fixes may have created files and folders
  const reportWorkspace = fixed ? new Workspace(fixed.reportHost, { configFile }) : workspace;
  const reportCache = fixed && cache ? new LintCache(reportWorkspace, cacheOptions) : cache;
  const skip = (f: string, reason: string) => io.stderr(`career-lint: skipped ${displayPath(cwd, f)}: ${reason}\n`);
  // Several threads (parallel.ts) for a large run on the disk as it is; --fix and --cache keep to one.
  const jobs = options.jobs ?? defaultJobs(files.length);
  const parallel = jobs > 1 && io.workerScript !== undefined && !io.host && !fixed && !reportCache;
  const run = parallel
    ? await lintOnThreads(reportWorkspace, files, jobs, io.workerScript!, configFile, skip)
    : lintFiles(reportWorkspace, files, skip, reportCache, listings);
  if (fixed?.failures.length) run.diagnostics = [...run.diagnostics, ...fixed.failures].sort(compareDiagnostics);
  // Problems in a checked site's Hugo configuration (a file Hugo cannot load, a value of the wrong type).
  const hugoProblems = hugoConfigProblems(reportWorkspace, run.checked);
  if (hugoProblems.length) run.diagnostics = [...run.diagnostics, ...hugoProblems].sort(compareDiagnostics);
  const prints = fingerprints(run.workspace, run.diagnostics, run.knownContext);
  const fingerprint = (d: Diagnostic) => prints.get(d)!;
  const root = reportRoot(cwd);
  // With --baseline, the reports and the exit status are of the findings it does not list.
  const checkedFiles = new Set(run.checked.map((f) => relativePath(root, f)));
  const judged = baseline
    ? compareWithBaseline(baseline.baseline, options.baseline!, run.diagnostics, fingerprint, checkedFiles)
    : { reported: run.diagnostics, outcome: undefined };
  const input = { cwd, root, version: io.version, files: run.checked, diagnostics: judged.reported, fingerprint, baseline: judged.outcome };

  for (const report of options.reports) {
    const text = REPORTS[report.format](input);
    if (report.output === undefined) {
      io.stdout(text);
      continue;
    }
    try {
      fs.writeFileSync(path.resolve(io.cwd, report.output), text);
    } catch (e) {
      io.stderr(`career-lint: cannot write the report to ${report.output}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.\n`);
      return 2;
    }
  }
  if (options.writeBaseline !== undefined) {
    const written = baselineOf(root, io.version, run.diagnostics, fingerprint, checkedFiles, baseline?.baseline);
    const failed = writeBaseline(io.cwd, options.writeBaseline, written);
    if (failed) {
      io.stderr(`career-lint: ${failed.error}\n`);
      return 2;
    }
    io.stderr(`career-lint: wrote the baseline ${options.writeBaseline} (${written.findings.length} finding${written.findings.length === 1 ? '' : 's'}).\n`);
  }
  if (judged.outcome) io.stderr(describeOutcome(judged.outcome));
  // The summary goes to standard error: with a text report on standard output, after it; with the
  // machine-readable report there, it would be in the way, so it is left out.
  const onStdout = options.reports.find((r) => r.output === undefined);
  if (!onStdout || onStdout.format === 'text') io.stderr(summary(run.checked.length, judged.reported) + '\n');
  return failsRun(options, judged.reported) ? 1 : 0;
}

/** The files to check: the site around the working directory, or the paths given. */
function selectFiles(host: Host, workspace: Workspace, cwd: string, options: CliOptions, listings: SiteListings): { files: string[] } | { error: string } {
  if (options.paths.length === 0) {
    const root = findSiteRoot(host, `${cwd}/.`);
    if (!root)
      return { error: 'career-lint: no Hugo site here (no hugo.toml, config.* or content/ and assets/ in this folder or above). Pass the paths to check.\n' };
    return { files: siteFiles(workspace, root, listings) };
  }
  const found = expandPaths(host, workspace, cwd, options.paths, listings);
  if (found.missing.length) return { error: found.missing.map((m) => `career-lint: no Markdown files match ${m}\n`).join('') };
  return { files: found.files };
}

/**
 * Indexes every site the files belong to (URLs, anchors, who includes what: cross-page links,
 * unused include files and the ladders need every page), then checks each file. A failure on one
 * file is reported on that file, and the run goes on.
 */
function lintFiles(
  workspace: Workspace,
  files: string[],
  skipped: (file: string, reason: string) => void,
  cache?: LintCache,
  listings?: SiteListings,
): { workspace: Workspace; checked: string[]; diagnostics: Diagnostic[]; knownContext?: KnownContext } {
  const sites = new Set<Site>();
  for (const f of files) {
    const site = workspace.siteFor(f);
    if (site) sites.add(site);
  }
  const diagnostics: Diagnostic[] = [];
  // Without the cache, the pages of a site not yet indexed are checked as they are indexed (Workspace.lintSite).
  const streamed = new Map<string, LintResult>();
  const wanted = new Set(files);
  for (const site of sites) {
    try {
      if (cache || site.index.complete) workspace.indexSite(site, true, cache?.summaries(site), listings?.get(site));
      else for (const [f, r] of workspace.lintSite(site, wanted, listings?.get(site))) streamed.set(f, r);
    } catch (e) {
      cache?.indexFailed(site);
      // Without a complete index the site-wide checks are incomplete: say so, check the rest.
      diagnostics.push(internalError(site.root, 'indexing the site (links to other pages and unused include files are not checked)', e));
    }
  }
  const checked: string[] = [];
  for (const f of checkOrder(workspace, files)) {
    let result: LintResult;
    try {
      result = streamed.get(f) ?? (cache ? cache.lint(f) : workspace.lint(f));
    } catch (e) {
      result = { file: f, diagnostics: [internalError(f, 'checking this file', e)] };
    }
    if (result.skipped) {
      skipped(f, result.skipped);
      continue;
    }
    checked.push(f);
    diagnostics.push(...result.diagnostics);
  }
  cache?.save();
  const knownContext: KnownContext | undefined = cache?.knownContext ?? (streamed.size ? (d) => streamed.get(d.file)?.contexts?.get(d) : undefined);
  return { workspace, checked, diagnostics: diagnostics.sort(compareDiagnostics), knownContext };
}

/** lintFiles on worker threads: the same result, with each finding's fingerprint context from its worker. */
async function lintOnThreads(
  workspace: Workspace,
  files: string[],
  jobs: number,
  script: string,
  configFile: string | undefined,
  skipped: (file: string, reason: string) => void,
): Promise<ReturnType<typeof lintFiles>> {
  const run = await lintInParallel(workspace, files, jobs, script, configFile, skipped);
  return { workspace, checked: run.checked, diagnostics: run.diagnostics.sort(compareDiagnostics), knownContext: (d) => run.contexts.get(d) };
}

/** The problems of the Hugo configurations of the sites the checked files are in, each site once. */
function hugoConfigProblems(workspace: Workspace, files: string[]): Diagnostic[] {
  const roots = new Set<string>();
  const out: Diagnostic[] = [];
  for (const f of files) {
    const site = workspace.siteFor(f);
    if (!site || roots.has(site.root)) continue;
    roots.add(site.root);
    out.push(...site.hugo.diagnostics);
  }
  return out;
}
