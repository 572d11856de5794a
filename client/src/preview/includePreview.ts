// A markdown-it plugin that shows a Hugo handbook page the way the site will: each include shortcode
// (both delimiters) replaced by the included file's Markdown in a framed box with a caption naming
// the file, front matter as a small header card, other shortcodes as labelled placeholders, and
// heading ids exactly as the language server computes them (the core's Workspace.model()).
//
// It runs in two phases because VS Code's preview parses a document once per version (env empty,
// tokens cached) and renders it many times (env.currentDocument set):
// - parse: recognise front matter, include calls on their own line(s) and inline shortcodes, and
//   keep the page's source in a hidden first token; nothing here needs the file's location;
// - render: with the file path from the env, build the page model over the injected Host, then
//   resolve includes, read and parse the included files, and give every heading its id.
// Outside a Hugo site (no path, or no site root above it) the page renders as plain Markdown with
// shortcodes shown as written, as VS Code renders any Markdown. In a site, raw HTML never reaches the
// output as written, and links and images keep only safe URLs (see htmlSafety.ts), even when the
// page has no model (a page larger than the core reads is rendered without includes, not unchecked).
//
// No vscode, Node or DOM imports: tests run it with a plain markdown-it and an in-memory Host.

import type MarkdownIt from 'markdown-it';
import type { Options as MarkdownItOptions } from 'markdown-it';
import type Renderer from 'markdown-it/lib/renderer.mjs';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import type Token from 'markdown-it/lib/token.mjs';
import type { PageKind } from '../../../server/src/core/config';
import type { Host } from '../../../server/src/core/host';
import { splitFrontmatter } from '../../../server/src/core/markdown/frontmatter';
import { AnchorRegistry, githubAnchor, headingText } from '../../../server/src/core/markdown/headingIds';
import { scanShortcodes, type ShortcodeCall } from '../../../server/src/core/markdown/shortcodes';
import type { IncludeCall, PageModel } from '../../../server/src/core/model/pageModel';
import { dirname, relativePath } from '../../../server/src/core/paths';
import { fileLabel, findSiteRoot } from '../../../server/src/core/site';
import { Workspace, type Site } from '../../../server/src/core/workspace';
import { escapeHtml, escapeIncludedHtml, insideRawText, isSafeUrl, removedUrlTitle, sanitizePageHtml } from './htmlSafety';

export interface IncludePreviewOptions {
  /** File access for the page's site (called once per render, so it may hand out a fresh view). */
  host: Host | (() => Host);
  /**
   * The absolute POSIX path of the document being rendered, from markdown-it's env. The default
   * reads `env.careerPagesPath`; VS Code passes `env.currentDocument` (a Uri) instead.
   */
  documentPath?: (env: Record<string, unknown>) => string | undefined;
  /** The href of the caption link that opens an included file. Default: relative to the page, each segment percent-encoded. */
  fileLink?: (page: string, file: string) => string;
}

/** Set in the env of a nested parse of an included file: shortcodes there stay literal, as in Hugo. */
const NESTED = Symbol('careerPages.nestedInclude');
/** Where the render phase keeps its per-render context inside markdown-it's env. */
const CONTEXT = Symbol('careerPages.renderContext');
/** Set in the env when the page is in a Hugo site: its HTML and URLs are checked (see htmlSafety.ts). */
const IN_SITE = Symbol('careerPages.inSite');
const SOURCE_TOKEN = 'career_pages_source';
const FRONTMATTER_TOKEN = 'career_pages_frontmatter';
const INCLUDE_TOKEN = 'career_pages_include';
const SHORTCODE_TOKEN = 'career_pages_shortcode';

interface IncludeTokenMeta {
  /** Offset of the call in the page source. */
  offset: number;
  call: ShortcodeCall;
}

interface IncludedTokenMeta {
  /** The heading id decided when the included file was parsed; null: the heading has none on the site. */
  careerPagesId?: string | null;
  careerPagesIncluded?: true;
}

