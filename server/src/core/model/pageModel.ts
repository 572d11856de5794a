// One model per Markdown file, built once per version of its text: front matter, shortcode calls,
// include calls with their resolution, the outline after include expansion (headings with the ids
// Hugo gives them), anchors, links, tables and disable directives. Rules only read this model.

import type { PageKind } from '../config';
import { LineKind, parseBlocks, type BlockStructure } from '../markdown/blocks';
import { splitFrontmatter, type Frontmatter } from '../markdown/frontmatter';
import { readFrontmatterData } from '../markdown/frontmatterData';
import { AnchorRegistry, type HeadingIdType, headingAnchor, headingText, parseAttributes } from '../markdown/headingIds';
import { codeSpans, htmlAnchors, htmlLinks, inlineLinks, referenceDefinition, splitDestination, type LinkDestination } from '../markdown/inline';
import { scanShortcodes, type ShortcodeCall, type ShortcodeParam } from '../markdown/shortcodes';
import { scanTables, type PipeTable } from '../markdown/tables';
import type { IncludeResolution } from '../site';
import { LineIndex, type Span } from '../text';
import { parseDirectives, type Directive } from './directives';
import { ExpandedDocument, type Replacement } from './expandedDocument';

export interface SourceFile {
  path: string;
  text: string;
  lines: LineIndex;
}

export function sourceFile(path: string, text: string): SourceFile {
  return { path, text, lines: new LineIndex(text) };
}

/** Where a shortcode call sits, as far as Hugo's output is concerned (Hugo runs it in all of them). */
export type CallContext = 'text' | 'code-block' | 'code-span' | 'html-comment';

export interface LocatedShortcode {
  call: ShortcodeCall;
  context: CallContext;
}

export interface IncludeCall {
  index: number;
  call: ShortcodeCall;
  context: CallContext;
  /** The first positional parameter: the path. */
  argument?: ShortcodeParam;
  path: string;
  resolution: IncludeResolution;
  /** The included file's text, when it was found and is readable text. */
  target?: SourceFile;
  /** Why a found file could not be read (binary, too large, ...). */
  targetProblem?: string;
  /** Where the included text sits in the expanded body ({{% %}} calls whose file was read). */
  expandedSpan?: Span;
  /** True when inside the inner content of a paired {{< >}} shortcode (rendered apart from the page). */
  detached: boolean;
}

export interface Heading {
  level: number;
  text: string;
  id: string;
  customId?: string;
  /** The file it is written in: the page or an included file. */
  file: string;
  /** The heading text (markers and attributes excluded) in that file. */
  span: Span;
  /** The heading's whole first line in that file. */
  lineSpan: Span;
  /** Index of the include call that brought it into the page. */
  include?: number;
  setext: boolean;
}

export interface AnchorTarget {
  id: string;
  /** A heading's id, an HTML id, a block attribute's `{#id}` below a block, a heading inside detached shortcode content. */
  kind: 'heading' | 'html' | 'attribute' | 'detached';
  file: string;
  span: Span;
  include?: number;
  heading?: Heading;
}

export interface Link {
  kind: LinkDestination['kind'];
  target: string;
  /** The destination in the page text. */
  span: Span;
  path: string;
  fragment?: string;
  fragmentSpan?: Span;
  image: boolean;
}

export interface PageModel {
  file: SourceFile;
  kind: PageKind;
  frontmatter?: Frontmatter;
  bodyStart: number;
  shortcodes: LocatedShortcode[];
  // Escaped shortcodes ({{</* name */>}}) with where they sit.
  escapedShortcodes: { span: Span; context: CallContext }[];
  includes: IncludeCall[];
  expanded: ExpandedDocument;
  blocks: BlockStructure;
  /** The outline of the rendered page, included headings in place. */
  headings: Heading[];
  /** Every id a same-page link can target (headings, HTML ids, ids inside detached shortcode content). */
  anchors: Map<string, AnchorTarget[]>;
  /** Links written in this file (not those in included text). */
  links: Link[];
  /**
   * HTML comments of this file's text (offsets into it, in order): the page shows nothing of what
   * they hold, so no link, grade or term is read there.
   */
  comments: Span[];
  /** Tables written in this file. */
  tables: PipeTable[];
  directives: Directive[];
  /** Footnote ids Goldmark adds (fn:1, fnref:1, ...), present when the page has footnotes. */
  hasFootnotes: boolean;
  /** What the inline scans found per paragraph text, for the next version of the page (built with `previous`). */
  paragraphScans?: Map<string, ParagraphScan>;
}

