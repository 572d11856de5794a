// A markdown-it plugin that shows a Hugo handbook page the way the site will: each {{% include %}}
// replaced by the included file's Markdown in a framed box with a caption naming the file, each
// {{< include >}} by the file's text unrendered, as Hugo puts it into the page (test/hugo/angleInclude.test.ts),
// in a box that says so and why (inline where the call is inside a line of text), front matter as a
// small header card, other shortcodes as labelled placeholders, and heading ids exactly as the
// language server computes them. What each of those is comes from the
// engine (core/features/previewModel.ts): in VS Code the language server sends it for the open
// document (`careerPages/previewData`, kept by previewData.ts), in the tests the core builds it.
//
// It runs in two phases because VS Code's preview parses a document once per version (env empty,
// tokens cached) and renders it many times (env.currentDocument set):
// - parse: recognise front matter, include calls on their own line(s) and inline shortcodes, and
//   keep the page's text in a hidden first token; nothing here needs the file or the engine;
// - render: ask `source` for the engine's data of that very text, and render each call, card and
//   heading from it, matched by position (line and column, which markdown-it's line-break
//   normalization keeps).
// Without data for this text (not yet sent, or the page too large to model) the page renders as
// plain Markdown with shortcodes shown as written and no heading ids of ours; outside a Hugo site it
// renders as VS Code renders any Markdown. In a site, or while that is not known yet, raw HTML never
// reaches the output as written, and links and images keep only safe URLs (see htmlSafety.ts).
//
// No vscode, Node or DOM imports: tests run it with a plain markdown-it and data from the core, and
// it can run in a web worker.

import type MarkdownIt from 'markdown-it';
import type { Options as MarkdownItOptions } from 'markdown-it';
import type Renderer from 'markdown-it/lib/renderer.mjs';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import type Token from 'markdown-it/lib/token.mjs';
import type { PreviewIncludedFile, PreviewInclude, PreviewPage, PreviewShortcode } from '../../../server/src/lsp/customProtocol';
import { type Position, scanShortcodes, type ShortcodeCall, splitFrontmatter } from '../../../server/src/core/markdown';
import { escapeHtml, escapeIncludedHtml, insideRawText, isSafeUrl, rawIncludedText, removedUrlTitle, sanitizePageHtml } from './htmlSafety';

/** What the engine says about the document being rendered. */
export interface PreviewSource {
  /** A file of a Hugo site, or perhaps one (not known yet): its HTML and URLs are checked. */
  inSite: boolean;
  /** The engine's preview of exactly the text being rendered; undefined while there is none. */
  page?: PreviewPage;
}

export interface IncludePreviewOptions {
  /**
   * The engine's data for a render: markdown-it's env (VS Code sets env.currentDocument) and the text
   * being rendered, so that data computed for another version of the document is never used for
   * this one. Called once per render and must answer at once (the render is synchronous).
   */
  source(env: Record<string, unknown>, text: string): PreviewSource;
  /** The href of the caption link that opens an included file. Default: relative to the page, each segment percent-encoded. */
  fileLink?: (file: PreviewIncludedFile) => string;
}

/** Set in the env of a nested parse of an included file: shortcodes there stay literal, as in Hugo. */
const NESTED = Symbol('careerPages.nestedInclude');
/** Where the render phase keeps its per-render context inside markdown-it's env. */
const CONTEXT = Symbol('careerPages.renderContext');
/** Set in the env when the page is (or may be) in a Hugo site: its HTML and URLs are checked (see htmlSafety.ts). */
const IN_SITE = Symbol('careerPages.inSite');
const SOURCE_TOKEN = 'career_pages_source';
const FRONTMATTER_TOKEN = 'career_pages_frontmatter';
const INCLUDE_TOKEN = 'career_pages_include';
const SHORTCODE_TOKEN = 'career_pages_shortcode';

/** Why a {{< include >}} shows raw text, and what to do: under the caption, and the tooltip of an inline one. */
const RAW_INCLUDE_WHY =
  "With {{< >}} Hugo writes the file into the page as it is, after the page's Markdown is rendered: its headings, lists, links " +
  'and emphasis stay raw text with the line breaks run together, its headings get no ids (links to them break), its HTML is rendered. ' +
  'Use {{% include %}} to render it as part of the page: quick fix "Use {{% %}}" (Ctrl+.).';

