// Index entries on disk, as the two stores that keep them across runs write them (career-lint's
// --cache, cli/cache.ts, and the language server's persisted index, node/indexStore.ts): an entry's
// headings, links and anchors as one compact slice of JSON, read back only when something asks for
// them; and files written whole or not at all.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeSummaryParts, encodeSummaryParts, type PageSummary, type SummaryParts } from '../core';

/** What a slice holds. */
export type Slices = SummaryParts;

/** Writes a file by renaming a complete temporary file over it; the error when it cannot. */
export function writeAtomically(file: string, parts: (Buffer | string)[]): unknown {
  const temp = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fd = fs.openSync(temp, 'w');
    try {
      // No fsync: a file cut short by a crash fails its checksum and is ignored. Part by part (a
      // string as UTF-8): a saved index is thousands of parts, which one buffer would hold twice.
      for (const part of parts) {
        if (typeof part !== 'string') writeAll(fd, part);
        else {
          // Node encodes a string into memory it frees at once (a Buffer would wait for a collection).
          const written = fs.writeSync(fd, part);
          if (written < Buffer.byteLength(part)) writeAll(fd, Buffer.from(part).subarray(written));
        }
      }
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
    return undefined;
  } catch (e) {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // Nothing was left behind, or it cannot be removed either.
    }
    return e;
  }
}

/** Writes all of `bytes` (a write may take fewer). */
function writeAll(fd: number, bytes: Buffer): void {
  for (let at = 0; at < bytes.length; ) at += fs.writeSync(fd, bytes, at, bytes.length - at);
}

/** An entry's headings, links and anchors as compact JSON (the core's encoding, which lazy entries keep). */
export function encodeSlice(page: PageSummary): string {
  return encodeSummaryParts(page);
}

/** What encodeSlice wrote, for the page `file`. */
export function parseSlice(file: string, text: string): Slices {
  return decodeSummaryParts(file, text);
}
