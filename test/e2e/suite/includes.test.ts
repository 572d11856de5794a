// Include shortcodes: a missing file is an error at the path inside the quotes; editing the path,
// or creating, deleting and restoring the file on disk, updates the open page.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitForCode, waitForNoCode } from '../support/diagnostics';
import { Cleanup, deleteSiteFile, INCLUDES, openPageCopy, PAGES, rangeOf, replaceRange, writeSiteFile } from '../support/workspace';

const NAV = 'includes/engineering-careers/ep-career-nav.md';
const NOPE = 'includes/engineering-careers/nope.md';

suite('includes', () => {
  const cleanup = new Cleanup();
  teardown(() => cleanup.run());

  test('a broken include path is an include-missing error at the exact range of the path', async () => {
    const { document: doc } = await openPageCopy(cleanup, PAGES.senior, (t) => t.replace(NAV, NOPE));
    const [missing, ...more] = await waitForCode(doc.uri, 'include-missing');
    assert.equal(more.length, 0);
    assert.equal(missing.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(missing.range.isEqual(rangeOf(doc, NOPE)), `range ${JSON.stringify(missing.range)}`);
    assert.equal(doc.getText(missing.range), NOPE);
    assert.deepEqual([missing.range.start.line, missing.range.start.character, missing.range.end.line, missing.range.end.character], [7, 13, 7, 49]);
  });

  test('fixing the path in the editor removes the error', async () => {
    const { document: doc } = await openPageCopy(cleanup, PAGES.senior, (t) => t.replace(NAV, NOPE));
    await waitForCode(doc.uri, 'include-missing');
    await replaceRange(doc, rangeOf(doc, NOPE), NAV);
    await waitForNoCode(doc.uri, 'include-missing');
    assert.equal(doc.isDirty, true); // the server saw the unsaved buffer, not the file on disk
  });

  test('creating the missing file on disk removes the error', async () => {
    const { document: doc } = await openPageCopy(cleanup, PAGES.senior, (t) => t.replace(NAV, NOPE));
    await waitForCode(doc.uri, 'include-missing');
    writeSiteFile(cleanup, `assets/${NOPE}`, '- [Home](/handbook/)\n');
    await waitForNoCode(doc.uri, 'include-missing');
  });

  test('deleting an included file on disk reports include-missing on the open page; restoring it clears it', async () => {
    const { document: doc } = await openPageCopy(cleanup, PAGES.senior);
    await waitForCode(doc.uri, 'link-fragment'); // the page has been checked once
    const path = INCLUDES.values.replace(/^assets\//, '');
    const restore = deleteSiteFile(cleanup, INCLUDES.values);
    const [missing] = await waitForCode(doc.uri, 'include-missing');
    assert.ok(missing.range.isEqual(rangeOf(doc, path)), `range ${JSON.stringify(missing.range)}`);
    restore();
    await waitForNoCode(doc.uri, 'include-missing');
  });
});
