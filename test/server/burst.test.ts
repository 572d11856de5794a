// A burst of 1,000 incremental edits in one write to the real server over stdio: it is checked a
// handful of times (not once per version), ends at the last version, and ends with the diagnostics a
// fresh server gives the final text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { copyOfExample, frame, startServer, uriOf, type TestServer } from '../support/lspClient';

const PAGE = 'content/handbook/engineering/careers/matrix/quality/engineering-productivity/senior.md';
const EDITS = 1000;

describe('a burst of edits over stdio', () => {
  let example: ReturnType<typeof copyOfExample>;
  let server: TestServer;
  let uri: string;
  let text: string;

  before(async () => {
    example = copyOfExample();
    server = await startServer(example.dir);
    uri = uriOf(path.join(example.dir, PAGE));
    text = readFileSync(path.join(example.dir, PAGE), 'utf8');
    // Site-wide rules wait for the index: compare diagnostics once it is complete.
    await server.waitForNotification('careerPages/siteIndexed');
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await server.waitForPublished((p) => p.uri === uri && p.version === 1);
  });

  after(async () => {
    await server.stop();
    example.dispose();
  });

  it("publishes a few times for 1,000 edits, the last at the final version, with the final text's diagnostics", async () => {
    // Typed one character per edit at the end of the page: 62 links to an anchor that does not exist.
    const typed = '\n[see](#nowhere)'.repeat(Math.ceil(EDITS / 16)).slice(0, EDITS);
    const lines = text.split('\n');
    let line = lines.length - 1;
    let character = lines[line].length;
    const messages: Buffer[] = [];
    for (let i = 0; i < EDITS; i++) {
      const at = { line, character };
      messages.push(
        frame({
          jsonrpc: '2.0',
          method: 'textDocument/didChange',
          params: { textDocument: { uri, version: i + 2 }, contentChanges: [{ range: { start: at, end: at }, text: typed[i] }] },
        }),
      );
      if (typed[i] === '\n') {
        line++;
        character = 0;
      } else character++;
    }
    const finalVersion = EDITS + 1;
    const finalText = text + typed;
    const before = server.published.length;
    const sent = performance.now();
    await server.writeRaw(Buffer.concat(messages));
    const last = await server.waitForPublished((p) => p.uri === uri && p.version === finalVersion, 30000);
    const ms = performance.now() - sent;
    const publishes = server.published.slice(before).filter((p) => p.uri === uri);
    console.log(
      `${EDITS} edits (${Buffer.concat(messages).length} bytes in one write): ${publishes.length} publishDiagnostics; write → final diagnostics ${ms.toFixed(0)} ms`,
    );

    // Without coalescing it was 1,000 (one check between every two messages). The bound allows, besides
    // the final check, one check per 64 KB pipe read the server could finish before the next arrived
    // (6 for these ~350 KB) and one per 100 ms the burst lasts (the starvation bound; 13 would mean
    // 1.3 s of burst, many times what it takes here): 20, or 2% of the versions.
    assert.ok(publishes.length <= 20, `${publishes.length} publishes`);
    assert.equal(publishes.at(-1), last);
    const versions = publishes.map((p) => p.version!);
    assert.deepEqual(
      versions,
      [...versions].sort((a, b) => a - b),
    );
    assert.equal(last.diagnostics.filter((d) => d.code === 'link-fragment' && d.message.includes('#nowhere')).length, 62);

    const fresh = await startServer(example.dir);
    try {
      await fresh.waitForNotification('careerPages/siteIndexed');
      await fresh.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: finalText } });
      const first = await fresh.waitForPublished((p) => p.uri === uri && p.version === 1);
      assert.deepEqual(last.diagnostics, first.diagnostics);
    } finally {
      await fresh.stop();
    }
  });
});
