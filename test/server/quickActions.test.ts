// The Ctrl+. menu of a finding over the real language server (stdio JSON-RPC): its own fixes first
// (the preferred one first), "Fix all career-pages problems in this file" (its edit resolved with
// codeAction/resolve when the client can, as VS Code does, else carried at once), then "Disable
// <code> for this line" and "... for this file" with exact edits; applying a disable removes exactly
// that finding.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { copyOfExample, startServer, uriOf, type TestServer } from '../support/lspClient';

const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });
const at = (line: number) => range(line, 0, 0);

const PAGE = [
  '---',
  'title: "Actions"',
  'description: "A page with findings."',
  '---',
  '',
  '## A',
  '',
  '#### B',
  '',
  '- one',
  '- [x](#nope)',
  '',
  '| a | b |',
  '| --- | --- |',
  '| 1 |',
  '',
].join('\n');

/** Applies LSP text edits of one text (all against the original, as a client does). */
function applyTextEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)))
    out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

const editsOf = (action: CodeAction) =>
  (action.edit as WorkspaceEdit).documentChanges as { textDocument: { uri: string; version: number }; edits: TextEdit[] }[];
const findings = (ds: Diagnostic[]) => ds.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}`);

async function openPage(server: TestServer, dir: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
  const uri = uriOf(path.join(dir, 'content/handbook/actions.md'));
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: PAGE } });
  const published = await server.waitForPublished((p) => p.uri === uri && p.version === 1);
  return { uri, diagnostics: published.diagnostics };
}

describe('code actions of a finding over stdio (a client that resolves edits, as VS Code)', () => {
  let example: ReturnType<typeof copyOfExample>;
  let server: TestServer;
  let uri: string;
  let diagnostics: Diagnostic[];
  const ask = (d: Diagnostic) =>
    server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d], only: ['quickfix'] },
    }) as Promise<CodeAction[]>;
  const diagnostic = (code: string) => diagnostics.find((d) => d.code === code)!;

  before(async () => {
    example = copyOfExample();
    server = await startServer(example.dir, {}, { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } });
    await server.waitForNotification('careerPages/siteIndexed');
    ({ uri, diagnostics } = await openPage(server, example.dir));
    assert.deepEqual(findings(diagnostics), ['heading-increment 7:5', 'link-fragment 10:6', 'table-shape 14:0']);
  });

  after(async () => {
    await server.stop();
    example.dispose();
  });

  it('lists the own fix (preferred) first, then fix all in the file, then the disables, in that order', async () => {
    const actions = await ask(diagnostic('heading-increment'));
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred, a.diagnostics?.map((d) => d.code)]),
      [
        ['Make it a level-3 heading', 'quickfix', true, ['heading-increment']],
        ['Fix all career-pages problems in this file', 'quickfix', false, ['heading-increment']],
        ['Disable heading-increment for this line', 'quickfix', false, ['heading-increment']],
        ['Disable heading-increment for this file', 'quickfix', false, ['heading-increment']],
      ],
    );
    assert.deepEqual(editsOf(actions[2]), [
      { textDocument: { uri, version: 1 }, edits: [{ range: at(7), newText: '<!-- career-lint-disable-next-line heading-increment -->\n' }] },
    ]);
    assert.deepEqual(editsOf(actions[3]), [
      { textDocument: { uri, version: 1 }, edits: [{ range: at(4), newText: '<!-- career-lint-disable-file heading-increment -->\n' }] },
    ]);
    // Fix all comes without its edit, which codeAction/resolve gives: fixAll's, as the source action's.
    assert.equal(actions[1].edit, undefined);
    const resolved = (await server.connection.sendRequest('codeAction/resolve', actions[1])) as CodeAction;
    assert.equal(resolved.title, 'Fix all career-pages problems in this file');
    assert.deepEqual(editsOf(resolved), [
      {
        textDocument: { uri, version: 1 },
        edits: [
          { range: range(7, 0, 4), newText: '###' },
          { range: range(14, 0, 5), newText: '| 1 |  |' },
        ],
      },
    ]);
  });

  it('a finding without a fix: fix all in the file (the others have one), then the disables; in a list item, inside the item before', async () => {
    const actions = await ask(diagnostic('link-fragment'));
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred, a.diagnostics?.length]),
      [
        ['Fix all career-pages problems in this file', false, 0],
        ['Disable link-fragment for this line', false, 1],
        ['Disable link-fragment for this file', false, 1],
      ],
    );
    assert.deepEqual(editsOf(actions[1])[0].edits, [{ range: at(10), newText: '  <!-- career-lint-disable-next-line link-fragment -->\n' }]);
  });

  it('a table row: "for this table", a disable and an enable comment around the table', async () => {
    const actions = await ask(diagnostic('table-shape'));
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Add 1 empty cell', 'Fix all career-pages problems in this file', 'Disable table-shape for this table', 'Disable table-shape for this file'],
    );
    assert.deepEqual(editsOf(actions[2])[0].edits, [
      { range: at(12), newText: '<!-- career-lint-disable table-shape -->\n' },
      { range: at(15), newText: '<!-- career-lint-enable table-shape -->\n' },
    ]);
  });

  it('applying "Disable link-fragment for this line" removes exactly that finding', async () => {
    const [, line] = await ask(diagnostic('link-fragment'));
    const text = applyTextEdits(PAGE, editsOf(line)[0].edits);
    server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
    const published = await server.waitForPublished((p) => p.uri === uri && p.version === 2);
    assert.deepEqual(findings(published.diagnostics), ['heading-increment 7:5', 'table-shape 15:0']);
  });
});

describe('code actions over stdio, a client that does not resolve edits', () => {
  it('fix all in the file carries its edit at once', async () => {
    const example = copyOfExample();
    const server = await startServer(example.dir);
    try {
      await server.waitForNotification('careerPages/siteIndexed');
      const { uri, diagnostics } = await openPage(server, example.dir);
      const [jump] = diagnostics;
      const actions = (await server.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: jump.range,
        context: { diagnostics: [jump] },
      })) as CodeAction[];
      const fixAll = actions.find((a) => a.title === 'Fix all career-pages problems in this file')!;
      assert.deepEqual(editsOf(fixAll)[0].edits, [
        { range: range(7, 0, 4), newText: '###' },
        { range: range(14, 0, 5), newText: '| 1 |  |' },
      ]);
      assert.equal(fixAll.data, undefined);
    } finally {
      await server.stop();
      example.dispose();
    }
  });
});