interface IncludeTokenMeta {
  /** Where the call starts in the page. */
  at: Position;
  call: ShortcodeCall;
}

interface ShortcodeTokenMeta {
  call: ShortcodeCall;
  /** Offset of the call in its inline content (set by the inline rule). */
  pos?: number;
  /** Which of the page's shortcodes it is: `${line}|${label}` and how many calls with that key come before it. */
  key?: string;
  occurrence?: number;
  /** Where it starts in the page, when known exactly (a call on its own line in an HTML block). */
  at?: Position;
}

interface IncludedTokenMeta {
  /** The heading id decided when the included file was parsed; null: the heading has none on the site. */
  careerPagesId?: string | null;
  careerPagesIncluded?: true;
}

interface RenderContext {
  page: PreviewPage;
  /** Page line of a heading's first line → id (headings inside paired {{< >}} shortcodes included). */
  pageIds: Map<number, string>;
  /** `${line}:${character}` of a call's start → the include call / shortcode there. */
  includesAt: Map<string, PreviewInclude>;
  shortcodesAt: Map<string, PreviewShortcode>;
  /** `${line}|${label}` → the shortcodes with that label starting on that line, in order. */
  shortcodesOnLine: Map<string, PreviewShortcode[]>;
  pageLines: string[];
}

type Env = Record<string | symbol, unknown>;

/** What rendering a block of ours reads from its token (or from a line inside an HTML block). */
type RenderedBlock = Pick<Token, 'map' | 'attrs' | 'content'>;