interface RenderContext {
  path: string;
  site: Site;
  model: PageModel;
  kind: PageKind;
  /** Page line of a heading's first line → id (headings inside paired {{< >}} shortcodes included). */
  pageIds: Map<number, string>;
  /** `${include index}:${line in the included file}` → id. */
  includeIds: Map<string, string>;
  /** Ids for headings the model does not place (inside paired shortcodes, structure drift). */
  fallback: AnchorRegistry;
  pageLines: string[];
  /** Offset in the page source where each line starts. */
  lineStarts: number[];
}

type Env = Record<string | symbol, unknown>;

/** What rendering a block of ours reads from its token (or from a line inside an HTML block). */
type RenderedBlock = Pick<Token, 'map' | 'attrs' | 'content'>;

export function includePreviewPlugin(md: MarkdownIt, options: IncludePreviewOptions): void {
  const hostOf = typeof options.host === 'function' ? options.host : () => options.host as Host;
  const documentPath = options.documentPath ?? ((env) => (typeof env.careerPagesPath === 'string' ? env.careerPagesPath : undefined));
  // Every segment percent-encoded: a file name cannot end the path early (?, #), read as a scheme (:)
  // or leave the attribute (quotes, <, & are escaped again as HTML).
  const fileLink = options.fileLink ?? ((page, file) => relativePath(dirname(page), file).split('/').map(encodeURIComponent).join('/'));
  // Named character references in page HTML attributes, with markdown-it's own table.
  const decodeEntity = (entity: string) => md.utils.unescapeAll(entity);
  const sanitize = (html: string) => sanitizePageHtml(html, decodeEntity);
  /** Inline token arrays (paragraphs) → which of their tokens sit inside a <script>, <style>, ... */
  const rawText = new WeakMap<Token[], boolean[]>();

  // ---- parse phase ---------------------------------------------------------------------------

  md.core.ruler.after('normalize', 'career_pages_source', (state: StateCore) => {
    if (state.inlineMode || isNested(state.env)) return;
    const token = new state.Token(SOURCE_TOKEN, '', 0);
    token.content = state.src;
    token.hidden = true;
    state.tokens.push(token);
  });
  // Ahead of every built-in rule (and of VS Code's own front matter rule, added after plugins).
  md.block.ruler.before('table', 'career_pages_frontmatter', frontmatterBlock);
  md.block.ruler.before('table', 'career_pages_include', includeBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.inline.ruler.before('text', 'career_pages_shortcode', shortcodeInline);
  md.core.ruler.after('inline', 'career_pages_escaped_in_code', unescapeShortcodesInCode);

  // ---- render phase --------------------------------------------------------------------------

  const rules = md.renderer.rules;
  rules[SOURCE_TOKEN] = (tokens, idx, _options, env: Env) => {
    const path = documentPath(env as Record<string, unknown>);
    const host = path ? hostOf() : undefined;
    env[IN_SITE] = Boolean(path && host && findSiteRoot(host, path));
    env[CONTEXT] = env[IN_SITE] ? createContext(host!, path!, tokens[idx].content) : undefined;
    return '';
  };
  rules[FRONTMATTER_TOKEN] = (tokens, idx, opts, env: Env, self) => renderFrontmatter(tokens[idx], opts, env, self);
  rules[INCLUDE_TOKEN] = (tokens, idx, opts, env: Env, self) => {
    const { offset, call } = tokens[idx].meta as IncludeTokenMeta;
    return renderInclude(tokens[idx], offset, call, false, opts, env, self);
  };
  rules[SHORTCODE_TOKEN] = (tokens, idx, _opts, env: Env) => renderShortcode(tokens[idx], contextOf(env));

  const headingOpen = rules.heading_open;
  rules.heading_open = (tokens, idx, opts, env: Env, self) => {
    const id = headingId(tokens, idx, contextOf(env));
    if (id === null) tokens[idx].attrs = tokens[idx].attrs?.filter(([name]) => name !== 'id') ?? null;
    else if (id !== undefined) tokens[idx].attrSet('id', id);
    return headingOpen ? headingOpen(tokens, idx, opts, env, self) : self.renderToken(tokens, idx, opts);
  };
  for (const type of ['html_block', 'html_inline'] as const) {
    const original = rules[type];
    rules[type] = (tokens, idx, opts, env: Env, self) => {
      const token = tokens[idx];
      if ((token.meta as IncludedTokenMeta | null)?.careerPagesIncluded) return escapeIncludedHtml(token.content, type === 'html_block');
      if (!env[IN_SITE]) return original ? original(tokens, idx, opts, env, self) : token.content;
      const ctx = contextOf(env);
      if (type === 'html_block') return ctx ? renderPageHtmlBlock(token, ctx, opts, env, self) : sanitize(token.content);
      // Worked out once per paragraph: it depends on the paragraph's tokens only.
      let inside = rawText.get(tokens);
      if (!inside) rawText.set(tokens, (inside = rawTextFlags(tokens)));
      return inside[idx] ? escapeHtml(token.content) : sanitize(token.content);
    };
  }
  // Markdown links and images (the page's and included ones) follow the URL rule of raw HTML.
  // markdown-it already refuses javascript:, vbscript:, file: and most data: URLs, but VS Code's
  // preview widens its check after the plugins load (data:image/..., vscode:), so it is done again
  // here, at render time, on the URL the token carries.
  const linkOpen = rules.link_open;
  rules.link_open = (tokens, idx, opts, env: Env, self) => {
    const href = tokens[idx].attrGet('href');
    if (env[IN_SITE] && href !== null && !isSafeUrl(href)) return `<a class="cp-url-removed" title="${escapeHtml(removedUrlTitle('link', href))}">`;
    return linkOpen ? linkOpen(tokens, idx, opts, env, self) : self.renderToken(tokens, idx, opts);
  };
  const image = rules.image;
  rules.image = (tokens, idx, opts, env: Env, self) => {
    const token = tokens[idx];
    const src = token.attrGet('src');
    if (env[IN_SITE] && src !== null && !isSafeUrl(src)) {
      const alt = self.renderInlineAsText(token.children ?? [], opts, env);
      return `<span class="cp-url-removed" title="${escapeHtml(removedUrlTitle('image', src))}">${escapeHtml(alt || 'image')}</span>`;
    }
    return image ? image(tokens, idx, opts, env, self) : self.renderToken(tokens, idx, opts);
  };

  function renderFrontmatter(token: Token, opts: MarkdownItOptions, env: Env, self: Renderer): string {
    const ctx = contextOf(env);
    if (!ctx) return '';
    if (ctx.kind === 'include') {
      // Hugo reads no front matter in an included file: its `---` lines are thematic breaks.
      return renderNested(token.content, opts, env, self, token.map?.[0] ?? 0, (line) => ctx.pageIds.get(line), ctx.fallback);
    }
    const fm = ctx.model.frontmatter;
    const data = fm?.data ?? {};
    const title = typeof data.title === 'string' ? data.title : undefined;
    const description = typeof data.description === 'string' ? data.description : undefined;
    let body = `<div class="cp-frontmatter-kind">${escapeHtml(KIND_LABELS[ctx.kind])}</div>`;
    body += title !== undefined
      ? `<div class="cp-frontmatter-title">${escapeHtml(title)}</div>`
      : `<div class="cp-frontmatter-title cp-missing">No title in the front matter</div>`;
    if (description !== undefined) body += `<p class="cp-frontmatter-description">${escapeHtml(description)}</p>`;
    if (fm && fm.format !== 'yaml') body += `<p class="cp-frontmatter-note">${fm.format.toUpperCase()} front matter: fields are not shown.</p>`;
    const problem = fm?.problems.find((p) => p.severity === 'error');
    if (problem) body += `<p class="cp-frontmatter-problem">${escapeHtml(problem.message)}</p>`;
    return `<header${blockAttributes(token, 'cp-frontmatter')}>${body}</header>\n`;
  }

  /**
   * An HTML block of the page, through the allowlist. Hugo still runs shortcodes in it: a line that is
   * one shortcode call shows as its placeholder, an include as its file (whose Markdown Hugo puts into
   * the HTML block unrendered).
   */
  function renderPageHtmlBlock(token: Token, ctx: RenderContext, opts: MarkdownItOptions, env: Env, self: Renderer): string {
    if (!token.content.includes('{{') || !token.map) return sanitize(token.content);
    let out = '';
    let html = '';
    const lines = token.content.split('\n');
    lines.forEach((line, i) => {
      const pageLine = token.map![0] + i;
      const source = ctx.pageLines[pageLine] ?? '';
      const column = source.indexOf(line.trim());
      const call = line.trim() && column >= 0 ? scanShortcodes(source, column).calls[0] : undefined;
      if (!call || call.span.start !== column || source.slice(call.span.end).trim()) {
        html += line + (i < lines.length - 1 ? '\n' : '');
        return;
      }
      out += sanitize(html);
      html = '';
      const offset = ctx.lineStarts[pageLine] + column;
      const shifted = { ...call, span: { start: offset, end: offset + call.span.end - call.span.start } };
      const block: RenderedBlock = { map: [pageLine, pageLine + 1], attrs: null, content: line.trim() };
      out += call.name === 'include' && !call.closing
        ? renderInclude(block, offset, shifted, true, opts, env, self)
        : renderShortcode({ ...block, meta: call }, ctx) + '\n';
    });
    return out + sanitize(html);
  }

  function renderInclude(
    token: RenderedBlock, offset: number, call: ShortcodeCall, insideHtml: boolean, opts: MarkdownItOptions, env: Env, self: Renderer,
  ): string {
    const ctx = contextOf(env);
    if (!ctx) return `<p>${escapeHtml(token.content)}</p>\n`;
    const inc = ctx.model.includes.find((i) => i.call.span.start === offset);
    const argument = call.params.find((p) => p.name === undefined)?.value ?? '';
    const attrs = (className: string, extra: [string, string][] = []) => blockAttributes(token, className, [...extra, ['data-include-path', argument]]);
    const fatal = call.problems.find((p) => p.fatal);
    if (fatal) return errorBox(attrs, 'Hugo cannot run this include', argument, fatal.message);
    if (!inc) return errorBox(attrs, 'Include not resolved', argument, 'The preview could not match this call to the page model.');
    const problem = includeProblem(inc, ctx);
    if (problem) return errorBox(attrs, problem.title, argument, problem.detail);
    const target = inc.target!;
    const label = fileLabel(ctx.site.root, target.path);
    const notes: string[] = [];
    if (inc.resolution.kind === 'case-mismatch') {
      notes.push(`<span class="cp-include-warning">Found only because Hugo ignores case: the file is ${escapeHtml(label)}.</span>`);
    }
    const detached = call.delimiter === '<' || inc.detached || insideHtml;
    if (insideHtml) {
      const why = 'Hugo puts the file\'s Markdown into the HTML block around the call, where Markdown is not rendered: on the site it shows as raw text and its headings get no ids.';
      notes.push(`<span class="cp-include-note" title="${escapeHtml(why)}">inside an HTML block: the site shows this text unrendered</span>`);
    } else if (call.delimiter === '<') {
      const why = 'With {{< >}} Hugo puts the file\'s Markdown into the page unrendered: on the site its headings, lists and links show as raw text and its headings get no ids. The handbook uses {{% include %}}.';
      notes.push(`<span class="cp-include-note" title="${escapeHtml(why)}">the site shows this text unrendered</span>`);
    } else if (inc.detached) {
      notes.push('<span class="cp-include-note">inside a paired shortcode: rendered apart from the page</span>');
    }
    // {{< >}} output is not Markdown on the site: its headings get no ids. A {{% %}} call inside a
    // paired shortcode is rendered apart from the page: ids of its own namespace.
    const pageLine = token.map?.[0] ?? 0;
    const body = call.delimiter === '<' || insideHtml
      ? renderNested(target.text, opts, env, self, pageLine, () => null, new AnchorRegistry())
      : inc.detached
      ? renderNested(target.text, opts, env, self, pageLine, () => undefined, new AnchorRegistry())
      : renderNested(target.text, opts, env, self, pageLine, (line) => ctx.includeIds.get(`${inc.index}:${line}`), ctx.fallback);
    const delimiter = call.delimiter === '%' ? '{{% %}}' : '{{&lt; &gt;}}';
    const href = fileLink(ctx.path, target.path);
    return `<figure${attrs(detached ? 'cp-include cp-include-detached' : 'cp-include')}>\n` +
      `<figcaption class="cp-include-caption"><span class="cp-include-label">include ${delimiter}</span> ` +
      `<a class="cp-include-file"${isSafeUrl(href) ? ` href="${escapeHtml(href)}"` : ''} title="Open ${escapeHtml(label)}">${escapeHtml(label)}</a>` +
      (notes.length ? ' ' + notes.join(' ') : '') + '</figcaption>\n' +
      `<div class="cp-include-body">\n${body}</div>\n</figure>\n`;
  }

  /**
   * Parses and renders an included file's text on its own. A blank first line keeps any front matter
   * rule (VS Code adds one) from claiming a leading `---`, which Hugo renders as a thematic break.
   * `knownId` gives the model's id for a heading on a line of `text` (null: none on the site);
   * others get one from `registry`.
   */
  function renderNested(
    text: string, opts: MarkdownItOptions, env: Env, self: Renderer, pageLine: number,
    knownId: (line: number) => string | null | undefined, registry: AnchorRegistry,
  ): string {
    const tokens = md.parse('\n' + text, { [NESTED]: true });
    const lines = text.split('\n');
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.type === 'heading_open' && t.map) {
        const known = knownId(t.map[0] - 1);
        const id = known !== undefined ? known : idFromSource(lines, t, tokens[i + 1], -1, registry);
        t.meta = { ...(t.meta ?? {}), careerPagesId: id } satisfies IncludedTokenMeta;
      }
      // Scroll sync and click-to-source point at the include call, not at lines of another file.
      if (t.attrGet('data-line') !== null) t.attrSet('data-line', String(pageLine));
    }
    markIncluded(tokens);
    return self.render(tokens, opts, env);
  }

  /** The page's model and ids, for a page in a Hugo site (the caller checked: most Markdown files VS Code previews are not). */
  function createContext(host: Host, path: string, src: string): RenderContext | undefined {
    const workspace = new Workspace(host);
    const site = workspace.siteFor(path);
    if (!site) return undefined;
    const model = workspace.model(path, src);
    if (!model) return undefined;
    const pageIds = new Map<number, string>();
    const includeIds = new Map<string, string>();
    // Headings inside paired {{< >}} shortcodes: ids of their own namespace, as the model gives them.
    for (const targets of model.anchors.values()) {
      for (const a of targets) if (a.kind === 'detached' && a.file === path) pageIds.set(model.file.lines.positionAt(a.span.start).line, a.id);
    }
    for (const h of model.headings) {
      if (h.include === undefined) {
        pageIds.set(model.file.lines.positionAt(h.lineSpan.start).line, h.id);
      } else {
        const target = model.includes[h.include].target;
        if (target) includeIds.set(`${h.include}:${target.lines.positionAt(h.lineSpan.start).line}`, h.id);
      }
    }
    // The fallback namespace starts with every id the model handed out, so it never repeats one.
    const fallback = new AnchorRegistry();
    for (const id of model.anchors.keys()) fallback.custom(id);
    const pageLines = src.split('\n');
    const lineStarts: number[] = [];
    let start = 0;
    for (const line of pageLines) {
      lineStarts.push(start);
      start += line.length + 1;
    }
    return { path, site, model, kind: model.kind, pageIds, includeIds, fallback, pageLines, lineStarts };
  }
}

