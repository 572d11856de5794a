// The validation queue on a simulated event loop: each turn first runs what the queue scheduled in
// the turn before, then hands over one message (as vscode-jsonrpc does, one per setImmediate).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationQueue } from '../../server/src/lsp/validationQueue';

function simulation(msPerTurn: number) {
  let clock = 0;
  let scheduled: (() => void)[] = [];
  const runs: { uri: string; turn: number; at: number }[] = [];
  let turn = 0;
  const queue = new ValidationQueue({
    validate: (uri) => runs.push({ uri, turn, at: clock }),
    now: () => clock,
    nextTurn: (run) => scheduled.push(run),
  });
  /** One event-loop turn: the queue's callbacks from the last turn, then `message` (if any). */
  const step = (message?: () => void) => {
    turn++;
    clock += msPerTurn;
    const due = scheduled;
    scheduled = [];
    for (const run of due) run();
    message?.();
  };
  const idle = () => {
    while (scheduled.length) step();
  };
  return { queue, runs, step, idle, turn: () => turn };
}

describe('validation queue', () => {
  it('checks a lone change on the second turn after it (one quiet turn), once', () => {
    const s = simulation(0.01);
    s.step(() => s.queue.add(['file:///a.md']));
    s.idle();
    assert.deepEqual(
      s.runs.map((r) => [r.uri, r.turn]),
      [['file:///a.md', 3]],
    );
  });

  it('checks a burst of 1,000 changes once, after the last one, at the latest text', () => {
    const s = simulation(0.01); // 1,000 turns of 10 µs: 10 ms, under the 100 ms bound
    for (let i = 0; i < 1000; i++) s.step(() => s.queue.add(['file:///a.md']));
    s.idle();
    assert.deepEqual(
      s.runs.map((r) => [r.uri, r.turn]),
      [['file:///a.md', 1002]],
    );
  });

  it('during a burst that goes on, checks once the oldest change is 100 ms old, and again at the end', () => {
    const s = simulation(1); // one change per millisecond for 1,000 ms
    for (let i = 0; i < 1000; i++) s.step(() => s.queue.add(['file:///a.md']));
    s.idle();
    // Armed at 1 ms, the first turn that sees the change 100 ms old is at 101 ms; the change of that
    // turn (handed over after the check) starts the next 100 ms, and so on. The check at 1,001 ms
    // already has the last change (1,000 ms), so nothing is left for a check after the burst.
    assert.deepEqual(
      s.runs.map((r) => r.at),
      [101, 201, 301, 401, 501, 601, 701, 801, 901, 1001],
    );
  });

  it('checks each document once per run, in the order they first came', () => {
    const s = simulation(0.01);
    s.step(() => s.queue.add(['file:///b.md', 'file:///a.md']));
    s.step(() => s.queue.add(['file:///a.md', 'file:///c.md', 'file:///b.md']));
    s.idle();
    assert.deepEqual(
      s.runs.map((r) => r.uri),
      ['file:///b.md', 'file:///a.md', 'file:///c.md'],
    );
    assert.equal(s.queue.size, 0);
  });

  it('adding nothing schedules nothing', () => {
    const s = simulation(0.01);
    s.step(() => s.queue.add([]));
    s.idle();
    assert.deepEqual(s.runs, []);
    assert.equal(s.turn(), 1);
  });
});
