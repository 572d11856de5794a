// Hover: on an include path, the file it resolves to and its first lines (rendered), or for a missing
// one what there is where it looked; on a front matter key, what the schema says about it; on a link
// with a fragment, the heading it lands on (and the file it is written in when included); on a
// heading, the anchor Hugo gives it and the site's settings that shaped it. Below that, for each finding at the position, its explanation
// (the diagnostic's detail): the editor shows the message itself beside the hover, so the hover never
// repeats it.

import type { Diagnostic } from '../diagnostic';
import { pointerSegments } from '../jsonPointer';
import type { Heading, IncludeCall, Link } from '../model/pageModel';
import { basename, dirname } from '../paths';
import { printablePath } from '../site';
import type { PageSummary } from '../siteIndex';
import type { Position, Range } from '../text';
import type { Workspace } from '../workspace';
import { code, includeAt, includedFile, linesIn, openDocument, rangeOf, touches, type OpenDocument } from './document';
import { keyAt, keyDocumentation } from './frontmatterSchema';
import { headingIdSettings } from './idSettings';
import { headingOn, pageOfLink } from './links';
import type { Hover } from './types';

/** How many lines of an included file a hover shows. */
export const HOVER_PREVIEW_LINES = 12;

/** How many files of a folder the hover on a missing include lists. */
export const HOVER_FOLDER_FILES = 8;

export function hover(workspace: Workspace, file: string, text: string, position: Position): Hover | undefined {
  const doc = openDocument(workspace, file, text);
  if (!doc) return undefined;
  const main = mainHover(doc, position);
  const notes = findingNotes(workspace.lint(file, text).diagnostics, position);
  if (!notes.length) return main;
  const contents = notes.map((d) => `*${d.code}*: ${escapeMarkdown(d.detail!)}`).join('\n\n');
  return main ? { contents: `${main.contents}\n\n---\n\n${contents}`, range: main.range } : { contents, range: notes[0].range };
}

/** The findings whose range holds the position and that explain themselves, each explanation once. */
function findingNotes(diagnostics: Diagnostic[], position: Position): (Diagnostic & { range: Range })[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    if (!d.detail || !within(d.range, position) || seen.has(`${d.code}\n${d.detail}`)) return false;
    seen.add(`${d.code}\n${d.detail}`);
    return true;
  });
}

function within(r: Range, p: Position): boolean {
  const after = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const before = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return after && before;
}

function mainHover(doc: OpenDocument, position: Position): Hover | undefined {
  const file = doc.file;
  const offset = doc.model.file.lines.offsetAt(position);
  const inc = includeAt(doc.model, offset);
  if (inc) return { contents: includeHover(doc, inc), range: rangeOf(doc, inc.argument!.valueSpan) };
  const key = frontmatterKeyHover(doc, offset);
  if (key) return key;
  const link = doc.model.links.find((l) => l.fragment !== undefined && touches(l.span, offset));
  if (link) {
    const contents = fragmentHover(doc, link);
    return contents ? { contents, range: rangeOf(doc, link.span) } : undefined;
  }
  const heading = doc.model.headings.find((h) => h.file === file && touches(h.lineSpan, offset));
  if (heading) return { contents: headingHover(doc, heading), range: rangeOf(doc, heading.span) };
  return undefined;
}

function includeHover(doc: OpenDocument, inc: IncludeCall): string {
  const r = inc.resolution;
  const target = includedFile(inc);
  if (!target) {
    // What include-missing and include-outside-root say is the message and the note below: here, what there is instead.
    if (r.kind === 'missing') {
      const where = r.tried[0];
      return where
        ? `**Include** ${code(printablePath(doc.site.label(where)))}: no such file.\n\n${folderFiles(doc, dirname(where))}`
        : '**Include**: no such file.';
    }
    if (r.kind === 'directory') return `**Include** ${code(doc.site.label(r.path))} is a folder.\n\n${folderFiles(doc, r.path)}`;
    if (r.kind === 'outside') return `**Include** ${code(printablePath(inc.path))}: outside the include folders, not read.`;
    return '**Include**: no path.';
  }
  const header = `**Include** ${code(doc.site.label(target))}` + (r.kind === 'case-mismatch' ? ' (found only because Hugo ignores case)' : '');
  const pages = doc.site.index.includersOf(target).length;
  const usage = pages ? `Included by ${pages} page${pages === 1 ? '' : 's'}.` : '';
  if (!inc.target) return [header, usage, inc.targetProblem ? `It cannot be shown: ${inc.targetProblem}.` : ''].filter(Boolean).join('\n\n');
  const lines = inc.target.text.split(/\r\n|\r|\n/);
  const shown = lines.slice(0, HOVER_PREVIEW_LINES).join('\n').trimEnd();
  const more =
    lines.length > HOVER_PREVIEW_LINES && lines.slice(HOVER_PREVIEW_LINES).some((l) => l.trim())
      ? `\n\n*… ${lines.length - HOVER_PREVIEW_LINES} more lines*`
      : '';
  return [header, usage, '---', (shown || '*(empty file)*') + more].filter(Boolean).join('\n\n');
}

