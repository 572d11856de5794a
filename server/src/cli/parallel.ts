// Checking a large handbook on several cores: this thread and `jobs - 1` worker threads (of this
// same bundle), each with its own engine over the disk, each reading its share of the pages. What
// crosses threads is small and sent as JSON text (one string copies faster than a structured clone
// of thousands of objects): the pages' summaries (URL, headings, anchors, links: what the site index
// holds), then findings with their fingerprint context. Never models.
//   1. index: thread k builds the models of pages k, k+n, k+2n, ... (this thread is thread 0) and the
//      workers send their pages' summaries;
//   2. this thread completes its index with them and sends every worker the summaries it lacks,
//      with which each completes its own index;
//   3. check: each thread checks its share of the files (its own pages, whose models it kept, and a
//      share of the include files) and the workers send the findings, each with what identifies it
//      (core/findingIdentity.ts), so the reports need no model from a worker.
// The result is the one a single thread gives (test/cli/parallel.test.ts compares them).

import { availableParallelism } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { type Diagnostic, findingContext, internalError, type LintResult, type PageSummary, sitePages, Workspace } from '../core';
import { CliHost } from './cliHost';
import { checkOrder } from './files';

/** What a worker is started with. */
interface WorkerInput {
  careerLintWorker: true;
  configFile?: string;
  index: number;
  count: number;
}

/** One checked file's outcome, as a worker sends it. */
interface FileResult {
  file: string;
  skipped?: string;
  diagnostics: Diagnostic[];
  contexts: [string, string][];
}

/** Messages to a worker; `summaries` is the JSON text of a PageSummary[]. */
type ToWorker = { type: 'index'; pages: string[] } | { type: 'check'; summaries: string; files: string[] };
/** Messages from a worker; `summaries` and `results` are JSON texts of PageSummary[] and FileResult[]. */
type FromWorker = { type: 'summaries'; summaries: string } | { type: 'results'; results: string } | { type: 'failed'; message: string };

export interface ParallelRun {
  checked: string[];
  diagnostics: Diagnostic[];
  /** The fingerprint context of each finding (heading, text), computed where its model was. */
  contexts: Map<Diagnostic, [string, string]>;
}

/**
 * How many threads a run of `files` gets: one for a small run, and below 4 cores (V8's own garbage
 * collection threads already keep a second core busy on one thread: on 2 cores the 4,117-file
 * snapshot took 5.4-6.0 s on one thread and 6.7-7.6 s on two, measured in one run); else one per
 * core, at most 4.
 */
export function defaultJobs(files: number, cores = availableParallelism()): number {
  if (files < 300 || cores < 4) return 1;
  return Math.min(4, cores);
}

/** True in a thread this module started: main.ts then serves as a worker instead of running the CLI. */
export function isCareerLintWorker(): boolean {
  return parentPort !== null && (workerData as Partial<WorkerInput> | undefined)?.careerLintWorker === true;
}

/**
 * Checks `files` on `jobs` threads: this one, with `workspace`, and `jobs - 1` workers running
 * `script` (this bundle). `workspace` ends with every site's index complete, so that the reports
 * that look at the index see all of it.
 */
export async function lintInParallel(
  workspace: Workspace,
  files: string[],
  jobs: number,
  script: string,
  configFile: string | undefined,
  skipped: (file: string, reason: string) => void,
): Promise<ParallelRun> {
  const sites = [...new Set(files.map((f) => workspace.siteFor(f)).filter((s) => s !== undefined))];
  const pages = sites.flatMap((site) => sitePages(workspace.host, site));
  const workers = Array.from({ length: jobs - 1 }, (_, index) => startWorker(script, { careerLintWorker: true, configFile, index: index + 1, count: jobs }));
  const shareOf = (k: number) => pages.filter((_, i) => i % jobs === k);
  try {
    // 1. Index: every thread its share of every site's pages (the workers' requests go out first).
    const indexing = workers.map((w, k) => w.ask({ type: 'index', pages: shareOf(k + 1) }, 'summaries'));
    const own = shareOf(0);
    const ownSummaries = summariesOf(workspace, own);
    const theirs = (await Promise.all(indexing)).map((m) => JSON.parse(m.summaries) as PageSummary[]);
    const byPath = new Map(theirs.flat().map((s) => [s.path, s]));
    for (const site of sites) workspace.indexSite(site, true, byPath);
    // 2 and 3. Every worker gets the summaries it lacks and checks its share of the files: the pages
    // it indexed (it kept their models) and every n-th other file; this thread checks its own.
    const mine = new Map(pages.map((p, i) => [p, i % jobs]));
    let other = 0;
    const order = checkOrder(workspace, files);
    const shares: string[][] = Array.from({ length: jobs }, () => []);
    for (const f of order) shares[mine.get(f) ?? other++ % jobs].push(f);
    const checking = workers.map((w, k) =>
      w.ask({ type: 'check', summaries: JSON.stringify([...ownSummaries, ...theirs.filter((_, j) => j !== k).flat()]), files: shares[k + 1] }, 'results'),
    );
    const ownResults = checkFiles(workspace, shares[0]);
    const checked = [ownResults, ...(await Promise.all(checking)).map((m) => JSON.parse(m.results) as FileResult[])];
    const position = new Map(order.map((f, i) => [f, i]));
    const results = checked.flat().sort((a, b) => (position.get(a.file) ?? 0) - (position.get(b.file) ?? 0));
    const run: ParallelRun = { checked: [], diagnostics: [], contexts: new Map() };
    for (const r of results) {
      if (r.skipped !== undefined) {
        skipped(r.file, r.skipped);
        continue;
      }
      run.checked.push(r.file);
      r.diagnostics.forEach((d, i) => {
        run.diagnostics.push(d);
        run.contexts.set(d, r.contexts[i]);
      });
    }
    return run;
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
  }
}

