// Builds the site index in the background: every Hugo site in the workspace folders is summarised a
// few pages at a time, yielding to the event loop between slices so that requests and keystrokes are
// answered while it runs. Keeps the index current on file events: a changed page is summarised again,
// the pages that include a changed file too, and a deleted page's removal is announced as an update;
// creating or deleting an include file (which may resolve or break includes anywhere) re-indexes its
// site. Models built here are not kept (keepModels false).
// With a store (node/indexStore.ts: the persisted index), a run first takes the entries an earlier
// run saved, each reused only while its page and includes are what they were, reads only the rest,
// and saves the complete index again, in steps between edits too (and at shutdown what changed since).
// A failure never escapes into the event loop: the core skips a page it fails to read (lint reports
// it as internal-error), and whatever else throws here is reported through `failed`; a page that
// fails does not stop the pages after it.

import { basename, dirname, type Host, isMarkdownPath, type PageSummary, type Site, type Workspace } from '../core';
import { nextTurn } from './nextTurn';

export interface SiteIndexerOptions {
  workspace(): Workspace;
  host: Host;
  /** True when the editor has the file open (its model stays cached). */
  isOpen(path: string): boolean;
  /** A site's index became complete (or was brought up to date). */
  onIndexed(site: Site, stats: IndexStats): void;
  /** Where indexes are kept across runs, if anywhere. */
  store?(): IndexStore | undefined;
  /** Says what the store did (restored, saved, could not save). */
  log?(message: string): void;
  /** Something failed (a bug): what was being done, on which file if one. */
  failed(what: string, path: string | undefined, error: unknown): void;
  /** Pages summarised per step of Workspace.indexSteps (default 1: a slice stops after any page). */
  batch?: number;
  /**
   * How long one slice may hold the event loop before it yields (ms, default 5). On the 4,024-page
   * corpus (warm file cache) steps of 100 pages held it up to ~215 ms; one-page steps in 20 ms
   * slices, 50-100 ms (one large page plus garbage collection), for the same ~2 s in total. An edit
   * that arrives waits for the slice running then and the one that runs before its message is read
   * off the queue: 5 ms slices keep that short, and a turn costs microseconds.
   */
  sliceMs?: number;
  /**
   * True while edits wait to be checked (the validation queue is not empty): no slice runs until
   * they are, so a check never waits behind the index. Edits first, always.
   */
  editsWaiting?(): boolean;
}

const SLICE_MS = 5;

/**
 * Schedules the next slice a whole turn of the event loop later. vscode-jsonrpc handles the messages
 * it reads in the turn after, behind what was already scheduled: a slice scheduled for the next turn
 * would run before an edit that arrived during the one before, and the edit would wait for two
 * slices. Two turns later, its message is handled first, and the slice sees the edit waiting. Under
 * Node only: where the next turn is a timeout (a Web Worker, clamped to 4 ms when nested), once.
 */
const nextSlice: (run: () => void) => void =
  typeof (globalThis as { setImmediate?: unknown }).setImmediate === 'function' ? (run) => nextTurn(() => nextTurn(run)) : nextTurn;

export interface IndexStats {
  pages: number;
  ms: number;
  /** With a store, after a whole run: entries restored from it, and pages read again (new, changed, or not saved). */
  restored?: number;
  rebuilt?: number;
}

/** Keeps sites' indexes across runs (node/indexStore.ts). */
export interface IndexStore {
  /** The digest the workspace takes of texts (WorkspaceOptions.textDigest), so that saves know what entries were made from. */
  textDigest(text: string): string;
  /** The entries saved for a site, each given by get() only while it still holds; undefined when the site is not kept. */
  restore(workspace: Workspace, site: Site, isOpen: (path: string) => boolean): RestoredIndex | undefined;
  /** Saves the site's complete index, a few pages per step; the last writes the file. */
  save(workspace: Workspace, site: Site, restored?: RestoredIndex): Generator<void, SaveResult>;
}

/** What a save did: the file written (with how many entries, how many bytes), or why none was. */
export type SaveResult = { file: string; pages: number; bytes: number; problem?: undefined } | { problem: string };

export interface RestoredIndex {
  get(file: string): PageSummary | undefined;
  /** Entries given so far, and pages asked for whose entry was missing or no longer held. */
  readonly reused: number;
  readonly rebuilt: number;
  /** Why nothing could be restored, if so ("no saved index", "damaged", ...). */
  readonly ignored?: string;
  readonly file: string;
}

