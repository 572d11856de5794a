// What the client keeps of the server's preview data (client/src/preview/previewData.ts): when it
// asks, which answer a render gets, and when the previews are refreshed. Driven with a fake client,
// document and timer: each request waits until the test answers it, each timer until the test runs it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PreviewData } from '../../client/src/preview/previewData';
import type { PreviewPage } from '../../server/src/core/features/previewModel';
import type { PreviewDataParams, PreviewDataResult } from '../../server/src/lsp/customProtocol';

const URI = 'file:///site/content/p.md';
const page = (kindLabel: string): PreviewPage => ({ kind: 'page', kindLabel, headings: [], detachedHeadings: [], includes: [], shortcodes: [] });

function setup() {
  const doc = { version: 1, text: 'one' };
  const requests: { params: PreviewDataParams; answer(r: PreviewDataResult | Error): void }[] = [];
  const timers: { run: () => void; ms: number }[] = [];
  let refreshes = 0;
  const data = new PreviewData({
    client: {
      sendRequest: <R>(_method: string, params: PreviewDataParams) =>
        new Promise<R>((resolve, reject) => requests.push({ params, answer: (r) => (r instanceof Error ? reject(r) : resolve(r as R)) })),
    },
    document: (uri) => (uri === URI ? { version: doc.version, getText: () => doc.text } : undefined),
    refresh: () => void refreshes++,
    timer: {
      set: (run, ms) => {
        const t = { run, ms };
        timers.push(t);
        return t;
      },
      clear: (t) => void timers.splice(timers.indexOf(t as (typeof timers)[number]), 1),
    },
  });
  /** Runs the timers due now, as the event loop would, and returns their delays. */
  const runTimers = () => {
    const due = timers.splice(0);
    for (const t of due) t.run();
    return due.map((t) => t.ms);
  };
  /** Lets answered requests finish (their continuations and the queued refresh). */
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  const answer = async (i: number, r: PreviewDataResult | Error) => {
    requests[i].answer(r);
    await settle();
  };
  return { doc, data, requests, timers, runTimers, answer, refreshes: () => refreshes };
}

describe('preview data in the client', () => {
  it('asks when the server has checked the document, gives a render only the answer for its text, and refreshes a render that went without it', async () => {
    const s = setup();
    s.data.changed(URI);
    assert.deepEqual(
      s.timers.map((t) => t.ms),
      [250],
      'in case no check comes',
    );
    assert.deepEqual(s.data.lookup(URI, 'one'), { inSite: true }, 'nothing yet: plain Markdown, checked as a site page');
    s.data.serverChecked(URI);
    assert.deepEqual(s.runTimers(), [0]);
    assert.deepEqual(
      s.requests.map((r) => r.params),
      [{ uri: URI, version: 1 }],
    );
    assert.equal(s.data.isCurrent(URI, 'one'), false);
    await s.answer(0, { uri: URI, version: 1, inSite: true, page: page('Page') });
    assert.deepEqual(s.data.lookup(URI, 'one'), { inSite: true, page: page('Page') });
    assert.equal(s.data.isCurrent(URI, 'one'), true);
    assert.equal(s.refreshes(), 1);
    assert.deepEqual(s.data.lookup(URI, 'one, edited'), { inSite: true }, 'another text: no page, never the ids of another version');
    assert.deepEqual(s.timers, []);
  });

  it('needs no second request when the check of the version asked for arrives while it is under way; a check of a newer version does', async () => {
    const s = setup();
    s.data.changed(URI);
    s.data.serverChecked(URI);
    s.runTimers();
    s.data.serverChecked(URI);
    assert.deepEqual(s.timers, []);
    await s.answer(0, { uri: URI, version: 1, inSite: true, page: page('Page') });
    assert.deepEqual([s.requests.length, s.timers.length], [1, 0]);
    // Typed while the next request is under way: its answer is for the old text, so ask again after it.
    s.doc.version = 2;
    s.doc.text = 'two';
    s.data.changed(URI);
    s.data.serverChecked(URI);
    s.runTimers();
    s.doc.version = 3;
    s.doc.text = 'three';
    s.data.changed(URI);
    s.data.serverChecked(URI);
    await s.answer(1, { uri: URI, version: 2, inSite: true, page: page('Page') });
    assert.deepEqual(s.runTimers(), [0]);
    assert.deepEqual(
      s.requests.map((r) => r.params.version),
      [1, 2, 3],
    );
    await s.answer(2, { uri: URI, version: 3, inSite: true, page: page('Page') });
    assert.equal(s.data.isCurrent(URI, 'three'), true);
  });

  it('keeps no answer for another version or from a failed request; a file in no site renders as any Markdown once the server says so', async () => {
    const s = setup();
    s.data.changed(URI);
    s.runTimers();
    await s.answer(0, { uri: URI, version: null, inSite: true });
    s.data.serverChecked(URI);
    s.runTimers();
    await s.answer(1, new Error('the server stopped'));
    assert.deepEqual(s.data.lookup(URI, 'one'), { inSite: true });
    s.data.serverChecked(URI);
    s.runTimers();
    await s.answer(2, { uri: URI, version: 1, inSite: false });
    assert.deepEqual(s.data.lookup(URI, 'one'), { inSite: false });
    assert.deepEqual(s.data.lookup(URI, 'one, edited'), { inSite: false }, 'being in a site does not change with the text');
  });

  it('refreshes after a new answer for the same text only when it differs from what was rendered (a setting changed)', async () => {
    const s = setup();
    s.data.changed(URI);
    s.runTimers();
    await s.answer(0, { uri: URI, version: 1, inSite: true, page: page('Page') });
    assert.equal(s.refreshes(), 0, 'nothing was rendered yet');
    s.data.lookup(URI, 'one');
    s.data.serverChecked(URI);
    s.runTimers();
    await s.answer(1, { uri: URI, version: 1, inSite: true, page: page('Page') });
    assert.equal(s.refreshes(), 0);
    s.data.serverChecked(URI);
    s.runTimers();
    await s.answer(2, { uri: URI, version: 1, inSite: true, page: page('Job-family page') });
    assert.equal(s.refreshes(), 1);
    assert.equal(s.data.lookup(URI, 'one').page?.kindLabel, 'Job-family page');
  });

  it('forgets a closed document (an answer arriving after is dropped); a render without a file: URI is any Markdown', async () => {
    const s = setup();
    const updates: string[] = [];
    s.data.onDidUpdate((uri) => updates.push(uri));
    s.data.changed(URI);
    s.runTimers();
    s.data.closed(URI);
    await s.answer(0, { uri: URI, version: 1, inSite: true, page: page('Page') });
    assert.deepEqual([s.data.lookup(URI, 'one'), s.data.isCurrent(URI, 'one'), updates], [{ inSite: true }, false, []]);
    assert.deepEqual(s.data.lookup('untitled:Untitled-1', 'one'), { inSite: false });
    assert.deepEqual(s.data.lookup(undefined, 'one'), { inSite: false });
  });
});
