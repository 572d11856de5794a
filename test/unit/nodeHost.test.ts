// The disk host on real temporary sites: symbolic links out of the site are never read nor walked,
// links inside it are followed (as Hugo does), loops end, names no file can have are "not there",
// and files that cannot be read, vanish, or change while being read give an answer, never a throw
// or a hang. Races and permission errors are made with injected file-system calls (tests run as
// root, where chmod 000 stops nothing).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { NODE_DISK, NodeHost, type DiskCalls } from '../../server/src/node/nodeHost';

const made: string[] = [];
after(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A new folder (at its real path) with `files` (path → text) and `links` (path → target, as written). */
function folder(prefix: string, files: Record<string, string> = {}, links: Record<string, string> = {}): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  made.push(dir);
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  for (const [p, target] of Object.entries(links)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    symlinkSync(target, join(dir, p));
  }
  return dir;
}

/** A Hugo site (hugo.toml, content/, assets/includes/real.md) with more files and links. */
function site(files: Record<string, string> = {}, links: Record<string, string> = {}): string {
  return folder('career-host-site-', { 'hugo.toml': '', 'content/page.md': '# Page\n', 'assets/includes/real.md': '## Real\n', ...files }, links);
}

const outside = folder('career-host-outside-', { 'secret.md': '## Secret\n', 'dir/secret.md': '## Secret in a folder\n' });
const host = new NodeHost();
const text = (t: string) => ({ kind: 'text', text: t });
const withoutVersion = (c: ReturnType<NodeHost['readFile']>) => (c?.kind === 'text' ? { kind: c.kind, text: c.text } : c);
const errno = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('NodeHost: symbolic links out of the site', () => {
  it('a folder link out of the site: nothing below it exists, is read or listed; readFile says where it leads', () => {
    const root = site({}, { 'assets/includes/ext': join(outside, 'dir'), 'assets/includes/etc-link': '/etc' });
    assert.deepEqual(host.readFile(`${root}/assets/includes/ext/secret.md`), { kind: 'outside', realPath: `${outside}/dir/secret.md` });
    assert.deepEqual(host.readFile(`${root}/assets/includes/etc-link/passwd`), { kind: 'outside', realPath: '/etc/passwd' });
    // Missing below the link: still outside (nothing out there is even looked at).
    assert.deepEqual(host.readFile(`${root}/assets/includes/ext/none.md`), { kind: 'outside', realPath: `${outside}/dir/none.md` });
    assert.equal(host.exists(`${root}/assets/includes/ext/secret.md`), undefined);
    assert.equal(host.exists(`${root}/assets/includes/etc-link/passwd`), undefined);
    assert.equal(host.exists(`${root}/assets/includes/ext`), undefined);
    assert.deepEqual(host.listFiles(`${root}/assets/includes/ext`), []);
    assert.deepEqual(host.listFiles(`${root}/assets`), [`${root}/assets/includes/real.md`]);
  });

  it('a file link out of the site: listed (so that reading it reports it), never read', () => {
    const root = site({}, { 'assets/includes/secret.md': join(outside, 'secret.md'), 'content/linked.md': join(outside, 'secret.md') });
    assert.deepEqual(host.readFile(`${root}/assets/includes/secret.md`), { kind: 'outside', realPath: `${outside}/secret.md` });
    assert.equal(host.exists(`${root}/assets/includes/secret.md`), undefined);
    assert.deepEqual(host.listFiles(`${root}/assets`), [`${root}/assets/includes/real.md`, `${root}/assets/includes/secret.md`]);
    assert.deepEqual(host.listFiles(`${root}/content`), [`${root}/content/linked.md`, `${root}/content/page.md`]);
  });

  it('a site folder that is itself a link out of the site (assets -> elsewhere) is outside too', () => {
    const assets = folder('career-host-assets-', { 'includes/x.md': '## X\n' });
    const root = folder('career-host-site-', { 'hugo.toml': '', 'content/page.md': '# Page\n' }, {});
    symlinkSync(assets, join(root, 'assets'));
    assert.deepEqual(host.readFile(`${root}/assets/includes/x.md`), { kind: 'outside', realPath: `${assets}/includes/x.md` });
    assert.deepEqual(host.listFiles(`${root}/assets`), []);
  });
});

