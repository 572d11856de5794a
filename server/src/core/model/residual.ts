// What a page's model keeps once the page was checked in a run over the whole site
// (Workspace.lintSite): the parts the site-wide rules read (Rule.siteWide: link-page, link-fragment,
// heading-increment, include-unused), which run after every page is indexed. Its text, expansion,
// block structure, tables, front matter and shortcodes go; a read of any of them throws, so a rule
// that starts reading more is caught by the tests that compare this run with one that keeps every
// model (test/unit/lintSite.test.ts), never silently wrong.
//
// The strings it keeps are copies (text.ts, own()): a view into the page's text would keep the text.

import type { ShortcodeCall } from '../markdown/shortcodes';
import { own, type Span, TextlessLineIndex } from '../text';
import type { PageSummary } from '../siteIndex';
import type { AnchorTarget, Heading, IncludeCall, Link, PageModel, SourceFile } from './pageModel';

/**
 * The text is kept when a rule may need it (heading-increment's fix rewrites the "#" markers of a
 * heading that jumps a level), when positions need it (a text with a "\r"), or when `keepText` says.
 * Given the page's index entry (made from the same model), the residual keeps the entry's strings
 * instead of copies of its own: the headings, links and anchor ids are the same, in the same order.
 */
export function residualModel(model: PageModel, keepText = false, summary?: PageSummary): PageModel {
  const sameHeadings = summary?.headings.length === model.headings.length ? summary.headings : undefined;
  const headings: Heading[] = model.headings.map((h, i) => ({
    level: h.level,
    text: shared(h.text, sameHeadings?.[i].text),
    id: shared(h.id, sameHeadings?.[i].id),
    customId: h.customId === undefined ? undefined : shared(h.customId, sameHeadings?.[i].id),
    file: h.file,
    span: h.span,
    lineSpan: h.lineSpan,
    include: h.include,
    setext: h.setext,
  }));
  const sameLinks = summary?.links.length === model.links.length ? summary.links : undefined;
  const links: Link[] = model.links.map((l, i) => {
    const target = shared(l.target, sameLinks?.[i].target);
    return {
      kind: l.kind,
      target,
      span: l.span,
      path: l.path === l.target ? target : shared(l.path, sameLinks?.[i].path),
      fragment: l.fragment === undefined ? undefined : shared(l.fragment, sameLinks?.[i].fragment),
      fragmentSpan: l.fragmentSpan,
      image: l.image,
    };
  });
  // The ids only: which element has each one is not kept. The index entry's sorted ids serve as they
  // are; the page's order (which a suggestion's tie-break follows) is kept as references to them.
  const sorted = summary?.anchors.length === model.anchors.size ? summary.anchors : [...model.anchors.keys()].sort().map(own);
  const order = [...model.anchors.keys()].map((id) => sorted[find(sorted, id)]);
  const anchors = new AnchorIds(sorted, order) as unknown as Map<string, AnchorTarget[]>;
  const includes: IncludeCall[] = model.includes.map((inc) => new ResidualInclude(inc) as unknown as IncludeCall);
  const jumps = model.headings.some((h, i) => i > 0 && h.level > model.headings[i - 1].level + 1);
  const lines = jumps || keepText ? undefined : TextlessLineIndex.of(model.file.lines);
  const file: SourceFile = lines ? (new TextlessFile(model.file.path, lines) as unknown as SourceFile) : model.file;
  return new Residual(
    file,
    model.kind,
    model.bodyStart,
    includes,
    headings,
    anchors,
    links,
    model.directives.map((d) => ({ ...d, codes: d.codes.map(own) })),
    model.hasFootnotes,
  ) as unknown as PageModel;
}

/** `kept` (a string the index entry owns) when it equals `s`, else a copy of `s`. */
function shared(s: string, kept: string | undefined): string {
  return kept === s ? kept : own(s);
}

/** Where `id` is in the sorted `ids`, or -1. */
function find(ids: readonly string[], id: string): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = ids[mid];
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * A page's anchor ids as the read-only Map the rules read (has, get, keys, size, iteration in the
 * page's order), over a sorted array: a Map per page took more memory than the rest of its residual.
 */
class AnchorIds {
  constructor(
    private readonly sorted: readonly string[],
    private readonly order: readonly string[],
  ) {}

  get size(): number {
    return this.order.length;
  }

  has(id: string): boolean {
    return find(this.sorted, id) >= 0;
  }

  get(id: string): AnchorTarget[] | undefined {
    return this.has(id) ? NO_TARGETS : undefined;
  }

  keys(): IterableIterator<string> {
    return this.order[Symbol.iterator]();
  }

  *entries(): IterableIterator<[string, AnchorTarget[]]> {
    for (const id of this.order) yield [id, NO_TARGETS];
  }

  [Symbol.iterator](): IterableIterator<[string, AnchorTarget[]]> {
    return this.entries();
  }
}
notKept(AnchorIds, ['set', 'delete', 'clear', 'forEach', 'values']);

// The parts not kept are getters on the prototypes: one per class, so the objects themselves stay
// as small and as fast to read as plain ones.

class Residual {
  constructor(
    readonly file: SourceFile,
    readonly kind: PageModel['kind'],
    readonly bodyStart: number,
    readonly includes: IncludeCall[],
    readonly headings: Heading[],
    readonly anchors: Map<string, AnchorTarget[]>,
    readonly links: Link[],
    readonly directives: PageModel['directives'],
    readonly hasFootnotes: boolean,
  ) {}
}
notKept(Residual, ['frontmatter', 'shortcodes', 'escapedShortcodes', 'expanded', 'blocks', 'comments', 'tables', 'paragraphScans']);

class ResidualInclude {
  readonly index: number;
  readonly call: ShortcodeCall;
  readonly context: IncludeCall['context'];
  readonly resolution: IncludeCall['resolution'];
  /** An included file's text is shared with every page that includes it (modelCache.ts): no copy. */
  readonly target?: SourceFile;
  readonly targetProblem?: string;
  readonly expandedSpan?: IncludeCall['expandedSpan'];
  readonly detached: boolean;

  constructor(inc: IncludeCall) {
    this.index = inc.index;
    this.call = new ResidualCall(inc.call.span) as unknown as ShortcodeCall;
    this.context = inc.context;
    this.resolution = inc.resolution;
    this.target = inc.target;
    this.targetProblem = inc.targetProblem === undefined ? undefined : own(inc.targetProblem);
    this.expandedSpan = inc.expandedSpan;
    this.detached = inc.detached;
  }
}
notKept(ResidualInclude, ['argument', 'path']);

class ResidualCall {
  constructor(readonly span: Span) {}
}
notKept(ResidualCall, ['delimiter', 'name', 'nameSpan', 'closing', 'selfClosing', 'params', 'problems', 'trailingDash']);

class TextlessFile {
  constructor(
    readonly path: string,
    readonly lines: TextlessLineIndex,
  ) {}
}
notKept(TextlessFile, ['text']);

const NO_TARGETS: AnchorTarget[] = [];
Object.freeze(NO_TARGETS);

/** Reading one of `fields` of an instance of `type` throws: the residual does not keep it. */
function notKept(type: abstract new (...args: never[]) => object, fields: string[]): void {
  for (const field of fields) {
    Object.defineProperty(type.prototype, field, {
      get() {
        throw new Error(`${field} is not kept after the page was checked (model/residual.ts)`);
      },
    });
  }
}
