// The real language server over stdio: diagnostics on open and change, re-validation when files on
// disk change, settings and the config file, quick fixes from diagnostic data.
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { copyOfExample, startServer, uriOf, type TestServer } from '../support/lspClient';

const PAGE = 'content/handbook/engineering/careers/matrix/quality/engineering-productivity/senior.md';
const BROKEN = '{{% include "includes/engineering-careers/ep-career-navigation.md" %}}';

const codes = (ds: Diagnostic[]) => ds.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);

describe('language server over stdio', () => {
  let example: ReturnType<typeof copyOfExample>;
  let server: TestServer;
  let file: string;
  let uri: string;
  let text: string;
  let version = 1;

  before(async () => {
    example = copyOfExample();
    server = await startServer(example.dir);
    file = path.join(example.dir, PAGE);
    uri = uriOf(file);
    text = readFileSync(file, 'utf8').replace('{{% include "includes/engineering-careers/ep-career-nav.md" %}}', BROKEN);
    writeFileSync(file, text);
  });

  after(async () => {
    await server.stop();
    example.dispose();
  });

  it('has the seed lines where the assertions below expect them', () => {
    const lines = text.split('\n');
    assert.equal(lines[7].indexOf('includes/'), 13);
    assert.equal(lines[7].indexOf('" %}}'), 65);
    assert.equal(lines[19].length, 78);
  });

  it('reports a missing include at the exact range of its path when the page is opened', async () => {
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
    const ds = await server.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'include-missing'));
    const missing = ds.filter((d) => d.code === 'include-missing');
    assert.equal(missing.length, 1);
    // Line 8 (0-based 7): {{% include "includes/engineering-careers/ep-career-navigation.md" %}}
    assert.deepEqual(missing[0].range, { start: { line: 7, character: 13 }, end: { line: 7, character: 65 } });
    assert.equal(missing[0].severity, 1);
    assert.equal(missing[0].source, 'career-pages');
    assert.match(missing[0].message, /assets\/includes\/engineering-careers\/ep-career-navigation\.md/);
    assert.match(missing[0].message, /Did you mean "includes\/engineering-careers\/ep-career-nav\.md"\?/);
  });

  it('drops the diagnostic when the missing file is created on disk (watched files)', async () => {
    const created = path.join(example.dir, 'assets/includes/engineering-careers/ep-career-navigation.md');
    writeFileSync(created, '[Engineering Framework](/handbook/engineering/careers/matrix/)\n');
    server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(created), type: 1 }] });
    const ds = await server.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'include-missing'));
    assert.deepEqual(
      codes(ds).filter((c) => c.startsWith('include')),
      [],
    );
    rmSync(created);
    server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(created), type: 3 }] });
    const back = await server.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'include-missing'));
    assert.equal(back.filter((d) => d.code === 'include-missing').length, 1);
  });

  it('re-validates on an incremental edit that fixes the path', async () => {
    const line = 7;
    const start = text.split('\n')[line].indexOf('ep-career-navigation.md');
    server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: ++version },
      contentChanges: [
        { range: { start: { line, character: start + 'ep-career-'.length }, end: { line, character: start + 'ep-career-navigation'.length } }, text: 'nav' },
      ],
    });
    const ds = await server.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'include-missing'));
    assert.ok(!ds.some((d) => d.code === 'include-missing'));
  });

  it('reports the heading jumps of the seed page at the include calls, with related information in the included file', async () => {
    const ds = server.diagnostics.get(uri)!;
    const jumps = ds.filter((d) => d.code === 'heading-increment');
    assert.deepEqual(
      jumps.map((d) => d.range.start.line),
      [19, 23, 41],
    );
    assert.deepEqual(jumps[0].range, { start: { line: 19, character: 0 }, end: { line: 19, character: 78 } });
    const related = jumps[0].relatedInformation![0];
    assert.ok(related.location.uri.endsWith('/assets/includes/engineering-careers/senior-leadership-competency.md'));
    assert.deepEqual(related.location.range, { start: { line: 0, character: 6 }, end: { line: 0, character: 17 } });
  });

  it('re-validates an open page when an open include file it uses changes', async () => {
    const inc = path.join(example.dir, 'assets/includes/engineering-careers/senior-leadership-competency.md');
    const incUri = uriOf(inc);
    const original = readFileSync(inc, 'utf8');
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: incUri, languageId: 'markdown', version: 1, text: original } });
    server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: incUri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, text: '####' }],
    });
    const ds = await server.waitForDiagnostics(uri, (d) => d.filter((x) => x.code === 'heading-increment').length === 2);
    assert.deepEqual(
      ds.filter((d) => d.code === 'heading-increment').map((d) => d.range.start.line),
      [23, 41],
    );
    server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: incUri } });
    await server.waitForDiagnostics(uri, (d) => d.filter((x) => x.code === 'heading-increment').length === 3);
  });

  it('offers the quick fixes carried in the diagnostic data', async () => {
    const ds = server.diagnostics.get(uri)!;
    const link = ds.find((d) => d.code === 'link-fragment')!;
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: link.range,
      context: { diagnostics: [link], only: ['quickfix'] },
    })) as { title: string; isPreferred: boolean; edit: { documentChanges: { edits: { range: unknown; newText: string }[] }[] } }[];
    // The fix it carries first; then what every finding gets (test/server/quickActions.test.ts).
    assert.deepEqual(
      actions.map((a) => a.title),
      [
        'Change to "#senior-leadership-competencies"',
        'Fix all career-pages problems in this file',
        'Disable link-fragment for this line',
        'Disable link-fragment for this file',
      ],
    );
    assert.equal(actions[0].isPreferred, true);
    assert.deepEqual(actions[0].edit.documentChanges[0].edits, [
      { range: { start: { line: 11, character: 29 }, end: { line: 11, character: 52 } }, newText: 'senior-leadership-competencies' },
    ]);
  });

  it('applies the configuration file and the editor settings', async () => {
    const config = path.join(example.dir, '.career-pages.jsonc');
    writeFileSync(config, '// test\n{ "rules": { "heading-increment": "off" } }\n');
    server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: 1 }] });
    await server.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'heading-increment'));
    server.settings = { rules: { 'link-fragment': 'error' } };
    server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const ds = await server.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'link-fragment' && x.severity === 1));
    assert.equal(ds.filter((d) => d.code === 'link-fragment' && d.severity === 1).length, 3);
    rmSync(config);
    server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: 3 }] });
    await server.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'heading-increment'));
  });

  it('reports problems in the configuration file itself', async () => {
    const config = path.join(example.dir, '.career-pages.jsonc');
    const configText = '{ "rules": { "no-such-rule": "error" }, "preferredDelimiter": "#" }\n';
    writeFileSync(config, configText);
    const configUri = uriOf(config);
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: configUri, languageId: 'jsonc', version: 1, text: configText } });
    const ds = await server.waitForDiagnostics(configUri, (d) => d.length >= 2);
    assert.deepEqual(ds.map((d) => [d.message.split('.')[0], d.range.start.character, d.range.end.character]).sort(), [
      ['Unknown rule code "no-such-rule"', 13, 27],
      ['preferredDelimiter must be one of "%", "<"', 62, 65],
    ]);
    rmSync(config);
  });
});