describe('NodeHost: symbolic links inside the site are followed, as Hugo does', () => {
  it('to another file of the include folder, to a file elsewhere in the site, through a folder link', () => {
    const root = site(
      { 'notes.md': '## Notes\n', 'assets/shared/x.md': '## Shared\n' },
      {
        'assets/includes/alias.md': 'real.md',
        'assets/includes/notes.md': '../../notes.md',
        'assets/includes/shared': '../shared',
      },
    );
    assert.deepEqual(withoutVersion(host.readFile(`${root}/assets/includes/alias.md`)), text('## Real\n'));
    assert.deepEqual(withoutVersion(host.readFile(`${root}/assets/includes/notes.md`)), text('## Notes\n'));
    assert.deepEqual(withoutVersion(host.readFile(`${root}/assets/includes/shared/x.md`)), text('## Shared\n'));
    assert.equal(host.exists(`${root}/assets/includes/shared`), 'directory');
    assert.equal(host.exists(`${root}/assets/includes/shared/x.md`), 'file');
    assert.deepEqual(host.listFiles(`${root}/assets/includes`), [
      `${root}/assets/includes/alias.md`,
      `${root}/assets/includes/notes.md`,
      `${root}/assets/includes/real.md`,
      `${root}/assets/includes/shared/x.md`,
    ]);
  });

  it('the site reached through a link (a workspace opened by a linked path) reads as usual', () => {
    const root = site();
    const via = join(folder('career-host-via-'), 'site');
    symlinkSync(root, via);
    assert.deepEqual(withoutVersion(host.readFile(`${via}/assets/includes/real.md`)), text('## Real\n'));
    assert.deepEqual(host.listFiles(`${via}/assets`), [`${via}/assets/includes/real.md`]);
  });

  it('a path under no Hugo site is read as it is', () => {
    const loose = folder('career-host-loose-', {}, { 'x.md': join(outside, 'secret.md') });
    assert.deepEqual(withoutVersion(host.readFile(`${loose}/x.md`)), text('## Secret\n'));
  });
});

