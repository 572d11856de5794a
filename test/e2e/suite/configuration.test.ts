// The configuration file .career-pages.jsonc and the careerPages.* settings reach the language
// server while pages are open.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeAll, waitForCode, waitForCount, waitForDiagnostics, waitForNoCode } from '../support/diagnostics';
import { Cleanup, closeWithoutSaving, openPage, PAGES, rangeOf, setSetting, writeSiteFile } from '../support/workspace';

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

  test("the careerPages.rules setting changes a rule's severity", async () => {
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

  test('a misspelled rule code in .career-pages.jsonc is an error on the key in the open file', async () => {
    writeSiteFile(cleanup, '.career-pages.jsonc', '{ "rules": { "include-delimter": "off" } }\n');
    const { document: doc } = await openPage('.career-pages.jsonc');
    cleanup.defer(() => closeWithoutSaving(doc.uri));
    const [problem, ...more] = await waitForCode(doc.uri, 'config');
    assert.deepEqual(more, []);
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(problem.range.isEqual(rangeOf(doc, '"include-delimter"')), describeAll([problem]).join());
    assert.match(problem.message, /Unknown rule code "include-delimter"/);
  });

  test('careerPages.enable = false silences the extension, and true brings the diagnostics back', async () => {
    const { document: doc } = await openPage(PAGES.senior);
    const seed = ['link-fragment warning 11:28-11:52', 'link-fragment warning 12:27-12:50', 'link-fragment warning 13:21-13:38'];
    const exactly = (expected: string[]) => (ds: vscode.Diagnostic[]) => JSON.stringify(describeAll(ds)) === JSON.stringify(expected);
    await waitForDiagnostics(doc.uri, exactly(seed), 'the three nav-link findings');
    const undo = await setSetting(cleanup, 'enable', false);
    await waitForDiagnostics(doc.uri, (ds) => ds.length === 0, 'no diagnostics at all');
    await undo();
    await waitForDiagnostics(doc.uri, exactly(seed), 'the three nav-link findings again');
  });
});
