// Include-path completion over the real language server (stdio JSON-RPC), in the calls an editor with
// auto-closing leaves while the author types: the edit covers the path only, a file closes the call
// exactly once (the quote and " %}}", or what the auto-closed "}}" lacks), a folder leaves it open
// and asks again. Applied as a client applies them, the results are exact and build in Hugo (no
// include-syntax or include-missing finding).
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { copyOfExample, startServer, uriOf, type TestServer } from '../support/lspClient';

const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });
const HEAD = '---\ntitle: "Typing"\ndescription: "A page being written."\n---\n\n';

/** Applies LSP text edits of one line-based text (all against the original, as a client does). */
function applyTextEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)))
    out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

describe('include completion over stdio keeps the call whole', () => {
  let example: ReturnType<typeof copyOfExample>;
  let server: TestServer;
  let uri: string;
  let version = 1;

  before(async () => {
    example = copyOfExample();
    server = await startServer(example.dir);
    await server.waitForNotification('careerPages/siteIndexed');
    uri = uriOf(path.join(example.dir, 'content/handbook/typing.md'));
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text: `${HEAD}Text.\n` } });
    await server.waitForDiagnostics(uri, () => true);
  });

  after(async () => {
    await server.stop();
    example.dispose();
  });

  /** Puts `line` (with `|` for the cursor) as the page's line 5 and asks for completions there. */
  async function complete(line: string): Promise<{ text: string; items: CompletionItem[] }> {
    const text = `${HEAD}${line.replace('|', '')}\n`;
    server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
    const items = (await server.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: 5, character: line.indexOf('|') },
    })) as CompletionItem[];
    return { text, items };
  }

  /** The text after accepting `label`, and the page's build-breaking include findings once the server has checked it. */
  async function accept(line: string, label: string): Promise<{ text: string; item: CompletionItem; findings: string[] }> {
    const { text, items } = await complete(line);
    const item = items.find((i) => i.label === label);
    assert.ok(item, `offered: ${JSON.stringify(items.map((i) => i.label))}`);
    const after = applyTextEdits(text, [item.textEdit as TextEdit, ...(item.additionalTextEdits ?? [])]);
    const v = ++version;
    server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: after }] });
    const published = await server.waitForPublished((p) => p.uri === uri && p.version === v);
    const findings = (published.diagnostics as Diagnostic[])
      .filter((d) => d.code === 'include-syntax' || d.code === 'include-missing')
      .map((d) => `${d.code} ${d.range.start.line}`);
    return { text: after, item, findings };
  }

  it('an auto-closed "}}" after the cursor: the edit stops before it, the item adds the quote and "%"', async () => {
    const r = await accept('{{% include "includes/engineering-careers/values|}}', 'values-competency.md');
    assert.deepEqual(r.item.textEdit, { range: range(5, 42, 48), newText: 'values-competency.md" %' });
    assert.equal(r.item.additionalTextEdits, undefined);
    assert.equal(r.text, `${HEAD}{{% include "includes/engineering-careers/values-competency.md" %}}\n`);
    assert.deepEqual(r.findings, []);
  });

  it('nothing after the cursor: the item closes the call', async () => {
    const r = await accept('{{% include "includes/engineering-careers/ep|', 'ep-career-nav.md');
    assert.deepEqual(r.item.textEdit, { range: range(5, 42, 44), newText: 'ep-career-nav.md" %}}' });
    assert.equal(r.text, `${HEAD}{{% include "includes/engineering-careers/ep-career-nav.md" %}}\n`);
    assert.deepEqual(r.findings, []);
  });

  it('a closed call: only the name is replaced', async () => {
    const r = await accept('{{% include "includes/engineering-careers/ep|" %}}', 'ep-career-nav.md');
    assert.deepEqual(r.item.textEdit, { range: range(5, 42, 44), newText: 'ep-career-nav.md' });
    assert.equal(r.text, `${HEAD}{{% include "includes/engineering-careers/ep-career-nav.md" %}}\n`);
  });

  it('{{< >}} auto-closed to ">}}": completed with " >}}"', async () => {
    const r = await accept('{{< include "includes/engineering-careers/ep|>}}', 'ep-career-nav.md');
    assert.deepEqual(r.item.textEdit, { range: range(5, 42, 44), newText: 'ep-career-nav.md" ' });
    assert.equal(r.text, `${HEAD}{{< include "includes/engineering-careers/ep-career-nav.md" >}}\n`);
    assert.deepEqual(r.findings, []);
  });

  it('white space before "}}": the delimiter comes as an additional edit after the path\'s edit', async () => {
    const r = await accept('{{% include "includes/engineering-careers/ep| }}', 'ep-career-nav.md');
    assert.deepEqual(r.item.textEdit, { range: range(5, 42, 44), newText: 'ep-career-nav.md"' });
    assert.deepEqual(r.item.additionalTextEdits, [{ range: range(5, 45, 45), newText: '%' }]);
    assert.equal(r.text, `${HEAD}{{% include "includes/engineering-careers/ep-career-nav.md" %}}\n`);
    assert.deepEqual(r.findings, []);
  });

  it('a folder keeps the call open and asks for the next segment', async () => {
    const { items } = await complete('{{% include "includes/|}}');
    assert.deepEqual(
      items.map((i) => [i.label, i.kind, i.textEdit, i.command?.command]),
      [['engineering-careers/', 19, { range: range(5, 22, 22), newText: 'engineering-careers/' }, 'editor.action.triggerSuggest']],
    );
  });
});
