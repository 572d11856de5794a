// The engine: finds each file's site and options, builds and caches models (a page is parsed once
// per version of its text; an include file is read and parsed once and shared by every page that
// includes it), runs the rules, and applies severities and disable comments. Knows which pages depend
// on which files, so a change re-validates only what it affects.

import { CONFIG_FILE_NAME, mergeOptions, PathClassifier, type Options, type PageKind } from './config';
import { loadConfigFile, type ConfigState } from './configFile';
import { compareDiagnostics, internalError, type Diagnostic, type Severity } from './diagnostic';
import { describeUnreadable, MAX_TEXT_BYTES, type FileContent, type Host } from './host';
import { buildPageModel, sourceFile, type IncludeLookup, type PageModel, type SourceFile } from './model/pageModel';
import { isSuppressed } from './model/directives';
import { recordingReaders, type LintReads } from './lintReads';
import { ladderOf, type Ladder } from './model/ladder';
import { basename, dirname, isInside, joinPath, relativePath } from './paths';
import { RULES, RULES_BY_CODE } from './rules';
import type { FindingSpec, Rule, RuleContext, SiteContext } from './rules/rule';
import { buildInstance } from './schema/instance';
import { mapSchemaErrors, type SchemaFinding } from './schema/schemaErrors';
import { SchemaRegistry } from './schema/schemas';
import { IncludeResolver, isSiteRoot } from './site';
import { normalizeUrlPath, SiteIndex, summarize, type PageSummary } from './siteIndex';
import { compileLinkPattern, parseLinkExclusions, type LinkPattern } from './linkTargets';
import { buildShortcodeCatalog, type ShortcodeCatalog } from './shortcodeCatalog';
import { parse as parseYaml } from 'yaml';

/** The handbook's link checker configuration, whose exclusions cross-page link checks honour. */
export const LINK_CHECKER_CONFIG = '.hugolint.yaml';
import { LineIndex, type Span } from './text';

export interface LintResult {
  file: string;
  kind?: PageKind;
  diagnostics: Diagnostic[];
  /** Why the file was not checked (outside a Hugo site, ignored by configuration, gone). */
  skipped?: string;
}

export interface WorkspaceOptions {
  /** Options that win over the config file (the editor's settings). */
  settings?: Partial<Options>;
  /** Use this config file instead of looking for `.career-pages.jsonc`. */
  configFile?: string;
}

const MARKDOWN = /\.(md|markdown)$/i;

export function isMarkdownPath(path: string): boolean {
  return MARKDOWN.test(path);
}

export class Site implements SiteContext {
  readonly classifier: PathClassifier;
  readonly resolver: IncludeResolver;
  readonly includeRoots: string[];
  /** Summaries of the site's pages: URLs, anchors, links, includes (see siteIndex.ts). */
  readonly index = new SiteIndex();
  readonly contentDir: string;

  constructor(
    readonly root: string,
    readonly options: Options,
    readonly config: ConfigState | undefined,
    private readonly host: Host,
    private readonly workspace: Workspace,
  ) {
    this.classifier = new PathClassifier(options);
    this.includeRoots = options.includeRoots.map((r) => joinPath(root, r));
    this.resolver = new IncludeResolver(host, root, this.includeRoots);
    this.contentDir = `${root}/content`;
  }

  private exclusions?: LinkPattern[];
  private catalog?: ShortcodeCatalog;

  /** The shortcodes this site can use (its templates, Hugo's, and the configured ones). */
  shortcodes(): ShortcodeCatalog {
    return (this.catalog ??= buildShortcodeCatalog(this.host, this.root, this.options.shortcodes));
  }

  /** The link checker's exclusions (`.hugolint.yaml` at the site root): links matching them are not checked. */
  linkExclusions(): LinkPattern[] {
    if (!this.exclusions) {
      const content = this.host.readFile(`${this.root}/${LINK_CHECKER_CONFIG}`);
      this.exclusions = content?.kind === 'text' ? parseLinkExclusions(content.text, (t) => parseYaml(t, { strict: false })) : [];
      for (const pattern of this.options.linkExclusions) {
        try {
          this.exclusions.push(compileLinkPattern(pattern));
        } catch {
          // Reported on the configuration file (configFile.ts), which then contributes no options.
        }
      }
    }
    return this.exclusions;
  }

