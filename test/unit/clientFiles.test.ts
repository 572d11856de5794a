// The language server's host over the files the extension sends (lsp/clientFiles.ts, the browser's
// and a virtual workspace's): URIs of every scheme as core paths and back, the snapshot as a Host,
// changes before and after the first listing, folders deleted, files read on demand; and how bytes
// become content (lsp/workspaceFilesProtocol.ts), as NodeHost decides it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_TEXT_BYTES } from '../../server/src/core';
import { ClientFiles, type ClientFilesConnection, FileSnapshot, NOT_READ_YET } from '../../server/src/lsp/clientFiles';
import { pathToUri, uriToPath } from '../../server/src/lsp/convert';
import type { DiskChange } from '../../server/src/lsp/server';
import {
  contentOfBytes,
  FILES_CHANGED,
  type FilesChangedParams,
  isExcluded,
  MAX_FILE_BYTES,
  READ_FILES,
  readWithListing,
  WORKSPACE_FILES,
} from '../../server/src/lsp/workspaceFilesProtocol';

describe('URIs and core paths', () => {
  const cases: [string, string | undefined, string?][] = [
    ['file:///home/a/site/content/x.md', '/home/a/site/content/x.md'],
    ['file:///home/a/my%20site/a%23b.md', '/home/a/my site/a#b.md'],
    ['file:///home/a/site/../b/', '/home/a/b', 'file:///home/a/b'],
    ['file:///C:/Users/a/site/x.md', '/c:/Users/a/site/x.md', 'file:///c%3A/Users/a/site/x.md'],
    ['vscode-vfs://github/acme/handbook/content/x.md', '/vscode-vfs:github/acme/handbook/content/x.md'],
    ['vscode-vfs://github%2Bref/acme/handbook/a%20b.md', '/vscode-vfs:github+ref/acme/handbook/a b.md'],
    ['vscode-remote://127.0.0.1:8080/work/site/x.md', '/vscode-remote:127.0.0.1:8080/work/site/x.md'],
    ['vscode-test-web://mount/content/x.md', '/vscode-test-web:mount/content/x.md'],
    ['memfs:/site/content/x.md', '/memfs:/site/content/x.md'],
    ['untitled:Untitled-1', undefined],
  ];
  for (const [uri, path, back = uri] of cases) {
    it(`${uri} ↔ ${path}`, () => {
      assert.equal(uriToPath(uri), path);
      if (path) assert.equal(pathToUri(path), back);
    });
  }

  it('keeps each workspace folder a tree of its own: a folder is the parent of its files, never of another scheme', () => {
    assert.equal(uriToPath('vscode-vfs://github/acme/handbook'), '/vscode-vfs:github/acme/handbook');
    assert.equal(uriToPath('vscode-vfs://gitlab/acme/handbook/x.md'), '/vscode-vfs:gitlab/acme/handbook/x.md');
    assert.equal(pathToUri('/vscode-vfs:github/acme'), 'vscode-vfs://github/acme');
    assert.equal(pathToUri('/memfs:'), 'memfs:/');
  });
});

describe('how bytes become content (as NodeHost decides)', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it('text keeps its byte order mark; bytes that are not UTF-8 read as U+FFFD', () => {
    assert.deepEqual(contentOfBytes(bytes('\uFEFF# T\r\n')), { kind: 'text', text: '\uFEFF# T\r\n' });
    assert.deepEqual(contentOfBytes(new Uint8Array([0x61, 0xe9, 0x62])), { kind: 'text', text: 'a\uFFFDb' });
  });
  it('a NUL in the first 8000 bytes is binary, after them text; over 4 MiB too large', () => {
    assert.deepEqual(contentOfBytes(new Uint8Array([0x50, 0x4e, 0x47, 0])), { kind: 'binary', size: 4 });
    const late = new Uint8Array(8001).fill(0x61);
    late[8000] = 0;
    assert.equal(contentOfBytes(late).kind, 'text');
    assert.equal(MAX_FILE_BYTES, MAX_TEXT_BYTES);
    assert.deepEqual(contentOfBytes(new Uint8Array(MAX_FILE_BYTES + 1)), { kind: 'too-large', size: MAX_FILE_BYTES + 1 });
  });
  it('sends with the listing what the core reads; lists nothing in dot-folders or node_modules', () => {
    const paths = [
      '/s/content/a.md',
      '/s/content/b.markdown',
      '/s/.career-pages.jsonc',
      '/s/.hugolint.yaml',
      '/s/hugo.toml',
      '/s/config.yaml',
      '/s/config/_default/params.toml',
      '/s/config/production/hugo.json',
      '/s/layouts/shortcodes/alert.html',
      '/s/themes/t/layouts/_shortcodes/x.html',
      '/s/assets/images/logo.png',
      '/s/assets/includes/table.html',
      '/s/static/data.json',
      '/s/layouts/partials/head.html',
    ];
    assert.deepEqual(paths.filter(readWithListing), paths.slice(0, 10));
    assert.deepEqual(['/content/a.md', '/.git/config', '/node_modules/x/a.md', '/content/.hidden/a.md', '/.career-pages.jsonc'].map(isExcluded), [
      false,
      true,
      true,
      true,
      false,
    ]);
  });
});

