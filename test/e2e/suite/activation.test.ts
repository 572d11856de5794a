// The extension starts in a real editor, from the copy this run is about.

import * as assert from 'node:assert/strict';
import { waitForCode } from '../support/diagnostics';
import { activateExtension, openPage, PAGES } from '../support/workspace';

suite('activation', () => {
  test('opening a Markdown page activates the extension and its language server publishes diagnostics', async () => {
    const editor = await openPage(PAGES.intermediate);
    assert.equal(editor.document.languageId, 'markdown');
    // Opening the page starts the activation (onLanguage:markdown); awaiting it here makes a failed
    // activation fail this test at once instead of after a diagnostics timeout.
    const ext = await activateExtension();
    assert.equal(ext.isActive, true);
    await waitForCode(editor.document.uri, 'include-delimiter');
  });

  test('the extension under test is the copy this run is about (development folder or installed .vsix)', async function () {
    const expected = process.env.CAREER_E2E_EXTENSION_PATH;
    if (!expected) return this.skip(); // only the runners set it
    const ext = await activateExtension();
    assert.equal(ext.extensionPath, expected);
  });
});
