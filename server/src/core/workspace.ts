// The engine: one object that lsp/, cli/ and the client's requests go through. It holds the rooms
// each concern lives in and keeps them consistent when files, settings or session choices change:
//   site.ts        Hugo's sites: roots, options per site, include resolution, the site index
//   configFile.ts  the configuration files, read and checked once
//   hugoConfig.ts  each site's own Hugo configuration, read once per site and environment
//   modelCache.ts  one PageModel per file version, shared included texts, who depends on what
//   indexing.ts    building a site's index, in steps
//   linter.ts      running the rules on a model, severities and disable comments
// A page is parsed once per version of its text, an include file once for every page that
// includes it, and a change re-validates only what it affects.

import { mergeOptions, type Options, type PageKind } from './config';
import { ConfigFiles } from './configFile';
import { compareDiagnostics, internalError, type Diagnostic } from './diagnostic';
import { findingContext } from './findingIdentity';
import { describeUnreadable, MAX_TEXT_BYTES, type FileContent, type Host } from './host';
import { type HugoConfig, HugoConfigs } from './hugoConfig';
import { indexSteps, sitePages, type IndexOptions } from './indexing';
import type { LintReads } from './lintReads';
import { applySettings, checkModel, fileDiagnostic, type CheckOptions, type LintEnvironment } from './linter';
import { ModelCache, type SummarySource } from './modelCache';
import { levelOfFile } from './model/ladder';
import type { PageModel } from './model/pageModel';
import { residualModel } from './model/residual';
import { basename, dirname, relativePath } from './paths';
import { SchemaRegistry } from './schema/schemas';
import { LINK_CHECKER_CONFIG, Site, SiteRoots } from './site';
import { type PageSummary, summaryOverResidual } from './siteIndex';
import { type LineIndex, own, TextlessLineIndex } from './text';

export { LINK_CHECKER_CONFIG, Site } from './site';
export { isMarkdownPath } from './paths';

export interface LintResult {
  file: string;
  kind?: PageKind;
  diagnostics: Diagnostic[];
  /** Why the file was not checked (outside a Hugo site, ignored by configuration, gone). */
  skipped?: string;
  /**
   * Each finding's context for its identity (findingIdentity.ts), taken while the text was at hand
   * (lintSite: a reader need not build the page's model again for it).
   */
  contexts?: ReadonlyMap<Diagnostic, [heading: string, text: string]>;
}

export interface WorkspaceOptions {
  /** Options that win over the config file (the editor's settings). */
  settings?: Partial<Options>;
  /** Use this config file instead of looking for `.career-pages.jsonc`. */
  configFile?: string;
  /**
   * A digest of a text (a hash): given, the engine keeps what each index entry was made from, for
   * summarySource() (a store that keeps the index across runs); without one it keeps nothing.
   */
  textDigest?: (text: string) => string;
  /**
   * Index entries of pages whose models are not kept hold their headings, links and anchors as text
   * until something reads them (the server: the index of a large site in less memory).
   */
  compactIndex?: boolean;
}

export class Workspace {
  readonly schemas = new SchemaRegistry();
  private settings: Partial<Options>;
  private readonly roots: SiteRoots;
  private readonly configs: ConfigFiles;
  private readonly hugoConfigs: HugoConfigs;
  private readonly sites = new Map<string, Site>();
  private readonly models: ModelCache;
  /** Page kinds chosen for single files in the editor for this session (see core/features/pageInfo.ts). */
  private readonly kindOverrides = new Map<string, PageKind>();
  /** What the rules ask of the engine (linter.ts). */
  private readonly env: LintEnvironment;

  constructor(
    readonly host: Host,
    options: WorkspaceOptions = {},
  ) {
    this.settings = options.settings ?? {};
    this.roots = new SiteRoots(host);
    this.configs = new ConfigFiles(host, this.schemas, options.configFile);
    this.hugoConfigs = new HugoConfigs(host);
    this.models = new ModelCache(host, options.textDigest, options.compactIndex);
    this.env = {
      schemas: this.schemas,
      model: (f) => this.model(f),
      isCurrent: (f) => {
        const site = this.siteFor(f);
        return site !== undefined && this.models.isCurrent(site, f);
      },
      linesOf: (f) => this.models.linesOf(f),
      depend: (path, page) => this.models.depend(path, page),
    };
  }