  isExcludedLink(target: string): boolean {
    return this.linkExclusions().some((re) => re.test(target));
  }

  /** The Markdown files directly in a folder: the level pages a career ladder is made of. */
  ladderFiles(folder: string): string[] {
    return this.host.listFiles(folder).filter((f) => dirname(f) === folder && isMarkdownPath(f));
  }

  label(file: string): string {
    return isInside(this.root, file) ? relativePath(this.root, file) : file;
  }

  lines(file: string): LineIndex | undefined {
    return this.workspace.linesOf(file);
  }

  relative(file: string): string {
    return relativePath(this.root, file);
  }

  isUnderIncludeRoot(file: string): boolean {
    return this.includeRoots.some((r) => isInside(r, file) && r !== file);
  }

  /** Hugo renders Markdown under content/ (not in dot-folders); include files live under the include roots. */
  isPageOrInclude(file: string): boolean {
    if (this.isUnderIncludeRoot(file)) return true;
    return isInside(this.contentDir, file) && !file.slice(this.contentDir.length).includes('/.');
  }

  kindOf(file: string): PageKind {
    return this.workspace.kindOverride(file) ?? this.configuredKindOf(file);
  }

  /** The kind the configuration (pageKinds globs, include roots) gives a file, ignoring session overrides. */
  configuredKindOf(file: string): PageKind {
    // Remembered per file: a Site's options never change (new options make a new Site).
    let kind = this.configuredKinds.get(file);
    if (!kind) {
      kind = this.classifier.kindOf(this.relative(file), this.isUnderIncludeRoot(file));
      this.configuredKinds.set(file, kind);
    }
    return kind;
  }

  private readonly configuredKinds = new Map<string, PageKind>();
}

interface CachedModel {
  text: string;
  kind: PageKind;
  model: PageModel;
}

export class Workspace {
  readonly schemas = new SchemaRegistry();
  private settings: Partial<Options>;
  private readonly explicitConfig?: string;
  private readonly siteRoots = new Map<string, string | null>();
  private readonly sites = new Map<string, Site>();
  private readonly configs = new Map<string, ConfigState>();
  private readonly models = new Map<string, CachedModel>();
  private readonly includeTexts = new Map<string, { content: FileContent | undefined; source?: SourceFile }>();
  /** path → pages whose model depends on it (included files, and paths tried for missing includes). */
  private readonly dependents = new Map<string, Set<string>>();
  /** Page kinds chosen for single files in the editor for this session (see core/features/pageInfo.ts). */
  private readonly kindOverrides = new Map<string, PageKind>();

  constructor(readonly host: Host, options: WorkspaceOptions = {}) {
    this.settings = options.settings ?? {};
    this.explicitConfig = options.configFile;
  }

  /** New editor settings: every option-dependent cache is dropped. */
  setSettings(settings: Partial<Options>): void {
    this.settings = settings;
    this.sites.clear();
    this.models.clear();
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
    const root = this.siteRootOf(dirname(file));
    if (root === null) return undefined;
    let site = this.sites.get(root);
    if (!site) {
      const config = this.configFor(root);
      site = new Site(root, mergeOptions(config?.options, this.settings), config, this.host, this);
      this.sites.set(root, site);
    }
    return site;
  }

  /** The site root for a folder, remembered for the folder and each folder walked through. */
  private siteRootOf(dir: string): string | null {
    const known = this.siteRoots.get(dir);
    if (known !== undefined) return known;
    let root: string | null;
    if (isSiteRoot(this.host, dir)) root = dir;
    else {
      const parent = dirname(dir);
      root = parent === dir ? null : this.siteRootOf(parent);
    }
    this.siteRoots.set(dir, root);
    return root;
  }

