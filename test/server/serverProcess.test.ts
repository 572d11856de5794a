// The server process (dist/server.js over stdio) when something escapes the handlers, injected with a
// preload (node --require test/server/faults/*.cjs), and Lint Workspace cancelled halfway on a site
// large enough that the cancel arrives while it runs.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { WorkDoneProgress, type WorkDoneProgressBegin, type WorkDoneProgressEnd, type WorkDoneProgressReport } from 'vscode-languageserver-protocol';
import { copyOfExample, frame, startServer, uriOf, type TestServer } from '../support/lspClient';

const TRACK = 'content/handbook/engineering/careers/matrix/quality/engineering-productivity';
const fault = (name: string) => ['--require', path.join(__dirname, 'faults', name)];

describe('the server process', () => {
  let example: ReturnType<typeof copyOfExample>;

  before(() => {
    example = copyOfExample();
  });

  after(() => {
    example.dispose();
  });

  it('logs a promise that fails with nobody waiting for it, and goes on answering', async () => {
    const server = await startServer(example.dir, {}, { nodeArgs: fault('unhandledRejection.cjs') });
    try {
      const log = await server.waitForNotification<{ type: number; message: string }>(
        'window/logMessage',
        (m) => m.message.startsWith('Career Pages: a promise failed'),
        10000,
      );
      assert.equal(log.type, 1);
      assert.match(log.message, /^Career Pages: a promise failed and nobody handled it: Error: injected: a promise nobody waits for\n {4}at /);
      const links = (await server.connection.sendRequest('textDocument/documentLink', {
        textDocument: { uri: uriOf(path.join(example.dir, TRACK, 'senior.md')) },
      })) as unknown[];
      assert.equal(links.length, 4);
      assert.equal(server.process!.exitCode, null);
    } finally {
      await server.stop();
    }
  });

  it('ends with status 1 and the stack on stderr when an exception escapes every guard (the client starts a new server)', async () => {
    const server = await startServer(example.dir, {}, { nodeArgs: fault('uncaughtException.cjs'), initialize: false });
    const child = server.process!;
    const status = await new Promise<number | null>((resolve) =>
      child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
    );
    server.connection.dispose();
    assert.equal(status, 1);
    assert.match(server.stderr(), /Error: injected: an exception that escapes every guard\n {4}at /);
  });
});

describe('Lint Workspace cancelled while it runs (1,500 generated pages)', () => {
  let example: ReturnType<typeof copyOfExample>;
  let server: TestServer;
  const PAGES = 1500;

  before(async () => {
    example = copyOfExample();
    const dir = path.join(example.dir, 'content/handbook/generated');
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < PAGES; i++) {
      writeFileSync(
        path.join(dir, `page-${i}.md`),
        `---\ntitle: "Page ${i}"\ndescription: "Generated page ${i}."\n---\n\n## Page ${i}\n\nSee [the next page](page-${i + 1}.md) and [nowhere](#nowhere).\n`,
      );
    }
    server = await startServer(example.dir);
    await server.waitForNotification('careerPages/siteIndexed', undefined, 120000);
  });

  after(async () => {
    await server.stop();
    example.dispose();
  });

  it('answers RequestCancelled (-32800) and checks no file after the cancel', async () => {
    const token = 'lint-to-cancel';
    const progress: (WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd)[] = [];
    let firstReport!: () => void;
    const reported = new Promise<void>((resolve) => (firstReport = resolve));
    const listening = server.connection.onProgress(WorkDoneProgress.type, token, (value) => {
      progress.push(value);
      if (value.kind === 'report') firstReport();
    });
    const published = server.published.length;
    await server.writeRaw(
      frame({ jsonrpc: '2.0', id: 'lint', method: 'careerPages/lintWorkspace', params: { folders: [uriOf(example.dir)], workDoneToken: token } }),
    );
    await reported;
    await server.writeRaw(frame({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: 'lint' } }));
    const response = await server.responseTo('lint', 60000);
    assert.deepEqual(response.error, { code: -32800, message: 'The request was cancelled.' });
    const checked = server.published.length - published;
    // One more round trip: whatever the server sent after its answer has arrived by now.
    await server.connection.sendRequest('textDocument/documentLink', { textDocument: { uri: uriOf(path.join(example.dir, TRACK, 'senior.md')) } });
    listening.dispose();
    console.log(`Lint Workspace cancelled after ${checked} of ${PAGES + 25} files`);
    assert.ok(checked >= 10 && checked < PAGES, `${checked} files checked`);
    assert.equal(checked % 10, 0); // whole steps of ten files
    assert.equal(server.published.length - published, checked);
    assert.deepEqual([progress[0].kind, progress.at(-1)!.kind], ['begin', 'end']);
  });
});
