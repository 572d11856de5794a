// The disk as career-lint reads it: NodeHost, which decides what may be read, plus the names of a
// folder's entries (Host.entryNames). A run looks for site roots in every folder of the site, ten
// look-ups each; the listing of the site that chose the files already read every folder, so the
// names it saw answer most of them (1,361 folders of the handbook: 40 ms of look-ups), and a folder
// it did not see is read once. The names are only used to skip look-ups of names that are not
// there, so a link or a folder that cannot be read changes nothing.

import type * as nodeFs from 'node:fs';
import { fromCorePath, NODE_DISK, NodeHost } from '../node/nodeHost';

export class CliHost extends NodeHost {
  /** Folder (platform path) → the names of its entries, as the last listing read them. */
  private readonly names: Map<string, string[]>;

  constructor() {
    const names = new Map<string, string[]>();
    super({
      disk: {
        ...NODE_DISK,
        readdir: (p: string): nodeFs.Dirent[] => {
          const entries = NODE_DISK.readdir(p);
          names.set(
            p,
            entries.map((e) => e.name),
          );
          return entries;
        },
      },
    });
    this.names = names;
  }

  entryNames(dir: string): string[] | undefined {
    if (dir.includes('\0')) return undefined;
    const native = fromCorePath(dir);
    let names = this.names.get(native);
    if (!names) {
      try {
        names = NODE_DISK.readdir(native).map((e) => e.name);
      } catch {
        return undefined;
      }
      this.names.set(native, names);
    }
    return names;
  }

  /** Forgets the folders' names (after --fix wrote files: a fix may create a folder or a file). */
  forgetNames(): void {
    this.names.clear();
  }
}
