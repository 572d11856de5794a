// Bad input in the real editor (issue 10): a page saved in another encoding, and front matter that
// would expand into billions of values; the language server answers each with a diagnostic and
// keeps checking the other pages.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { describeAll, waitForCode } from '../support/diagnostics';
import { Cleanup, openPage, PAGES, sitePath } from '../support/workspace';

suite('bad input', () => {
  const cleanup = new Cleanup();
  teardown(() => cleanup.run());

  /** Writes bytes as a page of the site and opens it; the page is closed and deleted afterwards. */
  async function openBytes(relativePath: string, bytes: Buffer): Promise<vscode.TextDocument> {
    const file = sitePath(relativePath);
    fs.writeFileSync(file, bytes);
    cleanup.defer(() => fs.rmSync(file, { force: true }));
    const { document } = await openPage(relativePath);
    cleanup.defer(() => vscode.commands.executeCommand('workbench.action.closeActiveEditor'));
    return document;
  }

  test('a page saved as Latin-1: file-encoding at the first unreadable byte, as VS Code shows it', async () => {
    const doc = await openBytes(
      'content/handbook/latin1-e2e.md',
      Buffer.from('---\ntitle: Latin-1\ndescription: Saved in the wrong encoding.\n---\n\n## Caf\xe9 and na\xefve\n', 'latin1'),
    );
    const [d] = await waitForCode(doc.uri, 'file-encoding');
    assert.deepEqual(describeAll([d]), ['file-encoding warning 5:6-5:7']);
    assert.equal(doc.getText(d.range), '\uFFFD');
    assert.equal(d.message, 'Not UTF-8: this "\uFFFD" and 1 more were unreadable bytes; save the file as UTF-8 and retype them.');
  });

  test('an alias bomb in front matter is one error at its key; the server keeps checking other pages', async () => {
    const bomb = [
      'a: &a [x,x,x,x,x,x,x,x,x]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
    ];
    const doc = await openBytes(
      'content/handbook/bomb-e2e.md',
      Buffer.from(`---\ntitle: Bomb\ndescription: Billion laughs.\n${bomb.join('\n')}\n---\n\n## Bomb\n`),
    );
    const [d] = await waitForCode(doc.uri, 'frontmatter-syntax');
    assert.deepEqual(describeAll([d]), ['frontmatter-syntax error 6:0-6:1']);
    assert.equal(doc.getText(d.range), 'd');
    // Still alive: a seed page gets its usual diagnostics.
    const { document: seed } = await openPage(PAGES.intermediate);
    const found = await waitForCode(seed.uri, 'include-delimiter');
    assert.equal(found.length, 4);
  });
});
