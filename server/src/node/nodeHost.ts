// The core's Host over Node's file system. Decides what is text before holding a file in memory:
// files over MAX_TEXT_BYTES are "too large", files with a NUL byte near the start are "binary".

import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_TEXT_BYTES, type FileContent, type Host } from '../core/host';

const SNIFF_BYTES = 8000;

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

export class NodeHost implements Host {
  constructor(private readonly maxBytes = MAX_TEXT_BYTES) {}

  readFile(p: string): FileContent | undefined {
    const native = fromCorePath(p);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(native, { throwIfNoEntry: false });
    } catch (e) {
      return { kind: 'unreadable', message: (e as Error).message };
    }
    if (!stat || !stat.isFile()) return undefined;
    if (stat.size > this.maxBytes) return { kind: 'too-large', size: stat.size };
    let buf: Buffer;
    try {
      buf = fs.readFileSync(native);
    } catch (e) {
      return { kind: 'unreadable', message: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
    }
    if (buf.subarray(0, SNIFF_BYTES).includes(0)) return { kind: 'binary', size: buf.length };
    return { kind: 'text', text: buf.toString('utf8'), version: stat.mtimeMs };
  }

  exists(p: string): 'file' | 'directory' | undefined {
    const stat = fs.statSync(fromCorePath(p), { throwIfNoEntry: false });
    if (!stat) return undefined;
    return stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : undefined;
  }

  listFiles(dir: string): string[] {
    const out: string[] = [];
    const walk = (d: string) => {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(fromCorePath(d), { withFileTypes: true });
      } catch {
        return; // not a folder (or gone): nothing below it
      }
      for (const e of entries) {
        if (e.isDirectory()) {
          if (e.name.startsWith('.') || e.name === 'node_modules') continue;
          walk(`${d}/${e.name}`);
        } else if (e.isFile()) out.push(`${d}/${e.name}`);
      }
    };
    walk(dir.replace(/\/+$/, '') || '/');
    return out.sort();
  }
}
