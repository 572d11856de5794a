// MessageFraming (server/src/node/stdioFraming.ts): well-framed input passes unchanged however it is
// cut into chunks; badly framed messages are dropped and reading resumes at the next header.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MessageFraming } from '../../server/src/node/stdioFraming';
import { frame } from '../support/lspClient';

/** Feeds `input` in chunks of the given sizes (cycled) and returns what comes out, and what was skipped. */
async function through(input: Buffer, sizes: number[]): Promise<{ output: Buffer; skipped: string[] }> {
  const skipped: string[] = [];
  const framing = new MessageFraming((bytes, reason) => skipped.push(`${bytes}: ${reason}`));
  const out: Buffer[] = [];
  framing.on('data', (b: Buffer) => out.push(b));
  const ended = new Promise((resolve) => framing.on('end', resolve));
  for (let at = 0, i = 0; at < input.length; i++) {
    const size = sizes[i % sizes.length];
    framing.write(input.subarray(at, at + size));
    at += size;
  }
  framing.end();
  await ended;
  return { output: Buffer.concat(out), skipped };
}

const messages = [
  frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { capabilities: {} } }),
  // Text with multi-byte characters, CR LF and the words of a header inside a JSON string.
  frame({
    jsonrpc: '2.0',
    method: 'textDocument/didOpen',
    params: { textDocument: { uri: 'file:///a.md', text: '## Über\r\nContent-Length: 12\r\n\r\n— “quoted” ✓\n'.repeat(500) } },
  }),
  Buffer.concat([Buffer.from('Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n', 'latin1'), Buffer.from('{}')]),
  frame({ jsonrpc: '2.0', id: 2, method: 'shutdown' }),
];
const good = Buffer.concat(messages);

describe('stdio message framing', () => {
  for (const sizes of [[good.length], [1], [7, 1, 64, 3], [16384], [65536, 5]]) {
    it(`passes well-framed messages unchanged, in chunks of ${sizes.join(', ')} bytes`, async () => {
      const { output, skipped } = await through(good, sizes);
      assert.equal(output.equals(good), true);
      assert.deepEqual(skipped, []);
    });
  }

  it('drops a message whose Content-Length is too long, in any chunking, and keeps the next', async () => {
    const bad = Buffer.from('Content-Length: 900\r\n\r\n{"jsonrpc":"2.0","method":"x"}', 'latin1');
    for (const sizes of [[bad.length + good.length], [1], [5, 11]]) {
      const { output, skipped } = await through(Buffer.concat([bad, good]), sizes);
      assert.equal(output.equals(good), true);
      assert.deepEqual(skipped, [`${bad.length}: a message declared 900 bytes, but the next message starts after 30`]);
    }
  });

  it('skips what a too-short Content-Length leaves, and garbage between messages', async () => {
    const short = Buffer.from('Content-Length: 4\r\n\r\n{"jsonrpc":"2.0","method":"x"}', 'latin1');
    const garbage = Buffer.from('\r\nnot a header at all\r\n', 'latin1');
    const { output, skipped } = await through(Buffer.concat([messages[0], short, messages[3], garbage, messages[3]]), [3]);
    // The too-short message passes with its 4 bytes (not JSON: vscode-jsonrpc drops it), the rest is skipped.
    assert.equal(output.equals(Buffer.concat([messages[0], short.subarray(0, 25), messages[3], messages[3]])), true);
    assert.deepEqual(skipped, ['26: bytes that are not a message header', `${garbage.length}: bytes that are not a message header`]);
  });

  it('keeps waiting for a header that comes in pieces, and for a body that does', async () => {
    const { output, skipped } = await through(messages[1], [1, 2, 3, 5, 8, 13]);
    assert.equal(output.equals(messages[1]), true);
    assert.deepEqual(skipped, []);
  });
});
