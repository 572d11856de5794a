// Include shortcodes in the web-worker host: the broken include's finding at its exact range and
// the quick fix that repairs it, completion of include paths, hover and definition on a path, and
// an include file's change (in the editor, and on disk through vscode.workspace.fs) checking the
// page that includes it again.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeAll, waitForCode, waitForDiagnostics, waitForNoCode } from '../../e2e/support/diagnostics';
import { activateExtension, Cleanup, closeWithoutSaving, INCLUDES, openPage, PAGES, rangeOf, replaceRange, siteUri } from '../../e2e/support/editor';
import { openPageCopy, readSiteFile, writeSiteFile } from '../support/siteFiles';

const NAV = 'includes/engineering-careers/ep-career-nav.md';
const TYPO = 'includes/engineering-careers/ep-career-navv.md';
const SENIOR_LINKS = ['link-fragment warning 11:28-11:52', 'link-fragment warning 12:27-12:50', 'link-fragment warning 13:21-13:38'];
/** A link to the second "##### Engineering" of the senior page, which senior-technical-competency.md brings in. */
const TECHNICAL_LINK = '- [Engineering](#engineering-1)';
const TECHNICAL = 'assets/includes/engineering-careers/senior-technical-competency.md';

const markdownOf = (hovers: vscode.Hover[]) => hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)));
const span = (r: vscode.Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
const exactly = (expected: string[]) => (ds: vscode.Diagnostic[]) => JSON.stringify(describeAll(ds)) === JSON.stringify(expected);

/** The senior page with the link to #engineering-1 added under its three nav links. */
const withTechnicalLink = (t: string) => t.replace('- [Values Alignment](#values-alignment)\n', `- [Values Alignment](#values-alignment)\n${TECHNICAL_LINK}\n`);

suite('web includes', () => {
  // An extension that failed to activate fails each suite at once, not after every case's timeout.
  suiteSetup(() => activateExtension());
  const cleanup = new Cleanup();
  teardown(() => cleanup.run());

  test('a misspelled include path: include-missing at the exact range, and its quick fix repairs it', async () => {
    const { editor } = await openPageCopy(cleanup, PAGES.senior, (t) => t.replace(NAV, TYPO));
    const doc = editor.document;
    const [missing, ...more] = await waitForCode(doc.uri, 'include-missing', undefined, 30_000);
    assert.deepEqual(more, []);
    assert.deepEqual(describeAll([missing]), ['include-missing error 7:13-7:59']);
    assert.ok(missing.range.isEqual(rangeOf(doc, TYPO)));
    assert.equal(missing.message, `No include file "${TYPO}"; did you mean "${NAV}"?`);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      missing.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title === `Change to "${NAV}"`);
    assert.ok(fix?.edit, `actions offered: ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(doc.lineAt(7).text, `{{% include "${NAV}" %}}`);
    await waitForNoCode(doc.uri, 'include-missing');
    assert.deepEqual(describeAll(await waitForDiagnostics(doc.uri, exactly(SENIOR_LINKS), 'the page as it was')), SENIOR_LINKS);
  });

  test('completion inside the quotes offers the include files of the folder', async () => {
    const { editor } = await openPageCopy(cleanup, PAGES.senior, (t) => `${t}\n{{% include "includes/engineering-careers/sen" %}}\n`);
    const doc = editor.document;
    await waitForCode(doc.uri, 'include-missing', undefined, 30_000); // the server has the page
    const line = doc.lineCount - 2;
    const at = new vscode.Position(line, doc.lineAt(line).text.indexOf('sen"') + 3);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at, '/');
    const label = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);
    const files = list.items.filter((i) => i.kind === vscode.CompletionItemKind.File);
    assert.deepEqual(
      files.map((i) => [label(i), i.detail]),
      [
        ['senior-leadership-competency.md', INCLUDES.seniorLeadership],
        ['senior-technical-competency.md', TECHNICAL],
      ],
    );
    // It replaces the file name typed so far ("sen"), not the folders before it.
    const range = files[0].range instanceof vscode.Range ? files[0].range : files[0].range?.replacing;
    assert.equal(range && span(range), `${line}:42-${line}:45`);
  });

  test('hover on an include path: the file, how many pages include it, its first lines', async () => {
    const { document: doc } = await openPage(PAGES.senior);
    await waitForDiagnostics(doc.uri, exactly(SENIOR_LINKS), 'the nav-link findings', 30_000);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(7, 20));
    const [first, ...others] = markdownOf(hovers);
    assert.deepEqual(others, []);
    const [title, includedBy, ...body] = first.split('\n\n');
    assert.equal(title, `**Include** \`${INCLUDES.nav}\``);
    // Earlier tests' page copies may still be counted until the index has let go of them.
    assert.match(includedBy, /^Included by \d+ pages\.$/);
    assert.deepEqual(body, [
      '---',
      '---',
      '[Engineering Framework](/handbook/engineering/careers/matrix/)    |\n[Quality Framework](/handbook/engineering/careers/matrix/quality/)    |\n[Engineering Productivity](/handbook/engineering/careers/matrix/quality/engineering-productivity/)',
      '---',
    ]);
  });

  test('go to definition on an include path: the included file', async () => {
    const { document: doc } = await openPage(PAGES.senior);
    await waitForDiagnostics(doc.uri, exactly(SENIOR_LINKS), 'the nav-link findings', 30_000);
    const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      doc.uri,
      new vscode.Position(7, 20),
    );
    const targets = found.map((l) => ('targetUri' in l ? [l.targetUri.toString(), span(l.targetRange)] : [l.uri.toString(), span(l.range)]));
    assert.deepEqual(targets, [[siteUri(INCLUDES.nav).toString(), '0:0-0:0']]);
  });

  test('an unsaved edit of an include file checks the page that includes it again: a link to a heading it took away', async () => {
    const { editor } = await openPageCopy(cleanup, PAGES.senior, withTechnicalLink);
    const page = editor.document;
    await waitForDiagnostics(page.uri, exactly(SENIOR_LINKS), 'the three nav-link findings and none on #engineering-1', 30_000);
    const { document: include } = await openPage(TECHNICAL);
    cleanup.defer(() => closeWithoutSaving(include.uri));
    await replaceRange(include, include.lineAt(0).range, '##### Engineering Craft');
    const after = [...SENIOR_LINKS, 'link-fragment warning 14:16-14:30'];
    const ds = await waitForDiagnostics(page.uri, exactly(after), 'a link-fragment on #engineering-1');
    assert.equal(ds[3].message, 'No anchor "#engineering-1" here; did you mean "#engineering"?');
    assert.ok(ds[3].range.isEqual(rangeOf(page, '#engineering-1')));
    await closeWithoutSaving(include.uri); // the edit dropped: the heading is back
    await waitForDiagnostics(page.uri, exactly(SENIOR_LINKS), 'no link-fragment on #engineering-1 again');
  });

  test('an include file written through vscode.workspace.fs checks the open page that includes it again', async () => {
    const { editor } = await openPageCopy(cleanup, PAGES.senior, withTechnicalLink);
    const page = editor.document;
    await waitForDiagnostics(page.uri, exactly(SENIOR_LINKS), 'the three nav-link findings and none on #engineering-1', 30_000);
    const text = (await readSiteFile(TECHNICAL)) ?? '';
    assert.ok(text.startsWith('##### Engineering\n'), 'the file starts with its heading');
    const restore = await writeSiteFile(cleanup, TECHNICAL, text.replace('##### Engineering\n', '##### Engineering Craft\n'));
    await waitForDiagnostics(page.uri, exactly([...SENIOR_LINKS, 'link-fragment warning 14:16-14:30']), 'a link-fragment on #engineering-1');
    await restore();
    await waitForDiagnostics(page.uri, exactly(SENIOR_LINKS), 'no link-fragment on #engineering-1 again');
  });
});