  /** New editor settings: every option-dependent cache is dropped. */
  setSettings(settings: Partial<Options>): void {
    this.settings = settings;
    this.sites.clear();
    this.models.dropModels();
  }

  // ---- session page-kind overrides ------------------------------------------------------------

  kindOverride(file: string): PageKind | undefined {
    return this.kindOverrides.get(file);
  }

  /** Sets (or, with undefined, removes) a file's kind for this session; returns what to check again. */
  setKindOverride(file: string, kind: PageKind | undefined): Set<string> | 'all' {
    if (kind === undefined) this.kindOverrides.delete(file);
    else this.kindOverrides.set(file, kind);
    const affected = this.fileChanged(file, 'changed');
    if (affected !== 'all') affected.add(file);
    return affected;
  }

  // ---- sites and configuration ------------------------------------------------------------

  siteFor(file: string): Site | undefined {
    const root = this.roots.ofFile(file);
    if (root === null) return undefined;
    let site = this.sites.get(root);
    if (!site) {
      const config = this.configs.forSite(root);
      // The site's own Hugo configuration gives the include roots (assetDir, module.mounts); the
      // config file and the settings win over it.
      const environment = mergeOptions(config?.options, this.settings).hugoEnvironment;
      const hugo = this.hugoConfigs.forSite(root, environment);
      const fromHugo = { includeRoots: hugo.settings.assetDirs.value.map((d) => relativePath(root, d)) };
      site = new Site(root, mergeOptions(fromHugo, config?.options, this.settings), config, hugo, this.host, {
        linesOf: (f) => this.models.linesOf(f),
        kindOverride: (f) => this.kindOverrides.get(f),
      });
      this.sites.set(root, site);
    }
    return site;
  }

  /** The configuration file that applies to a site root (nearest `.career-pages.jsonc` at or above it). */
  configFor(root: string) {
    return this.configs.forSite(root);
  }

  /** Problems in a configuration file (shown on the file in the editor; the CLI exits 2). */
  configDiagnostics(configPath: string): Diagnostic[] {
    return this.configs.state(configPath).diagnostics;
  }

  /** The Hugo configuration of a site root, as its Site reads it (hugoConfig.ts). */
  hugoConfigFor(root: string): HugoConfig | undefined {
    return this.sites.get(root)?.hugo ?? this.siteFor(`${root}/.`)?.hugo;
  }

  /** True for a path that is (or would be) part of a Hugo site's configuration: hugo.toml, config/_default/params.yaml, ... */
  isHugoConfigFile(path: string): boolean {
    return this.hugoConfigs.isConfigPath(path);
  }

  /** Problems in a file of a site's Hugo configuration (a file that does not parse, a value of the wrong type). */
  hugoConfigDiagnostics(path: string): Diagnostic[] {
    if (!this.isHugoConfigFile(path)) return [];
    const name = basename(path);
    const root = /^(hugo|config)\./.test(name) && basename(dirname(dirname(path))) !== 'config' ? dirname(path) : dirname(dirname(dirname(path)));
    if (this.roots.of(root) !== root) return [];
    return (this.hugoConfigFor(root)?.diagnostics ?? []).filter((d) => d.file === path);
  }

  // ---- reading and models --------------------------------------------------------------------

  /** The line index of a file the core has read, for ranges in related locations. */
  linesOf(file: string): LineIndex | undefined {
    return this.models.linesOf(file);
  }

  /** The model of a file, built from `text` (or read through the host). Undefined when it cannot be read. */
  model(file: string, text?: string): PageModel | undefined {
    const site = this.siteFor(file);
    if (!site) return undefined;
    const kind = site.kindOf(file);
    if (text === undefined) {
      // A cached model is current until fileChanged() says otherwise: no need to read the file again.
      const cached = this.models.cached(file);
      if (cached && cached.kind === kind) return cached.model;
      const content = this.host.readFile(file);
      if (content?.kind !== 'text') return undefined;
      if (content.text.length > MAX_TEXT_BYTES) return undefined;
      return this.models.build(site, file, content.text, kind, content.version);
    }
    if (text.length > MAX_TEXT_BYTES) return undefined; // an editor's text gets the disk's limit (see lint())
    return this.models.build(site, file, text, kind);
  }

  /** Every page of a site (Markdown under content/, outside dot-folders, not ignored). */
  sitePages(site: Site): string[] {
    return sitePages(this.host, site);
  }

