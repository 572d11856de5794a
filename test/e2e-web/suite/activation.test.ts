// The extension's `browser` entry in the web-worker extension host: no Node, the language server in
// a nested worker, its diagnostics on the example pages. Runs first (files load in name order).

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeAll, waitForDiagnostics } from '../../e2e/support/diagnostics';
import { activateExtension, openPage, PAGES } from '../../e2e/support/editor';
import { hostFacts } from '../index';

const INTERMEDIATE = [
  'include-delimiter warning 7:0-7:63',
  'link-fragment warning 12:28-12:52',
  'link-fragment warning 13:27-13:50',
  'link-fragment warning 14:21-14:38',
  'include-delimiter warning 21:0-21:84',
  'include-delimiter warning 25:0-25:83',
  'include-delimiter warning 42:0-42:67',
];

suite('web activation', () => {
  test('the tests and the extension run in a web worker, without Node', async () => {
    assert.deepEqual(hostFacts(), { webWorker: true, node: undefined });
    const ext = await activateExtension();
    assert.equal(ext.isActive, true);
    // getExtension() of this host: the extension runs here, in the worker, not in code-server's Node host.
    assert.equal(ext.extensionKind, vscode.ExtensionKind.UI);
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
    assert.equal(ext.packageJSON.browser, './dist/web/client.js');
  });

  test('opening a page: the language server in its worker publishes the exact findings', async () => {
    const { document: doc } = await openPage(PAGES.intermediate);
    assert.equal(doc.languageId, 'markdown');
    assert.equal(doc.uri.scheme, 'vscode-remote');
    const ds = await waitForDiagnostics(doc.uri, (d) => d.length === INTERMEDIATE.length, `${INTERMEDIATE.length} findings`, 30_000);
    assert.deepEqual(describeAll(ds), INTERMEDIATE);
    assert.deepEqual(
      ds.map((d) => d.message),
      [
        "{{< include >}} leaves the file's Markdown unrendered: use {{% include %}}.",
        'No anchor "#leadership-competencies" here; did you mean "#intermediate-leadership-competencies"?',
        'No anchor "#technical-competencies" here; did you mean "#intermediate-technical-competencies"?',
        'No anchor "#values-alignment" here; did you mean "#intermediate-values-alignment"?',
        "{{< include >}} leaves the file's Markdown unrendered: use {{% include %}}.",
        "{{< include >}} leaves the file's Markdown unrendered: use {{% include %}}.",
        "{{< include >}} leaves the file's Markdown unrendered: use {{% include %}}.",
      ],
    );
  });
});
