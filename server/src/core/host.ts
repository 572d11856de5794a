// The only door between the core and the outside world. The language server implements it over the
// file system plus its open documents; the CLI over the file system; tests over an in-memory map.
// Paths are absolute POSIX paths (see paths.ts).

/** What reading a file gave. A host decides what is binary or too large before holding it all in memory. */
export type FileContent =
  | { kind: 'text'; text: string; version?: number | string }
  | { kind: 'binary'; size: number }
  | { kind: 'too-large'; size: number }
  | { kind: 'unreadable'; message: string };

export interface Host {
  /** The file's content, or undefined when there is no such file. */
  readFile(path: string): FileContent | undefined;
  /** 'file', 'directory', or undefined when nothing is there. */
  exists(path: string): 'file' | 'directory' | undefined;
  /** Every file below `dir` (recursively), absolute paths, skipping dot-folders and node_modules. */
  listFiles(dir: string): string[];
}

/** Largest file the core reads as text; larger ones get a diagnostic instead of a hang. */
export const MAX_TEXT_BYTES = 4 * 1024 * 1024;

/** A host over an in-memory map of path → text. Used by tests and by anything that lints text it holds. */
export class MemoryHost implements Host {
  private readonly files = new Map<string, FileContent>();

  constructor(files: Record<string, string> = {}) {
    for (const [p, text] of Object.entries(files)) this.set(p, text);
  }

  set(path: string, text: string | FileContent): void {
    this.files.set(path, typeof text === 'string' ? { kind: 'text', text } : text);
  }

  delete(path: string): void {
    this.files.delete(path);
  }

  readFile(path: string): FileContent | undefined {
    return this.files.get(path);
  }

  exists(path: string): 'file' | 'directory' | undefined {
    if (this.files.has(path)) return 'file';
    const prefix = path.endsWith('/') ? path : path + '/';
    for (const p of this.files.keys()) if (p.startsWith(prefix)) return 'directory';
    return undefined;
  }

  listFiles(dir: string): string[] {
    const prefix = dir.endsWith('/') ? dir : dir + '/';
    return [...this.files.keys()]
      .filter((p) => p.startsWith(prefix) && !isHiddenBelow(p.slice(prefix.length)))
      .sort();
  }
}

/** True when a relative path passes through a dot-folder or node_modules (its file name does not count). */
export function isHiddenBelow(relative: string): boolean {
  const dirs = relative.split('/').slice(0, -1);
  return dirs.some((d) => d.startsWith('.') || d === 'node_modules');
}
