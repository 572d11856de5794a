// A page deleted on disk leaves the site index, and the open files whose findings read the index are
// checked again (found by the real-editor suite: a copy of senior.md deleted after a test left the
// competency file open with "on the 2 pages that include this file" until something else changed):
// the include file's heading-increment counts its pages again, and a link to the deleted page is
// reported. Over stdio, with watched-file notifications as VS Code sends them.
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { copyOfExample, startServer, type TestServer, uriOf } from '../support/lspClient';

const TRACK = 'content/handbook/engineering/careers/matrix/quality/engineering-productivity';
const INCLUDE = 'assets/includes/engineering-careers/senior-leadership-competency.md';
const jumpOn = (pages: string) => `Heading level jumps from 3 to 5 on ${pages} this file; start it at level 4.`;

describe('a page deleted on disk', () => {
  let example: ReturnType<typeof copyOfExample>;
  let server: TestServer;
  let includeUri: string;
  let version = 1;

  before(async () => {
    example = copyOfExample();
    server = await startServer(example.dir);
    await server.waitForNotification('careerPages/siteIndexed');
    includeUri = uriOf(path.join(example.dir, INCLUDE));
    const text = readFileSync(path.join(example.dir, INCLUDE), 'utf8');
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: includeUri, languageId: 'markdown', version, text } });
  });

  after(async () => {
    await server.stop();
    example.dispose();
  });

  const messages = (uri: string) => (server.diagnostics.get(uri) ?? []).map((d) => `${d.code} ${d.message}`);

  it("is no longer counted among an open include file's pages", async () => {
    await server.waitForDiagnostics(includeUri, (ds) => ds.some((d) => d.message === jumpOn('the page that includes')));
    const copy = path.join(example.dir, TRACK, 'senior-copy.md');
    copyFileSync(path.join(example.dir, TRACK, 'senior.md'), copy);
    server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(copy), type: 1 }] });
    await server.waitForDiagnostics(includeUri, (ds) => ds.some((d) => d.message === jumpOn('the 2 pages that include')));
    rmSync(copy);
    server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(copy), type: 3 }] });
    await server.waitForDiagnostics(includeUri, (ds) => ds.some((d) => d.message === jumpOn('the page that includes')));
    assert.deepEqual(messages(includeUri), [`heading-increment ${jumpOn('the page that includes')}`]);
  });

  it('makes a link to it on an open page a link-page finding', async () => {
    const target = path.join(example.dir, 'content/handbook/values/_index.md');
    const page = path.join(example.dir, 'content/handbook/linking.md');
    const pageUri = uriOf(page);
    const text = '---\ntitle: "Linking"\ndescription: "Links to the values page."\n---\n\n## Linking\n\nSee [values](/handbook/values/).\n';
    writeFileSync(page, text);
    server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pageUri, type: 1 }] });
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: pageUri, languageId: 'markdown', version: ++version, text } });
    await server.waitForPublished((p) => p.uri === pageUri);
    assert.deepEqual(messages(pageUri), []);
    rmSync(target);
    server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(target), type: 3 }] });
    const ds = await server.waitForDiagnostics(pageUri, (d) => d.some((x) => x.code === 'link-page'));
    assert.deepEqual(
      ds.map((d) => [d.code, d.range, d.message]),
      [['link-page', { start: { line: 7, character: 13 }, end: { line: 7, character: 30 } }, 'No page at /handbook/values/ in this site.']],
    );
  });
});
