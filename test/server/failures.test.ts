// The language server when a part of it fails (a bug, injected here): the server of
// server/src/lsp/server.ts runs in this process over in-memory streams, on a disk whose reads of
// chosen files fail. Each request is still answered, the failure is logged with its stack, the file
// gets one internal-error diagnostic, and the server goes on.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeLens, Diagnostic, Location } from 'vscode-languageserver-protocol';
import type { FileContent, Host } from '../../server/src/core/host';
import { NodeHost, toCorePath } from '../../server/src/node/nodeHost';
import { copyOfExample, startInProcessServer, uriOf, type TestServer } from '../support/lspClient';

const TRACK = 'content/handbook/engineering/careers/matrix/quality/engineering-productivity';
const INCLUDES = 'assets/includes/engineering-careers';
const REPORT = 'Please report it with this file at https://github.com/handbook-career-pages/handbook-career-pages/issues.';

/** The disk, except that chosen files fail: their text throws when read, or reading them throws, or looking at them throws. */
class FaultyHost implements Host {
  readonly textThrows = new Set<string>();
  readonly readThrows = new Set<string>();
  readonly existsThrows = new Set<string>();
  private readonly disk = new NodeHost();

  readFile(p: string): FileContent | undefined {
    if (this.readThrows.has(p)) throw new Error(`EIO: i/o error, read '${path.basename(p)}'`);
    const content = this.disk.readFile(p);
    if (!this.textThrows.has(p) || content?.kind !== 'text') return content;
    return {
      kind: 'text',
      version: content.version,
      get text(): string {
        throw new Error(`injected failure reading ${path.basename(p)}`);
      },
    };
  }

  exists(p: string): 'file' | 'directory' | undefined {
    if (this.existsThrows.has(p)) throw new Error(`ENOTDIR: injected, stat '${path.basename(p)}'`);
    return this.disk.exists(p);
  }

  listFiles(dir: string): string[] {
    return this.disk.listFiles(dir);
  }
}

const internal = (what: string, detail: string): Partial<Diagnostic> => ({
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  severity: 1,
  code: 'internal-error',
  source: 'career-pages',
  message: `Career Pages failed while ${what} (${detail}). ${REPORT}`,
});
const pick = (d: Diagnostic): Partial<Diagnostic> => ({ range: d.range, severity: d.severity, code: d.code, source: d.source, message: d.message });
const codes = (ds: Diagnostic[]) => ds.map((d) => `${d.code}@${d.range.start.line}`);

