import { LineKind } from '../markdown/blocks';
import type { PageModel } from '../model/pageModel';
import type { Span } from '../text';
import { PAGE_KINDS_ONLY, type Rule, wholeLine } from './rule';

// <!-- markdownlint-disable MD051 --> ... <!-- markdownlint-enable MD051 --> (or to the end of the
// file), <!-- markdownlint-disable-next-line MD051 --> and <!-- markdownlint-disable-line MD051 -->,
// naming MD051 (or its alias link-fragments) and nothing else.
const COMMENT = /<!--\s*markdownlint-(disable-next-line|disable-line|disable|enable|restore|capture|configure-file)\b([^>]*?)-->/g;
const MD051 = new Set(['md051', 'link-fragments']);

interface LintComment {
  kind: string;
  names: string[];
  span: Span;
  line: number;
}

/**
 * markdownlint's MD051 (link fragments) disabled around links that markdownlint itself would now
 * accept: every same-page fragment link the comment covers names the GitHub-style id of a heading
 * written in this file (markdownlint sees no included heading), or #top, and career-lint finds the
 * anchor too. Typically left behind once link-fragment's fix repaired the links. Only comments that
 * name MD051 alone are looked at; comments for other rules are never touched. Checked against
 * markdownlint itself on the handbook snapshot (test/corpus/corpus.test.ts).
 */
export const markdownlintUnneeded: Rule = {
  code: 'markdownlint-unneeded',
  defaultSeverity: 'hint',
  summary: 'A markdownlint-disable MD051 comment covers no link that markdownlint would still report.',
  appliesTo: PAGE_KINDS_ONLY,
  check(ctx) {
    const { model } = ctx;
    const text = model.file.text;
    if (!text.includes('markdownlint-')) return;
    const comments = markdownlintComments(model);
    if (!comments.length) return;
    const accepted = markdownlintFragments(model);
    const lines = model.file.lines;
    const needed = (from: number, to: number) =>
      model.links.some((l) => {
        if (l.path !== '' || !l.fragment || !l.fragmentSpan) return false;
        const line = lines.positionAt(l.span.start).line;
        return line >= from && line <= to && l.fragment !== 'top' && !(model.anchors.has(l.fragment) && accepted.has(l.fragment));
      });
    for (const [i, c] of comments.entries()) {
      if (c.kind === 'enable' || c.kind === 'restore' || c.kind === 'capture' || c.kind === 'configure-file') continue;
      if (c.names.length !== 1 || !MD051.has(c.names[0])) continue;
      let remove: Span[];
      let from = c.line;
      let to = c.line;
      if (c.kind === 'disable-next-line') to = from = c.line + 1;
      else if (c.kind === 'disable') {
        // The region ends at the next comment that concerns MD051 (or every rule), or at the end of the file.
        const end = comments.slice(i + 1).find((e) => e.names.length === 0 || e.names.some((n) => MD051.has(n)));
        if (end && !(end.kind === 'enable' && end.names.length === 1)) continue;
        to = end ? end.line : lines.lineCount - 1;
        remove = end ? [c.span, end.span] : [c.span];
      }
      remove ??= [c.span];
      if (needed(from, to)) continue;
      ctx.report({
        span: c.span,
        message: `Unneeded markdownlint-${c.kind} ${c.names[0] === 'md051' ? 'MD051' : c.names[0]}: every fragment link it covers resolves.`,
        detail:
          'Every same-page fragment link it covers leads to a heading written in this file (or #top), which markdownlint finds too; ' +
          'removing it changes nothing markdownlint reports. Links to included headings or HTML ids would still need it.',
        tags: ['unnecessary'],
        fixes: [
          {
            title: remove.length === 2 ? 'Remove the markdownlint MD051 comments' : 'Remove the markdownlint MD051 comment',
            preferred: true,
            edits: remove.map((span) => ({ span: wholeLine(text, span), newText: '' })),
          },
        ],
      });
    }
  },
};

/** markdownlint's inline configuration comments of the page (not in code), in order. */
function markdownlintComments(model: PageModel): LintComment[] {
  const text = model.file.text;
  const out: LintComment[] = [];
  COMMENT.lastIndex = model.bodyStart;
  for (let m = COMMENT.exec(text); m; m = COMMENT.exec(text)) {
    const exp = model.expanded.fromPage(m.index);
    if (exp === undefined || model.blocks.lineKinds[model.expanded.lines.positionAt(exp).line] === LineKind.Code) continue;
    out.push({
      kind: m[1],
      names: m[2]
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((n) => n.toLowerCase()),
      span: { start: m.index, end: m.index + m[0].length },
      line: model.file.lines.positionAt(m.index).line,
    });
  }
  return out;
}

/**
 * The fragments markdownlint's MD051 certainly accepts on this page (besides #top): the GitHub-style id
 * of each heading written here whose text is plain (no markup, no emoji, no {#id}), where
 * markdownlint's id and Hugo's are the same. Repeats' "-1" ids are left out.
 */
function markdownlintFragments(model: PageModel): Set<string> {
  const ids = new Set<string>();
  for (const h of model.headings) {
    if (h.file !== model.file.path || h.include !== undefined || h.customId !== undefined) continue;
    // For markdownlint's parser ":x" starts a directive and "&x" a character reference: not plain.
    if (!/^[\p{L}\p{N} \-_.,;!?'"()/+]*$/u.test(h.text.replace(/[:&](?=\s|$)/g, ''))) continue;
    ids.add(
      h.text
        .toLowerCase()
        .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
        .replace(/ /g, '-'),
    );
  }
  return ids;
}