export class SiteIndexer {
  private folders: string[] = [];
  /** Bumped on restart: runs of an older generation stop at their next slice. */
  private generation = 0;
  private readonly running = new Set<string>();
  private readonly pendingPages = new Set<string>();
  /** Sites a deleted page left (the workspace took it out of the index): announced at the next drain. */
  private readonly pagesRemoved = new Map<string, Site>();
  private drainScheduled = false;
  /** Sites whose index changed since it was last saved (by root). */
  private readonly unsaved = new Map<string, Site>();
  /** What each site's last run restored (its entries stay in the index until summarised again, and later saves keep them). */
  private readonly restoredOf = new Map<string, RestoredIndex>();
  /** A save in progress, per site root. */
  private readonly saving = new Map<string, Generator<void, SaveResult>>();

  constructor(private readonly options: SiteIndexerOptions) {}

  start(folders: string[]): void {
    this.folders = folders;
    this.restart();
  }

  /** Index every site again (options changed: the workspace dropped its sites and their indexes). */
  restart(): void {
    this.generation++;
    this.running.clear();
    for (const site of this.sites()) this.run(site);
  }

  /** True while some site is still being indexed. */
  get busy(): boolean {
    return this.running.size > 0;
  }

  /** The Hugo sites of the workspace folders: a folder inside a site, or sites found below a folder. */
  sites(): Site[] {
    const workspace = this.options.workspace();
    const roots = new Map<string, Site>();
    for (const folder of this.folders) {
      const own = workspace.siteFor(`${folder}/.`);
      if (own) {
        roots.set(own.root, own);
        continue;
      }
      const candidates = new Set<string>();
      for (const f of this.options.host.listFiles(folder)) {
        const name = basename(f);
        if (/^(hugo|config)\.(toml|ya?ml|json)$/.test(name)) candidates.add(dirname(f).replace(/\/config\/_default$/, ''));
        const content = f.lastIndexOf('/content/');
        if (content > 0) candidates.add(f.slice(0, content));
      }
      for (const dir of candidates) {
        const site = workspace.siteFor(`${dir}/.`);
        if (site && site.root === dir) roots.set(site.root, site);
      }
    }
    return [...roots.values()].sort((a, b) => a.root.localeCompare(b.root));
  }

  private run(site: Site): void {
    const generation = this.generation;
    const started = Date.now();
    const workspace = this.options.workspace();
    this.saving.delete(site.root);
    this.restoredOf.delete(site.root);
    let restored: RestoredIndex | undefined;
    try {
      restored = this.options.store?.()?.restore(workspace, site, (p) => this.options.isOpen(p));
    } catch (e) {
      this.options.failed(`restoring the index of ${site.root}`, undefined, e);
    }
    if (restored) this.restoredOf.set(site.root, restored);
    const steps = workspace.indexSteps(site, { batch: this.options.batch ?? 1, keepModels: false, summaries: restored });
    this.running.add(site.root);
    this.inSlices(
      generation,
      () => {
        for (;;) {
          const step = steps.next();
          if (step.done) return true;
          if (this.sliceOver()) return false;
        }
      },
      () => {
        this.running.delete(site.root);
        const stats: IndexStats = { pages: site.index.size, ms: Date.now() - started };
        if (restored) {
          stats.restored = restored.reused;
          stats.rebuilt = restored.rebuilt;
          this.log(
            `Career Pages: indexed ${site.root} in ${stats.ms} ms: ${restored.reused} pages restored from ${restored.file}, ${restored.rebuilt} read${restored.ignored ? ` (${restored.ignored})` : ''}`,
          );
        }
        this.indexed(site, stats);
        if (restored && (restored.rebuilt > 0 || restored.ignored)) this.save(site);
      },
      `indexing the site ${site.root}`,
      () => this.running.delete(site.root),
    );
  }

  /**
   * Runs `slice` on later turns until it returns true, then `done`; each call may run until
   * sliceOver(). No slice runs while edits wait. A throw ends the run (what it did stays; the next
   * change of an include file or of the settings starts a new one).
   */
  private inSlices(generation: number, slice: () => boolean, done: () => void, what: string, failed?: () => void): void {
    const turn = () => {
      if (generation !== this.generation) return;
      if (this.editsWaiting()) {
        nextSlice(turn);
        return;
      }
      this.sliceUntil = Date.now() + (this.options.sliceMs ?? SLICE_MS);
      let finished: boolean;
      try {
        finished = slice();
      } catch (e) {
        failed?.();
        this.options.failed(what, undefined, e);
        return;
      }
      if (finished) done();
      else nextSlice(turn);
    };
    nextSlice(turn);
  }

  private sliceUntil = 0;

  private sliceOver(): boolean {
    return Date.now() >= this.sliceUntil || this.editsWaiting();
  }

