// What the Markdown preview shows of a page, as the engine sees it: the page kind and its label, the
// front matter card, each include call with its file's text (or why it has none), the shortcode
// placeholders, and the id of every heading (included ones too). The language server sends it to
// the client (`careerPages/previewData`), whose markdown-it plugin (client/src/preview/) renders
// from it; tests build it here directly. No HTML here: escaping is the plugin's.
//
// Positions are 0-based lines and UTF-16 columns, not offsets: markdown-it turns CRLF and CR into
// LF before it parses, which moves offsets but no line or column.

import type { PageKind } from '../config';
import { buildPageModel, type IncludeCall, type PageModel, type SourceFile } from '../model/pageModel';
import { dirname, relativePath } from '../paths';
import { fileLabel } from '../site';
import type { Position } from '../text';
import type { Site, Workspace } from '../workspace';
import { kindLabel } from './pageInfo';

export interface PreviewModel {
  /** False: not a file of a Hugo site. The preview renders it as any Markdown. */
  inSite: boolean;
  /** The page as the site renders it; undefined in a site when the file cannot be modelled (too large). */
  page?: PreviewPage;
}

export interface PreviewPage {
  kind: PageKind;
  /** The kind's name, as the status bar shows it. */
  kindLabel: string;
  /** The front matter card; undefined for an include file (Hugo reads no front matter there). */
  frontmatter?: PreviewFrontmatter;
  /** The outline of the rendered page in document order, included headings in place, with their ids. */
  headings: PreviewHeading[];
  /** Headings in the inner content of paired {{< >}} shortcodes (rendered apart from the page), by page line. */
  detachedHeadings: { line: number; id: string }[];
  /** Every include call of the page, in document order. */
  includes: PreviewInclude[];
  /** Shortcode calls in the page's text (not in code or comments), in document order. */
  shortcodes: PreviewShortcode[];
}

export interface PreviewFrontmatter {
  format: 'yaml' | 'toml' | 'json';
  title?: string;
  description?: string;
  /** The first error in it (syntax, unclosed), as the diagnostics say it. */
  problem?: string;
}

export interface PreviewHeading {
  id: string;
  level: number;
  /** The heading's first line, in the page or (with `include`) in the included file. */
  line: number;
  /** Index into `includes` of the call that brought it in. */
  include?: number;
}

export interface PreviewInclude {
  start: Position;
  end: Position;
  delimiter: '%' | '<';
  /** The path as written. */
  argument: string;
  /** Why no file is shown: Hugo cannot run the call, or it names no file that can be included. */
  problem?: { title: string; detail: string };
  file?: PreviewIncludedFile;
}

export interface PreviewIncludedFile {
  /** The file relative to the site root. */
  label: string;
  /** The file relative to the page's folder (a link that opens it). */
  link: string;
  text: string;
  /** The path names the file only when letter case is ignored. */
  caseMismatch: boolean;
  /**
   * How the site shows the text: spliced into the page ('page'), rendered apart from it inside a
   * paired {{< >}} shortcode ('apart'), or left unrendered by a {{< include >}} call ('raw').
   */
  rendered: 'page' | 'apart' | 'raw';
  /** Heading ids by line of the included file: the page's for 'page', their own namespace for 'apart', none for 'raw'. */
  headingIds: { line: number; id: string }[];
}

export interface PreviewShortcode {
  start: Position;
  /** What the placeholder says: `youtube`, `/alert` (`?` for a call without a name). */
  label: string;
  /** The parameters as written, `id=abc note`. */
  params: string;
  /** Its tooltip: what Hugo makes of it. */
  title: string;
  /** Hugo cannot run it (a malformed call). */
  error: boolean;
}

/** The preview of `file` with the text `text` (the editor's, which may be unsaved). */
export function previewModel(workspace: Workspace, file: string, text: string): PreviewModel {
  const site = workspace.siteFor(file);
  if (!site) return { inSite: false };
  const model = workspace.model(file, text);
  return { inSite: true, page: model && previewPage(site, file, model) };
}

