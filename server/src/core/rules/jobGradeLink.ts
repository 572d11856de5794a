import { jobFamilyOf } from '../model/jobFamily';
import { normalizeUrlPath } from '../siteIndex';
import { replaceFix, type Rule } from './rule';

/** Where job grades are explained in the handbook. */
export const COMPENSATION_PAGE = '/handbook/total-rewards/compensation/compensation-calculator/';

/** A job grade links to the compensation page that explains grades. */
export const jobGradeLink: Rule = {
  code: 'job-grade-link',
  defaultSeverity: 'warning',
  summary: 'A job grade on a job-family page does not link to the compensation page that explains grades.',
  appliesTo: ['job-family'],
  check(ctx) {
    const expected = `${COMPENSATION_PAGE}#gitlab-job-grades`;
    for (const level of jobFamilyOf(ctx.model).levels) {
      if (!level.grade) continue;
      const link = level.grade.link;
      if (!link) {
        ctx.report({
          span: level.grade.span,
          message: 'Link the job grade to the compensation page that explains grades.',
          detail: `Write [${ctx.model.file.text.slice(level.grade.span.start, level.grade.span.end)}](${expected}).`,
          fixes: [
            replaceFix(
              'Link the grade to the compensation page',
              level.grade.span,
              `[${ctx.model.file.text.slice(level.grade.span.start, level.grade.span.end)}](${expected})`,
            ),
          ],
        });
        continue;
      }
      if (/^[a-z]+:/i.test(link.path) || normalizeUrlPath(link.path || '/') !== COMPENSATION_PAGE) {
        ctx.report({
          span: link.span,
          message: `The grade links to ${link.target}: link it to the compensation page.`,
          detail: `Job grades are explained on ${expected}.`,
          fixes: [replaceFix(`Link to ${expected}`, link.span, expected)],
        });
      }
    }
  },
};
