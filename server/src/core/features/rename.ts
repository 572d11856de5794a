// Renames that keep the site building and its links working, each as one set of edits applied
// together (or refused as a whole):
// - a heading: its text, and every link to its anchor (on the page, in the files it includes, on
//   other pages); when a duplicate heading's id shifts ("intro-1" becomes "intro"), links to it follow;
// - include files (or folders of them) moved or renamed in the explorer: every include call that
//   names one of them, on every page that includes it.

import { buildPageModel, sourceFile, type Heading, type IncludeLookup, type PageModel } from '../model/pageModel';
import { includeArgumentFor } from '../site';
import type { Position, Range } from '../text';
import type { Site, Workspace } from '../workspace';
import { includedFile, openDocument, rangeOf, touches, type OpenDocument } from './document';
import { linksToAnchor } from './links';
import { FeatureError, type FileEdit, type WorkspaceChange } from './types';

export interface RenameTarget {
  range: Range;
  placeholder: string;
}

/** The heading text under the cursor, or undefined when the cursor is not on a heading of this file. */
export function prepareHeadingRename(workspace: Workspace, file: string, text: string, position: Position): RenameTarget | undefined {
  const doc = openDocument(workspace, file, text);
  if (!doc) return undefined;
  const heading = headingAt(doc, position);
  return heading ? { range: rangeOf(doc, heading.span), placeholder: heading.text } : undefined;
}

export function renameHeading(workspace: Workspace, file: string, text: string, position: Position, newName: string): WorkspaceChange {
  const doc = openDocument(workspace, file, text);
  const heading = doc && headingAt(doc, position);
  if (!doc || !heading) throw new FeatureError('Put the cursor on the text of a heading to rename it.');
  const name = newName.trim();
  if (!name || /[\r\n]/.test(name)) throw new FeatureError('A heading name is one non-empty line.');
  const newText = text.slice(0, heading.span.start) + name + text.slice(heading.span.end);
  const edits = new EditSet();
  edits.add({ file, range: rangeOf(doc, heading.span), newText: name });
  if (name === heading.text) return { edits: edits.list() };

  // The pages whose anchors the heading takes part in.
  const pages = doc.model.kind === 'include' ? doc.site.index.includersOf(file).map((p) => p.path) : [file];
  for (const page of pages) {
    const before = page === file ? doc.model : workspace.model(page);
    if (!before) continue;
    const after = page === file ? modelWith(doc, page, newText, undefined) : modelWith(doc, page, before.file.text, { file, text: newText });
    if (after.headings.length !== before.headings.length) {
      throw new FeatureError(`Renaming this heading to "${name}" would change the outline of ${doc.site.label(page)}; nothing was renamed.`);
    }
    before.headings.forEach((old, i) => {
      const id = after.headings[i].id;
      if (old.id === id) return;
      for (const link of linksToAnchor(workspace, doc.site, page, old.id)) edits.add({ file: link.file, range: link.range, newText: id });
    });
  }
  return { edits: edits.list() };
}

function headingAt(doc: OpenDocument, position: Position): Heading | undefined {
  const offset = doc.model.file.lines.offsetAt(position);
  return doc.model.headings.find((h) => h.file === doc.file && touches(h.lineSpan, offset));
}

/** A page's model as it would be with different text for the page or for one file it includes (nothing is cached). */
function modelWith(doc: OpenDocument, page: string, pageText: string, override: { file: string; text: string } | undefined): PageModel {
  const site = doc.site;
  const host = doc.workspace.host;
  return buildPageModel(sourceFile(page, pageText), {
    kind: site.kindOf(page),
    markup: site.markup,
    include: (argument): IncludeLookup => {
      const resolution = site.resolver.resolve(argument);
      if (resolution.kind !== 'found' && resolution.kind !== 'case-mismatch') return { resolution };
      if (override && resolution.path === override.file) return { resolution, target: sourceFile(resolution.path, override.text) };
      const content = host.readFile(resolution.path);
      if (!content) return { resolution: { kind: 'missing', tried: [resolution.path] } };
      return content.kind === 'text' ? { resolution, target: sourceFile(resolution.path, content.text) } : { resolution, targetProblem: content.kind };
    },
  });
}

/** The site a move happens in and each file it moves, from where to where (a folder moves every file under it). */
export function movedFiles(workspace: Workspace, move: FileMove): { site: Site; files: [string, string][] } | undefined {
  const what = workspace.host.exists(move.from);
  if (!what) return undefined;
  const site = workspace.siteFor(what === 'directory' ? `${move.from}/.` : move.from);
  if (!site) return undefined;
  const files: [string, string][] =
    what === 'file' ? [[move.from, move.to]] : workspace.host.listFiles(move.from).map((f) => [f, move.to + f.slice(move.from.length)]);
  return { site, files };
}

export interface FileMove {
  from: string;
  to: string;
}

/**
 * Edits for moving files or folders: every include call naming a moved file gets its new path.
 * `notes` lists calls that cannot follow (the file leaves the include folders); they stay as written.
 */
export function renameFiles(workspace: Workspace, moves: FileMove[]): WorkspaceChange & { notes: string[] } {
  const edits = new EditSet();
  const notes: string[] = [];
  for (const move of moves) {
    const moved = movedFiles(workspace, move);
    if (!moved) continue;
    const { site, files } = moved;
    for (const [from, to] of files) {
      if (!site.isUnderIncludeRoot(from)) continue;
      for (const page of site.index.includersOf(from)) {
        const model = workspace.model(page.path);
        if (!model) continue;
        for (const inc of model.includes) {
          if (includedFile(inc) !== from || !inc.argument) continue;
          const argument = newArgument(site, inc.resolution, to);
          if (argument === undefined) {
            notes.push(
              `${site.label(page.path)} includes ${site.label(from)}, which moves outside the include folders (${site.includeRoots.map((r) => site.label(r) + '/').join(', ')}); that include is left as it is.`,
            );
            continue;
          }
          edits.add({ file: page.path, range: model.file.lines.spanRange(inc.argument.valueSpan), newText: argument });
        }
      }
    }
  }
  return { edits: edits.list(), notes };
}

function newArgument(site: Site, resolution: PageModel['includes'][number]['resolution'], to: string): string | undefined {
  const argument = includeArgumentFor(to, site.resolver.roots);
  if (argument === undefined) return undefined;
  return resolution.kind === 'found' && resolution.leadingSlash ? `/${argument}` : argument;
}

/** Edits keyed by place: the same edit twice is kept once; two different edits of one place refuse the whole change. */
class EditSet {
  private readonly byPlace = new Map<string, FileEdit>();

  add(edit: FileEdit): void {
    const key = `${edit.file}\u0000${edit.range.start.line}:${edit.range.start.character}-${edit.range.end.line}:${edit.range.end.character}`;
    const known = this.byPlace.get(key);
    if (known && known.newText !== edit.newText) {
      throw new FeatureError(`Two different changes would be needed at ${edit.file}:${edit.range.start.line + 1}; nothing was renamed.`);
    }
    this.byPlace.set(key, edit);
  }

  list(): FileEdit[] {
    const all = [...this.byPlace.values()].sort(
      (a, b) => a.file.localeCompare(b.file) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
    );
    for (let i = 1; i < all.length; i++) {
      const a = all[i - 1];
      const b = all[i];
      if (
        a.file === b.file &&
        (b.range.start.line < a.range.end.line || (b.range.start.line === a.range.end.line && b.range.start.character < a.range.end.character))
      ) {
        throw new FeatureError(`Overlapping changes at ${b.file}:${b.range.start.line + 1}; nothing was renamed.`);
      }
    }
    return all;
  }
}
