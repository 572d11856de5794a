// The core's Host over Node's file system, and the only code of the server and the CLI that touches
// the disk. It decides what is text before holding a file in memory (files over MAX_TEXT_BYTES are
// "too large", files with a NUL byte near the start are "binary"), and what may be read at all.
//
// Symbolic links. Hugo 0.111 follows them everywhere, out of the site too (test/hugo/symlinks.test.ts):
// `assets/includes/etc -> /etc` makes {{% include "includes/etc/passwd" %}} put /etc/passwd on the
// page. This host follows a link only while the real path stays inside the real path of the Hugo
// site that the path (as the core names it) belongs to: the nearest folder above it that is a site
// root by the core's own test (isSiteRoot in core/site.ts). A path that leads out of it is not
// there for exists() and listFiles(), and readFile() answers { kind: 'outside', realPath } without
// opening anything, so the core can say where it leads. A path under no site at all (a
// .career-pages.jsonc above the site root, an include root configured outside the site) is read as
// it is. Loops of links never hang: the OS answers ELOOP for a path, and listFiles() enters each
// link target once per listing (as Hugo's own walk does, so it lists the pages Hugo builds).

import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import { type FileContent, type Host, isInside, isSiteRoot, MAX_TEXT_BYTES } from '../core';

const SNIFF_BYTES = 8000;
/** Opens the real path itself (a link swapped in after the check is not followed) and never waits on a FIFO. */
const OPEN_FLAGS = nodeFs.constants.O_RDONLY | (nodeFs.constants.O_NOFOLLOW ?? 0) | (nodeFs.constants.O_NONBLOCK ?? 0);

/** Converts a platform path to the core's absolute POSIX form (C:\x\y → /C:/x/y on Windows). */
export function toCorePath(p: string): string {
  const abs = path.resolve(p);
  if (path.sep === '/') return abs;
  return '/' + abs.replace(/\\/g, '/');
}

