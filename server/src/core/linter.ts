// Running the rules on one page model: each rule gets a RuleContext (the model, the site as rules
// may read it, the schema findings, the ladder, the includers), its findings become diagnostics with
// ranges, and the configured severities, "off" and the page's disable comments are applied. A rule
// that throws is reported as internal-error on the file and the others still run.

import type { PageKind } from './config';
import { compareDiagnostics, internalError, type Diagnostic, type Severity } from './diagnostic';
import { recordingReaders, type LintReads } from './lintReads';
import { isSuppressed } from './model/directives';
import { ladderOf, type Ladder } from './model/ladder';
import type { PageModel } from './model/pageModel';
import { dirname } from './paths';
import { RULES, RULES_BY_CODE } from './rules';
import type { FindingSpec, Rule, RuleContext, SiteContext } from './rules/rule';
import { buildInstance } from './schema/instance';
import { mapSchemaErrors, type SchemaFinding } from './schema/schemaErrors';
import type { SchemaRegistry } from './schema/schemas';
import type { Site } from './site';
import type { PageSummary } from './siteIndex';
import type { LineIndex, Span } from './text';

/** What the rules need from the engine besides the page's own model. */
export interface LintEnvironment {
  schemas: SchemaRegistry;
  /** Another file's model (a ladder sibling, an including page), read through the engine's cache. */
  model(file: string): PageModel | undefined;
  /** Whether the file's index entry is known to be current: built here from the text as it is, nothing it read changed since. */
  isCurrent(file: string): boolean;
  linesOf(file: string): LineIndex | undefined;
  /** Records that `page`'s check read `path` (a change of it re-checks the page). */
  depend(path: string, page: string): void;
}

export interface CheckOptions {
  /** Record what the check read of the site besides the model (lintReads.ts). */
  reads?: LintReads;
  /** Only these rules (default: every rule that applies to the page's kind and is not off). */
  rules?: readonly Rule[];
  /**
   * One half of the check (default: both): 'local', every rule but the site-wide ones (Rule.siteWide),
   * and the included files that cannot be read; 'site-wide', the site-wide rules alone.
   */
  part?: 'local' | 'site-wide';
  /** Keep every finding: no configured severity, "off" or disable comment applies. */
  unfiltered?: boolean;
}

/** The diagnostics of a page model, sorted. */
export function checkModel(env: LintEnvironment, site: Site, model: PageModel, kind: PageKind, options: CheckOptions = {}): Diagnostic[] {
  const file = model.file.path;
  const { reads } = options;
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
      for (const s of siblings) if (s !== file) env.depend(s, file);
      ladder = ladderOf(model, siblings, (p) => (p !== file && reads?.add('model', p), env.model(p)));
    }
    return ladder;
  };
  const siteView: SiteContext = reads ? { ...siteContextOf(site), ...recordingReaders(site.index, site.resolver, reads) } : site;
  const { part } = options;
  const rules =
    options.rules ??
    RULES.filter(
      (r) => r.appliesTo.includes(kind) && site.options.rules[r.code] !== 'off' && (part === undefined || (part === 'site-wide') === (r.siteWide === true)),
    );
  for (const rule of rules) {
    const ctx: RuleContext = {
      model,
      site: siteView,
      schemaFindings: () => (schemaFindings ??= findSchemaProblems(env.schemas, model)),
      frontmatterKeys: () => frontmatterKeys(env.schemas, kind),
      ladder: ladderOfPage,
      includers: (current) => {
        reads?.add('includers', file);
        return current ? (includers ??= currentIncluders(env, site, file)) : site.index.includersOf(file);
      },
      report: (f) => diagnostics.push(toDiagnostic(env, rule, model, f)),
    };
    runRule(rule, ctx, diagnostics, model);
  }
  if (!options.rules && part !== 'site-wide') {
    // Included files that cannot be read are reported where the page includes them.
    for (const inc of model.includes) {
      if (!inc.targetProblem) continue;
      diagnostics.push(
        toDiagnostic(env, RULES_BY_CODE.get('file-unreadable')!, model, {
          span: inc.argument?.valueSpan ?? inc.call.span,
          message: `The included file ${site.label((inc.resolution as { path: string }).path)} cannot be used: ${inc.targetProblem}.`,
        }),
      );
    }
  }
  return options.unfiltered ? diagnostics.sort(compareDiagnostics) : applySettings(site, model, diagnostics);
}