/** Per inline token of a paragraph: whether it is inline HTML inside a <script> (or other raw-text element) opened before it. */
function rawTextFlags(tokens: Token[]): boolean[] {
  const html = tokens.map((t, i) => [t, i] as const).filter(([t]) => t.type === 'html_inline');
  const inside = insideRawText(html.map(([t]) => t.content));
  const flags = new Array<boolean>(tokens.length).fill(false);
  html.forEach(([, i], k) => (flags[i] = inside[k]));
  return flags;
}

function headingId(tokens: Token[], idx: number, ctx: RenderContext | undefined): string | null | undefined {
  const token = tokens[idx];
  const decided = (token.meta as IncludedTokenMeta | null)?.careerPagesId;
  if (decided !== undefined) return decided;
  if (!ctx || !token.map) return undefined;
  return ctx.pageIds.get(token.map[0]) ?? idFromSource(ctx.pageLines, token, tokens[idx + 1], 0, ctx.fallback);
}

/** Hugo's id for a heading the model does not know, from its source line. */
function idFromSource(lines: string[], open: Token, inline: Token | undefined, lineOffset: number, registry: AnchorRegistry): string {
  const setext = open.markup === '=' || open.markup === '-';
  const textLine = (setext ? open.map![1] - 2 : open.map![0]) + lineOffset;
  const t = headingText(lines[textLine] ?? '', !setext, inline?.content ?? '');
  return t.customId !== undefined ? registry.custom(t.customId) : registry.auto(t.text || githubAnchor(inline?.content ?? ''));
}

