// Completion: include paths inside the quotes of an include shortcode, anchors after "#" in links
// (this page with its included headings, or another page through the site index), page URLs in a
// link's path (urlCompletion.ts), front matter keys
// and values from the page kind's schema, responsibility terms used on the other pages of the same
// track, and level names in a job-family page's "All of the responsibilities listed for ...".
// Everything is read from the line being typed, so a half-written call still completes.

import { jobFamilyOf } from '../model/jobFamily';
import type { PageModel } from '../model/pageModel';
import { basename, dirname, isInside, joinPath, normalizePath } from '../paths';
import { isResponsibilityHeader, responsibilityTables } from '../schema/instance';
import type { Position, Range } from '../text';
import { isMarkdownPath, type Workspace } from '../workspace';
import { code, linesIn, openDocument, type OpenDocument } from './document';
import { describeType, keyAt, keyDocumentation, keysAt, typeIncludes } from './frontmatterSchema';
import { pageOfLink } from './links';
import type { CompletionItem } from './types';
import { urlCompletions } from './urlCompletion';

/** Characters after which the editor should ask for completions. */
export const COMPLETION_TRIGGERS = ['"', '`', '/', '#', '|', ':'];

interface LineContext {
  doc: OpenDocument;
  position: Position;
  /** The line's text, and the part before the cursor. */
  line: string;
  before: string;
}

export function completions(workspace: Workspace, file: string, text: string, position: Position): CompletionItem[] {
  return completionList(workspace, file, text, position).items;
}

export interface CompletionList {
  items: CompletionItem[];
  /** More items match than were sent (page URLs on a large site): ask again as more is typed. */
  incomplete: boolean;
}

export function completionList(workspace: Workspace, file: string, text: string, position: Position): CompletionList {
  const doc = openDocument(workspace, file, text);
  if (!doc) return { items: [], incomplete: false };
  const lines = doc.model.file.lines;
  if (position.line >= lines.lineCount) return { items: [], incomplete: false };
  position = lines.positionAt(lines.offsetAt(position)); // a column past the line's end is its end
  const line = lines.lineText(position.line);
  const ctx: LineContext = { doc, position, line, before: line.slice(0, position.character) };
  const fm = doc.model.frontmatter;
  const offset = lines.offsetAt(position);
  const complete = (items: CompletionItem[]) => ({ items, incomplete: false });
  if (fm && fm.format === 'yaml' && offset >= fm.contentSpan.start && (offset < fm.contentSpan.end || !fm.closed)) return complete(frontmatterCompletions(ctx));
  const first = includePathCompletions(ctx) ?? anchorCompletions(ctx);
  if (first) return complete(first);
  return urlCompletions(doc, line, position) ?? complete(levelCompletions(ctx) ?? termCompletions(ctx) ?? []);
}

const range = (line: number, from: number, to: number): Range => ({ start: { line, character: from }, end: { line, character: to } });
/** What is typed starts the label or one of its words ("tech" finds "senior-technical"), as the editor's own filter would. */
function matches(typed: string, label: string): boolean {
  const t = typed.toLowerCase();
  const l = label.toLowerCase();
  return l.startsWith(t) || l.split(/[-_/. ,]+/).some((w) => w.startsWith(t));
}
const sortKey = (i: number) => String(i).padStart(5, '0');

// ---- include paths ------------------------------------------------------------------------------

// The include call up to the cursor: its delimiter, then a quoted value (which may hold spaces; it
// cannot run past a "}}") or an unquoted one.
const INCLUDE_ARGUMENT = /\{\{([%<])-?\s*include\s+(?:(["`])((?:(?!\}\})[^"`])*)|((?:(?![%>]?\}\})[^"`\s])*))$/;
/** The end of a call right after its value: white space, a misplaced trim marker, the delimiter, "}}". */
const CALL_END = /^(\s*)(-?)([%>]?)\}\}/;

/**
 * How accepting a file completes the call. The path's edit never covers the quote or the call's end;
 * what the call lacks is added once: editors auto-close "{{" with "}}" (VS Code's Markdown does, and
 * "{{<" with ">}}"), so after `{{% include "includes/` there is often a bare "}}" to finish, or nothing.
 * An unquoted path gets quotes (Hugo refuses a "/" unquoted).
 */