/**
 * What the inline scans found in one paragraph, offsets relative to its start. They read nothing
 * outside it, so the next version of the page reuses them for every paragraph an edit left as it
 * was: a keystroke on a 220 KB page scans one paragraph instead of two thousand.
 */
export interface ParagraphScan {
  code: Span[];
  links: LinkDestination[];
  html: LinkDestination[];
}

export interface IncludeLookup {
  resolution: IncludeResolution;
  target?: SourceFile;
  targetProblem?: string;
}

/** The site's settings that change how Goldmark renders Markdown (core/hugoConfig.ts reads them). */
export interface MarkupOptions {
  enableEmoji: boolean;
  autoHeadingID: boolean;
  autoHeadingIDType: HeadingIdType;
  attributeTitle: boolean;
  attributeBlock: boolean;
  unsafe: boolean;
}

/** The handbook's settings (and so what a site without any Hugo configuration is read with). */
export const HANDBOOK_MARKUP: MarkupOptions = {
  enableEmoji: true,
  autoHeadingID: true,
  autoHeadingIDType: 'github',
  attributeTitle: true,
  attributeBlock: true,
  unsafe: true,
};

export interface BuildOptions {
  kind: PageKind;
  /** How the site renders Markdown (default: the handbook's settings). */
  markup?: MarkupOptions;
  /** Resolves and reads an include argument; only called for page kinds that expand includes. */
  include(argument: string): IncludeLookup;
  /** The model of the file's previous text (an editor's), whose paragraph scans are reused; given, the new model keeps its own. */
  previous?: PageModel;
}

