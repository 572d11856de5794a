// New career and job-family pages (core/features/newPage.ts) on examples/handbook: the exact text,
// and that the page, once written, passes the linter with no finding at all (ladder rules included).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  careerTrackFolders,
  jobFamilyFileName,
  jobFamilyFolders,
  jobFamilyLevelName,
  levelChoices,
  newCareerPage,
  newJobFamilyPage,
  withLevel,
} from '../../../server/src/core/features/newPage';
import { FeatureError } from '../../../server/src/core/features/types';
import { EP, exampleWorkspace, findings, ROOT } from './exampleSite';

const NAV = '{{% include "includes/engineering-careers/ep-career-nav.md" %}}';
const TODO = (level: string) => `To be written: what this responsibility means at the ${level} level.`;

/** Writes the new page into the site and lints it, as it will be on disk. */
function writeAndLint(ws: ReturnType<typeof exampleWorkspace>, file: string, text: string): string[] {
  ws.host.set(file, text);
  ws.workspace.fileChanged(file, 'created');
  return findings(ws.workspace, file);
}

describe('New Career Page', () => {
  it('writes staff.md for the EP track from senior.md: role, title, description, nav include, anchors, the senior terms', () => {
    const ws = exampleWorkspace();
    const page = newCareerPage(ws.workspace, EP, 'staff');
    assert.equal(page.file, `${EP}/staff.md`);
    assert.equal(page.exists, false);
    assert.equal(
      page.text,
      [
        '---',
        'title: "Quality Career Framework: Staff Backend Engineer, Engineering Productivity"',
        'description: "These are the expected competencies of a Staff Backend Engineer, Engineering Productivity at GitLab."',
        '---',
        '',
        '## Staff Backend Engineer, Engineering Productivity',
        '',
        NAV,
        '',
        '**Staff Backend Engineers, Engineering Productivity at GitLab are expected to exhibit the following competencies:**',
        '',
        '- [Leadership Competencies](#staff-leadership-competencies)',
        '- [Technical Competencies](#staff-technical-competencies)',
        '- [Values Alignment](#staff-values-alignment)',
        '',
        '---',
        '',
        // values-competency.md starts with "##### GitLab": sections at level 4 let it follow without a jump.
        '### Staff Competencies',
        '',
        '#### Staff Leadership Competencies',
        '',
        '<!-- No staff leadership competency file to include was found; describe the leadership competencies of this level here. -->',
        '',
        '#### Staff Technical Competencies',
        '',
        '<!-- No staff technical competency file to include was found; describe the technical competencies of this level here. -->',
        '',
        '##### Engineering Productivity',
        '',
        'This table refers to the responsibility terms that are defined on the [team page](/handbook/engineering/infrastructure/engineering-productivity/index.html#areas-of-responsibility).',
        '',
        '| Responsibility | Description |',
        '| --- | --- |',
        ...[
          'See it and find it',
          'Do it for internal team',
          'Dogfood use',
          'Engineering support',
          'Engineering workflow',
          'Do it for wider community',
          'Dogfood build',
        ].map((t) => `| ${t} | ${TODO('Staff')} |`),
        '',
        '#### Staff Values Alignment',
        '',
        '{{% include "includes/engineering-careers/values-competency.md" %}}',
        '',
      ].join('\n'),
    );
    assert.deepEqual(page.notes, [
      'Follows content/handbook/engineering/careers/matrix/quality/engineering-productivity/senior.md.',
      'No staff leadership competency file was found under the include folders (assets).',
      'No staff technical competency file was found under the include folders (assets).',
      'The responsibility table lists the 7 terms of content/handbook/engineering/careers/matrix/quality/engineering-productivity/senior.md; write their staff descriptions.',
    ]);
    assert.deepEqual(writeAndLint(ws, page.file, page.text), []);
  });

  it("re-creates senior.md from intermediate.md with the senior competency files that exist, in the site's {{% %}} style", () => {
    const ws = exampleWorkspace({ [`${EP}/senior.md`]: null });
    const page = newCareerPage(ws.workspace, EP, 'senior');
    const lines = page.text.split('\n');
    assert.deepEqual(lines.slice(0, 6), [
      '---',
      'title: "Quality Career Framework: Senior Backend Engineer, Engineering Productivity"',
      // "an Intermediate" became "a Senior"
      'description: "These are the expected competencies of a Senior Backend Engineer, Engineering Productivity at GitLab."',
      '---',
      '',
      '## Senior Backend Engineer, Engineering Productivity',
    ]);
    assert.deepEqual(
      lines.filter((l) => l.startsWith('{{')),
      [
        NAV,
        '{{% include "includes/engineering-careers/senior-leadership-competency.md" %}}',
        '{{% include "includes/engineering-careers/senior-technical-competency.md" %}}',
        '{{% include "includes/engineering-careers/values-competency.md" %}}',
      ],
    );
    assert.deepEqual(
      lines.filter((l) => l.startsWith('| ') && !l.startsWith('| Resp') && !l.startsWith('| ---')).map((l) => l.split(' | ')[0].slice(2)),
      ['See it and find it', 'Do it for internal team', 'Dogfood use', 'Engineering support', 'Engineering workflow', 'Dogfood build'],
    );
    assert.deepEqual(writeAndLint(ws, page.file, page.text), []);
  });

  it('writes {{< >}} includes when the site prefers them', () => {
    const ws = exampleWorkspace({ [`${ROOT}/.career-pages.jsonc`]: '{ "preferredDelimiter": "<" }' });
    const page = newCareerPage(ws.workspace, EP, 'staff');
    assert.deepEqual(
      page.text.split('\n').filter((l) => l.startsWith('{{')),
      ['{{< include "includes/engineering-careers/ep-career-nav.md" >}}', '{{< include "includes/engineering-careers/values-competency.md" >}}'],
    );
  });

  it('starts a new track from the include folders alone: <level>-leadership-competency.md and friends', () => {
    const ws = exampleWorkspace();
    const folder = `${ROOT}/content/handbook/engineering/careers/matrix/quality/test-platform`;
    const page = newCareerPage(ws.workspace, folder, 'intermediate');
    assert.deepEqual(page.text.split('\n').slice(0, 12), [
      '---',
      'title: "Test Platform Career Framework: Intermediate"',
      'description: "These are the expected competencies of an Intermediate Test Platform."',
      '---',
      '',
      '## Intermediate Test Platform',
      '',
      '**An Intermediate Test Platform is expected to exhibit the following competencies:**',
      '',
      '- [Leadership Competencies](#intermediate-leadership-competencies)',
      '- [Technical Competencies](#intermediate-technical-competencies)',
      '- [Values Alignment](#intermediate-values-alignment)',
    ]);
    assert.deepEqual(
      page.text.split('\n').filter((l) => l.startsWith('{{')),
      [
        '{{% include "includes/engineering-careers/intermediate-leadership-competency.md" %}}',
        '{{% include "includes/engineering-careers/intermediate-technical-competency.md" %}}',
        '{{% include "includes/engineering-careers/values-competency.md" %}}',
      ],
    );
    assert.deepEqual(page.notes, []);
    assert.deepEqual(writeAndLint(ws, page.file, page.text), []);
  });

  it('never overwrites: an existing level page is reported, with no text', () => {
    const { workspace } = exampleWorkspace();
    assert.deepEqual(newCareerPage(workspace, EP, 'senior'), {
      file: `${EP}/senior.md`,
      text: '',
      exists: true,
      notes: ['content/handbook/engineering/careers/matrix/quality/engineering-productivity/senior.md exists already.'],
    });
  });

  it("refuses folders outside a site's content folder", () => {
    const { workspace } = exampleWorkspace();
    assert.throws(
      () => newCareerPage(workspace, `${ROOT}/assets/includes`, 'senior'),
      (e: unknown) => e instanceof FeatureError && /under the site's content folder/.test(e.message),
    );
    assert.throws(
      () => newCareerPage(workspace, '/elsewhere', 'senior'),
      (e: unknown) => e instanceof FeatureError && /not inside a Hugo site/.test(e.message),
    );
  });

  it('lists track folders (the active one first) and every level with whether its page exists', () => {
    const { workspace } = exampleWorkspace({ [`${ROOT}/content/handbook/engineering/careers/matrix/development/senior.md`]: '---\ntitle: Senior\n---\n' });
    const site = workspace.siteFor(`${EP}/senior.md`)!;
    assert.deepEqual(
      careerTrackFolders(workspace, site).map((t) => [t.relative, t.levels]),
      [
        ['handbook/engineering/careers/matrix/development', ['senior']],
        ['handbook/engineering/careers/matrix/quality/engineering-productivity', ['intermediate', 'senior']],
      ],
    );
    assert.deepEqual(
      careerTrackFolders(workspace, site, `${EP}/senior.md`).map((t) => t.relative)[0],
      'handbook/engineering/careers/matrix/quality/engineering-productivity',
    );
    assert.deepEqual(
      levelChoices(workspace.host, EP).map((c) => `${c.level}${c.exists ? ' (exists)' : ''}`),
      ['intern', 'associate', 'intermediate (exists)', 'senior (exists)', 'staff', 'principal', 'distinguished', 'fellow'],
    );
  });

  it('keeps the case and the article right when it changes the level in a sentence', () => {
    assert.equal(
      withLevel('These are the competencies of an Intermediate Engineer', 'intermediate', 'staff'),
      'These are the competencies of a Staff Engineer',
    );
    assert.equal(withLevel('A senior engineer; SENIOR', 'senior', 'associate'), 'An associate engineer; ASSOCIATE');
    assert.equal(withLevel('Seniority of a senior', 'senior', 'staff'), 'Seniority of a staff');
  });
});

