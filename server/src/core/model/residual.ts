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
import type { AnchorTarget, Heading, IncludeCall, Link, PageModel, SourceFile } from './pageModel';

/**
 * The text is kept when a rule may need it (heading-increment's fix rewrites the "#" markers of a
 * heading that jumps a level), when positions need it (a text with a "\r"), or when `keepText` says.
 */
export function residualModel(model: PageModel, keepText = false): PageModel {
  const headings: Heading[] = model.headings.map((h) => ({
    level: h.level,
    text: own(h.text),
    id: own(h.id),
    customId: h.customId === undefined ? undefined : own(h.customId),
    file: h.file,
    span: h.span,
    lineSpan: h.lineSpan,
    include: h.include,
    setext: h.setext,
  }));
  const links: Link[] = model.links.map((l) => ({
    kind: l.kind,
    target: own(l.target),
    span: l.span,
    path: own(l.path),
    fragment: l.fragment === undefined ? undefined : own(l.fragment),
    fragmentSpan: l.fragmentSpan,
    image: l.image,
  }));
  // The ids only: which element has each one is not kept.
  const anchors = new Map<string, AnchorTarget[]>();
  for (const id of model.anchors.keys()) anchors.set(own(id), NO_TARGETS);
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
notKept(Residual, ['frontmatter', 'shortcodes', 'escapedShortcodes', 'expanded', 'blocks', 'tables', 'paragraphScans']);

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
