// What needs the whole site in the web-worker host: the site index the language server builds in the
// background from vscode.workspace.findFiles (a link to a page that does not exist), and fragment
// links into the headings included files bring in.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeAll, waitForCode, waitForDiagnostics } from '../../e2e/support/diagnostics';
import { activateExtension, Cleanup, PAGES, rangeOf } from '../../e2e/support/editor';
import { eventually } from '../../e2e/support/waiting';
import { openPageCopy } from '../support/siteFiles';

const markdownOf = (hovers: vscode.Hover[]) => hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)));

suite('web site-wide checks', () => {
  // An extension that failed to activate fails each suite at once, not after every case's timeout.
  suiteSetup(() => activateExtension());
  const cleanup = new Cleanup();
  teardown(() => cleanup.run());

  test('fragment links to headings the page does not have: link-fragment at each, with the included heading suggested', async () => {
    const { editor } = await openPageCopy(cleanup, PAGES.senior);
    const doc = editor.document;
    const expected = ['link-fragment warning 11:28-11:52', 'link-fragment warning 12:27-12:50', 'link-fragment warning 13:21-13:38'];
    const ds = await waitForDiagnostics(doc.uri, (d) => JSON.stringify(describeAll(d)) === JSON.stringify(expected), 'the three nav-link findings', 30_000);
    assert.deepEqual(
      ds.map((d) => [doc.getText(d.range), d.message]),
      [
        ['#leadership-competencies', 'No anchor "#leadership-competencies" here; did you mean "#senior-leadership-competencies"?'],
        ['#technical-competencies', 'No anchor "#technical-competencies" here; did you mean "#senior-technical-competencies"?'],
        ['#values-alignment', 'No anchor "#values-alignment" here; did you mean "#senior-values-alignment"?'],
      ],
    );
  });

  test('a link to a page that does not exist is reported once the site is indexed, with its explanation in the hover', async () => {
    const good = '/handbook/engineering/infrastructure/engineering-productivity/index.html';
    const bad = '/handbook/engineering/infrastructure/engineering-productivty/';
    const { editor } = await openPageCopy(cleanup, PAGES.senior, (t) => t.replace(good, bad));
    const doc = editor.document;
    const [d] = await waitForCode(doc.uri, 'link-page', undefined, 30_000);
    assert.deepEqual(describeAll([d]), ['link-page warning 27:82-27:143']);
    assert.ok(d.range.isEqual(rangeOf(doc, bad)));
    assert.equal(
      d.message,
      'No page at /handbook/engineering/infrastructure/engineering-productivty/; did you mean /handbook/engineering/infrastructure/engineering-productivity/?',
    );
    // The hover checks the page again against the index, which takes the new copy in from its file
    // event through the extension (a round trip in the worker): for a moment after the finding is
    // shown the hover can still lack it, so ask until it has something.
    const hovers = await eventually(async () => {
      const now = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, d.range.start.translate(0, 5));
      return markdownOf(now).length ? now : undefined;
    }, 'a hover on the link-page finding');
    assert.deepEqual(markdownOf(hovers), [
      '*link-page*: Links are checked against the URL Hugo gives every page of the site (its path, \\_index.md, bundles, slug, url and aliases).',
    ]);
  });
});
