// Site-wide checks in the real editor (issue 5): the job-family seed's dangling level and repeated
// words, a link to a page that does not exist (from the background site index), an include file no
// page includes, and a level page that includes another level's competencies.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, describeAll, waitForCode } from '../support/diagnostics';
import { Cleanup, openPage, openPageCopy, PAGES, rangeOf, writeSiteFile } from '../support/workspace';

suite('site-wide checks', () => {
  const cleanup = new Cleanup();
  teardown(() => cleanup.run());

  test('job-family seed: the level it names that does not exist, and "working in working in"', async () => {
    const { document: doc } = await openPage(PAGES.jobFamily);
    const [level] = await waitForCode(doc.uri, 'level-reference');
    assert.equal(level.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(doc.getText(level.range), 'Engineering Productivity Team Manager');
    assert.deepEqual(describeAll([level]), ['level-reference error 46:41-46:78']);
    const [repeat] = await waitForCode(doc.uri, 'repeated-words');
    assert.deepEqual(describeAll([repeat]), ['repeated-words warning 36:24-36:34']);
    assert.equal(doc.getText(repeat.range), 'working in');
  });

  test('a link to a page that does not exist is reported once the site is indexed', async () => {
    const good = '/handbook/engineering/infrastructure/engineering-productivity/index.html';
    const bad = '/handbook/engineering/infrastructure/engineering-productivty/';
    const { document: doc } = await openPageCopy(cleanup, PAGES.senior, (t) => t.replace(good, bad));
    const [d] = await waitForCode(doc.uri, 'link-page', undefined, 30_000);
    assert.ok(d.range.isEqual(rangeOf(doc, bad)), `range ${JSON.stringify(d.range)}`);
    assert.deepEqual(describeAll([d]), ['link-page warning 27:82-27:143']);
    assert.equal(
      d.message,
      'No page at /handbook/engineering/infrastructure/engineering-productivty/; did you mean /handbook/engineering/infrastructure/engineering-productivity/?',
    );
    // The explanation the message leaves out is in the hover on the finding (issue 13), and only there.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, d.range.start.translate(0, 5));
    assert.deepEqual(
      hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))),
      ['*link-page*: Links are checked against the URL Hugo gives every page of the site (its path, \\_index.md, bundles, slug, url and aliases).'],
    );
  });

  test('an include file that no page includes', async () => {
    writeSiteFile(cleanup, 'assets/includes/engineering-careers/orphan-e2e.md', '- Nobody includes this.\n');
    const { document: doc } = await openPage('assets/includes/engineering-careers/orphan-e2e.md');
    cleanup.defer(() => vscode.commands.executeCommand('workbench.action.closeActiveEditor'));
    const [d] = await waitForCode(doc.uri, 'include-unused', undefined, 30_000);
    assert.deepEqual(describeAll([d]), ['include-unused warning 0:0-0:23']);
  });

  test("a level page including another level's competencies, with the quick fix to its own", async () => {
    const wrong = 'includes/engineering-careers/intermediate-technical-competency.md';
    const { document: doc } = await openPageCopy(cleanup, PAGES.senior, (t) => t.replace('includes/engineering-careers/senior-technical-competency.md', wrong));
    const [d] = await waitForCode(doc.uri, 'ladder-include-level');
    assert.ok(d.range.isEqual(rangeOf(doc, wrong)));
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range)) ?? [];
    const fix = actions.find((a) => a.title === 'Include "includes/engineering-careers/senior-technical-competency.md"');
    assert.ok(fix, `actions: ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(codeOf(d), 'ladder-include-level');
  });
});