interface CallCompletion {
  /** Offset in the line where the value's text ends (before a closing quote, white space or the call's end). */
  valueEnd: number;
  /** Appended to a file's name: the closing quote and what the call's end lacks. */
  suffix: string;
  /** An insertion further on (the delimiter before a "}}" that white space separates from the value). */
  extra?: { at: number; text: string };
}

function callCompletion(line: string, cursor: number, delimiter: string, quote: string): CallCompletion {
  const rest = line.slice(cursor);
  const close = delimiter === '<' ? '>' : '%';
  const closing = quote || '"';
  if (quote) {
    const q = rest.indexOf(quote);
    const end = rest.indexOf('}}');
    // The value is closed already: whatever follows is the author's, nothing is added.
    if (q >= 0 && (end < 0 || q < end)) return { valueEnd: cursor + q, suffix: '' };
  }
  // No closing quote: the value runs to white space, a quote or the call's end.
  const valueLength = /^(?:(?![%>]?\}\})[^\s"`])*/.exec(rest)![0].length;
  const valueEnd = cursor + valueLength;
  const m = CALL_END.exec(rest.slice(valueLength));
  if (!m) return { valueEnd, suffix: `${closing} ${close}}}` };
  const [, space, dash, given] = m;
  if (space && !dash && !given) return { valueEnd, suffix: closing, extra: { at: valueEnd + space.length, text: close } };
  return { valueEnd, suffix: closing + (space ? '' : ' ') + (dash || given ? '' : close) };
}

function includePathCompletions(ctx: LineContext): CompletionItem[] | undefined {
  const m = INCLUDE_ARGUMENT.exec(ctx.before);
  if (!m) return undefined;
  const quote = m[2] ?? '';
  const typed = m[3] ?? m[4];
  const { site } = ctx.doc;
  const cursor = ctx.position.character;
  const call = callCompletion(ctx.line, cursor, m[1], quote);
  // The segment being typed ends at the next "/" of the value.
  const segmentEnd = Math.min(call.valueEnd, cursor + indexOrLength(ctx.line.slice(cursor, call.valueEnd), '/'));
  const slash = typed.lastIndexOf('/');
  const folder = typed.slice(0, slash + 1).replace(/^\/+/, '');
  const name = typed.slice(slash + 1);
  const replace = range(ctx.position.line, cursor - name.length, segmentEnd);
  const continues = ctx.line[segmentEnd] === '/';
  // A file completes the call only when it ends the value (not when a later segment follows).
  const ends = segmentEnd === call.valueEnd;
  // An unquoted value is opened with a quote: in the item's text when the name starts the value, else before the value.
  const opening = !quote && !folder && slash < 0 ? '"' : '';
  const edits = (extra: CallCompletion['extra'] | undefined) => {
    const out: { range: Range; newText: string }[] = [];
    const valueStart = cursor - typed.length;
    if (!quote && !opening) out.push({ range: range(ctx.position.line, valueStart, valueStart), newText: '"' });
    if (extra) out.push({ range: range(ctx.position.line, extra.at, extra.at), newText: extra.text });
    return out.length ? out : undefined;
  };
  const fileEdits = edits(ends ? call.extra : undefined);
  const folderEdits = edits(undefined);

  const entries = new Map<string, CompletionItem>();
  const files = site.resolver.allFiles();
  for (const root of site.resolver.roots) {
    const dir = normalizePath(joinPath(root, folder || '.'));
    if (!isInside(root, dir)) continue;
    for (const f of files) {
      if (!f.startsWith(dir + '/') || !isMarkdownPath(f)) continue;
      const below = f.slice(dir.length + 1);
      const slashAt = below.indexOf('/');
      const entry = slashAt < 0 ? below : below.slice(0, slashAt);
      if (entries.has(entry) || !matches(name, entry)) continue;
      if (slashAt < 0) {
        const item: CompletionItem = {
          label: entry,
          kind: 'file',
          detail: site.label(f),
          insertText: opening + entry + (ends ? call.suffix : ''),
          range: replace,
          sortText: `1${entry}`,
        };
        if (fileEdits) item.additionalEdits = fileEdits;
        entries.set(entry, item);
      } else {
        // A folder keeps the call open for its next segment: no closing yet, and ask again.
        const item: CompletionItem = {
          label: `${entry}/`,
          kind: 'folder',
          detail: site.label(`${dir}/${entry}`) + '/',
          insertText: opening + (continues ? entry : `${entry}/`),
          range: replace,
          sortText: `0${entry}`,
          retrigger: !continues,
        };
        if (folderEdits) item.additionalEdits = folderEdits;
        entries.set(entry, item);
      }
    }
  }
  return [...entries.values()].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
}