export function includePreviewPlugin(md: MarkdownIt, options: IncludePreviewOptions): void {
  // Every segment percent-encoded: a file name cannot end the path early (?, #), read as a scheme (:)
  // or leave the attribute (quotes, <, & are escaped again as HTML).
  const fileLink = options.fileLink ?? ((file) => file.link.split('/').map(encodeURIComponent).join('/'));
  // Named character references in page HTML attributes, with markdown-it's own table.
  const decodeEntity = (entity: string) => md.utils.unescapeAll(entity);
  const sanitize = (html: string) => sanitizePageHtml(html, decodeEntity);
  /** Inline token arrays (paragraphs) → which of their tokens sit inside a <script>, <style>, ... */
  const rawText = new WeakMap<Token[], boolean[]>();

  // ---- parse phase ---------------------------------------------------------------------------

  // Before 'normalize': the text as the editor has it (CRLF and all), which is what the engine's data is for.
  md.core.ruler.before('normalize', 'career_pages_source', (state: StateCore) => {
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
  md.core.ruler.after('career_pages_escaped_in_code', 'career_pages_shortcode_lines', locateShortcodes);

  // ---- render phase --------------------------------------------------------------------------

  const rules = md.renderer.rules;
  rules[SOURCE_TOKEN] = (tokens, idx, _options, env: Env) => {
    const text = tokens[idx].content;
    const source = options.source(env as Record<string, unknown>, text);
    env[IN_SITE] = source.inSite;
    env[CONTEXT] = source.inSite && source.page ? createContext(source.page, text) : undefined;
    return '';
  };
  rules[FRONTMATTER_TOKEN] = (tokens, idx, opts, env: Env, self) => renderFrontmatter(tokens[idx], opts, env, self);
  rules[INCLUDE_TOKEN] = (tokens, idx, opts, env: Env, self) => {
    const { at, call } = tokens[idx].meta as IncludeTokenMeta;
    return renderInclude(tokens[idx], at, call, false, opts, env, self);
  };
  rules[SHORTCODE_TOKEN] = (tokens, idx, _opts, env: Env) => {
    const ctx = contextOf(env);
    const s = describedShortcode(tokens[idx].meta as ShortcodeTokenMeta, ctx);
    // A {{< include >}} in a line of text: the site shows the file's text right there, in the paragraph, list item or cell.
    const inc = ctx && s?.label === 'include' ? ctx.includesAt.get(`${s.start.line}:${s.start.character}`) : undefined;
    if (inc?.file?.rendered === 'raw') return renderInlineRawInclude(inc, inc.file);
    return renderShortcode(tokens[idx].content, s);
  };

  const headingOpen = rules.heading_open;
  rules.heading_open = (tokens, idx, opts, env: Env, self) => {
    const id = headingId(tokens[idx], contextOf(env));
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
    const fm = ctx.page.frontmatter;
    if (!fm) {
      // An include file: Hugo reads no front matter there, its `---` lines are thematic breaks.
      return renderNested(token.content, opts, env, self, token.map?.[0] ?? 0, (line) => ctx.pageIds.get(line) ?? null);
    }
    let body = `<div class="cp-frontmatter-kind">${escapeHtml(ctx.page.kindLabel)}</div>`;
    body +=
      fm.title !== undefined
        ? `<div class="cp-frontmatter-title">${escapeHtml(fm.title)}</div>`
        : `<div class="cp-frontmatter-title cp-missing">No title in the front matter</div>`;
    if (fm.description !== undefined) body += `<p class="cp-frontmatter-description">${escapeHtml(fm.description)}</p>`;
    if (fm.format !== 'yaml') body += `<p class="cp-frontmatter-note">${fm.format.toUpperCase()} front matter: fields are not shown.</p>`;
    if (fm.problem) body += `<p class="cp-frontmatter-problem">${escapeHtml(fm.problem)}</p>`;
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
      const at = { line: pageLine, character: column };
      const block: RenderedBlock = { map: [pageLine, pageLine + 1], attrs: null, content: line.trim() };
      out +=
        call.name === 'include' && !call.closing
          ? renderInclude(block, at, call, true, opts, env, self)
          : renderShortcode(block.content, describedShortcode({ call, at }, ctx)) + '\n';
    });
    return out + sanitize(html);
  }

  function renderInclude(
    token: RenderedBlock,
    at: Position,
    call: ShortcodeCall,
    insideHtml: boolean,
    opts: MarkdownItOptions,
    env: Env,
    self: Renderer,
  ): string {
    const ctx = contextOf(env);
    if (!ctx) return `<p>${escapeHtml(token.content)}</p>\n`;
    const inc = ctx.includesAt.get(`${at.line}:${at.character}`);
    const argument = inc?.argument ?? call.params.find((p) => p.name === undefined)?.value ?? '';
    const attrs = (className: string, extra: [string, string][] = []) => blockAttributes(token, className, [...extra, ['data-include-path', argument]]);
    if (!inc) return errorBox(attrs, 'Include not resolved', argument, 'The preview could not match this call to the page model.');
    if (inc.problem || !inc.file) return errorBox(attrs, inc.problem?.title ?? 'Include cannot be shown', argument, inc.problem?.detail ?? '');
    const file = inc.file;
    const raw = file.rendered === 'raw';
    const notes: string[] = [];
    if (file.caseMismatch) notes.push(`<span class="cp-include-warning">Found only because Hugo ignores case: the file is ${escapeHtml(file.label)}.</span>`);
    if (raw) {
      notes.push(`<span class="cp-include-note">the site shows this text unrendered</span>`);
    } else if (insideHtml) {
      const why =
        "Hugo puts the file's Markdown into the HTML block around the call, where Markdown is not rendered: on the site it shows as raw text and its headings get no ids.";
      notes.push(`<span class="cp-include-note" title="${escapeHtml(why)}">inside an HTML block: the site shows this text unrendered</span>`);
    } else if (file.rendered === 'apart') {
      notes.push('<span class="cp-include-note">inside a paired shortcode: rendered apart from the page</span>');
    }
    let body: string;
    if (raw) {
      body = rawIncludedText(file.text, decodeEntity);
    } else {
      // Unrendered text gets no heading ids on the site; spliced or apart, the engine's ids of that file's lines.
      const ids = new Map(insideHtml ? [] : file.headingIds.map((h) => [h.line, h.id]));
      body = `\n${renderNested(file.text, opts, env, self, token.map?.[0] ?? 0, (line) => ids.get(line) ?? null)}`;
    }
    const className = raw
      ? 'cp-include cp-include-detached cp-include-raw'
      : file.rendered !== 'page' || insideHtml
        ? 'cp-include cp-include-detached'
        : 'cp-include';
    return (
      `<figure${attrs(className)}>\n` +
      `<figcaption class="cp-include-caption">${captionLabel(inc, file)}` +
      (notes.length ? ' ' + notes.join(' ') : '') +
      (raw ? `<div class="cp-include-advice">${escapeHtml(RAW_INCLUDE_WHY)}</div>` : '') +
      '</figcaption>\n' +
      `<div class="cp-include-body">${body}</div>\n</figure>\n`
    );
  }

  /** What a caption starts with: the delimiter, and the file's name linked to open it. */
  function captionLabel(inc: PreviewInclude, file: PreviewIncludedFile): string {
    const delimiter = inc.delimiter === '%' ? '{{% %}}' : '{{&lt; &gt;}}';
    const href = fileLink(file);
    return (
      `<span class="cp-include-label">include ${delimiter}</span> ` +
      `<a class="cp-include-file"${isSafeUrl(href) ? ` href="${escapeHtml(href)}"` : ''} title="Open ${escapeHtml(file.label)}">${escapeHtml(file.label)}</a>`
    );
  }

  /**
   * A {{< include >}} inside a line of text (a paragraph, a list item, a table cell): the site shows
   * the file's text in its place, in that line; the preview frames it, inline, with a short caption.
   */
  function renderInlineRawInclude(inc: PreviewInclude, file: PreviewIncludedFile): string {
    return (
      `<span class="cp-include-inline cp-include-raw" data-include-path="${escapeHtml(inc.argument)}">` +
      `<span class="cp-include-caption" title="${escapeHtml(RAW_INCLUDE_WHY)}">${captionLabel(inc, file)} <span class="cp-include-note">unrendered on the site</span></span> ` +
      `<span class="cp-include-body">${rawIncludedText(file.text, decodeEntity)}</span></span>`
    );
  }

  /**
   * Parses and renders an included file's text on its own. A blank first line keeps any front matter
   * rule (VS Code adds one) from claiming a leading `---`, which Hugo renders as a thematic break.
   * `id` gives the engine's id for a heading on a line of `text` (null: none on the site).
   */
  function renderNested(text: string, opts: MarkdownItOptions, env: Env, self: Renderer, pageLine: number, id: (line: number) => string | null): string {
    const tokens = md.parse('\n' + text, { [NESTED]: true });
    for (const t of tokens) {
      if (t.type === 'heading_open' && t.map) t.meta = { ...(t.meta ?? {}), careerPagesId: id(t.map[0] - 1) } satisfies IncludedTokenMeta;
      // Scroll sync and click-to-source point at the include call, not at lines of another file.
      if (t.attrGet('data-line') !== null) t.attrSet('data-line', String(pageLine));
    }
    markIncluded(tokens);
    return self.render(tokens, opts, env);
  }
}

