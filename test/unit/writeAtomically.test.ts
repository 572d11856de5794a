// writeAtomically (node/summaryFiles.ts), which the persisted index and the CLI's cache write
// through: the parts, buffers and strings (as UTF-8), one after the other, in a file that appears
// whole or not at all.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { writeAtomically } from '../../server/src/node/summaryFiles';

describe('writeAtomically', () => {
  it('writes buffers and strings in order, strings as UTF-8, and leaves no temporary file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'career-write-'));
    try {
      const file = path.join(dir, 'sub', 'index.bin');
      const long = `${'é'.repeat(40_000)}😀`;
      assert.equal(writeAtomically(file, [Buffer.from('head\n'), 'naïve ', Buffer.from([0, 1, 2]), long, '']), undefined);
      const bytes = readFileSync(file);
      assert.deepEqual(bytes, Buffer.concat([Buffer.from('head\n'), Buffer.from('naïve ', 'utf8'), Buffer.from([0, 1, 2]), Buffer.from(long, 'utf8')]));
      assert.equal(bytes.length, 5 + 7 + 3 + 80_004);
      assert.deepEqual(readdirSync(path.dirname(file)), ['index.bin']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('replaces an existing file, and says why when it cannot write', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'career-write-'));
    try {
      const file = path.join(dir, 'index.bin');
      writeFileSync(file, 'old');
      assert.equal(writeAtomically(file, ['new']), undefined);
      assert.equal(readFileSync(file, 'utf8'), 'new');
      const blocked = path.join(file, 'below-a-file.bin');
      // (mkdir of the folder meets the file: EEXIST.)
      assert.equal((writeAtomically(blocked, ['x']) as NodeJS.ErrnoException).code, 'EEXIST');
      assert.equal(readFileSync(file, 'utf8'), 'new');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
