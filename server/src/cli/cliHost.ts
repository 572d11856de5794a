// The disk as career-lint reads it: NodeHost, which decides what may be read, plus the names of a
// folder's entries (Host.entryNames). A run looks for site roots in every folder of the site, ten
// look-ups each; one listing of the folder answers most of them at once (1,361 folders of the
// handbook: 40 ms of look-ups, 13 ms of listings). The names are only used to skip look-ups of
// names that are not there, so a link or a folder that cannot be read changes nothing.

import * as fs from 'node:fs';
import { fromCorePath, NodeHost } from '../node/nodeHost';

export class CliHost extends NodeHost {
  entryNames(dir: string): string[] | undefined {
    if (dir.includes('\0')) return undefined;
    try {
      return fs.readdirSync(fromCorePath(dir));
    } catch {
      return undefined;
    }
  }
}