/** Builds (and keeps) the models of `pages`, and returns their index entries. */
function summariesOf(workspace: Workspace, pages: string[]): PageSummary[] {
  const summaries: PageSummary[] = [];
  for (const page of pages) {
    try {
      workspace.model(page);
    } catch {
      // The page's check reports the failure; it stays out of the index, as on one thread.
    }
    const s = workspace.siteFor(page)?.index.page(page);
    if (s) summaries.push(s);
  }
  return summaries;
}

/** Checks `files` with a workspace whose index is complete; each finding with its fingerprint context. */
function checkFiles(workspace: Workspace, files: string[]): FileResult[] {
  const modelOf = (f: string) => {
    try {
      return workspace.model(f);
    } catch {
      return undefined;
    }
  };
  return files.map((file) => {
    let result: LintResult;
    try {
      result = workspace.lint(file);
    } catch (e) {
      result = { file, diagnostics: [internalError(file, 'checking this file', e)] };
    }
    return { file, skipped: result.skipped, diagnostics: result.diagnostics, contexts: result.diagnostics.map((d) => findingContext(modelOf(d.file), d)) };
  });
}

interface WorkerHandle {
  ask<T extends FromWorker['type']>(message: ToWorker, answer: T): Promise<Extract<FromWorker, { type: T }>>;
  stop(): Promise<void>;
}

function startWorker(script: string, input: WorkerInput): WorkerHandle {
  // A larger young generation than a worker's default: model building allocates many short-lived
  // objects, and the default made workers spend a third of their time collecting them.
  const worker = new Worker(script, { workerData: input, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
  let pending: { answer: string; resolve: (m: FromWorker) => void; reject: (e: Error) => void } | undefined;
  const fail = (e: Error) => {
    pending?.reject(e);
    pending = undefined;
  };
  worker.on('message', (m: FromWorker) => {
    const p = pending;
    pending = undefined;
    if (!p) return;
    if (m.type === 'failed') p.reject(new Error(m.message));
    else if (m.type !== p.answer) p.reject(new Error(`a worker answered ${m.type} to a request for ${p.answer}`));
    else p.resolve(m);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`a worker stopped (exit code ${code})`)));
  return {
    ask: (message, answer) =>
      new Promise((resolve, reject) => {
        pending = { answer, resolve: resolve as (m: FromWorker) => void, reject };
        worker.postMessage(message);
      }),
    stop: async () => {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}

/** The worker's side: one engine over the disk, its share of the pages, then its share of the checks. */
export function serveAsWorker(): void {
  const input = workerData as WorkerInput;
  const port = parentPort!;
  const workspace = new Workspace(new CliHost(), { configFile: input.configFile });
  port.on('message', (m: ToWorker) => {
    try {
      if (m.type === 'index') {
        port.postMessage({ type: 'summaries', summaries: JSON.stringify(summariesOf(workspace, m.pages)) } satisfies FromWorker);
        return;
      }
      const summaries = JSON.parse(m.summaries) as PageSummary[];
      const byPath = new Map(summaries.map((s) => [s.path, s]));
      const sites = new Set(m.files.map((f) => workspace.siteFor(f)).filter((s) => s !== undefined));
      for (const site of sites) workspace.indexSite(site, true, byPath);
      port.postMessage({ type: 'results', results: JSON.stringify(checkFiles(workspace, m.files)) } satisfies FromWorker);
    } catch (e) {
      port.postMessage({ type: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies FromWorker);
    }
  });
}
