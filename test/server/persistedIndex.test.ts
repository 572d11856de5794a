// The persisted index (node/indexStore.ts) over stdio: the server started with initializationOptions
// indexStorage saves each site's index there, and a restart restores it, reading only the pages that
// changed (or whose includes did) while it was down. careerPages/siteIndexed says how many entries
// were restored and how many pages were read; what a restored index answers is what a built one
// answers. A damaged file is ignored (and replaced), other settings start over, and nothing is
// written into the site.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { SymbolInformation } from 'vscode-languageserver-protocol';
import { copyOfExample, startServer, type TestServer, uriOf } from '../support/lspClient';

const TRACK = 'content/handbook/engineering/careers/matrix/quality/engineering-productivity';
const VALUES = 'content/handbook/values/_index.md';
const NAV = 'assets/includes/engineering-careers/ep-career-nav.md';
/** The example's pages (content files; the index also holds the pages Hugo makes without one). */
const PAGES = 20;

interface Indexed {
  pages: number;
  restored?: number;
  rebuilt?: number;
}

describe('the persisted index', () => {
  let example: ReturnType<typeof copyOfExample>;
  let storage: string;
  let siteFiles: string[];
  const listSite = () => readdirSync(example.dir, { recursive: true, encoding: 'utf8' }).sort();

  before(() => {
    example = copyOfExample();
    storage = mkdtempSync(path.join(tmpdir(), 'career-index-'));
    siteFiles = listSite();
  });

  after(() => {
    example.dispose();
    rmSync(storage, { recursive: true, force: true });
  });

  /** Starts a server on the copy with the storage folder, waits for the index, and (with `stop`) stops it once it saved. */
  const start = async (settings: Record<string, unknown> = {}): Promise<{ server: TestServer; indexed: Indexed }> => {
    const server = await startServer(example.dir, settings, { initializationOptions: { indexStorage: storage } });
    const indexed = await server.waitForNotification<Indexed>('careerPages/siteIndexed');
    return { server, indexed };
  };
  const saved = (server: TestServer) => server.waitForNotification('window/logMessage', (p: { message: string }) => /saved the index of/.test(p.message));
  const counts = (i: Indexed) => [i.restored, i.rebuilt];
  const indexFile = () => {
    const files = readdirSync(storage).filter((f) => /^index-.*\.bin$/.test(f));
    assert.equal(files.length, 1);
    return path.join(storage, files[0]);
  };
  const symbols = (server: TestServer, query: string) =>
    server.connection
      .sendRequest<SymbolInformation[]>('workspace/symbol', { query })
      .then((ss) => ss.map((s) => [s.name, s.containerName, path.relative(example.dir, new URL(s.location.uri).pathname), s.location.range]));

  let coldSymbols: unknown[];

  it('is saved after a first index that read every page', async () => {
    const { server, indexed } = await start();
    assert.deepEqual(counts(indexed), [0, PAGES]);
    await saved(server);
    coldSymbols = await symbols(server, 'competency');
    await server.stop();
    assert.ok(statSync(indexFile()).size > 0);
  });

  it('is restored on a restart without reading a page, and answers as the built one did', async () => {
    const { server, indexed } = await start();
    assert.deepEqual(counts(indexed), [PAGES, 0]);
    assert.ok(server.logs.some((l) => l.message.includes(`${PAGES} pages restored from ${indexFile()}, 0 read`)));
    assert.ok(coldSymbols.length > 5);
    assert.deepEqual(await symbols(server, 'competency'), coldSymbols);
    await server.stop();
  });

  it('reads again a page changed while the server was down: its new heading is linkable', async () => {
    const values = path.join(example.dir, VALUES);
    writeFileSync(values, readFileSync(values, 'utf8').replace('## Results\n', '## Results\n\n## Brand New Heading\n'));
    const { server, indexed } = await start();
    assert.deepEqual(counts(indexed), [PAGES - 1, 1]);
    const page = path.join(example.dir, 'content/handbook/linking.md');
    const uri = uriOf(page);
    const text =
      '---\ntitle: "Linking"\ndescription: "Links to the values page."\n---\n\n## Linking\n\nSee [new](/handbook/values/#brand-new-heading) and [old](/handbook/values/#no-such-heading).\n';
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const ds = await server.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'link-fragment'));
    assert.deepEqual(
      ds.filter((d) => String(d.code).startsWith('link')).map((d) => [d.code, d.range.start.character, d.range.end.character]),
      [['link-fragment', 74, 90]],
    );
    await saved(server);
    await server.stop();
  });

  it('reads again the pages that include a file changed while the server was down', async () => {
    const nav = path.join(example.dir, NAV);
    writeFileSync(nav, `${readFileSync(nav, 'utf8')}\n## Nav Heading\n`);
    const { server, indexed } = await start();
    // _index.md, intermediate.md and senior.md of the track include it.
    assert.deepEqual(counts(indexed), [PAGES - 3, 3]);
    // Expanded by {{% %}} on two of them (intermediate.md's {{< >}} keeps it out of the page).
    assert.deepEqual(
      (await symbols(server, 'Nav Heading')).map(([name, container]) => [name, container]),
      [
        ['Nav Heading', '/handbook/engineering/careers/matrix/quality/engineering-productivity/#nav-heading'],
        ['Nav Heading', '/handbook/engineering/careers/matrix/quality/engineering-productivity/senior/#nav-heading'],
      ],
    );
    await saved(server);
    await server.stop();
  });

  it('restores a page whose file was written again with the same text (compared by content)', async () => {
    const senior = path.join(example.dir, TRACK, 'senior.md');
    writeFileSync(senior, readFileSync(senior));
    const later = new Date(Date.now() + 60_000);
    utimesSync(senior, later, later);
    const { server, indexed } = await start();
    assert.deepEqual(counts(indexed), [PAGES, 0]);
    await server.stop();
  });

  it('ignores a damaged file, and replaces it', async () => {
    const file = indexFile();
    const bytes = readFileSync(file);
    bytes[bytes.indexOf(10) + 20] ^= 1; // one bit of the body
    writeFileSync(file, bytes);
    let { server, indexed } = await start();
    assert.deepEqual(counts(indexed), [0, PAGES]);
    assert.ok(server.logs.some((l) => l.message.includes('(damaged)')));
    await saved(server);
    await server.stop();
    writeFileSync(file, 'not an index at all');
    ({ server, indexed } = await start());
    assert.deepEqual(counts(indexed), [0, PAGES]);
    assert.ok(server.logs.some((l) => l.message.includes('(not an index file)')));
    await saved(server);
    await server.stop();
    ({ server, indexed } = await start());
    assert.deepEqual(counts(indexed), [PAGES, 0]);
    await server.stop();
  });

  it('saves what changed after indexing when the server shuts down', async () => {
    const { server } = await start();
    const values = path.join(example.dir, VALUES);
    writeFileSync(values, readFileSync(values, 'utf8').replace('## Brand New Heading\n', '## Renamed Heading\n'));
    server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(values), type: 2 }] });
    await server.nextNotification('careerPages/siteIndexed');
    await server.stop();
    const again = await start();
    assert.deepEqual(counts(again.indexed), [PAGES, 0]);
    assert.deepEqual((await symbols(again.server, 'Renamed Heading')).length, 1);
    await again.server.stop();
  });

  it('starts over with other settings', async () => {
    const { server, indexed } = await start({ rules: { 'repeated-words': 'off' } });
    assert.deepEqual(counts(indexed), [0, PAGES]);
    assert.ok(server.logs.some((l) => l.message.includes('(saved with other settings or another build)')));
    await saved(server);
    await server.stop();
  });

  it('writes nothing into the site', () => {
    assert.deepEqual(listSite(), siteFiles);
  });
});