export function buildPageModel(file: SourceFile, options: BuildOptions): PageModel {
  const { text } = file;
  const markup = options.markup ?? HANDBOOK_MARKUP;
  const isInclude = options.kind === 'include';
  // Hugo does not read front matter in an included file: a leading --- is a thematic break there.
  const split = isInclude ? { bodyStart: 0, frontmatter: undefined } : (sameFrontmatter(options.previous, text) ?? withData(text, splitFrontmatter(text)));
  const bodyStart = split.bodyStart;
  const scan = scanShortcodes(text, bodyStart);
  const detachedRegions = isInclude ? [] : pairedAngleRegions(scan.calls);

  // Include calls and, for pages, their expansion.
  const includes: IncludeCall[] = [];
  const replacements: Replacement[] = [];
  for (const call of scan.calls) {
    if (call.name !== 'include' || call.closing) continue;
    const argument = call.params.find((p) => p.name === undefined);
    const detached = detachedRegions.some((r) => call.span.start >= r.start && call.span.end <= r.end);
    const inc: IncludeCall = {
      index: includes.length,
      call,
      context: 'text',
      argument,
      path: argument?.value ?? '',
      detached,
      resolution: { kind: 'empty' },
    };
    if (!isInclude && argument) {
      const found = options.include(argument.value);
      inc.resolution = found.resolution;
      inc.target = found.target;
      inc.targetProblem = found.targetProblem;
    }
    if (!isInclude && inc.target && call.delimiter === '%' && !detached && !call.problems.some((p) => p.fatal)) {
      replacements.push({ span: call.span, text: inc.target.text, source: inc.index });
    }
    includes.push(inc);
  }

  const masked = detachedRegions.map((r) => ({ start: r.innerStart, end: r.innerEnd }));
  const expanded = new ExpandedDocument(text, bodyStart, replacements, masked, file.lines);
  for (const r of replacements) {
    const seg = expanded.segments.find((s) => s.source === r.source);
    includes[r.source].expandedSpan = seg ? { start: seg.start, end: seg.start + seg.length } : undefined;
  }
  const blocks = parseBlocks(expanded.text, expanded.lines.lineCount);
  const lines = expanded.lines;

  // Code spans, inline links and <a href> of every inline block, in expanded offsets (each scan reads
  // only its block: with a previous version, a block whose text it had is not scanned again).
  const linkMarks = new Occurrences(expanded.text, '](');
  const hrefMarks = new Occurrences(expanded.text, 'href');
  // Most blocks hold no backtick, and so no code span: they are not scanned for one.
  const tickMarks = new Occurrences(expanded.text, '`');
  const codeSpansIn = (start: number, end: number): Span[] => (tickMarks.within(start, end) ? codeSpans(expanded.text, start, end) : []);
  const paragraphScans = options.previous ? new Map<string, ParagraphScan>() : undefined;
  const reused = options.previous?.paragraphScans;
  const paragraphs = blocks.paragraphs.map((b) => {
    const start = lines.lineStarts[b.line];
    const end = lines.lineEnd(b.endLine);
    if (!paragraphScans) {
      const code = codeSpansIn(start, end);
      return {
        code,
        links: linkMarks.within(start, end) ? inlineLinks(expanded.text, start, end, code) : [],
        html: hrefMarks.within(start, end) ? htmlLinks(expanded.text, start, end, code) : [],
      };
    }
    const key = expanded.text.slice(start, end);
    let scan = paragraphScans.get(key) ?? reused?.get(key);
    if (!scan) {
      const code = codeSpans(key, 0, key.length);
      scan = {
        code,
        links: key.includes('](') ? inlineLinks(key, 0, key.length, code) : [],
        html: key.includes('href') ? htmlLinks(key, 0, key.length, code) : [],
      };
    }
    paragraphScans.set(key, scan);
    const at = (sp: Span): Span => ({ start: sp.start + start, end: sp.end + start });
    const moved = (d: LinkDestination): LinkDestination => ({ ...d, span: at(d.span) });
    return { code: scan.code.map(at), links: scan.links.map(moved), html: scan.html.map(moved) };
  });
  const spansByBlock: Span[][] = paragraphs.map((p) => p.code);
  const allCodeSpans = spansByBlock.flat().sort((a, b) => a.start - b.start);
  const headingCodeSpans = blocks.headings.map((h) => codeSpansIn(lines.lineStarts[h.textLine], lines.lineEnd(h.textLine)));
  allCodeSpans.push(...headingCodeSpans.flat());
  // A "<!--" that Markdown reads as code opens no comment: a template in a fence that never closes
  // its comment would otherwise hide (and invite escaping) every live shortcode after it.
  const sortedCodeSpans = [...allCodeSpans].sort((a, b) => a.start - b.start);
  const comments = htmlComments(text, bodyStart, (pageOffset) => {
    const exp = expanded.fromPage(pageOffset);
    if (exp === undefined) return true;
    return blocks.lineKinds[lines.positionAt(exp).line] !== LineKind.Code && !insideSpan(sortedCodeSpans, exp);
  });

  const contextAt = (pageOffset: number, expandedOffset: number | undefined): CallContext => {
    if (expandedOffset !== undefined) {
      const line = lines.positionAt(expandedOffset).line;
      if (blocks.lineKinds[line] === LineKind.Code) return 'code-block';
      if (allCodeSpans.some((s) => expandedOffset > s.start && expandedOffset < s.end)) return 'code-span';
    }
    if (comments.some((c) => pageOffset > c.start && pageOffset < c.end)) return 'html-comment';
    return 'text';
  };
  const shortcodes: LocatedShortcode[] = scan.calls.map((call) => {
    const inc = includes.find((i) => i.call === call);
    const exp = inc?.expandedSpan ? inc.expandedSpan.start : expanded.fromPage(call.span.start);
    const context = contextAt(call.span.start, exp);
    if (inc) inc.context = context;
    return { call, context };
  });

  // Headings in document order, with ids from one namespace as Goldmark assigns them.
  const registry = new AnchorRegistry(markup.autoHeadingIDType);
  const headings: Heading[] = [];
  const anchors = new Map<string, AnchorTarget[]>();
  const addAnchor = (a: AnchorTarget) => {
    const list = anchors.get(a.id);
    if (list) list.push(a);
    else anchors.set(a.id, [a]);
  };
  const fileOf = (source: number) => (source === -1 ? file : includes[source].target!);
  for (const h of blocks.headings) {
    const lineStart = lines.lineStarts[h.textLine];
    const t = headingText(lines.lineText(h.textLine), !h.setext, h.content, markup.attributeTitle);
    const textSpan = { start: lineStart + t.start, end: lineStart + t.end };
    // Hugo replaces emoji codes (enableEmoji) in the page's own text only, not in what an include brings in.
    const pieces = expanded.pieces(textSpan).map((p) => ({ text: p.text, emoji: markup.enableEmoji && p.source === -1 }));
    // Without autoHeadingID a heading has only the id its {#id} gives it ('' for none).
    const id = t.customId !== undefined ? registry.custom(t.customId) : markup.autoHeadingID ? registry.auto(pieces) : '';
    // A heading line that an include call completes points at the part written where it starts.
    // An empty heading's text is a point at its line's end: where an included text ends there, the
    // point is that text's (the segment of the character before it), as the rest of the line is.
    const endOfText =
      textSpan.start === textSpan.end && textSpan.start > lineStart ? expanded.toSource({ start: textSpan.start - 1, end: textSpan.start }) : undefined;
    const mapped = endOfText
      ? { source: endOfText.source, span: { start: endOfText.span.end, end: endOfText.span.end } }
      : (expanded.toSource(textSpan) ?? expanded.toSourceClipped(textSpan));
    if (!mapped) continue;
    const src = fileOf(mapped.source);
    const firstLine = expanded.toSource({ start: lines.lineStarts[h.line], end: lines.lineEnd(h.line) });
    const heading: Heading = {
      level: h.level,
      text: t.text,
      id,
      customId: t.customId,
      file: src.path,
      span: mapped.span,
      lineSpan: firstLine?.span ?? mapped.span,
      include: mapped.source === -1 ? undefined : mapped.source,
      setext: h.setext,
    };
    headings.push(heading);
    if (id) addAnchor({ id, kind: 'heading', file: src.path, span: mapped.span, include: heading.include, heading });
  }

  // Block attributes (attribute.block): a line that is only `{#id ...}`, right below a paragraph,
  // list, table or quote (not below a blank line or a fenced code block), gives that block the id.
  if (markup.attributeBlock && expanded.text.includes('{')) {
    for (let l = 1; l < lines.lineCount; l++) {
      const lt = lines.lineText(l);
      if (!lt.includes('{') || blocks.lineKinds[l] === LineKind.Code || blocks.lineKinds[l] === LineKind.Html) continue;
      const m = /^ {0,3}\{(.*)\}[ \t]*$/.exec(lt);
      const id = m ? parseAttributes(m[1])?.id : undefined;
      if (!id) continue;
      const above = lines.lineText(l - 1);
      if (!above.trim() || blocks.lineKinds[l - 1] === LineKind.Code || blocks.headings.some((h) => h.endLine === l - 1)) continue;
      const open = lines.lineStarts[l] + lt.indexOf('{');
      const mapped = expanded.toSource({ start: open + 2, end: open + 2 + id.length });
      if (mapped)
        addAnchor({ id, kind: 'attribute', file: fileOf(mapped.source).path, span: mapped.span, include: mapped.source === -1 ? undefined : mapped.source });
    }
  }

  // HTML ids anywhere outside code: only lines with a tag that has an id= or name= attribute. Without
  // renderer.unsafe Goldmark drops raw HTML, and its ids with it.
  const anchorLines = new Set<number>();
  let gt = -1; // the first '>' after the current '<' (shared by every '<' before it, so the scan stays linear)
  for (let lt = markup.unsafe ? expanded.text.indexOf('<') : -1; lt >= 0; lt = expanded.text.indexOf('<', lt + 1)) {
    if (gt < lt) gt = expanded.text.indexOf('>', lt);
    if (gt < 0) break;
    if (gt - lt > 2000 || !/\b(?:id|name)\s*=/.test(expanded.text.slice(lt, gt))) continue;
    const l = lines.positionAt(lt).line;
    const kind = blocks.lineKinds[l];
    if (kind === LineKind.Html || kind === LineKind.Inline) anchorLines.add(l);
  }
  for (const l of anchorLines) {
    for (const a of htmlAnchors(expanded.text, lines.lineStarts[l], lines.lineEnd(l), allCodeSpans)) {
      const mapped = expanded.toSource(a.span);
      if (!mapped) continue;
      addAnchor({ id: a.id, kind: 'html', file: fileOf(mapped.source).path, span: mapped.span, include: mapped.source === -1 ? undefined : mapped.source });
    }
  }
  // Headings inside detached {{< >}} content get ids of their own namespace; accept them as targets.
  for (const r of detachedRegions) {
    for (const m of text.slice(r.innerStart, r.innerEnd).matchAll(/^[ \t]{0,3}#{1,6}[ \t]+(.+)$/gm)) {
      const lineText = m[0];
      const t = headingText(lineText, true, m[1], markup.attributeTitle);
      const at = r.innerStart + m.index!;
      const id =
        t.customId ?? (markup.autoHeadingID ? headingAnchor([{ text: t.text, emoji: markup.enableEmoji }], markup.autoHeadingIDType) || 'heading' : '');
      if (id) addAnchor({ id, kind: 'detached', file: file.path, span: { start: at + t.start, end: at + t.end } });
    }
  }

  // Links and tables written in this file.
  const links: Link[] = [];
  const pushLink = (d: LinkDestination) => {
    const mapped = expanded.toSource(d.span);
    if (!mapped || mapped.source !== -1) return;
    // Inside an HTML comment a link is no link: the page shows nothing there (and with unsafe off, Hugo drops the comment).
    if (insideSpan(comments, mapped.span.start)) return;
    const parts = splitDestination(d.target);
    links.push({
      kind: d.kind,
      target: d.target,
      span: mapped.span,
      path: parts.path,
      fragment: parts.fragment,
      image: d.image,
      fragmentSpan: parts.fragmentOffset !== undefined ? { start: mapped.span.start + parts.fragmentOffset, end: mapped.span.end } : undefined,
    });
  };
  for (const p of paragraphs) {
    for (const d of p.links) pushLink(d);
    for (const d of p.html) pushLink(d);
  }
  blocks.headings.forEach((h, i) => {
    const start = lines.lineStarts[h.textLine];
    for (const d of inlineLinks(expanded.text, start, lines.lineEnd(h.textLine), headingCodeSpans[i])) pushLink(d);
  });
  for (const b of blocks.htmlBlocks) {
    const start = lines.lineStarts[b.line];
    const end = lines.lineEnd(b.endLine);
    if (hrefMarks.within(start, end)) for (const d of htmlLinks(expanded.text, start, end, [])) pushLink(d);
  }
  for (let l = 0; l < lines.lineCount; l++) {
    if (blocks.lineKinds[l] !== LineKind.Other) continue;
    const lt = lines.lineText(l);
    if (!lt.includes(']:')) continue;
    const def = referenceDefinition(lt, lines.lineStarts[l]);
    if (def) pushLink(def);
  }
  links.sort((a, b) => a.span.start - b.span.start);

  return new BuiltModel(
    {
      file,
      kind: options.kind,
      frontmatter: split.frontmatter,
      bodyStart,
      shortcodes,
      escapedShortcodes: scan.escaped.map((span) => ({ span, context: contextAt(span.start, expanded.fromPage(span.start)) })),
      includes,
      expanded,
      blocks,
      headings,
      anchors,
      links,
      comments,
      hasFootnotes: /^\[\^[^\]]+\]:/m.test(text),
      ...(paragraphScans ? { paragraphScans } : {}),
    },
    isInclude ? [] : scan.calls.map((c) => c.span),
  ) as unknown as PageModel;
}

