// Builds the site index in the background: every Hugo site in the workspace folders is summarised a
// few pages at a time, yielding to the event loop between slices so that requests and keystrokes are
// answered while it runs. Keeps the index current on file events: a changed page is summarised again,
// the pages that include a changed file too, and a deleted page's removal is announced as an update;
// creating or deleting an include file (which may resolve or break includes anywhere) re-indexes its
// site. Models built here are not kept (keepModels false).
// A failure never escapes into the event loop: the core skips a page it fails to read (lint reports
// it as internal-error), and whatever else throws here is reported through `failed`; a page that
// fails does not stop the pages after it.

import { basename, dirname, type Host, isMarkdownPath, type Site, type Workspace } from '../core';
import { nextTurn } from './nextTurn';

export interface SiteIndexerOptions {
  workspace(): Workspace;
  host: Host;
  /** True when the editor has the file open (its model stays cached). */
  isOpen(path: string): boolean;
  /** A site's index became complete (or was brought up to date). */
  onIndexed(site: Site, stats: { pages: number; ms: number }): void;
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

export class SiteIndexer {
  private folders: string[] = [];
  /** Bumped on restart: runs of an older generation stop at their next slice. */
  private generation = 0;
  private readonly running = new Set<string>();
  private readonly pendingPages = new Set<string>();
  /** Sites a deleted page left (the workspace took it out of the index): announced at the next drain. */
  private readonly pagesRemoved = new Map<string, Site>();
  private drainScheduled = false;

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
    const steps = workspace.indexSteps(site, { batch: this.options.batch ?? 1, keepModels: false });
    const sliceMs = this.options.sliceMs ?? SLICE_MS;
    this.running.add(site.root);
    const slice = () => {
      if (generation !== this.generation) return;
      if (this.editsWaiting()) {
        nextTurn(slice);
        return;
      }
      const until = Date.now() + sliceMs;
      try {
        for (;;) {
          const step = steps.next();
          if (step.done) {
            this.running.delete(site.root);
            this.indexed(site, { pages: site.index.size, ms: Date.now() - started });
            return;
          }
          if (Date.now() >= until || this.editsWaiting()) break;
        }
      } catch (e) {
        // Not a page (the core skips those): the run itself broke. What it indexed stays; the next
        // change of an include file or of the settings starts a new run.
        this.running.delete(site.root);
        this.options.failed(`indexing the site ${site.root}`, undefined, e);
        return;
      }
      nextTurn(slice);
    };
    nextTurn(slice);
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
    nextTurn(() => {
      this.drainScheduled = false;
      if (this.editsWaiting()) {
        this.scheduleDrain();
        return;
      }
      const workspace = this.options.workspace();
      const until = Date.now() + (this.options.sliceMs ?? SLICE_MS);
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
        if (Date.now() >= until || this.editsWaiting()) break;
      }
      if (this.pendingPages.size) this.scheduleDrain();
      for (const site of touched.values()) if (!this.running.has(site.root)) this.indexed(site, { pages: site.index.size, ms: 0 });
    });
  }
}