function indexOrLength(s: string, what: string | RegExp): number {
  const i = typeof what === 'string' ? s.indexOf(what) : s.search(what);
  return i < 0 ? s.length : i;
}

// ---- anchors ------------------------------------------------------------------------------------

// A link destination being typed up to "#": inline `](path#`, a reference definition `[x]: path#`, an HTML href.
const LINK_FRAGMENT = [/\]\(\s*<?([^\s()<>#]*)#([^\s()<>#]*)$/, /^\s{0,3}\[[^\]]+\]:\s*<?([^\s<>#]*)#([^\s<>#]*)$/, /\bhref\s*=\s*["']([^"'#]*)#([^"'#]*)$/i];

function anchorCompletions(ctx: LineContext): CompletionItem[] | undefined {
  let m: RegExpExecArray | null = null;
  for (const re of LINK_FRAGMENT) if ((m = re.exec(ctx.before))) break;
  if (!m) return undefined;
  const [, path, typed] = m;
  const rest = ctx.line.slice(ctx.position.character);
  const end = ctx.position.character + indexOrLength(rest, /[\s)>"'#]/);
  const list = new AnchorList(typed, range(ctx.position.line, ctx.position.character - typed.length, end));
  const { doc } = ctx;

  if (path === '') {
    if (doc.model.kind === 'include') includeFileAnchors(doc, list);
    else {
      for (const h of doc.model.headings) {
        list.add(
          h.id,
          `${'#'.repeat(h.level)} ${h.text}`,
          h.include !== undefined ? `Included from ${code(doc.site.label(h.file))}` : `Line ${linesIn(doc, h.file)!.positionAt(h.span.start).line + 1}`,
        );
      }
      for (const [id, targets] of doc.model.anchors) {
        const t = targets[0];
        if (t.kind === 'heading') continue;
        list.add(
          id,
          t.kind === 'html' ? 'HTML anchor' : 'Heading inside a shortcode',
          t.include !== undefined ? `Included from ${code(doc.site.label(t.file))}` : '',
        );
      }
    }
    return list.items;
  }

  const page = pageOfLink(doc.workspace, doc.site, doc.file, path);
  if (!page) return [];
  const headingIds = new Set<string>();
  for (const h of page.headings) {
    headingIds.add(h.id);
    list.add(
      h.id,
      `${'#'.repeat(h.level)} ${h.text}`,
      `On ${code(page.url)} (${code(doc.site.label(page.path))})` + (h.file !== page.path ? `, included from ${code(doc.site.label(h.file))}` : ''),
    );
  }
  for (const id of page.anchors) if (!headingIds.has(id)) list.add(id, 'HTML anchor', `On ${code(page.url)}`);
  return list.items;
}

/** Anchor items in the order they are added, filtered by what is typed. */
class AnchorList {
  readonly items: CompletionItem[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly typed: string,
    private readonly replace: Range,
  ) {}

  add(id: string, detail: string, documentation: string): void {
    if (this.seen.has(id) || !matches(this.typed, id)) return;
    this.seen.add(id);
    this.items.push({ label: id, kind: 'anchor', detail, documentation, insertText: id, range: this.replace, sortText: sortKey(this.items.length) });
  }
}

/** In an include file a same-page link lands on every page that includes it: offer the anchors all of them have. */
function includeFileAnchors(doc: OpenDocument, list: AnchorList): void {
  const pages = doc.site.index.includersOf(doc.file);
  if (!pages.length) {
    for (const h of doc.model.headings) list.add(h.id, `${'#'.repeat(h.level)} ${h.text}`, 'A heading of this file (no page includes it yet).');
    return;
  }
  const [first, ...others] = pages;
  for (const h of first.headings) {
    if (!others.every((p) => doc.site.index.hasAnchor(p.path, h.id))) continue;
    list.add(h.id, `${'#'.repeat(h.level)} ${h.text}`, `On every page that includes this file (${pages.length}).`);
  }
}

// ---- front matter -------------------------------------------------------------------------------

function frontmatterCompletions(ctx: LineContext): CompletionItem[] {
  const { doc, position, line, before } = ctx;
  const registry = doc.workspace.schemas;
  const kind = doc.model.kind;
  const keyMatch = /^(\s*)([\w-]*)$/.exec(before);
  if (keyMatch) {
    const indent = keyMatch[1].length;
    const parents = parentKeys(doc.model, position.line, indent);
    if (!parents) return [];
    const typed = keyMatch[2];
    const wordEnd = position.character + indexOrLength(line.slice(position.character), /[^\w-]/);
    const hasColon = /^\s*:/.test(line.slice(wordEnd));
    const present = presentKeys(doc.model, parents);
    return keysAt(registry, kind, parents)
      .filter((k) => !present.has(k.name) && matches(typed, k.name))
      .map((k, i) => ({
        label: k.name,
        kind: 'property' as const,
        detail: k.required ? 'required' : k.recommended ? 'expected' : describeType(k.schema) || undefined,
        documentation: keyDocumentation(k, kind),
        insertText: hasColon ? k.name : `${k.name}: `,
        range: range(position.line, indent, wordEnd),
        sortText: `${k.required ? 0 : k.recommended ? 1 : 2}${sortKey(i)}`,
      }));
  }
  const valueMatch = /^(\s*)([\w-]+):[ \t]*(\S*)$/.exec(before) ?? /^(\s*)-[ \t]*(\S*)$/.exec(before);
  if (!valueMatch) return [];
  const listItem = valueMatch.length === 3;
  const indent = valueMatch[1].length;
  const typed = listItem ? valueMatch[2] : valueMatch[3];
  let path: string[] | undefined;
  if (listItem) {
    const parents = parentKeys(doc.model, position.line, indent, true);
    path = parents?.length ? parents : undefined;
  } else {
    const parents = parentKeys(doc.model, position.line, indent);
    path = parents ? [...parents, valueMatch[2].toLowerCase()] : undefined;
  }
  if (!path) return [];
  let schema = keyAt(registry, kind, path)?.schema;
  if (!schema) return [];
  if (listItem) schema = (schema.items as Record<string, unknown> | undefined) ?? {};
  const values: string[] = Array.isArray(schema.enum) ? (schema.enum as unknown[]).map(String) : typeIncludes(schema, 'boolean') ? ['true', 'false'] : [];
  const valueEnd = line.replace(/\s+$/, '').length;
  const start = position.character - typed.length;
  return values
    .filter((v) => matches(typed, v))
    .map((v, i) => ({
      label: v,
      kind: 'value' as const,
      insertText: v,
      range: range(position.line, start, Math.max(valueEnd, position.character)),
      sortText: sortKey(i),
    }));
}

/** The keys of the mappings that hold a line at `indent` (top level: []), or undefined inside a value. */
function parentKeys(model: PageModel, lineNo: number, indent: number, listItem = false): string[] | undefined {
  const lines = model.file.lines;
  const fm = model.frontmatter!;
  const first = lines.positionAt(fm.contentSpan.start).line;
  const path: string[] = [];
  let want = indent;
  for (let l = lineNo - 1; l >= first && (want > 0 || listItem); l--) {
    const text = lines.lineText(l);
    if (!text.trim() || /^\s*#/.test(text)) continue;
    const ind = text.length - text.trimStart().length;
    if (ind > want || (ind === want && !listItem)) continue;
    const m = /^\s*([\w-]+):\s*$/.exec(text);
    if (!m) return undefined;
    path.unshift(m[1].toLowerCase());
    want = ind;
    listItem = false;
    if (ind === 0) break;
  }
  return want === 0 ? path : undefined;
}

function presentKeys(model: PageModel, parents: string[]): Set<string> {
  let data: unknown = model.frontmatter?.data;
  for (const p of parents) data = data && typeof data === 'object' ? (data as Record<string, unknown>)[p] : undefined;
  return new Set(data && typeof data === 'object' && !Array.isArray(data) ? Object.keys(data).map((k) => k.toLowerCase()) : []);
}

// ---- job-family level names ------------------------------------------------------------------------

const LEVEL_REFERENCE = /\bAll of the (?:responsibilities|requirements)\s+(?:listed\s+|described\s+)?(?:for|of)\s+(?:the\s+)?([^.;]*)$/i;

function levelCompletions(ctx: LineContext): CompletionItem[] | undefined {
  const m = LEVEL_REFERENCE.exec(ctx.before);
  if (!m) return undefined;
  const { doc, position, line } = ctx;
  const typed = m[1];
  const start = position.character - typed.length;
  const end =
    start +
    line
      .slice(start)
      .replace(/[.;].*$/, '')
      .replace(/\s+$/, '').length;
  const offset = doc.model.file.lines.offsetAt(position);
  const levels = jobFamilyOf(doc.model).levels;
  const named = levels.length ? levels.map((l) => l.heading) : doc.model.headings.filter((h) => h.level === 3 && h.include === undefined);
  const here = levels.find((l) => offset >= l.body.start && offset < l.body.end)?.heading;
  const items = named
    .filter((h) => h !== here && matches(typed, h.text))
    .map((h, i) => ({
      label: h.text,
      kind: 'level' as const,
      detail: `### ${h.text}`,
      documentation: `A level of this page (line ${doc.model.file.lines.positionAt(h.span.start).line + 1}).`,
      insertText: h.text,
      range: range(position.line, start, Math.max(end, position.character)),
      sortText: sortKey(i),
    }));
  // The level just before the one being written is the usual reference: list it first.
  if (here) {
    const before = named.filter((h) => h.span.start < here.span.start).pop();
    const item = items.find((i) => i.label === before?.text);
    if (item) item.sortText = '!' + item.sortText;
  }
  return items.sort((a, b) => a.sortText.localeCompare(b.sortText));
}

// ---- responsibility terms -------------------------------------------------------------------------

function termCompletions(ctx: LineContext): CompletionItem[] | undefined {
  const { doc, position, line, before } = ctx;
  const cell = /^(\s*\|\s*)([^|]*)$/.exec(before);
  if (!cell) return undefined;
  const lines = doc.model.file.lines;
  // The table's header is the first of the pipe lines above; it must be a responsibility header followed by a delimiter row.
  let header = position.line;
  while (header > 0 && /^\s*\|/.test(lines.lineText(header - 1))) header--;
  if (header + 1 >= position.line) return undefined;
  const headerCells = lines
    .lineText(header)
    .split('|')
    .slice(1)
    .map((c) => c.trim());
  if (!isResponsibilityHeader(headerCells) || !/^\s*\|?\s*:?-+/.test(lines.lineText(header + 1))) return undefined;
  const typed = cell[2].trimEnd();
  const start = cell[1].length;
  const cellEnd = start + indexOrLength(line.slice(start), '|');
  const end = start + line.slice(start, cellEnd).trimEnd().length;

  const inTable = new Set<string>();
  for (let l = header + 2; l < lines.lineCount && /^\s*\|/.test(lines.lineText(l)); l++) {
    if (l === position.line) continue;
    const term = lines.lineText(l).split('|')[1]?.trim();
    if (term) inTable.add(term.toLowerCase());
  }
  const dir = dirname(doc.file);
  const terms = new Map<string, { term: string; pages: { page: string; description: string }[] }>();
  for (const sibling of doc.workspace.host.listFiles(dir)) {
    if (sibling === doc.file || dirname(sibling) !== dir || !isMarkdownPath(sibling)) continue;
    const model = doc.workspace.model(sibling);
    if (!model) continue;
    for (const t of responsibilityTables(model)) {
      for (const row of t.rows) {
        const term = row.cells[0]?.text;
        if (!term || inTable.has(term.toLowerCase())) continue;
        const key = term.toLowerCase();
        let entry = terms.get(key);
        if (!entry) terms.set(key, (entry = { term, pages: [] }));
        entry.pages.push({ page: basename(sibling).replace(/\.md$/, ''), description: row.cells[1]?.text ?? '' });
      }
    }
  }
  return [...terms.values()]
    .filter((t) => matches(typed, t.term))
    .sort((a, b) => b.pages.length - a.pages.length || a.term.localeCompare(b.term))
    .map((t, i) => ({
      label: t.term,
      kind: 'term' as const,
      detail: `used on ${t.pages.map((p) => p.page).join(', ')}`,
      documentation: t.pages.map((p) => `**${p.page}**: ${p.description}`).join('\n\n'),
      insertText: t.term,
      range: range(position.line, start, Math.max(end, position.character)),
      sortText: sortKey(i),
    }));
}