/** What a model needs to read its tables when first asked, and what it read (see BuiltModel). */
const lateParts = new WeakMap<object, { callSpans: Span[]; tables?: PipeTable[]; directives?: Directive[] }>();

/**
 * The model, with its tables and disable directives read when a rule first asks for them (the index
 * of a site asks for neither). The getters are the class's, not closures made in buildPageModel,
 * which would hold every variable that function shares with its other closures; what they read is
 * kept aside (lateParts), so that the model's own properties are its data alone.
 */
class BuiltModel {
  constructor(fields: Omit<PageModel, 'tables' | 'directives'>, callSpans: Span[]) {
    Object.assign(this, fields);
    lateParts.set(this, { callSpans });
  }

  get tables(): PipeTable[] {
    const late = lateParts.get(this)!;
    if (!late.tables) {
      const { expanded, blocks } = this as unknown as PageModel;
      late.tables = [];
      // Hugo replaces the page's shortcode calls before Goldmark reads it (a `|` in one splits no
      // cell); an expanded include call is its file's text, and the calls in that text stay text.
      const opaque = expanded.keptPageSpans(late.callSpans);
      for (const t of scanTables(expanded.text, expanded.lines, blocks.tableParagraphs, opaque)) {
        const mapped = mapTable(t, expanded);
        if (mapped) late.tables.push(mapped);
      }
    }
    return late.tables;
  }

