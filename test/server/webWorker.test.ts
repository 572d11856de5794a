// The browser's language server (dist/web/server.js) in a context with a Web Worker's globals and
// nothing of Node (test/support/webWorker.ts), on a virtual workspace whose files the test sends as
// the extension does (careerPages/workspaceFiles, readFiles, filesChanged): the same findings,
// completion and fixes as the Node server on the same site, an include file changed, deleted and
// restored, a file listed without content read on demand, .career-pages.jsonc honoured.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionItem, Diagnostic } from 'vscode-languageserver-protocol';
import { repoRoot } from '../support/fixtureSite';
import { copyOfExample, startServer, type TestServer, uriOf } from '../support/lspClient';
import { startWorkerServer, type WorkerServer, workspaceOf } from '../support/webWorker';

const EXAMPLE = path.join(repoRoot, 'examples/handbook');
const PAGE = 'content/handbook/engineering/careers/matrix/quality/engineering-productivity/intermediate.md';
const LEADERSHIP = 'assets/includes/engineering-careers/intermediate-leadership-competency.md';
const LEADERSHIP_CALL = '{{< include "includes/engineering-careers/intermediate-leadership-competency.md" >}}';

const describeAll = (ds: Diagnostic[]) =>
  ds.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`);

/** The example page's findings, as the Node server reports them too (checked below). */
const PAGE_FINDINGS = [
  "include-delimiter 7:0-7:63 {{< include >}} leaves the file's Markdown unrendered: use {{% include %}}.",
  'link-fragment 12:28-12:52 No anchor "#leadership-competencies" here; did you mean "#intermediate-leadership-competencies"?',
  'link-fragment 13:27-13:50 No anchor "#technical-competencies" here; did you mean "#intermediate-technical-competencies"?',
  'link-fragment 14:21-14:38 No anchor "#values-alignment" here; did you mean "#intermediate-values-alignment"?',
  "include-delimiter 21:0-21:84 {{< include >}} leaves the file's Markdown unrendered: use {{% include %}}.",
  "include-delimiter 25:0-25:83 {{< include >}} leaves the file's Markdown unrendered: use {{% include %}}.",
  "include-delimiter 42:0-42:67 {{< include >}} leaves the file's Markdown unrendered: use {{% include %}}.",
];

for (const root of ['vscode-vfs://github/acme/handbook', 'vscode-remote://127.0.0.1:8080/work/handbook', 'memfs:/handbook']) {
  describe(`the web worker's server on ${root}`, () => {
    let server: WorkerServer;
    before(async () => {
      server = await startWorkerServer(root, workspaceOf(EXAMPLE, root));
    });
    after(() => server.stop());

    it('indexes the site from the files the extension sent, at its URI', async () => {
      const { ms, ...indexed } = await server.waitForNotification<{ root: string; pages: number; ms: number }>('careerPages/siteIndexed');
      assert.deepEqual(indexed, { root, pages: 20 });
      assert.equal(typeof ms, 'number');
      assert.deepEqual(server.logs, ['Career Pages: 31 files of the workspace received from the editor.']);
    });

    it("checks an open page with its includes: the example's 7 findings at their ranges", async () => {
      const uri = `${root}/${PAGE}`;
      await server.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'markdown', version: 1, text: server.files.get(uri) },
      });
      assert.deepEqual(describeAll(await server.waitForDiagnostics(uri, (d) => d.length > 0)), PAGE_FINDINGS);
      assert.deepEqual(server.errors, []);
    });
  });
}

