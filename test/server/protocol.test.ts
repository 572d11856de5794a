// The real server over stdio against what a client may send besides well-formed requests: broken
// framing and bodies, unknown methods, positions outside the text, documents never opened, open and
// close out of order, cancellation, a client that refuses the server's own requests. Each case ends
// with the exact answer of the next request, so "still alive" is shown, not assumed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, DocumentLink, FoldingRange, Hover } from 'vscode-languageserver-protocol';
import { ResponseError } from 'vscode-jsonrpc/node';
import { copyOfExample, frame, startServer, uriOf, type TestServer } from '../support/lspClient';

const TRACK = 'content/handbook/engineering/careers/matrix/quality/engineering-productivity';
const INCLUDES = 'assets/includes/engineering-careers';
const range = (line: number, from: number, to: number, endLine = line) => ({ start: { line, character: from }, end: { line: endLine, character: to } });
const codes = (ds: Diagnostic[]) => ds.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`);

describe('protocol robustness over stdio', () => {
  let example: ReturnType<typeof copyOfExample>;
  let server: TestServer;
  const file = (rel: string) => path.join(example.dir, rel);
  const uri = (rel: string) => uriOf(file(rel));
  const senior = () => uri(`${TRACK}/senior.md`);
  let seniorText: string;
  let seniorLinks: DocumentLink[];
  let ids = 0;
  /** A request written as raw bytes (after `before`), and its response. */
  const raw = (method: string, params: unknown, bytesBefore: Buffer = Buffer.alloc(0)) => {
    const id = `raw-${++ids}`;
    return { id, bytes: Buffer.concat([bytesBefore, frame({ jsonrpc: '2.0', id, method, params })]) };
  };
  const answer = async (method: string, params: unknown, bytesBefore?: Buffer) => {
    const r = raw(method, params, bytesBefore);
    await server.writeRaw(r.bytes);
    return server.responseTo(r.id);
  };
  const request = <T>(method: string, params: object) => server.connection.sendRequest(method, params) as Promise<T>;
  /** The proof of life used after each bad input: the document links of senior.md (read from disk, never opened here). */
  const linksOfSenior = (bytesBefore?: Buffer) => answer('textDocument/documentLink', { textDocument: { uri: senior() } }, bytesBefore);
  const logsSince = (count: number) => server.logs.slice(count).map((l) => [l.type, l.message]);
  /** Closes a document and waits for its diagnostics to be cleared. */
  const close = async (doc: string) => {
    const published = server.published.length;
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: doc } });
    await server.waitForPublished((p) => server.published.indexOf(p) >= published && p.uri === doc && !p.diagnostics.length);
  };

  before(async () => {
    example = copyOfExample();
    server = await startServer(example.dir);
    await server.waitForNotification('careerPages/siteIndexed');
    seniorText = readFileSync(file(`${TRACK}/senior.md`), 'utf8');
    seniorLinks = [
      { range: range(7, 13, 58), target: uri(`${INCLUDES}/ep-career-nav.md`), tooltip: `Open ${INCLUDES}/ep-career-nav.md` },
      { range: range(19, 13, 73), target: uri(`${INCLUDES}/senior-leadership-competency.md`), tooltip: `Open ${INCLUDES}/senior-leadership-competency.md` },
      { range: range(23, 13, 72), target: uri(`${INCLUDES}/senior-technical-competency.md`), tooltip: `Open ${INCLUDES}/senior-technical-competency.md` },
      { range: range(41, 13, 62), target: uri(`${INCLUDES}/values-competency.md`), tooltip: `Open ${INCLUDES}/values-competency.md` },
    ];
  });

  after(async () => {
    await server.stop();
    example.dispose();
  });

  describe('malformed JSON-RPC: the server stays up and answers the next request', () => {
    const linksOf = (r: { result?: unknown }) => r.result as DocumentLink[];

    it('a body that is not JSON is dropped without an answer', async () => {
      const logs = server.logs.length;
      const r = await linksOfSenior(frame('{"jsonrpc": "2.0", "id": "broken", "method": '));
      assert.deepEqual(linksOf(r), seniorLinks);
      assert.deepEqual(logsSince(logs), []);
    });

    it('a Content-Length shorter than the body: the message is dropped, the rest skipped up to the next header', async () => {
      const logs = server.logs.length;
      const body = JSON.stringify({ jsonrpc: '2.0', id: 'short', method: 'textDocument/hover', params: {} });
      const r = await linksOfSenior(Buffer.from(`Content-Length: 10\r\n\r\n${body}`));
      assert.deepEqual(linksOf(r), seniorLinks);
      assert.deepEqual(logsSince(logs), [[2, `Career Pages: skipped ${body.length - 10} bytes of input (bytes that are not a message header).`]]);
    });

    it('a Content-Length longer than the body: the message ends where the next header starts', async () => {
      const logs = server.logs.length;
      const body = JSON.stringify({ jsonrpc: '2.0', id: 'long', method: 'textDocument/hover', params: {} });
      const header = 'Content-Length: 5000\r\n\r\n';
      const r = await linksOfSenior(Buffer.from(`${header}${body}`));
      assert.deepEqual(linksOf(r), seniorLinks);
      assert.deepEqual(logsSince(logs), [
        [
          2,
          `Career Pages: skipped ${header.length + body.length} bytes of input (a message declared 5000 bytes, but the next message starts after ${body.length}).`,
        ],
      ]);
    });

    it('a header without Content-Length, then one whose Content-Length is not a number: skipped together, up to the next good header', async () => {
      const logs = server.logs.length;
      const garbage = 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}Content-Length: many\r\n\r\n{}';
      const r = await linksOfSenior(Buffer.from(garbage));
      assert.deepEqual(linksOf(r), seniorLinks);
      assert.deepEqual(logsSince(logs), [[2, `Career Pages: skipped ${garbage.length} bytes of input (a message header without a Content-Length).`]]);
    });

    it('a message without a method (with and without an id) is logged and not answered', async () => {
      const logs = server.logs.length;
      const r = await linksOfSenior(Buffer.concat([frame({ jsonrpc: '2.0', id: 'no-method', params: {} }), frame({ jsonrpc: '2.0', params: {} })]));
      assert.deepEqual(linksOf(r), seniorLinks);
      assert.deepEqual(logsSince(logs), [
        [1, 'Received message which is neither a response nor a notification message:\n{\n    "jsonrpc": "2.0",\n    "id": "no-method",\n    "params": {}\n}'],
        [1, 'Received message which is neither a response nor a notification message:\n{\n    "jsonrpc": "2.0",\n    "params": {}\n}'],
      ]);
      await assert.rejects(server.responseTo('no-method', 200), /timed out waiting for the response to no-method/);
    });
  });

  describe('params without the fields a method needs', () => {
    it('a request answers empty and logs the failure; a notification is logged by the connection; the server goes on', async () => {
      const logs = server.logs.length;
      assert.deepEqual(await answer('textDocument/hover', {}), { jsonrpc: '2.0', id: `raw-${ids}`, result: null });
      assert.deepEqual(await answer('textDocument/references', { textDocument: { uri: 5 }, position: 'x' }), {
        jsonrpc: '2.0',
        id: `raw-${ids}`,
        result: null,
      });
      const r = await linksOfSenior(
        Buffer.concat([
          frame({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: {} }),
          frame({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri: senior() } } }),
          frame({ jsonrpc: '2.0', method: 'workspace/didChangeWatchedFiles', params: {} }),
          frame({ jsonrpc: '2.0', method: 'textDocument/didClose', params: {} }),
        ]),
      );
      assert.equal((r.result as unknown[]).length, 4);
      assert.deepEqual(
        logsSince(logs).map(([type, message]) => [type, String(message).split('\n')[0]]),
        [
          [1, "Career Pages failed while computing the hover: TypeError: Cannot read properties of undefined (reading 'uri')"],
          [1, "Notification handler 'textDocument/didOpen' failed with message: Cannot read properties of undefined (reading 'uri')"],
          [1, "Notification handler 'textDocument/didChange' failed with message: Cannot read properties of undefined (reading 'length')"],
          [1, "Notification handler 'textDocument/didClose' failed with message: Cannot read properties of undefined (reading 'uri')"],
        ],
      );
    });
  });

  describe('unknown methods', () => {
    it('an unknown request is answered MethodNotFound (-32601), also a $/ one', async () => {
      assert.deepEqual((await answer('careerPages/noSuchRequest', {})).error, { code: -32601, message: 'Unhandled method careerPages/noSuchRequest' });
      assert.deepEqual((await answer('$/noSuchRequest', {})).error, { code: -32601, message: 'Unhandled method $/noSuchRequest' });
    });

    it('an unknown notification is ignored, without a log line', async () => {
      const logs = server.logs.length;
      const r = await linksOfSenior(
        Buffer.concat([
          frame({ jsonrpc: '2.0', method: 'careerPages/noSuchNotification', params: { x: 1 } }),
          frame({ jsonrpc: '2.0', method: '$/noSuchNotification' }),
        ]),
      );
      assert.equal((r.result as unknown[]).length, 4);
      assert.deepEqual(logsSince(logs), []);
    });
  });

  describe('positions outside the text', () => {
    before(async () => {
      await server.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: senior(), languageId: 'markdown', version: 1, text: seniorText },
      });
      await server.waitForPublished((p) => p.uri === senior() && p.version === 1);
    });

    const outside = [
      ['a line past the end', { line: 9999, character: 0 }],
      ['a negative line and character', { line: -1, character: -5 }],
      ['a character past the end of the line', { line: 7, character: 9999 }],
      ['a negative character', { line: 11, character: -1 }],
    ] as const;

    for (const [what, position] of outside) {
      it(`${what}: every position request answers empty`, async () => {
        const at = { textDocument: { uri: senior() }, position };
        assert.deepEqual(await request('textDocument/completion', at), []);
        assert.equal(await request('textDocument/hover', at), null);
        assert.deepEqual(await request('textDocument/definition', at), []);
        assert.deepEqual(await request('textDocument/references', { ...at, context: { includeDeclaration: true } }), []);
        assert.equal(await request('textDocument/prepareRename', at), null);
        await assert.rejects(request('textDocument/rename', { ...at, newName: 'X' }), (e: ResponseError<unknown>) => {
          assert.deepEqual([e.code, e.message], [-32803, 'Put the cursor on the text of a heading to rename it.']);
          return true;
        });
        const actions = await request<{ title: string }[]>('textDocument/codeAction', {
          textDocument: { uri: senior() },
          range: { start: position, end: position },
          context: { diagnostics: [] },
        });
        assert.deepEqual(actions, []);
      });
    }

    it("a character past the end of a heading's line is clamped to its end: the heading is renamed", async () => {
      const at = { textDocument: { uri: senior() }, position: { line: 5, character: 9999 } };
      assert.deepEqual(await request('textDocument/prepareRename', at), {
        range: range(5, 3, 52),
        placeholder: 'Senior Backend Engineer, Engineering Productivity',
      });
    });

    it('an edit whose range lies past the end of the text appends at the end (the document clamps it), and is checked', async () => {
      await server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: senior(), version: 2 },
        contentChanges: [{ range: range(500, 3, 9, 700), text: '\n[x](#nowhere)\n' }],
      });
      const p = await server.waitForPublished((x) => x.uri === senior() && x.version === 2);
      const end = seniorText.split('\n').length - 1;
      assert.deepEqual(
        codes(p.diagnostics).filter((c) => c.startsWith('link-fragment')),
        ['link-fragment@11:28', 'link-fragment@12:27', 'link-fragment@13:21', `link-fragment@${end + 1}:4`],
      );
      await close(senior());
    });
  });

  describe('documents the client never opened', () => {
    it('a file on disk is read from disk: the same answers as when it is open', async () => {
      const published = server.published.length;
      const at = (line: number, character: number) => ({ textDocument: { uri: senior() }, position: { line, character } });
      assert.deepEqual(await request('textDocument/documentLink', { textDocument: { uri: senior() } }), seniorLinks);
      const hover = await request<Hover>('textDocument/hover', at(7, 20));
      assert.deepEqual(hover.range, range(7, 13, 58));
      assert.deepEqual(await request('textDocument/definition', at(7, 20)), [{ uri: uri(`${INCLUDES}/ep-career-nav.md`), range: range(0, 0, 0) }]);
      const folds = await request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: senior() } });
      assert.deepEqual(folds[0], { startLine: 0, endLine: 3 });
      // Asked about, not opened: not checked (nothing published for it).
      assert.deepEqual(
        server.published.slice(published).map((p) => p.uri),
        [],
      );
    });

    it('a file that does not exist, and a URI that is not a file, get empty answers', async () => {
      for (const missing of [uri('content/handbook/no-such-page.md'), 'untitled:Untitled-1']) {
        const doc = { textDocument: { uri: missing } };
        const at = { ...doc, position: { line: 0, character: 0 } };
        assert.equal(await request('textDocument/completion', at), null);
        assert.equal(await request('textDocument/hover', at), null);
        assert.equal(await request('textDocument/definition', at), null);
        assert.equal(await request('textDocument/references', { ...at, context: { includeDeclaration: true } }), null);
        assert.equal(await request('textDocument/prepareRename', at), null);
        assert.equal(await request('textDocument/rename', { ...at, newName: 'X' }), null);
        assert.equal(await request('textDocument/documentLink', doc), null);
        assert.equal(await request('textDocument/documentSymbol', doc), null);
        assert.equal(await request('textDocument/foldingRange', doc), null);
        assert.deepEqual(await request('textDocument/codeLens', doc), []);
        assert.deepEqual(
          await request('textDocument/codeAction', { ...doc, range: range(0, 0, 0), context: { diagnostics: [], only: ['source.fixAll.careerPages'] } }),
          [],
        );
      }
    });
  });

  describe('open, change and close out of order', () => {
    const intermediate = () => uri(`${TRACK}/intermediate.md`);
    let healthy: Diagnostic[];

    before(async () => {
      const text = readFileSync(file(`${TRACK}/intermediate.md`), 'utf8');
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: intermediate(), languageId: 'markdown', version: 1, text } });
      healthy = (await server.waitForPublished((p) => p.uri === intermediate() && p.version === 1)).diagnostics;
      assert.deepEqual(codes(healthy), [
        'include-delimiter@7:0',
        'link-fragment@12:28',
        'link-fragment@13:27',
        'link-fragment@14:21',
        'include-delimiter@21:0',
        'include-delimiter@25:0',
        'include-delimiter@42:0',
      ]);
    });

    it('didChange after didClose and didClose twice are ignored; opened again, the page has its diagnostics', async () => {
      const published = server.published.length;
      await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: intermediate() } });
      await server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: intermediate(), version: 2 },
        contentChanges: [{ text: 'no front matter' }],
      });
      await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: intermediate() } });
      // The request after them is answered: all three were handled (in order) by then.
      assert.equal((await request<unknown[]>('textDocument/documentLink', { textDocument: { uri: senior() } })).length, 4);
      assert.deepEqual(
        server.published.slice(published).map((p) => [p.uri, p.version, p.diagnostics.length]),
        [[intermediate(), undefined, 0]],
      );
      const text = readFileSync(file(`${TRACK}/intermediate.md`), 'utf8');
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: intermediate(), languageId: 'markdown', version: 3, text } });
      assert.deepEqual((await server.waitForPublished((p) => p.uri === intermediate() && p.version === 3)).diagnostics, healthy);
    });

    it('didOpen twice: the second text wins', async () => {
      await server.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: intermediate(), languageId: 'markdown', version: 4, text: '# no front matter\n' },
      });
      const second = await server.waitForPublished((p) => p.uri === intermediate() && p.version === 4);
      assert.deepEqual(codes(second.diagnostics), ['frontmatter-missing@0:0', 'ladder-level@0:2', 'page-structure@0:2']);
      const text = readFileSync(file(`${TRACK}/intermediate.md`), 'utf8');
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: intermediate(), languageId: 'markdown', version: 5, text } });
      assert.deepEqual((await server.waitForPublished((p) => p.uri === intermediate() && p.version === 5)).diagnostics, healthy);
      await close(intermediate());
    });
  });

  describe('$/cancelRequest', () => {
    const cancel = (id: string) => frame({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id } });
    const cancelledTogether = async (method: string, params: unknown) => {
      const r = raw(method, params);
      await server.writeRaw(Buffer.concat([r.bytes, cancel(r.id)]));
      return server.responseTo(r.id);
    };

    it('Lint Workspace cancelled before it started: RequestCancelled (-32800), nothing checked, no progress', async () => {
      const published = server.published.length;
      const progress = server.logs.length;
      const r = await cancelledTogether('careerPages/lintWorkspace', { folders: [uriOf(example.dir)], workDoneToken: 'cancelled-lint' });
      assert.deepEqual(r.error, { code: -32800, message: 'The request was cancelled.' });
      assert.deepEqual(server.published.slice(published), []);
      assert.equal(server.logs.length, progress);
    });

    it('references and rename cancelled before they started: RequestCancelled (-32800)', async () => {
      const at = { textDocument: { uri: senior() }, position: { line: 5, character: 10 } };
      assert.deepEqual((await cancelledTogether('textDocument/references', { ...at, context: { includeDeclaration: true } })).error, {
        code: -32800,
        message: 'The request was cancelled.',
      });
      assert.deepEqual((await cancelledTogether('textDocument/rename', { ...at, newName: 'Senior Engineer' })).error, {
        code: -32800,
        message: 'The request was cancelled.',
      });
      // Not cancelled, the same requests answer.
      assert.equal(Array.isArray((await answer('textDocument/references', { ...at, context: { includeDeclaration: true } })).result), true);
    });
  });

  describe("a client that refuses the server's requests", () => {
    it('workspace/configuration answered with an error: logged, the settings stay, the server answers', async () => {
      server.connection.onRequest('workspace/configuration', () => new ResponseError(-32603, 'this client has no settings'));
      const logs = server.logs.length;
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      const log = await server.waitForNotification<{ type: number; message: string }>('window/logMessage', (m) => server.logs.indexOf(m) >= logs);
      assert.deepEqual([log.type, log.message], [1, 'Career Pages could not read the careerPages settings from the client: this client has no settings']);
      assert.deepEqual(await request('textDocument/documentLink', { textDocument: { uri: senior() } }), seniorLinks);
      server.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => server.settings));
    });
  });
});
