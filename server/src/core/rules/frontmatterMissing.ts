import { basename } from '../paths';
import { bomLength, lineBreakOf } from '../text';
import { PAGE_KINDS_ONLY, type Rule } from './rule';

/** A page without front matter has no title or description for Hugo to render. */
export const frontmatterMissing: Rule = {
  code: 'frontmatter-missing',
  defaultSeverity: 'error',
  summary: 'A page has no front matter block (--- ... ---) at its start, so it has no title or description.',
  appliesTo: PAGE_KINDS_ONLY,
  wholeFile: true,
  check(ctx) {
    const { model } = ctx;
    if (model.frontmatter) return;
    const text = model.file.text;
    const firstLineEnd = model.file.lines.lineEnd(0);
    const heading = model.headings.find((h) => h.include === undefined);
    const title = heading?.text ?? basename(model.file.path).replace(/\.md$/, '').replace(/[-_]/g, ' ');
    const eol = lineBreakOf(text);
    const start = bomLength(text);
    ctx.report({
      span: { start, end: Math.max(start, firstLineEnd) },
      // The message is this finding's identity (wholeFile): kept as released, so baselines still match it.
      message: 'This page has no front matter: start it with a "---" block that gives at least its title (and a description).',
      detail: "Hugo renders the title as the page's level-1 heading and in the browser tab; without front matter the page has neither.",
      fixes: [
        {
          title: 'Add front matter with a title',
          preferred: true,
          edits: [{ span: { start, end: start }, newText: `---${eol}title: ${JSON.stringify(title)}${eol}description: ""${eol}---${eol}${eol}` }],
        },
      ],
    });
  },
};