  /** Summarises every page of the site into its index, `batch` pages per step (indexing.ts). */
  indexSteps(site: Site, options: IndexOptions = {}): Generator<{ done: number; total: number }> {
    return indexSteps(this.host, this.models, site, options);
  }

  /** The whole index at once (the CLI); `pages`, the site's pages when the caller has just listed them. */
  indexSite(site: Site, keepModels = true, summaries?: ReadonlyMap<string, PageSummary>, pages?: readonly string[]): void {
    for (const step of this.indexSteps(site, { keepModels, summaries, pages, batch: Number.MAX_SAFE_INTEGER })) void step;
  }

  /**
   * Checks `files` of a site not yet indexed, each page as the index reaches it (the CLI): its rules
   * run on its model as soon as it is built, except the site-wide ones (Rule.siteWide), which run
   * once every page is indexed, on what the model keeps (model/residual.ts). Only the few level
   * pages a ladder reads stay whole until the index is complete, so the run needs little more memory
   * than the index does, where keeping every model for the site-wide rules took most of it.
   * The same findings as indexSite() and then lint() of each file. Returns the pages it checked; the
   * caller checks the others (include files, files it could not read) with lint() afterwards.
   */
  lintSite(site: Site, files: ReadonlySet<string>, pages: readonly string[] = this.sitePages(site)): Map<string, LintResult> {
    const halves = new Map<
      string,
      { local: Diagnostic[]; residual: PageModel; version: number | string | undefined; contexts: Map<Diagnostic, [string, string]> }
    >();
    const visit = (file: string, model: PageModel, version: number | string | undefined) => {
      if (!files.has(file) || model.kind === 'include' || model.kind !== site.kindOf(file) || halves.has(file)) return undefined;
      if (model.file.text.length > MAX_TEXT_BYTES) return undefined; // lint() reports it
      const local = checkModel(this.env, site, model, model.kind, { part: 'local' });
      const contexts = new Map(local.map((d) => [d, ownContext(findingContext(model, d))]));
      // Without a version the text could not be told from another read later (contextsOf): it stays.
      const residual = residualModel(model, version === undefined, site.index.page(file));
      halves.set(file, { local, residual, version, contexts });
      // The page's index entry then makes its headings and links from the residual when read (and
      // so holds the residual: this is the CLI's run, which ends with it; an editor's index compacts).
      return (summary: PageSummary) => summaryOverResidual(summary, residual);
    };
    const kept = pages.filter((file) => levelOfFile(file) !== undefined && this.models.cached(file) === undefined);
    const keep = new Set(kept);
    for (const step of this.indexSteps(site, { pages, visit, keepModels: (file) => keep.has(file), batch: Number.MAX_SAFE_INTEGER })) void step;
    for (const file of kept) this.models.drop(file);
    const results = new Map<string, LintResult>();
    for (const [file, { local, residual, version, contexts }] of halves) {
      const siteWide = checkModel(this.env, site, residual, residual.kind, { part: 'site-wide' });
      if (siteWide.length) this.addContexts(residual, version, siteWide, contexts);
      results.set(file, { file, kind: residual.kind, diagnostics: [...local, ...siteWide].sort(compareDiagnostics), contexts });
    }
    return results;
  }

  /**
   * The contexts of a checked page's site-wide findings, from the text its residual kept, or else
   * from its text read again. A text whose version is not the one checked (the file changed
   * during the run) gives each finding its message as context, as for a file that cannot be read.
   */
  private addContexts(residual: PageModel, version: number | string | undefined, found: Diagnostic[], contexts: Map<Diagnostic, [string, string]>): void {
    const { path, lines } = residual.file;
    let text: string | undefined;
    if (!(lines instanceof TextlessLineIndex)) text = residual.file.text;
    else {
      const content = this.host.readFile(path);
      if (content?.kind === 'text' && content.version === version) text = content.text;
    }
    const model = text === undefined ? undefined : { file: { path, text, lines }, headings: residual.headings };
    for (const d of found) contexts.set(d, ownContext(findingContext(model, d)));
  }

  /**
   * The files whose models (or checks) read `path` so far: the pages that include it or tried it for
   * a missing include, and the level pages whose ladder it belongs to.
   */
  dependentsOf(path: string): string[] {
    return this.models.dependentsOf(path);
  }

  /** What an index entry was made from (only with WorkspaceOptions.textDigest; see ModelCache.sourceOf). */
  summarySource(summary: PageSummary): SummarySource | undefined {
    return this.models.sourceOf(summary);
  }