describe("the web worker's server and the Node server on the same site", () => {
  const root = 'vscode-vfs://github/acme/handbook';
  const page = `${root}/${PAGE}`;
  const include = `${root}/${LEADERSHIP}`;
  let web: WorkerServer;
  let node: TestServer;
  let copy: ReturnType<typeof copyOfExample>;
  // The page with the leadership include rendered ({{% %}}): its headings join the page.
  let text: string;
  let version = 1;

  before(async () => {
    copy = copyOfExample();
    [web, node] = await Promise.all([startWorkerServer(root, workspaceOf(EXAMPLE, root)), startServer(copy.dir)]);
    await Promise.all([web.waitForNotification('careerPages/siteIndexed'), node.waitForNotification('careerPages/siteIndexed')]);
    text = web.files.get(page)!.replace(LEADERSHIP_CALL, LEADERSHIP_CALL.replace('{{<', '{{%').replace('>}}', '%}}'));
    web.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: page, languageId: 'markdown', version, text } });
    node.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uriOf(path.join(copy.dir, PAGE)), languageId: 'markdown', version, text },
    });
  });
  after(async () => {
    await Promise.all([web.stop(), node.stop()]);
    copy.dispose();
  });

  const nodeUri = () => uriOf(path.join(copy.dir, PAGE));
  /** An answer of the Node server with its file: URIs spelled as the web worker's. */
  const asWeb = (value: unknown) =>
    JSON.parse(JSON.stringify(value).replaceAll(uriOf(copy.dir), root).replaceAll(copy.dir, '/vscode-vfs:github/acme/handbook'));
  /** As JSON carries it (postMessage keeps properties that are undefined, a stream does not). */
  const json = (value: unknown) => JSON.parse(JSON.stringify(value));

  it('publishes the same diagnostics, related locations and fix data', async () => {
    const [w, n] = await Promise.all([web.waitForDiagnostics(page, (d) => d.length > 0), node.waitForDiagnostics(nodeUri(), (d) => d.length > 0)]);
    assert.deepEqual(describeAll(w), [...PAGE_FINDINGS.slice(0, 4), ...PAGE_FINDINGS.slice(5)]);
    // The Node server links the packaged rule docs; the worker the repository's pages (client/src/ruleDocs.ts opens both).
    const withoutDocs = (ds: Diagnostic[]) => ds.map(({ codeDescription: _, ...d }) => d);
    assert.deepEqual(json(withoutDocs(w)), withoutDocs(asWeb(n)));
  });

  it('completes an include path with the same files, and offers the same quick fixes', async () => {
    const position = { line: 21, character: 45 };
    const [w, n] = await Promise.all([
      web.connection.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri: page }, position }),
      node.connection.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri: nodeUri() }, position }),
    ]);
    assert.deepEqual(
      w.map((c) => [c.label, c.detail]),
      [
        ['intermediate-leadership-competency.md', 'assets/includes/engineering-careers/intermediate-leadership-competency.md'],
        ['intermediate-technical-competency.md', 'assets/includes/engineering-careers/intermediate-technical-competency.md'],
      ],
    );
    assert.deepEqual(json(w), asWeb(n));
    const diagnostics = web.diagnostics.get(page)!;
    const range = diagnostics[1].range;
    const [wa, na] = await Promise.all([
      web.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: page }, range, context: { diagnostics: [diagnostics[1]] } }),
      node.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: nodeUri() },
        range,
        context: { diagnostics: [node.diagnostics.get(nodeUri())![1]] },
      }),
    ]);
    assert.equal(wa[0].title, 'Change to "#intermediate-leadership-competencies"');
    // Each action names the diagnostic it fixes, as each server published it (the rule doc links differ).
    const withoutDiagnostics = (actions: CodeAction[]) => actions.map(({ diagnostics: _, ...a }) => a);
    assert.deepEqual(json(withoutDiagnostics(wa)), asWeb(withoutDiagnostics(na)));
  });

  it('checks the page again when an include file changes on disk, is deleted and comes back', async () => {
    const original = web.files.get(include)!;
    web.change([{ uri: include, type: 'changed', text: `#### Leadership Competencies\n\n${original}` }]);
    // The include now has the heading the nav link asks for.
    assert.deepEqual(describeAll(await web.waitForDiagnostics(page, (d) => !d.some((x) => x.range.start.line === 12))), [
      PAGE_FINDINGS[0],
      ...PAGE_FINDINGS.slice(2, 4),
      ...PAGE_FINDINGS.slice(5),
    ]);
    web.change([{ uri: include, type: 'deleted' }]);
    assert.deepEqual(
      describeAll(await web.waitForDiagnostics(page, (d) => d.some((x) => x.code === 'include-missing'))).filter((d) => d.startsWith('include-missing')),
      [
        'include-missing 21:13-21:79 No include file "includes/engineering-careers/intermediate-leadership-competency.md"; did you mean "includes/engineering-careers/intermediate-technical-competency.md"?',
      ],
    );
    web.change([{ uri: include, type: 'created', text: original }]);
    assert.deepEqual(describeAll(await web.waitForDiagnostics(page, (d) => !d.some((x) => x.code === 'include-missing'))), [
      ...PAGE_FINDINGS.slice(0, 4),
      ...PAGE_FINDINGS.slice(5),
    ]);
  });

  it('a deleted folder takes every file below it out of the site', async () => {
    const folder = `${root}/assets/includes/engineering-careers`;
    const before = new Map([...web.files].filter(([uri]) => uri.startsWith(`${folder}/`)));
    web.change([{ uri: folder, type: 'deleted' }]);
    const missing = (await web.waitForDiagnostics(page, (d) => d.filter((x) => x.code === 'include-missing').length === 4)).filter(
      (d) => d.code === 'include-missing',
    );
    assert.deepEqual(
      missing.map((d) => d.range.start.line),
      [7, 21, 25, 42],
    );
    web.change([...before].map(([uri, t]) => ({ uri, type: 'created' as const, text: t })));
    await web.waitForDiagnostics(page, (d) => !d.some((x) => x.code === 'include-missing'));
  });

  it('reads a file listed without its content when the core first needs it, then checks again', async () => {
    const note = `${root}/assets/includes/engineering-careers/note.txt`;
    web.change([{ uri: note, type: 'created', text: '#### Leadership Competencies\n' }]);
    const withNote = text.replace(LEADERSHIP_CALL.replace('{{<', '{{%').replace('>}}', '%}}'), '{{% include "includes/engineering-careers/note.txt" %}}');
    web.connection.sendNotification('textDocument/didChange', { textDocument: { uri: page, version: ++version }, contentChanges: [{ text: withNote }] });
    // First checked with the note not read yet, then again once it came: its heading is the nav link's anchor.
    assert.deepEqual(
      describeAll(await web.waitForDiagnostics(page, (d) => !d.some((x) => x.range.start.line === 12) && !d.some((x) => x.code === 'file-unreadable'))),
      [
        PAGE_FINDINGS[0],
        ...PAGE_FINDINGS.slice(2, 4),
        'page-structure 21:13-21:50 Career pages include Markdown files (ending in .md).',
        ...PAGE_FINDINGS.slice(5),
      ],
    );
    assert.deepEqual(web.readRequests, [[note]]);
    web.connection.sendNotification('textDocument/didChange', { textDocument: { uri: page, version: ++version }, contentChanges: [{ text }] });
    await web.waitForDiagnostics(page, (d) => !d.some((x) => x.code === 'page-structure'));
  });

  it('honours a .career-pages.jsonc created at the site root', async () => {
    const config = `${root}/.career-pages.jsonc`;
    web.change([{ uri: config, type: 'created', text: '{ "rules": { "include-delimiter": "off", "link-fragment": "error" } }' }]);
    // A new configuration indexes the site again; until it is complete the include file's level jump
    // shows on the page (which pages include the file is not known yet), then moves to the file.
    const ds = await web.waitForDiagnostics(page, (d) => !d.some((x) => x.code === 'include-delimiter' || x.code === 'heading-increment'));
    assert.deepEqual(
      ds.map((d) => [d.code, d.severity, d.range.start.line]),
      [
        ['link-fragment', 1, 12],
        ['link-fragment', 1, 13],
        ['link-fragment', 1, 14],
      ],
    );
    web.change([{ uri: config, type: 'deleted' }]);
    await web.waitForDiagnostics(page, (d) => d.some((x) => x.code === 'include-delimiter'));
    assert.deepEqual(web.errors, []);
  });
});
