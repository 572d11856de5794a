// Checking a large handbook on several cores (worker threads of this same bundle). Each worker has
// its own engine over the disk and reads its share of the pages; what crosses threads is small: the
// pages' summaries (URL, headings, anchors, links: what the site index holds), then findings with
// their fingerprint context. Never models.
//   1. index: worker k builds the models of pages k, k+n, k+2n, ... and sends their summaries;
//   2. the main thread has the whole index from them (without reading a page) and sends it to every
//      worker, which completes its own index with it;
//   3. check: each worker checks its share of the files (its own pages, whose models it kept, and a
//      share of the include files) and sends the findings, each with what identifies it
//      (core/findingIdentity.ts), so the reports need no model on the main thread.
// The result is the one a single thread gives (test/cli/parallel.test.ts compares them).

import { availableParallelism } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { type Diagnostic, findingContext, internalError, type LintResult, type PageSummary, sitePages, Workspace } from '../core';
import { NodeHost } from '../node/nodeHost';
import { checkOrder } from './files';

/** What a worker is started with. */
interface WorkerInput {
  careerLintWorker: true;
  configFile?: string;
  index: number;
  count: number;
}

type ToWorker = { type: 'index'; pages: string[] } | { type: 'check'; summaries: PageSummary[]; files: string[] };
type FromWorker =
  | { type: 'summaries'; summaries: PageSummary[] }
  | { type: 'results'; results: { file: string; skipped?: string; diagnostics: Diagnostic[]; contexts: [string, string][] }[] }
  | { type: 'failed'; message: string };

export interface ParallelRun {
  checked: string[];
  diagnostics: Diagnostic[];
  /** The fingerprint context of each finding (heading, text), computed where its model was. */
  contexts: Map<Diagnostic, [string, string]>;
}

/** How many workers a run of `files` gets: none (one thread) for a small run, else one per core, at most 4. */
export function defaultJobs(files: number): number {
  if (files < 300) return 1;
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** True in a thread this module started: main.ts then serves as a worker instead of running the CLI. */
export function isCareerLintWorker(): boolean {
  return parentPort !== null && (workerData as Partial<WorkerInput> | undefined)?.careerLintWorker === true;
}

/**
 * Checks `files` with `jobs` workers running `script` (this bundle). The sites' pages are indexed
 * across the workers; `workspace` (the main thread's) receives the summaries, so that the
 * reports that look at the index see it complete.
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
  const workers = Array.from({ length: jobs }, (_, index) => startWorker(script, { careerLintWorker: true, configFile, index, count: jobs }));
  try {
    // 1. Index: each worker its share of every site's pages.
    const indexed = await Promise.all(workers.map((w, k) => w.ask({ type: 'index', pages: pages.filter((_, i) => i % jobs === k) }, 'summaries')));
    const summaries = indexed.flatMap((m) => m.summaries);
    const byPath = new Map(summaries.map((s) => [s.path, s]));
    for (const site of sites) workspace.indexSite(site, false, byPath);
    // 2 and 3. Every worker gets the whole index and checks its share of the files: the pages it
    // indexed (it kept their models) and every n-th other file.
    const mine = new Map(pages.map((p, i) => [p, i % jobs]));
    let other = 0;
    const shares: string[][] = workers.map(() => []);
    for (const f of checkOrder(workspace, files)) shares[mine.get(f) ?? other++ % jobs].push(f);
    const checked = await Promise.all(workers.map((w, k) => w.ask({ type: 'check', summaries, files: shares[k] }, 'results')));
    const order = new Map(checkOrder(workspace, files).map((f, i) => [f, i]));
    const results = checked.flatMap((m) => m.results).sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0));
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
  const workspace = new Workspace(new NodeHost(), { configFile: input.configFile });
  port.on('message', (m: ToWorker) => {
    try {
      if (m.type === 'index') {
        const summaries: PageSummary[] = [];
        for (const page of m.pages) {
          try {
            workspace.model(page);
          } catch {
            // The page's check reports the failure; it stays out of the index, as on one thread.
          }
          const s = workspace.siteFor(page)?.index.page(page);
          if (s) summaries.push(s);
        }
        port.postMessage({ type: 'summaries', summaries } satisfies FromWorker);
        return;
      }
      const byPath = new Map(m.summaries.map((s) => [s.path, s]));
      const sites = new Set(m.files.map((f) => workspace.siteFor(f)).filter((s) => s !== undefined));
      for (const site of sites) workspace.indexSite(site, true, byPath);
      const results = m.files.map((file) => {
        let result: LintResult;
        try {
          result = workspace.lint(file);
        } catch (e) {
          result = { file, diagnostics: [internalError(file, 'checking this file', e)] };
        }
        const modelOf = (f: string) => {
          try {
            return workspace.model(f);
          } catch {
            return undefined;
          }
        };
        return { file, skipped: result.skipped, diagnostics: result.diagnostics, contexts: result.diagnostics.map((d) => findingContext(modelOf(d.file), d)) };
      });
      port.postMessage({ type: 'results', results } satisfies FromWorker);
    } catch (e) {
      port.postMessage({ type: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies FromWorker);
    }
  });
}