const KIND_LABELS: Record<PageKind, string> = {
  'career-page': 'Career framework page',
  'job-family': 'Job family page',
  page: 'Handbook page',
  include: 'Include file',
};

function markIncluded(tokens: Token[]): void {
  for (const t of tokens) {
    t.meta = { ...(t.meta ?? {}), careerPagesIncluded: true } satisfies IncludedTokenMeta;
    if (t.children) markIncluded(t.children);
  }
}

function contextOf(env: Env | undefined): RenderContext | undefined {
  return env?.[CONTEXT] as RenderContext | undefined;
}

function isNested(env: unknown): boolean {
  return typeof env === 'object' && env !== null && NESTED in env;
}

/**
 * Attributes of a block this plugin renders itself: its class, the source line, what other plugins
 * set on the token (VS Code's preview adds data-line and the code-line class for scroll sync), extras.
 */
function blockAttributes(token: RenderedBlock, className: string, extra: [string, string][] = []): string {
  const attrs = new Map<string, string>([['class', className]]);
  if (token.map) attrs.set('data-line', String(token.map[0]));
  for (const [name, value] of token.attrs ?? []) attrs.set(name, name === 'class' ? `${className} ${value}` : value);
  for (const [name, value] of extra) attrs.set(name, value);
  return [...attrs].map(([name, value]) => ` ${name}="${escapeHtml(value)}"`).join('');
}