/** Converts a core path back to the platform's form. */
export function fromCorePath(p: string): string {
  if (path.sep === '/') return p;
  return p.replace(/^\/([A-Za-z]:)/, '$1').replace(/\//g, '\\');
}

/** The file-system calls NodeHost makes, on platform paths; each throws Node's errors. Tests replace some (failures, races). */
export interface DiskCalls {
  realpath(p: string): string;
  stat(p: string): nodeFs.Stats;
  /** stat, or undefined when nothing is there (ENOENT), without the cost of an exception. */
  statIfAny(p: string): nodeFs.Stats | undefined;
  lstat(p: string): nodeFs.Stats;
  readlink(p: string): string;
  readdir(p: string): nodeFs.Dirent[];
  open(p: string, flags: number): number;
  fstat(fd: number): nodeFs.Stats;
  read(fd: number, buffer: Buffer, offset: number, length: number, position: number | null): number;
  close(fd: number): void;
}

export const NODE_DISK: DiskCalls = {
  realpath: (p) => nodeFs.realpathSync.native(p),
  stat: (p) => nodeFs.statSync(p),
  statIfAny: (p) => nodeFs.statSync(p, { throwIfNoEntry: false }),
  lstat: (p) => nodeFs.lstatSync(p),
  readlink: (p) => nodeFs.readlinkSync(p),
  readdir: (p) => nodeFs.readdirSync(p, { withFileTypes: true }),
  open: (p, flags) => nodeFs.openSync(p, flags),
  fstat: (fd) => nodeFs.fstatSync(fd),
  read: (fd, buffer, offset, length, position) => nodeFs.readSync(fd, buffer, offset, length, position),
  close: (fd) => nodeFs.closeSync(fd),
};

export interface NodeHostOptions {
  /** Largest file read as text (default MAX_TEXT_BYTES). */
  maxBytes?: number;
  disk?: DiskCalls;
}

/** What readDigest() says: what readFile() would, with a digest of the text's bytes instead of the text. */
export type ContentDigest = Exclude<FileContent, { kind: 'text' }> | { kind: 'digest'; digest: string };

/** Where a path leads on disk. */
type Location =
  /** There, and inside its site: `real` is its platform real path. */
  | { kind: 'inside'; real: string }
  /** Nothing there (or a name no file can have: a NUL, too long). */
  | { kind: 'missing' }
  /** Through a link out of the site (whether or not anything is there): `realPath` is a core path. */
  | { kind: 'outside'; realPath: string }
  /** Something is there that cannot be looked into (a loop of links, no permission). */
  | { kind: 'error'; message: string };

export class NodeHost implements Host {
  private readonly maxBytes: number;
  private readonly disk: DiskCalls;
  /** Folder → the site root above it (only found ones: a site created later is still seen). */
  private readonly siteRoots = new Map<string, string>();

  constructor(options: NodeHostOptions = {}) {
    this.maxBytes = options.maxBytes ?? MAX_TEXT_BYTES;
    this.disk = options.disk ?? NODE_DISK;
  }

  /** A text's version is its stamp as opened (see stamp()), or none when it changed within the last 2 s. */
  readFile(p: string): FileContent | undefined {
    return this.readAs(p, (buf, version) => ({ kind: 'text', text: buf.toString('utf8'), version }));
  }

  /**
   * The stamp of the file a path leads to (device, inode, size, modification and change times), or
   * undefined when no readable file inside the site is there. The same stamp as a read's version
   * means the same bytes, as git's index assumes: every write sets the change time, which no tool
   * can set back. A read within 2 s of the file's last change gets no version, since a second write
   * in the same tick of the file system's clock could leave the stamp as it was. It follows links
   * without asking where they lead (no realpath: a stamp is only ever compared with the version of
   * a read, which made sure; a link put in the file's place since has the inode of what it leads to).
   */
  stamp(p: string): string | undefined {
    if (p.includes('\0')) return undefined;
    try {
      const stat = this.disk.statIfAny(fromCorePath(p));
      return stat?.isFile() ? stampOf(stat) : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * What readFile(p) says, with a text's bytes given to `digest` instead of decoded: the CLI's cache
   * compares contents by digest, and decoding a text it does not parse would be work for nothing.
   */
  readDigest(p: string, digest: (bytes: Buffer) => string): ContentDigest | undefined {
    return this.readAs(p, (buf) => ({ kind: 'digest', digest: digest(buf) }));
  }

  /** A file's bytes given to `text` once its path is known to lead to a readable file inside the site; otherwise why not. */
  private readAs<T>(p: string, text: (buf: Buffer, version: string | undefined) => T): T | Exclude<FileContent, { kind: 'text' }> | undefined {
    const at = this.locate(p);
    switch (at.kind) {
      case 'outside':
        return { kind: 'outside' as const, realPath: at.realPath };
      case 'error':
        return { kind: 'unreadable' as const, message: at.message };
      case 'missing': {
        const target = this.danglingTarget(p);
        return target === undefined ? undefined : { kind: 'unreadable' as const, message: `a symbolic link to ${target}, which does not exist` };
      }
    }
    return this.read(at.real, text);
  }

  exists(p: string): 'file' | 'directory' | undefined {
    // Most paths asked about are not there (the site markers looked for in every folder): one stat
    // says so. Anything else it meets (ENOTDIR, ELOOP, EACCES), locate() describes.
    try {
      if (!p.includes('\0') && this.disk.statIfAny(fromCorePath(p)) === undefined) return undefined;
    } catch {
      // See below.
    }
    // Nothing there and a link out of the site are the same answer here: no need to tell them apart.
    const at = this.locate(p, false);
    if (at.kind === 'error') return 'file';
    if (at.kind !== 'inside') return undefined;
    try {
      const stat = this.disk.stat(at.real);
      return stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : undefined;
    } catch (e) {
      return isGone(e) ? undefined : 'file';
    }
  }

  listFiles(dir: string): string[] {
    const out: string[] = [];
    const start = dir.replace(/\/+$/, '') || '/';
    if (this.locate(start).kind !== 'inside') return out; // not there, or a folder out of the site
    const root = this.siteRootOf(`${start}/.`);
    // (A site root whose real path cannot be had confines to nothing: no link is walked.)
    const realRoot = root === undefined ? undefined : (this.realCorePath(root) ?? '\0');
    // Like Hugo's walk (hugofs/walk.go): the folder links of a folder are decided before any is entered,
    // and each link target is entered once in the whole listing; a loop ends there.
    const entered = new Set<string>();
    const walk = (d: string) => {
      let entries: nodeFs.Dirent[];
      try {
        entries = this.disk.readdir(fromCorePath(d)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      } catch {
        return; // not a folder (or gone): nothing below it
      }
      const folders: string[] = [];
      for (const e of entries) {
        const p = d === '/' ? `/${e.name}` : `${d}/${e.name}`;
        const hidden = e.name.startsWith('.') || e.name === 'node_modules';
        if (e.isDirectory()) {
          if (!hidden) folders.push(p);
        } else if (e.isFile()) out.push(p);
        else if (e.isSymbolicLink()) {
          let target: string;
          let stat: nodeFs.Stats;
          try {
            target = this.disk.realpath(fromCorePath(p));
            stat = this.disk.stat(target);
          } catch {
            out.push(p); // a link to nothing, or a loop: reading it says so
            continue;
          }
          if (stat.isFile()) out.push(p); // wherever it leads: reading it says when that is out of the site
          if (!stat.isDirectory() || hidden) continue;
          const real = toCorePath(target);
          if (realRoot !== undefined && !isInside(realRoot, real)) continue; // out of the site: not walked
          if (entered.has(real)) continue;
          entered.add(real);
          folders.push(p);
        }
      }
      for (const f of folders) walk(f);
    };
    walk(start);
    return out.sort();
  }

  // ---- where a path leads ----------------------------------------------------------------------

  /** Where a path leads; `placeMissing` works out whether a path that is not there would lie outside the site. */
  private locate(p: string, placeMissing = true): Location {
    if (p.includes('\0')) return { kind: 'missing' }; // no file name holds a NUL (and Node would throw)
    const native = fromCorePath(p);
    let real: string;
    try {
      real = this.disk.realpath(native);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENAMETOOLONG') return { kind: 'missing' };
      if (!isGone(e)) return { kind: 'error', message: describeError(e) };
      if (!placeMissing) return { kind: 'missing' };
      // Nothing there; where would it be? Through a link out of the site it is "outside", there or not.
      const would = this.realPathOfMissing(native);
      if (would !== undefined && would !== native && this.leavesSite(p, would)) return { kind: 'outside', realPath: toCorePath(would) };
      return { kind: 'missing' };
    }
    if (real !== native && this.leavesSite(p, real)) return { kind: 'outside', realPath: toCorePath(real) };
    return { kind: 'inside', real };
  }

  /** The real path a missing path would have: its nearest existing folder's real path, and the rest. */
  private realPathOfMissing(native: string): string | undefined {
    const rest: string[] = [];
    let dir = native;
    for (;;) {
      const parent = path.dirname(dir);
      if (parent === dir) return undefined;
      rest.unshift(path.basename(dir));
      dir = parent;
      try {
        return path.join(this.disk.realpath(dir), ...rest);
      } catch (e) {
        if (!isGone(e)) return undefined;
      }
    }
  }

  /** True when `real` (a platform path) is outside the real path of the site that core path `p` belongs to. */
  private leavesSite(p: string, real: string): boolean {
    const root = this.siteRootOf(p);
    if (root === undefined) return false;
    const realRoot = this.realCorePath(root);
    return realRoot === undefined || !isInside(realRoot, toCorePath(real));
  }

  private realCorePath(p: string): string | undefined {
    try {
      return toCorePath(this.disk.realpath(fromCorePath(p)));
    } catch {
      return undefined;
    }
  }

  /** The nearest site root above core path `p`, by the core's test, looking at the disk as it is. */
  private siteRootOf(p: string): string | undefined {
    const walked: string[] = [];
    let dir = p.slice(0, p.lastIndexOf('/')) || '/';
    for (;;) {
      const known = this.siteRoots.get(dir);
      const root = known ?? (isSiteRoot({ exists: (q) => this.plainKind(q) }, dir) ? dir : undefined);
      if (root !== undefined) {
        for (const w of walked) this.siteRoots.set(w, root);
        this.siteRoots.set(dir, root);
        return root;
      }
      walked.push(dir);
      if (dir === '/') return undefined;
      dir = dir.slice(0, dir.lastIndexOf('/')) || '/';
    }
  }

  /** What stat says is at a core path, links followed, nothing checked: for finding site roots. */
  private plainKind(p: string): 'file' | 'directory' | undefined {
    try {
      const stat = this.disk.stat(fromCorePath(p));
      return stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : undefined;
    } catch {
      return undefined;
    }
  }

  /** Where the symbolic link at core path `p` points, when `p` is one and nothing is there. */
  private danglingTarget(p: string): string | undefined {
    if (p.includes('\0')) return undefined;
    const native = fromCorePath(p);
    try {
      if (!this.disk.lstat(native).isSymbolicLink()) return undefined;
      return toCorePath(path.resolve(path.dirname(native), this.disk.readlink(native)));
    } catch {
      return undefined;
    }
  }

  // ---- reading ---------------------------------------------------------------------------------

  private read<T>(real: string, text: (buf: Buffer, version: string | undefined) => T): T | Exclude<FileContent, { kind: 'text' }> | undefined {
    let fd: number;
    try {
      fd = this.disk.open(real, OPEN_FLAGS);
    } catch (e) {
      // With O_NOFOLLOW, ELOOP means a link was put where the checked file was.
      if ((e as NodeJS.ErrnoException).code === 'ELOOP') return { kind: 'unreadable', message: 'ELOOP: it became a symbolic link while being read' };
      return isGone(e) ? undefined : { kind: 'unreadable', message: describeError(e) };
    }
    try {
      const stat = this.disk.fstat(fd);
      if (!stat.isFile()) return undefined; // a folder (or a FIFO, a device) now stands there
      if (stat.size > this.maxBytes) return { kind: 'too-large', size: stat.size };
      const buf = this.readAtMost(fd, stat.size, this.maxBytes + 1);
      if (buf.length > this.maxBytes) return { kind: 'too-large', size: buf.length };
      if (buf.subarray(0, SNIFF_BYTES).includes(0)) return { kind: 'binary', size: buf.length };
      const stamp = stampOf(stat);
      return text(buf, isSettledStamp(stamp) ? stamp : undefined);
    } catch (e) {
      return isGone(e) ? undefined : { kind: 'unreadable', message: describeError(e) };
    } finally {
      this.disk.close(fd);
    }
  }

  /** Up to `limit` bytes from the start of an open file, which may have grown since its size was taken. */
  private readAtMost(fd: number, size: number, limit: number): Buffer {
    let buf = Buffer.alloc(Math.min(size + 1, limit));
    let length = 0;
    for (;;) {
      const n = this.disk.read(fd, buf, length, buf.length - length, length);
      length += n;
      if (n === 0 || length === limit) return buf.subarray(0, length);
      if (length === buf.length) {
        const bigger = Buffer.alloc(Math.min(buf.length * 2, limit));
        buf.copy(bigger);
        buf = bigger;
      }
    }
  }
}

/** Nothing is there (any more): ENOENT, or a path through a file, or a folder where a file was. */
function isGone(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

/** Node's error, without the call and the path ("EACCES: permission denied"). */
function describeError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ELOOP') return 'ELOOP: a loop of symbolic links';
  return String(err.message ?? e).replace(/, \w+ '[\s\S]*'$/, '');
}

/** How long after a file's last change its stamp is not trusted (see NodeHost.stamp). */
const RACY_MS = 2000;

/**
 * True when a stamp taken now (before reading the file) may stand for the bytes then read: the file
 * last changed more than 2 s ago, so a later write cannot share its change time.
 */
export function isSettledStamp(stamp: string, now = Date.now()): boolean {
  const changed = Number(stamp.slice(stamp.lastIndexOf(':') + 1));
  return Number.isFinite(changed) && now - changed >= RACY_MS;
}

function stampOf(stat: nodeFs.Stats): string {
  return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}`;
}