/** What the render phase looks up, for the page's data and text. */
function createContext(page: PreviewPage, text: string): RenderContext {
  const pageIds = new Map<number, string>();
  // Headings inside paired {{< >}} shortcodes: ids of their own namespace; the page's own headings win a line.
  for (const h of page.detachedHeadings) pageIds.set(h.line, h.id);
  for (const h of page.headings) if (h.include === undefined) pageIds.set(h.line, h.id);
  const at = (p: Position) => `${p.line}:${p.character}`;
  const shortcodesOnLine = new Map<string, PreviewShortcode[]>();
  for (const s of page.shortcodes) {
    const key = `${s.start.line}|${s.label}`;
    const list = shortcodesOnLine.get(key);
    if (list) list.push(s);
    else shortcodesOnLine.set(key, [s]);
  }
  return {
    page,
    pageIds,
    includesAt: new Map(page.includes.map((i) => [at(i.start), i])),
    shortcodesAt: new Map(page.shortcodes.map((s) => [at(s.start), s])),
    shortcodesOnLine,
    // The lines markdown-it sees: line breaks and NUL as its 'normalize' rule leaves them.
    pageLines: text.replace(/\0/g, '\uFFFD').split(/\r\n?|\n/),
  };
}

/** Per inline token of a paragraph: whether it is inline HTML inside a <script> (or other raw-text element) opened before it. */
function rawTextFlags(tokens: Token[]): boolean[] {
  const html = tokens.map((t, i) => [t, i] as const).filter(([t]) => t.type === 'html_inline');
  const inside = insideRawText(html.map(([t]) => t.content));
  const flags = new Array<boolean>(tokens.length).fill(false);
  html.forEach(([, i], k) => {
    flags[i] = inside[k];
  });
  return flags;
}