/** A diagnostic about the whole file (at its start), with the rule's default severity. */
export function fileDiagnostic(file: string, code: string, message: string): Diagnostic {
  return {
    file,
    code,
    severity: RULES_BY_CODE.get(code)?.defaultSeverity ?? 'error',
    message,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  };
}

/** Configured severities, 'off', and disable comments; sorted. */
export function applySettings(site: Site, model: PageModel | undefined, diagnostics: Diagnostic[]): Diagnostic[] {
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

/**
 * The pages that include `file`, with summaries as they are now: an edit of the include file
 * dropped their models, and their anchors in the index are those of the old text until they are
 * read again, here, once per check of the include file (entries built from the current texts, as
 * in a run over the whole site, are not).
 */
function currentIncluders(env: LintEnvironment, site: Site, file: string): PageSummary[] {
  return site.index.includersOf(file).map((p) => {
    if (!p.generated && !env.isCurrent(p.path)) {
      try {
        env.model(p.path);
      } catch {
        // The page's own check reports it; keep its last summary.
      }
    }
    return site.index.page(p.path) ?? p;
  });
}

function frontmatterKeys(schemas: SchemaRegistry, kind: PageKind): { known: string[]; open: boolean } {
  const fm = schemas.deref((schemas.schema(kind).properties as Record<string, unknown> | undefined)?.frontmatter ?? {});
  return { known: Object.keys((fm.properties as object | undefined) ?? {}), open: fm.additionalProperties !== false };
}

function findSchemaProblems(schemas: SchemaRegistry, model: PageModel): SchemaFinding[] {
  const instance = buildInstance(model);
  return mapSchemaErrors(schemas.validate(model.kind, instance.value), instance, (s) => schemas.deref(s));
}

function toDiagnostic(env: LintEnvironment, rule: Rule, model: PageModel, f: FindingSpec): Diagnostic {
  const lines = model.file.lines;
  // An included file's ranges come from the text this model included (the cache may hold a newer one).
  const linesOf = (file: string) =>
    file === model.file.path ? lines : (model.includes.find((i) => i.target?.path === file)?.target?.lines ?? env.linesOf(file) ?? lines);
  const rangeIn = (file: string, span: Span) => linesOf(file).spanRange(span);
  return {
    file: model.file.path,
    code: rule.code,
    severity: f.severity ?? rule.defaultSeverity,
    message: f.message,
    ...(f.detail ? { detail: f.detail } : {}),
    range: lines.spanRange(f.span),
    related: f.related?.map((r) => ({ file: r.file, range: rangeIn(r.file, r.span), message: r.message })),
    fixes: f.fixes?.length
      ? f.fixes.map((x) => ({
          title: x.title,
          preferred: x.preferred,
          createFile: x.createFile,
          edits: x.edits.map((e) => ({ file: e.file ?? model.file.path, range: rangeIn(e.file ?? model.file.path, e.span), newText: e.newText })),
        }))
      : undefined,
    data: f.data,
    tags: f.tags,
  };
}

/** A Site as the plain SiteContext rules see, for a view that replaces some of its readers. */
function siteContextOf(site: Site): SiteContext {
  return {
    root: site.root,
    options: site.options,
    resolver: site.resolver,
    index: site.index,
    contentDir: site.contentDir,
    shortcodes: () => site.shortcodes(),
    isExcludedLink: (t) => site.isExcludedLink(t),
    label: (f) => site.label(f),
    lines: (f) => site.lines(f),
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