function errorBox(attrs: (className: string, extra?: [string, string][]) => string, title: string, path: string, detail: string): string {
  return `<div${attrs('cp-include-error', [['role', 'alert']])}>` +
    `<div class="cp-include-error-title">${escapeHtml(title)}: <code class="cp-include-error-path">${escapeHtml(path || '(no path)')}</code></div>` +
    `<div class="cp-include-error-detail">${escapeHtml(detail)}</div></div>\n`;
}

function includeProblem(inc: IncludeCall, ctx: RenderContext): { title: string; detail: string } | undefined {
  const r = inc.resolution;
  const label = (p: string) => fileLabel(ctx.site.root, p);
  switch (r.kind) {
    case 'empty':
      return { title: 'Include without a path', detail: 'Name a file under assets/, e.g. {{% include "includes/x.md" %}}.' };
    case 'missing':
      return { title: 'Missing include', detail: `No such file: Hugo looks for ${r.tried.map(label).join(', ')} and the build fails.` };
    case 'outside':
      return { title: r.reason === 'url' ? 'Unsafe include (URL)' : r.reason === 'absolute' ? 'Unsafe include (absolute path)' : 'Unsafe include (outside assets/)', detail: r.detail };
    case 'directory':
      return { title: 'Include names a folder', detail: `${label(r.path)} is a folder, not a file.` };
    case 'found':
    case 'case-mismatch':
      if (inc.targetProblem) return { title: 'Include cannot be shown', detail: `${label(r.path)}: ${inc.targetProblem}.` };
      if (!inc.target) return { title: 'Include cannot be shown', detail: `${label(r.path)} could not be read.` };
      return undefined;
  }
}