  get directives(): Directive[] {
    const late = lateParts.get(this)!;
    late.directives ??= parseDirectives((this as unknown as PageModel).file.text);
    return late.directives;
  }
}

/** A split whose TOML or JSON block has its data read (YAML's is read while splitting). */
function withData(text: string, split: ReturnType<typeof splitFrontmatter>): ReturnType<typeof splitFrontmatter> {
  if (split.frontmatter) readFrontmatterData(text, split.frontmatter);
  return split;
}

/**
 * The previous version's front matter, when the new text starts with the same block up to the same
 * body start (a closed YAML or TOML block, its closing line's newline included): splitting reads
 * nothing after that, so it would find the same block with the same data and spans.
 */
function sameFrontmatter(previous: PageModel | undefined, text: string): { frontmatter: Frontmatter; bodyStart: number } | undefined {
  const fm = previous?.frontmatter;
  if (!previous || previous.kind === 'include' || !fm?.closed || (fm.format !== 'yaml' && fm.format !== 'toml')) return undefined;
  const end = previous.bodyStart;
  const before = previous.file.text;
  if (end <= fm.span.end || before.charCodeAt(end - 1) !== 10 || text.length < end) return undefined;
  return text.startsWith(before.slice(0, end)) ? { frontmatter: fm, bodyStart: end } : undefined;
}