/** The include files directly in a folder, as the hover on a missing include lists them. */
function folderFiles(doc: OpenDocument, folder: string): string {
  const files = doc.site.resolver
    .allFiles()
    .filter((f) => dirname(f) === folder)
    .map((f) => basename(f))
    .sort();
  const label = code(`${printablePath(doc.site.label(folder))}/`);
  if (!files.length) return `No include file in ${label}.`;
  const shown = files.slice(0, HOVER_FOLDER_FILES).map(code).join(', ');
  return `In ${label}: ${shown}${files.length > HOVER_FOLDER_FILES ? `, and ${files.length - HOVER_FOLDER_FILES} more` : ''}.`;
}

function frontmatterKeyHover(doc: OpenDocument, offset: number): Hover | undefined {
  const fm = doc.model.frontmatter;
  if (!fm || offset < fm.contentSpan.start || offset > fm.contentSpan.end) return undefined;
  for (const [pointer, loc] of fm.locations) {
    if (!loc.keySpan || !touches(loc.keySpan, offset)) continue;
    const path = pointerSegments(pointer);
    const key = keyAt(
      doc.workspace.schemas,
      doc.model.kind,
      path.map((p, i) => (i === 0 ? p.toLowerCase() : p)),
    );
    const name = path.join('.');
    const contents = key
      ? `**${name}**\n\n${keyDocumentation(key, doc.model.kind)}`
      : `**${name}**\n\nNot a key the ${doc.model.kind === 'page' ? 'page' : doc.model.kind} schema knows.`;
    return { contents, range: rangeOf(doc, loc.keySpan) };
  }
  return undefined;
}

function fragmentHover(doc: OpenDocument, link: Link): string | undefined {
  const id = link.fragment!;
  if (link.path === '') {
    if (doc.model.kind === 'include') {
      const pages = doc.site.index.includersOf(doc.file);
      const lines = pages.map((p) => `- ${code(p.url)}: ${describeOn(doc, p, id) ?? '*no such anchor*'}`);
      return lines.length ? `**#${id}** on the pages that include this file:\n\n${lines.join('\n')}` : undefined;
    }
    const target = doc.model.anchors.get(id)?.[0];
    if (!target) return id === '' || id === 'top' ? '**Top of the page**' : `No heading or anchor **#${id}** on this page.`;
    if (target.heading) return headingLine(target.heading) + '\n\n' + whereWritten(doc, target.heading.file, target.span.start);
    return `${target.kind === 'html' ? 'HTML anchor' : 'Anchor inside a shortcode'} **#${id}**\n\n${whereWritten(doc, target.file, target.span.start)}`;
  }
  const page = pageOfLink(doc.workspace, doc.site, doc.file, link.path);
  if (!page) return undefined;
  const title = page.title ? `**${escapeMarkdown(page.title)}** ` : '';
  const on = `${title}${code(page.url)} (${code(doc.site.label(page.path))})`;
  if (id === '' || id === 'top') return on;
  const described = describeOn(doc, page, id);
  return described ? `${described}\n\non ${on}` : `No heading or anchor **#${id}** on ${on}.`;
}

function describeOn(doc: OpenDocument, page: PageSummary, id: string): string | undefined {
  const h = headingOn(page, id);
  if (h)
    return (
      `${code(`${'#'.repeat(h.level)} ${h.text}`)}` +
      (h.file !== page.path ? ` (included from ${code(doc.site.label(h.file))}, line ${h.range.start.line + 1})` : ` (line ${h.range.start.line + 1})`)
    );
  return page.anchors.includes(id) ? `HTML anchor **#${id}**` : undefined;
}

function headingHover(doc: OpenDocument, h: Heading): string {
  const shaped = `*Id from* ${headingIdSettings(doc.site, h).map(escapeMarkdown).join('; ')}`;
  if (doc.model.kind !== 'include') {
    if (!h.id) return `No anchor: automatic heading ids are off\n\n${shaped}`;
    return `Anchor **#${h.id}**` + (h.customId !== undefined ? ' (set with {#...})' : '') + `\n\n${shaped}`;
  }
  const pages = doc.site.index.includersOf(doc.file);
  if (!pages.length) return `Anchor **#${h.id}** (no page includes this file yet)\n\n${shaped}`;
  const at = linesIn(doc, h.file)!.positionAt(h.span.start);
  const lines = pages.map((p) => {
    const on = p.headings.find((x) => x.file === h.file && x.range.start.line === at.line && x.range.start.character === at.character);
    return `- ${code(p.url)}: ${on ? `**#${on.id}**` : '*not in its outline*'}`;
  });
  return `Anchor of this heading on the pages that include this file:\n\n${lines.join('\n')}\n\n${shaped}`;
}

function headingLine(h: Heading): string {
  return code(`${'#'.repeat(h.level)} ${h.text}`);
}

function whereWritten(doc: OpenDocument, file: string, offset: number): string {
  const line = (linesIn(doc, file)?.positionAt(offset).line ?? 0) + 1;
  return file === doc.file ? `Line ${line} of this page.` : `Included from ${code(doc.site.label(file))}, line ${line}.`;
}

function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>]/g, '\\$&');
}