describe('FileSnapshot (the Host)', () => {
  const text = (t: string) => ({ kind: 'text' as const, text: t });
  const snapshot = () => {
    const s = new FileSnapshot();
    s.set('/w/site/hugo.toml', text('title = "x"'));
    s.set('/w/site/content/a.md', text('# A'));
    s.set('/w/site/content/sub/b.md', text('# B'));
    s.set('/w/site/content/.drafts/c.md', text('# C'));
    s.set('/w/site/assets/logo.png', undefined);
    return s;
  };

  it('answers exists, readFile and listFiles from what it holds', () => {
    const s = snapshot();
    assert.deepEqual(
      ['/w/site', '/w/site/content', '/w/site/content/a.md', '/w/site/content/sub', '/w/site/nothing', '/w/sit'].map((p) => s.exists(p)),
      ['directory', 'directory', 'file', 'directory', undefined, undefined],
    );
    assert.deepEqual(s.readFile('/w/site/content/a.md'), text('# A'));
    assert.equal(s.readFile('/w/site/content/z.md'), undefined);
    assert.deepEqual(s.listFiles('/w/site/content'), ['/w/site/content/a.md', '/w/site/content/sub/b.md']);
    assert.deepEqual(s.listFiles('/w/site/content/'), ['/w/site/content/a.md', '/w/site/content/sub/b.md']);
    assert.deepEqual(s.listFiles('/w/site/content/.drafts'), ['/w/site/content/.drafts/c.md']);
    assert.deepEqual(s.listFiles('/w/site/con'), []);
    assert.equal(s.set('/w/site/content', text('')), false, 'a folder is not replaced by a file');
  });

  it('a file listed without content is unreadable once and asked for', () => {
    const s = snapshot();
    const asked: string[] = [];
    s.onUnread = (p) => asked.push(p);
    assert.deepEqual(s.readFile('/w/site/assets/logo.png'), { kind: 'unreadable', message: NOT_READ_YET });
    assert.deepEqual(asked, ['/w/site/assets/logo.png']);
    assert.equal(s.exists('/w/site/assets/logo.png'), 'file');
  });

  it('deleting a folder removes every file below it, and the folders left empty', () => {
    const s = snapshot();
    assert.deepEqual(s.delete('/w/site/content'), ['/w/site/content/.drafts/c.md', '/w/site/content/a.md', '/w/site/content/sub/b.md']);
    assert.deepEqual([s.exists('/w/site/content'), s.exists('/w/site/content/sub'), s.exists('/w/site')], [undefined, undefined, 'directory']);
    assert.deepEqual(s.delete('/w/site/content'), []);
    assert.deepEqual(s.listFiles('/w'), ['/w/site/assets/logo.png', '/w/site/hugo.toml']);
  });
});

/** A connection whose client answers as the test says, recording what was asked. */
function fakeClient(answer: (method: string, params: unknown) => unknown) {
  const asked: [string, unknown][] = [];
  let notify: ((p: FilesChangedParams) => void) | undefined;
  const connection: ClientFilesConnection = {
    sendRequest: async <R>(method: string, params: unknown) => {
      asked.push([method, params]);
      return answer(method, params) as R;
    },
    onNotification: (method, handler) => {
      assert.equal(method, FILES_CHANGED);
      notify = handler;
    },
  };
  return { connection, asked, send: (p: FilesChangedParams) => notify!(p) };
}

const ROOT = 'vscode-vfs://github/acme/site';
const text = (t: string) => ({ kind: 'text' as const, text: t });

