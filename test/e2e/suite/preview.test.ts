// The client's Markdown preview and snippets in the real editor (issue 7): markdown.api.render shows
// the included files' content with the server's heading ids, and the snippets expand into pages
// that our own linter finds no error in.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ours, waitForDiagnostics } from '../support/diagnostics';
import { Cleanup, openPage, PAGES, siteUri, writeSiteFile } from '../support/workspace';

suite('preview and snippets', () => {
  const cleanup = new Cleanup();
  teardown(() => cleanup.run());

  test('markdown.api.render shows included content, framed, with the heading ids the server computes', async () => {
    const { document: doc } = await openPage(PAGES.senior);
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', doc);
    // Text of includes/engineering-careers/senior-leadership-competency.md, rendered in place.
    assert.match(html, /Communicates clearly and effectively, both written and verbally/);
    assert.match(html, /id="engineering"/);
    assert.match(html, /id="engineering-1"/);
    assert.match(html, /id="senior-leadership-competencies"/);
    assert.match(html, /senior-leadership-competency\.md/, 'the caption names the included file');
    assert.doesNotMatch(html, /\{\{% include/, 'no raw shortcode left');
  });

  test('a missing include renders as a visible error naming the path', async () => {
    writeSiteFile(cleanup, 'content/handbook/preview-e2e.md', '---\ntitle: "Preview"\n---\n\n## Preview\n\n{{% include "includes/nowhere-e2e.md" %}}\n');
    const doc = await vscode.workspace.openTextDocument(siteUri('content/handbook/preview-e2e.md'));
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', doc);
    assert.match(html, /includes\/nowhere-e2e\.md/);
    assert.match(html, /not found|missing/i);
  });

  const snippets = [
    // The career page takes its level (and so its include files) from the file name: use a level
    // whose competency files the example has; the original page is restored afterwards.
    ['Career framework page', PAGES.senior],
    ['Job family page', 'content/job-families/engineering/snippet-e2e.md'],
  ] as const;
  for (const [name, file] of snippets) {
    test(`the "${name}" snippet expands into a page without errors`, async () => {
      writeSiteFile(cleanup, file, '');
      const doc = await vscode.workspace.openTextDocument(siteUri(file));
      const editor = await vscode.window.showTextDocument(doc, { preview: false });
      cleanup.defer(() => vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor'));
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name });
      assert.match(editor.document.getText(), /^---\ntitle: /);
      // A marker the server must report proves it has checked the expanded text.
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      await editor.edit((e) => e.insert(end, '\n[marker](#no-such-anchor-e2e)\n'));
      await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => d.message.includes('no-such-anchor-e2e')), `the marker's link-fragment after expanding ${name}`);
      assert.deepEqual(ours(doc.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => d.message), []);
    });
  }
});
