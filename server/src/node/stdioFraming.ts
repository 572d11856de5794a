// The byte stream from a stdio client, passed on only as whole base-protocol messages
// (`Content-Length: N\r\n\r\n` + N bytes). vscode-jsonrpc trusts the header: after one wrong
// Content-Length it reads the rest of that message as the next header and never finds a message
// again, so the server would stay alive but deaf. A client that counts characters instead of UTF-8
// bytes sends exactly that. Here a message whose framing is wrong is dropped (and said so on stderr),
// and reading resumes at the next header:
//  - a header block without a numeric Content-Length, or bytes that are not a header, are skipped up
//    to the next `Content-Length: N\r\n`;
//  - a declared body that contains such a header was too long: it ends there, unread;
//  - a body that was too short leaves bytes that are not a header: skipped as above.
// A header inside a body is unambiguous: JSON can hold raw CR LF only between tokens, and
// `Content-Length` is not a JSON token, so no valid body contains `Content-Length: N` + CR LF.
// Bodies are not parsed here; a body that is not JSON is vscode-jsonrpc's to ignore.

import { Transform, type TransformCallback } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n', 'latin1');
const HEADER_LINE = /^([A-Za-z0-9-]+):[ \t]*(.*)$/;
/** The start of a Content-Length header line, any letter case, with its value and line end. */
const CONTENT_LENGTH_LINE = /content-length:[ \t]*\d+\r\n/i;
/** Longest header block waited for (real ones are under 100 bytes). */
const MAX_HEADER = 4096;
/** Bytes of a body kept to find a header line that straddles two chunks (`Content-Length: ` + digits + CR LF). */
const TAIL = 40;

export class MessageFraming extends Transform {
  /** Bytes not passed on yet, from the start of a header (or of bytes to skip). */
  private buffer: Buffer = Buffer.alloc(0);
  /** While a body longer than the buffer is arriving: its chunks, kept apart (joined once, when complete). */
  private parts: Buffer[] | undefined;
  private partsLength = 0;
  /** The last bytes of that body so far (a header may straddle two chunks). */
  private tail: Buffer = Buffer.alloc(0);
  /** Length of the body being read and where it starts in the buffer (undefined while reading a header). */
  private bodyLength: number | undefined;
  private bodyStart = 0;

  constructor(private readonly skipped: (bytes: number, reason: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.parts) this.collect(chunk);
    else this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    if (!this.parts) this.drain();
    done();
  }

  private drain(): void {
    for (;;) {
      if (this.bodyLength === undefined) {
        if (!this.readHeader()) return;
        continue;
      }
      const end = this.bodyStart + this.bodyLength;
      const next = findHeader(this.buffer, this.bodyStart, Math.min(this.buffer.length, end));
      if (next >= 0) {
        this.tooLong(next);
        continue;
      }
      if (this.buffer.length < end) {
        // The rest of the body is still coming: collect its chunks without copying the buffer each time.
        this.parts = [this.buffer];
        this.partsLength = this.buffer.length;
        this.tail = this.buffer.subarray(Math.max(this.bodyStart, this.buffer.length - TAIL));
        return;
      }
      this.push(this.buffer.subarray(0, end));
      this.buffer = this.buffer.subarray(end);
      this.bodyLength = undefined;
    }
  }

  /** A chunk of a body that is still arriving. */
  private collect(chunk: Buffer): void {
    const parts = this.parts!;
    const end = this.bodyStart + this.bodyLength!;
    // Search the new chunk, after the last bytes of the body before it.
    const probe = Buffer.concat([this.tail, chunk]);
    const offset = this.partsLength - this.tail.length;
    const next = findHeader(probe, 0, Math.min(probe.length, end - offset));
    parts.push(chunk);
    this.partsLength += chunk.length;
    this.tail = probe.subarray(Math.max(0, probe.length - TAIL));
    if (next < 0 && this.partsLength < end) return;
    this.buffer = Buffer.concat(parts, this.partsLength);
    this.parts = undefined;
    if (next >= 0) this.tooLong(offset + next);
  }

  private tooLong(next: number): void {
    this.skip(next, `a message declared ${this.bodyLength} bytes, but the next message starts after ${next - this.bodyStart}`);
  }

  /** Reads the header block at the start of the buffer; false when more bytes are needed. */
  private readHeader(): boolean {
    const end = this.buffer.indexOf(HEADER_END);
    const block = this.buffer.subarray(0, end < 0 ? Math.min(this.buffer.length, MAX_HEADER) : end).toString('latin1');
    const lines = block.split('\r\n');
    // While waiting for the end of the header, the lines so far must be header lines.
    const complete = end < 0 ? lines.slice(0, -1) : lines;
    const wellFormed = complete.every((l) => HEADER_LINE.test(l)) && (end >= 0 || this.buffer.length < MAX_HEADER);
    if (end < 0 && wellFormed) return false;
    let length: number | undefined;
    if (end >= 0 && wellFormed) {
      for (const line of lines) {
        const [, name, value] = HEADER_LINE.exec(line)!;
        if (name.toLowerCase() === 'content-length' && /^\d+\s*$/.test(value)) length = Number.parseInt(value, 10);
      }
    }
    if (length === undefined) {
      const next = findHeader(this.buffer, 1, this.buffer.length);
      if (next < 0) {
        // Nothing to resume at yet: keep a tail that may be the start of the next header.
        const keep = Math.min(this.buffer.length, 64);
        this.skip(this.buffer.length - keep, 'bytes that are not a message header');
        return false;
      }
      this.skip(next, end >= 0 && wellFormed ? 'a message header without a Content-Length' : 'bytes that are not a message header');
      return true;
    }
    this.bodyStart = end + HEADER_END.length;
    this.bodyLength = length;
    return true;
  }

  private skip(bytes: number, reason: string): void {
    this.buffer = this.buffer.subarray(bytes);
    this.bodyLength = undefined;
    if (bytes > 0) this.skipped(bytes, reason);
  }
}

/** Offset of the first `Content-Length: N\r\n` line starting in [from, to), or -1. */
function findHeader(buffer: Buffer, from: number, to: number): number {
  if (to - from < 1) return -1;
  // latin1 keeps one character per byte, so string offsets are byte offsets.
  const text = buffer.toString('latin1', from, Math.min(buffer.length, to + 40));
  const m = CONTENT_LENGTH_LINE.exec(text);
  return m && m.index < to - from ? from + m.index : -1;
}
