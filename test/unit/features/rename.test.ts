// Renaming headings (with every link to their anchors) and moving include files (with every include
// call that names them), over an in-memory site.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prepareHeadingRename, renameFiles, renameHeading } from '../../../server/src/core/features/rename';
import { FeatureError } from '../../../server/src/core/features/types';
import { applyEdits, at, HANDBOOK, INC, INTERMEDIATE, range, ROOT, SENIOR, siteWorkspace, text } from './site';

describe('rename a heading', () => {
  it('prepares on the heading text only', () => {
    const { host, workspace } = siteWorkspace();
    const s = text(host, SENIOR);
    assert.deepEqual(prepareHeadingRename(workspace, SENIOR, s, at(s, 'Senior Leadership', 3)), { range: range(12, 4, 21), placeholder: 'Senior Leadership' });
    assert.equal(prepareHeadingRename(workspace, SENIOR, s, at(s, 'Mentoring')), undefined);
  });

  it('changes the heading and every link to its anchor: on the page, in an included file, on another page', () => {
    const { host, workspace } = siteWorkspace();
    const s = text(host, SENIOR);
    const change = renameHeading(workspace, SENIOR, s, at(s, 'Senior Leadership'), 'Senior Leadership Skills');
    assert.deepEqual(change.edits, [
      { file: `${INC}/senior-leadership.md`, range: range(3, 8, 25), newText: 'senior-leadership-skills' },
      { file: HANDBOOK, range: range(4, 63, 80), newText: 'senior-leadership-skills' },
      { file: SENIOR, range: range(9, 16, 33), newText: 'senior-leadership-skills' },
      { file: SENIOR, range: range(12, 4, 21), newText: 'Senior Leadership Skills' },
    ]);
    // Applied, the site has no broken link.
    for (const file of [SENIOR, HANDBOOK, `${INC}/senior-leadership.md`]) {
      host.set(
        file,
        applyEdits(
          text(host, file),
          change.edits.filter((e) => e.file === file),
        ),
      );
      workspace.fileChanged(file, 'changed');
    }
    workspace.indexSite(workspace.siteFor(SENIOR)!, false);
    for (const file of [SENIOR, HANDBOOK])
      assert.deepEqual(
        workspace.lint(file).diagnostics.filter((d) => d.code.startsWith('link')),
        [],
        file,
      );
  });

  it('renames a heading of an include file with the links to the anchor it gets on the pages that include it', () => {
    const { host, workspace } = siteWorkspace();
    const file = `${INC}/senior-technical.md`;
    const change = renameHeading(workspace, file, text(host, file), { line: 0, character: 7 }, 'Tech Skills');
    assert.deepEqual(change.edits, [
      { file, range: range(0, 5, 14), newText: 'Tech Skills' },
      { file: HANDBOOK, range: range(5, 56, 65), newText: 'tech-skills' },
      { file: SENIOR, range: range(10, 15, 24), newText: 'tech-skills' },
    ]);
  });

  it('follows duplicate ids that shift ("intro-1" becomes "intro")', () => {
    const page = `${ROOT}/content/dup.md`;
    const t = '---\ntitle: Dup\n---\n\n## Intro\n\n## Intro\n\n[a](#intro) [b](#intro-1)\n';
    const { workspace } = siteWorkspace({ [page]: t });
    const change = renameHeading(workspace, page, t, { line: 4, character: 4 }, 'Overview');
    assert.deepEqual(change.edits, [
      { file: page, range: range(4, 3, 8), newText: 'Overview' },
      { file: page, range: range(8, 5, 10), newText: 'overview' },
      { file: page, range: range(8, 17, 24), newText: 'intro' },
    ]);
  });

  it('keeps links to a heading with a {#custom-id}', () => {
    const page = `${ROOT}/content/custom.md`;
    const t = '---\ntitle: C\n---\n\n## Intro {#start}\n\n[a](#start)\n';
    const { workspace } = siteWorkspace({ [page]: t });
    assert.deepEqual(renameHeading(workspace, page, t, { line: 4, character: 4 }, 'Beginning').edits, [
      { file: page, range: range(4, 3, 8), newText: 'Beginning' },
    ]);
  });

  it('refuses names that are not one line, and positions that are not a heading', () => {
    const { host, workspace } = siteWorkspace();
    const s = text(host, SENIOR);
    assert.throws(() => renameHeading(workspace, SENIOR, s, at(s, 'Senior Leadership'), '  '), FeatureError);
    assert.throws(() => renameHeading(workspace, SENIOR, s, at(s, 'Senior Leadership'), 'a\nb'), FeatureError);
    assert.throws(() => renameHeading(workspace, SENIOR, s, at(s, 'Mentoring'), 'x'), /Put the cursor on the text of a heading/);
  });
});