function renderShortcode(token: RenderedBlock & { meta: unknown }, ctx: RenderContext | undefined): string {
  const call = token.meta as ShortcodeCall;
  if (!ctx) return escapeHtml(token.content);
  const fatal = call.problems.find((p) => p.fatal);
  const name = call.name || '?';
  const params = call.params.map((p) => (p.name ? `${p.name}=${p.value}` : p.value)).join(' ');
  const label = `${call.closing ? '/' : ''}${name}`;
  const isInclude = name === 'include' && !call.closing;
  const title = fatal ? fatal.message
    : isInclude ? 'An include in the middle of a line: the preview shows it as a placeholder.'
    : `Hugo shortcode {{${call.delimiter} ${label} ${call.delimiter === '<' ? '>' : '%'}}}: the site's theme renders it.`;
  return `<span class="cp-shortcode${fatal ? ' cp-shortcode-error' : ''}" title="${escapeHtml(title)}">` +
    `<span class="cp-shortcode-name">${escapeHtml(label)}</span>` +
    (params ? ` <span class="cp-shortcode-params">${escapeHtml(params)}</span>` : '') + '</span>';
}

// ---- parse-phase rules (no file access) ----------------------------------------------------

function frontmatterBlock(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if (startLine !== 0 || isNested(state.env) || state.blkIndent !== 0) return false;
  const split = splitFrontmatter(state.src);
  const fm = split.frontmatter;
  if (!fm || !fm.closed) return false;
  if (silent) return true;
  let endLine = 0;
  while (endLine < state.lineMax && state.bMarks[endLine] < fm.span.end) endLine++;
  const token = state.push(FRONTMATTER_TOKEN, 'header', 0);
  token.block = true;
  token.map = [0, endLine];
  token.content = state.src.slice(fm.span.start, fm.span.end);
  state.line = endLine;
  return true;
}

