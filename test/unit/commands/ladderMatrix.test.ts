// The ladder matrix data (core/features/ladderMatrix.ts): the EP track of examples/handbook, a track
// with spelling drift and gaps, the job-family seed, and the pages that have no matrix.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ladderMatrix, type LadderMatrix } from '../../../server/src/core/features/ladderMatrix';
import { FeatureError } from '../../../server/src/core/features/types';
import { MemoryHost } from '../../../server/src/core/host';
import { Workspace } from '../../../server/src/core/workspace';
import { EP, exampleWorkspace, JOB_FAMILY, ROOT } from './exampleSite';

/** One line per row: label, then each cell as state[:written]. */
const grid = (m: LadderMatrix) => m.rows.map((r) => [r.label, ...r.cells.map((c) => (c.written ? `${c.state}:${c.written}` : c.state))].join(' | '));

const page = (level: string, rows: string[], extra = '') =>
  [
    '---',
    `title: "${level} Engineer"`,
    `description: "The ${level} level."`,
    '---',
    '',
    `## ${level} Engineer`,
    '',
    extra,
    '| Responsibility | Description |',
    '| --- | --- |',
    ...rows,
    '',
  ].join('\n');

const TRACK = '/s/content/careers/matrix/track';
const track = () =>
  new Workspace(
    new MemoryHost({
      '/s/hugo.toml': '',
      [`${TRACK}/_index.md`]: '---\ntitle: Track\n---\n',
      [`${TRACK}/intermediate.md`]: page('Intermediate', [
        '| Code review | Reviews. |',
        '| Dogfood use | Uses. |',
        '| On-call | Answers pages. |',
        '| Mentoring | Helps. |',
      ]),
      [`${TRACK}/senior.md`]: page(
        'Senior',
        ['| Code review | Reviews more. |', '| Dog-food use | Uses more. |', '| Mentorng | Helps more. |', '| Architecture | Designs. |'],
        'At this level on-call is shared with the SRE team.\n\n',
      ),
      [`${TRACK}/staff.md`]: page('Staff', ['| code review | Sets standards. |', '| Mentoring | Grows leaders. |']),
    }),
  );

describe('ladder matrix: career tracks', () => {
  it('shows the EP track of examples/handbook: two levels, seven terms, the senior-only term a gap below it', () => {
    const { workspace } = exampleWorkspace();
    const m = ladderMatrix(workspace, `${EP}/senior.md`);
    assert.equal(m.kind, 'career-ladder');
    assert.equal(m.title, 'Backend Engineer, Engineering Productivity');
    assert.equal(m.subject, 'content/handbook/engineering/careers/matrix/quality/engineering-productivity');
    assert.deepEqual(
      m.columns.map((c) => [c.label, c.level, c.location.line]),
      [
        ['Intermediate', 'intermediate', 5],
        ['Senior', 'senior', 5],
      ],
    );
    assert.deepEqual(grid(m), [
      'See it and find it | present | present',
      'Do it for internal team | present | present',
      'Dogfood use | present | present',
      'Engineering support | present | present',
      'Engineering workflow | present | present',
      'Dogfood build | present | present',
      'Do it for wider community | not-yet | present',
    ]);
    assert.deepEqual(m.rows[0].cells[0], {
      state: 'present',
      text: 'Identify opportunities to shorten developer feedback loops and implement improvements for product groups within a stage',
      location: { file: `${EP}/intermediate.md`, line: 33, character: 2 },
    });
    // A gap cell opens where its row would go: the level's table header.
    assert.deepEqual(m.rows[6].cells[0].location, { file: `${EP}/intermediate.md`, line: 31, character: 0 });
    assert.deepEqual(m.counts, { gaps: 0, drift: 0, explained: 0 });
    // The same matrix from the track's _index.md.
    assert.deepEqual(grid(ladderMatrix(workspace, `${EP}/_index.md`)), grid(m));
  });

  it('matches terms across levels as the ladder rules do, marking drift, unexplained gaps and explained ones', () => {
    const m = ladderMatrix(track(), `${TRACK}/staff.md`);
    assert.equal(m.title, 'Engineer');
    assert.deepEqual(grid(m), [
      'Code review | present | present | drift:code review',
      'Dogfood use | present | drift:Dog-food use | gap',
      // The senior page says why on-call is gone; staff does not.
      'On-call | present | explained | gap',
      // "Mentorng" is a near spelling of a long term: the same row, drifting.
      'Mentoring | present | drift:Mentorng | present',
      'Architecture | not-yet | present | gap',
    ]);
    assert.deepEqual(m.counts, { gaps: 3, drift: 3, explained: 1 });
    assert.equal(m.rows[1].cells[1].text, 'Uses more.');
    assert.deepEqual(m.rows[1].cells[1].location, { file: `${TRACK}/senior.md`, line: 13, character: 2 });
  });

  it('has no matrix for a page outside a track', () => {
    const { workspace } = exampleWorkspace();
    assert.throws(
      () => ladderMatrix(workspace, `${ROOT}/content/handbook/_index.md`),
      (e: unknown) => e instanceof FeatureError && /not part of a career track/.test(e.message),
    );
    assert.throws(() => ladderMatrix(workspace, '/nowhere/page.md'), FeatureError);
  });
});

