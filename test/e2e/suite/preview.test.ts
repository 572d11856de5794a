// The client's Markdown preview and snippets in the real editor (issues 7, 12 and 13): markdown.api.render
// shows the included files' content with the server's heading ids ({{< >}} ones as the raw text the
// site shows), from the data the language server sends, so the careerPages.* settings and the
// session's page kinds reach it; the snippets expand into pages that our own linter finds no error in.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ours, waitForDiagnostics } from '../support/diagnostics';
import { activateExtension, Cleanup, closeWithoutSaving, openPage, PAGES, setSetting, siteUri, writeSiteFile } from '../support/workspace';

/** What the extension's activate() returns, as far as these tests read it (client/src/preview/previewData.ts). */
interface Api {
  preview: { isCurrent(uri: string, text: string): boolean; onDidUpdate(listener: (uri: string) => void): vscode.Disposable };
}

const render = (doc: vscode.TextDocument) => vscode.commands.executeCommand<string>('markdown.api.render', doc);

/**
 * The preview's HTML once `accept` holds for it: rendered now and again after each answer of the
 * server for this document; rejects after `timeoutMs` naming what was awaited and what it showed.
 */
async function previewWhen(doc: vscode.TextDocument, accept: (html: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
  const { preview } = (await activateExtension()).exports as Api;
  return new Promise((resolve, reject) => {
    let last = '';
    let rendering = false;
    let again = false;
    let done = false;
    const finish = (error?: Error) => {
      done = true;
      clearTimeout(timer);
      subscription.dispose();
      if (error) reject(error);
      else resolve(last);
    };
    const timer = setTimeout(() => finish(new Error(`timed out after ${timeoutMs} ms waiting for the preview ${what}; it showed:\n${last}`)), timeoutMs);
    const look = async () => {
      if (rendering) return void (again = true);
      rendering = true;
      do {
        again = false;
        last = await render(doc);
        if (!done && accept(last)) return finish();
      } while (again && !done);
      rendering = false;
    };
    const subscription = preview.onDidUpdate((uri) => {
      if (uri === doc.uri.toString()) look().catch(finish);
    });
    look().catch(finish);
  });
}

/** The preview rendered from the server's data for the document's current text. */
async function currentPreview(doc: vscode.TextDocument): Promise<string> {
  const { preview } = (await activateExtension()).exports as Api;
  return previewWhen(doc, () => preview.isCurrent(doc.uri.toString(), doc.getText()), "with the server's data for this version");
}

const kindLabel = (html: string) => /<div class="cp-frontmatter-kind">([^<]*)<\/div>/.exec(html)?.[1];
const captions = (html: string) => [...html.matchAll(/<a class="cp-include-file"[^>]*>([^<]*)<\/a>/g)].map((m) => m[1]);
const headingIds = (html: string) => [...html.matchAll(/<h[1-6][^>]*\sid="([^"]*)"/g)].map((m) => m[1]);

suite('preview and snippets', () => {
  const cleanup = new Cleanup();
  teardown(() => cleanup.run());

  test('markdown.api.render shows included content, framed, with the heading ids the server computes', async () => {
    const { document: doc } = await openPage(PAGES.senior);
    const html = await currentPreview(doc);
    // Text of includes/engineering-careers/senior-leadership-competency.md, rendered in place.
    assert.match(html, /Communicates clearly and effectively, both written and verbally/);
    assert.match(html, /id="engineering"/);
    assert.match(html, /id="engineering-1"/);
    assert.match(html, /id="senior-leadership-competencies"/);
    assert.match(html, /senior-leadership-competency\.md/, 'the caption names the included file');
    assert.doesNotMatch(html, /\{\{% include/, 'no raw shortcode left');
  });

  test('the preview of a {{< include >}} page shows the included files as raw text, as the site does, and says why; inline inside a line', async () => {
    const { document: doc } = await openPage(PAGES.intermediate);
    const html = await currentPreview(doc);
    const raw = [...html.matchAll(/<figure class="cp-include cp-include-detached cp-include-raw[^"]*"[^>]* data-include-path="([^"]*)">/g)].map((m) => m[1]);
    assert.deepEqual(raw, [
      'includes/engineering-careers/ep-career-nav.md',
      'includes/engineering-careers/intermediate-leadership-competency.md',
      'includes/engineering-careers/intermediate-technical-competency.md',
      'includes/engineering-careers/values-competency.md',
    ]);
    // values-competency.md's Markdown as written: no <h5>, no list, no link.
    assert.match(
      html,
      /<div class="cp-include-body">##### GitLab\n\n\* Adhere to the \[Collaboration Competencies\]\(\/handbook\/values\/#collaboration-competency\) for this job grade\.\n/,
    );
    assert.doesNotMatch(html, /<h5|href="\/handbook\/values\/#collaboration-competency"/);
    assert.equal(html.match(/<span class="cp-include-note">the site shows this text unrendered<\/span>/g)?.length, 4);
    assert.match(
      html,
      /<div class="cp-include-advice">With \{\{&lt; &gt;\}\} Hugo writes the file into the page as it is, [^<]*quick fix &quot;Use \{\{% %\}\}&quot;/,
    );

    const page = 'content/handbook/preview-angle-e2e.md';
    writeSiteFile(cleanup, 'assets/includes/preview-angle-e2e.md', '**Raw** [text](https://example.com/e2e)\n');
    writeSiteFile(cleanup, page, '---\ntitle: "Angle"\n---\n\n| a |\n| --- |\n| In a cell: {{< include "includes/preview-angle-e2e.md" >}} |\n');
    const { document: cell } = await openPage(page);
    cleanup.defer(() => closeWithoutSaving(cell.uri));
    assert.match(
      await currentPreview(cell),
      /<td>In a cell: <span class="cp-include-inline cp-include-raw" data-include-path="includes\/preview-angle-e2e.md">.*<span class="cp-include-body">\*\*Raw\*\* \[text\]\(https:\/\/example.com\/e2e\)\n<\/span><\/span><\/td>/,
    );
  });

  test('a missing include renders as a visible error naming the path', async () => {
    writeSiteFile(cleanup, 'content/handbook/preview-e2e.md', '---\ntitle: "Preview"\n---\n\n## Preview\n\n{{% include "includes/nowhere-e2e.md" %}}\n');
    const doc = await vscode.workspace.openTextDocument(siteUri('content/handbook/preview-e2e.md'));
    const html = await currentPreview(doc);
    assert.match(html, /includes\/nowhere-e2e\.md/);
    assert.match(html, /not found|missing/i);
  });

  test('careerPages.includeRoots and careerPages.pageKinds change what the preview shows: where an include resolves, the kind on the card', async () => {
    writeSiteFile(cleanup, 'assets/includes/preview-roots-e2e.md', '##### From assets\n');
    writeSiteFile(cleanup, 'static/includes/preview-roots-e2e.md', '##### From static\n');
    const page = 'content/handbook/preview-settings-e2e.md';
    writeSiteFile(
      cleanup,
      page,
      '---\ntitle: "Settings"\ndescription: "Preview settings"\n---\n\n## Settings\n\n{{% include "includes/preview-roots-e2e.md" %}}\n',
    );
    const { document: doc } = await openPage(page);
    cleanup.defer(() => closeWithoutSaving(doc.uri));
    let html = await currentPreview(doc);
    assert.deepEqual([kindLabel(html), captions(html), headingIds(html)], ['Page', ['assets/includes/preview-roots-e2e.md'], ['settings', 'from-assets']]);

    await setSetting(cleanup, 'includeRoots', ['static']);
    html = await previewWhen(doc, (h) => h.includes('From static'), 'resolving the include under static/');
    assert.deepEqual([captions(html), headingIds(html)], [['static/includes/preview-roots-e2e.md'], ['settings', 'from-static']]);

    await setSetting(cleanup, 'pageKinds', { 'job-family': [page] });
    html = await previewWhen(doc, (h) => kindLabel(h) === 'Job-family page', 'naming the page kind the setting gives');
    assert.deepEqual(captions(html), ['static/includes/preview-roots-e2e.md']);
  });

  test("the session's page kind (Change Page Kind for This File) reaches the front matter card, and going back does too", async () => {
    const { document: doc } = await openPage(PAGES.jobFamily);
    assert.equal(kindLabel(await currentPreview(doc)), 'Job-family page');
    await vscode.commands.executeCommand('careerPages.changePageKind', doc.uri, 'page');
    cleanup.defer(() => vscode.commands.executeCommand('careerPages.changePageKind', doc.uri, null));
    await previewWhen(doc, (h) => kindLabel(h) === 'Page', 'naming the kind chosen for the session');
    await vscode.commands.executeCommand('careerPages.changePageKind', doc.uri, null);
    await previewWhen(doc, (h) => kindLabel(h) === 'Job-family page', 'naming the configured kind again');
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
      assert.deepEqual(
        ours(doc.uri)
          .filter((d) => d.severity === vscode.DiagnosticSeverity.Error)
          .map((d) => d.message),
        [],
      );
    });
  }
});