/** An include call that starts a line and ends one (it may span lines): a block of its own. */
function includeBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (isNested(state.env) || state.sCount[startLine] - state.blkIndent >= 4) return false;
  const src = state.src;
  const pos = state.bMarks[startLine] + state.tShift[startLine];
  if (!startsShortcode(src, pos) || src.startsWith('/*', pos + 3)) return false;
  const call = scanShortcodes(src, pos, Math.min(src.length, pos + 4100)).calls[0];
  if (!call || call.span.start !== pos || call.name !== 'include' || call.closing) return false;
  let last = startLine;
  while (last < endLine && state.eMarks[last] < call.span.end) last++;
  if (last >= endLine || src.slice(call.span.end, state.eMarks[last]).trim()) return false;
  if (silent) return true;
  const token = state.push(INCLUDE_TOKEN, 'figure', 0);
  token.block = true;
  token.map = [startLine, last + 1];
  token.content = src.slice(pos, call.span.end);
  token.meta = { offset: pos, call } satisfies IncludeTokenMeta;
  state.line = last + 1;
  return true;
}

function shortcodeInline(state: StateInline, silent: boolean): boolean {
  if (isNested(state.env)) return false;
  const src = state.src;
  const pos = state.pos;
  if (!startsShortcode(src, pos)) return false;
  const scan = scanShortcodes(src, pos, state.posMax);
  const escaped = scan.escaped[0];
  if (escaped?.start === pos) {
    // Hugo prints an escaped call without its comment markers: {{</* x */>}} shows as {{< x >}}.
    if (!silent) state.push('text', '', 0).content = unescapeShortcode(src.slice(escaped.start, escaped.end));
    state.pos = escaped.end;
    return true;
  }
  const call = scan.calls[0];
  if (!call || call.span.start !== pos) return false;
  if (!silent) {
    const token = state.push(SHORTCODE_TOKEN, 'span', 0);
    token.content = src.slice(call.span.start, call.span.end);
    token.meta = call;
  }
  state.pos = call.span.end;
  return true;
}

/** Escaped shortcodes print without their comment markers in code too (that is what they are for). */
function unescapeShortcodesInCode(state: StateCore): void {
  if (state.inlineMode || isNested(state.env)) return;
  for (const t of state.tokens) {
    if ((t.type === 'fence' || t.type === 'code_block') && t.content.includes('{{')) t.content = unescapeShortcode(t.content);
    for (const c of t.children ?? []) {
      if (c.type === 'code_inline' && c.content.includes('{{')) c.content = unescapeShortcode(c.content);
    }
  }
}

function unescapeShortcode(text: string): string {
  return text.replace(/\{\{<\/\*([\s\S]*?)\*\/>\}\}|\{\{%\/\*([\s\S]*?)\*\/%\}\}/g, (_m, angle: string | undefined, percent: string | undefined) =>
    angle !== undefined ? `{{<${angle}>}}` : `{{%${percent}%}}`);
}

function startsShortcode(src: string, pos: number): boolean {
  return src.charCodeAt(pos) === 0x7b && src.charCodeAt(pos + 1) === 0x7b && (src[pos + 2] === '%' || src[pos + 2] === '<');
}
