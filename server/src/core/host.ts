// The only door between the core and the outside world. The language server implements it over the
// file system plus its open documents; the CLI over the file system; tests over an in-memory map.
// Paths are absolute POSIX paths (see paths.ts).
//
// Symbolic links: a host never reads, nor lists the inside of, anything whose real path lies
// outside the Hugo site the path belongs to (see nodeHost.ts for how the disk host decides). Such a
// path is not there for exists() and listFiles(); readFile() says where it leads ('outside'), so the
// core can tell the author why, without anything having been read.

/** What reading a file gave. A host decides what is binary or too large before holding it all in memory. */
export type FileContent =
  | { kind: 'text'; text: string; version?: number | string }
  | { kind: 'binary'; size: number }
  | { kind: 'too-large'; size: number }
  /** It cannot be read: `message` says why, briefly (e.g. "EACCES: permission denied"). */
  | { kind: 'unreadable'; message: string }
  /** The path leads through a symbolic link to `realPath`, outside the site: nothing was read. */
  | { kind: 'outside'; realPath: string };

export interface Host {
  /**
   * The file's content, or undefined when there is no such file. Also answers, without reading
   * anything, for paths that exists() does not see: 'outside' for a link out of the site,
   * 'unreadable' for a link to nothing.
   */
  readFile(path: string): FileContent | undefined;
  /**
   * 'file', 'directory', or undefined when nothing is there that may be read (a link out of the site
   * included). 'file' also for an entry that cannot be looked into (a loop of links, no permission):
   * readFile says why.
   */
  exists(path: string): 'file' | 'directory' | undefined;
  /**
   * Every file below `dir` (recursively), absolute paths, skipping dot-folders and node_modules.
   * Folders reached through symbolic links are walked when they lie inside the site, each link
   * target once per listing (so loops end); links to files are listed whatever they lead to, so
   * that reading them reports them.
   */
  listFiles(dir: string): string[];
  /**
   * Optional: the names of the entries of the folder `dir`, or undefined when it cannot be listed.
   * Only ever used to skip exists() calls for names a folder does not hold (site roots are looked for
   * in every folder of a site: one listing instead of ten look-ups), so a host may leave it out.
   */
  entryNames?(dir: string): string[] | undefined;
}

/** Why a file cannot be checked, as the end of a sentence ("This file is not checked: …"). */
export function describeUnreadable(content: FileContent, expected = 'Markdown text'): string {
  switch (content.kind) {
    case 'binary':
      return `it is a binary file (${content.size} bytes), not ${expected}`;
    case 'too-large':
      return `it is too large to check (${(content.size / 1024 / 1024).toFixed(1)} MB)`;
    case 'unreadable':
      return `it cannot be read (${content.message})`;
    case 'outside':
      return `it leads through a symbolic link to ${content.realPath}, outside the site, and files outside the site are never read`;
    default:
      return 'it cannot be read';
  }
}

/** Largest file the core reads as text; larger ones get a diagnostic instead of a hang. */
export const MAX_TEXT_BYTES = 4 * 1024 * 1024;

/** A host over an in-memory map of path → text. Used by tests and by anything that lints text it holds. */
export class MemoryHost implements Host {
  private readonly files = new Map<string, FileContent>();
  /** Folders that are symbolic links out of the site → where they lead. */
  private readonly outsideFolders = new Map<string, string>();

  constructor(files: Record<string, string> = {}) {
    for (const [p, text] of Object.entries(files)) this.set(p, text);
  }

  set(path: string, text: string | FileContent): void {
    this.files.set(path, typeof text === 'string' ? { kind: 'text', text } : text);
  }

  delete(path: string): void {
    this.files.delete(path);
  }

  /**
   * Makes `path` a folder that is a symbolic link out of the site, to `realPath`: nothing below it
   * exists or is listed, and reading below it answers 'outside'. (A link to a file out of the site
   * is `set(path, { kind: 'outside', realPath })`.)
   */
  linkOutside(path: string, realPath: string): void {
    this.outsideFolders.set(path, realPath);
  }

  readFile(path: string): FileContent | undefined {
    const content = this.files.get(path);
    if (content) return content;
    for (const [folder, realPath] of this.outsideFolders) {
      if (path === folder || path.startsWith(folder + '/')) return { kind: 'outside', realPath: realPath + path.slice(folder.length) };
    }
    return undefined;
  }

  exists(path: string): 'file' | 'directory' | undefined {
    const content = this.files.get(path);
    if (content) return content.kind === 'outside' ? undefined : 'file';
    const prefix = path.endsWith('/') ? path : path + '/';
    for (const p of this.files.keys()) if (p.startsWith(prefix)) return 'directory';
    return undefined;
  }

  listFiles(dir: string): string[] {
    const prefix = dir.endsWith('/') ? dir : dir + '/';
    return [...this.files.keys()].filter((p) => p.startsWith(prefix) && !isHiddenBelow(p.slice(prefix.length))).sort();
  }
}

/** True when a relative path passes through a dot-folder or node_modules (its file name does not count). */
export function isHiddenBelow(relative: string): boolean {
  const dirs = relative.split('/').slice(0, -1);
  return dirs.some((d) => d.startsWith('.') || d === 'node_modules');
}

/** Texts that win over what a host reads: an editor's open documents, a page not written yet. */
export interface TextOverlay {
  /** The text of a path, or undefined when the overlay has none. */
  textOf(path: string): { text: string; version?: number } | undefined;
  /** The paths the overlay adds to listings (files that need not exist underneath), if any. */
  added?(): Iterable<string>;
}

/**
 * A host whose overlay texts win over the one beneath (the language server's open documents over
 * the disk, a new page over the workspace). The failures of the host beneath stop here, as the Host
 * contract has no exceptions: a file that cannot be read is 'unreadable', a path that cannot be
 * looked at is not there, a folder that cannot be listed is empty.
 */
export class OverlayHost implements Host {
  constructor(
    private readonly base: Host,
    private readonly overlay: TextOverlay,
  ) {}

  readFile(path: string): FileContent | undefined {
    const doc = this.overlay.textOf(path);
    if (doc) return { kind: 'text', text: doc.text, version: doc.version };
    try {
      return this.base.readFile(path);
    } catch (e) {
      return { kind: 'unreadable', message: e instanceof Error ? e.message : String(e) };
    }
  }

  exists(path: string): 'file' | 'directory' | undefined {
    if (this.overlay.textOf(path)) return 'file';
    try {
      const what = this.base.exists(path);
      if (what) return what;
    } catch {
      // not there
    }
    const prefix = path.endsWith('/') ? path : path + '/';
    for (const added of this.overlay.added?.() ?? []) if (added.startsWith(prefix)) return 'directory';
    return undefined;
  }

  listFiles(dir: string): string[] {
    let files: string[];
    try {
      files = this.base.listFiles(dir);
    } catch {
      files = [];
    }
    const prefix = dir.endsWith('/') ? dir : dir + '/';
    const extra = [...(this.overlay.added?.() ?? [])].filter((p) => p.startsWith(prefix) && !isHiddenBelow(p.slice(prefix.length)) && !files.includes(p));
    return extra.length ? [...files, ...extra].sort() : files;
  }
}