describe('New Job-Family Page', () => {
  it('writes levels with grades linked to the compensation page, responsibilities, requirements, indicators and a numbered hiring process', () => {
    const ws = exampleWorkspace();
    const folder = `${ROOT}/content/job-families/engineering`;
    const page = newJobFamilyPage(ws.workspace, folder, '  Backend   Engineer ', ['staff', 'intermediate', 'senior']);
    assert.equal(page.file, `${folder}/backend-engineer.md`);
    const lines = page.text.split('\n');
    assert.deepEqual(lines.slice(0, 18), [
      '---',
      'title: "Backend Engineer"',
      'description: "The Backend Engineer job family: levels, responsibilities, requirements and how we hire."',
      '---',
      '',
      'To be written: what the Backend Engineer job family does and why it matters.',
      '',
      '## Levels',
      '',
      '### Backend Engineer (Intermediate)',
      '',
      '#### Job Grade',
      '',
      'The Backend Engineer (Intermediate) is a [grade 6](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).',
      '',
      '#### Responsibilities',
      '',
      '- To be written: the responsibilities of the Backend Engineer (Intermediate).',
    ]);
    assert.deepEqual(
      lines.filter((l) => l.startsWith('##')),
      [
        '## Levels',
        '### Backend Engineer (Intermediate)',
        '#### Job Grade',
        '#### Responsibilities',
        '#### Requirements',
        '### Senior Backend Engineer',
        '#### Job Grade',
        '#### Responsibilities',
        '#### Requirements',
        '### Staff Backend Engineer',
        '#### Job Grade',
        '#### Responsibilities',
        '#### Requirements',
        '## Performance Indicators',
        '## Hiring Process',
      ],
    );
    assert.ok(lines.includes('- All of the responsibilities listed for Senior Backend Engineer.'));
    assert.deepEqual(lines.filter((l) => l.startsWith('1. ')).length, 3);
    assert.deepEqual(page.notes, ['Job grades are the usual ones for each level (intermediate 6, senior 7, staff 8); check them.']);
    assert.deepEqual(writeAndLint(ws, page.file, page.text), []);
  });

  it('says when the folder would not make it a job-family page, and refuses empty or quoted role names', () => {
    const { workspace } = exampleWorkspace();
    const page = newJobFamilyPage(workspace, `${ROOT}/content/handbook`, 'Site Reliability Engineer', ['senior']);
    assert.equal(
      page.notes[0],
      'content/handbook/site-reliability-engineer.md is not a job-family page by the pageKinds globs (it is a page); job families live under content/job-families/ unless .career-pages.jsonc says otherwise.',
    );
    assert.throws(() => newJobFamilyPage(workspace, `${ROOT}/content/job-families`, '   '), FeatureError);
    assert.throws(() => newJobFamilyPage(workspace, `${ROOT}/content/job-families`, 'A "quoted" role'), FeatureError);
    assert.throws(() => newJobFamilyPage(workspace, `${ROOT}/content/job-families`, 'Role', []), /at least one level/);
  });

  it("names files and levels the handbook's way, and lists job-family folders", () => {
    assert.equal(jobFamilyFileName('Engineering Productivity Manager'), 'engineering-productivity-manager.md');
    assert.equal(jobFamilyFileName('Développeur / Dev-Ops'), 'developpeur-dev-ops.md');
    assert.equal(jobFamilyLevelName('Backend Engineer', 'intermediate'), 'Backend Engineer (Intermediate)');
    assert.equal(jobFamilyLevelName('Backend Engineer', 'principal'), 'Principal Backend Engineer');
    const { workspace } = exampleWorkspace();
    assert.deepEqual(
      jobFamilyFolders(workspace, workspace.siteFor(`${ROOT}/content/x.md`)!).map((f) => f.relative),
      ['job-families', 'job-families/engineering/infrastructure'],
    );
  });
});
