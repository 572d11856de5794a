// The language server's figures for `npm run bench` (run with tsx by bench.mjs): the real server
// (dist/server.js) over stdio, measured from the client's side, on the handbook snapshot. Prints one
// JSON object on stdout:
//   index        ms from starting the server to careerPages/siteIndexed (the whole site in the
//                background, read and parsed: an empty storage folder)
//   duringIndex  round trips (didChange → publishDiagnostics of that version) on a 2 KB career page
//                while the index builds
//   afterIndex   round trips on the 220 KB page once the index is complete (and saved)
//   rssMB        the server's resident memory (VmRSS) when the index is complete
//   saved        its memory once the index is saved (rssMB, and peakMB: VmHWM, the most it ever took)
//   settled      its memory after 30 s of idling from there (rssMB), and after how many seconds it got there (afterS)
//   restore      a second server on the same storage folder (the persisted index): ms from starting
//                it to siteIndexed, the server's own ms for the index (from `initialized`), how many
//                entries it restored and how many pages it read, its memory then (rssMB, peakMB)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startServer, uriOf } from '../test/support/lspClient';

const corpus = process.argv[2];
const SMALL = 'content/handbook/engineering/careers/matrix/development/dev/backend/intermediate.md';
const LARGE = 'content/handbook/marketing/sales-development/_index.md';

/** Seconds of idling after the index was saved, sampling memory each second. */
const SETTLE_S = 30;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const worst = (xs: number[]) => Math.max(...xs);

function memory(pid: number): { rssMB: number; peakMB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssMB: kb('VmRSS') / 1024, peakMB: kb('VmHWM') / 1024 };
}

async function main() {
  const storage = mkdtempSync(path.join(tmpdir(), 'career-bench-index-'));
  const initializationOptions = { indexStorage: storage };
  const started = performance.now();
  const server = await startServer(corpus, {}, { initializationOptions });
  const saved = server.waitForNotification(
    'window/logMessage',
    (p: { message: string }) => /saved the index of|index of .* is not saved/.test(p.message),
    120_000,
  );
  const indexed = server.waitForNotification<{ root: string }>('careerPages/siteIndexed', undefined, 120_000).then(() => performance.now());
  let indexDone = false;
  void indexed.then(() => (indexDone = true));

  // Edits while the index builds: each waits for the diagnostics of its own version.
  const roundTrips = async (file: string, count: number, stopWhen?: () => boolean) => {
    const uri = uriOf(path.join(corpus, file));
    const text = readFileSync(path.join(corpus, file), 'utf8');
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await server.waitForPublished((p) => p.uri === uri && p.version === 1, 60_000);
    const times: number[] = [];
    const at = text.indexOf('\n', Math.floor(text.length / 2));
    for (let v = 2; v < count + 2; v++) {
      if (stopWhen?.()) break;
      const t = performance.now();
      const line = text.slice(0, at).split('\n').length - 1;
      // Type a character, then the next edit takes it back: the page stays as it is.
      const insert = v % 2 === 0;
      const character = at - text.lastIndexOf('\n', at - 1) - 1;
      const range = insert ? { start: { line, character }, end: { line, character } } : { start: { line, character }, end: { line, character: character + 1 } };
      server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range, text: insert ? 'x' : '' }] });
      await server.waitForPublished((p) => p.uri === uri && p.version === v, 60_000);
      times.push(performance.now() - t);
    }
    server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    return times;
  };

  const during = await roundTrips(SMALL, 40, () => indexDone);
  const indexAt = await indexed;
  const pid = server.process!.pid!;
  const mem = memory(pid);
  await saved;
  const afterSave = memory(pid);
  const after = await roundTrips(LARGE, 60);
  // V8 gives memory back to the system once the server has been idle for a while (its memory
  // reducer, some 8 s after the last work): what the server keeps between an author's edits.
  const idle: number[] = [];
  for (let s = 0; s < SETTLE_S; s++) {
    await new Promise((r) => setTimeout(r, 1000));
    idle.push(memory(pid).rssMB);
  }
  const settled = { rssMB: idle[idle.length - 1], afterS: idle.findIndex((x) => x <= idle[idle.length - 1]) + 1 };
  await server.stop();

  // A restart on the same storage folder: the persisted index.
  const restarted = performance.now();
  const again = await startServer(corpus, {}, { initializationOptions });
  const stats = await again.waitForNotification<{ ms: number; restored?: number; rebuilt?: number }>('careerPages/siteIndexed', undefined, 120_000);
  const restore = { ms: performance.now() - restarted, serverMs: stats.ms, restored: stats.restored, rebuilt: stats.rebuilt, ...memory(again.process!.pid!) };
  await again.stop();
  rmSync(storage, { recursive: true, force: true });

  const ms = (xs: number[]) => ({ n: xs.length, median: median(xs), worst: xs.length ? worst(xs) : Number.NaN });
  process.stdout.write(
    `${JSON.stringify({ index: indexAt - started, duringIndex: ms(during), afterIndex: ms(after), rssMB: mem.rssMB, saved: afterSave, settled, restore })}\n`,
  );
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