/** A table's spans mapped back into the page, when the whole table is the page's own text. */
function mapTable(t: PipeTable, expanded: ExpandedDocument): PipeTable | undefined {
  const all = [t.header, t.delimiter, ...t.rows];
  const first = expanded.toSource(t.header.span);
  if (!first || first.source !== -1) return undefined;
  const mapSpan = (s: Span) => expanded.toSource(s);
  const rows = all.map((r) => {
    const span = mapSpan(r.span);
    if (!span || span.source !== -1) return undefined;
    return {
      line: -1,
      span: span.span,
      cells: r.cells.map((c) => ({ text: c.text, span: mapSpan(c.span)?.span ?? span.span })),
      ...(r.endsInCall ? { endsInCall: true as const } : {}),
    };
  });
  if (rows.some((r) => !r)) return undefined;
  const [header, delimiter, ...rest] = rows as NonNullable<(typeof rows)[number]>[];
  return { header, delimiter, rows: rest, rendered: t.rendered, github: t.github };
}

interface DetachedRegion {
  start: number;
  end: number;
  innerStart: number;
  innerEnd: number;
}

/** Paired `{{< name >}} ... {{< /name >}}` calls: their inner content is rendered by the shortcode, apart from the page. */
function pairedAngleRegions(calls: ShortcodeCall[]): DetachedRegion[] {
  const regions: DetachedRegion[] = [];
  const open: ShortcodeCall[] = [];
  for (const c of calls) {
    if (c.problems.some((p) => p.fatal) || !c.name) continue;
    if (!c.closing) {
      if (!c.selfClosing) open.push(c);
      continue;
    }
    for (let k = open.length - 1; k >= 0; k--) {
      if (open[k].name !== c.name) continue;
      const o = open[k];
      open.length = k;
      if (o.delimiter === '<') regions.push({ start: o.span.start, end: c.span.end, innerStart: o.span.end, innerEnd: c.span.start });
      break;
    }
  }
  // Nested regions: keep the outermost.
  return regions.filter((r) => !regions.some((o) => o !== r && o.start <= r.start && o.end >= r.end));
}

/** HTML comments in the page text (Hugo still runs shortcodes inside them), from each "<!--" that `opens` one. */
function htmlComments(text: string, from: number, opens: (offset: number) => boolean): Span[] {
  const out: Span[] = [];
  let i = text.indexOf('<!--', from);
  while (i >= 0) {
    if (!opens(i)) {
      i = text.indexOf('<!--', i + 4);
      continue;
    }
    const end = text.indexOf('-->', i + 4);
    out.push({ start: i, end: end < 0 ? text.length : end + 3 });
    if (end < 0) break;
    i = text.indexOf('<!--', end + 3);
  }
  return out;
}

/** True when `offset` lies strictly inside one of `spans` (sorted by start, not overlapping). */
export function insideSpan(spans: Span[], offset: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  const s = spans[lo - 1];
  return s !== undefined && offset < s.end;
}

/** Where a needle occurs in a text, to ask cheaply whether a stretch contains it. */
class Occurrences {
  private readonly at: number[] = [];

  constructor(text: string, needle: string) {
    for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) this.at.push(i);
  }

  within(start: number, end: number): boolean {
    let lo = 0;
    let hi = this.at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.at[mid] < start) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.at.length && this.at[lo] < end;
  }
}