describe('NodeHost: loops and dangling links', () => {
  it('a loop of file links (a -> b -> a) is an entry that cannot be read', () => {
    const root = site({}, { 'assets/includes/a.md': 'b.md', 'assets/includes/b.md': 'a.md' });
    assert.equal(host.exists(`${root}/assets/includes/a.md`), 'file');
    assert.deepEqual(host.readFile(`${root}/assets/includes/a.md`), { kind: 'unreadable', message: 'ELOOP: a loop of symbolic links' });
    assert.deepEqual(host.listFiles(`${root}/assets`), [`${root}/assets/includes/a.md`, `${root}/assets/includes/b.md`, `${root}/assets/includes/real.md`]);
  });

  it('a loop of folder links (la -> lb -> la): the same for a path through it', () => {
    const root = site({}, { 'assets/includes/la': 'lb', 'assets/includes/lb': 'la' });
    assert.equal(host.exists(`${root}/assets/includes/la/real.md`), 'file');
    assert.deepEqual(host.readFile(`${root}/assets/includes/la/real.md`), { kind: 'unreadable', message: 'ELOOP: a loop of symbolic links' });
    assert.deepEqual(host.listFiles(`${root}/assets`), [`${root}/assets/includes/la`, `${root}/assets/includes/lb`, `${root}/assets/includes/real.md`]);
  });

  it('a folder link to its parent or to itself is entered once, as Hugo walks it (test/hugo/symlinks.test.ts), and the listing ends', () => {
    const root = site({ 'content/sec/s.md': '# S\n' }, { 'content/sec/up': '..', 'content/sec/self': '.' });
    assert.deepEqual(
      host.listFiles(`${root}/content`).map((f) => f.slice(root.length + 1)),
      ['content/page.md', 'content/sec/s.md', 'content/sec/self/s.md', 'content/sec/up/page.md', 'content/sec/up/sec/s.md'],
    );
    assert.deepEqual(withoutVersion(host.readFile(`${root}/content/sec/up/sec/up/sec/s.md`)), text('# S\n'));
  });

  it('a folder already entered through one link is not entered through another (Hugo lists the same pages)', () => {
    const root = site(
      { 'content/d/inner/y.md': '# Y\n', 'content/e/z.md': '# Z\n' },
      { 'content/top': 'd', 'content/d/deep': 'inner', 'content/d/toe': '../e' },
    );
    assert.deepEqual(
      host.listFiles(`${root}/content`).map((f) => f.slice(root.length + 1)),
      ['content/d/deep/y.md', 'content/d/inner/y.md', 'content/d/toe/z.md', 'content/e/z.md', 'content/page.md', 'content/top/inner/y.md'],
    );
  });

  it('a link to nothing is not there, and reading it says where it points', () => {
    const root = site({}, { 'assets/includes/gone.md': 'nowhere.md' });
    assert.equal(host.exists(`${root}/assets/includes/gone.md`), undefined);
    assert.deepEqual(host.readFile(`${root}/assets/includes/gone.md`), {
      kind: 'unreadable',
      message: `a symbolic link to ${root}/assets/includes/nowhere.md, which does not exist`,
    });
    assert.deepEqual(host.listFiles(`${root}/assets`), [`${root}/assets/includes/gone.md`, `${root}/assets/includes/real.md`]);
  });
});