describe('ladder matrix: job-family pages', () => {
  it('shows the seed job family: levels as columns, grade and the counts of responsibilities and requirements', () => {
    const { workspace } = exampleWorkspace();
    const m = ladderMatrix(workspace, JOB_FAMILY);
    assert.equal(m.kind, 'job-family');
    assert.equal(m.title, 'Engineering Productivity Manager');
    assert.deepEqual(
      m.columns.map((c) => [c.label, c.location.line]),
      [
        ['Engineering Manager, Engineering Productivity', 9],
        ['Senior Engineering Manager, Engineering Productivity', 38],
      ],
    );
    assert.deepEqual(
      m.rows.map((r) => [r.label, ...r.cells.map((c) => `${c.state} ${c.text} @${c.location?.line}`)]),
      [
        ['Job grade', 'value 8 @13', 'value 9 @42'],
        ['Responsibilities', 'value 10 @15', 'value 9 @44'],
        ['Requirements', 'value 7 @28', 'value 7 @56'],
      ],
    );
  });

  it('marks a missing grade or sub-section', () => {
    const file = '/s/content/job-families/x.md';
    const ws = new Workspace(
      new MemoryHost({
        '/s/hugo.toml': '',
        [file]:
          '---\ntitle: X\ndescription: x\n---\n\n## Levels\n\n### One\n\n#### Job Grade\n\nSoon.\n\n#### Responsibilities\n\n- a\n- b\n  - nested\n\n### Two\n\n#### Requirements\n\n1. c\n',
      }),
    );
    const m = ladderMatrix(ws, file);
    assert.deepEqual(
      m.rows.map((r) => [r.label, ...r.cells.map((c) => `${c.state}${c.text ? ` ${c.text}` : ''} @${c.location?.line}`)]),
      [
        ['Job grade', 'missing @9', 'missing @19'],
        ['Responsibilities', 'value 2 @13', 'missing @19'],
        ['Requirements', 'missing @7', 'value 1 @21'],
      ],
    );
    assert.equal(m.counts.gaps, 4);
  });
});

describe("ladder matrix: the track's name", () => {
  it('comes from a heading that names the level, not from whatever heading comes first', () => {
    const { host, workspace } = exampleWorkspace({ [`${EP}/intermediate.md`]: null });
    const senior = `${EP}/senior.md`;
    host.set(senior, (host.readFile(senior) as { text: string }).text.replace('---\n\n## Senior', '---\n\nNotes\n---\n\n## Senior'));
    workspace.fileChanged(senior, 'changed');
    assert.equal(workspace.model(senior)!.headings[0].text, 'Notes');
    assert.equal(ladderMatrix(workspace, senior).title, 'Backend Engineer, Engineering Productivity');
  });
});
