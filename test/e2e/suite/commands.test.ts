// The Career Pages commands, the ladder matrix view and the page-kind status bar item in the real
// editor (issue 7): each command runs from the command registry with the arguments the explorer menu
// and the palette flow pass, and its effect is checked where a person would see it.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { codeOf, describeAll, ours, waitForCount, waitForDiagnostics } from '../support/diagnostics';
import { activateExtension, Cleanup, closeWithoutSaving, INCLUDES, openPage, openPageCopy, PAGES, sitePath, siteUri } from '../support/workspace';

const TRACK = 'content/handbook/engineering/careers/matrix/quality/engineering-productivity';

/** What the extension's activate() returns, as far as these tests read it. */
interface Api {
  ui: {
    pageKindStatus: { text: string | undefined; onDidChange: vscode.Event<unknown> };
    ladderMatrix: { title: string | undefined };
  };
}

async function api(): Promise<Api> {
  return (await activateExtension()).exports as Api;
}

/** Resolves once `read()` gives `expected`: checked now and on every `event`; rejects after `timeoutMs` with what it was. */
function waitForValue<T>(event: vscode.Event<unknown>, read: () => T, expected: T, what: string, timeoutMs = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let subscription: vscode.Disposable | undefined;
    const timer = setTimeout(() => {
      subscription?.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} to be ${JSON.stringify(expected)}; it is ${JSON.stringify(read())}`));
    }, timeoutMs);
    const check = () => {
      if (read() !== expected) return false;
      clearTimeout(timer);
      subscription?.dispose();
      resolve();
      return true;
    };
    if (!check()) subscription = event(() => void check());
  });
}

/** The open webview tabs: label and view type. */
function webviewTabs(): { label: string; viewType: string }[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .flatMap((t) => (t.input instanceof vscode.TabInputWebview ? [{ label: t.label, viewType: t.input.viewType }] : []));
}

/** Waits for a webview tab labelled `label` (the tab model follows the panel's creation by an event). */
function waitForWebviewTab(label: string, timeoutMs = 15_000): Promise<{ label: string; viewType: string }> {
  const find = () => webviewTabs().find((t) => t.label === label);
  return new Promise((resolve, reject) => {
    let subscription: vscode.Disposable | undefined;
    const timer = setTimeout(() => {
      subscription?.dispose();
      const all = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => `${t.label} (${t.input?.constructor?.name})`);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for the webview tab "${label}"; tabs: ${JSON.stringify(all)}`));
    }, timeoutMs);
    const check = () => {
      const tab = find();
      if (!tab) return false;
      clearTimeout(timer);
      subscription?.dispose();
      resolve(tab);
      return true;
    };
    if (!check()) subscription = vscode.window.tabGroups.onDidChangeTabs(() => void check());
  });
}

/** Deletes a file the test created, after closing its editor. */
function removeLater(cleanup: Cleanup, uri: vscode.Uri): void {
  cleanup.defer(() => fs.rmSync(uri.fsPath, { force: true }));
  cleanup.defer(() => closeWithoutSaving(uri));
}

