// The configuration file .career-pages.jsonc and the careerPages.* settings reach the language
// server while pages are open.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitForCount, waitForNoCode } from '../support/diagnostics';
import { Cleanup, openPage, PAGES, setSetting, writeSiteFile } from '../support/workspace';

suite('configuration', () => {
  const cleanup = new Cleanup();
  teardown(() => cleanup.run());

  test('a .career-pages.jsonc at the site root turning a rule off is picked up, and removing it brings the rule back', async () => {
    const { document: doc } = await openPage(PAGES.intermediate);
    await waitForCount(doc.uri, 'include-delimiter', 4);
    const remove = writeSiteFile(cleanup, '.career-pages.jsonc', '// written by the e2e suite\n{ "rules": { "include-delimiter": "off" } }\n');
    await waitForNoCode(doc.uri, 'include-delimiter');
    await waitForCount(doc.uri, 'link-fragment', 3); // only that rule is off
    remove();
    await waitForCount(doc.uri, 'include-delimiter', 4);
  });

  test('the careerPages.rules setting changes a rule\'s severity', async () => {
    const { document: doc } = await openPage(PAGES.intermediate);
    const isWarning = (d: vscode.Diagnostic) => d.severity === vscode.DiagnosticSeverity.Warning;
    const isError = (d: vscode.Diagnostic) => d.severity === vscode.DiagnosticSeverity.Error;
    await waitForCount(doc.uri, 'link-fragment', 3, isWarning);
    const undo = await setSetting(cleanup, 'rules', { 'link-fragment': 'error' });
    const errors = await waitForCount(doc.uri, 'link-fragment', 3, isError);
    assert.equal(errors.length, 3);
    await undo();
    await waitForCount(doc.uri, 'link-fragment', 3, isWarning);
  });
});