  /** The configuration file that applies to a site root (nearest `.career-pages.jsonc` at or above it). */
  configFor(root: string): ConfigState | undefined {
    const path = this.explicitConfig ?? this.findConfig(root);
    return path ? this.configState(path) : undefined;
  }

  private findConfig(root: string): string | undefined {
    let dir = root;
    for (;;) {
      const candidate = joinPath(dir, CONFIG_FILE_NAME);
      if (this.host.exists(candidate) === 'file') return candidate;
      const parent = dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
  }

  /** A configuration file, read and checked once (until fileChanged() says it changed). */
  private configState(path: string): ConfigState {
    let state = this.configs.get(path);
    if (!state) {
      state = loadConfigFile(this.host, path, this.schemas);
      this.configs.set(path, state);
    }
    return state;
  }

  /** Problems in a configuration file (shown on the file in the editor; the CLI exits 2). */
  configDiagnostics(configPath: string): Diagnostic[] {
    return this.configState(configPath).diagnostics;
  }

  // ---- reading and models --------------------------------------------------------------------

  /** The line index of a file the core has read, for ranges in related locations. */
  linesOf(file: string): LineIndex | undefined {
    return this.models.get(file)?.model.file.lines ?? this.includeTexts.get(file)?.source?.lines;
  }

  private readInclude(path: string): { content: FileContent | undefined; source?: SourceFile } {
    let entry = this.includeTexts.get(path);
    if (!entry) {
      const content = this.host.readFile(path);
      entry = { content, source: content?.kind === 'text' ? sourceFile(path, content.text) : undefined };
      this.includeTexts.set(path, entry);
    }
    return entry;
  }

  private depend(path: string, page: string): void {
    let set = this.dependents.get(path);
    if (!set) this.dependents.set(path, (set = new Set()));
    set.add(page);
  }

  /** The model of a file, built from `text` (or read through the host). Undefined when it cannot be read. */
  model(file: string, text?: string): PageModel | undefined {
    const site = this.siteFor(file);
    if (!site) return undefined;
    const kind = site.kindOf(file);
    if (text === undefined) {
      // A cached model is current until fileChanged() says otherwise: no need to read the file again.
      const cached = this.models.get(file);
      if (cached && cached.kind === kind) return cached.model;
      const content = this.host.readFile(file);
      if (content?.kind !== 'text') return undefined;
      text = content.text;
    }
    if (text.length > MAX_TEXT_BYTES) return undefined; // an editor's text gets the disk's limit (see lint())
    return this.modelFor(site, file, text, kind);
  }

  private modelFor(site: Site, file: string, text: string, kind: PageKind): PageModel {
    const cached = this.models.get(file);
    if (cached && cached.text === text && cached.kind === kind) return cached.model;
    // An include file read for a page and now opened as itself shares the same source text.
    const shared = this.includeTexts.get(file)?.source;
    const source = shared && shared.text === text ? shared : sourceFile(file, text);
    const model = buildPageModel(source, {
      kind,
      include: (argument): IncludeLookup => {
        const resolution = site.resolver.resolve(argument);
        if (resolution.kind === 'missing') for (const t of resolution.tried) this.depend(t, file);
        if (resolution.kind !== 'found' && resolution.kind !== 'case-mismatch') return { resolution };
        this.depend(resolution.path, file);
        const { content, source: target } = this.readInclude(resolution.path);
        if (!content) return { resolution: { kind: 'missing', tried: [resolution.path] } };
        if (!target) return { resolution, targetProblem: describeUnreadable(content) };
        return { resolution, target };
      },
    });
    this.models.set(file, { text, kind, model });
    if (kind !== 'include') site.index.update(summarize(model, site.contentDir));
    return model;
  }

  /** Every page of a site (Markdown under content/, outside dot-folders, not ignored). */
  sitePages(site: Site): string[] {
    return this.host.listFiles(site.contentDir).filter((f) => isMarkdownPath(f) && site.isPageOrInclude(f) && !site.classifier.isIgnored(site.relative(f)));
  }

  /**
   * Summarises every page of the site into its index, `batch` pages per step, so that a server can
   * interleave requests between steps. Models are kept only when `keepModels` (the CLI checks every
   * page next; an editor keeps only what it has open). `summaries` are entries known to be current
   * (the CLI's cache restores them, checked against the pages' texts and includes): those pages go
   * into the index as they are, unread.
   */
  *indexSteps(site: Site, options: { batch?: number; keepModels?: boolean; summaries?: ReadonlyMap<string, PageSummary> } = {}): Generator<{ done: number; total: number }> {
    const pages = this.sitePages(site);
    const batch = options.batch ?? 100;
    for (let i = 0; i < pages.length; i++) {
      const file = pages[i];
      const hadModel = this.models.has(file);
      const restored = hadModel ? undefined : options.summaries?.get(file);
      if (restored) site.index.update(restored);
      else if (!site.index.page(file) || !hadModel) {
        try {
          const content = this.host.readFile(file);
          if (content?.kind === 'text') this.modelFor(site, file, content.text, site.kindOf(file));
        } catch {
          // A page the core fails to read stays out of the index; lint() reports it as internal-error.
        }
        if (!hadModel && !options.keepModels) this.models.delete(file);
      }
      if ((i + 1) % batch === 0) yield { done: i + 1, total: pages.length };
    }
    // Hugo always publishes the home page and a list page for each top-level section, with or
    // without an _index.md.
    const sections = new Set(pages.map((p) => relativePath(site.contentDir, p).split('/')).filter((parts) => parts.length > 1).map((parts) => parts[0]));
    for (const url of ['/', ...[...sections].map((s) => `/${s}/`)]) {
      if (site.index.pageAt(url)) continue;
      site.index.update({
        path: `${site.contentDir}${url}_index.md`, kind: 'page', url: normalizeUrlPath(url), aliases: [], headings: [], anchors: [], includes: [], links: [], hasFootnotes: false, generated: true,
      });
    }
    site.index.complete = true;
    yield { done: pages.length, total: pages.length };
  }

  /** The whole index at once (the CLI). */
  indexSite(site: Site, keepModels = true, summaries?: ReadonlyMap<string, PageSummary>): void {
    for (const step of this.indexSteps(site, { keepModels, summaries, batch: Number.MAX_SAFE_INTEGER })) void step;
  }

  /**
   * The files whose models (or checks) read `path` so far: the pages that include it or tried it for
   * a missing include, and the level pages whose ladder it belongs to.
   */
  dependentsOf(path: string): string[] {
    return [...(this.dependents.get(path) ?? [])].sort();
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
    if (name === CONFIG_FILE_NAME || path === this.explicitConfig || name === LINK_CHECKER_CONFIG) {
      this.configs.delete(path);
      this.sites.clear();
      this.models.clear();
      return 'all';
    }
    if (/^(hugo|config)\.(toml|ya?ml|json)$/.test(name) || (change !== 'changed' && /^(content|assets|config|_default)$/.test(name))) {
      // A site marker: site roots may have moved.
      this.siteRoots.clear();
      this.sites.clear();
      this.models.clear();
      return 'all';
    }
    if (/\/layouts\/_?shortcodes\//.test(path)) {
      // A shortcode template: which names exist, and which take inner content, may have changed.
      this.sites.clear();
      this.models.clear();
      return 'all';
    }
    const affected = new Set<string>();
    this.includeTexts.delete(path);
    this.models.delete(path);
    if (change === 'deleted') this.siteFor(path)?.index.remove(path);
    for (const page of this.dependents.get(path) ?? []) {
      affected.add(page);
      this.models.delete(page);
    }
    if (change !== 'changed') {
      for (const site of this.sites.values()) site.resolver.reset();
      // A page that matched a file only by case, or whose include was missing, may resolve differently now.
      for (const [page, cached] of this.models) {
        if (cached.model.includes.some((i) => i.resolution.kind === 'case-mismatch' || i.resolution.kind === 'missing')) {
          affected.add(page);
          this.models.delete(page);
        }
      }
    }
    affected.delete(path);
    return affected;
  }

  /** Forget a file's cached model (e.g. an editor closed it), keeping what other files share. */
  forget(path: string): void {
    this.models.delete(path);
  }

  // ---- linting ------------------------------------------------------------------------------

  /** Checks a file; with `reads`, records what the check read of the site besides the file's own model (lintReads.ts). */
  lint(file: string, text?: string, reads?: LintReads): LintResult {
    const site = this.siteFor(file);
    if (!site) return { file, diagnostics: [], skipped: 'not inside a Hugo site (no hugo.toml, config.* or content/ and assets/ above it)' };
    if (!site.isPageOrInclude(file)) return { file, diagnostics: [], skipped: 'not a page of the site (Hugo renders only content/; includes come from the include folders)' };
    if (site.classifier.isIgnored(site.relative(file))) return { file, diagnostics: [], skipped: 'ignored by the configuration' };
    const kind = site.kindOf(file);
    const cached = text === undefined ? this.models.get(file) : undefined;
    if (cached && cached.kind === kind) text = cached.text;
    const content: FileContent | undefined = text === undefined ? this.host.readFile(file) : { kind: 'text', text };
    if (!content) return { file, diagnostics: [], skipped: 'no such file' };
    // The text an editor holds gets the limit a file on disk gets: the same answer in the editor and in CI.
    const unusable = content.kind !== 'text' ? content : content.text.length > MAX_TEXT_BYTES ? { kind: 'too-large' as const, size: content.text.length } : undefined;
    if (unusable || content.kind !== 'text') {
      return { file, kind, diagnostics: this.finish(site, undefined, [this.fileDiagnostic(file, 'file-unreadable', `This file is not checked: ${describeUnreadable(unusable ?? content)}.`)]) };
    }
    text = content.text;
    let model: PageModel;
    try {
      model = this.modelFor(site, file, text, kind);
    } catch (e) {
      // Reading the page itself failed (a bug, not the author's): say so on the file, keep going.
      return { file, kind, diagnostics: [internalError(file, 'reading this page', e)] };
    }
    const diagnostics: Diagnostic[] = [];
    let schemaFindings: SchemaFinding[] | undefined;
    let includers: PageSummary[] | undefined;
    let ladder: Ladder | undefined;
    const ladderOfPage = (): Ladder => {
      if (!ladder) {
        const folder = dirname(file);
        const siblings = site.ladderFiles(folder);
        reads?.add('ladder', folder);
        // A sibling's edit changes this page's ladder findings.
        for (const s of siblings) if (s !== file) this.depend(s, file);
        ladder = ladderOf(model, siblings, (p) => (p !== file && reads?.add('model', p), this.model(p)));
      }
      return ladder;
    };
    const siteView: SiteContext = reads ? { ...siteContextOf(site), ...recordingReaders(site.index, site.resolver, reads) } : site;
    for (const rule of RULES) {
      if (!rule.appliesTo.includes(kind)) continue;
      if (site.options.rules[rule.code] === 'off') continue;
      const ctx: RuleContext = {
        model,
        site: siteView,
        schemaFindings: () => (schemaFindings ??= this.schemaFindings(model)),
        frontmatterKeys: () => this.frontmatterKeys(kind),
        ladder: ladderOfPage,
        includers: (current) => {
          reads?.add('includers', file);
          return current ? (includers ??= this.currentIncluders(site, file)) : site.index.includersOf(file);
        },
        report: (f) => diagnostics.push(this.toDiagnostic(rule, model, f)),
      };
      runRule(rule, ctx, diagnostics, model);
    }
    // Included files that cannot be read are reported where the page includes them.
    for (const inc of model.includes) {
      if (!inc.targetProblem) continue;
      diagnostics.push(this.toDiagnostic(RULES_BY_CODE.get('file-unreadable')!, model, {
        span: inc.argument?.valueSpan ?? inc.call.span,
        message: `The included file ${site.label((inc.resolution as { path: string }).path)} cannot be used: ${inc.targetProblem}.`,
      }));
    }
    return { file, kind, diagnostics: this.finish(site, model, diagnostics) };
  }

  /**
   * The pages that include `file`, with summaries as they are now: an edit of the include file
   * dropped their models (fileChanged), and their anchors in the index are those of the old text
   * until they are read again, here, once per check of the include file.
   */
  private currentIncluders(site: Site, file: string): PageSummary[] {
    return site.index.includersOf(file).map((p) => {
      if (!p.generated && !this.models.has(p.path)) {
        try {
          this.model(p.path);
        } catch {
          // The page's own check reports it; keep its last summary.
        }
      }
      return site.index.page(p.path) ?? p;
    });
  }

  private frontmatterKeys(kind: PageKind): { known: string[]; open: boolean } {
    const fm = this.schemas.deref((this.schemas.schema(kind).properties as Record<string, unknown> | undefined)?.frontmatter ?? {});
    return { known: Object.keys((fm.properties as object | undefined) ?? {}), open: fm.additionalProperties !== false };
  }

  private schemaFindings(model: PageModel): SchemaFinding[] {
    const instance = buildInstance(model);
    return mapSchemaErrors(this.schemas.validate(model.kind, instance.value), instance, (s) => this.schemas.deref(s));
  }

  private toDiagnostic(rule: Rule, model: PageModel, f: FindingSpec): Diagnostic {
    const lines = model.file.lines;
    // An included file's ranges come from the text this model included (the cache may hold a newer one).
    const linesOf = (file: string) => (file === model.file.path ? lines : model.includes.find((i) => i.target?.path === file)?.target?.lines ?? this.linesOf(file) ?? lines);
    const rangeIn = (file: string, span: Span) => linesOf(file).spanRange(span);
    return {
      file: model.file.path,
      code: rule.code,
      severity: f.severity ?? rule.defaultSeverity,
      message: f.message,
      range: lines.spanRange(f.span),
      related: f.related?.map((r) => ({ file: r.file, range: rangeIn(r.file, r.span), message: r.message })),
      fixes: f.fixes?.length
        ? f.fixes.map((x) => ({
            title: x.title, preferred: x.preferred, createFile: x.createFile,
            edits: x.edits.map((e) => ({ file: e.file ?? model.file.path, range: rangeIn(e.file ?? model.file.path, e.span), newText: e.newText })),
          }))
        : undefined,
      data: f.data,
      tags: f.tags,
    };
  }

  private fileDiagnostic(file: string, code: string, message: string): Diagnostic {
    return { file, code, severity: RULES_BY_CODE.get(code)?.defaultSeverity ?? 'error', message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  }

  /** Configured severities, 'off', and disable comments; sorted. */
  private finish(site: Site, model: PageModel | undefined, diagnostics: Diagnostic[]): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const d of diagnostics) {
      const setting = site.options.rules[d.code];
      if (setting === 'off') continue;
      if (setting) d.severity = setting as Severity;
      if (model && isSuppressed(model.directives, d.code, d.range.start.line)) continue;
      out.push(d);
    }
    return out.sort(compareDiagnostics);
  }
}

/** A Site as the plain SiteContext rules see, for a view that replaces some of its readers. */
function siteContextOf(site: Site): SiteContext {
  return {
    root: site.root, options: site.options, resolver: site.resolver, index: site.index, contentDir: site.contentDir,
    shortcodes: () => site.shortcodes(), isExcludedLink: (t) => site.isExcludedLink(t), label: (f) => site.label(f), lines: (f) => site.lines(f),
  };
}

function runRule(rule: Rule, ctx: RuleContext, diagnostics: Diagnostic[], model: PageModel): void {
  try {
    rule.check(ctx);
  } catch (e) {
    // A bug in a rule must not take the other rules down, and must not be hidden either.
    diagnostics.push(internalError(model.file.path, `running the rule ${rule.code} on this file`, e));
  }
}