function previewPage(site: Site, file: string, model: PageModel): PreviewPage {
  const lines = model.file.lines;
  const headings: PreviewHeading[] = [];
  const includedIds = new Map<number, { line: number; id: string }[]>();
  for (const h of model.headings) {
    if (h.include === undefined) {
      headings.push({ id: h.id, level: h.level, line: lines.positionAt(h.lineSpan.start).line });
      continue;
    }
    const target = model.includes[h.include].target;
    if (!target) continue;
    const line = target.lines.positionAt(h.lineSpan.start).line;
    headings.push({ id: h.id, level: h.level, line, include: h.include });
    let ids = includedIds.get(h.include);
    if (!ids) includedIds.set(h.include, (ids = []));
    ids.push({ line, id: h.id });
  }
  const detachedHeadings: { line: number; id: string }[] = [];
  for (const targets of model.anchors.values()) {
    for (const a of targets) if (a.kind === 'detached' && a.file === file) detachedHeadings.push({ line: lines.positionAt(a.span.start).line, id: a.id });
  }
  detachedHeadings.sort((a, b) => a.line - b.line);
  const catalog = site.shortcodes();
  return {
    kind: model.kind,
    kindLabel: kindLabel(model.kind),
    frontmatter: model.kind === 'include' ? undefined : previewFrontmatter(model),
    headings,
    detachedHeadings,
    includes: model.includes.map((inc) => previewInclude(site, file, model, inc, includedIds.get(inc.index) ?? [])),
    shortcodes: model.shortcodes
      .filter((s) => s.context === 'text')
      .map(({ call }) => {
        const fatal = call.problems.find((p) => p.fatal);
        const label = `${call.closing ? '/' : ''}${call.name || '?'}`;
        const unknown = catalog.hasTemplates && !!call.name && !call.closing && !catalog.byName.has(call.name);
        const title = fatal
          ? fatal.message
          : call.name === 'include' && !call.closing
            ? 'An include in the middle of a line: the preview shows it as a placeholder.'
            : unknown
              ? `No shortcode "${call.name}" in this site, in Hugo or in the configured shortcodes: Hugo stops the build.`
              : `Hugo shortcode {{${call.delimiter} ${label} ${call.delimiter === '<' ? '>' : '%'}}}: the site's theme renders it.`;
        return {
          start: lines.positionAt(call.span.start),
          label,
          params: call.params.map((p) => (p.name ? `${p.name}=${p.value}` : p.value)).join(' '),
          title,
          error: !!fatal,
        };
      }),
  };
}

function previewFrontmatter(model: PageModel): PreviewFrontmatter {
  const fm = model.frontmatter;
  const data = fm?.data ?? {};
  return {
    format: fm?.format ?? 'yaml',
    title: typeof data.title === 'string' ? data.title : undefined,
    description: typeof data.description === 'string' ? data.description : undefined,
    problem: fm?.problems.find((p) => p.severity === 'error')?.message,
  };
}

function previewInclude(site: Site, page: string, model: PageModel, inc: IncludeCall, pageIds: { line: number; id: string }[]): PreviewInclude {
  const lines = model.file.lines;
  const call = inc.call;
  const base = { start: lines.positionAt(call.span.start), end: lines.positionAt(call.span.end), delimiter: call.delimiter, argument: inc.path };
  const fatal = call.problems.find((p) => p.fatal);
  if (fatal) return { ...base, problem: { title: 'Hugo cannot run this include', detail: fatal.message } };
  const problem = includeProblem(site, inc);
  const target = inc.target;
  if (problem || !target) return { ...base, problem: problem ?? { title: 'Include cannot be shown', detail: `${inc.path} could not be read.` } };
  const rendered = call.delimiter === '<' ? 'raw' : inc.detached ? 'apart' : 'page';
  return {
    ...base,
    file: {
      label: fileLabel(site.root, target.path),
      link: relativePath(dirname(page), target.path),
      text: target.text,
      caseMismatch: inc.resolution.kind === 'case-mismatch',
      rendered,
      headingIds: rendered === 'page' ? pageIds : rendered === 'apart' ? ownIds(target) : [],
    },
  };
}

/** Heading ids of an included text rendered on its own, inside a paired shortcode: a namespace of their own. */
function ownIds(target: SourceFile): { line: number; id: string }[] {
  // As an include file is modelled: no front matter, its shortcodes not run (Hugo runs none in included text).
  const model = buildPageModel(target, { kind: 'include', include: () => ({ resolution: { kind: 'empty' } }) });
  return model.headings.map((h) => ({ line: target.lines.positionAt(h.lineSpan.start).line, id: h.id }));
}

/** Why an include call shows no file, or undefined when it shows one. */
function includeProblem(site: Site, inc: IncludeCall): { title: string; detail: string } | undefined {
  const r = inc.resolution;
  const label = (p: string) => fileLabel(site.root, p);
  const roots = site.includeRoots.map((root) => `${label(root)}/`).join(', ');
  switch (r.kind) {
    case 'empty':
      return { title: 'Include without a path', detail: `Name a file under ${roots}, e.g. {{% include "includes/x.md" %}}.` };
    case 'missing':
      return { title: 'Missing include', detail: `No such file: Hugo looks for ${r.tried.map(label).join(', ')} and the build fails.` };
    case 'outside':
      return {
        title: r.reason === 'url' ? 'Unsafe include (URL)' : r.reason === 'absolute' ? 'Unsafe include (absolute path)' : `Unsafe include (outside ${roots})`,
        detail: r.detail,
      };
    case 'directory':
      return { title: 'Include names a folder', detail: `${label(r.path)} is a folder, not a file.` };
    case 'found':
    case 'case-mismatch':
      if (inc.targetProblem) return { title: 'Include cannot be shown', detail: `${label(r.path)}: ${inc.targetProblem}.` };
      if (!inc.target) return { title: 'Include cannot be shown', detail: `${label(r.path)} could not be read.` };
      return undefined;
  }
}
