// Hugo URLs in a real editor (issue 17): page URLs completed in a link's path, the link code actions,
// workspace symbols with URLs and anchors, document highlights of a heading and its links, Copy Link
// to Heading, and a page moved in the workspace with its links following (careerPages.links.onMove
// "update" and "alias"), after which career-lint finds no new link-page finding.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitForCode } from '../support/diagnostics';
import {
  Cleanup,
  closeWithoutSaving,
  EXTENSION_ID,
  openPage,
  openPageCopy,
  PAGES,
  rangeOf,
  setSetting,
  siteRoot,
  sitePath,
  siteUri,
} from '../support/workspace';
import { eventually, waitForText } from '../support/waiting';

const TRACK_URL = '/handbook/engineering/careers/matrix/quality/engineering-productivity';
const labelOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);

/** career-lint (the installed extension's dist/cli.js) on the site: its link-page findings, "file: message". */
function linkPageFindings(): string[] {
  const cli = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', 'cli.js');
  const root = siteRoot().fsPath;
  const run = spawnSync(process.execPath, [cli, root], { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  return run.stdout
    .split('\n')
    .filter((l) => / link-page /.test(l))
    .map((l) => l.replace(/:\d+:\d+ warning link-page /, ': '))
    .sort();
}

async function completionsAt(doc: vscode.TextDocument, at: vscode.Position, trigger?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at, trigger);
  return list.items;
}

suite('Hugo URLs', () => {
  const cleanup = new Cleanup();
  teardown(() => cleanup.run());

  test('"](/handbook/eng" completes the engineering pages by URL, titles as detail, and accepting one replaces the typed path', async () => {
    const { document: doc } = await openPageCopy(cleanup, PAGES.senior, (t) => `${t}\nSee [the team](/handbook/eng)\n`);
    await waitForCode(doc.uri, 'link-page');
    const line = doc.lineCount - 2;
    const at = new vscode.Position(line, doc.lineAt(line).text.indexOf(')'));
    const ours = await eventually(async () => {
      const items = (await completionsAt(doc, at, '/')).filter((i) => labelOf(i).startsWith('/handbook/eng') && !labelOf(i).includes('-e2e-'));
      return items.length ? items : undefined;
    }, 'the page URLs');
    assert.deepEqual(
      ours.map((i) => [labelOf(i), i.detail]),
      [
        ['/handbook/engineering/', 'Engineering'],
        ['/handbook/engineering/careers/matrix/', 'Engineering Career Framework'],
        ['/handbook/engineering/infrastructure/engineering-productivity/', 'Engineering Productivity'],
        ['/handbook/engineering/infrastructure/performance-indicators/', 'Infrastructure Performance Indicators'],
        ['/handbook/engineering/careers/matrix/quality/', 'Quality Career Framework'],
        [`${TRACK_URL}/`, 'Engineering Productivity Career Framework'],
        [`${TRACK_URL}/intermediate/`, 'Quality Career Framework: Intermediate Backend Engineer, Engineering Productivity'],
        [`${TRACK_URL}/senior/`, 'Quality Career Framework: Senior Backend Engineer, Engineering Productivity'],
      ],
    );
    const item = ours[2];
    const range = item.range instanceof vscode.Range ? item.range : item.range!.replacing;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, range, typeof item.insertText === 'string' ? item.insertText : item.insertText!.value);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(doc.lineAt(line).text, 'See [the team](/handbook/engineering/infrastructure/engineering-productivity/)');
  });

  test('a relative link: "Convert to the absolute URL" rewrites it, fragment kept', async () => {
    const { document: doc } = await openPageCopy(cleanup, PAGES.senior, (t) => `${t}\n[Intermediate](intermediate/#intermediate-values-alignment)\n`);
    await waitForCode(doc.uri, 'link-fragment');
    const at = rangeOf(doc, 'intermediate/#').start.translate(0, 3);
    const action = await eventually(async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(at, at));
      return actions.find((a) => a.title === `Convert to the absolute URL ${TRACK_URL}/intermediate/`);
    }, 'the link action');
    assert.equal(action.kind?.value, 'refactor.rewrite');
    assert.ok(await vscode.workspace.applyEdit(action.edit!));
    assert.equal(doc.lineAt(doc.lineCount - 2).text, `[Intermediate](${TRACK_URL}/intermediate/#intermediate-values-alignment)`);
  });

  test('workspace symbols: a heading with its page URL and anchor', async () => {
    await openPage(PAGES.senior);
    const symbols = await eventually(async () => {
      const all = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Senior Values Alignment');
      const ours = all.filter((s) => s.containerName === `${TRACK_URL}/senior/#senior-values-alignment`);
      return ours.length ? ours : undefined;
    }, 'the heading among the workspace symbols');
    assert.deepEqual(
      symbols.map((s) => [s.name, vscode.workspace.asRelativePath(s.location.uri), s.location.range.start.line]),
      [['Senior Values Alignment', PAGES.senior, 39]],
    );
  });

  test('document highlights: the heading, its same-page link and a link to it by URL', async () => {
    const { document: doc } = await openPageCopy(cleanup, PAGES.senior, (t) => t.replace('](#values-alignment)', '](#senior-values-alignment)'));
    await waitForCode(doc.uri, 'link-fragment');
    // A link to the heading through the copy's own URL (relative to the folder, relativeLinks "file").
    const self = path.basename(doc.uri.fsPath, '.md');
    const append = new vscode.WorkspaceEdit();
    append.insert(doc.uri, new vscode.Position(doc.lineCount - 1, 0), `\n[again](${self}/#senior-values-alignment)\n`);
    assert.ok(await vscode.workspace.applyEdit(append));
    const last = doc.lineCount - 2;
    const at = rangeOf(doc, '### Senior Values Alignment').start.translate(0, 6);
    // The server has the edited text once it has answered for it: ask until the link by URL is among them.
    const highlights = await eventually(async () => {
      const h = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', doc.uri, at);
      return h?.some((x) => x.range.start.line === last) ? h : undefined;
    }, 'the highlights');
    const lines = highlights.map((h) => h.range.start.line).sort((a, b) => a - b);
    assert.deepEqual(lines, [13, 39, last], `highlights: ${JSON.stringify(highlights.map((h) => [h.range.start.line, h.range.start.character, h.kind]))}`);
  });

  test('Copy Link to Heading gives the page URL and the anchor of the section at the cursor', async () => {
    const editor = await openPage(PAGES.senior);
    const at = rangeOf(editor.document, 'Senior Technical Competencies').start.translate(2, 0);
    const url = await vscode.commands.executeCommand<string | undefined>('careerPages.copyLinkToHeading', editor.document.uri, at);
    assert.equal(url, `${TRACK_URL}/senior/#senior-technical-competencies`);
  });

  for (const mode of ['update', 'alias'] as const) {
    test(`moving a page (links.onMove "${mode}"): ${mode === 'update' ? 'its links follow' : 'its old URL becomes an alias'}; career-lint finds no new link-page`, async () => {
      await setSetting(cleanup, 'links.onMove', mode);
      const target = `content/handbook/e2e-move-${mode}.md`;
      const moved = `content/handbook/hiring/e2e-moved-${mode}.md`;
      const linking = `content/handbook/e2e-links-${mode}.md`;
      for (const f of [target, moved, linking]) cleanup.defer(() => fs.rmSync(sitePath(f), { force: true }));
      for (const f of [target, moved, linking]) cleanup.defer(() => closeWithoutSaving(siteUri(f)));
      fs.writeFileSync(sitePath(target), '---\ntitle: "Moved page"\n---\n\n## Moved\n\nSee the [handbook](../).\n');
      fs.writeFileSync(sitePath(linking), `---\ntitle: "Links"\n---\n\n- [a](/handbook/e2e-move-${mode}/#moved)\n- [b](e2e-move-${mode}.md)\n`);
      const { document: doc } = await openPage(linking);
      // The index knows the page once URL completion offers it (after "- [a](/": the absolute URLs).
      const probe = new vscode.Position(4, 7);
      await eventually(
        async () => ((await completionsAt(doc, probe, '/')).some((i) => labelOf(i) === `/handbook/e2e-move-${mode}/`) ? true : undefined),
        'the page in the index',
      );
      const before = linkPageFindings();
      const edit = new vscode.WorkspaceEdit();
      edit.renameFile(siteUri(target), siteUri(moved));
      assert.ok(await vscode.workspace.applyEdit(edit));
      if (mode === 'update') {
        await waitForText(
          doc,
          (t) => t.includes(`[a](/handbook/hiring/e2e-moved-${mode}/#moved)`) && t.includes(`[b](hiring/e2e-moved-${mode}.md)`),
          'the links to the new URL',
        );
      } else {
        await waitForText(doc, (t) => t.includes(`[b](hiring/e2e-moved-${mode}.md)`), 'the .md link to the new file');
        assert.ok(doc.getText().includes(`[a](/handbook/e2e-move-${mode}/#moved)`), 'the URL link stays: the alias keeps it working');
      }
      const page = await vscode.workspace.openTextDocument(siteUri(moved));
      const expected =
        mode === 'update'
          ? '---\ntitle: "Moved page"\n---\n\n## Moved\n\nSee the [handbook](../../).\n'
          : `---\ntitle: "Moved page"\naliases:\n  - /handbook/e2e-move-${mode}/\n---\n\n## Moved\n\nSee the [handbook](../../).\n`;
      assert.equal(page.getText(), expected);
      for (const d of vscode.workspace.textDocuments) if (d.isDirty && /e2e-(links|moved)-/.test(d.uri.fsPath)) assert.ok(await d.save());
      assert.deepEqual(linkPageFindings(), before);
    });
  }
});
