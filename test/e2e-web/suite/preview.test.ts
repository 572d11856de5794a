// The preview with expanded includes, from the web-worker host. VS Code's Markdown preview calls the
// extension's extendMarkdownIt (contributes.markdown.markdownItPlugins) in the host the built-in
// Markdown extension runs in: in vscode.dev that is this web worker, but code-server ships that
// extension without its browser build, so here it runs in the Node host, and markdown.api.render
// there cannot reach a plugin in this worker. So the test does what the built-in does: it passes a
// markdown-it (the major version VS Code 1.100 uses) to the extension's extendMarkdownIt and renders
// the page with env.currentDocument set, once the extension has the server's data for its text.

import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import type * as vscode from 'vscode';
import { activateExtension, INCLUDES, openPage, PAGES } from '../../e2e/support/editor';

/** What the extension's activate() returns, as far as this test reads it (client/src/preview/previewData.ts). */
interface Api {
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
  preview: { isCurrent(uri: string, text: string): boolean; onDidUpdate(listener: (uri: string) => void): vscode.Disposable };
}

/** Resolves once the extension has the server's preview data for the document's current text. */
async function previewDataFor(doc: vscode.TextDocument, timeoutMs = 15_000): Promise<void> {
  const { preview } = (await activateExtension()).exports as Api;
  const current = () => preview.isCurrent(doc.uri.toString(), doc.getText());
  if (current()) return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for the preview data of ${doc.uri}`));
    }, timeoutMs);
    const subscription = preview.onDidUpdate((uri) => {
      if (uri !== doc.uri.toString() || !current()) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}

const captions = (html: string) => [...html.matchAll(/<a class="cp-include-file"[^>]*>([^<]*)<\/a>/g)].map((m) => m[1]);
const headingIds = (html: string) => [...html.matchAll(/<h[1-6][^>]*\sid="([^"]*)"/g)].map((m) => m[1]);

suite('web preview', () => {
  // An extension that failed to activate fails each suite at once, not after every case's timeout.
  suiteSetup(() => activateExtension());
  test("the preview renders the included files' content in place, with the heading ids the server computes", async () => {
    const { document: doc } = await openPage(PAGES.senior);
    await previewDataFor(doc);
    const ext = await activateExtension();
    const md = (ext.exports as Api).extendMarkdownIt(new MarkdownIt({ html: true }));
    const html = md.render(doc.getText(), { currentDocument: doc.uri });
    // Text of includes/engineering-careers/senior-leadership-competency.md, rendered in place.
    assert.match(html, /<li>Communicates clearly and effectively, both written and verbally, /);
    assert.deepEqual(captions(html), [
      INCLUDES.nav,
      INCLUDES.seniorLeadership,
      'assets/includes/engineering-careers/senior-technical-competency.md',
      INCLUDES.values,
    ]);
    assert.deepEqual(headingIds(html), [
      'senior-backend-engineer-engineering-productivity',
      'senior-leadership-competencies',
      'engineering',
      'senior-technical-competencies',
      'engineering-1',
      'engineering-productivity',
      'senior-values-alignment',
      'gitlab',
    ]);
    assert.doesNotMatch(html, /\{\{% include/, 'no raw shortcode left');
  });
});