  /** Saves a site's index in the background (the store's steps between edits). */
  private save(site: Site): void {
    const store = this.options.store?.();
    if (!store) return;
    const workspace = this.options.workspace();
    const steps = store.save(workspace, site, this.restoredOf.get(site.root));
    const started = Date.now();
    this.saving.set(site.root, steps);
    this.unsaved.delete(site.root);
    this.inSlices(
      this.generation,
      () => {
        if (this.saving.get(site.root) !== steps) return true; // a new run, or saved at shutdown
        for (;;) {
          const step = steps.next();
          if (step.done) {
            this.saving.delete(site.root);
            this.saved(site.root, step.value, Date.now() - started);
            return true;
          }
          if (this.sliceOver()) return false;
        }
      },
      () => undefined,
      `saving the index of ${site.root}`,
      () => this.saving.delete(site.root),
    );
  }

  /**
   * Saves now, at once, what is not saved yet: saves in progress, and sites whose index changed since
   * (the server is shutting down).
   */
  saveNow(): void {
    for (const [root, steps] of this.saving) {
      this.saving.delete(root);
      try {
        for (let step = steps.next(); !step.done; step = steps.next());
      } catch (e) {
        this.options.failed(`saving the index of ${root}`, undefined, e);
      }
    }
    const store = this.options.store?.();
    if (!store) return;
    for (const site of this.unsaved.values()) {
      if (this.running.has(site.root)) continue;
      try {
        const started = Date.now();
        const steps = store.save(this.options.workspace(), site, this.restoredOf.get(site.root));
        let step = steps.next();
        while (!step.done) step = steps.next();
        this.saved(site.root, step.value, Date.now() - started);
      } catch (e) {
        this.options.failed(`saving the index of ${site.root}`, undefined, e);
      }
    }
    this.unsaved.clear();
  }

  private saved(root: string, result: SaveResult, ms: number): void {
    this.log(
      result.problem === undefined
        ? `Career Pages: saved the index of ${root} (${result.pages} pages, ${result.bytes} bytes) to ${result.file} in ${ms} ms`
        : `Career Pages: the index of ${root} is not saved: ${result.problem}`,
    );
  }

  private log(message: string): void {
    this.options.log?.(message);
  }

  /**
   * A file changed on disk (the workspace has already dropped what depended on it). Pages are
   * summarised again in the background; a created or deleted include file re-indexes its site.
   */
  fileChanged(path: string, change: 'created' | 'changed' | 'deleted'): void {
    if (!isMarkdownPath(path)) return;
    const site = this.options.workspace().siteFor(path);
    if (!site?.isPageOrInclude(path) || site.classifier.isIgnored(site.relative(path))) return;
    if (site.isUnderIncludeRoot(path)) {
      if (change !== 'changed') {
        if (!this.running.has(site.root)) this.run(site);
        return;
      }
      for (const page of site.index.includersOf(path)) this.pendingPages.add(page.path);
    } else if (change !== 'deleted') {
      this.pendingPages.add(path);
    } else {
      // Nothing to summarise, but what reads the index changed: links to the page, and the include
      // files it included (heading-increment counts their pages). Announced so open files are checked.
      this.pagesRemoved.set(site.root, site);
    }
    this.scheduleDrain();
  }

  private editsWaiting(): boolean {
    return this.options.editsWaiting?.() ?? false;
  }

  private indexed(site: Site, stats: { pages: number; ms: number }): void {
    try {
      this.options.onIndexed(site, stats);
    } catch (e) {
      this.options.failed(`announcing the index of ${site.root}`, undefined, e);
    }
  }

  private scheduleDrain(): void {
    if (this.drainScheduled) return;
    this.drainScheduled = true;
    // The next turn: a drain is a few pages (those a file event named), announced before what comes after the event.
    nextTurn(() => {
      this.drainScheduled = false;
      if (this.editsWaiting()) {
        this.scheduleDrain();
        return;
      }
      const workspace = this.options.workspace();
      this.sliceUntil = Date.now() + (this.options.sliceMs ?? SLICE_MS);
      const touched = new Map(this.pagesRemoved);
      this.pagesRemoved.clear();
      for (const page of this.pendingPages) {
        this.pendingPages.delete(page);
        try {
          workspace.model(page); // summarises it into its site's index
          if (!this.options.isOpen(page)) workspace.forget(page);
          const site = workspace.siteFor(page);
          if (site) touched.set(site.root, site);
        } catch (e) {
          this.options.failed('indexing this page', page, e);
        }
        if (this.sliceOver()) break;
      }
      if (this.pendingPages.size) this.scheduleDrain();
      for (const site of touched.values()) {
        this.unsaved.set(site.root, site);
        if (!this.running.has(site.root)) this.indexed(site, { pages: site.index.size, ms: 0 });
      }
    });
  }
}
