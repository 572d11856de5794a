// The site's Hugo configuration over the real server (stdio): a change to hugo.toml or to a file of
// config/_default/ changes the ids the open pages are checked against, its problems show on the
// configuration file, and the hover and the page info say which setting shaped an id.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { copyOfExample, startServer, uriOf, type TestServer } from '../support/lspClient';

const PAGE = 'content/handbook/emoji.md';
const TEXT = ['---', 'title: Emoji', '---', '', '## A :snake: emoji', '', '[down](#a-snake-emoji)', ''].join('\n');
const codes = (ds: Diagnostic[]) => ds.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);

describe("the site's Hugo configuration over stdio", () => {
  let example: ReturnType<typeof copyOfExample>;
  let server: TestServer;
  let uri: string;
  let hugoToml: string;
  let original: string;
  const changed = (file: string, type: 1 | 2 | 3) =>
    server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file), type }] });
  const hoverOn = async (line: number, character: number) =>
    ((await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } })) as Hover).contents as {
      value: string;
    };

  before(async () => {
    example = copyOfExample();
    writeFileSync(path.join(example.dir, PAGE), TEXT);
    hugoToml = path.join(example.dir, 'hugo.toml');
    original = readFileSync(hugoToml, 'utf8');
    server = await startServer(example.dir);
    uri = uriOf(path.join(example.dir, PAGE));
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: TEXT } });
  });

  after(async () => {
    await server?.stop();
    example?.dispose();
  });

  it('checks the page with the handbook\'s enableEmoji = true: the ":snake:" link is flagged, with the id Hugo makes', async () => {
    const ds = await server.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(codes(ds), ['link-fragment@6:7-6:21']);
    assert.equal(ds[0].message, 'No anchor "#a-snake-emoji" here.');
    assert.equal(
      (await hoverOn(4, 5)).value,
      "Anchor **#a--emoji**\n\n*Id from* markup.goldmark.parser.autoHeadingIDType github (Hugo's default); enableEmoji true (hugo.toml)",
    );
  });

  it('follows hugo.toml when it changes on disk: without enableEmoji the code stays in the id and the link lands', async () => {
    writeFileSync(hugoToml, original.replace('enableEmoji = true\n', ''));
    changed(hugoToml, 2);
    const ds = await server.waitForDiagnostics(uri, (d) => d.length === 0);
    assert.deepEqual(ds, []);
    assert.equal(
      (await hoverOn(4, 5)).value,
      "Anchor **#a-snake-emoji**\n\n*Id from* markup.goldmark.parser.autoHeadingIDType github (Hugo's default); enableEmoji false (Hugo's default)",
    );
  });

  it('reads config/_default/ over the root file, and shows its problems on it: a wrong type at the value, a file that does not parse', async () => {
    const dir = path.join(example.dir, 'config/_default');
    mkdirSync(dir, { recursive: true });
    const params = path.join(dir, 'params.toml');
    writeFileSync(params, 'enableEmoji = "maybe"\n');
    const root = path.join(dir, 'hugo.yaml');
    writeFileSync(root, 'enableEmoji: true\nmarkup:\n  goldmark: [\n');
    changed(params, 1);
    changed(root, 1);
    // A params file is `params`, so its enableEmoji is params.enableemoji: no problem, no effect; the
    // broken hugo.yaml is a problem on its own file, and its settings are not used.
    const problems = await server.waitForDiagnostics(uriOf(root), (d) => d.length > 0);
    assert.deepEqual(
      problems.map((d) => [d.code, d.severity, d.range, d.message]),
      [
        [
          'hugo-config',
          1,
          { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } },
          'Invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]. Hugo stops with "failed to load config"; until it is fixed, this file\'s settings are not used.',
        ],
      ],
    );
    assert.deepEqual(server.diagnostics.get(uriOf(params)) ?? [], []);
    writeFileSync(root, 'enableEmoji: "maybe"\n');
    changed(root, 2);
    const typed = await server.waitForDiagnostics(uriOf(root), (d) => d.length > 0 && d[0].severity === 2);
    assert.deepEqual(
      typed.map((d) => [d.code, d.severity, d.range, d.message]),
      [
        [
          'hugo-config',
          2,
          { start: { line: 0, character: 13 }, end: { line: 0, character: 20 } },
          'enableEmoji must be true or false; Hugo reads "maybe" as false, and so do these checks.',
        ],
      ],
    );
    writeFileSync(root, 'enableEmoji: true\n');
    changed(root, 2);
    await server.waitForDiagnostics(uriOf(root), (d) => d.length === 0);
    const ds = await server.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(codes(ds), ['link-fragment@6:7-6:21']);
    assert.equal(
      (await hoverOn(4, 5)).value,
      "Anchor **#a--emoji**\n\n*Id from* markup.goldmark.parser.autoHeadingIDType github (Hugo's default); enableEmoji true (config/\\_default/hugo.yaml)",
    );
  });

  it('says in the page info (the status bar) every setting that shapes ids, and where it is set', async () => {
    const info = (await server.connection.sendRequest('careerPages/pageInfo', { uri })) as { idSettings: string[] };
    assert.deepEqual(info.idSettings, [
      "markup.goldmark.parser.autoHeadingIDType github (Hugo's default)",
      'enableEmoji true (config/_default/hugo.yaml)',
      "markup.goldmark.parser.attribute.title true (Hugo's default)",
      'markup.goldmark.parser.attribute.block true (hugo.toml)',
      'markup.goldmark.renderer.unsafe true (hugo.toml)',
    ]);
  });
});