describe('move or rename include files', () => {
  it('updates every include call that names a moved file', () => {
    const { workspace } = siteWorkspace();
    const result = renameFiles(workspace, [{ from: `${INC}/nav.md`, to: `${INC}/navigation/top.md` }]);
    assert.deepEqual(result, {
      edits: [
        { file: INTERMEDIATE, range: range(7, 13, 36), newText: 'includes/careers/navigation/top.md' },
        { file: SENIOR, range: range(7, 13, 36), newText: 'includes/careers/navigation/top.md' },
      ],
      notes: [],
    });
  });

  it('updates the include calls of every file in a renamed folder, in one change', () => {
    const { workspace } = siteWorkspace();
    const { edits } = renameFiles(workspace, [{ from: INC, to: `${ROOT}/assets/includes/career-framework` }]);
    assert.deepEqual(
      edits.map((e) => [e.file.slice(ROOT.length), e.range.start.line, e.newText]),
      [
        ['/content/handbook/careers/matrix/track/intermediate.md', 7, 'includes/career-framework/nav.md'],
        ['/content/handbook/careers/matrix/track/senior.md', 7, 'includes/career-framework/nav.md'],
        ['/content/handbook/careers/matrix/track/senior.md', 14, 'includes/career-framework/senior-leadership.md'],
        ['/content/handbook/careers/matrix/track/senior.md', 18, 'includes/career-framework/senior-technical.md'],
      ],
    );
  });

  it('keeps a leading "/" and leaves calls alone (with a note) when the file leaves the include folders', () => {
    const { host, workspace } = siteWorkspace();
    host.set(SENIOR, text(host, SENIOR).replace('"includes/careers/nav.md"', '"/includes/careers/nav.md"'));
    workspace.fileChanged(SENIOR, 'changed');
    workspace.model(SENIOR);
    const moved = renameFiles(workspace, [{ from: `${INC}/nav.md`, to: `${INC}/menu.md` }]);
    assert.deepEqual(
      moved.edits.map((e) => [e.file, e.newText]),
      [
        [INTERMEDIATE, 'includes/careers/menu.md'],
        [SENIOR, '/includes/careers/menu.md'],
      ],
    );
    const out = renameFiles(workspace, [{ from: `${INC}/nav.md`, to: `${ROOT}/content/nav.md` }]);
    assert.deepEqual(out.edits, []);
    assert.deepEqual(out.notes, [
      'content/handbook/careers/matrix/track/intermediate.md includes assets/includes/careers/nav.md, which moves outside the include folders (assets/); that include is left as it is.',
      'content/handbook/careers/matrix/track/senior.md includes assets/includes/careers/nav.md, which moves outside the include folders (assets/); that include is left as it is.',
    ]);
  });

  it('does nothing for files no page includes', () => {
    const { workspace } = siteWorkspace();
    assert.deepEqual(
      renameFiles(workspace, [
        { from: `${INC}/values.md`, to: `${INC}/v.md` },
        { from: SENIOR, to: `${SENIOR}.bak` },
      ]),
      { edits: [], notes: [] },
    );
  });
});
