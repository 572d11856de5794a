// .career-pages.jsonc in the web-worker host: written through vscode.workspace.fs (the worker has no
// file system), read by the language server through the extension, honoured on the open page.

import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { describeAll, waitForDiagnostics } from '../../e2e/support/diagnostics';
import { activateExtension, Cleanup, openPage, PAGES } from '../../e2e/support/editor';
import { writeSiteFile } from '../support/siteFiles';

const INTERMEDIATE = [
  'include-delimiter warning 7:0-7:63',
  'link-fragment warning 12:28-12:52',
  'link-fragment warning 13:27-13:50',
  'link-fragment warning 14:21-14:38',
  'include-delimiter warning 21:0-21:84',
  'include-delimiter warning 25:0-25:83',
  'include-delimiter warning 42:0-42:67',
];
const exactly = (expected: string[]) => (ds: vscode.Diagnostic[]) => JSON.stringify(describeAll(ds)) === JSON.stringify(expected);

suite('web configuration', () => {
  // An extension that failed to activate fails each suite at once, not after every case's timeout.
  suiteSetup(() => activateExtension());
  const cleanup = new Cleanup();
  teardown(() => cleanup.run());

  test('.career-pages.jsonc turning a rule off and changing a severity is honoured, and removing it brings the defaults back', async () => {
    const { document: doc } = await openPage(PAGES.intermediate);
    await waitForDiagnostics(doc.uri, exactly(INTERMEDIATE), 'the default findings', 30_000);
    const remove = await writeSiteFile(
      cleanup,
      '.career-pages.jsonc',
      '// written by the web e2e suite\n{ "rules": { "include-delimiter": "off", "link-fragment": "error" } }\n',
    );
    const ds = await waitForDiagnostics(
      doc.uri,
      exactly(['link-fragment error 12:28-12:52', 'link-fragment error 13:27-13:50', 'link-fragment error 14:21-14:38']),
      'no include-delimiter and link-fragment as errors',
    );
    assert.equal(ds.length, 3);
    await remove();
    await waitForDiagnostics(doc.uri, exactly(INTERMEDIATE), 'the default findings again');
  });
});