/** The id a heading gets: the engine's (null: none on the site), or undefined without data (markdown-it's, or VS Code's, stays). */
function headingId(token: Token, ctx: RenderContext | undefined): string | null | undefined {
  const meta = token.meta as IncludedTokenMeta | null;
  if (meta?.careerPagesIncluded) return meta.careerPagesId;
  if (!ctx || !token.map) return undefined;
  return ctx.pageIds.get(token.map[0]) ?? null;
}

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
  return (
    `<div${attrs('cp-include-error', [['role', 'alert']])}>` +
    `<div class="cp-include-error-title">${escapeHtml(title)}: <code class="cp-include-error-path">${escapeHtml(path || '(no path)')}</code></div>` +
    `<div class="cp-include-error-detail">${escapeHtml(detail)}</div></div>\n`
  );
}

/** The engine's shortcode a placeholder token (or a call on its own line in an HTML block) is. */
function describedShortcode(meta: ShortcodeTokenMeta, ctx: RenderContext | undefined): PreviewShortcode | undefined {
  if (!ctx) return undefined;
  if (meta.at) return ctx.shortcodesAt.get(`${meta.at.line}:${meta.at.character}`);
  return meta.key !== undefined ? ctx.shortcodesOnLine.get(meta.key)?.[meta.occurrence ?? 0] : undefined;
}

/** A shortcode's placeholder, as the engine describes the call; as written (`content`) when the engine has not described it. */
function renderShortcode(content: string, s: PreviewShortcode | undefined): string {
  if (!s) return escapeHtml(content);
  return (
    `<span class="cp-shortcode${s.error ? ' cp-shortcode-error' : ''}" title="${escapeHtml(s.title)}">` +
    `<span class="cp-shortcode-name">${escapeHtml(s.label)}</span>` +
    (s.params ? ` <span class="cp-shortcode-params">${escapeHtml(s.params)}</span>` : '') +
    '</span>'
  );
}

// ---- parse-phase rules (no file access) ----------------------------------------------------

function frontmatterBlock(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if (startLine !== 0 || isNested(state.env) || state.blkIndent !== 0) return false;
  const split = splitFrontmatter(state.src);
  const fm = split.frontmatter;
  if (!fm?.closed) return false;
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
  // Line and column, which markdown-it's line-break normalization keeps (offsets it does not).
  token.meta = { at: { line: startLine, character: pos - (src.lastIndexOf('\n', pos - 1) + 1) }, call } satisfies IncludeTokenMeta;
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
    token.meta = { call, pos } satisfies ShortcodeTokenMeta;
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

/**
 * Which of the engine's shortcodes each inline placeholder is: markdown-it keeps no offsets of inline
 * content, but an inline block's lines are the page's lines from its map on, so a call's line is
 * known; among calls with the same label on a line, the n-th token is the n-th call.
 */
function locateShortcodes(state: StateCore): void {
  if (state.inlineMode || isNested(state.env)) return;
  const seen = new Map<string, number>();
  let row: [number, number] | null = null;
  for (const t of state.tokens) {
    // A table cell's inline token has no map of its own: its row has.
    if (t.type === 'tr_open') row = t.map;
    const map = t.map ?? (t.type === 'inline' ? row : null);
    if (!t.children || !map || !t.content.includes('{{')) continue;
    let line = map[0];
    let counted = 0; // the line breaks before this offset of the content are counted in `line`
    for (const c of t.children) {
      if (c.type !== SHORTCODE_TOKEN) continue;
      const meta = c.meta as ShortcodeTokenMeta;
      const pos = meta.pos ?? 0;
      for (let i = t.content.indexOf('\n', counted); i >= 0 && i < pos; i = t.content.indexOf('\n', i + 1)) {
        line++;
        counted = i + 1;
      }
      const key = `${line}|${meta.call.closing ? '/' : ''}${meta.call.name || '?'}`;
      meta.key = key;
      meta.occurrence = seen.get(key) ?? 0;
      seen.set(key, meta.occurrence + 1);
    }
  }
}

function unescapeShortcode(text: string): string {
  return text.replace(/\{\{<\/\*([\s\S]*?)\*\/>\}\}|\{\{%\/\*([\s\S]*?)\*\/%\}\}/g, (_m, angle: string | undefined, percent: string | undefined) =>
    angle !== undefined ? `{{<${angle}>}}` : `{{%${percent}%}}`,
  );
}

function startsShortcode(src: string, pos: number): boolean {
  return src.charCodeAt(pos) === 0x7b && src.charCodeAt(pos + 1) === 0x7b && (src[pos + 2] === '%' || src[pos + 2] === '<');
}
