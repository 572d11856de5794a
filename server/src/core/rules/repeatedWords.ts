import { LineKind } from '../markdown/blocks';
import { codeSpans } from '../markdown/inline';
import { replaceFix, type Rule } from './rule';

// One to three words written twice in a row: "working in working in", "the the".
// (Three or more times is one finding, fixed at once.)
const REPEAT = /(?<![\p{L}\p{N}_'’-])([\p{L}][\p{L}\p{N}'’-]*(?:[ \t]+[\p{L}][\p{L}\p{N}'’-]*){0,2})(?:[ \t]+\1)+(?![\p{L}\p{N}_'’-])/giu;
// Repeats that are good English.
const ALLOWED = new Set(['that that', 'had had', 'is is', 'bye bye', 'no no', 'so so', 'very very']);

/** Words written twice in a row in the prose of career and job-family pages. */
export const repeatedWords: Rule = {
  code: 'repeated-words',
  defaultSeverity: 'warning',
  summary: 'The same word or words are written twice in a row ("working in working in").',
  appliesTo: ['career-page', 'job-family'],
  check(ctx) {
    const { model } = ctx;
    const { lines } = model.expanded;
    for (let l = 0; l < lines.lineCount; l++) {
      if (model.blocks.lineKinds[l] !== LineKind.Inline) continue;
      const start = lines.lineStarts[l];
      const lineText = lines.lineText(l);
      // A line that is all included text is the include file's to report (it is checked on its own).
      const whole = model.expanded.toSource({ start, end: start + lineText.length });
      if (whole && whole.source !== -1) continue;
      const code = codeSpans(lineText, 0, lineText.length);
      for (const m of lineText.matchAll(REPEAT)) {
        if (code.some((c) => m.index! < c.end && m.index! + m[0].length > c.start)) continue;
        const words = m[1];
        if (ALLOWED.has(`${words} ${words}`.toLowerCase())) continue;
        const mapped = model.expanded.toSource({ start: start + m.index!, end: start + m.index! + m[0].length });
        if (!mapped || mapped.source !== -1) continue;
        const firstEnd = mapped.span.start + words.length;
        const repeats = m[0].slice(words.length);
        const times = 1 + repeats.trim().split(/[ \t]+/).length / words.split(/[ \t]+/).length;
        ctx.report({
          span: { start: firstEnd + (/^[ \t]+/.exec(repeats)?.[0].length ?? 0), end: mapped.span.end },
          message: `"${words}" is written ${times === 2 ? 'twice' : `${times} times`} in a row.`,
          fixes: [replaceFix(`Remove the repeated "${words}"`, { start: firstEnd, end: mapped.span.end }, '')],
          data: { words },
        });
      }
    }
  },
};