  /** Pages known to include `file` (from the site index). */
  includersOf(file: string): PageSummary[] {
    return this.siteFor(file)?.index.includersOf(file) ?? [];
  }

  /**
   * Something changed on disk (or in an open editor). Drops what depends on it and returns the pages
   * whose diagnostics may change, or 'all' when options changed.
   */
  fileChanged(path: string, change: 'created' | 'changed' | 'deleted'): Set<string> | 'all' {
    const name = basename(path);
    if (this.configs.isConfig(path) || name === LINK_CHECKER_CONFIG) {
      this.configs.forget(path);
      this.sites.clear();
      this.models.dropModels();
      return 'all';
    }
    if (this.hugoConfigs.isConfigPath(path) || (change !== 'changed' && /^(content|assets|config|_default)$/.test(name))) {
      // A site marker or part of a site's Hugo configuration: site roots may have moved, and every
      // setting read from it may have changed (ids, include roots, URLs).
      this.hugoConfigs.forget(path);
      if (change !== 'changed') this.hugoConfigs.clear();
      this.roots.clear();
      this.sites.clear();
      this.models.dropModels();
      return 'all';
    }
    if (/\/layouts\/_?shortcodes\//.test(path)) {
      // A shortcode template: which names exist, and which take inner content, may have changed.
      this.sites.clear();
      this.models.dropModels();
      return 'all';
    }
    if (change === 'deleted') this.siteFor(path)?.index.remove(path);
    return this.models.changed(path, change, this.sites.values());
  }

  /** Forget a file's cached model (e.g. an editor closed it), keeping what other files share. */
  forget(path: string): void {
    this.models.drop(path);
  }

  // ---- linting ------------------------------------------------------------------------------

  /** Checks a file; with `reads`, records what the check read of the site besides the file's own model (lintReads.ts). */
  lint(file: string, text?: string, reads?: LintReads): LintResult {
    const site = this.siteFor(file);
    if (!site) return { file, diagnostics: [], skipped: 'not inside a Hugo site (no hugo.toml, config.* or content/ and assets/ above it)' };
    if (!site.isPageOrInclude(file))
      return { file, diagnostics: [], skipped: 'not a page of the site (Hugo renders only content/; includes come from the include folders)' };
    if (site.classifier.isIgnored(site.relative(file))) return { file, diagnostics: [], skipped: 'ignored by the configuration' };
    const kind = site.kindOf(file);
    const cached = text === undefined ? this.models.cached(file) : undefined;
    if (cached && cached.kind === kind) text = cached.text;
    const content: FileContent | undefined = text === undefined ? this.host.readFile(file) : { kind: 'text', text };
    if (!content) return { file, diagnostics: [], skipped: 'no such file' };
    // The text an editor holds gets the limit a file on disk gets: the same answer in the editor and in CI.
    const unusable =
      content.kind !== 'text' ? content : content.text.length > MAX_TEXT_BYTES ? { kind: 'too-large' as const, size: content.text.length } : undefined;
    if (unusable || content.kind !== 'text') {
      return {
        file,
        kind,
        diagnostics: applySettings(site, undefined, [
          fileDiagnostic(file, 'file-unreadable', `This file is not checked: ${describeUnreadable(unusable ?? content)}.`),
        ]),
      };
    }
    let model: PageModel;
    try {
      model = this.models.build(site, file, content.text, kind, text === undefined ? content.version : undefined);
    } catch (e) {
      // Reading the page itself failed (a bug, not the author's): say so on the file, keep going.
      return { file, kind, diagnostics: [internalError(file, 'reading this page', e)] };
    }
    return { file, kind, diagnostics: checkModel(this.env, site, model, kind, { reads }) };
  }

  /**
   * Runs chosen rules on a file's text and returns every finding, with no configured severity, "off"
   * or disable comment applied (a command that applies one rule's fixes wants them all).
   */
  check(file: string, text: string, rules: NonNullable<CheckOptions['rules']>): Diagnostic[] {
    const site = this.siteFor(file);
    const model = this.model(file, text);
    if (!site || !model) return [];
    return checkModel(this.env, site, model, model.kind, { rules, unfiltered: true });
  }
}

/** A finding's context with strings of its own: a slice of the page's text would keep the text (text.ts, own()). */
function ownContext([heading, text]: [string, string]): [string, string] {
  return [own(heading), own(text)];
}
