// Beside VS Code's built-in Markdown language features (issue 13, item 1), in a Hugo site: "[x](#"
// completion lists each anchor once (ours) once the built-in's link completion is turned off for the
// workspace; F12 on a same-page anchor jumps, the built-in's answer and ours being one location; the
// outline comes from one provider (the built-in's, or both with careerPages.outline.includes).

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Cleanup, openPageCopy, PAGES, rangeOf, replaceRange, setSetting } from '../support/workspace';
import { eventually } from '../support/waiting';

const labelOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);

/** The anchor page for these tests: senior.md with its nav link pointing at a heading of the page. */
const withSameFileLink = (t: string) => t.replace('](#leadership-competencies)', '](#senior-leadership-competencies)');

/** A symbol tree as "name > child, child" lines, for exact comparison. */
function outline(symbols: vscode.DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [`${'  '.repeat(depth)}${s.name}`, ...outline(s.children, depth + 1)]);
}

suite('beside the built-in Markdown features', () => {
  const cleanup = new Cleanup();
  teardown(() => cleanup.run());

  test('"[x](#" completion lists each anchor once after the built-in link completion is turned off for the workspace', async () => {
    const { document: doc } = await openPageCopy(cleanup, PAGES.senior, (t) => `${withSameFileLink(t)}\n[x](#\n`);
    const at = new vscode.Position(doc.lineCount - 2, '[x](#'.length);
    const labels = async () =>
      (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at, '#')).items.map(labelOf);
    // Before: the built-in's entries ("#" and the page's own headings only) beside ours.
    const before = await eventually(
      async () => {
        const now = await labels();
        return now.some((l) => l.startsWith('#')) ? now : undefined;
      },
      "the built-in Markdown extension's heading completions",
      { describe: labels },
    );
    assert.deepEqual(
      before.filter((l) => l.startsWith('#')),
      [
        '#engineering-productivity',
        '#senior-backend-engineer-engineering-productivity',
        '#senior-leadership-competencies',
        '#senior-technical-competencies',
        '#senior-values-alignment',
      ],
    );

    const written = await vscode.commands.executeCommand<string[]>('careerPages.turnOffBuiltinMarkdownDuplicates');
    cleanup.defer(() => vscode.workspace.getConfiguration('markdown').update('suggest.paths.enabled', undefined, vscode.ConfigurationTarget.Workspace));
    assert.deepEqual(written, ['markdown.suggest.paths.enabled']);
    assert.equal(vscode.workspace.getConfiguration('markdown').inspect('suggest.paths.enabled')?.workspaceValue, false);

    // After: ours alone, each anchor once, the included headings (engineering, engineering-1, gitlab) too.
    const after = await eventually(
      async () => {
        const now = await labels();
        return now.some((l) => l.startsWith('#')) ? undefined : now;
      },
      'the built-in completions to go',
      { describe: labels },
    );
    assert.deepEqual(after, [
      'senior-backend-engineer-engineering-productivity',
      'senior-leadership-competencies',
      'engineering',
      'senior-technical-competencies',
      'engineering-1',
      'engineering-productivity',
      'senior-values-alignment',
      'gitlab',
    ]);
    assert.equal(new Set(after).size, after.length);
  });

  test('F12 on a same-page anchor jumps to the heading: the built-in answer and ours are one location, not a peek of two', async () => {
    const editor = await openPageCopy(cleanup, PAGES.senior, withSameFileLink);
    const doc = editor.document;
    const link = rangeOf(doc, '#senior-leadership-competencies').start.translate(0, 3);
    const headingLine = rangeOf(doc, '### Senior Leadership Competencies');
    const where = (d: vscode.Location | vscode.LocationLink) => {
      const [uri, range] = d instanceof vscode.Location ? [d.uri, d.range] : [d.targetUri, d.targetRange];
      return `${vscode.workspace.asRelativePath(uri)} ${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
    };
    // The built-in answers once its language server runs (its outline's names start with "#").
    const symbols = () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    await eventually(async () => ((await symbols()).some((s) => s.name.startsWith('## ')) ? true : undefined), 'the built-in Markdown server', {
      describe: async () => outline(await symbols()),
    });
    // Both answer with the heading's line; VS Code keeps one of equal locations (as F12 does).
    const definitions = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, link);
    assert.deepEqual(definitions.map(where), [`${vscode.workspace.asRelativePath(doc.uri)} ${headingLine.start.line}:0-${headingLine.start.line}:34`]);
    // One location, so F12 moves the cursor to the heading's line (a peek would leave it where it is).
    editor.selection = new vscode.Selection(link, link);
    const jumped = new Promise<vscode.Position>((resolve, reject) => {
      const timer = setTimeout(() => {
        sub.dispose();
        reject(new Error(`F12 did not move the cursor within 10 s (a peek of several locations?); it is at ${JSON.stringify(editor.selection.active)}`));
      }, 10_000);
      const sub = vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor !== editor || e.selections[0].active.line !== headingLine.start.line) return;
        clearTimeout(timer);
        sub.dispose();
        resolve(e.selections[0].active);
      });
    });
    await vscode.commands.executeCommand('editor.action.revealDefinition');
    assert.deepEqual(await jumped, headingLine.start);
    assert.equal(vscode.window.activeTextEditor, editor);
    // A peek would show as a second editor on the page.
    assert.equal(vscode.window.visibleTextEditors.filter((e) => e.document === doc).length, 1);
  });

  test("the outline comes from one provider: the built-in's, both with careerPages.outline.includes", async () => {
    const { document: doc } = await openPageCopy(cleanup, PAGES.senior);
    const symbols = () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    const builtin = [
      '## Senior Backend Engineer, Engineering Productivity',
      '  ### Senior Leadership Competencies',
      '  ### Senior Technical Competencies',
      '    ##### Engineering Productivity',
      '  ### Senior Values Alignment',
    ];
    const shown = await eventually(
      async () => {
        const now = outline(await symbols());
        return now.length ? now : undefined;
      },
      'the outline',
      { describe: async () => outline(await symbols()) },
    );
    assert.deepEqual(shown, builtin);

    // With the setting, ours answers too (VS Code asks again at the next edit): two trees, each once.
    await setSetting(cleanup, 'outline.includes', true);
    await replaceRange(doc, new vscode.Range(doc.lineCount, 0, doc.lineCount, 0), '\n');
    const both = await eventually(
      async () => {
        const now = await symbols();
        return now.length === 2 ? now : undefined;
      },
      'both outlines',
      { describe: async () => outline(await symbols()) },
    );
    const ours = both.find((s) => !s.name.startsWith('#'));
    assert.deepEqual(outline(both.filter((s) => s !== ours)), builtin);
    assert.deepEqual(outline(ours ? [ours] : []).slice(0, 4), [
      'Senior Backend Engineer, Engineering Productivity',
      '  include includes/engineering-careers/ep-career-nav.md',
      '  Senior Leadership Competencies',
      '    include includes/engineering-careers/senior-leadership-competency.md',
    ]);
  });
});