suite('commands, ladder matrix view and status bar', () => {
  const cleanup = new Cleanup();
  teardown(() => cleanup.run());

  test('New Career Page… creates staff.md for the EP track and opens it', async () => {
    await api();
    const created = await vscode.commands.executeCommand<vscode.Uri | undefined>('careerPages.newCareerPage', siteUri(TRACK), 'staff');
    assert.ok(created, 'the command returns the page it created');
    removeLater(cleanup, created);
    assert.equal(created.fsPath, sitePath(`${TRACK}/staff.md`));
    const lines = fs.readFileSync(created.fsPath, 'utf8').split('\n');
    assert.deepEqual(lines.slice(0, 6), [
      '---',
      'title: "Quality Career Framework: Staff Backend Engineer, Engineering Productivity"',
      'description: "These are the expected competencies of a Staff Backend Engineer, Engineering Productivity at GitLab."',
      '---',
      '',
      '## Staff Backend Engineer, Engineering Productivity',
    ]);
    assert.ok(lines.includes('- [Leadership Competencies](#staff-leadership-competencies)'));
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, created.fsPath);
    // The language server checks the new page: the nav links match its headings, nothing to report.
    await waitForDiagnostics(created, (ds) => ds.length === 0, 'no diagnostics on the new page');
  });

  test('New Career Page… never overwrites: an existing level opens unchanged', async () => {
    const before = fs.readFileSync(sitePath(PAGES.senior), 'utf8');
    const opened = await vscode.commands.executeCommand<vscode.Uri | undefined>('careerPages.newCareerPage', siteUri(TRACK), 'senior');
    assert.equal(opened?.fsPath, sitePath(PAGES.senior));
    assert.equal(fs.readFileSync(sitePath(PAGES.senior), 'utf8'), before);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, sitePath(PAGES.senior));
  });

  test('New Job-Family Page… creates the page for a role with the chosen levels', async () => {
    const created = await vscode.commands.executeCommand<vscode.Uri | undefined>(
      'careerPages.newJobFamilyPage',
      siteUri('content/job-families/engineering'),
      'Site Reliability Engineer',
      ['senior', 'staff'],
    );
    assert.ok(created);
    removeLater(cleanup, created);
    assert.equal(created.fsPath, sitePath('content/job-families/engineering/site-reliability-engineer.md'));
    const text = fs.readFileSync(created.fsPath, 'utf8');
    assert.deepEqual(text.split('\n').slice(0, 4), [
      '---',
      'title: "Site Reliability Engineer"',
      'description: "The Site Reliability Engineer job family: levels, responsibilities, requirements and how we hire."',
      '---',
    ]);
    assert.deepEqual(
      text.split('\n').filter((l) => l.startsWith('### ')),
      ['### Senior Site Reliability Engineer', '### Staff Site Reliability Engineer'],
    );
    await waitForDiagnostics(created, (ds) => ds.length === 0, 'no diagnostics on the new job-family page');
  });

  test('Lint Workspace fills the Problems view for files that are not open', async () => {
    const values = siteUri(INCLUDES.values);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === values.toString()), 'the include file is not open');
    const result = await vscode.commands.executeCommand<{ files: number; errors: number; warnings: number } | undefined>('careerPages.lintWorkspace');
    assert.ok(result);
    // What `career-lint examples/handbook` reports: 26 files, 1 error, 14 warnings.
    assert.deepEqual({ files: result.files, errors: result.errors, warnings: result.warnings }, { files: 26, errors: 1, warnings: 14 });
    // The competency file starts at ##### under the pages' ###: reported once, in the file (issue 13).
    const [jump] = await waitForCount(values, 'heading-increment', 1);
    assert.deepEqual(describeAll([jump]), ['heading-increment warning 0:6-0:12']);
    assert.equal(jump.message, 'Heading level jumps from 3 to 5 on the page that includes this file; start it at level 4.');
    // Its links point at the example's values page, which has those anchors: nothing else to report.
    assert.deepEqual(describeAll(ours(values)), ['heading-increment warning 0:6-0:12']);
    const jobFamily = await waitForDiagnostics(
      siteUri(PAGES.jobFamily),
      (ds) => ds.some((d) => codeOf(d) === 'level-reference'),
      'level-reference on the job-family page',
    );
    assert.deepEqual(describeAll(jobFamily), ['repeated-words warning 36:24-36:34', 'level-reference error 46:41-46:78']);
  });

  test('Convert Include Delimiters in File rewrites every {{< include >}} in one undoable edit', async () => {
    const editor = await openPageCopy(cleanup, PAGES.intermediate);
    const doc = editor.document;
    const original = doc.getText();
    await waitForCount(doc.uri, 'include-delimiter', 4);
    const converted = await vscode.commands.executeCommand<number>('careerPages.convertIncludeDelimiters');
    assert.equal(converted, 4);
    assert.equal((doc.getText().match(/\{\{< include/g) ?? []).length, 0);
    assert.equal((doc.getText().match(/\{\{% include "[^"]+" %\}\}/g) ?? []).length, 4);
    await waitForCount(doc.uri, 'include-delimiter', 0);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), original, 'one undo restores all four calls');
  });

  test("Show Ladder Matrix opens the view for the page's track", async () => {
    const { ui } = await api();
    await openPage(PAGES.senior);
    await vscode.commands.executeCommand('careerPages.showLadderMatrix');
    const title = 'Ladder Matrix: Backend Engineer, Engineering Productivity';
    assert.equal(ui.ladderMatrix.title, title);
    const tab = await waitForWebviewTab(title);
    assert.match(tab.viewType, /careerPages\.ladderMatrix$/);
    cleanup.defer(async () => {
      const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === title);
      if (tab) await vscode.window.tabGroups.close(tab);
    });
  });

  test('the status bar shows the page kind, and a session choice changes it and the checks', async () => {
    const { ui } = await api();
    const status = ui.pageKindStatus;
    const read = () => status.text;
    await openPage(PAGES.jobFamily);
    await waitForValue(status.onDidChange, read, '$(checklist) Job-family page', 'the status bar text');
    const { document: doc } = await openPage(PAGES.senior);
    await waitForValue(status.onDidChange, read, '$(checklist) Career page', 'the status bar text');
    await vscode.commands.executeCommand('careerPages.changePageKind', doc.uri, 'job-family');
    cleanup.defer(() => vscode.commands.executeCommand('careerPages.changePageKind', doc.uri, null));
    await waitForValue(status.onDidChange, read, '$(checklist) Job-family page (session)', 'the status bar text');
    await waitForDiagnostics(
      doc.uri,
      (ds) => ds.some((d) => codeOf(d) === 'page-structure' && /## Levels/.test(d.message)),
      'the job-family structure findings',
    );
    await vscode.commands.executeCommand('careerPages.changePageKind', doc.uri, null);
    await waitForValue(status.onDidChange, read, '$(checklist) Career page', 'the status bar text');
    await openPage(INCLUDES.nav);
    await waitForValue(status.onDidChange, read, '$(checklist) Include file', 'the status bar text');
  });
});