describe('ClientFiles (the snapshot filled by the client)', () => {
  it('asks once for the files; changes that come first are applied on top, unreported', async () => {
    let release: () => void = () => undefined;
    const listed = new Promise<void>((r) => (release = r));
    const client = fakeClient(() =>
      listed.then(() => ({
        files: [
          { uri: `${ROOT}/content/a.md`, content: text('old') },
          { uri: `${ROOT}/content/b.md`, content: text('b') },
        ],
      })),
    );
    const files = new ClientFiles(client.connection);
    const reported: DiskChange[][] = [];
    files.onDidChange((c) => reported.push(c));
    const ready = files.ready();
    assert.equal(files.ready(), ready);
    client.send({ changes: [{ uri: `${ROOT}/content/a.md`, type: 'changed', content: text('new') }] });
    client.send({ changes: [{ uri: `${ROOT}/content/b.md`, type: 'deleted' }] });
    release();
    await ready;
    assert.deepEqual(client.asked, [[WORKSPACE_FILES, {}]]);
    assert.deepEqual(files.host.readFile('/vscode-vfs:github/acme/site/content/a.md'), text('new'));
    assert.equal(files.host.exists('/vscode-vfs:github/acme/site/content/b.md'), undefined);
    assert.deepEqual(reported, []);
  });

  it('reports each later change per file: created or changed as the snapshot knew it, a folder deleted as its files', async () => {
    const client = fakeClient(() => ({ files: [{ uri: `${ROOT}/assets/includes/x.md`, content: text('x') }, { uri: `${ROOT}/assets/includes/y.md` }] }));
    const files = new ClientFiles(client.connection);
    const reported: DiskChange[][] = [];
    files.onDidChange((c) => reported.push(c));
    await files.ready();
    client.send({
      changes: [
        { uri: `${ROOT}/assets/includes/x.md`, type: 'created', content: text('x2') },
        { uri: `${ROOT}/content/new.md`, type: 'changed', content: text('n') },
        { uri: `${ROOT}/assets`, type: 'deleted' },
        { uri: 'untitled:Untitled-1', type: 'changed' },
      ],
    });
    const p = '/vscode-vfs:github/acme/site';
    assert.deepEqual(reported, [
      [
        { path: `${p}/assets/includes/x.md`, kind: 'changed' },
        { path: `${p}/content/new.md`, kind: 'created' },
        { path: `${p}/assets/includes/x.md`, kind: 'deleted' },
        { path: `${p}/assets/includes/y.md`, kind: 'deleted' },
      ],
    ]);
    assert.deepEqual(files.host.listFiles(p), [`${p}/content/new.md`]);
  });

  it('reports a change that changes nothing never (the watcher and VS Code both tell of one write)', async () => {
    const config = `${ROOT}/.career-pages.jsonc`;
    const client = fakeClient(() => ({ files: [] }));
    const files = new ClientFiles(client.connection);
    const reported: DiskChange[][] = [];
    files.onDidChange((c) => reported.push(c));
    await files.ready();
    for (let i = 0; i < 2; i++) client.send({ changes: [{ uri: config, type: i ? 'changed' : 'created', content: text('{}') }] });
    for (let i = 0; i < 2; i++) client.send({ changes: [{ uri: config, type: 'deleted' }] });
    assert.deepEqual(reported, [
      [{ path: '/vscode-vfs:github/acme/site/.career-pages.jsonc', kind: 'created' }],
      [{ path: '/vscode-vfs:github/acme/site/.career-pages.jsonc', kind: 'deleted' }],
    ]);
  });

  it('reads files listed without content on demand, in one request, and reports them changed (or deleted when gone)', async () => {
    const logo = `${ROOT}/assets/logo.svg`;
    const gone = `${ROOT}/assets/gone.svg`;
    const client = fakeClient((method, params) => {
      if (method === WORKSPACE_FILES) return { files: [{ uri: logo }, { uri: gone }] };
      assert.equal(method, READ_FILES);
      assert.deepEqual(params, { uris: [logo, gone] });
      return { files: [{ uri: logo, content: text('<svg/>') }] };
    });
    const files = new ClientFiles(client.connection);
    await files.ready();
    const reported = new Promise<DiskChange[]>((resolve) => files.onDidChange(resolve));
    const p = '/vscode-vfs:github/acme/site/assets';
    assert.deepEqual(files.host.readFile(`${p}/logo.svg`), { kind: 'unreadable', message: NOT_READ_YET });
    assert.deepEqual(files.host.readFile(`${p}/gone.svg`), { kind: 'unreadable', message: NOT_READ_YET });
    files.host.readFile(`${p}/logo.svg`); // asked once
    assert.deepEqual(await reported, [
      { path: `${p}/logo.svg`, kind: 'changed' },
      { path: `${p}/gone.svg`, kind: 'deleted' },
    ]);
    assert.deepEqual(files.host.readFile(`${p}/logo.svg`), text('<svg/>'));
    assert.equal(client.asked.filter(([m]) => m === READ_FILES).length, 1);
  });

  it('a client that cannot list the files leaves an empty snapshot and says so', async () => {
    const logs: string[] = [];
    const files = new ClientFiles(fakeClient(() => Promise.reject(new Error('Unhandled method careerPages/workspaceFiles'))).connection, (m) => logs.push(m));
    await files.ready();
    assert.deepEqual(logs, [
      "Career Pages could not get the workspace's files from the editor; only open documents are checked: Unhandled method careerPages/workspaceFiles",
    ]);
    assert.equal(files.host.size, 0);
  });
});
