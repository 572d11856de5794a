// When open documents are checked again. A burst of changes (1,000 queued didChange notifications,
// a client replaying its edits) costs one check of the latest text, not one per version.
//
// vscode-jsonrpc hands over one queued message per event-loop turn (setImmediate), so a check
// scheduled for "the next turn" would run between every two messages of a burst. Instead the queue
// waits for one turn in which nothing new was added: a lone keystroke is checked one turn later
// (microseconds), a burst once it is over. During a burst that goes on, it checks anyway once the
// oldest waiting change is `maxDelayMs` old, so diagnostics never starve.

import { nextTurn } from './nextTurn';

export interface ValidationQueueOptions {
  /** Checks one document (by URI); called with the URIs in the order they were first added. */
  validate(uri: string): void;
  /** The longest a change waits while changes keep coming (ms, default 100). */
  maxDelayMs?: number;
  /** For tests: the clock and the next-turn scheduler (default Date.now and nextTurn.ts, the connection's own scheduler). */
  now?: () => number;
  nextTurn?: (run: () => void) => void;
}

export class ValidationQueue {
  private readonly pending = new Set<string>();
  /** Something was added since the last turn looked. */
  private addedSinceTurn = false;
  private armed = false;
  /** When the oldest pending URI was added. */
  private oldest = 0;
  private readonly maxDelayMs: number;
  private readonly now: () => number;
  private readonly nextTurn: (run: () => void) => void;

  constructor(private readonly options: ValidationQueueOptions) {
    this.maxDelayMs = options.maxDelayMs ?? 100;
    this.now = options.now ?? Date.now;
    this.nextTurn = options.nextTurn ?? nextTurn;
  }

  add(uris: Iterable<string>): void {
    let added = false;
    for (const uri of uris) {
      if (!this.pending.size) this.oldest = this.now();
      this.pending.add(uri);
      added = true;
    }
    if (!added) return;
    this.addedSinceTurn = true;
    if (!this.armed) {
      this.armed = true;
      this.nextTurn(this.turn);
    }
  }

  /** URIs waiting to be checked. */
  get size(): number {
    return this.pending.size;
  }

  private readonly turn = (): void => {
    if (this.addedSinceTurn && this.now() - this.oldest < this.maxDelayMs) {
      // Still busy: look again next turn.
      this.addedSinceTurn = false;
      this.nextTurn(this.turn);
      return;
    }
    this.armed = false;
    this.addedSinceTurn = false;
    const batch = [...this.pending];
    this.pending.clear();
    for (const uri of batch) this.options.validate(uri);
  };
}
