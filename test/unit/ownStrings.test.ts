// own() (core/text.ts): what the index and the residual models keep of a page's strings keeps
// nothing else alive. A plain substring of 13 characters or more keeps the whole string it was cut
// from (the control below), which is how the index once held every page's text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { own } from '../../server/src/core/text';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap growth (MB) after keeping `keep` of a 1 MB two-byte text, 40 times. */
function retainedMB(keep: (s: string) => string): { mb: number; kept: string[] } {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept: string[] = [];
  for (let k = 0; k < 40; k++) {
    // A text of its own each time (a page), with a character above U+00FF so that V8 stores it in two bytes per character.
    const text = `${Array.from({ length: 500_000 }, (_, i) => String.fromCharCode(97 + ((i * 7 + k) % 26))).join('')}’${k}`;
    kept.push(keep(text.slice(1000 + k, 1040 + k)));
  }
  gc();
  gc();
  return { mb: (process.memoryUsage().heapUsed - before) / 1e6, kept };
}

describe('own()', () => {
  it('keeps the characters, not the text they were cut from', () => {
    const control = retainedMB((s) => s);
    const owned = retainedMB(own);
    // 40 texts of 1 MB each: the views keep them all; the owned strings keep 40 × 40 characters.
    assert.ok(control.mb > 30, `control: the plain substrings keep ${control.mb.toFixed(1)} MB`);
    assert.ok(owned.mb < 2, `own() keeps ${owned.mb.toFixed(1)} MB`);
    assert.deepEqual(owned.kept, control.kept);
    assert.equal(owned.kept[3], 'elszgnubipwdkryfmtahovcjqxelszgnubipwdkr');
  });

  it('gives back an equal string, whatever its length', () => {
    for (const s of ['', 'a', '0', '123', '__proto__', 'constructor', 'x'.repeat(12), 'y'.repeat(13), `/handbook/${'z'.repeat(500)}/#a`]) {
      assert.equal(own(`${s}!`.slice(0, -1)), s);
    }
  });
});