describe('failures inside the language server (in-process, injected)', () => {
  let example: ReturnType<typeof copyOfExample>;
  let server: TestServer;
  const disk = new FaultyHost();
  const file = (rel: string) => path.join(example.dir, rel);
  const corePath = (rel: string) => toCorePath(file(rel));
  const uri = (rel: string) => uriOf(file(rel));
  const request = <T>(method: string, params: object) => server.connection.sendRequest(method, params) as Promise<T>;
  const senior = () => uri(`${TRACK}/senior.md`);
  const intermediate = () => corePath(`${TRACK}/intermediate.md`);
  let seniorText: string;
  let version = 1;
  /** senior.md's diagnostics before anything failed. */
  let healthy: Diagnostic[];
  const changed = (rel: string) => server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(rel), type: 2 }] });
  const edit = async () => {
    version++;
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: senior(), version },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }],
    });
    return server.waitForPublished((p) => p.uri === senior() && p.version === version);
  };
  const logAfter = (count: number, prefix: string) =>
    server.waitForNotification<{ type: number; message: string }>(
      'window/logMessage',
      (m) => server.logs.indexOf(m) >= count && m.message.startsWith(prefix),
      10000,
    );

  before(async () => {
    example = copyOfExample();
    // A page whose reading fails from the start: the background index goes on without it.
    writeFileSync(file('content/handbook/unreadable.md'), '---\ntitle: Unreadable\ndescription: Read fails.\n---\n\n## Unreadable\n');
    disk.textThrows.add(corePath('content/handbook/unreadable.md'));
    server = await startInProcessServer(example.dir, disk);
    seniorText = readFileSync(file(`${TRACK}/senior.md`), 'utf8');
  });

  after(async () => {
    await server.stop();
    example.dispose();
  });

  it('indexes every other page when one page cannot be read', async () => {
    const indexed = await server.waitForNotification<{ pages: number }>('careerPages/siteIndexed');
    const pages = readdirSync(file('content'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).length;
    assert.equal(pages, 21);
    assert.equal(indexed.pages, 20);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: senior(), languageId: 'markdown', version, text: seniorText } });
    healthy = (await server.waitForPublished((p) => p.uri === senior() && p.version === version)).diagnostics;
    // The index is complete: the competency files' jumps under the page's "###" headings are theirs, not the page's.
    assert.deepEqual(codes(healthy), ['link-fragment@11', 'link-fragment@12', 'link-fragment@13']);
  });

  it('a page that fails while being summarised again after a change on disk is logged, and the index goes on', async () => {
    disk.textThrows.add(intermediate());
    const logs = server.logs.length;
    await changed(`${TRACK}/intermediate.md`);
    const log = await logAfter(logs, 'Career Pages failed while indexing this page');
    assert.match(
      log.message,
      new RegExp(`^Career Pages failed while indexing this page on ${intermediate()}: Error: injected failure reading intermediate.md\n    at `),
    );
    assert.equal(log.type, 1);
    // senior.md depends on its sibling (ladder rules): checked again, the core reports the rules that failed.
    const ds = await server.waitForDiagnostics(senior(), (d) => d.some((x) => x.code === 'internal-error'));
    assert.deepEqual(ds.filter((d) => d.code === 'internal-error').map(pick), [
      internal('running the rule ladder-missing-term on this file', 'injected failure reading intermediate.md'),
      internal('running the rule ladder-term-spelling on this file', 'injected failure reading intermediate.md'),
    ]);
  });

  it('a feature that fails answers empty, logs the stack and leaves one internal-error on the file', async () => {
    const logs = server.logs.length;
    const published = server.published.length;
    // The include path of the navigation: its references read every page that includes it, intermediate.md too.
    const refs = await request<Location[] | null>('textDocument/references', {
      textDocument: { uri: senior() },
      position: { line: 7, character: 20 },
      context: { includeDeclaration: true },
    });
    assert.equal(refs, null);
    const log = await logAfter(logs, 'Career Pages failed while finding references');
    assert.match(
      log.message,
      new RegExp(
        `^Career Pages failed while finding references on ${corePath(`${TRACK}/senior.md`)}: Error: injected failure reading intermediate.md\n    at `,
      ),
    );
    const p = await server.waitForPublished((x) => server.published.indexOf(x) >= published && x.uri === senior());
    assert.equal(p.version, version);
    const failures = p.diagnostics.filter((d) => d.message.includes('finding references'));
    assert.deepEqual(failures.map(pick), [internal('finding references', `injected failure reading intermediate.md`)]);
    // The check's own diagnostics are still there, with the one the feature left at the end.
    assert.deepEqual(
      p.diagnostics.slice(0, -1),
      server.published
        .slice(0, published)
        .filter((x) => x.uri === senior())
        .at(-1)!.diagnostics,
    );
    assert.equal(p.diagnostics.at(-1)!.message, failures[0].message);
    // A second failure before the file changes: answered and logged, no second diagnostic.
    // Another feature, on another file (the include file the lens is on): answered, and that file gets its own.
    const nav = uri(`${INCLUDES}/ep-career-nav.md`);
    const lens = await request<CodeLens>('codeLens/resolve', {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      data: { uri: nav },
    });
    assert.deepEqual(lens.command, { title: '', command: '' });
    await logAfter(logs, 'Career Pages failed while listing the pages that include this file');
    const onNav = await server.waitForPublished((x) => x.uri === nav);
    assert.deepEqual(onNav.diagnostics.map(pick), [internal('listing the pages that include this file', 'injected failure reading intermediate.md')]);
    // A command whose result cannot be empty answers the internal-error message (the command shows it);
    // senior.md has its internal-error already: no second one.
    const matrix = request('careerPages/ladderMatrix', { uri: senior() });
    await assert.rejects(matrix, (e: { code: number; message: string }) => {
      assert.equal(e.code, -32803);
      assert.equal(e.message, `Career Pages failed while building the ladder matrix (injected failure reading intermediate.md). ${REPORT}`);
      return true;
    });
    assert.deepEqual(
      server.diagnostics
        .get(senior())!
        .filter((d) => d.code === 'internal-error')
        .map((d) => d.message.split(' (')[0]),
      [
        'Career Pages failed while running the rule ladder-missing-term on this file',
        'Career Pages failed while running the rule ladder-term-spelling on this file',
        'Career Pages failed while finding references',
      ],
    );
  });

  it('the internal-error of a feature goes when the file changes, and the feature works again when the failure does', async () => {
    const p = await edit();
    assert.deepEqual(
      p.diagnostics.filter((d) => d.message.includes('finding references')),
      [],
    );
    disk.textThrows.delete(intermediate());
    await changed(`${TRACK}/intermediate.md`);
    const back = await server.waitForDiagnostics(senior(), (d) => !d.some((x) => x.code === 'internal-error'));
    assert.deepEqual(back.map(pick), healthy.map(pick));
    const refs = await request<Location[]>('textDocument/references', {
      textDocument: { uri: senior() },
      position: { line: 7, character: 20 },
      context: { includeDeclaration: true },
    });
    assert.deepEqual(refs.map((l) => path.relative(example.dir, new URL(l.uri).pathname)).sort(), [
      `${TRACK}/_index.md`,
      `${TRACK}/intermediate.md`,
      `${TRACK}/senior.md`,
    ]);
  });

  it('a check that fails publishes one internal-error for the file instead of its diagnostics, and recovers', async () => {
    disk.existsThrows.add(corePath(`${TRACK}/senior.md`));
    const logs = server.logs.length;
    const p = await edit();
    assert.deepEqual(p.diagnostics.map(pick), [internal('checking this file', "ENOTDIR: injected, stat 'senior.md'")]);
    await logAfter(logs, `Career Pages failed while checking this file on ${corePath(`${TRACK}/senior.md`)}: Error: ENOTDIR`);
    disk.existsThrows.clear();
    assert.deepEqual((await edit()).diagnostics.map(pick), healthy.map(pick));
  });

  it("an included file whose reading throws is reported as unreadable where it is included (the disk's failure stops at the host)", async () => {
    const inc = `${INCLUDES}/senior-technical-competency.md`;
    disk.readThrows.add(corePath(inc));
    await changed(inc);
    const ds = await server.waitForDiagnostics(senior(), (d) => d.some((x) => x.code === 'file-unreadable'));
    assert.deepEqual(
      ds.filter((d) => d.code === 'file-unreadable').map((d) => [d.range, d.message]),
      [
        [
          { start: { line: 23, character: 13 }, end: { line: 23, character: 72 } },
          `The included file ${inc} cannot be used: it cannot be read (EIO: i/o error, read 'senior-technical-competency.md').`,
        ],
      ],
    );
    disk.readThrows.clear();
    await changed(inc);
    const back = await server.waitForDiagnostics(senior(), (d) => !d.some((x) => x.code === 'file-unreadable'));
    assert.deepEqual(back.map(pick), healthy.map(pick));
  });
});