describe('NodeHost: names no file can have, files that cannot be read, races', () => {
  it('a NUL byte, a name over 255 bytes, a path over 4096 bytes: not there, no throw', () => {
    const root = site();
    for (const p of [`${root}/assets/includes/re\u0000al.md`, `${root}/assets/includes/${'x'.repeat(300)}.md`, `${root}/assets/${'y/'.repeat(2100)}x.md`]) {
      assert.equal(host.readFile(p), undefined);
      assert.equal(host.exists(p), undefined);
      assert.deepEqual(host.listFiles(p), []);
    }
  });

  const fifoSkip = spawnSync('mkfifo', ['--version']).status === 0 ? false : 'mkfifo is not installed';
  it('a FIFO is not read (and nothing waits for a writer)', { skip: fifoSkip }, () => {
    const root = site();
    assert.equal(spawnSync('mkfifo', [`${root}/assets/includes/pipe.md`]).status, 0);
    assert.equal(host.readFile(`${root}/assets/includes/pipe.md`), undefined);
    assert.equal(host.exists(`${root}/assets/includes/pipe.md`), undefined);
    assert.deepEqual(host.listFiles(`${root}/assets`), [`${root}/assets/includes/real.md`]);
  });

  it('a file that cannot be opened (EACCES, injected) is unreadable, with the reason', () => {
    const root = site();
    const disk: DiskCalls = {
      ...NODE_DISK,
      open: () => {
        throw errno('EACCES', `EACCES: permission denied, open '${root}/assets/includes/real.md'`);
      },
    };
    const locked = new NodeHost({ disk });
    assert.equal(locked.exists(`${root}/assets/includes/real.md`), 'file');
    assert.deepEqual(locked.readFile(`${root}/assets/includes/real.md`), { kind: 'unreadable', message: 'EACCES: permission denied' });
  });

  const asRoot = process.getuid?.() === 0 ? 'runs as root, where chmod 000 does not stop reads (the injected EACCES above covers it)' : false;
  it('a file with mode 000 is unreadable, with the reason', { skip: asRoot }, () => {
    const root = site();
    chmodSync(`${root}/assets/includes/real.md`, 0);
    assert.deepEqual(host.readFile(`${root}/assets/includes/real.md`), { kind: 'unreadable', message: 'EACCES: permission denied' });
  });

  it('deleted between listing and reading: not there', () => {
    const root = site();
    assert.deepEqual(host.listFiles(`${root}/assets`), [`${root}/assets/includes/real.md`]);
    unlinkSync(`${root}/assets/includes/real.md`);
    assert.equal(host.readFile(`${root}/assets/includes/real.md`), undefined);
  });

  /** A host whose open() first runs `change` on the real path it was about to open. */
  const racing = (change: (real: string) => void, maxBytes?: number) =>
    new NodeHost({
      maxBytes,
      disk: {
        ...NODE_DISK,
        open: (p, flags) => {
          change(p);
          return NODE_DISK.open(p, flags);
        },
      },
    });

  it('deleted after the link check, before it is opened: not there', () => {
    const root = site();
    assert.equal(racing((p) => unlinkSync(p)).readFile(`${root}/assets/includes/real.md`), undefined);
  });

  it('replaced by a folder after the check: not a file, so not there; then exists() says folder', () => {
    const root = site();
    const file = `${root}/assets/includes/real.md`;
    assert.equal(
      racing((p) => {
        unlinkSync(p);
        mkdirSync(p);
      }).readFile(file),
      undefined,
    );
    assert.equal(host.exists(file), 'directory');
    assert.equal(host.readFile(file), undefined);
  });

  it('swapped for a link out of the site after the check: the link is not followed', () => {
    const root = site();
    const swapped = racing((p) => {
      unlinkSync(p);
      symlinkSync(join(outside, 'secret.md'), p);
    }).readFile(`${root}/assets/includes/real.md`);
    assert.deepEqual(swapped, { kind: 'unreadable', message: 'ELOOP: it became a symbolic link while being read' });
  });

  it('grown past the size limit after its size was taken: too large, read no further', () => {
    const root = site();
    let grown = false;
    const disk: DiskCalls = {
      ...NODE_DISK,
      fstat: (fd) => {
        const s = NODE_DISK.fstat(fd);
        if (!grown) {
          grown = true;
          appendFileSync(`${root}/assets/includes/real.md`, 'x'.repeat(100));
        }
        return s;
      },
    };
    assert.deepEqual(new NodeHost({ maxBytes: 20, disk }).readFile(`${root}/assets/includes/real.md`), { kind: 'too-large', size: 21 });
  });
});

describe('NodeHost.readDigest (the CLI cache reads every file this way)', () => {
  it("says what readFile says, with the digest of a text's bytes in place of the text", () => {
    const nowhere = folder('career-host-nothing-');
    const root = site(
      { 'content/bin.md': '\u0000\u0001binary', 'content/big.md': 'x'.repeat(64) },
      { 'assets/includes/out.md': join(outside, 'secret.md'), 'content/none.md': join(nowhere, 'missing.md') },
    );
    const small = new NodeHost({ maxBytes: 32 });
    const digest = (bytes: Buffer) => `${bytes.length}:${bytes.toString('utf8')}`;
    assert.deepEqual(small.readDigest(`${root}/content/page.md`, digest), { kind: 'digest', digest: '7:# Page\n' });
    for (const f of ['content/bin.md', 'content/big.md', 'assets/includes/out.md', 'content/none.md', 'content/absent.md']) {
      const text = small.readFile(`${root}/${f}`);
      assert.deepEqual(small.readDigest(`${root}/${f}`, digest), text?.kind === 'text' ? { kind: 'digest', digest: digest(Buffer.from(text.text)) } : text, f);
    }
    assert.equal(small.readDigest(`${root}/content/absent.md`, digest), undefined);
    assert.equal(small.readDigest(`${root}/assets/includes/out.md`, digest)?.kind, 'outside');
  });
});
