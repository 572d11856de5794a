import { jobFamilyOf } from '../model/jobFamily';
import type { Rule } from './rule';

/** On a job-family page each level's job grade is higher than the grade of the level before it. */
export const jobGradeOrder: Rule = {
  code: 'job-grade-order',
  defaultSeverity: 'error',
  summary: "On a job-family page, a level's job grade is not higher than the grade of the level listed before it (or is missing).",
  appliesTo: ['job-family'],
  check(ctx) {
    const { levels } = jobFamilyOf(ctx.model);
    let previous: (typeof levels)[number] | undefined;
    for (const level of levels) {
      const gradeSection = level.subsections.get('job grade');
      if (gradeSection && !level.grade) {
        ctx.report({
          span: gradeSection.heading.span,
          message: `The "Job Grade" section of "${level.name}" names no grade: write "The role is a grade N".`,
        });
      }
      if (level.grade && previous?.grade && level.grade.value <= previous.grade.value) {
        ctx.report({
          span: level.grade.span,
          message: `"${level.name}" has grade ${level.grade.value}, not above grade ${previous.grade.value} of "${previous.name}" before it.`,
          detail: 'Grades rise with the levels, in the order the page lists them.',
          related: [{ file: ctx.model.file.path, span: previous.grade.span, message: `Grade of "${previous.name}".` }],
          data: { grade: level.grade.value, previous: previous.grade.value },
        });
      }
      if (level.grade) previous = level;
    }
  },
};
